import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { Database } from './schema'

export type DB = Kysely<Database>

/**
 * Opens the SQLite database with the pragmas Testarena relies on (see
 * docs/decisions/003-sqlite-durability.md): WAL so readers never block the writer,
 * synchronous=FULL so an acknowledged write survives a power cut, foreign keys on, and a busy
 * timeout so a second process (the CLI) waits instead of failing.
 */
export function openDatabase(path: string): { db: DB; sqlite: SQLite.Database } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const sqlite = new SQLite(path)
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('trusted_schema = OFF')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  return { db, sqlite }
}
