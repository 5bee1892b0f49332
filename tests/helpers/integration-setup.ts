import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, inject } from 'vitest'

// Each test file gets its own copy of the migrated template database (made once by
// tests/helpers/integration-template.ts), used by the app's getDb() as in production.
const dir = mkdtempSync(join(tmpdir(), 'testarena-it-'))
process.env.NODE_ENV = 'test'
process.env.DATABASE_PATH = join(dir, 'test.sqlite')
copyFileSync(inject('templateDatabase'), process.env.DATABASE_PATH)
process.env.SEED_DEMO = 'false'
process.env.APP_ORIGIN = 'http://localhost:3000'

const { resetEnvCache } = await import('~/utils/env.server')
resetEnvCache()
const { getDb } = await import('~/utils/db.server')
const { migrateToLatest } = await import('#db/migrator')
const { openDatabase } = await import('#db/connection')
const { now } = await import('~/utils/clock.server')
// SQLite's unixepoch() follows the app's clock, so setClockOffset crosses deadlines for the
// database rules too (the server itself never overrides the database clock).
globalThis.__testarenaDb = openDatabase(process.env.DATABASE_PATH, { clock: now }).db
// Already at the latest migration: this only checks that the copy is.
await migrateToLatest(getDb())

afterAll(async () => {
  await getDb().destroy()
  globalThis.__testarenaDb = undefined
})
