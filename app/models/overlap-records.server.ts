import { sql } from 'kysely'
import type { DB } from '#db/connection'
import { now } from '~/utils/clock.server'
import { audit } from './audit.server'
import { DomainError, withRules } from './errors.server'
import { hasFiveLetters } from './initiative-overlap.server'

// What the overlap checks of new calls and new test-bed offers share (decision record 030,
// revision): the choice after seeing the similar ones, saved with the new draft in one
// transaction, and the related items either way round. Their record tables
// (call_overlap_checks, test_bed_offer_overlap_checks) differ only in the item's column.

/** What the author chose after seeing the similar calls or offers. */
export type ItemOverlapDecision =
  { choice: 'related'; chosenId: number } | { choice: 'continue'; reason: string }

const KINDS = {
  call: { table: 'call_overlap_checks', column: 'call_id', items: 'calls' },
  test_bed_offer: {
    table: 'test_bed_offer_overlap_checks',
    column: 'offer_id',
    items: 'test_bed_offers',
  },
} as const
type Kind = keyof typeof KINDS

/**
 * Saves a new draft (`insert`) and the recorded choice in one transaction. `candidates` are the
 * ids the form showed; a reason needs words, and only a shown candidate can be chosen.
 */
export async function saveAfterCheck(
  db: DB,
  kind: Kind,
  args: {
    organisationId: number
    userId: number
    candidates: readonly number[]
    decision: ItemOverlapDecision
    ip?: string | null
  },
  insert: (tx: DB) => Promise<{ id: number }>,
): Promise<{ id: number }> {
  const { decision } = args
  if (decision.choice === 'continue' && !hasFiveLetters(decision.reason))
    throw new DomainError('overlap_reason_required')
  if (decision.choice === 'related' && !args.candidates.includes(decision.chosenId))
    throw new DomainError('overlap_candidate_invalid')
  const { table } = KINDS[kind]
  const work = async (tx: DB) => {
    const item = await insert(tx)
    const chosen = decision.choice === 'related' ? decision.chosenId : null
    const values = {
      organisation_id: args.organisationId,
      checked_by: args.userId,
      checked_at: now(),
      candidates: JSON.stringify(args.candidates),
      choice: decision.choice,
      chosen_id: chosen,
      reason: decision.choice === 'continue' ? decision.reason : null,
    }
    const check =
      table === 'call_overlap_checks'
        ? await tx
            .insertInto(table)
            .values({ ...values, call_id: item.id })
            .returning('id')
            .executeTakeFirstOrThrow()
        : await tx
            .insertInto(table)
            .values({ ...values, offer_id: item.id })
            .returning('id')
            .executeTakeFirstOrThrow()
    await audit(tx, {
      actorUserId: args.userId,
      organisationId: args.organisationId,
      action: `${kind}.overlap_checked`,
      entityType: kind,
      entityId: item.id,
      after: { check: check.id, candidates: args.candidates, choice: decision.choice, chosen },
      ip: args.ip ?? null,
    })
    return item
  }
  return withRules(() => (db.isTransaction ? work(db) : db.transaction().execute(work)))
}

/**
 * The calls or offers linked to this one as related, either way round. A draft is private: one
 * shows only to members of its organisation.
 */
export async function relatedItems(db: DB, kind: Kind, id: number, userId: number | null) {
  const { table, column, items } = KINDS[kind]
  const { rows } = await sql<{ id: number; title: string; owners: string }>`
    SELECT i.id, i.title, o.name AS owners
    FROM ${sql.table(items)} i JOIN organisations o ON o.id = i.organisation_id
    WHERE i.id IN (
        SELECT chosen_id FROM ${sql.table(table)} WHERE choice = 'related' AND ${sql.ref(column)} = ${id}
        UNION SELECT ${sql.ref(column)} FROM ${sql.table(table)} WHERE choice = 'related' AND chosen_id = ${id})
      AND (i.status <> 'draft' OR EXISTS (SELECT 1 FROM memberships m
        WHERE m.organisation_id = i.organisation_id AND m.user_id = ${userId ?? 0}))
    ORDER BY i.id`.execute(db)
  return rows
}
