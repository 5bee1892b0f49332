import { z } from 'zod'
import { ACCESS_MODELS } from '~/domain/vocabularies'
import { catalogueFilters, filtersHref, flagFilter } from '~/components/catalogue/filters'

/** The catalogue's GET filters. A value that makes no sense is ignored rather than refused. */
export const catalogueFiltersSchema = z.object({
  ...catalogueFilters,
  trl: z.coerce.number().int().min(1).max(9).optional().catch(undefined),
  access: z.enum(ACCESS_MODELS).optional().catch(undefined),
  open: flagFilter,
  past: flagFilter,
})
export type CatalogueFilterValues = z.infer<typeof catalogueFiltersSchema>

export const FILTER_KEYS = ['q', 'theme', 'county', 'trl', 'access', 'open', 'past'] as const

/** The query string for a set of filters and a page (page 1 is left out). */
export function catalogueHref(filters: CatalogueFilterValues, page = 1): string {
  return filtersHref('/test-beds', FILTER_KEYS, filters, page)
}
