import type { DB } from '#db/connection'
import type { CallStatus, Procedure } from '#db/schema'
import { now } from '~/utils/clock.server'
import { shownCallStatus, type ShownCallStatus } from '~/utils/call-status'
import { buyerCall, type RankedBid, ranking } from './call-evaluation-shared.server'
import { openingRecord } from './call-opening.server'
import { termsInForce } from './calls.server'

// The evaluation page of a call, as the buyer's members see it.

/** Member of a company whose bid counts (anything but a draft): the database's conflict rule. */
async function hasConflict(db: DB, callId: number, userId: number) {
  const row = await db
    .selectFrom('bids')
    .innerJoin('memberships', 'memberships.organisation_id', 'bids.company_id')
    .select('bids.id')
    .where('bids.call_id', '=', callId)
    .where('bids.status', '<>', 'draft')
    .where('memberships.user_id', '=', userId)
    .executeTakeFirst()
  return row !== undefined
}

/** Per declared evaluator: how many of the scores the evaluation needs are given. */
async function evaluatorProgress(db: DB, callId: number, required: number) {
  const rows = await db
    .selectFrom('evaluator_declarations as d')
    .innerJoin('users', 'users.id', 'd.user_id')
    .select((eb) => [
      'd.user_id',
      'd.declared_at',
      'users.name',
      eb
        .selectFrom('bid_scores as s')
        .innerJoin('bids as b', 'b.id', 's.bid_id')
        .innerJoin('call_criteria_current as c', 'c.id', 's.criterion_id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('s.evaluator_id', '=', 'd.user_id')
        .where('b.call_id', '=', callId)
        .where('b.status', '=', 'submitted')
        .as('scored'),
    ])
    .where('d.call_id', '=', callId)
    .orderBy('d.declared_at')
    .orderBy('d.user_id')
    .execute()
  return rows.map((r) => ({
    userId: r.user_id,
    name: r.name,
    declaredAt: r.declared_at,
    scored: Number(r.scored ?? 0),
    required,
  }))
}

/** Opened bids with the evaluator's own progress on each. */
async function bidsForEvaluator(db: DB, callId: number, userId: number, perBid: number) {
  const rows = await db
    .selectFrom('bids')
    .innerJoin('organisations', 'organisations.id', 'bids.company_id')
    .select((eb) => [
      'bids.id',
      'organisations.name as company_name',
      'bids.submitted_at',
      eb
        .selectFrom('bid_scores as s')
        .innerJoin('call_criteria_current as c', 'c.id', 's.criterion_id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('s.bid_id', '=', 'bids.id')
        .where('s.evaluator_id', '=', userId)
        .as('scored'),
    ])
    .where('bids.call_id', '=', callId)
    .where('bids.status', '=', 'submitted')
    .orderBy('bids.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    companyName: r.company_name,
    scored: Number(r.scored ?? 0),
    required: perBid,
  }))
}

export interface EvaluationView {
  call: {
    id: number
    title: string
    status: CallStatus
    shownStatus: ShownCallStatus
    procedure: Procedure
    tenderDeadline: number
    maxWinners: number
    standstillDays: number
    openedAt: number | null
    evaluatedAt: number | null
    decidedAt: number | null
    decidedByName: string | null
    outcomeReason: string | null
    standstillEndsAt: number | null
    contractSignedAt: number | null
    buyerName: string
    buyerSlug: string
  }
  pastDeadline: boolean
  /** Whether the standstill has ended (contract may be signed). */
  standstillOver: boolean
  opening: Awaited<ReturnType<typeof openingRecord>>
  me: { declared: boolean; declaredAt: number | null; conflict: boolean }
  evaluators: Awaited<ReturnType<typeof evaluatorProgress>>
  /** Only for a declared evaluator; null for everyone else. */
  bids: Awaited<ReturnType<typeof bidsForEvaluator>> | null
  submittedCount: number
  ranking: RankedBid[] | null
}

/**
 * Everything the evaluation page shows to a member of the buyer. Before the opening nothing
 * about bids is read at all (not even a count): the bids are sealed.
 */
export async function getEvaluationView(
  db: DB,
  input: { callId: number; userId: number },
): Promise<EvaluationView> {
  const call = await buyerCall(db, input.callId, input.userId)
  const at = now()
  const decidedBy =
    call.decided_by === null
      ? null
      : await db
          .selectFrom('users')
          .select('name')
          .where('id', '=', call.decided_by)
          .executeTakeFirst()
  const base = {
    call: {
      id: call.id,
      title: call.title,
      status: call.status,
      shownStatus: shownCallStatus(call, at),
      procedure: call.procedure,
      tenderDeadline: call.tender_deadline,
      maxWinners: call.max_winners,
      standstillDays: call.standstill_days,
      openedAt: call.opened_at,
      evaluatedAt: call.evaluated_at,
      decidedAt: call.decided_at,
      decidedByName: decidedBy?.name ?? null,
      outcomeReason: call.outcome_reason,
      standstillEndsAt: call.standstill_ends_at,
      contractSignedAt: call.contract_signed_at,
      buyerName: call.buyer_name,
      buyerSlug: call.buyer_slug,
    },
    pastDeadline: at >= call.tender_deadline,
    standstillOver: call.standstill_ends_at !== null && at >= call.standstill_ends_at,
  }
  const opening = call.opened_at === null ? null : await openingRecord(db, call.id)
  if (!opening) {
    return {
      ...base,
      opening: null,
      me: { declared: false, declaredAt: null, conflict: false },
      evaluators: [],
      bids: null,
      submittedCount: 0,
      ranking: null,
    }
  }
  const criteria = await termsInForce(db, call.id)
  const submittedCount = opening.bids.length
  const evaluators = await evaluatorProgress(db, call.id, criteria.length * submittedCount)
  const mine = evaluators.find((e) => e.userId === input.userId)
  const declared = mine !== undefined
  const ranked = call.status === 'opened' ? null : await ranking(db, call.id)
  return {
    ...base,
    opening,
    me: {
      declared,
      declaredAt: mine?.declaredAt ?? null,
      conflict: await hasConflict(db, call.id, input.userId),
    },
    evaluators,
    bids: declared ? await bidsForEvaluator(db, call.id, input.userId, criteria.length) : null,
    submittedCount,
    ranking: ranked && ranked.length > 0 ? ranked : null,
  }
}
