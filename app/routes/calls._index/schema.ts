import { z } from 'zod'
import { PROCEDURES } from '#db/schema'

// Client-safe: the list's GET filters. A value that makes no sense is ignored rather than refused.

export const CALL_STATUS_FILTERS = ['open', 'closed', 'awarded', 'cancelled', 'all'] as const

const flag = z
  .enum(['1', 'on', 'true'])
  .transform(() => true)
  .optional()
  .catch(undefined)

export const callFiltersSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  procedure: z.enum(PROCEDURES).optional().catch(undefined),
  theme: z
    .string()
    .regex(/^[a-z_]{2,40}$/)
    .optional()
    .catch(undefined),
  // A CPV code or its first digits (a check digit "-5" is dropped).
  cpv: z
    .string()
    .trim()
    .transform((v) => v.replace(/-\d$/u, ''))
    .pipe(z.string().regex(/^\d{2,8}$/))
    .optional()
    .catch(undefined),
  county: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .catch(undefined),
  status: z.enum(CALL_STATUS_FILTERS).optional().catch(undefined),
  closing: flag,
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
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
  const params = new URLSearchParams()
  for (const key of FILTER_KEYS) {
    const value = filters[key]
    if (value === undefined || value === '' || value === false) continue
    params.set(key, value === true ? '1' : String(value))
  }
  if (page > 1) params.set('page', String(page))
  const query = params.toString()
  return query ? `/calls?${query}` : '/calls'
}
