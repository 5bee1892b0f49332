import { sha256 } from '@oslojs/crypto/sha2'
import { encodeHexLowerCase } from '@oslojs/encoding'
import type { DB } from '#db/connection'
import type { AuditEntry } from '#db/schema'
import { now } from '~/utils/clock.server'

export const GENESIS_HASH = '0'.repeat(64)

export interface AuditInput {
  actorUserId: number | null
  organisationId?: number | null
  action: string
  entityType: string
  entityId?: string | number | null
  before?: unknown
  after?: unknown
  ip?: string | null
}

type HashedFields = Omit<AuditEntry, 'id' | 'hash'>

function hashEntry(fields: HashedFields): string {
  // Field order is fixed here; changing it would invalidate every stored chain.
  const canonical = JSON.stringify([
    fields.prev_hash,
    fields.at,
    fields.actor_user_id,
    fields.organisation_id,
    fields.action,
    fields.entity_type,
    fields.entity_id,
    fields.before_json,
    fields.after_json,
    fields.ip,
  ])
  return encodeHexLowerCase(sha256(new TextEncoder().encode(canonical)))
}

/**
 * Appends one row to the hash-chained audit log. Call it with the transaction that makes the
 * change, so the change and its record commit together or not at all.
 */
export async function audit(db: DB, input: AuditInput): Promise<void> {
  const last = await db
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  const fields: HashedFields = {
    prev_hash: last?.hash ?? GENESIS_HASH,
    at: now(),
    actor_user_id: input.actorUserId,
    organisation_id: input.organisationId ?? null,
    action: input.action,
    entity_type: input.entityType,
    entity_id: input.entityId == null ? null : String(input.entityId),
    before_json: input.before === undefined ? null : JSON.stringify(input.before),
    after_json: input.after === undefined ? null : JSON.stringify(input.after),
    ip: input.ip ?? null,
  }
  await db
    .insertInto('audit_log')
    .values({ ...fields, hash: hashEntry(fields) })
    .execute()
}

export interface ChainReport {
  rows: number
  ok: boolean
  /** The first row whose hash or link does not match, if any. */
  brokenAt: number | null
  lastHash: string
}

/** Recomputes the whole chain; any edited, inserted or removed row shows as `brokenAt`. */
export async function verifyAuditChain(db: DB): Promise<ChainReport> {
  let prev = GENESIS_HASH
  let rows = 0
  const all = await db.selectFrom('audit_log').selectAll().orderBy('id').execute()
  for (const row of all) {
    rows++
    const { id, hash, ...fields } = row
    if (fields.prev_hash !== prev || hashEntry(fields) !== hash) {
      return { rows, ok: false, brokenAt: id, lastHash: prev }
    }
    prev = hash
  }
  return { rows, ok: true, brokenAt: null, lastHash: prev }
}
