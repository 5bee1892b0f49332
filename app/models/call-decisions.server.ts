import type { DB } from '#db/connection'
import type { CallStatus } from '#db/schema'
import { now } from '~/utils/clock.server'
import { audit } from './audit.server'
import { type Act, buyerCall, ranking } from './call-evaluation-shared.server'
import { notifyOutcome } from './call-outcomes.server'
import { DomainError, withRules } from './errors.server'

// The outcome of a call: an award with its standstill, or an end without one (cancelled,
// unsuccessful, concluded), and the contract signed after the standstill.

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
