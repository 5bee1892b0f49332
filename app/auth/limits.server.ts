import { data } from '@remix-run/node'
import { getLocale } from '~/i18n/locale.server'
import { getTranslator } from '~/i18n/messages'
import { getEnv } from '~/utils/env.server'
import { RateLimiter } from './rate-limit.server'

const WINDOW_MS = 15 * 60 * 1000

interface Limiters {
  /** Failed logins on one account from one IP: the limit a guesser meets first. */
  loginIpAccount: RateLimiter
  /** Failed logins on one account from anywhere: guessing spread over many addresses. */
  loginAccount: RateLimiter
  /** Failed logins from one IP on any accounts: a generous backstop against credential stuffing. */
  loginIp: RateLimiter
  formIp: RateLimiter
}

let limiters: Limiters | undefined

const perWindow = (max: number) => new RateLimiter(max, WINDOW_MS / max)

/**
 * The process's rate limiters, sized from the environment: N attempts per 15 minutes, refilled
 * one at a time. Tests relax them through the same variables, never through special cases.
 * docs/operations/rate-limits.md explains the sizes.
 */
export function getLimiters(): Limiters {
  if (!limiters) {
    const env = getEnv()
    limiters = {
      loginIpAccount: perWindow(env.LOGIN_LIMIT_PER_IP_ACCOUNT),
      loginAccount: perWindow(env.LOGIN_LIMIT_PER_ACCOUNT),
      loginIp: perWindow(env.LOGIN_LIMIT_PER_IP),
      formIp: perWindow(env.FORM_LIMIT_PER_IP),
    }
  }
  return limiters
}

// One key per pair; a newline cannot occur in an IP address or a normalised e-mail address.
const pairKey = (ip: string, account: string) => `${ip}\n${account}`

/**
 * Whether a login on `account` (a normalised e-mail address) from `ip` may be tried now: null,
 * or the milliseconds until it may. Only failures count, so an office behind one address where
 * everyone types the right password is never slowed down, and one person's typos never lock
 * out a colleague.
 */
export function loginRetryAfterMs(ip: string, account: string): number | null {
  const { loginIpAccount, loginAccount, loginIp } = getLimiters()
  const pair = pairKey(ip, account)
  if (loginIpAccount.check(pair) && loginAccount.check(account) && loginIp.check(ip)) return null
  return Math.max(
    loginIpAccount.retryAfterMs(pair),
    loginAccount.retryAfterMs(account),
    loginIp.retryAfterMs(ip),
  )
}

/** Counts a failed login (wrong password or unknown address) against all three limits. */
export function recordLoginFailure(ip: string, account: string): void {
  const { loginIpAccount, loginAccount, loginIp } = getLimiters()
  loginIpAccount.consume(pairKey(ip, account))
  loginAccount.consume(account)
  loginIp.consume(ip)
}

/**
 * After a successful login the account's failures no longer count. The IP's do: one valid
 * account must not buy an attacker a fresh allowance for guessing others.
 */
export function recordLoginSuccess(ip: string, account: string): void {
  const { loginIpAccount, loginAccount } = getLimiters()
  loginIpAccount.reset(pairKey(ip, account))
  loginAccount.reset(account)
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
