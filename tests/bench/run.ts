/**
 * `npm run bench` (issue 18, docs/decisions/047-bench.md): the built app against the plain
 * baseline server (tests/bench/baseline-server.ts) on a copy of the scale database, in the same
 * run, alternating, each server pinned to core 0 and autocannon to core 1. Pages anonymous with
 * and without the page cache, with gzip, and logged in; then search database time, SQL growth
 * with matches, bid commit, start-up time and RSS. Prints a table, writes data/bench/latest.json
 * (and a dated copy) and exits 1 when a target misses.
 *
 *   npm run bench -- [--db data/scale.sqlite] [--quick] [--duration 3] [--alternations 3]
 *                    [--connections 50] [--port 3400] [--no-build] [--only pages,search,bids]
 *   npm run bench -- --suite legacy      # issues 13–17's benches (--only ocds, …)
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { openDatabase } from '../../db/connection'
import { measureBidCommits, measureSearch, sessionCookie } from './in-process'
import { runLegacy } from './legacy'
import { type BenchOptions, parseOptions, refuseDemoDatabase, runs } from './options'
import { anonymousPages, loggedInPages, measurePages, type PageResult, type Variant } from './pages'
import { machine, printFigures, printPages, summarise, writeSummary } from './report'
import {
  copyScaleDatabase,
  databaseSizes,
  discoverTargets,
  ensureScaleDatabase,
  migrateScaleDatabase,
} from './scale-db'
import { appEntry, hasTaskset, rssMb, type Server, startServer, stopServer } from './servers'
import { figure, type Figure, TARGETS } from './stats'

const GZIP = { 'accept-encoding': 'gzip' }
/** The servers' output goes to a file, not into the table. */
const SERVER_LOG = 'data/bench/servers.log'

async function withApp<T>(
  port: number,
  env: Record<string, string>,
  pageCache: 'on' | 'off',
  measure: (app: Server) => Promise<T>,
): Promise<{ result: T; startupMs: number; rss: number }> {
  const app = await startServer(
    `app (PAGE_CACHE=${pageCache})`,
    appEntry(),
    port,
    { ...env, PAGE_CACHE: pageCache },
    SERVER_LOG,
  )
  try {
    const result = await measure(app)
    return { result, startupMs: app.startupMs, rss: rssMb(app) }
  } finally {
    await stopServer(app)
  }
}

async function scale(options: BenchOptions): Promise<boolean> {
  // Before anything reads DATABASE_PATH: the file `npm start` uses is never benched.
  refuseDemoDatabase(options.db)
  ensureScaleDatabase(options.db)
  await migrateScaleDatabase(options.db)
  // The run's time is counted from here: seeding the scale database is not part of it.
  const startedAt = new Date()
  if (options.build && runs(options, 'pages')) {
    console.log('npm run build …')
    const built = spawnSync('npm', ['run', 'build'], { stdio: 'ignore' })
    if (built.status !== 0) throw new Error('npm run build failed')
  }
  const dbPath = copyScaleDatabase(options.db)
  try {
    return await measureAll(options, dbPath, startedAt)
  } finally {
    // The copy is as large as the scale database: never left behind.
    rmSync(dirname(dbPath), { recursive: true, force: true })
  }
}

async function measureAll(
  options: BenchOptions,
  dbPath: string,
  startedAt: Date,
): Promise<boolean> {
  // The models below (bid seal key ring, audit key) and the servers find their keys beside it.
  process.env.DATABASE_PATH = dbPath
  mkdirSync(dirname(SERVER_LOG), { recursive: true })
  writeFileSync(SERVER_LOG, '')
  const sizes = databaseSizes(dbPath)
  const targets = discoverTargets(dbPath)
  console.log(`database: copy of ${options.db} at ${dbPath}\n  ${JSON.stringify(sizes)}`)
  console.log(`  words: ${JSON.stringify(targets.words.matches)}`)
  if (sizes.updates_not_fanned_out! > 0) {
    console.log(
      `  warning: ${sizes.updates_not_fanned_out} updates wait for the notification fan-out, ` +
        'which the server works through during the load',
    )
  }

  const figures: Figure[] = []
  const pages: PageResult[] = []
  const { db } = openDatabase(dbPath)
  const cookies: Record<string, string> = {}
  try {
    if (runs(options, 'search'))
      figures.push(...(await measureSearch(db, targets, options.repetitions)))
    if (runs(options, 'bids')) figures.push(await measureBidCommits(db, targets, options.commits))
    cookies.buyer = await sessionCookie(db, targets.buyerUserId)
    cookies.supplier = await sessionCookie(db, targets.supplierUserId)
  } finally {
    await db.destroy()
  }

  if (runs(options, 'pages')) {
    const settings = {
      connections: options.connections,
      duration: options.duration,
      alternations: options.alternations,
    }
    console.log(
      `pages: ${settings.connections} connections, ${settings.duration} s a measurement, ` +
        `${settings.alternations} alternations baseline/app, median of ratios; ` +
        (hasTaskset ? 'servers on core 0, load on core 1' : 'taskset missing: not pinned'),
    )
    const env = { NODE_ENV: 'production', DATABASE_PATH: dbPath, SEED_DEMO: 'false' }
    const baseline = await startServer(
      'baseline',
      ['--import', 'tsx', 'tests/bench/baseline-server.ts'],
      options.port + 1,
      env,
      SERVER_LOG,
    )
    try {
      const anonymous = anonymousPages(targets)
      const cached = await withApp(options.port, env, 'on', async (app) => {
        const results = await measurePages(
          app,
          baseline,
          anonymous,
          [
            { mode: 'anonymous, cache', headers: {}, ratioTarget: TARGETS.cachedRatio },
            { mode: 'anonymous, cache, gzip', headers: GZIP, ratioTarget: TARGETS.cachedRatio },
          ],
          settings,
        )
        const users: Variant[] = Object.entries(cookies).map(([user, cookie]) => ({
          mode: `logged in (${user})`,
          headers: { cookie },
          ratioTarget: TARGETS.loggedInRatio,
        }))
        results.push(
          ...(await measurePages(app, baseline, loggedInPages(targets), users, settings)),
        )
        return results
      })
      const uncached = await withApp(options.port, env, 'off', (app) =>
        measurePages(
          app,
          baseline,
          anonymous,
          [{ mode: 'anonymous, no cache', headers: {}, ratioTarget: TARGETS.uncachedRatio }],
          settings,
        ),
      )
      pages.push(...cached.result, ...uncached.result)
      figures.push(
        figure(
          'start-up to the first 200 (PAGE_CACHE=on)',
          cached.startupMs,
          'ms',
          TARGETS.startupMs,
        ),
        figure(
          'start-up to the first 200 (PAGE_CACHE=off)',
          uncached.startupMs,
          'ms',
          TARGETS.startupMs,
        ),
        figure('server RSS after load (PAGE_CACHE=on)', cached.rss, 'MB', TARGETS.rssMb),
        figure('server RSS after load (PAGE_CACHE=off)', uncached.rss, 'MB', TARGETS.rssMb),
      )
    } finally {
      await stopServer(baseline)
    }
  }

  printPages(pages)
  printFigures(figures)
  const summary = summarise(
    {
      machine: machine(hasTaskset),
      settings: { ...options, server: appEntry().join(' ') },
      database: { path: options.db, sizes },
      pages,
      figures,
    },
    startedAt,
  )
  const file = writeSummary(summary)
  const misses = [...pages, ...figures].filter((f) => !f.pass).length
  console.log(
    `\n${summary.pass ? 'every target met' : `${misses} figures miss their target`}; ` +
      `${summary.seconds} s; written to data/bench/latest.json and ${file}` +
      (runs(options, 'pages') ? `; server output in ${SERVER_LOG}` : ''),
  )
  return summary.pass
}

async function main() {
  const options = parseOptions(process.argv.slice(2))
  const ok = options.suite === 'legacy' ? await runLegacy(options) : await scale(options)
  process.exitCode = ok ? 0 : 1
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
