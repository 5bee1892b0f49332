import type { Generated } from 'kysely'
import type { SizeClass } from './schema-accounts'

// Broadcast outreach to companies (migration 2026-12-07-15-outreach, decision record 032).

/** A company's choice to receive no outreach; written by its own members. */
export interface CompanyOutreachSettingsTable {
  company_id: number
  opted_out: number
  updated_at: number
  updated_by: number
}

/**
 * One message to every company matching its criteria; the database fills the recipients and the
 * counts and seals the row in the statement that inserts it. Criteria are JSON arrays.
 */
export interface OutreachesTable {
  id: Generated<number>
  organisation_id: number
  subject: string
  body: string
  /** JSON array of SizeClass, at least one. */
  size_classes: string
  /** JSON array of sector codes; empty: every sector. */
  sector_codes: string
  /** Null: every county. */
  county_code: string | null
  /** JSON array of municipality codes in the county; empty: the whole county. */
  municipality_codes: string
  /** JSON array of theme codes; empty: no theme criterion (migration 2026-12-07-19). */
  theme_codes: Generated<string>
  matched_count: Generated<number>
  opted_out_count: Generated<number>
  recipient_count: Generated<number>
  sealed: Generated<number>
  sent_by: number
  sent_at: number
}

/** A company an outreach reached; written only by the database. */
export interface OutreachRecipientsTable {
  outreach_id: number
  company_id: number
}

export interface OutreachCriteria {
  size_classes: SizeClass[]
  sector_codes: string[]
  county_code: string | null
  municipality_codes: string[]
  /** A company matches when it is interested in at least one; empty: every company. */
  theme_codes: string[]
}

/**
 * A company's interest in a theme (migration 2026-12-07-19-company-themes): written only by its
 * members, never deleted; interested = 0 withdraws it.
 */
export interface CompanyThemeInterestsTable {
  company_id: number
  theme_code: string
  interested: number
  updated_at: number
  updated_by: number
}
