import { expect } from 'vitest'
import {
  action as bidAction,
  loader as bidLoader,
} from '~/routes/calls.$callId.evaluation.$bidId/route'
import {
  action as evaluationAction,
  loader as evaluationLoader,
} from '~/routes/calls.$callId.evaluation._index/route'
import { getDb } from '~/utils/db.server'
import { createBid } from './bid-factories'
import { advanceClock, type CallOptions, createBuyer, createCall, DAY } from './call-factories'
import { sessionCookieFor } from './factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from './requests'
import { statusOf } from './responses'
import { createCompany } from './test-bed-factories'

// Shared setup for the call-evaluation integration tests (call-evaluation-*.test.ts): the
// evaluation routes, score forms, and calls opened and evaluated through the app.

// A fresh session per request: advancing the clock past a deadline also ends older sessions.
export const cookie = (userId?: number) =>
  userId === undefined ? Promise.resolve(undefined) : sessionCookieFor(getDb(), userId)

export function page(callId: number | string, userId?: number) {
  const path = `/calls/${callId}/evaluation`
  return run(async () =>
    evaluationLoader(
      loaderArgs(getRequest(path, { cookie: await cookie(userId) }), { callId: String(callId) }),
    ),
  )
}

export function act(callId: number, fields: Record<string, string | string[]>, userId: number) {
  const path = `/calls/${callId}/evaluation`
  return run(async () =>
    evaluationAction(
      actionArgs(formRequest(path, fields, { cookie: await cookie(userId) }), {
        callId: String(callId),
      }),
    ),
  )
}

export function bidPage(callId: number, bidId: number | string, userId: number) {
  const path = `/calls/${callId}/evaluation/${bidId}`
  return run(async () =>
    bidLoader(
      loaderArgs(getRequest(path, { cookie: await cookie(userId) }), {
        callId: String(callId),
        bidId: String(bidId),
      }),
    ),
  )
}

export function score(
  callId: number,
  bidId: number,
  fields: Record<string, string>,
  userId: number,
) {
  const path = `/calls/${callId}/evaluation/${bidId}`
  return run(async () =>
    bidAction(
      actionArgs(formRequest(path, fields, { cookie: await cookie(userId) }), {
        callId: String(callId),
        bidId: String(bidId),
      }),
    ),
  )
}

export async function criteriaOf(callId: number) {
  return getDb()
    .selectFrom('call_criteria_current')
    .select(['id', 'kind'])
    .where('call_id', '=', callId)
    .orderBy('position')
    .execute()
}

/** The score form filled in: every must-have met, every criterion `points`. */
export async function scoreFields(callId: number, points: number, met = '1') {
  const fields: Record<string, string> = {}
  for (const c of await criteriaOf(callId)) {
    fields[`score_${c.id}`] = c.kind === 'requirement' ? met : String(points)
    fields[`justification_${c.id}`] = `Motivering ${points}.`
  }
  return fields
}

export async function callRow(callId: number) {
  return getDb().selectFrom('calls').selectAll().where('id', '=', callId).executeTakeFirstOrThrow()
}

/** A published call with two submitted bids and one draft; the buyer's cookie. */
export async function setup(options: CallOptions = {}) {
  const db = getDb()
  const buyer = await createBuyer(db)
  const { call } = await createCall(db, buyer, options)
  const alpha = await createCompany(db)
  const beta = await createCompany(db)
  const drafter = await createCompany(db)
  const bidA = await createBid(db, { call, company: alpha })
  const bidB = await createBid(db, { call, company: beta })
  const draft = await createBid(db, { call, company: drafter, submit: false })
  return {
    buyer,
    call,
    alpha,
    beta,
    drafter,
    bidA,
    bidB,
    draft,
    buyerId: buyer.user.id,
  }
}

/** Past the deadline, opened, and the buyer's admin declared. */
export async function opened(options: CallOptions = {}) {
  const s = await setup(options)
  advanceClock(41 * DAY)
  expect(statusOf(await act(s.call.id, { intent: 'open' }, s.buyerId))).toBe(302)
  expect(statusOf(await act(s.call.id, { intent: 'declare', no_conflict: 'on' }, s.buyerId))).toBe(
    302,
  )
  return s
}

/** Opened, A scored 8 and B scored 5 by the declared buyer admin, evaluation complete. */
export async function evaluated(options: CallOptions = {}) {
  const s = await opened(options)
  expect(
    statusOf(await score(s.call.id, s.bidA.id, await scoreFields(s.call.id, 8), s.buyerId)),
  ).toBe(302)
  expect(
    statusOf(await score(s.call.id, s.bidB.id, await scoreFields(s.call.id, 5), s.buyerId)),
  ).toBe(302)
  expect(statusOf(await act(s.call.id, { intent: 'complete' }, s.buyerId))).toBe(302)
  return s
}

export const AWARD_REASON =
  'Anbudet från Alfa har högst viktad poäng och uppfyller alla skall-krav.'
