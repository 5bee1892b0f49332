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
export interface OpenOptions {
  /**
   * Seed and tests only: SQLite's unixepoch() reads this clock instead of the real one, so the demo
   * history and the deadline tests go through every time rule. The server never passes it, and a
   * connection that overrides the clock must trust its schema (SQLite refuses an overridden
   * function inside a trigger otherwise), which the server's connections never do.
   */
  clock?: () => number
}

export function openDatabase(
  path: string,
  options: OpenOptions = {},
): { db: DB; sqlite: SQLite.Database } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const sqlite = new SQLite(path)
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('trusted_schema = OFF')
  const clock = options.clock
  if (clock) {
    sqlite.pragma('trusted_schema = ON')
    sqlite.function('unixepoch', { deterministic: false }, () => clock())
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  return { db, sqlite }
}
