import { sql } from 'kysely'
import type { DB } from '#db/connection'
import type { Locale, SizeClass } from '#db/schema'

// SME reach (issue 15 part 6, decision record 032), for a verified region or intermediary: which
// companies of a county Testarena has never reached, first-time participants per quarter, and the
// SME share among applicants, bidders and winners per year. Every figure is a GROUP BY in SQLite;
// JavaScript only turns a few aggregate rows into a table.
//
// What counts, and why (nothing secret leaks into a figure):
// - applied: a submitted application (submitted, accepted or declined), but not to a sealed round
//   whose deadline has not passed (who applied is sealed until then);
// - bid: a submitted, not withdrawn bid in a call whose bids were opened (bidders are secret until
//   the opening, OSL 19 kap. 3 §);
// - piloted: any pilot;
// - contacted: a contact in the ledger recorded by the viewer's organisation, or by anyone when the
//   company shares its contacts (decision record 029).

const SME = sql`o.size_class IN ('micro', 'small', 'medium')`

const APPLIED = sql`SELECT a.company_id, a.submitted_at AS at FROM pilot_applications a
  JOIN test_bed_offers f ON f.id = a.offer_id
  WHERE a.status IN ('submitted', 'accepted', 'declined') AND a.submitted_at IS NOT NULL
    AND NOT (f.intake = 'round' AND f.deadline > unixepoch())`

const BID = sql`SELECT b.company_id, g.opened_at AS at FROM bids b
  JOIN bid_openings g ON g.call_id = b.call_id
  WHERE b.submitted_at IS NOT NULL AND b.status <> 'withdrawn'`

const PILOTED = sql`SELECT p.company_id, p.created_at AS at FROM pilots p`

/** Companies a participation or a contact the viewer may count has reached. */
function reachedSql(viewerOrganisationId: number) {
  return sql`SELECT company_id FROM (${APPLIED}) UNION SELECT company_id FROM (${BID})
    UNION SELECT company_id FROM (${PILOTED})
    UNION SELECT k.company_id FROM company_contacts k
      WHERE k.author_organisation_id = ${viewerOrganisationId}
        OR EXISTS (SELECT 1 FROM company_contact_settings c
          WHERE c.company_id = k.company_id AND c.share_contacts = 1)`
}

export interface ReachRow {
  key: string | null
  name: string | null
  companies: number
  never: number
}

// The select list: count the companies and those never reached, once per group.
const COUNTS = sql`, count(DISTINCT o.id) AS companies,
  count(DISTINCT CASE WHEN o.id NOT IN (SELECT company_id FROM reached) THEN o.id END) AS never`

async function neverReachedBy(
  db: DB,
  args: { county: string; viewer: number; locale: Locale },
  by: 'size' | 'sector' | 'municipality',
): Promise<ReachRow[]> {
  const name = args.locale === 'en' ? sql`s.name_en` : sql`s.name_sv`
  const from =
    by === 'size'
      ? sql`SELECT o.size_class AS key, NULL AS name ${COUNTS} FROM organisations o`
      : by === 'sector'
        ? sql`SELECT s.code AS key, ${name} AS name ${COUNTS} FROM organisations o
            LEFT JOIN organisation_sectors os ON os.organisation_id = o.id
            LEFT JOIN sectors s ON s.code = os.sector_code`
        : sql`SELECT m.code AS key, m.short_name AS name ${COUNTS} FROM organisations o
            LEFT JOIN municipalities m ON m.code = o.municipality_code`
  const order = by === 'size' ? sql`key` : sql`never DESC, companies DESC, name`
  const result = await sql<ReachRow>`WITH reached AS (${reachedSql(args.viewer)})
    ${from}
    WHERE o.kind = 'company' AND o.county_code = ${args.county}
    GROUP BY key ORDER BY ${order} LIMIT 100`.execute(db)
  return result.rows
}

export interface QuarterRow {
  quarter: string
  companies: number
  smes: number
}

/** Companies of the county whose first application, bid or pilot fell in each quarter (last 8). */
async function firstTimers(db: DB, county: string): Promise<QuarterRow[]> {
  const result = await sql<QuarterRow>`WITH firsts AS (
      SELECT company_id, min(at) AS first_at FROM (
        ${APPLIED} UNION ALL ${BID} UNION ALL ${PILOTED}
      ) GROUP BY company_id)
    SELECT strftime('%Y', f.first_at, 'unixepoch') || '-Q'
        || ((CAST(strftime('%m', f.first_at, 'unixepoch') AS INTEGER) + 2) / 3) AS quarter,
      count(*) AS companies, sum(${SME}) AS smes
    FROM firsts f JOIN organisations o ON o.id = f.company_id
    WHERE o.county_code = ${county}
    GROUP BY quarter ORDER BY quarter DESC LIMIT 8`.execute(db)
  return result.rows
}

export interface ShareRow {
  year: string
  stage: 'applicants' | 'bidders' | 'winners'
  companies: number
  smes: number
}

/** Per year and stage, distinct companies and SMEs among them, in the county's test beds and calls. */
async function smeShares(db: DB, county: string): Promise<ShareRow[]> {
  const result = await sql<ShareRow>`
    SELECT year, stage, count(*) AS companies, sum(sme) AS smes FROM (
      SELECT DISTINCT strftime('%Y', a.submitted_at, 'unixepoch') AS year, 'applicants' AS stage,
        a.company_id, ${SME} AS sme
      FROM pilot_applications a JOIN test_bed_offers f ON f.id = a.offer_id
        JOIN organisations o ON o.id = a.company_id
      WHERE f.county_code = ${county} AND a.status IN ('submitted', 'accepted', 'declined')
        AND a.submitted_at IS NOT NULL AND NOT (f.intake = 'round' AND f.deadline > unixepoch())
      UNION
      SELECT DISTINCT strftime('%Y', g.opened_at, 'unixepoch'), 'bidders', b.company_id, ${SME}
      FROM bids b JOIN bid_openings g ON g.call_id = b.call_id JOIN calls c ON c.id = b.call_id
        JOIN organisations o ON o.id = b.company_id
      WHERE c.county_code = ${county} AND b.submitted_at IS NOT NULL AND b.status <> 'withdrawn'
      UNION
      SELECT DISTINCT strftime('%Y', w.created_at, 'unixepoch'), 'winners', b.company_id, ${SME}
      FROM call_awards w JOIN bids b ON b.id = w.bid_id JOIN calls c ON c.id = w.call_id
        JOIN organisations o ON o.id = b.company_id
      WHERE c.county_code = ${county}
    ) GROUP BY year, stage ORDER BY year DESC LIMIT 30`.execute(db)
  return result.rows
}

export interface ShareYear {
  year: string
  applicants: { companies: number; smes: number }
  bidders: { companies: number; smes: number }
  winners: { companies: number; smes: number }
}

/** The whole page's figures for one county, seen by `viewer` (an organisation id). */
export async function getSmeReach(
  db: DB,
  args: { county: string; viewer: number; locale: Locale },
) {
  const [bySize, bySector, byMunicipality, quarters, shares] = await Promise.all([
    neverReachedBy(db, args, 'size'),
    neverReachedBy(db, args, 'sector'),
    neverReachedBy(db, args, 'municipality'),
    firstTimers(db, args.county),
    smeShares(db, args.county),
  ])
  const years = new Map<string, ShareYear>()
  for (const row of shares) {
    const empty = { companies: 0, smes: 0 }
    const year = years.get(row.year) ?? {
      year: row.year,
      applicants: empty,
      bidders: empty,
      winners: empty,
    }
    year[row.stage] = { companies: row.companies, smes: row.smes }
    years.set(row.year, year)
  }
  return {
    bySize: bySize as Array<ReachRow & { key: SizeClass }>,
    bySector,
    byMunicipality,
    quarters,
    shares: [...years.values()].slice(0, 5),
  }
}
