import { type Kysely, sql } from 'kysely'

// Frozen once landed. Secret addresses for feed readers and calendar apps (issue 16 part 4,
// decision record 038): a person's calendar subscription (/calendar/<token>.ics) and one Atom feed
// per saved search (/account/searches/feed/<token>.atom). Only the SHA-256 of a token is stored,
// so a copy of the database does not open anyone's calendar; the owner regenerates a token (the
// row's hash is replaced, the old address stops working) or revokes it (the row is deleted).
//
// Neither table holds frozen state: a token is the owner's own, replaced and deleted at will, so
// both are exempt from conflict guards (tests/integration/replace-guards.test.ts says why). A
// saved search's token is owned through the saved search and goes with it (ON DELETE CASCADE).

const statements: string[] = [
  `CREATE TABLE calendar_tokens (
    user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    created_at INTEGER NOT NULL
  ) STRICT`,
  `CREATE TABLE saved_search_feed_tokens (
    saved_search_id INTEGER PRIMARY KEY REFERENCES saved_searches(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    created_at INTEGER NOT NULL
  ) STRICT`,
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP TABLE saved_search_feed_tokens').execute(db)
  await sql.raw('DROP TABLE calendar_tokens').execute(db)
}
