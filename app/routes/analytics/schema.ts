import { z } from 'zod'
import { countyFilter, filtersHref } from '~/components/catalogue/filters'
import { TABLES } from './tables'

// Client-safe: the analytics page's GET filters (a county, a theme) and the CSV download's table.
// A value that makes no sense is ignored rather than refused, so a stale address still answers.

export const ANALYTICS_FILTER_KEYS = ['county', 'theme'] as const

export const analyticsFiltersSchema = z.object({
  county: countyFilter,
  theme: z
    .string()
    .regex(/^[a-z_]{2,40}$/)
    .optional()
    .catch(undefined),
})
export type AnalyticsFilterValues = z.infer<typeof analyticsFiltersSchema>

/** The CSV download asks for one table by name; an unknown name is a 404. */
export const csvTableSchema = z.enum(TABLES)

/** The page's stable address for a set of filters. */
export function analyticsHref(filters: AnalyticsFilterValues): string {
  return filtersHref('/analytics', ANALYTICS_FILTER_KEYS, filters)
}

/** The CSV download's address for a table and the filters. */
export function csvHref(table: string, filters: AnalyticsFilterValues): string {
  const params = new URLSearchParams({ table })
  for (const key of ANALYTICS_FILTER_KEYS) {
    const value = filters[key]
    if (value) params.set(key, value)
  }
  return `/analytics.csv?${params}`
}
