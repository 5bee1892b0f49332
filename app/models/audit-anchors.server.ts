import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { sql } from 'kysely'
import type { DB } from '#db/connection'
import type { AuditAnchor } from '#db/schema'
import { TIME_ZONE } from '~/i18n/locales'
import { now } from '~/utils/clock.server'
import { getEnv } from '~/utils/env.server'
import { auditKey, auditMac, type ChainReport, verifyAuditChain } from './audit.server'

// Anchors: the audit chain's head (row id, hash, row count) at a moment, with an HMAC. Each is
// kept three times: in the append-only table audit_anchors, as a line in audit-anchors.log beside
// the database, and on the public /transparency page for outsiders to copy. A chain that was cut
// at the tail or recomputed no longer contains an anchored row with its anchored hash.

export const ANCHOR_LOG_FILE = 'audit-anchors.log'

type AnchorFields = Pick<AuditAnchor, 'at' | 'head_id' | 'head_hash' | 'row_count'>

export function anchorMac(key: Uint8Array, a: AnchorFields): string {
  return auditMac(
    key,
    `testarena-audit-anchor:v1:${a.head_id}:${a.head_hash}:${a.row_count}:${a.at}`,
  )
}

/** The anchor log beside a database file (null for an in-memory database). */
export function anchorLogFile(databasePath: string = getEnv().DATABASE_PATH): string | null {
  return databasePath === ':memory:' ? null : resolve(dirname(databasePath), ANCHOR_LOG_FILE)
}

/**
 * Records the chain head now: a row in audit_anchors, then its line in the anchor log. Returns
 * null when the log is still empty (there is nothing to anchor).
 */
export async function writeAnchor(
  db: DB,
  options: { logFile?: string | null } = {},
): Promise<AuditAnchor | null> {
  const key = auditKey().key
  const anchor = await db.transaction().execute(async (tx) => {
    const head = await tx
      .selectFrom('audit_log')
      .select(['id', 'hash'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst()
    if (!head) return null
    const { count } = await tx
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('id', '<=', head.id)
      .executeTakeFirstOrThrow()
    const fields = { at: now(), head_id: head.id, head_hash: head.hash, row_count: Number(count) }
    return tx
      .insertInto('audit_anchors')
      .values({ ...fields, mac: anchorMac(key, fields) })
      .returningAll()
      .executeTakeFirstOrThrow()
  })
  await syncAnchorLog(db, options.logFile === undefined ? anchorLogFile() : options.logFile)
  return anchor
}

/** The calendar day in Sweden, e.g. "2026-12-07". */
function stockholmDay(seconds: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE }).format(seconds * 1000)
}

/** Writes an anchor unless one was written today (Swedish date): the server calls this hourly. */
export async function anchorIfDue(db: DB): Promise<AuditAnchor | null> {
  const latest = await db
    .selectFrom('audit_anchors')
    .select('at')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (latest && stockholmDay(latest.at) === stockholmDay(now())) return null
  return writeAnchor(db)
}

/** The newest anchors first, for the public page. */
export function listAnchors(db: DB, limit = 30) {
  return db
    .selectFrom('audit_anchors')
    .select(['id', 'at', 'head_id', 'head_hash', 'row_count'])
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

// ---------------------------------------------------------------------------------------------
// The anchor log: one JSON line per anchor, appended and fsynced after the anchor commits.

function anchorLine(a: AuditAnchor): string {
  const { id, at, head_id, head_hash, row_count, mac } = a
  const time = new Date(at * 1000).toISOString()
  return `${JSON.stringify({ id, at, time, head_id, head_hash, row_count, mac })}\n`
}

/** Reads the anchor log; unreadable lines are reported as such. */
export function readAnchorLog(file: string): { anchors: AuditAnchor[]; badLines: number[] } {
  const anchors: AuditAnchor[] = []
  const badLines: number[] = []
  const lines = readFileSync(file, 'utf8').split('\n')
  lines.forEach((line, index) => {
    if (line.trim() === '') return
    try {
      const a = JSON.parse(line) as Partial<AuditAnchor>
      const ints = [a.id, a.at, a.head_id, a.row_count].every((n) => Number.isSafeInteger(n))
      if (!ints || typeof a.head_hash !== 'string' || typeof a.mac !== 'string') throw new Error()
      anchors.push(a as AuditAnchor)
    } catch {
      badLines.push(index + 1)
    }
  })
  return { anchors, badLines }
}

/**
 * Appends every anchor newer than the log's last line, and fsyncs. So an anchor whose line was
 * lost to a crash right after its commit is written with the next one.
 */
export async function syncAnchorLog(db: DB, file: string | null): Promise<void> {
  if (!file || !(await hasAnchorTable(db))) return
  const known = existsSync(file) ? readAnchorLog(file).anchors : []
  const lastId = known.reduce((max, a) => Math.max(max, a.id), 0)
  const missing = await db
    .selectFrom('audit_anchors')
    .selectAll()
    .where('id', '>', lastId)
    .orderBy('id')
    .execute()
  if (missing.length === 0) return
  const fd = openSync(file, 'a', 0o644)
  try {
    writeSync(fd, missing.map(anchorLine).join(''))
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** False for a database (a backup) from before migration 2026-12-07-06. */
export async function hasAnchorTable(db: DB): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master
    WHERE type = 'table' AND name = 'audit_anchors'`.execute(db)
  return Boolean(rows[0]?.n)
}

// ---------------------------------------------------------------------------------------------
// Verification: the chain, every MAC, every anchor, and the anchor log against the table.

export interface AuditVerification {
  ok: boolean
  chain: ChainReport
  anchors: number
  /** Everything wrong, one sentence each, for the operator. */
  problems: string[]
}

/**
 * Verifies the audit log of `db` with `key` (null: no key is available, so any MAC fails): the
 * chain's links, hashes and MACs; every anchor's MAC; that each anchored row still exists with the
 * anchored hash and count (a cut or recomputed chain fails here); and, when `logFile` is given,
 * that the anchor log and the table hold the same anchors.
 */
export async function verifyAudit(
  db: DB,
  options: { key: Uint8Array | null; logFile: string | null },
): Promise<AuditVerification> {
  const { key, logFile } = options
  const problems: string[] = []
  // A backup from before migration 2026-12-07-06 has no anchors (and no MACs) to check.
  const anchors = (await hasAnchorTable(db))
    ? await db.selectFrom('audit_anchors').selectAll().orderBy('id').execute()
    : []

  const byHead = new Map<number, AuditAnchor[]>()
  let previous: AuditAnchor | undefined
  for (const a of anchors) {
    if (!key) problems.push(`Anchor #${a.id}: no audit key is available to check its MAC.`)
    else if (anchorMac(key, a) !== a.mac) problems.push(`Anchor #${a.id}: its MAC does not match.`)
    if (previous && (a.head_id < previous.head_id || a.at < previous.at)) {
      problems.push(
        `Anchor #${a.id}: goes back in time or in the chain from anchor #${previous.id}.`,
      )
    }
    byHead.set(a.head_id, [...(byHead.get(a.head_id) ?? []), a])
    previous = a
  }

  const seen = new Set<number>()
  const chain = await verifyAuditChain(db, {
    key,
    onRow: (row, count) => {
      for (const a of byHead.get(row.id) ?? []) {
        seen.add(a.id)
        if (a.head_hash !== row.hash) {
          problems.push(`Anchor #${a.id}: row ${row.id} no longer has the anchored hash.`)
        } else if (a.row_count !== count) {
          problems.push(
            `Anchor #${a.id}: ${a.row_count} rows were anchored up to row ${row.id}, now ${count}.`,
          )
        }
      }
    },
  })
  if (!chain.ok) {
    problems.unshift(`Audit row ${chain.brokenAt}: ${chain.problem}.`)
  } else {
    for (const a of anchors) {
      if (!seen.has(a.id)) {
        problems.push(
          `Anchor #${a.id}: anchored row ${a.head_id} is missing (the chain was cut or renumbered).`,
        )
      }
    }
  }

  if (logFile) problems.push(...compareAnchorLog(anchors, logFile))
  return { ok: problems.length === 0, chain, anchors: anchors.length, problems }
}

const ANCHOR_KEYS = ['at', 'head_id', 'head_hash', 'row_count', 'mac'] as const

/** Differences between the anchors in the table and the lines of the anchor log. */
export function compareAnchorLog(anchors: AuditAnchor[], file: string): string[] {
  if (!existsSync(file)) {
    return anchors.length ? [`The anchor log ${file} is missing; the table has anchors.`] : []
  }
  const problems: string[] = []
  const { anchors: logged, badLines } = readAnchorLog(file)
  for (const line of badLines) problems.push(`Anchor log line ${line} cannot be read.`)
  const inTable = new Map(anchors.map((a) => [a.id, a]))
  const inLog = new Set<number>()
  for (const l of logged) {
    inLog.add(l.id)
    const t = inTable.get(l.id)
    if (!t) problems.push(`Anchor #${l.id} is in the anchor log but not in the database.`)
    else if (ANCHOR_KEYS.some((k) => t[k] !== l[k])) {
      problems.push(`Anchor #${l.id} differs between the anchor log and the database.`)
    }
  }
  for (const a of anchors) {
    if (!inLog.has(a.id))
      problems.push(`Anchor #${a.id} is in the database but not in the anchor log.`)
  }
  return problems
}

/** The verification as lines for a terminal (commands and scripts print these). */
export function describeVerification(v: AuditVerification): string[] {
  const head = !v.chain.ok
    ? `stopped at row ${v.chain.brokenAt}`
    : v.chain.lastId === null
      ? 'empty'
      : `head row ${v.chain.lastId} ${v.chain.lastHash}`
  const summary = `${v.chain.rows} rows read (${v.chain.keyedRows} with a valid MAC), ${v.anchors} anchors, ${head}`
  if (v.ok) return [`Audit log intact: ${summary}.`]
  return [`Audit log FAILED verification: ${summary}.`, ...v.problems.map((p) => `  - ${p}`)]
}
