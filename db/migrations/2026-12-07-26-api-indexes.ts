import { type Kysely, sql } from 'kysely'

// Frozen once landed. The read API (issue 17 part 5, decision record 041) pages every list newest
// first with a keyset cursor, `(at, id) < (cursor.at, cursor.id)`, so its SQL cost follows the page
// size. These partial indexes serve the lists no existing index orders: test-bed offers anyone may
// open, organisations anyone may see and published reference cases by first publication. No
// table, no rule and no frozen state: nothing for the conflict guards.

const statements = [
  // The list filters the status with `+status` so that test_bed_offers_by_status (which would
  // need a sort over four statuses) is not chosen; drafts never published are not in the index.
  `CREATE INDEX test_bed_offers_newest ON test_bed_offers(published_at DESC, id DESC)
     WHERE published_at IS NOT NULL`,
  `CREATE INDEX organisations_visible_newest ON organisations(created_at DESC, id DESC)
     WHERE verification_status IN ('verified', 'not_required')`,
  `CREATE INDEX reference_cases_first_published ON reference_cases(first_published_at DESC, id DESC)
     WHERE status = 'published'`,
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX reference_cases_first_published`.execute(db)
  await sql`DROP INDEX organisations_visible_newest`.execute(db)
  await sql`DROP INDEX test_bed_offers_newest`.execute(db)
}
