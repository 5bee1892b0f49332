import { Readable } from 'node:stream'
import { createGzip } from 'node:zlib'
import { sql } from 'kysely'
import type { DB } from '#db/connection'
import type { OcdsReleaseTag } from '#db/schema'
import { type Cursor, isoInstant } from '~/utils/api.server'
import { now } from '~/utils/clock.server'
import { getEnv } from '~/utils/env.server'
import { buildRelease, callIdOfOcid, OCDS_EXTENSIONS, ocidOf } from './ocds-build.server'

// The OCDS release store (decision record 040): triggers write a pending row for every published
// change to a call (migration 2026-12-07-25-ocds-releases); `materialiseReleases` builds the
// pending ones, oldest first, each body written once. Readers see only built releases and call
// `materialiseDue` first (bounded), so a release that is due is never missing from an answer.

/** Builds up to `limit` pending releases, oldest first, in one transaction; returns how many. */
export async function materialiseReleases(db: DB, limit = 100): Promise<number> {
  return db.transaction().execute((tx) => buildPending(tx, limit))
}

/** Inside a transaction the caller holds (the seed): builds up to `limit` pending releases. */
export async function buildPending(tx: DB, limit: number): Promise<number> {
  {
    const pending = await tx
      .selectFrom('ocds_releases')
      .select([
        'id',
        'call_id',
        'source_key',
        'tag',
        'occurred_at',
        'tender_deadline',
        'question_deadline',
      ])
      .where('body', 'is', null)
      .orderBy('occurred_at')
      .orderBy('id')
      .limit(limit)
      .execute()
    const at = now()
    for (const row of pending) {
      const release = await buildRelease(tx, {
        releaseId: row.id,
        callId: row.call_id,
        sourceKey: row.source_key,
        tag: row.tag,
        occurredAt: row.occurred_at,
        tenderDeadline: row.tender_deadline,
        questionDeadline: row.question_deadline,
      })
      await tx
        .updateTable('ocds_releases')
        .set({ body: JSON.stringify(release), built_at: at })
        .where('id', '=', row.id)
        .where('body', 'is', null)
        .execute()
    }
    return pending.length
  }
}

/** A read (the pending index), so that readers and the worker's idle ticks take no write lock. */
async function anyPending(db: DB): Promise<boolean> {
  const due = await db
    .selectFrom('ocds_releases')
    .select('id')
    .where('body', 'is', null)
    .limit(1)
    .executeTakeFirst()
  return due !== undefined
}

/** Every pending release, in batches (the seed, and the worker when it falls behind). */
export async function materialiseAll(db: DB, batch = 100): Promise<number> {
  if (!(await anyPending(db))) return 0
  let total = 0
  for (;;) {
    const n = await materialiseReleases(db, batch)
    total += n
    if (n < batch) return total
  }
}

/** Before an endpoint answers: builds what is due, at most `bound` releases (readers never wait long). */
export async function materialiseDue(db: DB, bound = 200): Promise<void> {
  if (!(await anyPending(db))) return
  let left = bound
  while (left > 0) {
    const n = await materialiseReleases(db, Math.min(50, left))
    if (n < Math.min(50, left)) return
    left -= n
  }
}

export interface StoredRelease {
  id: number
  call_id: number
  tag: OcdsReleaseTag
  occurred_at: number
  body: string
}

/**
 * One page of the public feed, newest first by (occurred_at, id): keyset paging over the index
 * ocds_releases_feed, so the cost follows the page size.
 */
export async function releasePage(
  db: DB,
  { limit, cursor, since }: { limit: number; cursor: Cursor | null; since: number | null },
): Promise<StoredRelease[]> {
  let query = db
    .selectFrom('ocds_releases')
    .select(['id', 'call_id', 'tag', 'occurred_at', 'body'])
    .where('body', 'is not', null)
  if (cursor) {
    query = query.where(sql<boolean>`(occurred_at, id) < (${cursor.at}, ${cursor.id})`)
  }
  if (since !== null) query = query.where('occurred_at', '>=', since)
  const rows = await query
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute()
  return rows as StoredRelease[]
}

/** The built releases of one published call, oldest first; null for an unknown or draft call. */
export async function releasesOfOcid(db: DB, ocid: string): Promise<StoredRelease[] | null> {
  const callId = callIdOfOcid(ocid)
  if (callId === null) return null
  const call = await db
    .selectFrom('calls')
    .select('status')
    .where('id', '=', callId)
    .executeTakeFirst()
  if (!call || call.status === 'draft') return null
  const rows = await db
    .selectFrom('ocds_releases')
    .select(['id', 'call_id', 'tag', 'occurred_at', 'body'])
    .where('call_id', '=', callId)
    .where('body', 'is not', null)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute()
  return rows.length ? (rows as StoredRelease[]) : null
}

/** Every built release in keyset batches, oldest first (the bulk export: constant memory). */
export async function* eachRelease(db: DB, batch = 500): AsyncGenerator<StoredRelease> {
  let after: { at: number; id: number } | null = null
  for (;;) {
    let query = db
      .selectFrom('ocds_releases')
      .select(['id', 'call_id', 'tag', 'occurred_at', 'body'])
      .where('body', 'is not', null)
    if (after) query = query.where(sql<boolean>`(occurred_at, id) > (${after.at}, ${after.id})`)
    const rows = (await query
      .orderBy('occurred_at')
      .orderBy('id')
      .limit(batch)
      .execute()) as StoredRelease[]
    for (const row of rows) yield row
    const last = rows.at(-1)
    if (!last || rows.length < batch) return
    after = { at: last.occurred_at, id: last.id }
  }
}

/**
 * The bulk export: every built release, one JSON a line, gzip. Pulled batch by batch (500 rows
 * of keyset paging) as the client reads, so memory stays flat however many releases there are.
 */
export function bulkReleasesStream(db: DB): ReadableStream<Uint8Array> {
  async function* lines() {
    for await (const release of eachRelease(db)) yield `${release.body}\n`
  }
  const gzip = Readable.from(lines()).pipe(createGzip())
  return Readable.toWeb(gzip) as ReadableStream<Uint8Array>
}

// ── Packages ────────────────────────────────────────────────────────────────────────────────────

/** CC BY 4.0: reuse for any purpose, naming Testarena; the buyers' texts stay attributable. */
export const OCDS_LICENSE = 'https://creativecommons.org/licenses/by/4.0/'

function packageMeta(uri: string, publishedAt: number) {
  const origin = getEnv().APP_ORIGIN
  return {
    uri,
    version: '1.1',
    extensions: OCDS_EXTENSIONS,
    publishedDate: isoInstant(publishedAt),
    publisher: { name: 'Testarena', uri: origin },
    license: OCDS_LICENSE,
    publicationPolicy: `${origin}/api/v1/docs`,
  }
}

/**
 * A release package as JSON text. The stored bodies are spliced in as they are (no parse and
 * re-serialise), so the bytes of a release never change and a package costs little to make.
 * `publishedDate` is the newest change in it, so the same content gives the same ETag.
 */
export function releasePackageJson(
  uri: string,
  releases: StoredRelease[],
  next: string | null = null,
): string {
  const newest = releases.reduce((m, r) => Math.max(m, r.occurred_at), 0)
  // `links.next`: OCDS's pagination convention for a feed (the Link header says the same).
  const meta = JSON.stringify({
    ...packageMeta(uri, newest || now()),
    ...(next ? { links: { next } } : {}),
  })
  return `${meta.slice(0, -1)},"releases":[${releases.map((r) => r.body).join(',')}]}`
}

/** A record package of one call: the newest snapshot as compiledRelease, linked releases. */
export function recordPackage(uri: string, ocid: string, releases: StoredRelease[]) {
  const origin = getEnv().APP_ORIGIN
  const newest = releases.at(-1)!
  const compiled = JSON.parse(newest.body) as Record<string, unknown>
  return {
    ...packageMeta(uri, newest.occurred_at),
    packages: [`${origin}/api/v1/ocds/releases/${ocid}`],
    records: [
      {
        ocid,
        releases: releases.map((r) => {
          const body = JSON.parse(r.body) as { id: string; date: string; tag: string[] }
          return {
            url: `${origin}/api/v1/ocds/releases/${ocid}#${body.id}`,
            date: body.date,
            tag: body.tag,
          }
        }),
        compiledRelease: { ...compiled, id: `${ocid}-compiled`, tag: ['compiled'] },
      },
    ],
  }
}

export { ocidOf }
