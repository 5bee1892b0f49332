/**
 * OCDS (issue 17, decision record 040): in its own scratch database with the demo marketplace and
 * 100,000 extra built releases, (1) the server time of a release package (the loader of
 * /api/v1/ocds/releases, 20 a page, first page and a deep cursor page; target ≤ 5 ms) and (2) the
 * RSS growth while the whole gzip JSON Lines export streams (constant memory: it must not grow
 * with the number of releases). Part of `npm run bench`; alone: `npx tsx tests/bench/ocds-export.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { openDatabase } from '../../db/connection'
import { migrateToLatest } from '../../db/migrator'
import { seed } from '../../app/seed'
import { now } from '../../app/utils/clock.server'

const TARGET_MS = 5

export async function benchOcds(count = 100_000): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'testarena-ocds-'))
  const dbPath = join(dir, 'ocds.sqlite')
  const previous = process.env.DATABASE_PATH
  process.env.DATABASE_PATH = dbPath
  const { db } = openDatabase(dbPath, { clock: now })
  try {
    await migrateToLatest(db)
    await seed(db)
    // 100,000 releases as if from as many calls' changes: pending rows on the published demo
    // calls (through the insert rules), then each given a real demo release body once.
    const started = Date.now()
    await sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count}),
      pub AS (SELECT id, tender_deadline, question_deadline, row_number() OVER (ORDER BY id) - 1 AS k
        FROM calls WHERE status <> 'draft'),
      total AS (SELECT count(*) AS c FROM pub)
      INSERT INTO ocds_releases (call_id, source_key, tag, occurred_at, tender_deadline,
        question_deadline)
      SELECT pub.id, 'bench:' || n.i, 'tenderUpdate', unixepoch() - n.i, pub.tender_deadline,
        pub.question_deadline
      FROM n, total JOIN pub ON pub.k = n.i % total.c`.execute(db)
    await sql`CREATE TEMP TABLE bench_bodies AS SELECT call_id, body FROM ocds_releases
      WHERE id IN (SELECT min(id) FROM ocds_releases WHERE body IS NOT NULL GROUP BY call_id)`.execute(
      db,
    )
    await sql`UPDATE ocds_releases SET built_at = unixepoch(),
        body = (SELECT body FROM bench_bodies b WHERE b.call_id = ocds_releases.call_id)
      WHERE body IS NULL AND source_key GLOB 'bench:*'`.execute(db)
    await sql`ANALYZE`.execute(db)
    console.log(`ocds: ${count} extra releases in ${Date.now() - started} ms`)

    const { loader } = await import('../../app/routes/api.v1.ocds.releases._index/route')
    const context = { clientIp: '127.0.0.1', cspNonce: 'x' }
    const { resetApiLimiter } = await import('../../app/utils/api.server')
    async function time(path: string): Promise<number> {
      const times: number[] = []
      for (let i = 0; i < 200; i++) {
        if (i % 100 === 0) resetApiLimiter()
        const t = process.hrtime.bigint()
        const response = await loader({
          request: new Request(`http://localhost${path}`),
          params: {},
          context,
        })
        await response.text()
        times.push(Number(process.hrtime.bigint() - t) / 1e6)
      }
      times.sort((a, b) => a - b)
      return times[Math.floor(times.length / 2)]!
    }
    const first = await time('/api/v1/ocds/releases')
    const firstPage = await loader({
      request: new Request('http://localhost/api/v1/ocds/releases'),
      params: {},
      context,
    })
    const next = (JSON.parse(await firstPage.text()) as { links?: { next: string } }).links!.next
    const deep = await time(new URL(next).pathname + new URL(next).search)
    const ok = first <= TARGET_MS && deep <= TARGET_MS
    console.log(
      `ocds release package (20): ${first.toFixed(2)} ms first page, ${deep.toFixed(2)} ms next page (median of 200; target ≤ ${TARGET_MS} ms)${ok ? '' : ' — OVER TARGET'}`,
    )

    // The bulk export: read the whole stream, sampling RSS.
    const { bulkReleasesStream } = await import('../../app/models/ocds-releases.server')
    const { getDb } = await import('../../app/utils/db.server')
    global.gc?.()
    const before = process.memoryUsage().rss
    let peak = before
    let bytes = 0
    const exportStarted = Date.now()
    const reader = bulkReleasesStream(getDb()).getReader()
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      bytes += chunk.value.byteLength
      peak = Math.max(peak, process.memoryUsage().rss)
    }
    const total = await db
      .selectFrom('ocds_releases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    console.log(
      `ocds bulk export: ${total.n} releases, ${(bytes / 1e6).toFixed(1)} MB gzip in ${Date.now() - exportStarted} ms; RSS growth ${((peak - before) / 1e6).toFixed(1)} MB (constant: keyset batches of 500 into a gzip stream)`,
    )
    await getDb().destroy()
    globalThis.__testarenaDb = undefined
    return ok
  } finally {
    await db.destroy()
    if (previous === undefined) delete process.env.DATABASE_PATH
    else process.env.DATABASE_PATH = previous
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchOcds(Number(process.env.BENCH_OCDS_RELEASES ?? 100_000)).catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
