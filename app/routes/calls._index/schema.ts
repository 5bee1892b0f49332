import { z } from 'zod'
import { PROCEDURES } from '~/domain/vocabularies'
import { catalogueFilters, filtersHref, flagFilter } from '~/components/catalogue/filters'

// Client-safe: the list's GET filters. A value that makes no sense is ignored rather than refused.

export const CALL_STATUS_FILTERS = ['open', 'closed', 'awarded', 'cancelled', 'all'] as const

export const callFiltersSchema = z.object({
  ...catalogueFilters,
  procedure: z.enum(PROCEDURES).optional().catch(undefined),
  // A CPV code or its first digits (a check digit "-5" is dropped).
  cpv: z
    .string()
    .trim()
    .transform((v) => v.replace(/-\d$/u, ''))
    .pipe(z.string().regex(/^\d{2,8}$/))
    .optional()
    .catch(undefined),
  status: z.enum(CALL_STATUS_FILTERS).optional().catch(undefined),
  closing: flagFilter,
})
export type CallFilterValues = z.infer<typeof callFiltersSchema>

export const FILTER_KEYS = [
  'q',
  'procedure',
  'theme',
  'cpv',
  'county',
  'status',
  'closing',
] as const

/** The query string for a set of filters and a page (page 1 is left out). */
export function callsHref(filters: CallFilterValues, page = 1): string {
  return filtersHref('/calls', FILTER_KEYS, filters, page)
}
