import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

/**
 * The Kysely view of the database. Times are UTC unix seconds (INTEGER), booleans are 0/1.
 * Columns are `T | null`, never optional, so a forgotten column is a type error.
 */
export interface Database {
  counties: CountiesTable
  municipalities: MunicipalitiesTable
  sectors: SectorsTable
  users: UsersTable
  sessions: SessionsTable
  password_resets: PasswordResetsTable
  signup_confirmations: SignupConfirmationsTable
  organisations: OrganisationsTable
  organisation_sectors: OrganisationSectorsTable
  memberships: MembershipsTable
  invitations: InvitationsTable
  outbox: OutboxTable
  audit_log: AuditLogTable
  audit_anchors: AuditAnchorsTable
  themes: ThemesTable
  test_bed_offers: TestBedOffersTable
  test_bed_offer_themes: TestBedOfferThemesTable
  test_bed_offer_versions: TestBedOfferVersionsTable
  test_bed_criteria: TestBedCriteriaTable
  test_bed_offers_fts: TestBedOffersFtsTable
  pilot_applications: PilotApplicationsTable
  pilot_application_scores: PilotApplicationScoresTable
  pilots: PilotsTable
  state_aid_ledger: StateAidLedgerTable
  pilot_messages: PilotMessagesTable
  /** Every status change of calls, offers, applications, bids, amendments, cases (issue 13). */
  status_log: StatusLogTable
  /** A message written while the buyer's call runs and the pilot company bids in it (issue 13). */
  pilot_message_holds: PilotMessageHoldsTable
  /** View: every message with `held` = 1 while its hold's call runs. */
  pilot_messages_visible: PilotMessagesVisibleView
  pilot_reports: PilotReportsTable
  cpv_codes: CpvCodesTable
  calls: CallsTable
  call_themes: CallThemesTable
  call_cpv_codes: CallCpvCodesTable
  call_links: CallLinksTable
  call_involved_companies: CallInvolvedCompaniesTable
  call_amendments: CallAmendmentsTable
  call_criteria: CallCriteriaTable
  /** View: the criteria in force (original and published amendments, minus removed ones). */
  call_criteria_current: CallCriteriaTable
  call_documents: CallDocumentsTable
  /** View: the documents in force. */
  call_documents_current: CallDocumentsTable
  call_followers: CallFollowersTable
  call_downloads: CallDownloadsTable
  call_notifications: CallNotificationsTable
  call_outcome_reminders: CallOutcomeRemindersTable
  call_questions: CallQuestionsTable
  call_answers: CallAnswersTable
  bids: BidsTable
  bid_openings: BidOpeningsTable
  bid_seal_failures: BidSealFailuresTable
  evaluator_declarations: EvaluatorDeclarationsTable
  bid_scores: BidScoresTable
  /** View: per valid bid of an opened call, whether it passes the must-haves and its score 0–100. */
  bid_results: BidResultsView
  call_awards: CallAwardsTable
  calls_fts: CallsFtsTable
  reference_cases: ReferenceCasesTable
  reference_cases_fts: ReferenceCasesFtsTable
  reference_call_requests: ReferenceCallRequestsTable
  reference_call_request_mails: ReferenceCallRequestMailsTable
  competitions: CompetitionsTable
  competition_categories: CompetitionCategoriesTable
  competition_nominations: CompetitionNominationsTable
  competition_jurors: CompetitionJurorsTable
  competition_declarations: CompetitionDeclarationsTable
  competition_scores: CompetitionScoresTable
  /** View: per nomination, how many cleared jurors scored it and the average score. */
  competition_standings: CompetitionStandingsView
  competition_results: CompetitionResultsTable
}

export type Bool = 0 | 1
/** A column with a database default: optional on insert. */
export type Defaulted<T> = ColumnType<T, T | undefined, T>
export type Locale = 'sv' | 'en'

export interface CountiesTable {
  code: string
  name: string
  short_name: string
}

export interface MunicipalitiesTable {
  code: string
  name: string
  short_name: string
  county_code: string
}

export interface SectorsTable {
  code: string
  name_sv: string
  name_en: string
}

export interface UsersTable {
  id: Generated<number>
  email: string
  name: string
  password_hash: string
  locale: Locale
  is_platform_admin: ColumnType<Bool, Bool | undefined, Bool>
  created_at: number
  updated_at: number
  password_changed_at: number
  /** Null until the address is confirmed through the link in the sign-up mail. */
  email_confirmed_at: number | null
}
export type User = Selectable<UsersTable>
export type NewUser = Insertable<UsersTable>

export interface SessionsTable {
  id: string
  user_id: number
  created_at: number
  last_seen_at: number
  expires_at: number
  user_agent: string | null
  ip: string | null
}
export type Session = Selectable<SessionsTable>

export interface PasswordResetsTable {
  id: string
  user_id: number
  created_at: number
  expires_at: number
  used_at: number | null
}

/** A sign-up's confirmation link; `id` is the SHA-256 of the token in the mail. */
export interface SignupConfirmationsTable {
  id: string
  user_id: number
  name: string
  password_hash: string
  locale: Locale
  created_at: number
  expires_at: number
  used_at: number | null
}

export const ORGANISATION_KINDS = ['public_body', 'company'] as const
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number]
export const PUBLIC_BODY_TYPES = ['region', 'municipality', 'agency', 'public_company'] as const
export type PublicBodyType = (typeof PUBLIC_BODY_TYPES)[number]
export const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const
export type SizeClass = (typeof SIZE_CLASSES)[number]
export const VERIFICATION_STATUSES = ['not_required', 'pending', 'verified', 'rejected'] as const
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number]
export const MEMBER_ROLES = ['admin', 'member'] as const
export type MemberRole = (typeof MEMBER_ROLES)[number]

export interface OrganisationsTable {
  id: Generated<number>
  slug: string
  kind: OrganisationKind
  public_body_type: PublicBodyType | null
  name: string
  org_number: string
  county_code: string
  municipality_code: string | null
  size_class: SizeClass | null
  website: string | null
  description: string
  verification_status: VerificationStatus
  verification_note: string | null
  verified_at: number | null
  verified_by: number | null
  created_at: number
  updated_at: number
}
export type Organisation = Selectable<OrganisationsTable>
export type OrganisationUpdate = Updateable<OrganisationsTable>

export interface OrganisationSectorsTable {
  organisation_id: number
  sector_code: string
}

export interface MembershipsTable {
  organisation_id: number
  user_id: number
  role: MemberRole
  created_at: number
}

export interface InvitationsTable {
  id: Generated<number>
  organisation_id: number
  email: string
  role: MemberRole
  token_hash: string
  invited_by: number
  created_at: number
  expires_at: number
  accepted_at: number | null
  accepted_by: number | null
  revoked_at: number | null
}

export interface OutboxTable {
  id: Generated<number>
  to_address: string
  subject: string
  text_body: string
  html_body: string | null
  template: string
  created_at: number
  attempts: ColumnType<number, number | undefined, number>
  next_attempt_at: number
  last_error: string | null
  sent_at: number | null
  message_id: string | null
  /** Set when a reference-call request's mail text was erased (retention, migration 04). */
  erased_at: ColumnType<number | null, number | null | undefined, number | null>
}
export type OutboxMessage = Selectable<OutboxTable>

export interface AuditLogTable {
  id: Generated<number>
  at: number
  actor_user_id: number | null
  organisation_id: number | null
  action: string
  entity_type: string
  entity_id: string | null
  before_json: string | null
  after_json: string | null
  ip: string | null
  prev_hash: string
  hash: string
  /** HMAC-SHA256 over `hash` with the audit key (migration 06); null on rows written before it. */
  mac: ColumnType<string | null, string | null | undefined, string | null>
}
export type AuditEntry = Selectable<AuditLogTable>

/** The audit chain's head at a moment, keyed (append-only; migration 2026-12-07-06). */
export interface AuditAnchorsTable {
  id: Generated<number>
  at: number
  head_id: number
  head_hash: string
  row_count: number
  mac: string
}
export type AuditAnchor = Selectable<AuditAnchorsTable>

export interface ThemesTable {
  code: string
  position: number
  name_sv: string
  name_en: string
}

export const OFFER_STATUSES = ['draft', 'published', 'paused', 'closed', 'archived'] as const
export type OfferStatus = (typeof OFFER_STATUSES)[number]
export const INTAKES = ['rolling', 'round'] as const
export type Intake = (typeof INTAKES)[number]
export const ACCESS_MODELS = ['free', 'cost_sharing', 'paid'] as const
export type AccessModel = (typeof ACCESS_MODELS)[number]
export const CRITERION_KINDS = ['score', 'pass_fail'] as const
export type CriterionKind = (typeof CRITERION_KINDS)[number]

/** A test-bed offer. A round-intake offer is one round: a new round is a new offer. */
export interface TestBedOffersTable {
  id: Generated<number>
  organisation_id: number
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

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'withdrawn',
  'accepted',
  'declined',
] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]

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

export const PILOT_STATUSES = ['active', 'completed'] as const
export type PilotStatus = (typeof PILOT_STATUSES)[number]

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

// ---- Innovation procurement calls (migration 2026-11-25-03-calls) ----

export interface CpvCodesTable {
  code: string
  parent: string | null
  name_sv: string
  /** Null for the 38 codes without an English label; show the Swedish one. */
  name_en: string | null
}
export type CpvCode = Selectable<CpvCodesTable>

export const PROCEDURES = ['market_dialogue', 'open', 'innovation_partnership', 'pcp'] as const
export type Procedure = (typeof PROCEDURES)[number]
export const CALL_STATUSES = [
  'draft',
  'published',
  'opened',
  'evaluated',
  'awarded',
  'unsuccessful',
  'cancelled',
  'concluded',
] as const
export type CallStatus = (typeof CALL_STATUSES)[number]

/** An innovation procurement call. "Closed" is not stored: it is published past its deadline. */
export interface CallsTable {
  id: Generated<number>
  organisation_id: number
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

export interface CallFollowersTable {
  call_id: number
  user_id: number
  created_at: number
}
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

export const BID_STATUSES = ['draft', 'submitted', 'needs_reconfirmation', 'withdrawn'] as const
export type BidStatus = (typeof BID_STATUSES)[number]
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

// --- Reference cases and the good-examples competition (migration 2026-11-26-04-references) ---

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
