import { describe, expect, test } from 'vitest'
import { validateSessionToken } from '~/auth/session.server'
import { hashToken } from '~/auth/tokens.server'
import { action, loader } from '~/routes/account/route'
import { action as loginAction } from '~/routes/login/route'
import { getDb } from '~/utils/db.server'
import { createUser, sessionCookieFor, TEST_PASSWORD } from '../helpers/factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'

const NEW_PASSWORD = 'blåbärsris-i-norrbotten-77'

function tokenOf(cookie: string): string {
  return cookie.split('=')[1]!
}

function post(cookie: string, fields: Record<string, string>) {
  return run(() => action(actionArgs(formRequest('/account', fields, { cookie }))))
}

function show(cookie: string, path = '/account') {
  return run(() => loader(loaderArgs(getRequest(path, { cookie }))))
}

async function sessionIds(userId: number) {
  const rows = await getDb()
    .selectFrom('sessions')
    .select('id')
    .where('user_id', '=', userId)
    .execute()
  return rows.map((r) => r.id).sort()
}

type AccountData = {
  account: { name: string; email: string }
  sessions: { id: string; current: boolean; ip: string | null; userAgent: string | null }[]
  notice: string | null
}

describe('the account page', () => {
  test('asks an anonymous visitor to log in and brings them back', async () => {
    const result = await run(() => loader(loaderArgs(getRequest('/account'))))
    expect(statusOf(result)).toBe(302)
    expect(headerOf(result, 'Location')).toBe('/login?redirectTo=%2Faccount')
  })

  test('shows the name, email and active sessions with the current one marked', async () => {
    const db = getDb()
    const user = await createUser(db, { name: 'Greta Granlund' })
    const other = await sessionCookieFor(db, user.id)
    const cookie = await sessionCookieFor(db, user.id)
    const stranger = await createUser(db)
    await sessionCookieFor(db, stranger.id)
    const page = dataOf<AccountData>(await show(cookie))
    expect(page.account).toEqual({ name: 'Greta Granlund', email: user.email })
    expect(page.sessions.map((s) => s.id).sort()).toEqual(
      [hashToken(tokenOf(other)), hashToken(tokenOf(cookie))].sort(),
    )
    expect(page.sessions.find((s) => s.current)?.id).toBe(hashToken(tokenOf(cookie)))
    expect(page.sessions.filter((s) => s.current)).toHaveLength(1)
  })

  test('changes the name, and refuses an empty one with 400', async () => {
    const db = getDb()
    const user = await createUser(db, { name: 'Före Namn' })
    const cookie = await sessionCookieFor(db, user.id)
    const empty = await post(cookie, { intent: 'name', name: '   ' })
    expect(statusOf(empty)).toBe(400)
    expect(formResult(empty).error?.name).toEqual(['errors.required'])

    const saved = await post(cookie, { intent: 'name', name: ' Efter Namn ' })
    expect(headerOf(saved, 'Location')).toBe('/account?saved=name')
    expect(dataOf<AccountData>(await show(cookie, '/account?saved=name'))).toMatchObject({
      account: { name: 'Efter Namn' },
      notice: 'name',
    })
  })

  test('an unknown intent is a 400, not a 500', async () => {
    const user = await createUser(getDb())
    const cookie = await sessionCookieFor(getDb(), user.id)
    expect(statusOf(await post(cookie, { intent: 'drop-tables' }))).toBe(400)
  })
})

describe('changing the password', () => {
  test('ends every other session, keeps this one, queues a mail and lets the new password in', async () => {
    const db = getDb()
    const user = await createUser(db)
    const otherA = await sessionCookieFor(db, user.id)
    const otherB = await sessionCookieFor(db, user.id)
    const cookie = await sessionCookieFor(db, user.id)

    const result = await post(cookie, {
      intent: 'password',
      currentPassword: TEST_PASSWORD,
      password: NEW_PASSWORD,
      confirm: NEW_PASSWORD,
    })
    expect(statusOf(result)).toBe(302)
    expect(headerOf(result, 'Location')).toBe('/account?saved=password')

    expect(await sessionIds(user.id)).toEqual([hashToken(tokenOf(cookie))])
    expect(await validateSessionToken(db, tokenOf(cookie))).not.toBeNull()
    expect(await validateSessionToken(db, tokenOf(otherA))).toBeNull()
    expect(await validateSessionToken(db, tokenOf(otherB))).toBeNull()

    const mail = await db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', user.email)
      .where('template', '=', 'password_changed')
      .executeTakeFirst()
    expect(mail?.subject).toBe('Ditt lösenord i Testarena har ändrats')
    expect(mail?.text_body).toContain('http://localhost:3000/forgot-password')

    const row = await db
      .selectFrom('users')
      .select(['password_hash', 'password_changed_at'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow()
    expect(row.password_hash).toMatch(/^\$argon2id\$/)
    const audit = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.password_changed')
      .where('actor_user_id', '=', user.id)
      .execute()
    expect(audit).toHaveLength(1)

    const login = (password: string) =>
      run(() => loginAction(actionArgs(formRequest('/login', { email: user.email, password }))))
    expect(statusOf(await login(TEST_PASSWORD))).toBe(400)
    expect(statusOf(await login(NEW_PASSWORD))).toBe(302)
  })

  test('a wrong current password is an error on that field and changes nothing', async () => {
    const db = getDb()
    const user = await createUser(db)
    const other = await sessionCookieFor(db, user.id)
    const cookie = await sessionCookieFor(db, user.id)
    const result = await post(cookie, {
      intent: 'password',
      currentPassword: 'inte-rätt-alls',
      password: NEW_PASSWORD,
      confirm: NEW_PASSWORD,
    })
    expect(statusOf(result)).toBe(400)
    const reply = formResult(result)
    expect(reply.error?.currentPassword).toEqual(['errors.domain.wrong_password'])
    expect(JSON.stringify(reply)).not.toContain(NEW_PASSWORD)
    expect(await validateSessionToken(db, tokenOf(other))).not.toBeNull()
    const mails = await db
      .selectFrom('outbox')
      .select('id')
      .where('to_address', '=', user.email)
      .execute()
    expect(mails).toEqual([])
  })

  test('the new password follows the same rules as at sign-up', async () => {
    const user = await createUser(getDb())
    const cookie = await sessionCookieFor(getDb(), user.id)
    const common = await post(cookie, {
      intent: 'password',
      currentPassword: TEST_PASSWORD,
      password: 'iloveyou1',
      confirm: 'iloveyou1',
    })
    expect(formResult(common).error?.password).toEqual(['errors.passwordCommon'])
    const short = await post(cookie, {
      intent: 'password',
      currentPassword: TEST_PASSWORD,
      password: 'kort',
      confirm: 'kort',
    })
    expect(formResult(short).error?.password).toEqual(['errors.passwordTooShort'])
    const mismatch = await post(cookie, {
      intent: 'password',
      currentPassword: TEST_PASSWORD,
      password: NEW_PASSWORD,
      confirm: 'annat-lösenord-1',
    })
    expect(formResult(mismatch).error?.confirm).toEqual(['errors.passwordMismatch'])
  })
})

describe('ending sessions', () => {
  test('a user can end one of their other sessions', async () => {
    const db = getDb()
    const user = await createUser(db)
    const other = await sessionCookieFor(db, user.id)
    const cookie = await sessionCookieFor(db, user.id)
    const result = await post(cookie, { intent: 'revoke', sessionId: hashToken(tokenOf(other)) })
    expect(headerOf(result, 'Location')).toBe('/account?saved=revoked')
    expect(await sessionIds(user.id)).toEqual([hashToken(tokenOf(cookie))])
  })

  test('another user’s session id does nothing and answers 404', async () => {
    const db = getDb()
    const victim = await createUser(db)
    const victimCookie = await sessionCookieFor(db, victim.id)
    const attacker = await createUser(db)
    const cookie = await sessionCookieFor(db, attacker.id)
    const result = await post(cookie, {
      intent: 'revoke',
      sessionId: hashToken(tokenOf(victimCookie)),
    })
    expect(statusOf(result)).toBe(404)
    expect(await validateSessionToken(db, tokenOf(victimCookie))).not.toBeNull()
  })

  test('the current session and malformed ids are not revoked through this form', async () => {
    const db = getDb()
    const user = await createUser(db)
    const cookie = await sessionCookieFor(db, user.id)
    expect(
      statusOf(await post(cookie, { intent: 'revoke', sessionId: hashToken(tokenOf(cookie)) })),
    ).toBe(404)
    expect(statusOf(await post(cookie, { intent: 'revoke', sessionId: "' OR 1=1 --" }))).toBe(404)
    expect(await validateSessionToken(db, tokenOf(cookie))).not.toBeNull()
  })

  test('“log out everywhere else” ends every other session of the user only', async () => {
    const db = getDb()
    const user = await createUser(db)
    await sessionCookieFor(db, user.id)
    await sessionCookieFor(db, user.id)
    const cookie = await sessionCookieFor(db, user.id)
    const someoneElse = await createUser(db)
    const theirs = await sessionCookieFor(db, someoneElse.id)
    const result = await post(cookie, { intent: 'revokeOthers' })
    expect(headerOf(result, 'Location')).toBe('/account?saved=revokedOthers')
    expect(await sessionIds(user.id)).toEqual([hashToken(tokenOf(cookie))])
    expect(await validateSessionToken(db, tokenOf(theirs))).not.toBeNull()
  })
})
