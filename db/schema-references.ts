import type { Generated, Selectable } from 'kysely'
import type { Bool, Defaulted, Locale } from './schema-columns'

// Reference cases and the good-examples competition (migration 2026-11-26-04-references).

export type ReferenceStatus = 'draft' | 'published' | 'withdrawn'

/** One measured result, stored in reference_cases.results_json (the DB checks the shape). */
export interface ReferenceResult {
  label_sv: string
  label_en: string | null
  value: number
  unit: string
  baseline: number | null
}

export interface ReferenceCasesTable {
  id: Generated<number>
  public_body_id: number
  company_id: number
  /** Exactly one of pilot_id (a completed pilot) and call_id (an award the company won). */
  pilot_id: number | null
  call_id: number | null
  status: Defaulted<ReferenceStatus>
  /** Grows by one on every edit of the text (the DB does it, and clears both approvals). */
  revision: Defaulted<number>
  title_sv: string
  summary_sv: string
  challenge_sv: string
  solution_sv: string
  deployment_sv: string
  participants_sv: string
  quote_sv: Defaulted<string>
  /** The English version: all of these are null, or none. */
  title_en: string | null
  summary_en: string | null
  challenge_en: string | null
  solution_en: string | null
  deployment_en: string | null
  participants_en: string | null
  quote_en: string | null
  quote_by_role: Defaulted<string>
  place: string
  started_on: number
  ended_on: number | null
  /** JSON array of ReferenceResult, at most 8. */
  results_json: Defaulted<string>
  would_use_again: Bool
  takes_reference_calls: Defaulted<Bool>
  contact_role: Defaulted<string>
  /** A public-body member who consented to be named; set only by that person. */
  contact_user_id: number | null
  contact_consented_at: number | null
  public_body_approved_revision: number | null
  public_body_approved_by: number | null
  public_body_approved_at: number | null
  company_approved_revision: number | null
  company_approved_by: number | null
  company_approved_at: number | null
  published_at: number | null
  first_published_at: number | null
  withdrawn_at: number | null
  withdrawn_by: number | null
  withdrawn_by_organisation_id: number | null
  withdrawal_reason: string | null
  created_by: number
  updated_by: number
  created_at: number
  updated_at: number
}
export type ReferenceCase = Selectable<ReferenceCasesTable>

export interface ReferenceCasesFtsTable {
  rowid: number
  title_sv: string
  summary_sv: string
  challenge_sv: string
  solution_sv: string
  title_en: string | null
  summary_en: string | null
}

export interface ReferenceCallRequestsTable {
  id: Generated<number>
  reference_id: number
  /** Personal data: null once erased (erase_after = created_at + 90 days). */
  requester_name: string | null
  requester_email: string | null
  requester_organisation: string | null
  requester_country: string | null
  message: string | null
  locale: Locale
  created_at: number
  erase_after: number
  erased_at: number | null
}
export interface ReferenceCallRequestMailsTable {
  request_id: number
  outbox_id: number
}

export type CompetitionStatus = 'nominating' | 'judging' | 'published'
export interface CompetitionsTable {
  id: Generated<number>
  year: number
  status: Defaulted<CompetitionStatus>
  intro_sv: string
  intro_en: string
  nominations_close_at: number
  created_by: number
  created_at: number
  judging_started_at: number | null
  published_at: number | null
  published_by: number | null
}
export interface CompetitionCategoriesTable {
  id: Generated<number>
  competition_id: number
  position: number
  name_sv: string
  name_en: string
  description_sv: string
  description_en: string
}
export interface CompetitionNominationsTable {
  id: Generated<number>
  category_id: number
  reference_id: number
  nominated_by: number
  motivation: string
  nominated_at: number
}
export interface CompetitionJurorsTable {
  competition_id: number
  user_id: number
  appointed_by: number
  appointed_at: number
}
export interface CompetitionDeclarationsTable {
  nomination_id: number
  juror_id: number
  has_conflict: Bool
  note: Defaulted<string>
  declared_at: number
}
export interface CompetitionScoresTable {
  nomination_id: number
  juror_id: number
  /** 1–10. */
  score: number
  comment: string
  scored_at: number
}
export interface CompetitionStandingsView {
  nomination_id: number
  category_id: number
  reference_id: number
  score_count: number
  average_score: number | null
}
export type CompetitionPlacement = 'winner' | 'honourable_mention'
export interface CompetitionResultsTable {
  nomination_id: number
  category_id: number
  placement: CompetitionPlacement
  motivation_sv: string
  motivation_en: string
  decided_by: number
  decided_at: number
}
