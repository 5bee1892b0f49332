import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import {
  type DatabaseConnection,
  Kysely,
  SqliteDialect,
  SqliteDriver,
  CompiledQuery,
  type SqliteDatabase,
} from 'kysely'
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
  /**
   * Tests only: with path ':memory:', start from this image of a database file (a copy of the
   * migrated template) instead of an empty database.
   */
  image?: Buffer
}

export function openDatabase(
  path: string,
  options: OpenOptions = {},
): { db: DB; sqlite: SQLite.Database } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const sqlite = path === ':memory:' && options.image ? new SQLite(options.image) : new SQLite(path)
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('trusted_schema = OFF')
  // A REPLACE that deletes a conflicting row fires that table's delete triggers only with
  // recursive triggers on (decision record 022); every table with frozen state also refuses
  // conflicting inserts itself, for connections that forget this pragma.
  sqlite.pragma('recursive_triggers = ON')
  const clock = options.clock
  if (clock) {
    sqlite.pragma('trusted_schema = ON')
    sqlite.function('unixepoch', { deterministic: false }, () => clock())
  }
  const database = new StatementCache(sqlite)
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database }) })
  return { db, sqlite }
}

/**
 * The database as Kysely's driver sees it, keeping prepared statements: the driver calls
 * prepare(sql) for every query, and better-sqlite3 would compile the SQL anew each time. The last
 * `size` statements are kept by their SQL text, least recently used dropped first (decision record
 * 043). A statement that is still being iterated (a Kysely stream) is busy and cannot run again
 * before it ends: the query then gets a statement of its own. better-sqlite3 resets a statement
 * after every run, and SQLite re-prepares a kept one itself when the schema changes.
 */
export class StatementCache implements SqliteDatabase {
  readonly #statements = new Map<string, SQLite.Statement>()
  constructor(
    readonly sqlite: SQLite.Database,
    readonly size = 500,
  ) {}

  prepare(sql: string): SQLite.Statement {
    const kept = this.#statements.get(sql)
    if (kept?.busy) return this.sqlite.prepare(sql)
    if (kept) {
      this.#statements.delete(sql)
      this.#statements.set(sql, kept)
      return kept
    }
    const statement = this.sqlite.prepare(sql)
    this.#statements.set(sql, statement)
    if (this.#statements.size > this.size) {
      const oldest = this.#statements.keys().next().value
      if (oldest !== undefined) this.#statements.delete(oldest)
    }
    return statement
  }

  /** How many statements are kept (for tests). */
  get kept(): number {
    return this.#statements.size
  }

  close(): void {
    this.#statements.clear()
    this.sqlite.close()
  }
}

/**
 * Every transaction starts as BEGIN IMMEDIATE: it takes the write lock at the start, waiting up
 * to busy_timeout for it, instead of failing with SQLITE_BUSY when a read turns into a write while
 * another connection holds the lock (a deferred transaction cannot wait at that point).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0]
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config)
    this.#config = config
  }
  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver(this.#config)
  }
}
