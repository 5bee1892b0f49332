/**
 * The earlier issues' benches (issues 13–17), kept runnable behind `npm run bench -- --suite
 * legacy` (or `--only legacy-pages|legacy-search|saved-searches|ocds`): each builds its own
 * scratch database from the demo seed plus bulk rows, as it did before issue 18 (decision 047).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { sql } from 'kysely'
import { openDatabase } from '../../db/connection'
import { migrateToLatest } from '../../db/migrator'
import { seed } from '../../app/seed'
import { now } from '../../app/utils/clock.server'
import { addCatalogueOffers } from './catalogue-data'
import { addContacts, addInitiatives } from './coordination-data'
import { timeLedgerQueries } from './ledger-queries'
import { benchOcds } from './ocds-export'
import { type BenchOptions, runs } from './options'
import { benchSavedSearchMatching } from './saved-search-matching'
import { timeSearchQueries } from './search-queries'
import { appEntry, type Load, load, type Server, startServer, stopServer } from './servers'

// A full document against a server that only concatenates strings: issue 13's target.
const TARGET_RATIO = 0.1
const THROUGHPUT_PAGES = [
  '/',
  '/organisations',
  '/organisations/region-norrbotten',
  '/test-beds',
  `/test-beds?q=${encodeURIComponent('äldreomsorg')}`,
  '/test-beds?theme=energy&open=1',
  '/test-beds/1',
  '/calls',
  `/calls?q=${encodeURIComponent('hemtjänst')}`,
  '/calls/1',
  '/references',
  `/references?q=${encodeURIComponent('hemtjänst')}`,
  '/references/1',
  '/organisations/polarsensor/portfolio',
  '/competitions',
  '/events',
  '/agendas',
  '/organisations/region-norrbotten/agenda',
  '/analytics',
  '/analytics?county=25&theme=active_healthy_ageing',
]
// Issue 15's overview pages: one request at a time, median latency ≤ 20 ms.
const OVERVIEW_MS = 20
const OVERVIEW_PAGES = [
  '/initiatives',
  `/initiatives?q=${encodeURIComponent('fallprevention')}`,
  '/initiatives?county=25&theme=energy&status=active',
  '/initiatives?view=timeline',
  '/initiatives?view=counties',
  '/initiatives?view=counties&theme=ehealth',
]

function line(name: string, f: Load, extra = '') {
  return `${name.padEnd(34)} ${f.rps.toFixed(0).padStart(6)} req/s  p97.5 ${String(f.p97_5).padStart(5)} ms  p99 ${String(f.p99).padStart(5)} ms${extra}`
}

async function medianOf(url: string, options: BenchOptions, connections: number) {
  const results: Load[] = []
  for (let i = 0; i < options.alternations; i++) {
    results.push(await load(url, { connections, duration: options.duration }))
  }
  results.sort((a, b) => a.rps - b.rps)
  return results[Math.floor(results.length / 2)]!
}

async function legacyPages(options: BenchOptions): Promise<boolean> {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'testarena-bench-')), 'bench.sqlite')
  // The seed seals its bids with the key ring next to the database, which the server then reads.
  process.env.DATABASE_PATH = dbPath
  const { db } = openDatabase(dbPath, { clock: now })
  await migrateToLatest(db)
  await seed(db)
  await addCatalogueOffers(db, Number(process.env.BENCH_OFFERS ?? 100_000))
  await addInitiatives(db, Number(process.env.BENCH_INITIATIVES ?? 10_000))
  await addContacts(db, Number(process.env.BENCH_CONTACTS ?? 100_000))
  await sql`ANALYZE`.execute(db)
  await timeLedgerQueries(db)
  await db.destroy()
  const env = { NODE_ENV: 'production', DATABASE_PATH: dbPath, SEED_DEMO: 'false' }
  const log = join(dirname(dbPath), 'servers.log') // beside the scratch database
  console.log(`server output in ${log}`)
  let failed = false
  const servers: Server[] = []
  try {
    const baseline = await startServer(
      'baseline',
      ['--import', 'tsx', 'tests/bench/baseline-server.ts'],
      options.port + 1,
      env,
      log,
    )
    servers.push(baseline)
    const base = await medianOf(`${baseline.origin}/`, options, options.connections)
    console.log(line('baseline', base))
    const app = await startServer('app', appEntry(), options.port, env, log)
    servers.push(app)
    for (const page of THROUGHPUT_PAGES) {
      const f = await medianOf(`${app.origin}${page}`, options, options.connections)
      const ratio = f.rps / base.rps
      failed ||= ratio < TARGET_RATIO
      console.log(line(page, f, `  ${ratio.toFixed(2)} of baseline (target ≥ ${TARGET_RATIO})`))
    }
    console.log(`one connection, median; target p50 ≤ ${OVERVIEW_MS} ms`)
    for (const page of OVERVIEW_PAGES) {
      const f = await medianOf(`${app.origin}${page}`, options, 1)
      failed ||= f.p50 > OVERVIEW_MS
      console.log(line(page, f, `  p50 ${f.p50} ms ${f.p50 > OVERVIEW_MS ? 'OVER TARGET' : 'OK'}`))
    }
  } finally {
    for (const server of servers) await stopServer(server)
  }
  return !failed
}

/** Runs the chosen legacy parts; true when each met its own target. */
export async function runLegacy(options: BenchOptions): Promise<boolean> {
  let ok = true
  if (runs(options, 'saved-searches')) {
    await benchSavedSearchMatching(Number(process.env.BENCH_SAVED_SEARCHES ?? 100_000))
  }
  if (runs(options, 'legacy-search')) ok = (await timeSearchQueries()) && ok
  if (runs(options, 'ocds')) {
    ok = (await benchOcds(Number(process.env.BENCH_OCDS_RELEASES ?? 100_000))) && ok
  }
  if (runs(options, 'legacy-pages')) ok = (await legacyPages(options)) && ok
  return ok
}
