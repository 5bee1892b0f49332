import { z } from 'zod'
import { countyFilter, filtersHref, pageFilter } from '~/components/catalogue/filters'

// Client-safe: the search page's GET parameters (issue 16 part 5, decision record 036). A value
// that makes no sense is ignored rather than refused, so a stale or hand-edited address still
// answers. The text itself is never refused: app/utils/search-query.ts cleans and caps it.

export const SEARCH_KIND_VALUES = [
  'test_bed',
  'call',
  'reference',
  'organisation',
  'initiative',
] as const

/** Every status a public document can have (test beds, calls, references, initiatives). */
export const SEARCH_STATUS_VALUES = [
  'published',
  'paused',
  'closed',
  'opened',
  'evaluated',
  'awarded',
  'unsuccessful',
  'cancelled',
  'concluded',
  'idea',
  'planned',
  'active',
  'finished',
] as const

export const SEARCH_PROCEDURE_VALUES = [
  'market_dialogue',
  'open',
  'innovation_partnership',
  'pcp',
] as const

export const searchFiltersSchema = z.object({
  // Long input is cut (and the page says so) rather than refused; 2 000 characters is what the
  // address may carry before we even look.
  q: z.string().max(2000).optional().catch(undefined),
  kind: z.enum(SEARCH_KIND_VALUES).optional().catch(undefined),
  theme: z
    .string()
    .regex(/^[a-z_]{2,40}$/)
    .optional()
    .catch(undefined),
  county: countyFilter,
  status: z.enum(SEARCH_STATUS_VALUES).optional().catch(undefined),
  procedure: z.enum(SEARCH_PROCEDURE_VALUES).optional().catch(undefined),
  page: pageFilter,
})
export type SearchFilterValues = z.infer<typeof searchFiltersSchema>

export const SEARCH_KEYS = ['q', 'kind', 'theme', 'county', 'status', 'procedure'] as const

/** The stable address of a search, its filters and a page (page 1 and unset filters left out). */
export function searchHref(filters: SearchFilterValues, page = 1): string {
  return filtersHref('/search', SEARCH_KEYS, filters, page)
}
