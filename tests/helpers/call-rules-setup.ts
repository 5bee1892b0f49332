import { sql } from 'kysely'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { createBid } from './bid-factories'
import {
  advanceClock,
  awardRaw,
  createBuyer,
  createCall,
  DAY,
  declareEvaluatorRaw,
  openBidsRaw,
  scoreBidRaw,
} from './call-factories'
import { createCompany } from './test-bed-factories'

// Shared setup for the call-rules integration tests (call-rules-*.test.ts): raw SQL helpers that
// bypass the models, so each rule is attacked at the database.

export const db = getDb()

export type Party = { org: { id: number }; user: { id: number } }
export type CallRow = { id: number }

export function submitBid(bidId: number, userId: number, at = now(), receipt = 'r'.repeat(64)) {
  return db
    .updateTable('bids')
    .set({
      status: 'submitted',
      submitted_at: at,
      submitted_by: userId,
      updated_by: userId,
      updated_at: at,
      receipt_hash: receipt,
    })
    .where('id', '=', bidId)
    .execute()
}

export const bid = (call: CallRow, company: Party, submit = true) =>
  createBid(db, { call, company, submit })
export const openBids = (callId: number, userId: number) => openBidsRaw(db, callId, userId)
export const declare = (callId: number, userId: number) => declareEvaluatorRaw(db, callId, userId)
export const scoreAll = (bidId: number, evaluatorId: number, score: number, met = 1) =>
  scoreBidRaw(db, bidId, evaluatorId, score, met)
export const award = (callId: number, bidIds: number[], userId: number) =>
  awardRaw(db, callId, bidIds, userId)

export function setStatus(
  callId: number,
  userId: number,
  status: string,
  extra: Record<string, unknown> = {},
) {
  return db
    .updateTable('calls')
    .set({ status: status as never, updated_by: userId, updated_at: now(), ...extra })
    .where('id', '=', callId)
    .execute()
}

/** A published call with two submitted bids, past its deadline, opened and with one evaluator. */
export async function openedCall(options: Parameters<typeof createCall>[2] = {}) {
  const buyer = await createBuyer(db)
  const { call, criteria } = await createCall(db, buyer, options)
  const a = await createCompany(db)
  const b = await createCompany(db)
  const bidA = await bid(call, a)
  const bidB = await bid(call, b)
  advanceClock(41 * DAY)
  await openBids(call.id, buyer.user.id)
  await declare(call.id, buyer.user.id)
  return { buyer, call, criteria, a, b, bidA, bidB }
}

export async function openAmendment(
  callId: number,
  userId: number,
  deadlines: { tender: number; question: number },
) {
  return db
    .insertInto('call_amendments')
    .values({
      call_id: callId,
      number: sql<number>`coalesce((SELECT max(number) FROM call_amendments WHERE call_id = ${callId}), 0) + 1`,
      summary: 'Förtydligande av kraven på dataskydd.',
      question_deadline: deadlines.question,
      tender_deadline: deadlines.tender,
      created_by: userId,
      created_at: now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function publishAmendment(id: number, userId: number, changesTerms: 0 | 1) {
  return db
    .updateTable('call_amendments')
    .set({
      state: 'published',
      published_at: now(),
      published_by: userId,
      changes_terms: changesTerms,
    })
    .where('id', '=', id)
    .execute()
}
