import { type RawBuilder, sql } from 'kysely'
import type { DB } from '#db/connection'

// The public analytics page (issue 15, part 9; decision record 034): the pipeline test-bed offer →
// pilot → call → award → reference as counts, the conversion between stages, the time from a
// call's publication to its award, per county, per theme and per year. Everything is counted by
// SQLite (GROUP BY, window functions); no query returns more rows than there are counties, themes,
// years or stages. Every figure is public information already: published offers, pilots (each
// offer page shows its running pilots), published calls and their outcomes, published references.

export interface AnalyticsFilters {
  /** A county code (two digits): what is attributed to that county (see STAGE_SQL). */
  county?: string | undefined
  /** A theme code: what carries that theme. */
  theme?: string | undefined
}

export const STAGES = ['offers', 'pilots', 'calls', 'awards', 'references'] as const
export type Stage = (typeof STAGES)[number]
export type StageCounts = Record<Stage, number>

/**
 * One row per item at each stage, with where it is attributed: the county, the moment it reached
 * the stage, and the offer or call whose themes it carries.
 *
 * - offers: test-bed offers ever published (published_at set; paused, closed and archived count),
 *   in the offer's county, at publication;
 * - pilots: pilots started (an accepted application), in the offer's county, at acceptance;
 * - calls: procurement calls ever published (every procedure), in the call's county, at publication;
 * - awards: calls awarded, in the call's county, at the award decision;
 * - references: reference cases published now, in the county of their source (the pilot's offer
 *   or the awarded call), at first publication.
 */
const STAGE_SQL = sql`
  SELECT 'offers' AS stage, o.county_code, o.published_at AS at, o.id AS offer_id, NULL AS call_id
    FROM test_bed_offers o WHERE o.published_at IS NOT NULL
  UNION ALL
  SELECT 'pilots', o.county_code, p.created_at, o.id, NULL
    FROM pilots p JOIN test_bed_offers o ON o.id = p.offer_id
  UNION ALL
  SELECT 'calls', c.county_code, c.published_at, NULL, c.id
    FROM calls c WHERE c.published_at IS NOT NULL
  UNION ALL
  SELECT 'awards', c.county_code, c.decided_at, NULL, c.id
    FROM calls c WHERE c.status = 'awarded'
  UNION ALL
  SELECT 'references', COALESCE(o.county_code, c.county_code), r.first_published_at, o.id, c.id
    FROM reference_cases r
    LEFT JOIN pilots p ON p.id = r.pilot_id
    LEFT JOIN test_bed_offers o ON o.id = p.offer_id
    LEFT JOIN calls c ON c.id = r.call_id
    WHERE r.status = 'published'`

/** Whether an offer (`offerId`) or a call (`callId`) carries `theme` — one of them is set. */
export function carriesTheme(
  offerId: RawBuilder<unknown>,
  callId: RawBuilder<unknown>,
  theme: string,
) {
  return sql`(EXISTS (SELECT 1 FROM test_bed_offer_themes t
      WHERE t.offer_id = ${offerId} AND t.theme_code = ${theme})
    OR EXISTS (SELECT 1 FROM call_themes t WHERE t.call_id = ${callId} AND t.theme_code = ${theme}))`
}

/** The WHERE of a filtered query over rows with a county and an offer or a call. */
export function filterSql(
  filters: AnalyticsFilters,
  columns: { county: string; offer: string | null; call: string | null },
) {
  const parts = [sql`1`]
  if (filters.county) parts.push(sql`${sql.ref(columns.county)} = ${filters.county}`)
  if (filters.theme) {
    parts.push(
      carriesTheme(
        columns.offer ? sql.ref(columns.offer) : sql`NULL`,
        columns.call ? sql.ref(columns.call) : sql`NULL`,
        filters.theme,
      ),
    )
  }
  return sql.join(parts, sql` AND `)
}

/** The year of a moment in Swedish time: at New Year Stockholm is always UTC+1. */
export const yearOf = (column: string) =>
  sql`strftime('%Y', ${sql.ref(column)} + 3600, 'unixepoch')`

const zeros = (): StageCounts => ({ offers: 0, pilots: 0, calls: 0, awards: 0, references: 0 })

interface GroupRow {
  key: string
  stage: Stage
  count: number
}

/** Stage counts grouped by `group` over the filtered stage rows (`s`); theme joins the themes. */
async function stageCountsBy(
  db: DB,
  filters: AnalyticsFilters,
  group: 'county' | 'theme' | 'year' | 'all',
) {
  const where = filterSql(filters, {
    county: 's.county_code',
    offer: 's.offer_id',
    call: 's.call_id',
  })
  if (group === 'theme') {
    // An item counts once under each of its themes (its offer's, or its call's).
    const { rows } = await sql<GroupRow>`
      SELECT theme AS key, stage, COUNT(*) AS count FROM (
        SELECT t.theme_code AS theme, s.stage FROM (${STAGE_SQL}) s
          JOIN test_bed_offer_themes t ON t.offer_id = s.offer_id WHERE ${where}
        UNION ALL
        SELECT t.theme_code, s.stage FROM (${STAGE_SQL}) s
          JOIN call_themes t ON t.call_id = s.call_id WHERE ${where}
      ) GROUP BY theme, stage`.execute(db)
    return rows
  }
  const key =
    group === 'county' ? sql`s.county_code` : group === 'year' ? yearOf('s.at') : sql`'all'`
  const { rows } = await sql<GroupRow>`
    SELECT ${key} AS key, s.stage, COUNT(*) AS count
    FROM (${STAGE_SQL}) s WHERE ${where}
    GROUP BY 1, 2`.execute(db)
  return rows
}

function pivot(rows: readonly GroupRow[]): Map<string, StageCounts> {
  const byKey = new Map<string, StageCounts>()
  for (const row of rows) {
    const counts = byKey.get(row.key) ?? zeros()
    counts[row.stage] = row.count
    byKey.set(row.key, counts)
  }
  return byKey
}

/**
 * The links between stages, each of the earlier stage's filtered items:
 * - offersWithPilot: published offers with at least one pilot;
 * - pilotsBuiltOn: pilots a published call names as what it builds on (its disclosed background);
 * - awardableCalls: published calls that can end in an award (every procedure but market dialogue);
 * - awardsWithReference: awarded calls with a published reference case from the award.
 */
async function links(db: DB, filters: AnalyticsFilters) {
  const offers = filterSql(filters, { county: 'o.county_code', offer: 'o.id', call: null })
  const calls = filterSql(filters, { county: 'c.county_code', offer: null, call: 'c.id' })
  const { rows } = await sql<{
    offersWithPilot: number
    pilotsBuiltOn: number
    awardableCalls: number
    awardsWithReference: number
  }>`SELECT
    (SELECT COUNT(*) FROM test_bed_offers o WHERE o.published_at IS NOT NULL AND ${offers}
      AND EXISTS (SELECT 1 FROM pilots p WHERE p.offer_id = o.id)) AS offersWithPilot,
    (SELECT COUNT(*) FROM pilots p JOIN test_bed_offers o ON o.id = p.offer_id WHERE ${offers}
      AND EXISTS (SELECT 1 FROM call_links l JOIN calls lc ON lc.id = l.call_id
        WHERE l.pilot_id = p.id AND lc.published_at IS NOT NULL)) AS pilotsBuiltOn,
    (SELECT COUNT(*) FROM calls c WHERE c.published_at IS NOT NULL
      AND c.procedure <> 'market_dialogue' AND ${calls}) AS awardableCalls,
    (SELECT COUNT(*) FROM calls c WHERE c.status = 'awarded' AND ${calls}
      AND EXISTS (SELECT 1 FROM reference_cases r WHERE r.call_id = c.id
        AND r.status = 'published')) AS awardsWithReference`.execute(db)
  return rows[0]!
}

export interface Conversion {
  from: Stage
  to: Stage
  /** How many of `of` went on (see `links`); the share is part / of, none when `of` is 0. */
  part: number
  of: number
}

export interface MedianRow {
  key: string
  /** Awarded calls the median is over. */
  calls: number
  /** Median days from publication to the award decision. */
  days: number
}

/**
 * The median number of days from a call's publication to its award decision, over awarded calls,
 * per county, per year of the award, or over all — the middle value (the mean of the two middle
 * ones for an even count), ranked by a window function.
 */
async function medianDaysBy(db: DB, filters: AnalyticsFilters, group: 'county' | 'year' | 'all') {
  const where = filterSql(filters, { county: 'c.county_code', offer: null, call: 'c.id' })
  const key =
    group === 'county' ? sql`c.county_code` : group === 'year' ? yearOf('c.decided_at') : sql`'all'`
  const { rows } = await sql<MedianRow>`
    WITH d AS (
      SELECT ${key} AS key, (c.decided_at - c.published_at) / 86400.0 AS days,
        ROW_NUMBER() OVER (PARTITION BY ${key} ORDER BY c.decided_at - c.published_at) AS rn,
        COUNT(*) OVER (PARTITION BY ${key}) AS n
      FROM calls c WHERE c.status = 'awarded' AND ${where}
    )
    SELECT key, n AS calls, AVG(days) AS days FROM d
    WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY key, n ORDER BY key`.execute(db)
  return rows
}

export interface PipelineData {
  totals: StageCounts
  conversions: Conversion[]
  median: MedianRow | null
  counties: Array<{ code: string; name: string; counts: StageCounts; median: MedianRow | null }>
  themes: Array<{ code: string; name: string; counts: StageCounts }>
  years: Array<{ year: string; counts: StageCounts; median: MedianRow | null }>
}

/** The pipeline with its conversions, per county, per theme and per year, for the filters. */
export async function getPipeline(
  db: DB,
  filters: AnalyticsFilters,
  names: {
    counties: readonly { code: string; name: string }[]
    themes: readonly { code: string; name: string }[]
  },
): Promise<PipelineData> {
  const [all, byCounty, byTheme, byYear, link, medianAll, medianCounty, medianYear] =
    await Promise.all([
      stageCountsBy(db, filters, 'all'),
      stageCountsBy(db, filters, 'county'),
      stageCountsBy(db, filters, 'theme'),
      stageCountsBy(db, filters, 'year'),
      links(db, filters),
      medianDaysBy(db, filters, 'all'),
      medianDaysBy(db, filters, 'county'),
      medianDaysBy(db, filters, 'year'),
    ])
  const totals = pivot(all).get('all') ?? zeros()
  const counties = pivot(byCounty)
  const themes = pivot(byTheme)
  const years = pivot(byYear)
  const countyMedians = new Map(medianCounty.map((m) => [m.key, m]))
  const yearMedians = new Map(medianYear.map((m) => [m.key, m]))
  return {
    totals,
    conversions: [
      { from: 'offers', to: 'pilots', part: link.offersWithPilot, of: totals.offers },
      { from: 'pilots', to: 'calls', part: link.pilotsBuiltOn, of: totals.pilots },
      { from: 'calls', to: 'awards', part: totals.awards, of: link.awardableCalls },
      { from: 'awards', to: 'references', part: link.awardsWithReference, of: totals.awards },
    ],
    median: medianAll[0] ?? null,
    // Every county (zeros too) unless one is chosen; every theme unless one is chosen.
    counties: names.counties
      .filter((c) => !filters.county || c.code === filters.county)
      .map((c) => ({
        code: c.code,
        name: c.name,
        counts: counties.get(c.code) ?? zeros(),
        median: countyMedians.get(c.code) ?? null,
      })),
    themes: names.themes
      .filter((t) => !filters.theme || t.code === filters.theme)
      .map((t) => ({ code: t.code, name: t.name, counts: themes.get(t.code) ?? zeros() })),
    years: [...years.keys()]
      .sort()
      .map((year) => ({ year, counts: years.get(year)!, median: yearMedians.get(year) ?? null })),
  }
}
