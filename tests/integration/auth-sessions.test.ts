import { describe, expect, test } from 'vitest'
import { validateSessionToken } from '~/auth/session.server'
import { hashToken } from '~/auth/tokens.server'
import { action as forgotAction } from '~/routes/forgot-password/route'
import { action as logoutAction, loader as logoutLoader } from '~/routes/logout/route'
import { action as resetAction, loader as resetLoader } from '~/routes/reset-password.$token/route'
import { loader as accountLoader } from '~/routes/account/route'
import { setClockOffset } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import {
  auditRows,
  login,
  NEW_PASSWORD,
  resetAuthStateAroundEachTest,
  setEnv,
} from '../helpers/auth-setup'
import { createUser, sessionCookieFor, TEST_PASSWORD, unique } from '../helpers/factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'

// Authentication: logout, sessions that end on their own, and password reset.

resetAuthStateAroundEachTest()

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
