import { z } from 'zod'
import { ACCESS_MODELS } from '#db/schema'

const flag = z
  .enum(['1', 'on', 'true'])
  .transform(() => true)
  .optional()
  .catch(undefined)

/** The catalogue's GET filters. A value that makes no sense is ignored rather than refused. */
export const catalogueFiltersSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  theme: z
    .string()
    .regex(/^[a-z_]{2,40}$/)
    .optional()
    .catch(undefined),
  county: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .catch(undefined),
  trl: z.coerce.number().int().min(1).max(9).optional().catch(undefined),
  access: z.enum(ACCESS_MODELS).optional().catch(undefined),
  open: flag,
  past: flag,
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
})
export type CatalogueFilterValues = z.infer<typeof catalogueFiltersSchema>

export const FILTER_KEYS = ['q', 'theme', 'county', 'trl', 'access', 'open', 'past'] as const

/** The query string for a set of filters and a page (page 1 is left out). */
export function catalogueHref(filters: CatalogueFilterValues, page = 1): string {
  const params = new URLSearchParams()
  for (const key of FILTER_KEYS) {
    const value = filters[key]
    if (value === undefined || value === '' || value === false) continue
    params.set(key, value === true ? '1' : String(value))
  }
  if (page > 1) params.set('page', String(page))
  const query = params.toString()
  return query ? `/test-beds?${query}` : '/test-beds'
}
