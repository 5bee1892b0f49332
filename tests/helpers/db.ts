import { readFileSync } from 'node:fs'
import { inject } from 'vitest'
import { openDatabase } from '#db/connection'
import { migrateToLatest } from '#db/migrator'
import { now } from '~/utils/clock.server'

let template: Buffer | undefined

/**
 * The migrated template database (tests/helpers/integration-template.ts) as an in-memory image,
 * read once per worker. Bytes 18–19 of the header say WAL; an in-memory database cannot use WAL,
 * so the image says "rollback journal" instead (the template is checkpointed: no WAL is lost).
 */
function templateImage(): Buffer {
  if (!template) {
    template = readFileSync(inject('templateDatabase'))
    template[18] = 1
    template[19] = 1
  }
  return Buffer.from(template)
}

/**
 * A fresh, migrated in-memory database for model tests; `sqlite` is the raw handle for raw SQL.
 * It starts as a copy of the migrated template (migrating from nothing takes seconds); its
 * SQLite clock follows the app's (`now()`), so tests that move the clock move both.
 */
export async function createTestDb() {
  const { db, sqlite } = openDatabase(':memory:', { clock: now, image: templateImage() })
  // Already at the latest migration: this only checks that the copy is.
  await migrateToLatest(db)
  return { db, sqlite }
}
