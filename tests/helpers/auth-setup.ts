import { afterEach, beforeEach } from 'vitest'
import { resetLimiters } from '~/auth/limits.server'
import { action as loginAction } from '~/routes/login/route'
import { action as signupAction } from '~/routes/signup/route'
import { setClockOffset } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { resetEnvCache } from '~/utils/env.server'
import { actionArgs, formRequest, run, testContext } from './requests'

// Shared setup for the authentication integration tests (auth-login.test.ts and
// auth-sessions.test.ts): environment overrides, the per-test reset of limiters, environment and
// clock, and the login and sign-up actions.

export const NEW_PASSWORD = 'nytt-lösenord-för-fjällen-42'
export const ENV_KEYS = [
  'LOGIN_LIMIT_PER_ACCOUNT',
  'LOGIN_LIMIT_PER_IP',
  'SESSION_MAX_HOURS',
  'SESSION_IDLE_MINUTES',
]

export function setEnv(values: Record<string, string>) {
  Object.assign(process.env, values)
  resetEnvCache()
  resetLimiters()
}

export function login(
  fields: Record<string, string>,
  options: { ip?: string; headers?: Record<string, string>; cookie?: string } = {},
) {
  const request = formRequest('/login', fields, {
    headers: options.headers,
    cookie: options.cookie,
  })
  return run(() =>
    loginAction({
      request,
      params: {},
      context: { ...testContext, clientIp: options.ip ?? testContext.clientIp },
    }),
  )
}

export function signup(fields: Record<string, string>, headers?: Record<string, string>) {
  return run(() => signupAction(actionArgs(formRequest('/signup', fields, { headers }))))
}

export async function auditRows(action: string) {
  return getDb()
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .orderBy('id')
    .execute()
}

/** Resets the limiters before each test, and the environment, limiters and clock after it. */
export function resetAuthStateAroundEachTest() {
  beforeEach(() => {
    resetLimiters()
  })
  afterEach(() => {
    for (const key of ENV_KEYS) delete process.env[key]
    resetEnvCache()
    resetLimiters()
    setClockOffset(0)
  })
}
