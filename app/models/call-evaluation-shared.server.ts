import type { DB } from '#db/connection'
import type { SizeClass } from '#db/schema'
import { DomainError } from './errors.server'

// The buyer's side after the tender deadline: opening, declarations of no conflict of interest,
// scoring, completing the evaluation, and the outcome (award, unsuccessful, cancelled, concluded)
// up to the contract after the standstill. The fairness rules are triggers in migration
// 2026-11-25-03; these modules add the membership checks (part of every WHERE), the audit rows and
// the mail, each in the transaction of its change.
//
// This module holds what they share: the buyer's view of the call, the act's input and the
// ranking. The rest lives in call-opening (the opening and its record), call-scoring (the
// declared evaluators' scores), call-decisions (the outcome and the contract) and
// call-evaluation-view (the evaluation page) (*.server.ts).

/** A call as its buyer's members see it; anyone else (and every draft) gets 'not_found'. */
export async function buyerCall(db: DB, callId: number, userId: number) {
  const call = await db
    .selectFrom('calls')
    .innerJoin('memberships', (join) =>
      join
        .onRef('memberships.organisation_id', '=', 'calls.organisation_id')
        .on('memberships.user_id', '=', userId),
    )
    .innerJoin('organisations as buyer', 'buyer.id', 'calls.organisation_id')
    .select([
      'calls.id',
      'calls.organisation_id',
      'calls.status',
      'calls.procedure',
      'calls.title',
      'calls.tender_deadline',
      'calls.max_winners',
      'calls.standstill_days',
      'calls.opened_at',
      'calls.evaluated_at',
      'calls.decided_at',
      'calls.decided_by',
      'calls.outcome_reason',
      'calls.standstill_ends_at',
      'calls.contract_signed_at',
      'buyer.name as buyer_name',
      'buyer.slug as buyer_slug',
    ])
    .where('calls.id', '=', callId)
    .where('calls.status', '<>', 'draft')
    .executeTakeFirst()
  if (!call) throw new DomainError('not_found')
  return call
}
export type BuyerCall = Awaited<ReturnType<typeof buyerCall>>

/** Throws 'not_found' unless the user is a member of the call's buyer (and it is published). */
export async function assertBuyerMember(db: DB, input: { callId: number; userId: number }) {
  await buyerCall(db, input.callId, input.userId)
}

export interface RankedBid {
  bidId: number
  companyName: string
  sizeClass: SizeClass | null
  passes: boolean
  score: number
  awarded: boolean
}

/** Valid bids, best first: passing bids by weighted score, then those failing a must-have. */
export async function ranking(db: DB, callId: number): Promise<RankedBid[]> {
  const rows = await db
    .selectFrom('bid_results as r')
    .innerJoin('organisations as o', 'o.id', 'r.company_id')
    .leftJoin('call_awards as a', 'a.bid_id', 'r.bid_id')
    .select(['r.bid_id', 'r.passes', 'r.score', 'o.name', 'o.size_class', 'a.bid_id as awarded'])
    .where('r.call_id', '=', callId)
    .orderBy('r.passes', 'desc')
    .orderBy('r.score', 'desc')
    .orderBy('r.bid_id')
    .execute()
  return rows.map((r) => ({
    bidId: r.bid_id,
    companyName: r.name,
    sizeClass: r.size_class,
    passes: r.passes === 1,
    score: r.score,
    awarded: r.awarded !== null,
  }))
}

/** What every act of the buyer names: the call, who acts and from where. */
export interface Act {
  callId: number
  userId: number
  ip?: string | null
}
