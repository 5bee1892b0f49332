import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import SQLite from 'better-sqlite3'
import { ftsMatchExpression } from '../../app/models/catalogue-query.server'
import { openDatabase } from '../../db/connection'
import { migrateToLatest } from '../../db/migrator'

/**
 * The scale database of `npm run bench` (decision 047): built by `npm run seed:scale` when missing,
 * copied with its key files into a scratch folder (the bench writes bids and sessions, so the
 * scale file is reused as it was by the next run), and asked what to request.
 */

/** Key files the demo and scale seeds keep next to the database (bid seal, audit HMAC). */
const KEY_FILES = ['bid-seal.keys', 'bid-seal.key', 'audit.key', 'audit-anchors.log']

export function ensureScaleDatabase(dbPath: string): void {
  if (existsSync(dbPath)) return
  const script = 'scripts/seed-scale.ts'
  if (!existsSync(script)) {
    throw new Error(`${dbPath} does not exist and ${script} is missing: pass --db <a database>`)
  }
  console.log(`${dbPath} is missing: building it with ${script} (minutes)…`)
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, '--out', dbPath], {
    stdio: 'inherit',
  })
  if (result.status !== 0) throw new Error(`${script} failed (exit ${result.status})`)
}

/**
 * Brings a scale database built before the latest migrations up to date, once, in place: the
 * servers would otherwise migrate each copy while the bench times their start-up.
 */
export async function migrateScaleDatabase(dbPath: string): Promise<void> {
  const { db } = openDatabase(dbPath)
  try {
    await migrateToLatest(db)
  } finally {
    await db.destroy()
  }
}

/** Copies the database (and its WAL, if any) and its key files; returns the copy's path. */
export function copyScaleDatabase(dbPath: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'testarena-bench-'))
  const copy = join(dir, basename(dbPath))
  copyFileSync(dbPath, copy)
  if (existsSync(`${dbPath}-wal`)) copyFileSync(`${dbPath}-wal`, `${copy}-wal`)
  for (const file of KEY_FILES) {
    const from = resolve(dirname(dbPath), file)
    if (existsSync(from)) copyFileSync(from, join(dir, file))
  }
  return copy
}

export interface Words {
  /** The most frequent word of five letters or more in the calls' titles and summaries. */
  common: string
  /** A word in a few calls only. */
  rare: string
  /** The three most frequent words. */
  threeWords: string
  /** The common word's first four letters (a partial word, as typed). */
  prefix: string
  /** Matches in calls_fts, for the record. */
  matches: Record<string, number>
}

export interface BenchTargets {
  callId: number
  openCallIds: number[]
  offerId: number
  organisationSlug: string
  referenceId: number | null
  buyerUserId: number
  supplierUserId: number
  /** Company members who may bid: [user id, company slug]. */
  bidders: [number, string][]
  words: Words
}

type Row = Record<string, number | string | null>

function one<T extends Row>(sqlite: SQLite.Database, query: string, ...params: unknown[]) {
  const row = sqlite.prepare(query).get(...params) as T | undefined
  if (!row) throw new Error(`the scale database has no row for: ${query.trim().slice(0, 80)}…`)
  return row
}

function ftsCount(sqlite: SQLite.Database, q: string): number {
  const match = ftsMatchExpression(q)
  if (!match) return 0
  return Number(
    (
      sqlite
        .prepare('SELECT count(*) AS n FROM calls_fts WHERE calls_fts MATCH ?')
        .get(match) as Row
    ).n,
  )
}

/** Common, rare, three-word and partial queries from the calls' own text (a sample of ~5,000). */
function discoverWords(sqlite: SQLite.Database): Words {
  const { n } = one<{ n: number }>(sqlite, `SELECT count(*) AS n FROM calls`)
  const step = Math.max(1, Math.floor(n / 5000))
  const texts = sqlite
    .prepare(`SELECT title || ' ' || summary AS text FROM calls WHERE id % ? = 0 LIMIT 5000`)
    .pluck()
    .all(step) as string[]
  const counts = new Map<string, number>()
  for (const text of texts) {
    for (const word of new Set(text.toLocaleLowerCase('sv').match(/\p{L}{5,}/gu) ?? [])) {
      counts.set(word, (counts.get(word) ?? 0) + 1)
    }
  }
  const byFrequency = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  if (byFrequency.length < 3) throw new Error('the calls have too few words to search for')
  const common = byFrequency[0]![0]
  // Three frequent words, none a part of another ("boende", "boenden" would be one word twice).
  const three: string[] = []
  for (const [word] of byFrequency) {
    if (three.length < 3 && !three.some((w) => w.includes(word) || word.includes(w))) {
      three.push(word)
    }
  }
  const threeWords = three.join(' ')
  let rare = byFrequency.at(-1)![0]
  for (const [word] of [...byFrequency].reverse().slice(0, 40)) {
    const hits = ftsCount(sqlite, word)
    if (hits >= 1 && hits <= 10) {
      rare = word
      break
    }
  }
  const prefix = common.slice(0, 4)
  const matches = Object.fromEntries(
    [common, rare, threeWords, prefix].map((q) => [q, ftsCount(sqlite, q)]),
  )
  return { common, rare, threeWords, prefix, matches }
}

/** What to request, found by SQL rather than by fixed ids. */
export function discoverTargets(dbPath: string): BenchTargets {
  const sqlite = new SQLite(dbPath, { readonly: true })
  try {
    const call = one<{ id: number }>(
      sqlite,
      `SELECT id FROM calls WHERE status <> 'draft' ORDER BY published_at DESC, id DESC LIMIT 1`,
    )
    const openCallIds = sqlite
      .prepare(
        `SELECT id FROM calls WHERE status = 'published' AND tender_deadline > unixepoch() + 3600
        ORDER BY tender_deadline DESC LIMIT 5`,
      )
      .pluck()
      .all() as number[]
    const offer = one<{ id: number }>(
      sqlite,
      `SELECT id FROM test_bed_offers WHERE status = 'published' ORDER BY id DESC LIMIT 1`,
    )
    const host = one<{ slug: string }>(
      sqlite,
      `SELECT o.slug FROM test_bed_offers t JOIN organisations o ON o.id = t.organisation_id
      WHERE t.status = 'published' GROUP BY t.organisation_id ORDER BY count(*) DESC LIMIT 1`,
    )
    const reference = sqlite
      .prepare(`SELECT id FROM reference_cases WHERE status = 'published' ORDER BY id DESC LIMIT 1`)
      .pluck()
      .get() as number | undefined
    const buyer = one<{ user_id: number }>(
      sqlite,
      `SELECT m.user_id FROM memberships m JOIN organisations o ON o.id = m.organisation_id
      WHERE o.kind = 'public_body' ORDER BY m.user_id LIMIT 1`,
    )
    // Members of exactly one organisation, a company: they bid without choosing a company.
    const bidders = sqlite
      .prepare(
        `SELECT m.user_id, min(o.slug) AS slug FROM memberships m
        JOIN organisations o ON o.id = m.organisation_id
        GROUP BY m.user_id HAVING count(*) = 1 AND min(o.kind) = 'company'
        ORDER BY m.user_id LIMIT 40`,
      )
      .raw()
      .all() as [number, string][]
    if (bidders.length === 0) throw new Error('the scale database has no company member')
    return {
      callId: call.id,
      openCallIds,
      offerId: offer.id,
      organisationSlug: host.slug,
      referenceId: reference ?? null,
      buyerUserId: buyer.user_id,
      supplierUserId: bidders[0]![0],
      bidders,
      words: discoverWords(sqlite),
    }
  } finally {
    sqlite.close()
  }
}

/** Row counts of the tables the issue sizes, for the summary. */
export function databaseSizes(dbPath: string): Record<string, number> {
  const sqlite = new SQLite(dbPath, { readonly: true })
  try {
    const count = (query: string) => Number(sqlite.prepare(query).pluck().get())
    return {
      calls: count(`SELECT count(*) FROM calls`),
      test_bed_offers: count(`SELECT count(*) FROM test_bed_offers`),
      companies: count(`SELECT count(*) FROM organisations WHERE kind = 'company'`),
      organisations: count(`SELECT count(*) FROM organisations`),
      bids: count(`SELECT count(*) FROM bids`),
      reference_cases: count(`SELECT count(*) FROM reference_cases`),
      pilot_applications: count(`SELECT count(*) FROM pilot_applications`),
      initiatives: count(`SELECT count(*) FROM initiatives`),
      users: count(`SELECT count(*) FROM users`),
      search_documents: count(`SELECT count(*) FROM search_documents`),
      // Changes the server's notification worker has still to fan out: it does so every 3 s, in
      // the same process, so a backlog left by a seed costs the pages CPU during the load.
      updates_not_fanned_out: count(`SELECT count(*) FROM updates WHERE fanned_out_at IS NULL`),
    }
  } finally {
    sqlite.close()
  }
}
