import { openDatabase } from '#db/connection'
import { migrateToLatest } from '#db/migrator'
import { now } from '~/utils/clock.server'

/**
 * A fresh, migrated in-memory database for model tests; `sqlite` is the raw handle for raw SQL.
 * Its SQLite clock follows the app's (`now()`), so tests that move the clock move both.
 */
export async function createTestDb() {
  const { db, sqlite } = openDatabase(':memory:', { clock: now })
  await migrateToLatest(db)
  return { db, sqlite }
}
