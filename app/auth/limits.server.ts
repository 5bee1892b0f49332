import { data } from '@remix-run/node'
import { getLocale } from '~/i18n/locale.server'
import { getTranslator } from '~/i18n/messages'
import { getEnv } from '~/utils/env.server'
import { RateLimiter } from './rate-limit.server'

const WINDOW_MS = 15 * 60 * 1000

let limiters: { loginIp: RateLimiter; loginAccount: RateLimiter; formIp: RateLimiter } | undefined

/**
 * The process's rate limiters, sized from the environment: N attempts per 15 minutes, refilled
 * one at a time. Tests relax them through the same variables, never through special cases.
 */
export function getLimiters() {
  if (!limiters) {
    const env = getEnv()
    limiters = {
      loginIp: new RateLimiter(env.LOGIN_LIMIT_PER_IP, WINDOW_MS / env.LOGIN_LIMIT_PER_IP),
      loginAccount: new RateLimiter(
        env.LOGIN_LIMIT_PER_ACCOUNT,
        WINDOW_MS / env.LOGIN_LIMIT_PER_ACCOUNT,
      ),
      formIp: new RateLimiter(env.FORM_LIMIT_PER_IP, WINDOW_MS / env.FORM_LIMIT_PER_IP),
    }
  }
  return limiters
}

/** Tests only: start from full buckets. */
export function resetLimiters(): void {
  limiters = undefined
}

/** A translated 429 response saying how long to wait. */
export function tooManyRequests(request: Request, retryAfterMs: number): Response {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000))
  const t = getTranslator(getLocale(request))
  return data(t('errors.tooManyRequests', { minutes }), {
    status: 429,
    headers: { 'Retry-After': String(Math.ceil(retryAfterMs / 1000)) },
  }) as unknown as Response
}

/**
 * For public forms that send mail or create things (sign-up, reset requests, invitations): one
 * token per submission from the client's IP; throws a translated 429 when spent.
 */
export function enforceFormLimit(request: Request, ip: string): void {
  const { formIp } = getLimiters()
  if (!formIp.consume(ip)) throw tooManyRequests(request, formIp.retryAfterMs(ip))
}
