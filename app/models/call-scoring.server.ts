import type { DB } from '#db/connection'
import type { CallCriterionKind } from '#db/schema'
import { type BidContent } from '~/utils/bid-schema'
import { now } from '~/utils/clock.server'
import { audit } from './audit.server'
import { EMPTY_CONTENT, openContent } from './bid-content.server'
import { type Act, buyerCall, type BuyerCall, ranking } from './call-evaluation-shared.server'
import { termsInForce } from './calls.server'
import { DomainError, withRules } from './errors.server'

// The evaluators' part once the bids are opened: the declaration of no conflict of interest,
// reading and scoring each bid, and completing the evaluation.

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

async function isDeclared(db: DB, callId: number, userId: number) {
  const row = await db
    .selectFrom('evaluator_declarations')
    .select('user_id')
    .where('call_id', '=', callId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row !== undefined
}

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
    criteria: await termsInForce(db, call.id),
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
    const criteria = await termsInForce(tx, call.id)
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
