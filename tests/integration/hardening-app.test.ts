import { afterEach, describe, expect, test } from 'vitest'
import { decideWithoutAward } from '~/models/call-decisions.server'
import { acceptInvitation, createInvitation } from '~/models/invitations.server'
import { action as pilotAction, loader as pilotLoader } from '~/routes/pilots.$pilotId/route'
import { getDb } from '~/utils/db.server'
import { createBid } from '../helpers/bid-factories'
import { createCall, resetClock } from '../helpers/call-factories'
import { sessionCookieFor } from '../helpers/factories'
import { mailsTo } from '../helpers/inspect'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, statusOf } from '../helpers/responses'
import { createRunningPilot } from '../helpers/pilot-factories'
import { createCompany, createHost } from '../helpers/test-bed-factories'

// Issue 13's new rules as a user meets them through the app (the raw-SQL attacks are in
// replace-guards.test.ts).

const db = getDb()
afterEach(resetClock)

/** A public body with a running pilot with a company, and a published call of its own. */
async function buyerWithPilotAndCall() {
  const { host, company, pilotId } = await createRunningPilot(db)
  const { call } = await createCall(db, host)
  return { host, company, call, pilotId }
}

const post = async (pilotId: number, body: string, userId: number) => {
  const cookie = await sessionCookieFor(db, userId)
  return run(() =>
    pilotAction(
      actionArgs(formRequest(`/pilots/${pilotId}`, { intent: 'message', body }, { cookie }), {
        pilotId: String(pilotId),
      }),
    ),
  )
}
const thread = async (pilotId: number, userId: number) =>
  dataOf<{ messages: Array<{ body: string; held: number }> }>(
    await run(async () =>
      pilotLoader(
        loaderArgs(
          getRequest(`/pilots/${pilotId}`, { cookie: await sessionCookieFor(db, userId) }),
          { pilotId: String(pilotId) },
        ),
      ),
    ),
  ).messages

describe('the quiet period between a buyer and a bidder', () => {
  test('while the buyer’s call runs, each side’s messages wait for the decision, and the buyer cannot tell', async () => {
    const { host, company, call, pilotId } = await buyerWithPilotAndCall()
    // Before any bid the thread works as always.
    expect(statusOf(await post(pilotId, 'Före anbudet: allt väl?', host.user.id))).toBe(302)
    expect((await thread(pilotId, company.user.id)).map((m) => m.body)).toContain(
      'Före anbudet: allt väl?',
    )

    await createBid(db, { call, company, submit: true })
    const mailsBefore = (await mailsTo(db, company.user.email)).length
    expect(statusOf(await post(pilotId, 'Hur går det med anbudet?', host.user.id))).toBe(302)
    expect(statusOf(await post(pilotId, 'Vi har skickat in.', company.user.id))).toBe(302)

    // The buyer sees its own message as posted, nothing marks it held, and the company's is not there.
    const hostView = await thread(pilotId, host.user.id)
    expect(hostView.map((m) => m.body)).toEqual([
      'Före anbudet: allt väl?',
      'Hur går det med anbudet?',
    ])
    expect(hostView.every((m) => !m.held)).toBe(true)
    // The company does not get the buyer's message, and is told its own waits.
    const companyView = await thread(pilotId, company.user.id)
    expect(companyView.map((m) => [m.body, Boolean(m.held)])).toEqual([
      ['Före anbudet: allt väl?', false],
      ['Vi har skickat in.', true],
    ])
    expect((await mailsTo(db, company.user.email)).length).toBe(mailsBefore)

    // Once the call is decided, both see everything.
    await decideWithoutAward(db, {
      callId: call.id,
      userId: host.user.id,
      outcome: 'cancelled',
      reason: 'Behovet har ändrats i grunden.',
    })
    expect((await thread(pilotId, company.user.id)).map((m) => m.body)).toHaveLength(3)
    expect((await thread(pilotId, host.user.id)).map((m) => m.body)).toHaveLength(3)
  })
})

describe('joining a buyer while one’s company bids', () => {
  test('the invitee is told, and the company keeps its bid and its member', async () => {
    const host = await createHost(db)
    const company = await createCompany(db)
    const { call } = await createCall(db, host)
    await createBid(db, { call, company, submit: false })
    const invitation = await createInvitation(db, {
      organisationId: host.org.id,
      inviter: { id: host.user.id, name: 'Anna' },
      email: company.user.email,
      role: 'member',
      locale: 'sv',
    })
    await expect(
      acceptInvitation(db, { token: invitation.token, userId: company.user.id }),
    ).rejects.toMatchObject({ code: 'member_of_bidder' })
    const memberships = await db
      .selectFrom('memberships')
      .select('organisation_id')
      .where('user_id', '=', company.user.id)
      .execute()
    expect(memberships).toEqual([{ organisation_id: company.org.id }])
  })
})

describe('reasons and the status log', () => {
  test('a cancellation needs words; the database logs the one that has them', async () => {
    const host = await createHost(db)
    const { call } = await createCall(db, host)
    await expect(
      decideWithoutAward(db, {
        callId: call.id,
        userId: host.user.id,
        outcome: 'cancelled',
        reason: '..........',
      }),
    ).rejects.toMatchObject({ code: 'reason_not_meaningful' })
    await decideWithoutAward(db, {
      callId: call.id,
      userId: host.user.id,
      outcome: 'cancelled',
      reason: 'Budgeten drogs in av regionfullmäktige.',
    })
    const log = await db
      .selectFrom('status_log')
      .select(['from_status', 'to_status', 'actor_user_id'])
      .where('entity_type', '=', 'calls')
      .where('entity_id', '=', call.id)
      .orderBy('id')
      .execute()
    expect(log.map((r) => r.to_status)).toEqual(['draft', 'published', 'cancelled'])
    expect(log[2]).toEqual({
      from_status: 'published',
      to_status: 'cancelled',
      actor_user_id: host.user.id,
    })
  })
})
