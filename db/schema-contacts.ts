import type { ColumnType, Generated } from 'kysely'
import type { Defaulted } from './schema-columns'

// The company contact ledger (migration 2026-12-07-12-contact-ledger, decision record 029).

export type ContactKind = 'visit' | 'demo' | 'dialogue_meeting' | 'pilot_talk' | 'event'
export type PreferredChannel = 'no_preference' | 'through_intermediary' | 'testarena_only'

/** One approach of a company by a verified public body or intermediary; append-only. */
export interface CompanyContactsTable {
  id: Generated<number>
  author_organisation_id: number
  company_id: number
  /** YYYY-MM-DD (a calendar date, no time zone). */
  contacted_on: string
  kind: ContactKind
  purpose: string
  initiative_id: number | null
  recorded_by: number
  recorded_at: number
  /** When the recorder acknowledged the company's recent contacts and preference. */
  acknowledged_at: number
  revision: ColumnType<number, number | undefined, number>
  corrected_at: number | null
  corrected_by: number | null
}

/** A replaced revision of a contact, written by the database on each correction. */
export interface CompanyContactRevisionsTable {
  contact_id: number
  revision: number
  contacted_on: string
  kind: ContactKind
  purpose: string
  written_at: number
  written_by: number
  replaced_at: number
}

/** A company's own choice: share its contacts, and how it prefers to be approached. */
export interface CompanyContactSettingsTable {
  company_id: number
  share_contacts: Defaulted<number>
  preferred_channel: Defaulted<PreferredChannel>
  preference_note: Defaulted<string>
  not_before: string | null
  updated_at: number
  updated_by: number
}

/** A contact as disclosed in a call's market-dialogue disclosure; copied by the database. */
export interface CallContactDisclosuresTable {
  call_id: number
  contact_id: number
  company_id: number
  author_organisation_id: number
  contacted_on: string
  kind: ContactKind
  purpose: string
  disclosed_at: number
}
