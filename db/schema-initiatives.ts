import type { ColumnType, Generated } from 'kysely'
import type { Defaulted } from './schema-columns'

// The initiatives register (migration 2026-12-07-10-initiatives, decision record 027).

export type InitiativeKind =
  'programme' | 'project' | 'planned_call' | 'planned_test_bed' | 'event_series'
export type InitiativeStatus = 'idea' | 'planned' | 'active' | 'finished'
export type BudgetBand = 'undecided' | 'under_1m' | '1m_5m' | '5m_20m' | '20m_100m' | 'over_100m'
export type CoOwnerState = 'pending' | 'accepted' | 'declined'

/** An initiative of a verified public body or intermediary; its status only moves forward. */
export interface InitiativesTable {
  id: Generated<number>
  organisation_id: number
  kind: InitiativeKind
  title: string
  summary: string
  description: Defaulted<string>
  status: ColumnType<InitiativeStatus, InitiativeStatus | undefined, InitiativeStatus>
  /** YYYY-MM-DD (a calendar date, no time zone). */
  starts_on: string | null
  ends_on: string | null
  budget_band: Defaulted<BudgetBand>
  contact_role: string
  /** A functional address (e.g. aldrande@…), never a private person's phone. */
  contact_email: string
  created_at: number
  created_by: number
  updated_at: number
  updated_by: number
}

export interface InitiativeThemesTable {
  initiative_id: number
  theme_code: string
}
export interface InitiativeCpvCodesTable {
  initiative_id: number
  cpv_code: string
}
export interface InitiativeSizeClassesTable {
  initiative_id: number
  size_class: 'micro' | 'small' | 'medium' | 'large'
}
export interface InitiativeSectorsTable {
  initiative_id: number
  sector_code: string
}
export interface InitiativeCountiesTable {
  initiative_id: number
  county_code: string
}
export interface InitiativeMunicipalitiesTable {
  initiative_id: number
  municipality_code: string
}

/** A request to co-own, decided once by the owner. */
export interface InitiativeCoOwnersTable {
  initiative_id: number
  organisation_id: number
  state: Defaulted<CoOwnerState>
  requested_at: number
  requested_by: number
  decided_at: number | null
  decided_by: number | null
  decline_reason: string | null
}

/** The trigram full-text index over initiatives (2026-12-07-11); its rowid is the initiative's id. */
export interface InitiativesFtsTable {
  rowid: number
  title: string
  summary: string
  description: string
}
