import type { DB } from '#db/connection'
import type { CallStatus, SizeClass } from '#db/schema'
import { now } from '~/utils/clock.server'

// What the public learns about the bids of a call: nothing at all before the tender deadline;
// after it, how many valid bids came from small and medium-sized companies and from large ones;
// after the decision, the outcome with the winners, their size class and the scores. Losing bids
// are shown only as "Bid 1, 2 …" — never with the company's name.

export interface BidCounts {
  micro: number
  small: number
  medium: number
  sme: number
  large: number
  /** Companies that have not stated a size class. */
  unknown: number
  total: number
}

/**
 * Valid bids by size class, or null before the tender deadline (and for a call cancelled before
 * it, whose bids were never received). Bids withdrawn or left unconfirmed do not count.
 */
export async function getBidCounts(
  db: DB,
  call: { id: number; status: CallStatus; tender_deadline: number; decided_at: number | null },
): Promise<BidCounts | null> {
  const at = now()
  if (call.status === 'draft' || at < call.tender_deadline) return null
  if (
    call.status === 'cancelled' &&
    call.decided_at !== null &&
    call.decided_at < call.tender_deadline
  ) {
    return null
  }
  const rows = await db
    .selectFrom('bids')
    .innerJoin('organisations', 'organisations.id', 'bids.company_id')
    .select(['organisations.size_class', (eb) => eb.fn.countAll<number>().as('n')])
    .where('bids.call_id', '=', call.id)
    .where('bids.status', '=', 'submitted')
    .where('bids.submitted_at', '<', call.tender_deadline)
    .groupBy('organisations.size_class')
    .execute()
  const counts: BidCounts = {
    micro: 0,
    small: 0,
    medium: 0,
    sme: 0,
    large: 0,
    unknown: 0,
    total: 0,
  }
  for (const r of rows) {
    const n = Number(r.n)
    const size = r.size_class as SizeClass | null
    if (size === null) counts.unknown += n
    else counts[size] += n
    counts.total += n
  }
  counts.sme = counts.micro + counts.small + counts.medium
  return counts
}

export interface OutcomeCriterion {
  id: number
  title: string
  weight: number
}

export interface OutcomeBid {
  /** The winner's name; null for every other bid, shown as "Bid {number}". */
  company_name: string | null
  company_slug: string | null
  size_class: SizeClass | null
  winner: boolean
  /** 1, 2 … in order of score; winners are numbered too but shown by name. */
  number: number
  score: number
  /** Mean score 0–10 over the evaluators, per weighted criterion (same order as `criteria`). */
  criterion_scores: (number | null)[]
}

export type PublicOutcome =
  | {
      status: 'awarded'
      decided_at: number
      reason: string
      standstill_ends_at: number
      standstill_over: boolean
      contract_signed_at: number | null
      criteria: OutcomeCriterion[]
      bids: OutcomeBid[]
      /** Valid bids that did not meet every must-have (counted, not listed). */
      failed_count: number
    }
  | {
      status: 'unsuccessful' | 'cancelled' | 'concluded'
      decided_at: number
      reason: string
    }

/** The decision of a call, or null while there is none. */
export async function getPublicOutcome(db: DB, callId: number): Promise<PublicOutcome | null> {
  const call = await db
    .selectFrom('calls')
    .select([
      'id',
      'status',
      'decided_at',
      'outcome_reason',
      'standstill_ends_at',
      'contract_signed_at',
    ])
    .where('id', '=', callId)
    .executeTakeFirst()
  if (!call || call.decided_at === null) return null
  const reason = call.outcome_reason ?? ''
  if (
    call.status === 'unsuccessful' ||
    call.status === 'cancelled' ||
    call.status === 'concluded'
  ) {
    return { status: call.status, decided_at: call.decided_at, reason }
  }
  if (call.status !== 'awarded' || call.standstill_ends_at === null) return null

  const [criteria, results, means] = await Promise.all([
    db
      .selectFrom('call_criteria_current')
      .select(['id', 'title', 'weight'])
      .where('call_id', '=', call.id)
      .where('kind', '=', 'criterion')
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('bid_results')
      .innerJoin('organisations', 'organisations.id', 'bid_results.company_id')
      .leftJoin('call_awards', 'call_awards.bid_id', 'bid_results.bid_id')
      .select([
        'bid_results.bid_id',
        'bid_results.passes',
        'bid_results.score',
        'organisations.name',
        'organisations.slug',
        'organisations.size_class',
        'call_awards.bid_id as awarded',
      ])
      .where('bid_results.call_id', '=', call.id)
      .orderBy('bid_results.score', 'desc')
      .orderBy('bid_results.bid_id')
      .execute(),
    db
      .selectFrom('bid_scores')
      .innerJoin('bids', 'bids.id', 'bid_scores.bid_id')
      .select([
        'bid_scores.bid_id',
        'bid_scores.criterion_id',
        (eb) => eb.fn.avg<number>('bid_scores.score').as('mean'),
      ])
      .where('bids.call_id', '=', call.id)
      .groupBy(['bid_scores.bid_id', 'bid_scores.criterion_id'])
      .execute(),
  ])
  const meanOf = new Map(means.map((m) => [`${m.bid_id}:${m.criterion_id}`, Number(m.mean)]))
  const passing = results.filter((r) => r.passes === 1)
  const bids: OutcomeBid[] = passing.map((r, i) => {
    const winner = r.awarded !== null
    return {
      company_name: winner ? r.name : null,
      company_slug: winner ? r.slug : null,
      // The size class of a losing bid is public only in the counts, not per bid.
      size_class: winner ? r.size_class : null,
      winner,
      number: i + 1,
      score: Number(r.score),
      criterion_scores: criteria.map((c) => {
        const mean = meanOf.get(`${r.bid_id}:${c.id}`)
        return mean === undefined ? null : Math.round(mean * 100) / 100
      }),
    }
  })
  return {
    status: 'awarded',
    decided_at: call.decided_at,
    reason,
    standstill_ends_at: call.standstill_ends_at,
    standstill_over: now() >= call.standstill_ends_at,
    contract_signed_at: call.contract_signed_at,
    criteria: criteria.map((c) => ({ id: c.id, title: c.title, weight: c.weight ?? 0 })),
    bids,
    failed_count: results.length - passing.length,
  }
}
