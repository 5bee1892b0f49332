import { z } from 'zod'
import { SIZE_CLASSES } from '~/domain/vocabularies'
import { catalogueFilters, filtersHref } from '~/components/catalogue/filters'
import { slugSchema } from '~/utils/slug'

// Client-safe: the gallery's GET filters. A value that makes no sense is ignored rather than
// refused, as on the test-bed catalogue and the call list.

export const referenceFiltersSchema = z.object({
  ...catalogueFilters,
  publicBody: slugSchema.optional().catch(undefined),
  company: slugSchema.optional().catch(undefined),
  size: z.enum(SIZE_CLASSES).optional().catch(undefined),
  year: z.coerce.number().int().min(2020).max(2100).optional().catch(undefined),
})
export type ReferenceFilterValues = z.infer<typeof referenceFiltersSchema>

export const FILTER_KEYS = [
  'q',
  'theme',
  'county',
  'publicBody',
  'company',
  'size',
  'year',
] as const

/** The query string for a set of filters and a page (page 1 is left out). */
export function referencesHref(filters: ReferenceFilterValues, page = 1): string {
  return filtersHref('/references', FILTER_KEYS, filters, page)
}
