import { renameSync, writeFileSync } from 'node:fs'
import { sql } from 'kysely'
import type { DB } from '#db/connection'
import { now } from '~/utils/clock.server'
import { getEnv } from '~/utils/env.server'
import { audit } from './audit.server'
import {
  encodeKey,
  keyFiles,
  loadKeys,
  newSealKey,
  openSealed,
  type RingKey,
  resealPlaintext,
  type SealProblem,
  sealKeyId,
} from './bid-seal.server'

// What the key ring means for whole sets of bids: the check at the opening (which submitted bids
// open, and whether the opening may go ahead at all), the record of those that did not, and key
// rotation (decision 023). No function here returns, logs or writes plaintext.

export interface UnopenedBid {
  bidId: number
  problem: SealProblem
}

/**
 * Tries every submitted bid of a call with the key ring and its content hash, in memory. Returns
 * the bids that do not open and why.
 */
export async function unopenableBids(db: DB, callId: number): Promise<UnopenedBid[]> {
  const rows = await db
    .selectFrom('bids')
    .select(['id', 'call_id', 'company_id', 'sealed', 'seal_key_id', 'content_hash'])
    .where('call_id', '=', callId)
    .where('status', '=', 'submitted')
    .orderBy('id')
    .execute()
  const unopened: UnopenedBid[] = []
  for (const row of rows) {
    const binding = { callId: row.call_id, companyId: row.company_id }
    const opened = openSealed(row.sealed, binding, row.seal_key_id, row.content_hash)
    if (opened.ok) opened.plaintext.fill(0)
    else unopened.push({ bidId: row.id, problem: opened.problem })
  }
  return unopened
}

/**
 * Records, in the opening's transaction, the bids that could not be opened (altered, or content
 * not matching its receipt), each with an audit row.
 */
export async function recordSealFailures(
  tx: DB,
  input: { callId: number; organisationId: number; userId: number; ip?: string | null },
  failures: UnopenedBid[],
) {
  for (const f of failures) {
    if (f.problem === 'key_missing') continue
    await tx
      .insertInto('bid_seal_failures')
      .values({ bid_id: f.bidId, call_id: input.callId, problem: f.problem, detected_at: now() })
      .execute()
    await audit(tx, {
      actorUserId: input.userId,
      organisationId: input.organisationId,
      action: 'bid.seal_refused',
      entityType: 'bid',
      entityId: f.bidId,
      after: { call_id: input.callId, problem: f.problem },
      ip: input.ip ?? null,
    })
  }
}

/** The bids of a call that could not be opened at its opening, by bid id. */
export async function sealFailures(db: DB, callId: number): Promise<Map<number, SealProblem>> {
  const rows = await db
    .selectFrom('bid_seal_failures')
    .select(['bid_id', 'problem'])
    .where('call_id', '=', callId)
    .execute()
  return new Map(rows.map((r) => [r.bid_id, r.problem]))
}

// ---------------------------------------------------------------------------------------------
// Rotation

/** Rotation cannot run (the message is for the operator). */
export class RotationRefused extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RotationRefused'
  }
}

export interface RotationReport {
  keyId: string
  /** The key ring file to back up. */
  ringFile: string
  resealed: number
  /** Bids already under the new key (none, unless a server sealed one during the rotation). */
  alreadyCurrent: number
  /** Bids that no key opens or whose content does not match its hash: left as they were. */
  unopenable: UnopenedBid[]
  previousKeyIds: string[]
  /** Previous key ids that some bid still needs after the rotation. */
  stillNeeded: string[]
}

/** Writes the ring file atomically (a new file, renamed over the old), readable by its owner only. */
function writeRing(file: string, keys: Buffer[]) {
  const tmp = `${file}.${process.pid}.tmp`
  const header =
    '# Bid seal keys, newest first (npm run keys:rotate). Back this file up apart from the database.\n'
  writeFileSync(tmp, header + keys.map((k) => `${encodeKey(k)}\n`).join(''), {
    mode: 0o600,
    flag: 'wx',
  })
  renameSync(tmp, file)
}

/**
 * Generates a new key and re-seals every bid under it. The new key is first written to the top
 * of the key ring (so every server seals with it and still opens with the old keys), then every
 * bid is decrypted and re-encrypted in memory in one write transaction: the re-sealed blob must
 * open to the bid's content hash before it replaces the old one, and only `sealed` and
 * `seal_key_id` change (the database allows nothing else, migration 2026-12-07-07). Bids that do
 * not open are left as they were and reported. One audit row with counts.
 */
export async function rotateSealKey(db: DB): Promise<RotationReport> {
  if (getEnv().BID_SEAL_KEY) {
    throw new RotationRefused(
      'BID_SEAL_KEY is set, so the current key comes from the environment and rotation cannot ' +
        'replace it. Put that key as the only line of the key ring file (see decision 023), unset ' +
        'BID_SEAL_KEY, and run keys:rotate again.',
    )
  }
  const files = keyFiles()
  if (!files) throw new RotationRefused('An in-memory database has no key files to rotate.')
  const previous = loadKeys({ create: false })
  const fresh = newSealKey()
  const freshKey: RingKey = { id: sealKeyId(fresh), key: fresh, location: files.ring }
  writeRing(files.ring, [fresh, ...previous.map((k) => k.key)])

  let report: Omit<RotationReport, 'stillNeeded'> | undefined
  await db.connection().execute(async (conn) => {
    // IMMEDIATE: no other writer between reading a bid and replacing its blob.
    await sql`BEGIN IMMEDIATE`.execute(conn)
    try {
      report = await resealAll(conn, freshKey, files.ring, previous)
      await audit(conn, {
        actorUserId: null,
        action: 'bid_seal.rotated',
        entityType: 'bid_seal_key',
        entityId: freshKey.id,
        after: {
          key_id: freshKey.id,
          previous_key_ids: report.previousKeyIds,
          resealed: report.resealed,
          already_current: report.alreadyCurrent,
          unopenable: report.unopenable.length,
        },
      })
      await sql`COMMIT`.execute(conn)
    } catch (error) {
      await sql`ROLLBACK`.execute(conn)
      throw error
    }
  })
  if (!report) throw new Error('rotation did not run')
  const used = await db
    .selectFrom('bids')
    .select('seal_key_id')
    .distinct()
    .where('seal_key_id', 'is not', null)
    .execute()
  const usedIds = new Set(used.map((u) => u.seal_key_id))
  const unopenedLegacy = report.unopenable.length > 0
  return {
    ...report,
    stillNeeded: report.previousKeyIds.filter((id) => usedIds.has(id) || unopenedLegacy),
  }
}

async function resealAll(db: DB, fresh: RingKey, ringFile: string, previous: RingKey[]) {
  const rows = await db
    .selectFrom('bids')
    .select(['id', 'call_id', 'company_id', 'sealed', 'seal_key_id', 'content_hash'])
    .orderBy('id')
    .execute()
  let resealed = 0
  let alreadyCurrent = 0
  const unopenable: UnopenedBid[] = []
  for (const row of rows) {
    if (row.seal_key_id === fresh.id) {
      alreadyCurrent += 1
      continue
    }
    const binding = { callId: row.call_id, companyId: row.company_id }
    const opened = openSealed(row.sealed, binding, row.seal_key_id, row.content_hash)
    if (!opened.ok) {
      unopenable.push({ bidId: row.id, problem: opened.problem })
      continue
    }
    const sealed = resealPlaintext(opened.plaintext, binding, fresh)
    opened.plaintext.fill(0)
    // Accept the new blob only if it opens, with the new key, to the content the hash covers.
    const check = openSealed(sealed, binding, fresh.id, row.content_hash)
    if (!check.ok || check.keyId !== fresh.id) {
      throw new Error(`Re-sealed bid ${row.id} did not verify; nothing was changed.`)
    }
    check.plaintext.fill(0)
    const updated = await db
      .updateTable('bids')
      .set({ sealed, seal_key_id: fresh.id })
      .where('id', '=', row.id)
      .where('sealed', '=', row.sealed)
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) {
      throw new Error(`Bid ${row.id} changed during rotation; nothing was changed.`)
    }
    resealed += 1
  }
  return {
    keyId: fresh.id,
    ringFile,
    resealed,
    alreadyCurrent,
    unopenable,
    previousKeyIds: previous.map((k) => k.id),
  }
}
