import { z } from 'zod'
import { ORGANISATION_KINDS } from '~/domain/vocabularies'
import { countyFilter, filtersHref, pageFilter } from '~/components/catalogue/filters'

/** The directory's GET filters. A value that makes no sense is ignored rather than refused. */
export const filtersSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  kind: z.enum(ORGANISATION_KINDS).optional().catch(undefined),
  county: countyFilter,
  page: pageFilter,
})
export type DirectoryFilterValues = z.infer<typeof filtersSchema>

export const FILTER_KEYS = ['q', 'kind', 'county'] as const

/** The query string for a set of filters and a page (page 1 is left out). */
export function directoryHref(filters: DirectoryFilterValues, page = 1): string {
  return filtersHref('/organisations', FILTER_KEYS, filters, page)
}
