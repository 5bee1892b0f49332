import { sql } from 'kysely'
import { Migrator } from 'kysely'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { openDatabase } from '#db/connection'
import { migrateToLatest } from '#db/migrator'
import { migrations } from '#db/migrations/index'
import { resetLimiters } from '~/auth/limits.server'
import { verifyPassword } from '~/auth/password.server'
import { sessionCookieName, validateSessionToken } from '~/auth/session.server'
import { hashToken } from '~/auth/tokens.server'
import { createInvitation } from '~/models/invitations.server'
import { CONFIRMATION_TTL_SECONDS } from '~/models/signup.server'
import { action as forgotAction } from '~/routes/forgot-password/route'
import { action as invitationAction } from '~/routes/invitations.$token/route'
import { action as loginAction } from '~/routes/login/route'
import { action as resetAction } from '~/routes/reset-password.$token/route'
import {
  action as confirmAction,
  loader as confirmLoader,
} from '~/routes/signup_.confirm.$token/route'
import { action as signupAction } from '~/routes/signup/route'
import { now, setClockOffset } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { createOrganisation, createUser, TEST_PASSWORD, unique } from '../helpers/factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { cookieValue, dataOf, formResult, headerOf, statusOf } from '../helpers/responses'

const PASSWORD = 'fjällräv-på-vintersemester-7'
const OTHER_PASSWORD = 'en-helt-annan-fras-om-hav-9'

beforeEach(() => {
  resetLimiters()
})
afterEach(() => {
  setClockOffset(0)
  resetLimiters()
})

function signup(
  fields: { name?: string; email: string; password?: string; redirectTo?: string },
  headers?: Record<string, string>,
) {
  const password = fields.password ?? PASSWORD
  return run(() =>
    signupAction(
      actionArgs(
        formRequest(
          '/signup',
          {
            name: fields.name ?? 'Nora Nyström',
            email: fields.email,
            password,
            confirm: password,
            ...(fields.redirectTo ? { redirectTo: fields.redirectTo } : {}),
          },
          { headers },
        ),
      ),
    ),
  )
}

function login(email: string, password: string) {
  return run(() => loginAction(actionArgs(formRequest('/login', { email, password }))))
}

function confirmGet(token: string, query = '') {
  return run(() =>
    confirmLoader(loaderArgs(getRequest(`/signup/confirm/${token}${query}`), { token })),
  )
}

function confirmPost(token: string, redirectTo = '') {
  return run(() =>
    confirmAction(actionArgs(formRequest(`/signup/confirm/${token}`, { redirectTo }), { token })),
  )
}

async function mailsTo(to: string) {
  return getDb()
    .selectFrom('outbox')
    .selectAll()
    .where('to_address', '=', to)
    .orderBy('id')
    .execute()
}

/** The confirmation link in a mail: its token and the query it carries. */
function linkIn(text: string): { token: string; query: string } {
  const match = /http:\/\/localhost:3000\/signup\/confirm\/([a-z2-7]{32})(\?\S*)?/.exec(text)
  if (!match?.[1]) throw new Error(`No confirmation link in: ${text}`)
  return { token: match[1], query: match[2] ?? '' }
}

async function userRow(email: string) {
  return getDb()
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email)
    .executeTakeFirstOrThrow()
}

async function userCount(email: string) {
  const row = await getDb()
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('email', '=', email)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

describe('the answer to a sign-up', () => {
  test('is the same for a new, an unconfirmed and a registered address, and never logs in', async () => {
    const fresh = `${unique('ny')}@example.test`
    const registered = await createUser(getDb())
    const pending = `${unique('vantar')}@example.test`
    await signup({ email: pending })

    const answers = [
      await signup({ email: fresh }),
      await signup({ email: registered.email }),
      await signup({ email: pending }),
    ]
    const emails = [fresh, registered.email, pending]
    answers.forEach((answer, i) => {
      expect(statusOf(answer)).toBe(200)
      expect(dataOf(answer)).toEqual({ sent: emails[i] })
      expect(headerOf(answer, 'Set-Cookie')).toBeNull()
    })
  })

  test('a new address gets an unconfirmed account and a link in its own language', async () => {
    const email = `${unique('Ny')}@Example.TEST`
    await signup({ name: ' Nora Nyström ', email: `  ${email} ` }, { 'Accept-Language': 'en' })
    const user = await userRow(email.toLowerCase())
    expect(user.name).toBe('Nora Nyström')
    expect(user.locale).toBe('en')
    expect(user.email_confirmed_at).toBeNull()
    expect(user.password_hash).toMatch(/^\$argon2id\$/)
    const mails = await mailsTo(email.toLowerCase())
    expect(mails.map((m) => m.template)).toEqual(['signup_confirm'])
    expect(mails[0]!.subject).toBe('Confirm your email address on Testarena')
    const { token } = linkIn(mails[0]!.text_body)
    // Only the token's hash is stored.
    const rows = await getDb()
      .selectFrom('signup_confirmations')
      .select('id')
      .where('user_id', '=', user.id)
      .execute()
    expect(rows.map((r) => r.id)).toEqual([hashToken(token)])
    const audit = await getDb()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.signup')
      .where('entity_id', '=', String(user.id))
      .executeTakeFirstOrThrow()
    expect(audit.after_json).not.toContain(PASSWORD)
  })

  test('a registered address changes nothing; its owner is told, with links to log in and reset', async () => {
    const owner = await createUser(getDb(), { name: 'Olle Ägare', locale: 'en' })
    const before = await userRow(owner.email)
    const answer = await signup({ name: 'Inkräktare', email: owner.email.toUpperCase() })
    expect(statusOf(answer)).toBe(200)
    expect(await userRow(owner.email)).toEqual(before)
    expect(await userCount(owner.email)).toBe(1)
    const mails = await mailsTo(owner.email)
    expect(mails.map((m) => m.template)).toEqual(['signup_existing'])
    expect(mails[0]!.subject).toBe('Someone tried to create an account with your email address')
    expect(mails[0]!.text_body).toContain('Hello Olle Ägare')
    expect(mails[0]!.text_body).toContain('http://localhost:3000/login')
    expect(mails[0]!.text_body).toContain('http://localhost:3000/forgot-password')
    expect(mails[0]!.text_body).not.toMatch(/signup\/confirm/)
    expect(
      await getDb()
        .selectFrom('signup_confirmations')
        .select('id')
        .where('user_id', '=', owner.id)
        .execute(),
    ).toEqual([])
    // The owner's password still works, the attempted one does not.
    expect(statusOf(await login(owner.email, TEST_PASSWORD))).toBe(302)
    expect(statusOf(await login(owner.email, PASSWORD))).toBe(400)
  })

  test('bad input is still a 400 with field errors, without sending mail', async () => {
    const email = `${unique('kort')}@example.test`
    const answer = await signup({ email, password: 'kort' })
    expect(statusOf(answer)).toBe(400)
    expect(formResult(answer).error?.password).toEqual(['errors.passwordTooShort'])
    expect(await mailsTo(email)).toEqual([])
    expect(await userCount(email)).toBe(0)
  })
})

describe('the confirmation link', () => {
  test('shows a button, then confirms, logs in and continues to the original page', async () => {
    const email = `${unique('lank')}@example.test`
    await signup({ email, redirectTo: '/calls?q=sensor' })
    const { token, query } = linkIn((await mailsTo(email))[0]!.text_body)
    expect(query).toBe(`?${new URLSearchParams({ redirectTo: '/calls?q=sensor' })}`)

    // Opening the link (as a mail scanner would) uses nothing up.
    const page = await confirmGet(token, query)
    expect(statusOf(page)).toBe(200)
    expect(dataOf(page)).toEqual({ valid: true, redirectTo: '/calls?q=sensor' })
    expect((await userRow(email)).email_confirmed_at).toBeNull()

    const done = await confirmPost(token, '/calls?q=sensor')
    expect(statusOf(done)).toBe(302)
    expect(headerOf(done, 'Location')).toBe('/calls?q=sensor')
    const user = await userRow(email)
    expect(user.email_confirmed_at).not.toBeNull()
    const session = cookieValue(done, sessionCookieName())
    expect((await validateSessionToken(getDb(), session!))?.id).toBe(user.id)
    expect(statusOf(await login(email, PASSWORD))).toBe(302)
  })

  test('works once', async () => {
    const email = `${unique('en-gang')}@example.test`
    await signup({ email })
    const { token } = linkIn((await mailsTo(email))[0]!.text_body)
    const first = await confirmPost(token)
    expect(headerOf(first, 'Location')).toBe('/my/organisations')
    expect(statusOf(await confirmGet(token))).toBe(410)
    const again = await confirmPost(token)
    expect(statusOf(again)).toBe(410)
    expect(dataOf(again)).toEqual({ invalid: true })
    expect(headerOf(again, 'Set-Cookie')).toBeNull()
  })

  test(`expires after ${CONFIRMATION_TTL_SECONDS / 3600} hours`, async () => {
    const email = `${unique('gammal')}@example.test`
    await signup({ email })
    const { token } = linkIn((await mailsTo(email))[0]!.text_body)
    setClockOffset(CONFIRMATION_TTL_SECONDS - 60)
    expect(statusOf(await confirmGet(token))).toBe(200)
    setClockOffset(CONFIRMATION_TTL_SECONDS)
    expect(statusOf(await confirmGet(token))).toBe(410)
    expect(statusOf(await confirmPost(token))).toBe(410)
    expect((await userRow(email)).email_confirmed_at).toBeNull()
    // The database refuses an expired link too, whatever code uses it.
    await expect(
      sql`UPDATE signup_confirmations SET used_at = unixepoch() WHERE id = ${hashToken(token)}`.execute(
        getDb(),
      ),
    ).rejects.toThrow(/testarena:confirmation_used/)
  })

  test('an unknown or malformed link is a friendly 410, and a foreign redirect is ignored', async () => {
    for (const token of ['a'.repeat(32), 'inte-en-token', '../../etc']) {
      expect(statusOf(await confirmGet(token))).toBe(410)
      expect(statusOf(await confirmPost(token))).toBe(410)
    }
    const email = `${unique('bort')}@example.test`
    await signup({ email, redirectTo: '//evil.example/x' })
    const { token, query } = linkIn((await mailsTo(email))[0]!.text_body)
    expect(query).toBe('')
    const done = await confirmPost(token, '//evil.example/x')
    expect(headerOf(done, 'Location')).toBe('/my/organisations')
  })

  test('signing up again re-sends a link; each link gives its own sign-up’s password, and the first used closes the others', async () => {
    const email = `${unique('tva')}@example.test`
    await signup({ name: 'Första', email, password: PASSWORD })
    await signup({ name: 'Andra', email, password: OTHER_PASSWORD })
    expect(await userCount(email)).toBe(1)
    const mails = await mailsTo(email)
    expect(mails.map((m) => m.template)).toEqual(['signup_confirm', 'signup_confirm'])
    const first = linkIn(mails[0]!.text_body).token
    const second = linkIn(mails[1]!.text_body).token
    expect(first).not.toBe(second)
    expect(statusOf(await confirmGet(first))).toBe(200)

    expect(statusOf(await confirmPost(first))).toBe(302)
    const user = await userRow(email)
    expect(user.name).toBe('Första')
    expect(await verifyPassword(user.password_hash, PASSWORD)).toBe(true)
    expect(statusOf(await confirmPost(second))).toBe(410)
    expect(statusOf(await login(email, OTHER_PASSWORD))).toBe(400)
    expect(statusOf(await login(email, PASSWORD))).toBe(302)
  })
})

describe('an unconfirmed account', () => {
  test('cannot log in; only the right password learns why', async () => {
    const email = `${unique('obekraftad')}@example.test`
    await signup({ email })
    const right = await login(email, PASSWORD)
    expect(statusOf(right)).toBe(403)
    expect(formResult(right).error?.['']).toEqual(['auth.login.unconfirmed'])
    expect(headerOf(right, 'Set-Cookie')).toBeNull()

    const wrong = await login(email, OTHER_PASSWORD)
    const unknown = await login(`${unique('finns-inte')}@example.test`, OTHER_PASSWORD)
    expect(statusOf(wrong)).toBe(400)
    expect(formResult(wrong).error).toEqual(formResult(unknown).error)
  })

  test('a password reset through the mailed link confirms it', async () => {
    const email = `${unique('aterstall')}@example.test`
    await signup({ email })
    await run(() => forgotAction(actionArgs(formRequest('/forgot-password', { email }))))
    const mail = (await mailsTo(email)).at(-1)!
    const token = /\/reset-password\/([a-z2-7]{32})/.exec(mail.text_body)![1]!
    const reset = await run(() =>
      resetAction(
        actionArgs(
          formRequest(`/reset-password/${token}`, {
            password: OTHER_PASSWORD,
            confirm: OTHER_PASSWORD,
          }),
          { token },
        ),
      ),
    )
    expect(statusOf(reset)).toBe(302)
    expect((await userRow(email)).email_confirmed_at).not.toBeNull()
    expect(statusOf(await login(email, OTHER_PASSWORD))).toBe(302)
  })
})

describe('an invitation', () => {
  async function invitationTo(email: string) {
    const admin = await createUser(getDb(), { name: 'Anna Admin' })
    const org = await createOrganisation(getDb(), { adminUserId: admin.id })
    const { token } = await createInvitation(getDb(), {
      organisationId: org.id,
      inviter: admin,
      email,
      role: 'member',
      locale: 'sv',
    })
    return { token, org }
  }

  test('proves its address: signing up from it confirms at once, and the invitation can be accepted', async () => {
    const email = `${unique('inbjuden')}@example.test`
    const { token, org } = await invitationTo(email)
    const answer = await signup({ email, redirectTo: `/invitations/${token}` })
    expect(statusOf(answer)).toBe(302)
    expect(headerOf(answer, 'Location')).toBe(`/invitations/${token}`)
    const session = cookieValue(answer, sessionCookieName())!
    const user = await userRow(email)
    expect(user.email_confirmed_at).not.toBeNull()
    expect((await validateSessionToken(getDb(), session))?.id).toBe(user.id)
    expect((await mailsTo(email)).map((m) => m.template)).toEqual(['invitation'])

    const accepted = await run(() =>
      invitationAction(
        actionArgs(
          formRequest(`/invitations/${token}`, {}, { cookie: `${sessionCookieName()}=${session}` }),
          { token },
        ),
      ),
    )
    expect(statusOf(accepted)).toBe(302)
    expect(headerOf(accepted, 'Location')).toBe(`/organisations/${org.slug}?joined=1`)
  })

  test('for another address proves nothing: that sign-up is mailed a link like any other', async () => {
    const invited = `${unique('inbjuden')}@example.test`
    const other = `${unique('annan')}@example.test`
    const { token } = await invitationTo(invited)
    const answer = await signup({ email: other, redirectTo: `/invitations/${token}` })
    expect(dataOf(answer)).toEqual({ sent: other })
    expect((await userRow(other)).email_confirmed_at).toBeNull()
    const link = linkIn((await mailsTo(other))[0]!.text_body)
    expect(link.query).toBe(`?${new URLSearchParams({ redirectTo: `/invitations/${token}` })}`)
  })

  test('to a registered address changes nothing for the account', async () => {
    const owner = await createUser(getDb())
    const { token } = await invitationTo(owner.email)
    const before = await userRow(owner.email)
    const answer = await signup({ email: owner.email, redirectTo: `/invitations/${token}` })
    expect(dataOf(answer)).toEqual({ sent: owner.email })
    expect(await userRow(owner.email)).toEqual(before)
  })
})

describe('the database', () => {
  test('a link is used once, a confirmed address stays confirmed, and gets no new link', async () => {
    const email = `${unique('sql')}@example.test`
    await signup({ email })
    const { token } = linkIn((await mailsTo(email))[0]!.text_body)
    await confirmPost(token)
    const user = await userRow(email)
    await expect(
      sql`UPDATE signup_confirmations SET used_at = used_at + 1 WHERE id = ${hashToken(token)}`.execute(
        getDb(),
      ),
    ).rejects.toThrow(/testarena:confirmation_used/)
    await expect(
      sql`UPDATE signup_confirmations SET expires_at = expires_at + 1000 WHERE id = ${hashToken(token)}`.execute(
        getDb(),
      ),
    ).rejects.toThrow(/testarena:confirmation_used/)
    await expect(
      sql`UPDATE users SET email_confirmed_at = NULL WHERE id = ${user.id}`.execute(getDb()),
    ).rejects.toThrow(/testarena:email_confirmed_fixed/)
    await expect(
      sql`INSERT INTO signup_confirmations (id, user_id, name, password_hash, locale, created_at, expires_at)
          VALUES (${'b'.repeat(64)}, ${user.id}, 'X', ${user.password_hash}, 'sv', 1, 2)`.execute(
        getDb(),
      ),
    ).rejects.toThrow(/testarena:email_confirmed_fixed/)
  })

  test('the migration counts accounts that existed before it as confirmed', async () => {
    const { db } = openDatabase(':memory:', { clock: now })
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
      const before = await migrator.migrateTo('2026-11-26-04-references')
      expect(before.error).toBeUndefined()
      await sql`INSERT INTO users (email, name, password_hash, created_at, updated_at, password_changed_at)
        VALUES ('gammal@example.test', 'Gammal', '$argon2id$x', 1000, 1000, 1000)`.execute(db)
      await migrateToLatest(db)
      const row = await sql<{
        email_confirmed_at: number | null
      }>`SELECT email_confirmed_at FROM users WHERE email = 'gammal@example.test'`.execute(db)
      expect(row.rows[0]?.email_confirmed_at).toBe(1000)
    } finally {
      await db.destroy()
    }
  })
})
