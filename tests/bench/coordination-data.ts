import { sql } from 'kysely'
import type { DB } from '../../db/connection'

// Bulk coordination data for `npm run bench` (issue 15's speed target): initiatives spread over
// the verified public bodies and intermediaries, with themes, counties and periods, and contacts
// in the ledger spread over every author and company. They go through the same triggers as real
// rows (owner verified, written by a member, stamped now, search index kept).

const WORDS = [
  'äldreomsorg',
  'energilager',
  'fallprevention',
  'digitalisering',
  'mobilitet',
  'industri',
  'vätgas',
  'hemtjänst',
  'skola',
  'sensorer',
]
const word = (expr: string) =>
  `CASE (${expr}) % ${WORDS.length} ${WORDS.map((w, i) => `WHEN ${i} THEN '${w}'`).join(' ')} END`

/** Who may own initiatives and record contacts: verified bodies and intermediaries with a member. */
async function recorders(db: DB) {
  const rows = await sql<{ org: number; usr: number }>`
    SELECT o.id AS org, min(m.user_id) AS usr FROM organisations o
    JOIN memberships m ON m.organisation_id = o.id
    WHERE o.kind IN ('public_body', 'intermediary') AND o.verification_status = 'verified'
    GROUP BY o.id ORDER BY o.id`.execute(db)
  return rows.rows
}

const valuesOf = (rows: { org: number; usr: number }[]) =>
  rows.map((r, k) => `(${k}, ${r.org}, ${r.usr})`).join(', ')

export async function addInitiatives(db: DB, count: number): Promise<void> {
  if (count <= 0) return
  const owners = await recorders(db)
  await db.transaction().execute(async (tx) => {
    await sql
      .raw(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count}),
        o(k, org, usr) AS (VALUES ${valuesOf(owners)})
      INSERT INTO initiatives (organisation_id, kind, title, summary, description, status,
        starts_on, ends_on, budget_band, contact_role, contact_email, created_at, created_by,
        updated_at, updated_by)
      SELECT o.org,
        CASE i % 5 WHEN 0 THEN 'programme' WHEN 1 THEN 'project' WHEN 2 THEN 'planned_call'
          WHEN 3 THEN 'planned_test_bed' ELSE 'event_series' END,
        'Bänkinitiativ ' || i || ' om ' || ${word('i')},
        'Sammanfattning om ' || ${word('i / 10')} || ' och ' || ${word('i / 100')} || '.',
        'Beskrivning av initiativ ' || i || ': ' || ${word('i / 7')} || ', ' || ${word('i / 3')} || '.',
        CASE i % 4 WHEN 0 THEN 'idea' WHEN 1 THEN 'planned' WHEN 2 THEN 'active' ELSE 'finished' END,
        date('2024-01-01', '+' || (i % 1500) || ' days'),
        date('2024-01-01', '+' || (i % 1500 + 180 + i % 900) || ' days'),
        'undecided', 'Samordnare', 'bench@example.test',
        unixepoch() - i, o.usr, unixepoch() - i, o.usr
      FROM n JOIN o ON o.k = n.i % ${owners.length}`,
      )
      .execute(tx)
    const bench = `SELECT id FROM initiatives WHERE title LIKE 'Bänkinitiativ %'`
    await sql
      .raw(
        `INSERT INTO initiative_themes (initiative_id, theme_code)
        SELECT b.id, t.code FROM (${bench}) b
        JOIN (SELECT code, row_number() OVER (ORDER BY position) - 1 AS k FROM themes) t
          ON t.k = b.id % (SELECT count(*) FROM themes)`,
      )
      .execute(tx)
    await sql
      .raw(
        `INSERT INTO initiative_counties (initiative_id, county_code)
        SELECT b.id, c.code FROM (${bench}) b
        JOIN (SELECT code, row_number() OVER (ORDER BY code) - 1 AS k FROM counties) c
          ON c.k = b.id % (SELECT count(*) FROM counties)`,
      )
      .execute(tx)
  })
}

export async function addContacts(db: DB, count: number): Promise<void> {
  if (count <= 0) return
  const authors = await recorders(db)
  const companies = await sql<{ id: number }>`
    SELECT id FROM organisations WHERE kind = 'company' ORDER BY id`.execute(db)
  const companyValues = companies.rows.map((c, k) => `(${k}, ${c.id})`).join(', ')
  await db.transaction().execute(async (tx) => {
    await sql
      .raw(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count}),
        a(k, org, usr) AS (VALUES ${valuesOf(authors)}),
        c(k, id) AS (VALUES ${companyValues})
      INSERT INTO company_contacts (author_organisation_id, company_id, contacted_on, kind,
        purpose, initiative_id, recorded_by, recorded_at, acknowledged_at)
      SELECT a.org, c.id, date(unixepoch(), 'unixepoch', '-' || (i % 1000) || ' days'),
        CASE i % 5 WHEN 0 THEN 'visit' WHEN 1 THEN 'demo' WHEN 2 THEN 'dialogue_meeting'
          WHEN 3 THEN 'pilot_talk' ELSE 'event' END,
        'Bänkkontakt ' || i || ' om ' || ${word('i')}, NULL, a.usr, unixepoch(), unixepoch()
      FROM n JOIN a ON a.k = n.i % ${authors.length}
        JOIN c ON c.k = (n.i / ${authors.length}) % ${companies.rows.length}`,
      )
      .execute(tx)
  })
}
