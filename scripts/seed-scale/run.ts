import type SQLite from 'better-sqlite3'
import { sql } from 'kysely'
import { hashPassword } from '../../app/auth/password.server'
import { materialiseAll } from '../../app/models/ocds-releases.server'
import { DEMO_PASSWORD, seed } from '../../app/seed'
import { setClockOffset } from '../../app/utils/clock.server'
import type { DB } from '../../db/connection'
import { auditWriter } from './audit-log'
import { type Award, seedCalls } from './calls'
import type { Context, Sizes } from './context'
import { loadReferenceData, seedBuyers, seedCompanies } from './organisations'
import { type Log, Phase, type PhaseResult } from './progress'
import { createRandom } from './random'
import { seedReferences } from './references'
import { seedTestBeds } from './test-beds'

// `npm run seed:scale` without its command line (scripts/seed-scale.ts): the demo seed, then the
// scale data phase by phase, then the server's background jobs caught up and ANALYZE. The
// connection must follow the app clock (openDatabase(path, { clock: now })), as the demo seed's
// does (decision record 018).

export interface ScaleRun {
  phases: PhaseResult[]
}

export async function seedScale(
  db: DB,
  sqlite: SQLite.Database,
  options: { sizes: Sizes; seed: number; log: Log },
): Promise<ScaleRun> {
  const { log } = options
  const phases: PhaseResult[] = []
  const base = Math.floor(Date.now() / 1000)
  const demo = new Phase('demo seed', 1, log)
  await seed(db)
  const lastDemoUpdate = sqlite.prepare('SELECT coalesce(max(id), 0) FROM updates').pluck().get()
  demo.add()
  phases.push(demo.finish())
  const partial = {
    db,
    sqlite,
    random: createRandom(options.seed),
    sizes: options.sizes,
    base,
    log,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    audit: auditWriter(sqlite),
  }
  const ctx: Context = {
    ...partial,
    ...(await loadReferenceData(partial)),
    buyers: [],
    companies: { ids: [], users: [], places: [] },
  }
  try {
    phases.push(await seedBuyers(ctx))
    phases.push(await seedCompanies(ctx))
    phases.push(...(await seedTestBeds(ctx)))
    const awards: Award[] = []
    phases.push(...(await seedCalls(ctx, awards)))
    phases.push(await seedReferences(ctx, awards))
  } finally {
    setClockOffset(0)
  }
  phases.push(await catchUp(db, sqlite, lastDemoUpdate as number, log))
  const analyze = new Phase('ANALYZE', 1, log)
  await sql`ANALYZE`.execute(db)
  analyze.add()
  phases.push(analyze.finish())
  return { phases }
}

/**
 * What the server's notification worker would have done while this history happened: the
 * updates the triggers wrote for the scale data (a new call, an opening, an award …) count as
 * fanned out at their own moment — the seed writes three years in minutes, and no follower or
 * saved search of the demo existed then — and the OCDS releases that fell due are materialised
 * by the app's own job. A server started on the scale database then has nothing to catch up on
 * but the demo's own updates, as after `npm start`.
 */
async function catchUp(
  db: DB,
  sqlite: SQLite.Database,
  lastDemoUpdate: number,
  log: Log,
): Promise<PhaseResult> {
  const phase = new Phase('background jobs', 1, log)
  const marked = sqlite
    .prepare('UPDATE updates SET fanned_out_at = created_at WHERE id > ? AND fanned_out_at IS NULL')
    .run(lastDemoUpdate).changes
  phase.add(marked)
  phase.add(await materialiseAll(db))
  return phase.finish()
}
