import { sql } from 'kysely'
import type { DB } from '#db/connection'
import type { CallCriterionKind, CallStatus, Procedure, SizeClass } from '#db/schema'
import { now } from '~/utils/clock.server'
import { shownCallStatus, type ShownCallStatus } from '~/utils/call-status'
import { audit } from './audit.server'
import type { SealProblem } from './bid-seal.server'
import { recordSealFailures, sealFailures, unopenableBids } from './bid-seal-keys.server'
import { type BidContent, EMPTY_CONTENT, openContent } from './bids.server'
import { notifyOutcome } from './call-outcomes.server'
import { DomainError, withRules } from './errors.server'

// The buyer's side after the tender deadline: opening, declarations of no conflict of interest,
// scoring, completing the evaluation, and the outcome (award, unsuccessful, cancelled, concluded)
// up to the contract after the standstill. The fairness rules are triggers in migration
// 2026-11-25-03; this module adds the membership checks (part of every WHERE), the audit rows and
// the mail, each in the transaction of its change.

/** A call as its buyer's members see it; anyone else (and every draft) gets 'not_found'. */
async function buyerCall(db: DB, callId: number, userId: number) {
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
type BuyerCall = Awaited<ReturnType<typeof buyerCall>>

/** Throws 'not_found' unless the user is a member of the call's buyer (and it is published). */
export async function assertBuyerMember(db: DB, input: { callId: number; userId: number }) {
  await buyerCall(db, input.callId, input.userId)
}

async function isDeclared(db: DB, callId: number, userId: number) {
  const row = await db
    .selectFrom('evaluator_declarations')
    .select('user_id')
    .where('call_id', '=', callId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row !== undefined
}

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

/** The must-haves and criteria in force, must-haves first, in their published order. */
export async function criteriaInForce(db: DB, callId: number) {
  return db
    .selectFrom('call_criteria_current')
    .select(['id', 'kind', 'position', 'title', 'description', 'weight'])
    .where('call_id', '=', callId)
    .orderBy('kind', 'desc')
    .orderBy('position')
    .orderBy('id')
    .execute()
}

// ---------------------------------------------------------------------------------------------
// The evaluation page

export interface OpeningRecordEntry {
  bidId: number
  companyName: string
  submittedAt: number
  receiptHash: string
  /** Why the bid could not be opened at the opening, or null. */
  sealProblem: SealProblem | null
}

async function openingRecord(db: DB, callId: number) {
  const opening = await db
    .selectFrom('bid_openings')
    .innerJoin('users', 'users.id', 'bid_openings.opened_by')
    .select(['bid_openings.opened_at', 'bid_openings.record_json', 'users.name as opened_by_name'])
    .where('bid_openings.call_id', '=', callId)
    .executeTakeFirst()
  if (!opening) return null
  const record = JSON.parse(opening.record_json) as {
    bid_id: number
    company_id: number
    submitted_at: number
    receipt_hash: string
  }[]
  const companies = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', 'in', [0, ...record.map((r) => r.company_id)])
    .execute()
  const names = new Map(companies.map((c) => [c.id, c.name]))
  const failures = await sealFailures(db, callId)
  // Bids left out of the opening (never submitted, or not re-confirmed after an amendment): how
  // many, never whose.
  const left = await db
    .selectFrom('bids')
    .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
    .where('call_id', '=', callId)
    .where('status', 'in', ['draft', 'needs_reconfirmation'])
    .groupBy('status')
    .execute()
  const count = (status: string) => Number(left.find((l) => l.status === status)?.count ?? 0)
  return {
    openedAt: opening.opened_at,
    openedByName: opening.opened_by_name,
    bids: record.map((r): OpeningRecordEntry => ({
      bidId: r.bid_id,
      companyName: names.get(r.company_id) ?? '',
      submittedAt: r.submitted_at,
      receiptHash: r.receipt_hash,
      sealProblem: failures.get(r.bid_id) ?? null,
    })),
    notOpened: { drafts: count('draft'), notReconfirmed: count('needs_reconfirmation') },
  }
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
  const criteria = await criteriaInForce(db, call.id)
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

// ---------------------------------------------------------------------------------------------
// Acts

interface Act {
  callId: number
  userId: number
  ip?: string | null
}

/**
 * Opens the bids after the deadline: the opening record is computed by SQL, as the trigger does.
 * Every submitted bid is tried with the key ring and its content hash first: when a bid's key is
 * missing nothing is opened ('seal_key_missing', audited); bids that were altered are opened as
 * "could not be opened", recorded and audited (decision 023).
 */
export async function openBids(db: DB, input: Act): Promise<{ unopened: number }> {
  const outcome = await withRules(() =>
    db.transaction().execute(async (tx) => {
      const call = await buyerCall(tx, input.callId, input.userId)
      if (call.status !== 'published') throw new DomainError('invalid_transition')
      if (now() < call.tender_deadline) throw new DomainError('deadline_not_passed')
      const unopened = await unopenableBids(tx, call.id)
      const keyMissing = unopened.filter((u) => u.problem === 'key_missing')
      if (keyMissing.length > 0) {
        await audit(tx, {
          actorUserId: input.userId,
          organisationId: call.organisation_id,
          action: 'call.opening_refused',
          entityType: 'call',
          entityId: call.id,
          after: { reason: 'seal_key_missing', bids: keyMissing.length },
          ip: input.ip ?? null,
        })
        return { refused: true, unopened: 0 }
      }
      // Exactly the migration's openingRecord expression; the trigger compares the text.
      await tx
        .insertInto('bid_openings')
        .columns(['call_id', 'opened_by', 'opened_at', 'record_json'])
        .expression(
          sql<never>`SELECT ${call.id}, ${input.userId}, ${now()}, (SELECT json_group_array(json_object(
            'bid_id', id, 'company_id', company_id, 'submitted_at', submitted_at, 'receipt_hash', receipt_hash))
            FROM (SELECT id, company_id, submitted_at, receipt_hash FROM bids
              WHERE call_id = ${call.id} AND status = 'submitted' ORDER BY id))`,
        )
        .execute()
      const opening = await tx
        .selectFrom('bid_openings')
        .select(['opened_at', 'record_json'])
        .where('call_id', '=', call.id)
        .executeTakeFirstOrThrow()
      await audit(tx, {
        actorUserId: input.userId,
        organisationId: call.organisation_id,
        action: 'call.opened',
        entityType: 'call',
        entityId: call.id,
        before: { status: call.status },
        after: {
          status: 'opened',
          opened_at: opening.opened_at,
          record: JSON.parse(opening.record_json) as unknown,
          unopened: unopened.map((u) => ({ bid_id: u.bidId, problem: u.problem })),
        },
        ip: input.ip ?? null,
      })
      const ids = { callId: call.id, organisationId: call.organisation_id, userId: input.userId }
      await recordSealFailures(tx, { ...ids, ip: input.ip ?? null }, unopened)
      return { refused: false, unopened: unopened.length }
    }),
  )
  // The refusal's audit row is committed; nothing else was written.
  if (outcome.refused) throw new DomainError('seal_key_missing')
  return { unopened: outcome.unopened }
}

/** The declaration of no conflict of interest; the database refuses members of bidders. */
export async function declareNoConflict(db: DB, input: Act) {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const call = await buyerCall(tx, input.callId, input.userId)
      const at = now()
      await tx
        .insertInto('evaluator_declarations')
        .values({ call_id: call.id, user_id: input.userId, declared_at: at })
        .execute()
      await audit(tx, {
        actorUserId: input.userId,
        organisationId: call.organisation_id,
        action: 'call.evaluator_declared',
        entityType: 'call',
        entityId: call.id,
        after: { user_id: input.userId, declared_at: at },
        ip: input.ip ?? null,
      })
    }),
  )
}

/** Locks the scores: every declared evaluator has scored every bid on every criterion. */
export async function completeEvaluation(db: DB, input: Act) {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const call = await buyerCall(tx, input.callId, input.userId)
      // A market dialogue is never scored (the CHECK would refuse it without a rule code).
      if (call.status !== 'opened' || call.procedure === 'market_dialogue') {
        throw new DomainError('invalid_transition')
      }
      const at = now()
      await tx
        .updateTable('calls')
        .set({ status: 'evaluated', evaluated_at: at, updated_by: input.userId, updated_at: at })
        .where('id', '=', call.id)
        .execute()
      await audit(tx, {
        actorUserId: input.userId,
        organisationId: call.organisation_id,
        action: 'call.evaluated',
        entityType: 'call',
        entityId: call.id,
        before: { status: call.status },
        after: { status: 'evaluated', evaluated_at: at, results: await ranking(tx, call.id) },
        ip: input.ip ?? null,
      })
    }),
  )
}

type Outcome = 'cancelled' | 'unsuccessful' | 'concluded'

const OUTCOME_FROM: Record<Outcome, CallStatus[]> = {
  cancelled: ['published', 'opened', 'evaluated'],
  unsuccessful: ['opened', 'evaluated'],
  concluded: ['opened'],
}

/**
 * Ends the call without an award: cancelled (with the reason), unsuccessful (only when no valid
 * bid passes) or, for a market dialogue, concluded with what was learnt. Everyone concerned is
 * told in the same transaction.
 */
export async function decideWithoutAward(
  db: DB,
  input: Act & { outcome: Outcome; reason: string },
) {
  const reason = input.reason.trim()
  if (reason.length < 10) throw new DomainError('reason_required')
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const call = await buyerCall(tx, input.callId, input.userId)
      if (!OUTCOME_FROM[input.outcome].includes(call.status)) {
        throw new DomainError('invalid_transition')
      }
      // Only a market dialogue concludes (the CHECK would refuse it without a rule code).
      if (input.outcome === 'concluded' && call.procedure !== 'market_dialogue') {
        throw new DomainError('invalid_transition')
      }
      const at = now()
      await tx
        .updateTable('calls')
        .set({
          status: input.outcome,
          decided_at: at,
          decided_by: input.userId,
          updated_by: input.userId,
          updated_at: at,
          outcome_reason: reason,
        })
        .where('id', '=', call.id)
        .execute()
      await audit(tx, {
        actorUserId: input.userId,
        organisationId: call.organisation_id,
        action: `call.${input.outcome}`,
        entityType: 'call',
        entityId: call.id,
        before: { status: call.status },
        after: { status: input.outcome, decided_at: at, outcome_reason: reason },
        ip: input.ip ?? null,
      })
      // Before the deadline nobody has bid in the eyes of the buyer: everyone interested hears.
      const beforeDeadline = call.status === 'published' && at < call.tender_deadline
      await notifyOutcome(tx, {
        callId: call.id,
        audience: beforeDeadline ? 'interested' : 'bidders',
        template: beforeDeadline ? 'call_cancelled' : 'call_outcome',
        outcome: input.outcome,
      })
    }),
  )
}

/**
 * The award: the chosen bids (the database insists on the best passing ones, at most
 * max_winners), the reasons, the standstill; every bidder is told the same in this transaction.
 */
export async function awardCall(db: DB, input: Act & { bidIds: number[]; reason: string }) {
  const reason = input.reason.trim()
  if (reason.length < 10) throw new DomainError('reason_required')
  if (input.bidIds.length === 0) throw new DomainError('award_not_by_score')
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const call = await buyerCall(tx, input.callId, input.userId)
      if (call.status !== 'evaluated') throw new DomainError('invalid_transition')
      const at = now()
      for (const bidId of [...new Set(input.bidIds)]) {
        await tx
          .insertInto('call_awards')
          .values({ call_id: call.id, bid_id: bidId, created_at: at })
          .execute()
      }
      const standstillEndsAt = at + call.standstill_days * 86400
      await tx
        .updateTable('calls')
        .set({
          status: 'awarded',
          decided_at: at,
          decided_by: input.userId,
          updated_by: input.userId,
          updated_at: at,
          outcome_reason: reason,
          standstill_ends_at: standstillEndsAt,
        })
        .where('id', '=', call.id)
        .execute()
      await audit(tx, {
        actorUserId: input.userId,
        organisationId: call.organisation_id,
        action: 'call.awarded',
        entityType: 'call',
        entityId: call.id,
        before: { status: call.status },
        after: {
          status: 'awarded',
          decided_at: at,
          outcome_reason: reason,
          standstill_ends_at: standstillEndsAt,
          awarded_bids: [...new Set(input.bidIds)].sort((a, b) => a - b),
          results: await ranking(tx, call.id),
        },
        ip: input.ip ?? null,
      })
      await notifyOutcome(tx, {
        callId: call.id,
        audience: 'bidders',
        template: 'call_outcome',
        outcome: 'awarded',
      })
    }),
  )
}

/** Marks the contract signed; the database refuses it before the standstill has ended. */
export async function signContract(db: DB, input: Act) {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const call = await buyerCall(tx, input.callId, input.userId)
      if (call.status !== 'awarded') throw new DomainError('invalid_transition')
      const at = now()
      await tx
        .updateTable('calls')
        .set({
          contract_signed_at: at,
          contract_signed_by: input.userId,
          updated_by: input.userId,
          updated_at: at,
        })
        .where('id', '=', call.id)
        .execute()
      await audit(tx, {
        actorUserId: input.userId,
        organisationId: call.organisation_id,
        action: 'call.contract_signed',
        entityType: 'call',
        entityId: call.id,
        after: { contract_signed_at: at },
        ip: input.ip ?? null,
      })
    }),
  )
}

// ---------------------------------------------------------------------------------------------
// One bid, for a declared evaluator

/** The call and bid a declared evaluator may read; anyone else gets 'not_found'. */
async function evaluatorBid(db: DB, input: { callId: number; bidId: number; userId: number }) {
  const call = await buyerCall(db, input.callId, input.userId)
  if (call.opened_at === null || !(await isDeclared(db, call.id, input.userId))) {
    throw new DomainError('not_found')
  }
  const bid = await db
    .selectFrom('bids')
    .innerJoin('organisations', 'organisations.id', 'bids.company_id')
    .select([
      'bids.id',
      'bids.call_id',
      'bids.company_id',
      'bids.sealed',
      'bids.seal_key_id',
      'bids.content_hash',
      'bids.submitted_at',
      'bids.receipt_hash',
      'organisations.name as company_name',
      'organisations.size_class',
    ])
    .where('bids.id', '=', input.bidId)
    .where('bids.call_id', '=', call.id)
    .where('bids.status', '=', 'submitted')
    .executeTakeFirst()
  if (!bid) throw new DomainError('not_found')
  return { call, bid }
}

function scoringOpen(call: BuyerCall) {
  return call.status === 'opened' && call.procedure !== 'market_dialogue'
}

/** The terms a bid is scored on, for building the score form (no bid content is read). */
export async function getScoringTerms(
  db: DB,
  input: { callId: number; bidId: number; userId: number },
) {
  const { call, bid } = await evaluatorBid(db, input)
  return {
    callId: call.id,
    bidId: bid.id,
    editable: scoringOpen(call),
    criteria: await criteriaInForce(db, call.id),
  }
}

export interface EvaluatedCriterion {
  id: number
  kind: CallCriterionKind
  position: number
  title: string
  description: string
  weight: number | null
  /** The bidder's answer: met or not and how (must-have), or its response (criterion). */
  answer: { met: boolean | null; text: string } | null
  /** The evaluator's own score, if given. */
  mine: { score: number; justification: string } | null
}

/**
 * Decrypts one bid for a declared evaluator of the call. Every read is written to the audit log
 * before the content leaves this function.
 */
export async function readBidForEvaluation(
  db: DB,
  input: { callId: number; bidId: number; userId: number; ip?: string | null },
) {
  return db.transaction().execute(async (tx) => {
    const { call, bid } = await evaluatorBid(tx, input)
    // A bid the key ring cannot open (or whose content does not match its receipt) is shown as a
    // notice; the evaluator can still score it.
    const opened = openContent(bid)
    const content: Partial<BidContent> = opened.ok ? opened.content : EMPTY_CONTENT
    await audit(tx, {
      actorUserId: input.userId,
      organisationId: call.organisation_id,
      action: opened.ok ? 'bid.read' : 'bid.unseal_failed',
      entityType: 'bid',
      entityId: bid.id,
      after: opened.ok
        ? { call_id: call.id, purpose: 'evaluation' }
        : { call_id: call.id, purpose: 'evaluation', problem: opened.problem },
      ip: input.ip ?? null,
    })
    const criteria = await criteriaInForce(tx, call.id)
    const mine = await tx
      .selectFrom('bid_scores')
      .select(['criterion_id', 'score', 'justification'])
      .where('bid_id', '=', bid.id)
      .where('evaluator_id', '=', input.userId)
      .execute()
    const requirements = new Map((content.requirements ?? []).map((r) => [r.criterion_id, r]))
    const responses = new Map((content.criteria ?? []).map((c) => [c.criterion_id, c]))
    return {
      call: {
        id: call.id,
        title: call.title,
        status: call.status,
        procedure: call.procedure,
      },
      editable: scoringOpen(call),
      bid: {
        id: bid.id,
        companyName: bid.company_name,
        sizeClass: bid.size_class,
        submittedAt: bid.submitted_at,
        receiptHash: bid.receipt_hash,
        sealProblem: opened.ok ? null : opened.problem,
        priceSek: typeof content.price_sek === 'number' ? content.price_sek : null,
        solutionSummary: content.solution_summary ?? '',
        contactRole: content.contact_role ?? '',
      },
      criteria: criteria.map((c): EvaluatedCriterion => {
        const requirement = requirements.get(c.id)
        const response = responses.get(c.id)
        const score = mine.find((m) => m.criterion_id === c.id)
        return {
          ...c,
          answer:
            c.kind === 'requirement'
              ? requirement
                ? { met: requirement.met, text: requirement.explanation }
                : null
              : response
                ? { met: null, text: response.response }
                : null,
          mine: score ? { score: score.score, justification: score.justification } : null,
        }
      }),
    }
  })
}

export interface ScoreInput {
  criterionId: number
  /** 0–10 for a criterion; 1 (met) or 0 for a must-have. */
  score: number
  justification: string
}

/** Saves (or replaces) the evaluator's own scores on one bid, until the evaluation is complete. */
export async function saveBidScores(
  db: DB,
  input: {
    callId: number
    bidId: number
    userId: number
    scores: ScoreInput[]
    ip?: string | null
  },
) {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const { call, bid } = await evaluatorBid(tx, input)
      if (!scoringOpen(call)) throw new DomainError('score_not_allowed')
      const at = now()
      for (const s of input.scores) {
        const justification = s.justification.trim()
        // An explicit update, then an insert: the table refuses every conflicting insert,
        // UPSERT included (migration 2026-12-07-05-hardening).
        const updated = await tx
          .updateTable('bid_scores')
          .set({ score: s.score, justification, scored_at: at })
          .where('bid_id', '=', bid.id)
          .where('criterion_id', '=', s.criterionId)
          .where('evaluator_id', '=', input.userId)
          .executeTakeFirst()
        if (Number(updated.numUpdatedRows) > 0) continue
        await tx
          .insertInto('bid_scores')
          .values({
            bid_id: bid.id,
            criterion_id: s.criterionId,
            evaluator_id: input.userId,
            score: s.score,
            justification,
            scored_at: at,
          })
          .execute()
      }
      await audit(tx, {
        actorUserId: input.userId,
        organisationId: call.organisation_id,
        action: 'bid.scored',
        entityType: 'bid',
        entityId: bid.id,
        after: {
          call_id: call.id,
          scores: input.scores.map((s) => ({
            criterion_id: s.criterionId,
            score: s.score,
            justification: s.justification.trim(),
          })),
        },
        ip: input.ip ?? null,
      })
    }),
  )
}
