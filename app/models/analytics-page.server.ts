import type { DB } from '#db/connection'
import type { Locale } from '~/i18n/locales'
import { getCompanyFigures } from './analytics-companies.server'
import { type AnalyticsFilters, getPipeline } from './analytics.server'
import { getThemeAndCountyOptions } from './reference.server'

// Everything the analytics page and its CSV download show (decision record 034), for filters a
// visitor chose: a county or theme that does not exist is dropped, so the figures never pretend
// to be about it.

export async function getAnalytics(db: DB, requested: AnalyticsFilters, locale: Locale) {
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
export type AnalyticsData = Awaited<ReturnType<typeof getAnalytics>>
