// Secret feed and calendar addresses (migration 2026-12-07-24-feed-tokens, decision record 038).

/** A person's calendar subscription: the SHA-256 (hex) of the secret in /calendar/<token>.ics. */
export interface CalendarTokensTable {
  user_id: number
  token_hash: string
  created_at: number
}

/** A saved search's Atom feed: the SHA-256 (hex) of the secret in its address. */
export interface SavedSearchFeedTokensTable {
  saved_search_id: number
  token_hash: string
  created_at: number
}
