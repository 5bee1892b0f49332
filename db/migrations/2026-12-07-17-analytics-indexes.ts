import { type Kysely, sql } from 'kysely'

// Frozen once landed. The public analytics page (issue 15, part 9; decision record 034) counts
// with GROUP BY over existing tables; these indexes keep its filtered counts from reading rows of
// other counties and its pilot → call link from scanning every link per pilot. No table, no rule
// and no frozen state: nothing for the conflict guards.

const statements = [
  // Calls per county (the county filter and the per-county table), by status for the awards.
  `CREATE INDEX calls_by_county ON calls(county_code, status)`,
  // "Pilots a published call builds on": call_links is keyed by call first.
  `CREATE INDEX call_links_by_pilot ON call_links(pilot_id, call_id) WHERE pilot_id IS NOT NULL`,
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX call_links_by_pilot`.execute(db)
  await sql`DROP INDEX calls_by_county`.execute(db)
}
