import { openDatabase } from '#db/connection'
import { migrateToLatest } from '#db/migrator'

/** A fresh, migrated in-memory database for model tests; `sqlite` is the raw handle for raw SQL. */
export async function createTestDb() {
  const { db, sqlite } = openDatabase(':memory:')
  await migrateToLatest(db)
  return { db, sqlite }
}
