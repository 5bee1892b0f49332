/**
 * `npm run seed:scale -- [--out data/scale.sqlite] [--scale 0.01] [--calls N] …`: a large
 * database for `npm run bench` (issue 18, decision record 046). It runs the demo seed, then adds
 * buyers, companies, test beds and applications, calls and bids, awards and reference cases
 * through the real tables and triggers, then ANALYZE. It refuses the demo database that
 * `npm start` uses (DATABASE_PATH) and an existing file without --force.
 */
import { rmSync, statSync } from 'node:fs'
import { now } from '../app/utils/clock.server'
import { getEnv, resetEnvCache } from '../app/utils/env.server'
import { openDatabase } from '../db/connection'
import { migrateToLatest } from '../db/migrator'
import { parseOptions, refusal } from './seed-scale/options'
import { seedScale } from './seed-scale/run'

async function main(): Promise<number> {
  let options
  try {
    options = parseOptions(process.argv.slice(2))
  } catch (error) {
    console.error((error as Error).message)
    return 1
  }
  const demoPath = getEnv().DATABASE_PATH
  const refused = refusal(options.out, demoPath, options.force)
  if (refused) {
    console.error(refused)
    return 1
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(options.out + suffix, { force: true })
  // The bid seal keys and the audit key live beside the database they belong to (decisions 007,
  // 023): pointing DATABASE_PATH at the scale file puts them where a server on it looks.
  process.env.DATABASE_PATH = options.out
  resetEnvCache()
  const started = performance.now()
  console.log(`Seeding ${options.out}: ${JSON.stringify(options.sizes)}, seed ${options.seed}`)
  const { db, sqlite } = openDatabase(options.out, { clock: now })
  // A seed is rerun rather than recovered: commits need not wait for the disk.
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('cache_size = -262144')
  try {
    await migrateToLatest(db)
    const run = await seedScale(db, sqlite, {
      sizes: options.sizes,
      seed: options.seed,
      log: console.log,
    })
    sqlite.pragma('wal_checkpoint(TRUNCATE)')
    console.log('\nphase                      rows    seconds  CPU seconds')
    for (const p of run.phases) {
      const figures = [
        String(p.rows).padStart(10),
        p.seconds.toFixed(1).padStart(10),
        p.cpuSeconds.toFixed(1).padStart(12),
      ]
      console.log(`${p.name.padEnd(16)} ${figures.join(' ')}`)
    }
  } finally {
    await db.destroy()
  }
  const size = statSync(options.out).size / 1024 / 1024
  const seconds = (performance.now() - started) / 1000
  console.log(`\n${options.out}: ${size.toFixed(0)} MB in ${seconds.toFixed(0)} s.`)
  return 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
