import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { Bool, Defaulted } from './schema-columns'

// Test beds, applications and pilots (migration 2026-11-25-02-test-beds and later).

export interface ThemesTable {
  code: string
  position: number
  name_sv: string
  name_en: string
}

export type OfferStatus = 'draft' | 'published' | 'paused' | 'closed' | 'archived'
export type Intake = 'rolling' | 'round'
export type AccessModel = 'free' | 'cost_sharing' | 'paid'
export type CriterionKind = 'score' | 'pass_fail'

/** A test-bed offer. A round-intake offer is one round: a new round is a new offer. */
export interface TestBedOffersTable {
  id: Generated<number>
  organisation_id: number
  /** The initiative it belongs to (migration 2026-12-07-10-initiatives). */
  initiative_id: Defaulted<number | null>
  status: ColumnType<OfferStatus, OfferStatus | undefined, OfferStatus>
  title: string
  summary: string
  description: string
  county_code: string
  municipality_code: string | null
  places: Defaulted<string>
  environments: Defaulted<string>
  test_users: Defaulted<string>
  test_user_count: number | null
  staff_time: Defaulted<string>
  data_access: Defaulted<string>
  premises: Defaulted<string>
  equipment: Defaulted<string>
  trl_min: number
  trl_max: number
  requires_ce_marking: Defaulted<Bool>
  requires_dpia: Defaulted<Bool>
  requires_insurance: Defaulted<Bool>
  other_requirements: Defaulted<string>
  capacity: number
  available_from: number
  available_until: number | null
  intake: Intake
  /** Round intake only: applications must be submitted before this instant. */
  deadline: number | null
  access_model: AccessModel
  market_value_sek: number
  price_sek: number
  contact_role: string
  contact_email: string
  /** Set with every edit of a published offer; the history trigger copies it. */
  change_note: string | null
  created_by: number
  updated_by: number
  created_at: number
  updated_at: number
  published_at: number | null
  closed_at: number | null
}
export type TestBedOffer = Selectable<TestBedOffersTable>
export type NewTestBedOffer = Insertable<TestBedOffersTable>
export type TestBedOfferUpdate = Updateable<TestBedOffersTable>

export interface TestBedOfferThemesTable {
  offer_id: number
  theme_code: string
}

export interface TestBedOfferVersionsTable {
  id: Generated<number>
  offer_id: number
  version: number
  at: number
  changed_by: number
  change_note: string | null
  snapshot_json: string
}

export interface TestBedCriteriaTable {
  id: Generated<number>
  offer_id: number
  position: number
  title: string
  description: Defaulted<string>
  kind: CriterionKind
}
export type TestBedCriterion = Selectable<TestBedCriteriaTable>

/** FTS5 external-content index over test_bed_offers (trigram tokens); rowid = offer id. */
export interface TestBedOffersFtsTable {
  rowid: number
  title: string
  summary: string
  description: string
  places: string
  environments: string
  test_users: string
}

export type ApplicationStatus = 'draft' | 'submitted' | 'withdrawn' | 'accepted' | 'declined'

export interface PilotApplicationsTable {
  id: Generated<number>
  offer_id: number
  company_id: number
  status: ColumnType<ApplicationStatus, ApplicationStatus | undefined, ApplicationStatus>
  product_name: Defaulted<string>
  product_description: Defaulted<string>
  trl: number | null
  test_goals: Defaulted<string>
  proposed_start: number | null
  proposed_end: number | null
  test_user_count: number | null
  test_user_description: Defaulted<string>
  data_needs: Defaulted<string>
  contribution: Defaulted<string>
  declares_requirements: Defaulted<Bool>
  declares_no_conflict: Defaulted<Bool>
  created_by: number
  created_at: number
  updated_at: number
  submitted_at: number | null
  submitted_by: number | null
  receipt_hash: string | null
  withdrawn_at: number | null
  decided_at: number | null
  decided_by: number | null
  decision_reason: string | null
  /** Set with an acceptance; the database then creates the pilot. */
  pilot_starts_on: number | null
  pilot_ends_on: number | null
}
export type PilotApplication = Selectable<PilotApplicationsTable>

export interface PilotApplicationScoresTable {
  application_id: number
  criterion_id: number
  /** 0–5 for a 'score' criterion, else null. */
  score: number | null
  /** 0/1 for a 'pass_fail' criterion, else null. */
  met: Bool | null
  comment: Defaulted<string>
  scored_by: number
  scored_at: number
}

export type PilotStatus = 'active' | 'completed'

export interface PilotsTable {
  id: Generated<number>
  application_id: number
  offer_id: number
  company_id: number
  host_id: number
  status: ColumnType<PilotStatus, PilotStatus | undefined, PilotStatus>
  starts_on: number
  ends_on: number
  created_at: number
  completed_at: number | null
}
export type Pilot = Selectable<PilotsTable>

/** Written only by the database when a pilot is created below market price. */
export interface StateAidLedgerTable {
  id: Generated<number>
  company_id: number
  pilot_id: number
  offer_id: number
  host_id: number
  market_value_sek: number
  price_sek: number
  aid_sek: number
  granted_at: number
}

export interface PilotMessagesTable {
  id: Generated<number>
  pilot_id: number
  organisation_id: number
  author_id: number
  body: string
  created_at: number
}

export interface PilotMessageHoldsTable {
  message_id: number
  call_id: number
}

export interface PilotMessagesVisibleView extends Omit<PilotMessagesTable, 'id'> {
  id: number
  held: 0 | 1
}

export interface StatusLogTable {
  id: Generated<number>
  entity_type: string
  entity_id: number
  from_status: string | null
  to_status: string
  actor_user_id: number | null
  at: Generated<number>
}

export interface PilotReportsTable {
  pilot_id: number
  what_tested: string
  with_whom: string
  results: string
  recommendations: string
  author_id: number
  submitted_at: number
  response: string | null
  responded_by: number | null
  responded_at: number | null
}
