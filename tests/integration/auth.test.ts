import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { resetLimiters } from '~/auth/limits.server'
import { sessionCookieName, validateSessionToken } from '~/auth/session.server'
import { hashToken } from '~/auth/tokens.server'
import { getLocale } from '~/i18n/locale.server'
import { getTranslator } from '~/i18n/messages'
import { translateError } from '~/i18n/use-t'
import { action as forgotAction } from '~/routes/forgot-password/route'
import { action as loginAction, loader as loginLoader } from '~/routes/login/route'
import { action as logoutAction, loader as logoutLoader } from '~/routes/logout/route'
import { action as resetAction, loader as resetLoader } from '~/routes/reset-password.$token/route'
import { action as signupAction } from '~/routes/signup/route'
import { loader as accountLoader } from '~/routes/account/route'
import { setClockOffset } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { resetEnvCache } from '~/utils/env.server'
import { createUser, sessionCookieFor, TEST_PASSWORD, unique } from '../helpers/factories'
import {
  actionArgs,
  formRequest,
  getRequest,
  loaderArgs,
  run,
  testContext,
} from '../helpers/requests'
import { cookieValue, dataOf, formResult, headerOf, statusOf } from '../helpers/responses'

const NEW_PASSWORD = 'nytt-lösenord-för-fjällen-42'
const ENV_KEYS = [
  'LOGIN_LIMIT_PER_ACCOUNT',
  'LOGIN_LIMIT_PER_IP',
  'SESSION_MAX_HOURS',
  'SESSION_IDLE_MINUTES',
]

function setEnv(values: Record<string, string>) {
  Object.assign(process.env, values)
  resetEnvCache()
  resetLimiters()
}

beforeEach(() => {
  resetLimiters()
})
afterEach(() => {
  for (const key of ENV_KEYS) delete process.env[key]
  resetEnvCache()
  resetLimiters()
  setClockOffset(0)
})

function login(
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

function signup(fields: Record<string, string>, headers?: Record<string, string>) {
  return run(() => signupAction(actionArgs(formRequest('/signup', fields, { headers }))))
}

async function auditRows(action: string) {
  return getDb()
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .orderBy('id')
    .execute()
}

describe('sign-up', () => {
  // What a valid sign-up does (mail, confirmation link, the same answer for every address) is
  // in signup-confirmation.test.ts.
  test('bad input answers 400, keeps the name and email but never sends a password back', async () => {
    const result = await signup({
      name: 'Kalle Kort',
      email: 'kalle@example.test',
      password: 'kort',
      confirm: 'annat',
    })
    expect(statusOf(result)).toBe(400)
    const reply = formResult(result)
    expect(reply.error?.password).toEqual(['errors.passwordTooShort'])
    expect(reply.initialValue).toMatchObject({ name: 'Kalle Kort', email: 'kalle@example.test' })
    expect(reply.initialValue).not.toHaveProperty('password')
    expect(reply.initialValue).not.toHaveProperty('confirm')
    expect(JSON.stringify(reply)).not.toContain('kort"')
    expect(headerOf(result, 'Set-Cookie')).toBeNull()
  })

  test('a common password and a mismatched confirmation are refused', async () => {
    const common = await signup({
      name: 'C',
      email: `${unique('c')}@example.test`,
      password: 'password123',
      confirm: 'password123',
    })
    expect(statusOf(common)).toBe(400)
    expect(formResult(common).error?.password).toEqual(['errors.passwordCommon'])

    const mismatch = await signup({
      name: 'M',
      email: `${unique('m')}@example.test`,
      password: NEW_PASSWORD,
      confirm: `${NEW_PASSWORD}x`,
    })
    expect(statusOf(mismatch)).toBe(400)
    expect(formResult(mismatch).error?.confirm).toEqual(['errors.passwordMismatch'])
  })

  test('a filled-in honeypot is refused', async () => {
    const result = await signup({
      name: 'Bot',
      email: `${unique('bot')}@example.test`,
      password: NEW_PASSWORD,
      confirm: NEW_PASSWORD,
      contact_fax: 'x',
    })
    expect(statusOf(result)).toBe(400)
  })
})

describe('login', () => {
  test('the right password sets an HttpOnly SameSite=Lax cookie whose token is stored only as its SHA-256', async () => {
    const user = await createUser(getDb())
    const result = await login(
      { email: user.email.toUpperCase(), password: TEST_PASSWORD, redirectTo: '/account' },
      { headers: { 'User-Agent': 'TestBrowser/1.0' } },
    )
    expect(statusOf(result)).toBe(302)
    expect(headerOf(result, 'Location')).toBe('/account')
    const setCookie = headerOf(result, 'Set-Cookie') ?? ''
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    expect(setCookie).toMatch(/Path=\//i)
    const token = cookieValue(result, sessionCookieName())!
    expect(token).toMatch(/^[a-z2-7]{32}$/)
    const sessions = await getDb()
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute()
    expect(sessions).toHaveLength(1)
    expect(sessions[0]!.id).toBe(hashToken(token))
    expect(sessions[0]!.id).not.toBe(token)
    expect(sessions[0]!.ip).toBe(testContext.clientIp)
    expect(sessions[0]!.user_agent).toBe('TestBrowser/1.0')
    const audits = await auditRows('auth.login')
    expect(audits.at(-1)).toMatchObject({ actor_user_id: user.id, ip: testContext.clientIp })
  })

  test('logging in brings the account’s language to this browser, unless one was picked here', async () => {
    const user = await createUser(getDb(), { locale: 'en' })
    const plain = await login({ email: user.email, password: TEST_PASSWORD })
    expect(cookieValue(plain, 'testarena_lang')).toBe('en')

    const picked = await login(
      { email: user.email, password: TEST_PASSWORD },
      { cookie: 'testarena_lang=sv' },
    )
    expect(cookieValue(picked, 'testarena_lang')).toBeNull()
    const row = await getDb()
      .selectFrom('users')
      .select('locale')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow()
    expect(row.locale).toBe('sv')
  })

  test('every login creates a new session token', async () => {
    const user = await createUser(getDb())
    const first = cookieValue(
      await login({ email: user.email, password: TEST_PASSWORD }),
      sessionCookieName(),
    )
    const second = cookieValue(
      await login({ email: user.email, password: TEST_PASSWORD }),
      sessionCookieName(),
    )
    expect(first).toBeTruthy()
    expect(second).toBeTruthy()
    expect(first).not.toBe(second)
  })

  test('without a redirect the user lands on their organisations, and a foreign one is ignored', async () => {
    const user = await createUser(getDb())
    expect(headerOf(await login({ email: user.email, password: TEST_PASSWORD }), 'Location')).toBe(
      '/my/organisations',
    )
    expect(
      headerOf(
        await login({
          email: user.email,
          password: TEST_PASSWORD,
          redirectTo: 'https://evil.example/',
        }),
        'Location',
      ),
    ).toBe('/my/organisations')
  })

  test('a wrong password and an unknown email get the same generic answer, and both are audited without the password', async () => {
    const user = await createUser(getDb())
    const wrong = await login({ email: user.email, password: 'fel-lösenord-123' })
    const unknown = await login({
      email: `${unique('ingen')}@example.test`,
      password: 'fel-lösenord-123',
    })
    expect(statusOf(wrong)).toBe(400)
    expect(statusOf(unknown)).toBe(400)
    expect(formResult(wrong).error).toEqual({ '': ['auth.login.failed'] })
    expect(formResult(unknown).error).toEqual(formResult(wrong).error)
    expect(formResult(wrong).initialValue).not.toHaveProperty('password')
    expect(headerOf(wrong, 'Set-Cookie')).toBeNull()
    const failures = await auditRows('auth.login_failed')
    expect(failures.length).toBeGreaterThanOrEqual(2)
    expect(failures.every((f) => f.ip === testContext.clientIp)).toBe(true)
    expect(failures.map((f) => f.after_json).join()).not.toContain('fel-lösenord-123')
  })

  test('a malformed email answers 400 and keeps what was typed', async () => {
    const result = await login({ email: 'inte-en-adress', password: 'x' })
    expect(statusOf(result)).toBe(400)
    expect(formResult(result).error?.email).toEqual(['errors.email'])
    expect(formResult(result).initialValue).toEqual(
      expect.objectContaining({ email: 'inte-en-adress' }),
    )
  })

  test('a logged-in user who opens the login page is sent on', async () => {
    const user = await createUser(getDb())
    const cookie = await sessionCookieFor(getDb(), user.id)
    const result = await run(() => loginLoader(loaderArgs(getRequest('/login', { cookie }))))
    expect(statusOf(result)).toBe(302)
  })

  test('after a password reset the login page says so', async () => {
    const result = await run(() =>
      loginLoader(loaderArgs(getRequest('/login?reset=1&redirectTo=/account'))),
    )
    expect(dataOf(result)).toEqual({ redirectTo: '/account', resetDone: true })
  })
})

describe('login throttling', () => {
  test('an account answers 429 after LOGIN_LIMIT_PER_ACCOUNT failures, even with the right password and from another IP', async () => {
    setEnv({ LOGIN_LIMIT_PER_ACCOUNT: '3' })
    const user = await createUser(getDb())
    for (let i = 0; i < 3; i++) {
      expect(statusOf(await login({ email: user.email, password: `fel-${i}-lösenord` }))).toBe(400)
    }
    const blocked = await login({ email: user.email, password: TEST_PASSWORD })
    expect(statusOf(blocked)).toBe(429)
    expect(Number(headerOf(blocked, 'Retry-After'))).toBeGreaterThan(0)
    expect(formResult(blocked).error).toEqual({ '': ['errors.tooManyRequests|{"minutes":5}'] })
    expect(headerOf(blocked, 'Set-Cookie')).toBeNull()

    const elsewhere = await login(
      { email: user.email.toUpperCase(), password: TEST_PASSWORD },
      { ip: '192.0.2.44' },
    )
    expect(statusOf(elsewhere)).toBe(429)
    const throttled = await auditRows('auth.login_failed')
    expect(throttled.at(-1)?.after_json).toContain('throttled')
  })

  test('the 429 message is translated into the language of the request', async () => {
    setEnv({ LOGIN_LIMIT_PER_ACCOUNT: '1' })
    const user = await createUser(getDb())
    await login({ email: user.email, password: 'fel-lösenord-1' })
    for (const [acceptLanguage, text] of [
      ['sv-SE,sv;q=0.9', 'För många försök. Vänta 15 minuter och försök igen.'],
      ['en-GB,en;q=0.8', 'Too many attempts. Wait 15 minutes and try again.'],
    ] as const) {
      const headers = { 'Accept-Language': acceptLanguage }
      const result = await login({ email: user.email, password: TEST_PASSWORD }, { headers })
      expect(statusOf(result)).toBe(429)
      const [message] = formResult(result).error?.[''] ?? []
      // The page renders in the request's language and translates the message key with it.
      const t = getTranslator(getLocale(formRequest('/login', {}, { headers })))
      expect(translateError(t, message ?? '')).toBe(text)
    }
  })

  test('a successful login clears the account’s failures', async () => {
    setEnv({ LOGIN_LIMIT_PER_ACCOUNT: '2' })
    const user = await createUser(getDb())
    await login({ email: user.email, password: 'fel-lösenord-1' })
    expect(statusOf(await login({ email: user.email, password: TEST_PASSWORD }))).toBe(302)
    await login({ email: user.email, password: 'fel-lösenord-2' })
    expect(statusOf(await login({ email: user.email, password: TEST_PASSWORD }))).toBe(302)
  })

  test('an IP answers 429 after LOGIN_LIMIT_PER_IP failures on any accounts, while other IPs still get in', async () => {
    setEnv({ LOGIN_LIMIT_PER_IP: '3', LOGIN_LIMIT_PER_ACCOUNT: '100' })
    const user = await createUser(getDb())
    const attacker = '198.51.100.7'
    for (let i = 0; i < 3; i++) {
      const result = await login(
        { email: `${unique('gissning')}@example.test`, password: 'gissat-lösen' },
        { ip: attacker },
      )
      expect(statusOf(result)).toBe(400)
    }
    expect(
      statusOf(await login({ email: user.email, password: TEST_PASSWORD }, { ip: attacker })),
    ).toBe(429)
    expect(
      statusOf(await login({ email: user.email, password: TEST_PASSWORD }, { ip: '203.0.113.9' })),
    ).toBe(302)
  })
})

describe('logout', () => {
  test('a POST ends the session, clears the cookie and goes home', async () => {
    const user = await createUser(getDb())
    const cookie = await sessionCookieFor(getDb(), user.id)
    const token = cookie.split('=')[1]!
    const result = await run(() => logoutAction(actionArgs(formRequest('/logout', {}, { cookie }))))
    expect(statusOf(result)).toBe(302)
    expect(headerOf(result, 'Location')).toBe('/')
    expect(headerOf(result, 'Set-Cookie')).toMatch(/Max-Age=0/i)
    expect(
      await getDb()
        .selectFrom('sessions')
        .select('id')
        .where('id', '=', hashToken(token))
        .executeTakeFirst(),
    ).toBeUndefined()
    expect(await validateSessionToken(getDb(), token)).toBeNull()
    expect((await auditRows('auth.logout')).at(-1)?.actor_user_id).toBe(user.id)
  })

  test('a GET does not log out', async () => {
    const user = await createUser(getDb())
    const cookie = await sessionCookieFor(getDb(), user.id)
    const result = await run(() => logoutLoader())
    expect(headerOf(result, 'Location')).toBe('/')
    expect(await validateSessionToken(getDb(), cookie.split('=')[1]!)).not.toBeNull()
  })
})

describe('sessions end on their own', () => {
  test('after SESSION_IDLE_MINUTES without activity', async () => {
    setEnv({ SESSION_IDLE_MINUTES: '30' })
    const user = await createUser(getDb())
    const cookie = await sessionCookieFor(getDb(), user.id)
    setClockOffset(29 * 60)
    expect(
      statusOf(await run(() => accountLoader(loaderArgs(getRequest('/account', { cookie }))))),
    ).toBe(200)
    setClockOffset(29 * 60 + 30 * 60)
    const result = await run(() => accountLoader(loaderArgs(getRequest('/account', { cookie }))))
    expect(statusOf(result)).toBe(302)
    expect(headerOf(result, 'Location')).toBe('/login?redirectTo=%2Faccount')
    const left = await getDb()
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', user.id)
      .execute()
    expect(left).toEqual([])
  })

  test('at SESSION_MAX_HOURS however active the user is', async () => {
    setEnv({ SESSION_MAX_HOURS: '1', SESSION_IDLE_MINUTES: '30' })
    const user = await createUser(getDb())
    const cookie = await sessionCookieFor(getDb(), user.id)
    for (const minutes of [20, 40, 59]) {
      setClockOffset(minutes * 60)
      const result = await run(() => accountLoader(loaderArgs(getRequest('/account', { cookie }))))
      expect(statusOf(result), `at ${minutes} minutes`).toBe(200)
    }
    setClockOffset(60 * 60)
    expect(
      statusOf(await run(() => accountLoader(loaderArgs(getRequest('/account', { cookie }))))),
    ).toBe(302)
  })
})

describe('password reset', () => {
  async function requestReset(email: string, headers?: Record<string, string>) {
    return run(() =>
      forgotAction(actionArgs(formRequest('/forgot-password', { email }, { headers }))),
    )
  }
  async function latestMail(to: string) {
    return getDb()
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', to)
      .orderBy('id', 'desc')
      .executeTakeFirst()
  }
  function tokenFrom(text: string): string {
    const match = /http:\/\/localhost:3000\/reset-password\/([a-z2-7]{32})/.exec(text)
    if (!match) throw new Error(`no reset link in: ${text}`)
    return match[1]!
  }
  function resetPost(token: string, password: string, confirm = password) {
    return run(() =>
      resetAction(
        actionArgs(formRequest(`/reset-password/${token}`, { password, confirm }), { token }),
      ),
    )
  }
  function resetGet(token: string) {
    return run(() => resetLoader(loaderArgs(getRequest(`/reset-password/${token}`), { token })))
  }

  test('known and unknown addresses get the same answer, and only a known one gets mail', async () => {
    const user = await createUser(getDb())
    const stranger = `${unique('okand')}@example.test`
    const known = await requestReset(` ${user.email.toUpperCase()} `)
    const unknown = await requestReset(stranger)
    expect(statusOf(known)).toBe(302)
    expect(statusOf(unknown)).toBe(statusOf(known))
    expect(headerOf(unknown, 'Location')).toBe(headerOf(known, 'Location'))
    expect(headerOf(known, 'Location')).toBe('/forgot-password?sent=1')
    expect(await latestMail(stranger)).toBeUndefined()
    const mail = await latestMail(user.email)
    expect(mail?.template).toBe('password_reset')
    expect(mail?.subject).toBe('Återställ ditt lösenord i Testarena')
  })

  test('the link from the outbox sets a new password once, and ends every session of the account', async () => {
    const db = getDb()
    const user = await createUser(db, { locale: 'en' })
    const cookieA = await sessionCookieFor(db, user.id)
    await sessionCookieFor(db, user.id)
    await requestReset(user.email)
    const mail = await latestMail(user.email)
    expect(mail?.subject).toBe('Reset your Testarena password')
    const token = tokenFrom(mail!.text_body)
    expect(
      await db
        .selectFrom('password_resets')
        .select('id')
        .where('id', '=', token)
        .executeTakeFirst(),
    ).toBeUndefined()

    expect(statusOf(await resetGet(token))).toBe(200)
    expect(dataOf(await resetGet(token))).toEqual({ valid: true })

    const mismatch = await resetPost(token, NEW_PASSWORD, 'något-annat-lösenord')
    expect(statusOf(mismatch)).toBe(400)
    expect(formResult(mismatch).error?.confirm).toEqual(['errors.passwordMismatch'])

    const done = await resetPost(token, NEW_PASSWORD)
    expect(statusOf(done)).toBe(302)
    expect(headerOf(done, 'Location')).toBe('/login?reset=1')
    expect(headerOf(done, 'Set-Cookie')).toMatch(/Max-Age=0/i)
    expect(
      await db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute(),
    ).toEqual([])
    expect(await validateSessionToken(db, cookieA.split('=')[1]!)).toBeNull()
    expect((await auditRows('user.password_reset')).at(-1)?.entity_id).toBe(String(user.id))

    expect(statusOf(await login({ email: user.email, password: TEST_PASSWORD }))).toBe(400)
    expect(statusOf(await login({ email: user.email, password: NEW_PASSWORD }))).toBe(302)

    // Single use: the page and the form both say the link no longer works.
    expect(statusOf(await resetGet(token))).toBe(410)
    expect(dataOf(await resetGet(token))).toEqual({ valid: false })
    const again = await resetPost(token, 'ett-tredje-lösenord-99')
    expect(statusOf(again)).toBe(410)
    expect(dataOf(again)).toEqual({ invalid: true })
    expect(statusOf(await login({ email: user.email, password: NEW_PASSWORD }))).toBe(302)
  })

  test('a link expires after an hour', async () => {
    const user = await createUser(getDb())
    await requestReset(user.email)
    const token = tokenFrom((await latestMail(user.email))!.text_body)
    setClockOffset(59 * 60)
    expect(statusOf(await resetGet(token))).toBe(200)
    setClockOffset(60 * 60)
    expect(statusOf(await resetGet(token))).toBe(410)
    expect(statusOf(await resetPost(token, NEW_PASSWORD))).toBe(410)
    setClockOffset(0)
    expect(statusOf(await login({ email: user.email, password: TEST_PASSWORD }))).toBe(302)
  })

  test('an unknown or malformed link is a friendly 410, not an error', async () => {
    for (const token of ['a'.repeat(32), 'inte-en-token', '../../etc']) {
      expect(statusOf(await resetGet(token))).toBe(410)
      expect(statusOf(await resetPost(token, NEW_PASSWORD))).toBe(410)
    }
  })

  test('a common new password is refused and the link keeps working', async () => {
    const user = await createUser(getDb())
    await requestReset(user.email)
    const token = tokenFrom((await latestMail(user.email))!.text_body)
    const result = await resetPost(token, 'qwertyuiop')
    expect(statusOf(result)).toBe(400)
    expect(formResult(result).error?.password).toEqual(['errors.passwordCommon'])
    expect(statusOf(await resetGet(token))).toBe(200)
  })
})
