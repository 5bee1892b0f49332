import { describe, expect, test } from 'vitest'
import { sessionCookieName } from '~/auth/session.server'
import { hashToken } from '~/auth/tokens.server'
import { getLocale } from '~/i18n/locale.server'
import { getTranslator } from '~/i18n/messages'
import { translateError } from '~/i18n/use-t'
import { loader as loginLoader } from '~/routes/login/route'
import { getDb } from '~/utils/db.server'
import {
  auditRows,
  login,
  NEW_PASSWORD,
  resetAuthStateAroundEachTest,
  setEnv,
  signup,
} from '../helpers/auth-setup'
import { createUser, sessionCookieFor, TEST_PASSWORD, unique } from '../helpers/factories'
import { formRequest, getRequest, loaderArgs, run, testContext } from '../helpers/requests'
import { cookieValue, dataOf, formResult, headerOf, statusOf } from '../helpers/responses'

// Authentication: sign-up, login and login throttling.

resetAuthStateAroundEachTest()

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
