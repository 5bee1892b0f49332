/**
 * `npm run bench`: serves the production build on a seeded database and measures the home page and
 * the organisation directory with autocannon, next to a plain node:http server that runs the same
 * query and builds HTML by string — the baseline in shared/reference/performance.md. Three runs
 * each, median reported. The server is pinned to core 0 (taskset, when available) and the load
 * generator runs here. Fails (exit 1) when a page falls below its target ratio of the baseline.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { openDatabase } from '../../db/connection'
import { migrateToLatest } from '../../db/migrator'
import { seed } from '../../db/seed'
import { listRecentOrganisations } from '../../app/models/organisations.server'

const PORT = 3400
const BASE_PORT = 3401
const DURATION = Number(process.env.BENCH_SECONDS ?? 8)
const RUNS = 3
// A full Remix document with session lookup, layout, i18n and CSP; bare Remix reaches 0.10–0.14.
const TARGET_RATIO = 0.1

interface Figures {
  rps: number
  p97_5: number
  p99: number
}

async function measure(url: string): Promise<Figures> {
  const results: Figures[] = []
  for (let i = 0; i < RUNS; i++) {
    const r = await autocannon({ url, connections: 50, duration: DURATION })
    if (r.non2xx > 0 || r.errors > 0)
      throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`)
    results.push({ rps: r.requests.average, p97_5: r.latency.p97_5, p99: r.latency.p99 })
  }
  results.sort((a, b) => a.rps - b.rps)
  return results[1]!
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return Math.round(kb / 1024)
}

async function waitFor(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${url} did not come up`)
}

async function main() {
  if (!existsSync('build/server/index.js')) {
    spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
  }
  const dir = mkdtempSync(join(tmpdir(), 'testarena-bench-'))
  const dbPath = join(dir, 'bench.sqlite')
  const { db } = openDatabase(dbPath)
  await migrateToLatest(db)
  await seed(db)

  // Baseline: the same query, HTML by string, plain node:http, on the same core.
  const baseline = createServer(async (_req, res) => {
    const rows = await listRecentOrganisations(db)
    const items = rows.map(
      (r) => `<li><a href="/organisations/${r.slug}">${r.name}</a> ${r.county_name}</li>`,
    )
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(
      `<!doctype html><html lang="sv"><title>Testarena</title><main><ul>${items.join('')}</ul></main></html>`,
    )
  })
  await new Promise<void>((r) => baseline.listen(BASE_PORT, '127.0.0.1', r))

  const hasTaskset = spawnSync('which', ['taskset']).status === 0
  const args = ['--import', 'tsx', 'server.ts']
  const server: ChildProcess = spawn(
    hasTaskset ? 'taskset' : process.execPath,
    hasTaskset ? ['-c', '0', process.execPath, ...args] : args,
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(PORT),
        HOST: '127.0.0.1',
        DATABASE_PATH: dbPath,
        SEED_DEMO: 'false',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  try {
    await waitFor(`http://127.0.0.1:${PORT}/`)
    const pages = ['/', '/organisations']
    const base = await measure(`http://127.0.0.1:${BASE_PORT}/`)
    console.log(
      `baseline node:http: ${base.rps.toFixed(0)} req/s, p97.5 ${base.p97_5} ms, p99 ${base.p99} ms`,
    )
    let failed = false
    for (const page of pages) {
      const f = await measure(`http://127.0.0.1:${PORT}${page}`)
      const ratio = f.rps / base.rps
      const ok = ratio >= TARGET_RATIO
      failed ||= !ok
      console.log(
        `${page.padEnd(16)} ${f.rps.toFixed(0)} req/s, p97.5 ${f.p97_5} ms, p99 ${f.p99} ms, ` +
          `${ratio.toFixed(2)} of baseline (target ≥ ${TARGET_RATIO}) ${ok ? 'OK' : 'BELOW TARGET'}`,
      )
    }
    if (server.pid) console.log(`server RSS after load: ${rssMb(server.pid)} MB`)
    process.exitCode = failed ? 1 : 0
  } finally {
    server.kill('SIGTERM')
    baseline.close()
    await db.destroy()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
