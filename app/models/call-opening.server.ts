import { sql } from 'kysely'
import type { DB } from '#db/connection'
import { now } from '~/utils/clock.server'
import { audit } from './audit.server'
import type { SealProblem } from './bid-seal.server'
import { recordSealFailures, sealFailures, unopenableBids } from './bid-seal-keys.server'
import { type Act, buyerCall } from './call-evaluation-shared.server'
import { DomainError, withRules } from './errors.server'

// The opening of the bids after the tender deadline, and the opening record the buyer reads.

export interface OpeningRecordEntry {
  bidId: number
  companyName: string
  submittedAt: number
  receiptHash: string
  /** Why the bid could not be opened at the opening, or null. */
  sealProblem: SealProblem | null
}

/** Who opened the bids and when, each bid opened, and how many bids were left out. */
export async function openingRecord(db: DB, callId: number) {
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
