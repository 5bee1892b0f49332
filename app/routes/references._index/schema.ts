import { z } from 'zod'
import { SIZE_CLASSES } from '#db/schema'
import { slugSchema } from '~/utils/slug'

// Client-safe: the gallery's GET filters. A value that makes no sense is ignored rather than
// refused, as on the test-bed catalogue and the call list.

export const referenceFiltersSchema = z.object({
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
  publicBody: slugSchema.optional().catch(undefined),
  company: slugSchema.optional().catch(undefined),
  size: z.enum(SIZE_CLASSES).optional().catch(undefined),
  year: z.coerce.number().int().min(2020).max(2100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
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
  const params = new URLSearchParams()
  for (const key of FILTER_KEYS) {
    const value = filters[key]
    if (value === undefined || value === '') continue
    params.set(key, String(value))
  }
  if (page > 1) params.set('page', String(page))
  const query = params.toString()
  return query ? `/references?${query}` : '/references'
}
