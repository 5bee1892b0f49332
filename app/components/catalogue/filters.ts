import { z } from 'zod'

// Client-safe: what the public lists' GET filters share (each route's schema.ts adds its own).
// A value that makes no sense is ignored rather than refused, so a stale or hand-edited address
// still shows a list.

/** A ticked checkbox ("1", "on" or "true"); anything else is no filter. */
export const flagFilter = z
  .enum(['1', 'on', 'true'])
  .transform(() => true)
  .optional()
  .catch(undefined)

const searchFilter = z.string().trim().max(200).optional().catch(undefined)

const themeFilter = z
  .string()
  .regex(/^[a-z_]{2,40}$/)
  .optional()
  .catch(undefined)

export const countyFilter = z
  .string()
  .regex(/^\d{2}$/)
  .optional()
  .catch(undefined)

export const pageFilter = z.coerce.number().int().min(1).max(100_000).optional().catch(undefined)

/** The filters every catalogue has: a search, a theme, a county and the page. */
export const catalogueFilters = {
  q: searchFilter,
  theme: themeFilter,
  county: countyFilter,
  page: pageFilter,
}

type FilterValues<Key extends string> = Partial<Record<Key, string | number | boolean | undefined>>

/** Whether any of the filters is set (the page then offers to clear them). */
export function isFiltered<Key extends string>(keys: readonly Key[], filters: FilterValues<Key>) {
  return keys.some((key) => filters[key] !== undefined)
}

/** A list's address for a set of filters and a page: unset filters and page 1 are left out. */
export function filtersHref<Key extends string>(
  path: string,
  keys: readonly Key[],
  filters: FilterValues<Key>,
  page = 1,
): string {
  const params = new URLSearchParams()
  for (const key of keys) {
    const value = filters[key]
    if (value === undefined || value === '' || value === false) continue
    params.set(key, value === true ? '1' : String(value))
  }
  if (page > 1) params.set('page', String(page))
  const query = params.toString()
  return query ? `${path}?${query}` : path
}
