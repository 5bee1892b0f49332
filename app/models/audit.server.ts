import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { hmac } from '@oslojs/crypto/hmac'
import { SHA256, sha256 } from '@oslojs/crypto/sha2'
import { encodeHexLowerCase } from '@oslojs/encoding'
import type { DB } from '#db/connection'
import type { AuditEntry } from '#db/schema'
import { now } from '~/utils/clock.server'
import { getEnv } from '~/utils/env.server'
import { createKeyFile, decodeKey as decodeKeyText, KEY_BYTES } from '~/utils/key-file.server'

export const GENESIS_HASH = '0'.repeat(64)
const KEY_FILE = 'audit.key'

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

type HashedFields = Omit<AuditEntry, 'id' | 'hash' | 'mac'>

/**
 * The hashed fields of the row that records `input` after the row whose hash is `prevHash`, stamped
 * now (exported for the bulk writer of `npm run seed:scale`).
 */
export function auditFields(prevHash: string, input: AuditInput): HashedFields {
  return {
    prev_hash: prevHash,
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
}

/** The chain hash of a row (exported for the bulk writer of `npm run seed:scale`). */
export function hashEntry(fields: HashedFields): string {
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

/** HMAC-SHA256 with the audit key over `message`, hex. */
export function auditMac(key: Uint8Array, message: string): string {
  return encodeHexLowerCase(hmac(SHA256, key, new TextEncoder().encode(message)))
}

/** A row's MAC: only the holder of the audit key can write one, so a recomputed chain shows. */
export function rowMac(key: Uint8Array, hash: string): string {
  return auditMac(key, `testarena-audit-row:v1:${hash}`)
}

/**
 * Appends one row to the hash-chained, keyed audit log. Call it with the transaction that makes
 * the change, so the change and its record commit together or not at all.
 */
export async function audit(db: DB, input: AuditInput): Promise<void> {
  const last = await db
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  const fields = auditFields(last?.hash ?? GENESIS_HASH, input)
  const hash = hashEntry(fields)
  await db
    .insertInto('audit_log')
    .values({ ...fields, hash, mac: rowMac(auditKey().key, hash) })
    .execute()
}

// ---------------------------------------------------------------------------------------------
// The audit key: AUDIT_KEY, else audit.key beside the database (created on first use, mode 0600).
// It never lives in the database, so whoever holds only the database file cannot forge a MAC.

export interface AuditKey {
  key: Uint8Array
  /** The key file, or null when the key comes from AUDIT_KEY or lives only in memory. */
  location: string | null
}

let cached: { databasePath: string; value: AuditKey } | undefined

/** The key for the app's database (DATABASE_PATH), created on first use. */
export function auditKey(): AuditKey {
  const { DATABASE_PATH, AUDIT_KEY } = getEnv()
  if (cached?.databasePath !== DATABASE_PATH) {
    cached = { databasePath: DATABASE_PATH, value: loadKey(DATABASE_PATH, AUDIT_KEY) }
  }
  return cached.value
}

/** Where the key file for `databasePath` is kept (whether or not it exists yet). */
export function auditKeyFile(databasePath: string): string {
  return resolve(dirname(databasePath), KEY_FILE)
}

/**
 * The key for a database file, without creating one: AUDIT_KEY, else `keyFile` (default: the
 * audit.key beside `databasePath`). Null when there is none, so a verifier can say so.
 */
export function readAuditKey(databasePath: string, keyFile?: string): AuditKey | null {
  const fromEnv = getEnv().AUDIT_KEY
  if (fromEnv && !keyFile) return { key: decodeKey(fromEnv, 'AUDIT_KEY'), location: null }
  const file = keyFile ?? auditKeyFile(databasePath)
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  return { key: decodeKey(text.trim(), file), location: file }
}

/** Forgets the cached key so a test can switch DATABASE_PATH or AUDIT_KEY. */
export function __resetAuditKeyForTests(): void {
  cached = undefined
}

function loadKey(databasePath: string, fromEnv: string | undefined): AuditKey {
  if (fromEnv) return { key: decodeKey(fromEnv, 'AUDIT_KEY'), location: null }
  // An in-memory database disappears with the process, and so may its key.
  if (databasePath === ':memory:') return { key: randomBytes(KEY_BYTES), location: null }
  const file = auditKeyFile(databasePath)
  const created = createKeyFile(file)
  if (created) return { key: created, location: file }
  return readAuditKey(databasePath, file)!
}

function decodeKey(text: string, source: string): Uint8Array {
  return decodeKeyText(text, source, 'the audit key')
}

// ---------------------------------------------------------------------------------------------
// Verification of the chain itself (anchors: audit-anchors.server.ts).

export interface ChainReport {
  rows: number
  /** Rows that carry a MAC (every row from the first keyed one on). */
  keyedRows: number
  ok: boolean
  /** The first row whose hash, link or MAC does not match, if any. */
  brokenAt: number | null
  /** What is wrong at `brokenAt`, in words for the operator. */
  problem: string | null
  lastId: number | null
  lastHash: string
}

/** One audit row as the verifier sees it. */
export type ChainRow = Pick<AuditEntry, 'id' | 'hash' | 'mac'>

/**
 * Recomputes the whole chain in id order: every link, every hash, and every MAC with `key`
 * (default: the app's key). Rows without a MAC are accepted only before the first keyed row.
 * `onRow` sees each row that verified, in order (the anchor check uses it).
 */
export async function verifyAuditChain(
  db: DB,
  options: { key?: Uint8Array | null; onRow?: (row: ChainRow, count: number) => void } = {},
): Promise<ChainReport> {
  const key = options.key === undefined ? auditKey().key : options.key
  let prev = GENESIS_HASH
  let lastId: number | null = null
  let rows = 0
  let keyedRows = 0
  const broken = (id: number, problem: string): ChainReport => ({
    rows,
    keyedRows,
    ok: false,
    brokenAt: id,
    problem,
    lastId,
    lastHash: prev,
  })
  // In pages by id, so a long log is never held in memory at once.
  for (let after = 0; ;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(2000)
      .execute()
    if (page.length === 0) break
    for (const row of page) {
      rows++
      const { id, hash, mac, ...fields } = row
      if (fields.prev_hash !== prev) return broken(id, 'does not link to the row before it')
      if (hashEntry(fields) !== hash) return broken(id, 'its content does not match its hash')
      if (mac == null) {
        if (keyedRows > 0) return broken(id, 'has no MAC after keyed rows')
      } else {
        if (!key) return broken(id, 'has a MAC but no audit key is available to check it')
        if (rowMac(key, hash) !== mac) return broken(id, 'its MAC does not match (wrong key?)')
        keyedRows++
      }
      options.onRow?.({ id, hash, mac }, rows)
      prev = hash
      lastId = id
    }
    after = page[page.length - 1]!.id
  }
  return { rows, keyedRows, ok: true, brokenAt: null, problem: null, lastId, lastHash: prev }
}
