import { sql } from 'kysely'
import type { DB } from '../../db/connection'

// Bulk offers for `npm run bench`, so the catalogue is measured at the scale of
// shared/reference/performance.md (a list page of 20 out of 100,000 rows). They go through the
// same triggers as real offers: inserted as drafts by a host member, given a criterion and a
// theme, then published (which writes their first history version and their search entries).

const WORDS = [
  'äldreomsorg',
  'hemtjänst',
  'energilager',
  'skolmiljö',
  'mobilitet',
  'fastighet',
  'vårdcentral',
  'sensorer',
  'laddning',
  'trygghetslarm',
]

export async function addCatalogueOffers(db: DB, count: number): Promise<void> {
  if (count <= 0) return
  const host = await db
    .selectFrom('organisations')
    .innerJoin('memberships', 'memberships.organisation_id', 'organisations.id')
    .select(['organisations.id', 'memberships.user_id'])
    .where('organisations.slug', '=', 'region-norrbotten')
    .executeTakeFirstOrThrow()
  const at = Math.floor(Date.now() / 1000)
  const word = (expr: string) =>
    `CASE (${expr}) % ${WORDS.length} ${WORDS.map((w, i) => `WHEN ${i} THEN '${w}'`).join(' ')} END`
  await db.transaction().execute(async (tx) => {
    await sql
      .raw(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
      INSERT INTO test_bed_offers (organisation_id, title, summary, description, county_code,
        trl_min, trl_max, capacity, available_from, intake, access_model, market_value_sek,
        price_sek, contact_role, contact_email, created_by, updated_by, created_at, updated_at)
      SELECT ${host.id}, 'Bänktestbädd ' || i || ' för ' || ${word('i')},
        'Sammanfattning om ' || ${word('i / 10')} || ' och ' || ${word('i / 100')},
        'Beskrivning av testbädd ' || i || ': ' || ${word('i / 7')} || ', ' || ${word('i / 3')} || '.',
        '25', 1 + i % 5, 5 + i % 5, 1 + i % 4, ${at - 86400}, 'rolling',
        CASE i % 3 WHEN 0 THEN 'free' WHEN 1 THEN 'cost_sharing' ELSE 'paid' END,
        100000, CASE i % 3 WHEN 0 THEN 0 WHEN 1 THEN 40000 ELSE 100000 END,
        'Samordnare', 'bench@example.test', ${host.user_id}, ${host.user_id}, ${at} - i, ${at} - i
      FROM n`,
      )
      .execute(tx)
    await sql
      .raw(
        `INSERT INTO test_bed_criteria (offer_id, position, title, kind)
      SELECT id, 1, 'Nytta', 'score' FROM test_bed_offers WHERE status = 'draft' AND title LIKE 'Bänktestbädd %'`,
      )
      .execute(tx)
    await sql
      .raw(
        `INSERT INTO test_bed_offer_themes (offer_id, theme_code)
      SELECT id, CASE id % 4 WHEN 0 THEN 'energy' WHEN 1 THEN 'ehealth' WHEN 2 THEN 'mobility'
        ELSE 'active_healthy_ageing' END
      FROM test_bed_offers WHERE status = 'draft' AND title LIKE 'Bänktestbädd %'`,
      )
      .execute(tx)
    await sql
      .raw(
        `UPDATE test_bed_offers SET status = 'published', published_at = created_at
      WHERE status = 'draft' AND title LIKE 'Bänktestbädd %'`,
      )
      .execute(tx)
  })
  await sql`ANALYZE`.execute(db)
}
