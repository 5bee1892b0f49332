import { sql } from 'kysely'
import type { DB } from '#db/connection'
import { now } from '~/utils/clock.server'
import { type AnalyticsFilters, filterSql, yearOf } from './analytics.server'

// The companies behind the pipeline (issue 15, part 9; decision record 034): the share of small
// and medium-sized enterprises among applicants, bidders and winners, and repeat purchases.
// Sealed stays sealed: a bid counts only once its call's bids were opened, and an application to a
// round only after the round's deadline (until then the host sees only how many there are).

export const ROLES = ['applicants', 'bidders', 'winners'] as const
export type Role = (typeof ROLES)[number]

/** SMEs by the EU definition, as companies record their size class (micro, small, medium). */
const SME = `('micro', 'small', 'medium')`

/**
 * One row per company and role, where it is attributed and when:
 * - applicants: companies that submitted an application to pilot (whatever became of it), in the
 *   offer's county, at submission — for a round only once its deadline has passed;
 * - bidders: companies whose submitted bid was opened (the call's opened_at is set), in the
 *   call's county, at the opening;
 * - winners: companies awarded a call, in the call's county, at the award decision.
 */
function rolesSql(at: number) {
  return sql`
    SELECT 'applicants' AS role, a.company_id, a.submitted_at AS at, o.county_code,
        o.id AS offer_id, NULL AS call_id
      FROM pilot_applications a JOIN test_bed_offers o ON o.id = a.offer_id
      WHERE a.submitted_at IS NOT NULL AND (o.intake = 'rolling' OR o.deadline <= ${at})
    UNION ALL
    SELECT 'bidders', b.company_id, c.opened_at, c.county_code, NULL, c.id
      FROM calls c JOIN bids b ON b.call_id = c.id
      WHERE c.opened_at IS NOT NULL AND b.status = 'submitted'
    UNION ALL
    SELECT 'winners', b.company_id, c.decided_at, c.county_code, NULL, c.id
      FROM calls c JOIN call_awards w ON w.call_id = c.id JOIN bids b ON b.id = w.bid_id
      WHERE c.status = 'awarded'`
}

export interface ShareRow {
  role: Role
  /** Distinct companies in the role. */
  companies: number
  /** Of them, SMEs. */
  smes: number
}

/** Distinct companies and SMEs per role, over all or per year. */
async function sharesBy(db: DB, filters: AnalyticsFilters, group: 'all' | 'year') {
  const where = filterSql(filters, {
    county: 'r.county_code',
    offer: 'r.offer_id',
    call: 'r.call_id',
  })
  const key = group === 'year' ? yearOf('r.at') : sql`'all'`
  const { rows } = await sql<ShareRow & { key: string }>`
    SELECT ${key} AS key, r.role, COUNT(DISTINCT r.company_id) AS companies,
      COUNT(DISTINCT CASE WHEN org.size_class IN ${sql.raw(SME)} THEN r.company_id END) AS smes
    FROM (${rolesSql(now())}) r JOIN organisations org ON org.id = r.company_id
    WHERE ${where}
    GROUP BY 1, 2`.execute(db)
  return rows
}

export interface RepeatPurchases {
  /** Awards (one per winning company and call) in the filtered calls. */
  awards: number
  /** … to a company the same buyer had awarded an earlier call. */
  sameBuyer: number
  /** … to a company that had piloted with the buyer before the award. */
  afterPilot: number
  /** … to a company with a reference case already published before the award. */
  referenceCompany: number
}

/** Repeat purchases among the filtered awards (definitions in RepeatPurchases). */
async function repeatPurchases(db: DB, filters: AnalyticsFilters): Promise<RepeatPurchases> {
  const where = filterSql(filters, { county: 'c.county_code', offer: null, call: 'c.id' })
  const { rows } = await sql<RepeatPurchases>`
    SELECT COUNT(*) AS awards,
      COALESCE(SUM(EXISTS (SELECT 1 FROM calls c2
        JOIN call_awards w2 ON w2.call_id = c2.id JOIN bids b2 ON b2.id = w2.bid_id
        WHERE c2.organisation_id = c.organisation_id AND c2.status = 'awarded'
          AND b2.company_id = b.company_id
          AND (c2.decided_at < c.decided_at OR (c2.decided_at = c.decided_at AND c2.id < c.id)))), 0)
        AS sameBuyer,
      COALESCE(SUM(EXISTS (SELECT 1 FROM pilots p WHERE p.company_id = b.company_id
        AND p.host_id = c.organisation_id AND p.created_at < c.decided_at)), 0) AS afterPilot,
      COALESCE(SUM(EXISTS (SELECT 1 FROM reference_cases r WHERE r.company_id = b.company_id
        AND r.first_published_at < c.decided_at)), 0) AS referenceCompany
    FROM calls c JOIN call_awards w ON w.call_id = c.id JOIN bids b ON b.id = w.bid_id
    WHERE c.status = 'awarded' AND ${where}`.execute(db)
  return rows[0]!
}

export interface CompanyData {
  shares: ShareRow[]
  years: Array<{ year: string; shares: ShareRow[] }>
  repeat: RepeatPurchases
}

function byRole(rows: readonly ShareRow[]): ShareRow[] {
  return ROLES.map((role) => {
    const row = rows.find((r) => r.role === role)
    return { role, companies: row?.companies ?? 0, smes: row?.smes ?? 0 }
  })
}

/** SME shares (over all and per year) and repeat purchases, for the filters. */
export async function getCompanyFigures(db: DB, filters: AnalyticsFilters): Promise<CompanyData> {
  const [all, perYear, repeat] = await Promise.all([
    sharesBy(db, filters, 'all'),
    sharesBy(db, filters, 'year'),
    repeatPurchases(db, filters),
  ])
  const years = [...new Set(perYear.map((r) => r.key))].sort()
  return {
    shares: byRole(all),
    years: years.map((year) => ({ year, shares: byRole(perYear.filter((r) => r.key === year)) })),
    repeat,
  }
}
