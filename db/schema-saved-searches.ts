import type { Generated } from 'kysely'
import type { Procedure } from './schema-calls'

// Saved searches as alerts (migration 2026-12-07-23-saved-searches, decision record 037).

/** A person's saved criteria; null or empty is no criterion of that kind. */
export interface SavedSearchesTable {
  id: Generated<number>
  user_id: number
  name: string
  for_test_beds: number
  for_calls: number
  for_initiatives: number
  county_code: string | null
  municipality_code: string | null
  /** Applies to calls only. */
  procedure: Procedure | null
  /** Applies to test beds only: an offer whose TRL range overlaps this one matches. */
  trl_min: number | null
  trl_max: number | null
  /** The free text as typed; its folded words are in saved_search_terms. */
  query: Generated<string>
  created_at: number
  updated_at: number
}

export interface SavedSearchThemesTable {
  saved_search_id: number
  theme_code: string
}

/** A saved CPV code covers itself and every code below it. */
export interface SavedSearchCpvCodesTable {
  saved_search_id: number
  cpv_code: string
}

/** One folded word of the free text (lower case, no diacritics). */
export interface SavedSearchTermsTable {
  saved_search_id: number
  term: string
}

export type SavedSearchItemKind = 'test_bed' | 'call' | 'initiative'

/** Append-only: each item a saved search matched, once. */
export interface SavedSearchMatchesTable {
  id: Generated<number>
  saved_search_id: number
  item_kind: SavedSearchItemKind
  item_id: number
  matched_at: number
}
