import { sql } from 'kysely'
import type { DB } from '#db/connection'
import type { AgendaMetric } from '#db/schema'

// The live indicators of a regional agenda (decision record 033): a fixed catalogue of metrics
// over Testarena's own data, each for the region's county and optionally one theme, computed in
// SQL as one value per calendar quarter (UTC) from the agenda's start date, cumulative to the end
// of each quarter. At most 40 quarters; nothing is loaded row by row into JavaScript.

/** One quarter's value: its first day (YYYY-MM-DD) and the value at its end (null: no data). */
export interface QuarterValue {
  quarter: string
  value: number | null
}

export const MAX_QUARTERS = 40

const SME = `('micro', 'small', 'medium')`

/** Each metric as a scalar subquery over `q` (the quarter) and `p` (county, theme, from_at). */
const METRIC_SQL: Record<AgendaMetric, string> = {
  // SMEs (counted once) that completed a pilot at a test bed in the county, in the theme.
  sme_pilots_completed: `(SELECT count(DISTINCT pi.company_id) FROM pilots pi
    JOIN organisations co ON co.id = pi.company_id
    JOIN test_bed_offers o ON o.id = pi.offer_id
    WHERE pi.status = 'completed' AND pi.completed_at >= p.from_at
      AND pi.completed_at < unixepoch(q.ends) AND co.size_class IN ${SME}
      AND o.county_code = p.county
      AND (p.theme IS NULL OR EXISTS (SELECT 1 FROM test_bed_offer_themes t
        WHERE t.offer_id = o.id AND t.theme_code = p.theme)))`,
  // Reference cases published by public bodies of the county (first publication).
  references_published: `(SELECT count(*) FROM reference_cases r
    JOIN organisations b ON b.id = r.public_body_id
    WHERE r.status = 'published' AND r.first_published_at >= p.from_at
      AND r.first_published_at < unixepoch(q.ends) AND b.county_code = p.county
      AND (p.theme IS NULL
        OR EXISTS (SELECT 1 FROM pilots pi JOIN test_bed_offer_themes t ON t.offer_id = pi.offer_id
          WHERE pi.id = r.pilot_id AND t.theme_code = p.theme)
        OR EXISTS (SELECT 1 FROM call_themes t WHERE t.call_id = r.call_id
          AND t.theme_code = p.theme)))`,
  // The share (0–100) of awards in the county's calls that went to SMEs; null without awards.
  sme_award_share: `(SELECT round(100.0 * sum(w.size_class IN ${SME}) / count(*), 1)
    FROM call_awards a JOIN calls c ON c.id = a.call_id
    JOIN bids b ON b.id = a.bid_id JOIN organisations w ON w.id = b.company_id
    WHERE c.county_code = p.county AND a.created_at >= p.from_at
      AND a.created_at < unixepoch(q.ends)
      AND (p.theme IS NULL OR EXISTS (SELECT 1 FROM call_themes t
        WHERE t.call_id = c.id AND t.theme_code = p.theme)))`,
  // Companies of the county whose first application or bid came in the period. Bids count only
  // once opened: who bids is secret until then.
  first_time_participants: `(SELECT count(*) FROM firsts f
    WHERE f.first_at >= p.from_at AND f.first_at < unixepoch(q.ends))`,
}

const FIRSTS = `firsts(company_id, first_at) AS (
    SELECT s.company_id, min(s.at) FROM (
      SELECT company_id, submitted_at AS at FROM pilot_applications WHERE submitted_at IS NOT NULL
      UNION ALL
      SELECT b.company_id, b.submitted_at FROM bids b WHERE b.submitted_at IS NOT NULL
        AND EXISTS (SELECT 1 FROM bid_openings bo WHERE bo.call_id = b.call_id)
    ) s JOIN organisations co ON co.id = s.company_id AND co.county_code = (SELECT county FROM p)
    GROUP BY s.company_id)`

/**
 * The metric's value per quarter, from the quarter of `startsOn` to the current one (at most
 * MAX_QUARTERS), for the county and, if given, the theme.
 */
export async function liveSeries(
  db: DB,
  args: { metric: AgendaMetric; countyCode: string; themeCode: string | null; startsOn: string },
): Promise<QuarterValue[]> {
  const firsts = args.metric === 'first_time_participants' ? `, ${FIRSTS}` : ''
  const result = await sql<QuarterValue>`
    WITH RECURSIVE p(county, theme, from_at, first_quarter) AS (
      SELECT ${args.countyCode}, ${args.themeCode}, unixepoch(${args.startsOn}),
        date(${args.startsOn}, 'start of month',
          printf('-%d months', (CAST(strftime('%m', ${args.startsOn}) AS INTEGER) - 1) % 3))
    ),
    q(n, starts, ends) AS (
      SELECT 0, first_quarter, date(first_quarter, '+3 months') FROM p
      UNION ALL
      SELECT n + 1, ends, date(ends, '+3 months') FROM q
      WHERE n < ${MAX_QUARTERS - 1} AND ends <= date(unixepoch(), 'unixepoch')
    )${sql.raw(firsts)}
    SELECT q.starts AS quarter, ${sql.raw(METRIC_SQL[args.metric])} AS value
    FROM q, p ORDER BY q.n`.execute(db)
  return result.rows
}
