import { type Kysely, sql } from 'kysely'

// Frozen once landed. The CSV exports of the public lists (issue 17 part 6, decision record 042)
// read every matching row in keyset batches, newest first; these indexes serve the two orders that
// had none, so one batch reads about as many rows as it returns instead of sorting every match.
// No table, no rule and no frozen state: nothing for the conflict guards.

const statements = [
  // The reference gallery: published cases by first publication, newest first. Not partial: the
  // status is a bound parameter, which SQLite cannot match against a partial index's WHERE.
  `CREATE INDEX reference_cases_by_first_published
    ON reference_cases(status, first_published_at DESC, id DESC)`,
  // The organisation directory: by name (the filters by kind and county have their own indexes).
  `CREATE INDEX organisations_by_name ON organisations(name, id)`,
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX organisations_by_name`.execute(db)
  await sql`DROP INDEX reference_cases_by_first_published`.execute(db)
}
