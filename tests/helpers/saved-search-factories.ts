import type { DB } from '#db/connection'
import type { SavedSearchInput } from '~/models/saved-searches.server'
import { createSavedSearch } from '~/models/saved-searches.server'

// Saved searches for tests (issue 16 part 2): every criterion empty, all three kinds.

export const EMPTY_SEARCH: SavedSearchInput = {
  name: 'Bevakning',
  kinds: ['test_bed', 'call', 'initiative'],
  themes: [],
  cpv_codes: [],
  county_code: null,
  municipality_code: null,
  procedure: null,
  trl_min: null,
  trl_max: null,
  query: '',
}

/** A saved search of `userId` with `criteria` over the empty one; returns its id. */
export function saveSearch(db: DB, userId: number, criteria: Partial<SavedSearchInput> = {}) {
  return createSavedSearch(db, { userId, input: { ...EMPTY_SEARCH, ...criteria } })
}
