import { afterEach, beforeEach, expect, test } from 'vitest'
import type { DB } from '#db/connection'
import type Database from 'better-sqlite3'
import { migrateToLatest } from '#db/migrator'
import { createTestDb } from '../helpers/db'

// An index a migration adds has no planner statistics until ANALYZE; SQLite then guesses and, at
// 100,000 calls, sorted every call for the public list. migrateToLatest therefore ends with
// `PRAGMA optimize`, which analyses the tables whose indexes have none (db/migrator.ts).

let db: DB
let sqlite: Database.Database

beforeEach(async () => {
  ;({ db, sqlite } = await createTestDb())
})
afterEach(async () => {
  await db.destroy()
})

function statsOf(index: string): string | undefined {
  return sqlite.prepare('SELECT stat FROM sqlite_stat1 WHERE idx = ?').pluck().get(index) as
    string | undefined
}

test('an index without statistics gets them when the database is next migrated', async () => {
  sqlite.exec('CREATE TABLE planner_probe (id INTEGER PRIMARY KEY, grp INTEGER NOT NULL) STRICT')
  const insert = sqlite.prepare('INSERT INTO planner_probe (grp) VALUES (?)')
  for (let i = 0; i < 500; i++) insert.run(i % 5)
  sqlite.exec('CREATE INDEX planner_probe_by_grp ON planner_probe (grp)')
  expect(statsOf('planner_probe_by_grp')).toBeUndefined()

  await migrateToLatest(db)

  // 500 rows, about 100 a group: the planner now knows the index is not selective.
  expect(statsOf('planner_probe_by_grp')).toBe('500 100')
})
