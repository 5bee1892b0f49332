import { type Kysely, sql } from 'kysely'

// Frozen once landed. The read API (issue 17 part 5, decision record 041) pages every list newest
// first with a keyset cursor, `(at, id) < (cursor.at, cursor.id)`, so its SQL cost follows the page
// size. These partial indexes serve the two lists whose visibility is a set of statuses, which no
// existing index orders: test-bed offers anyone may open, and organisations anyone may see. No
// table, no rule and no frozen state: nothing for the conflict guards.

const statements = [
  `CREATE INDEX test_bed_offers_public_newest ON test_bed_offers(published_at DESC, id DESC)
     WHERE status IN ('published', 'paused', 'closed', 'archived')`,
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
  await sql`DROP INDEX test_bed_offers_public_newest`.execute(db)
}
