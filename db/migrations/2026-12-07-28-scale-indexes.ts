import { type Kysely, sql } from 'kysely'

// Frozen once landed. SQL whose cost follows the page size (issue 18 part 5, decision record 045).
// 1. The indexes whose order the lists lacked (tests/integration/list-plans.test.ts finds them):
//    a host's profile reads its newest calls and offers off (organisation_id, published_at DESC,
//    id DESC) instead of sorting all its rows; likewise a member's own lists, the call list by
//    status, a profile's reference cases and the initiatives' timeline.
// 2. marketplace_counts: the home page's three figures (verified public bodies, companies, counties
//    with a visible organisation), one row per county, kept by triggers on organisations so `/`
//    reads at most 21 rows instead of counting every organisation. Each trigger subtracts what the
//    old row counted and adds what the new row counts; a REPLACE is a delete and an insert (the
//    conflict guards of 2026-12-07-08 refuse it on organisations in any case). Derived data, no
//    rule and no frozen state: the conflict-guard test lists it as exempt.

const counted = (row: 'NEW' | 'OLD') => ({
  publicBodies: `(${row}.kind = 'public_body' AND ${row}.verification_status = 'verified')`,
  companies: `(${row}.kind = 'company')`,
  visible: `(${row}.verification_status IN ('verified', 'not_required'))`,
})

function apply(row: 'NEW' | 'OLD', sign: '+' | '-') {
  const c = counted(row)
  return `INSERT OR IGNORE INTO marketplace_counts(county_code) VALUES (${row}.county_code);
    UPDATE marketplace_counts SET
      public_bodies = public_bodies ${sign} ${c.publicBodies},
      companies = companies ${sign} ${c.companies},
      visible = visible ${sign} ${c.visible}
    WHERE county_code = ${row}.county_code;`
}

const statements = [
  `CREATE INDEX calls_by_organisation_published
    ON calls(organisation_id, published_at DESC, id DESC)`,
  `CREATE INDEX test_bed_offers_by_organisation_published
    ON test_bed_offers(organisation_id, published_at DESC, id DESC)`,
  // A member's own lists of calls and offers, most recently changed first.
  `CREATE INDEX calls_by_organisation_updated ON calls(organisation_id, updated_at DESC, id DESC)`,
  `CREATE INDEX test_bed_offers_by_organisation_updated
    ON test_bed_offers(organisation_id, updated_at DESC, id DESC)`,
  // The call list filtered by status ("open" is published with a deadline ahead): newest first.
  `CREATE INDEX calls_by_status_published ON calls(status, published_at DESC, id DESC)`,
  `CREATE INDEX calls_by_county_published ON calls(county_code, published_at DESC, id DESC)`,
  // A profile's reference cases, newest first, for the public body and for the company.
  `CREATE INDEX reference_cases_by_public_body_published
    ON reference_cases(public_body_id, status, first_published_at DESC, id DESC)`,
  `CREATE INDEX reference_cases_by_company_published
    ON reference_cases(company_id, status, first_published_at DESC, id DESC)`,
  // The initiatives' timeline: in the order they start (or end, without a start).
  `CREATE INDEX initiatives_by_period ON initiatives(coalesce(starts_on, ends_on), id)`,
  `CREATE TABLE marketplace_counts (
    county_code TEXT PRIMARY KEY REFERENCES counties(code),
    public_bodies INTEGER NOT NULL DEFAULT 0 CHECK (public_bodies >= 0),
    companies INTEGER NOT NULL DEFAULT 0 CHECK (companies >= 0),
    visible INTEGER NOT NULL DEFAULT 0 CHECK (visible >= 0)
  ) STRICT, WITHOUT ROWID`,
  `INSERT INTO marketplace_counts(county_code, public_bodies, companies, visible)
    SELECT county_code,
      count(*) FILTER (WHERE kind = 'public_body' AND verification_status = 'verified'),
      count(*) FILTER (WHERE kind = 'company'),
      count(*) FILTER (WHERE verification_status IN ('verified', 'not_required'))
    FROM organisations GROUP BY county_code`,
  `CREATE TRIGGER marketplace_counts_insert AFTER INSERT ON organisations BEGIN
    ${apply('NEW', '+')}
  END`,
  `CREATE TRIGGER marketplace_counts_delete AFTER DELETE ON organisations BEGIN
    ${apply('OLD', '-')}
  END`,
  `CREATE TRIGGER marketplace_counts_update
    AFTER UPDATE OF kind, verification_status, county_code ON organisations BEGIN
    ${apply('OLD', '-')}
    ${apply('NEW', '+')}
  END`,
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE marketplace_counts`.execute(db)
  for (const index of [
    'initiatives_by_period',
    'reference_cases_by_company_published',
    'reference_cases_by_public_body_published',
    'calls_by_county_published',
    'calls_by_status_published',
    'test_bed_offers_by_organisation_updated',
    'calls_by_organisation_updated',
  ])
    await sql.raw(`DROP INDEX ${index}`).execute(db)
  await sql`DROP INDEX test_bed_offers_by_organisation_published`.execute(db)
  await sql`DROP INDEX calls_by_organisation_published`.execute(db)
}
