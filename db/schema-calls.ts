import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { Bool, Defaulted } from './schema-columns'

// Innovation procurement calls and sealed bids (migration 2026-11-25-03-calls and later).

export interface CpvCodesTable {
  code: string
  parent: string | null
  name_sv: string
  /** Null for the 38 codes without an English label; show the Swedish one. */
  name_en: string | null
}
export type CpvCode = Selectable<CpvCodesTable>

export type Procedure = 'market_dialogue' | 'open' | 'innovation_partnership' | 'pcp'
export type CallStatus =
  | 'draft'
  | 'published'
  | 'opened'
  | 'evaluated'
  | 'awarded'
  | 'unsuccessful'
  | 'cancelled'
  | 'concluded'

/** An innovation procurement call. "Closed" is not stored: it is published past its deadline. */
export interface CallsTable {
  id: Generated<number>
  organisation_id: number
  /** The initiative it belongs to (migration 2026-12-07-10-initiatives). */
  initiative_id: Defaulted<number | null>
  status: ColumnType<CallStatus, CallStatus | undefined, CallStatus>
  procedure: Procedure
  title: string
  summary: string
  need: string
  functional_requirements: Defaulted<Bool>
  novel_to_market: Defaulted<Bool>
  includes_rnd: Defaulted<Bool>
  estimated_value_sek: number | null
  max_winners: Defaulted<number>
  county_code: string
  municipality_code: string | null
  question_deadline: number
  tender_deadline: number
  standstill_days: Defaulted<number>
  /** Art. 41 disclosure: what earlier pilots or dialogue taught, published to all. */
  prior_involvement: Defaulted<string>
  created_by: number
  updated_by: number
  created_at: number
  updated_at: number
  published_at: number | null
  opened_at: number | null
  evaluated_at: number | null
  decided_at: number | null
  decided_by: number | null
  outcome_reason: string | null
  standstill_ends_at: number | null
  contract_signed_at: number | null
  contract_signed_by: number | null
}
export type Call = Selectable<CallsTable>
export type NewCall = Insertable<CallsTable>
export type CallUpdate = Updateable<CallsTable>

export interface CallThemesTable {
  call_id: number
  theme_code: string
}
export interface CallCpvCodesTable {
  call_id: number
  cpv_code: string
}
export interface CallLinksTable {
  id: Generated<number>
  call_id: number
  pilot_id: number | null
  linked_call_id: number | null
}
export interface CallInvolvedCompaniesTable {
  call_id: number
  organisation_id: number
  involvement: string
}

export interface CallAmendmentsTable {
  id: Generated<number>
  call_id: number
  number: number
  state: ColumnType<'open' | 'published', 'open' | undefined, 'open' | 'published'>
  summary: string
  /** The call's deadlines once this amendment is published. */
  question_deadline: number
  tender_deadline: number
  changes_terms: Defaulted<Bool>
  created_by: number
  created_at: number
  published_at: number | null
  published_by: number | null
}
export type CallAmendment = Selectable<CallAmendmentsTable>

export type CallCriterionKind = 'requirement' | 'criterion'
export interface CallCriteriaTable {
  id: Generated<number>
  call_id: number
  kind: CallCriterionKind
  position: number
  title: string
  description: Defaulted<string>
  /** 1–100 for a weighted criterion; null for a must-have. */
  weight: number | null
  added_in: number | null
  removed_in: number | null
}
export type CallCriterion = Selectable<CallCriteriaTable>

export interface CallDocumentsTable {
  id: Generated<number>
  call_id: number
  title: string
  file_name: string
  content_type: string
  extension: string
  size: number
  sha256: string
  uploaded_by: number
  created_at: number
  added_in: number | null
  removed_in: number | null
}
export type CallDocument = Selectable<CallDocumentsTable>

export interface CallDownloadsTable {
  call_id: number
  user_id: number
  first_at: number
}
export interface CallNotificationsTable {
  user_id: number
  event: string
  call_id: number
  created_at: number
}
export interface CallOutcomeRemindersTable {
  call_id: number
  last_sent_at: number
  count: number
}

export interface CallQuestionsTable {
  id: Generated<number>
  call_id: number
  /** Never shown to anyone. */
  asker_user_id: number
  body: string
  asked_at: number
}
export interface CallAnswersTable {
  id: Generated<number>
  call_id: number
  question_id: number | null
  /** The question as published (the buyer may remove what identifies the asker). */
  question_text: string | null
  body: string
  corrects_id: number | null
  published_by: number
  published_at: number
}

export type BidStatus = 'draft' | 'submitted' | 'needs_reconfirmation' | 'withdrawn'
export interface BidsTable {
  id: Generated<number>
  call_id: number
  company_id: number
  status: ColumnType<BidStatus, BidStatus | undefined, BidStatus>
  /** AES-256-GCM ciphertext (app/models/bid-seal.server.ts), bound to call and company. */
  sealed: Uint8Array
  /** SHA-256 hex of the canonical plaintext. */
  content_hash: string
  created_by: number
  created_at: number
  updated_by: number
  updated_at: number
  submitted_at: number | null
  submitted_by: number | null
  receipt_hash: string | null
  withdrawn_at: number | null
  /** Id of the key that sealed `sealed` (bid-seal.server.ts); NULL: sealed before key ids. */
  seal_key_id: string | null
}
export type Bid = Selectable<BidsTable>

/** Bids that could not be opened at the opening, and why (migration 2026-12-07-07). */
export interface BidSealFailuresTable {
  bid_id: number
  call_id: number
  problem: 'tampered' | 'content_mismatch'
  detected_at: number
}

export interface BidOpeningsTable {
  call_id: number
  opened_by: number
  opened_at: number
  record_json: string
}
export interface EvaluatorDeclarationsTable {
  call_id: number
  user_id: number
  declared_at: number
}
export interface BidScoresTable {
  bid_id: number
  criterion_id: number
  evaluator_id: number
  /** 0–10 on a weighted criterion; 1 (met) or 0 on a must-have. */
  score: number
  justification: string
  scored_at: number
}
export interface BidResultsView {
  bid_id: number
  call_id: number
  company_id: number
  passes: Bool
  score: number
}
export interface CallAwardsTable {
  call_id: number
  bid_id: number
  created_at: number
}
export interface CallsFtsTable {
  rowid: number
  title: string
  summary: string
  need: string
}
