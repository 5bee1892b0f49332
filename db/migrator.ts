import { type Kysely, type MigrationResultSet, Migrator, sql } from 'kysely'
import type { Database } from './schema'
import { migrations } from './migrations/index'

/** Runs every pending migration; throws (with the failing migration's name) if one fails. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  })
  const result = await migrator.migrateToLatest()
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed`, {
      cause: result.error,
    })
  }
  // A migration that adds an index leaves it without planner statistics, and SQLite then guesses
  // that an equality on it matches ten rows: at 100,000 calls the public list started from the 21
  // counties and sorted every call (0.25 s a page). `optimize` analyses just the tables that have
  // unanalysed indexes (or changed much), reading at most ~1,000 rows of each index: about 0.1 s
  // on the 4 GB scale database, nothing when the statistics are current.
  await sql`PRAGMA analysis_limit = 1000`.execute(db)
  await sql`PRAGMA optimize = 0x10002`.execute(db)
  return result
}
