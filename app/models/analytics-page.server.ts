import type { DB } from '#db/connection'
import type { Locale } from '~/i18n/locales'
import { getCompanyFigures } from './analytics-companies.server'
import { type AnalyticsFilters, getPipeline } from './analytics.server'
import { now } from '~/utils/clock.server'
import { getThemeAndCountyOptions } from './reference.server'

// Everything the analytics page and its CSV download show (decision record 034), for filters a
// visitor chose: a county or theme that does not exist is dropped, so the figures never pretend
// to be about it.

async function computeAnalytics(db: DB, requested: AnalyticsFilters, locale: Locale) {
  const options = await getThemeAndCountyOptions(db, locale)
  const filters: AnalyticsFilters = {
    county: options.counties.some((c) => c.code === requested.county)
      ? requested.county
      : undefined,
    theme: options.themes.some((t) => t.code === requested.theme) ? requested.theme : undefined,
  }
  const [pipeline, companies] = await Promise.all([
    getPipeline(db, filters, options),
    getCompanyFigures(db, filters),
  ])
  const total = Object.values(pipeline.totals).reduce((sum, n) => sum + n, 0)
  return { filters, options, pipeline, companies, empty: total === 0 }
}

// The figures walk every published offer, call and reference of the selection: about 300 ms at
// 100,000 offers, too much for every visit to a public page. They are kept per selection and
// language until the database logs a status change (a publication, an application, a bid, an
// opening, an award, a reference: status_log's newest id, read through its primary key) or for
// five minutes at most, which also covers what changes without a status (themes, size classes).
const FRESH_SECONDS = 300
const KEPT = 200
const kept = new WeakMap<DB, Map<string, { version: number; at: number; data: Analytics }>>()
type Analytics = Awaited<ReturnType<typeof computeAnalytics>>

export async function getAnalytics(
  db: DB,
  requested: AnalyticsFilters,
  locale: Locale,
): Promise<Analytics> {
  const { version } = await db
    .selectFrom('status_log')
    .select((eb) => eb.fn.max('id').as('version'))
    .executeTakeFirstOrThrow()
  const at = now()
  const key = JSON.stringify([requested.county ?? null, requested.theme ?? null, locale])
  let forDb = kept.get(db)
  if (!forDb) kept.set(db, (forDb = new Map()))
  const hit = forDb.get(key)
  if (hit && hit.version === (version ?? 0) && at - hit.at < FRESH_SECONDS) return hit.data
  const data = await computeAnalytics(db, requested, locale)
  forDb.delete(key)
  forDb.set(key, { version: version ?? 0, at, data })
  if (forDb.size > KEPT) forDb.delete(forDb.keys().next().value!)
  return data
}
export type AnalyticsData = Awaited<ReturnType<typeof getAnalytics>>
