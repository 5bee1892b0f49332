import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { resetLimiters } from '~/auth/limits.server'
import { hashToken } from '~/auth/tokens.server'
import {
  action as invitationAction,
  loader as invitationLoader,
} from '~/routes/invitations.$token/route'
import {
  action as membersAction,
  loader as membersLoader,
} from '~/routes/organisations.$slug.members/route'
import { setClockOffset } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { resetEnvCache } from '~/utils/env.server'
import {
  addMember,
  createOrganisation,
  createUser,
  sessionCookieFor,
  unique,
} from '../helpers/factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'

beforeEach(() => {
  resetLimiters()
})
afterEach(() => {
  setClockOffset(0)
  delete process.env.FORM_LIMIT_PER_IP
  resetEnvCache()
  resetLimiters()
})

async function signedIn(options: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(getDb(), options)
  return { user, cookie: await sessionCookieFor(getDb(), user.id) }
}

/** An organisation with a signed-in administrator. */
async function organisationWithAdmin(options: Parameters<typeof createUser>[1] = {}) {
  const admin = await signedIn({ name: 'Anna Admin', ...options })
  const org = await createOrganisation(getDb(), {
    adminUserId: admin.user.id,
    name: `Inbjudarna ${unique()} AB`,
  })
  return { admin, org }
}

function invite(slug: string, email: string, role: string, cookie: string) {
  return run(() =>
    membersAction(
      actionArgs(
        formRequest(
          `/organisations/${slug}/members`,
          { intent: 'invite', email, role },
          { cookie },
        ),
        { slug },
      ),
    ),
  )
}

async function latestMailTo(email: string) {
  return getDb()
    .selectFrom('outbox')
    .selectAll()
    .where('to_address', '=', email)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow()
}

function tokenIn(text: string): string {
  const match = /http:\/\/localhost:3000\/invitations\/([a-z2-7]{32})/.exec(text)
  if (!match?.[1]) throw new Error(`No invitation link in: ${text}`)
  return match[1]
}

function openInvitation(token: string, cookie?: string) {
  return run(() =>
    invitationLoader(loaderArgs(getRequest(`/invitations/${token}`, { cookie }), { token })),
  )
}

function accept(token: string, cookie?: string) {
  return run(() =>
    invitationAction(actionArgs(formRequest(`/invitations/${token}`, {}, { cookie }), { token })),
  )
}

async function membershipOf(organisationId: number, userId: number) {
  return getDb()
    .selectFrom('memberships')
    .select('role')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
}

describe('inviting', () => {
  test('an administrator’s invitation is queued as mail with a link whose token only the database’s hash knows', async () => {
    const { admin, org } = await organisationWithAdmin()
    const email = `${unique('kollega')}@example.test`
    const result = await invite(org.slug, `  ${email.toUpperCase()} `, 'member', admin.cookie)
    expect(headerOf(result, 'Location')).toBe(`/organisations/${org.slug}/members?notice=invited`)

    const mail = await latestMailTo(email)
    expect(mail.template).toBe('invitation')
    expect(mail.subject).toBe(`Anna Admin bjuder in dig till ${org.name} i Testarena`)
    expect(mail.text_body).toContain('som medlem i')
    const token = tokenIn(mail.text_body)
    const row = await getDb()
      .selectFrom('invitations')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      organisation_id: org.id,
      role: 'member',
      token_hash: hashToken(token),
      invited_by: admin.user.id,
    })
    expect(row.expires_at - row.created_at).toBe(14 * 24 * 60 * 60)
    expect(JSON.stringify(row)).not.toContain(token)
    const audits = await getDb()
      .selectFrom('audit_log')
      .select('action')
      .where('organisation_id', '=', org.id)
      .execute()
    expect(audits.map((a) => a.action)).toEqual(['invitation.created'])

    const page = dataOf(
      await run(() =>
        membersLoader(
          loaderArgs(getRequest(`/organisations/${org.slug}/members`, { cookie: admin.cookie }), {
            slug: org.slug,
          }),
        ),
      ),
    )
    expect(page.invitations).toEqual([
      expect.objectContaining({ email, role: 'member', inviter_name: 'Anna Admin' }),
    ])
  })

  test('the mail is written in the language the inviter is using', async () => {
    const { admin, org } = await organisationWithAdmin()
    const email = `${unique('en')}@example.test`
    await invite(org.slug, email, 'admin', `${admin.cookie}; testarena_lang=en`)
    const mail = await latestMailTo(email)
    expect(mail.subject).toBe(`Anna Admin invites you to ${org.name} on Testarena`)
    expect(mail.text_body).toContain('as an administrator')
  })

  test('inviting the same address again withdraws the earlier link', async () => {
    const { admin, org } = await organisationWithAdmin()
    const email = `${unique('igen')}@example.test`
    await invite(org.slug, email, 'member', admin.cookie)
    const first = tokenIn((await latestMailTo(email)).text_body)
    await invite(org.slug, email, 'admin', admin.cookie)
    const second = tokenIn((await latestMailTo(email)).text_body)
    expect(second).not.toBe(first)

    const rows = await getDb()
      .selectFrom('invitations')
      .selectAll()
      .where('email', '=', email)
      .orderBy('id')
      .execute()
    expect(
      rows.map((r) => ({ role: r.role, open: r.revoked_at === null && r.accepted_at === null })),
    ).toEqual([
      { role: 'member', open: false },
      { role: 'admin', open: true },
    ])
    expect(dataOf(await openInvitation(first)).view).toBe('closed')
    expect(dataOf(await openInvitation(second)).view).toBe('anonymous')
  })

  test('someone who is already a member is not invited', async () => {
    const { admin, org } = await organisationWithAdmin()
    const member = await createUser(getDb())
    await addMember(getDb(), org.id, member.id, 'member')
    const result = await invite(org.slug, member.email, 'admin', admin.cookie)
    expect(statusOf(result)).toBe(400)
    expect(formResult(result).error).toEqual({ email: ['errors.domain.already_member'] })
    expect(formResult(result).initialValue).toMatchObject({ email: member.email, role: 'admin' })
    expect(
      await getDb()
        .selectFrom('outbox')
        .select('id')
        .where('to_address', '=', member.email)
        .execute(),
    ).toEqual([])
  })

  test('a bad address answers 400 and keeps what was typed', async () => {
    const { admin, org } = await organisationWithAdmin()
    const result = await invite(org.slug, 'inte-en-adress', 'chef', admin.cookie)
    expect(statusOf(result)).toBe(400)
    expect(formResult(result).error).toEqual({ email: ['errors.email'], role: ['errors.choose'] })
    expect(formResult(result).initialValue).toMatchObject({ email: 'inte-en-adress' })
  })

  test('invitations are rate limited per IP address', async () => {
    process.env.FORM_LIMIT_PER_IP = '2'
    resetEnvCache()
    resetLimiters()
    const { admin, org } = await organisationWithAdmin()
    expect(
      statusOf(await invite(org.slug, `${unique()}@example.test`, 'member', admin.cookie)),
    ).toBe(302)
    expect(
      statusOf(await invite(org.slug, `${unique()}@example.test`, 'member', admin.cookie)),
    ).toBe(302)
    expect(
      statusOf(await invite(org.slug, `${unique()}@example.test`, 'member', admin.cookie)),
    ).toBe(429)
  })

  test('an administrator withdraws an open invitation and the link stops working', async () => {
    const { admin, org } = await organisationWithAdmin()
    const email = `${unique('bort')}@example.test`
    await invite(org.slug, email, 'member', admin.cookie)
    const token = tokenIn((await latestMailTo(email)).text_body)
    const row = await getDb()
      .selectFrom('invitations')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
    const result = await run(() =>
      membersAction(
        actionArgs(
          formRequest(
            `/organisations/${org.slug}/members`,
            { intent: 'revoke', invitation_id: String(row.id) },
            { cookie: admin.cookie },
          ),
          { slug: org.slug },
        ),
      ),
    )
    expect(headerOf(result, 'Location')).toBe(`/organisations/${org.slug}/members?notice=revoked`)
    const invitee = await signedIn({ email })
    const refused = await accept(token, invitee.cookie)
    expect(statusOf(refused)).toBe(400)
    expect(dataOf(refused).error).toBe('errors.domain.invitation_closed')
    expect(await membershipOf(org.id, invitee.user.id)).toBeUndefined()
  })

  test('an administrator cannot withdraw another organisation’s invitation', async () => {
    const a = await organisationWithAdmin()
    const b = await organisationWithAdmin()
    const email = `${unique()}@example.test`
    await invite(b.org.slug, email, 'member', b.admin.cookie)
    const row = await getDb()
      .selectFrom('invitations')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
    const result = await run(() =>
      membersAction(
        actionArgs(
          formRequest(
            `/organisations/${a.org.slug}/members`,
            { intent: 'revoke', invitation_id: String(row.id) },
            { cookie: a.admin.cookie },
          ),
          { slug: a.org.slug },
        ),
      ),
    )
    expect(statusOf(result)).toBe(404)
    expect(
      (
        await getDb()
          .selectFrom('invitations')
          .select('revoked_at')
          .where('id', '=', row.id)
          .executeTakeFirstOrThrow()
      ).revoked_at,
    ).toBeNull()
  })
})

describe('accepting', () => {
  async function invited(role: 'admin' | 'member' = 'member') {
    const { admin, org } = await organisationWithAdmin()
    const email = `${unique('ny')}@example.test`
    await invite(org.slug, email, role, admin.cookie)
    return { admin, org, email, token: tokenIn((await latestMailTo(email)).text_body) }
  }

  test('a visitor who is not logged in sees who invites them and is offered to log in or sign up', async () => {
    const { org, email, token } = await invited()
    const page = dataOf(await openInvitation(token))
    expect(page).toMatchObject({
      view: 'anonymous',
      path: `/invitations/${token}`,
      invitation: { organisation: org.name, inviter: 'Anna Admin', role: 'member', email },
    })
    const post = await accept(token)
    expect(statusOf(post)).toBe(302)
    expect(headerOf(post, 'Location')).toBe(
      `/login?redirectTo=${encodeURIComponent(`/invitations/${token}`)}`,
    )
  })

  test('someone logged in with another address cannot accept, through the app or raw SQL', async () => {
    const { org, token } = await invited()
    const stranger = await signedIn()
    expect(dataOf(await openInvitation(token, stranger.cookie)).view).toBe('otherEmail')
    const result = await accept(token, stranger.cookie)
    expect(statusOf(result)).toBe(400)
    expect(dataOf(result).error).toBe('errors.domain.invitation_for_other_email')
    expect(await membershipOf(org.id, stranger.user.id)).toBeUndefined()

    await expect(
      sql`UPDATE invitations SET accepted_at = 1, accepted_by = ${stranger.user.id} WHERE token_hash = ${hashToken(token)}`.execute(
        getDb(),
      ),
    ).rejects.toThrow(/invitation_for_other_email/)
    const row = await getDb()
      .selectFrom('invitations')
      .select(['accepted_at', 'accepted_by'])
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ accepted_at: null, accepted_by: null })
  })

  test('the invited person joins with the invited role, once', async () => {
    const { org, email, token } = await invited('admin')
    const invitee = await signedIn({ email })
    expect(dataOf(await openInvitation(token, invitee.cookie)).view).toBe('accept')
    const result = await accept(token, invitee.cookie)
    expect(statusOf(result)).toBe(302)
    expect(headerOf(result, 'Location')).toBe(`/organisations/${org.slug}?joined=1`)
    expect(await membershipOf(org.id, invitee.user.id)).toEqual({ role: 'admin' })
    const row = await getDb()
      .selectFrom('invitations')
      .selectAll()
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirstOrThrow()
    expect(row.accepted_by).toBe(invitee.user.id)
    expect(row.accepted_at).not.toBeNull()
    const audit = await getDb()
      .selectFrom('audit_log')
      .selectAll()
      .where('organisation_id', '=', org.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(audit).toMatchObject({ action: 'invitation.accepted', actor_user_id: invitee.user.id })

    expect(dataOf(await openInvitation(token, invitee.cookie)).view).toBe('closed')
    const again = await accept(token, invitee.cookie)
    expect(statusOf(again)).toBe(400)
    expect(dataOf(again).error).toBe('errors.domain.invitation_closed')
  })

  test('an expired invitation is refused', async () => {
    const { org, email, token } = await invited()
    setClockOffset(14 * 24 * 60 * 60 + 1)
    // Signed in after the fortnight, so the session itself is fresh.
    const invitee = await signedIn({ email })
    const page = dataOf(await openInvitation(token, invitee.cookie))
    expect(page.view).toBe('expired')
    expect(page.invitation.email).toBeNull()
    const result = await accept(token, invitee.cookie)
    expect(statusOf(result)).toBe(400)
    expect(dataOf(result).error).toBe('errors.domain.invitation_expired')
    expect(await membershipOf(org.id, invitee.user.id)).toBeUndefined()
  })

  test('an unknown or malformed token is 404', async () => {
    const user = await signedIn()
    for (const token of ['a'.repeat(32), 'inte-en-token', 'A'.repeat(32)]) {
      expect(statusOf(await openInvitation(token)), token).toBe(404)
      expect(statusOf(await accept(token, user.cookie)), token).toBe(404)
    }
  })
})
