import { z } from 'zod'
import { catalogueFilters, filtersHref } from '~/components/catalogue/filters'
import type { InitiativeStatus } from '#db/schema'

// Client-safe: the overview's GET filters and views. A value that makes no sense is ignored rather
// than refused, so a stale or hand-edited address still shows the overview.

/** The statuses, in the order an initiative moves through them. */
export const INITIATIVE_STATUSES = [
  'idea',
  'planned',
  'active',
  'finished',
] as const satisfies readonly InitiativeStatus[]

export const OVERVIEW_VIEWS = ['list', 'timeline', 'counties'] as const
export type OverviewView = (typeof OVERVIEW_VIEWS)[number]

/** The kinds of organisation that own initiatives (decision record 027). */
export const OWNER_KINDS = ['public_body', 'intermediary'] as const

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(v).toISOString().startsWith(v),
  )
  .optional()
  .catch(undefined)

export const overviewFiltersSchema = z.object({
  ...catalogueFilters,
  // A CPV code or its first digits (a check digit "-5" is dropped), as in the call list.
  cpv: z
    .string()
    .trim()
    .transform((v) => v.replace(/-\d$/u, ''))
    .pipe(z.string().regex(/^\d{2,8}$/))
    .optional()
    .catch(undefined),
  municipality: z
    .string()
    .regex(/^\d{4}$/)
    .optional()
    .catch(undefined),
  status: z.enum(INITIATIVE_STATUSES).optional().catch(undefined),
  owner: z.enum(OWNER_KINDS).optional().catch(undefined),
  from: day,
  to: day,
  view: z.enum(OVERVIEW_VIEWS).optional().catch(undefined),
})
export type OverviewFilterValues = z.infer<typeof overviewFiltersSchema>

/** The filters, in the order the address lists them (the view comes first). */
export const FILTER_KEYS = [
  'view',
  'q',
  'theme',
  'cpv',
  'county',
  'municipality',
  'status',
  'owner',
  'from',
  'to',
] as const

/** The keys that narrow the list (the view only shows it another way). */
export const NARROWING_KEYS = FILTER_KEYS.filter((key) => key !== 'view')

/** The overview's stable address for a set of filters, a view and a page (defaults left out). */
export function overviewHref(filters: OverviewFilterValues, page = 1): string {
  const view = filters.view === 'list' ? undefined : filters.view
  return filtersHref('/initiatives', FILTER_KEYS, { ...filters, view }, page)
}
