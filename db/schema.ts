import type {
  AuditAnchorsTable,
  AuditLogTable,
  CountiesTable,
  InvitationsTable,
  MembershipsTable,
  MunicipalitiesTable,
  OrganisationSectorsTable,
  OrganisationsTable,
  OutboxTable,
  PasswordResetsTable,
  SectorsTable,
  SessionsTable,
  SignupConfirmationsTable,
  UsersTable,
} from './schema-accounts'
import type {
  PilotApplicationScoresTable,
  PilotApplicationsTable,
  PilotMessageHoldsTable,
  PilotMessagesTable,
  PilotMessagesVisibleView,
  PilotReportsTable,
  PilotsTable,
  StateAidLedgerTable,
  StatusLogTable,
  TestBedCriteriaTable,
  TestBedOfferThemesTable,
  TestBedOfferVersionsTable,
  TestBedOffersFtsTable,
  TestBedOffersTable,
  ThemesTable,
} from './schema-test-beds'
import type {
  BidOpeningsTable,
  BidResultsView,
  BidScoresTable,
  BidSealFailuresTable,
  BidsTable,
  CallAmendmentsTable,
  CallAnswersTable,
  CallAwardsTable,
  CallCpvCodesTable,
  CallCriteriaTable,
  CallDocumentsTable,
  CallDownloadsTable,
  CallInvolvedCompaniesTable,
  CallLinksTable,
  CallNotificationsTable,
  CallOutcomeRemindersTable,
  CallQuestionsTable,
  CallThemesTable,
  CallsFtsTable,
  CallsTable,
  CpvCodesTable,
  EvaluatorDeclarationsTable,
} from './schema-calls'
import type {
  CompetitionCategoriesTable,
  CompetitionDeclarationsTable,
  CompetitionJurorsTable,
  CompetitionNominationsTable,
  CompetitionResultsTable,
  CompetitionScoresTable,
  CompetitionStandingsView,
  CompetitionsTable,
  ReferenceCallRequestMailsTable,
  ReferenceCallRequestsTable,
  ReferenceCasesFtsTable,
  ReferenceCasesTable,
} from './schema-references'
import type {
  InitiativeCoOwnersTable,
  InitiativeCountiesTable,
  InitiativeCpvCodesTable,
  InitiativeMunicipalitiesTable,
  InitiativeSectorsTable,
  InitiativeSizeClassesTable,
  InitiativeThemesTable,
  InitiativesTable,
  InitiativesFtsTable,
} from './schema-initiatives'
import type {
  CallContactDisclosuresTable,
  CompanyContactRevisionsTable,
  CompanyContactSettingsTable,
  CompanyContactsTable,
} from './schema-contacts'
import type { EventRegistrationsTable, EventsTable } from './schema-events'
import type {
  AgendaCoOwnersTable,
  AgendaGoalInitiativesTable,
  AgendaGoalsTable,
  AgendaIndicatorsTable,
  AgendaMeasurementsTable,
  AgendaTargetChangesTable,
  AgendasTable,
} from './schema-agenda'
import type {
  CompanyOutreachSettingsTable,
  CompanyThemeInterestsTable,
  OutreachRecipientsTable,
  OutreachesTable,
} from './schema-outreach'
import type { CallOverlapChecksTable, InitiativeOverlapChecksTable } from './schema-overlap'
import type {
  FollowsTable,
  NotificationDigestsTable,
  NotificationPreferencesTable,
  NotificationsTable,
  UpdatesTable,
} from './schema-notifications'
import type {
  SavedSearchCpvCodesTable,
  SavedSearchesTable,
  SavedSearchMatchesTable,
  SavedSearchTermsTable,
  SavedSearchThemesTable,
} from './schema-saved-searches'
import type { SearchDocumentsTable, SearchFtsTable } from './schema-search'
import type { CalendarTokensTable, SavedSearchFeedTokensTable } from './schema-feeds'
import type { TestBedOfferOverlapChecksTable } from './schema-offer-overlap'
import type { OcdsReleasesTable } from './schema-ocds'

// The Kysely types of every table, one file an area; `#db/schema` re-exports them all.
export type * from './schema-columns'
export type * from './schema-accounts'
export type * from './schema-test-beds'
export type * from './schema-calls'
export type * from './schema-references'
export type * from './schema-initiatives'
export type * from './schema-contacts'
export type * from './schema-events'
export type * from './schema-agenda'
export type * from './schema-outreach'
export type * from './schema-overlap'
export type * from './schema-offer-overlap'
export type * from './schema-notifications'
export type * from './schema-saved-searches'
export type * from './schema-search'
export type * from './schema-feeds'
export type * from './schema-ocds'

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
  /** The initiatives register (issue 15, decision record 027). */
  initiatives: InitiativesTable
  initiative_themes: InitiativeThemesTable
  initiative_cpv_codes: InitiativeCpvCodesTable
  initiative_size_classes: InitiativeSizeClassesTable
  initiative_sectors: InitiativeSectorsTable
  initiative_counties: InitiativeCountiesTable
  initiative_municipalities: InitiativeMunicipalitiesTable
  initiative_co_owners: InitiativeCoOwnersTable
  initiatives_fts: InitiativesFtsTable
  /** The company contact ledger (issue 15, decision record 029). */
  company_contacts: CompanyContactsTable
  company_contact_revisions: CompanyContactRevisionsTable
  company_contact_settings: CompanyContactSettingsTable
  call_contact_disclosures: CallContactDisclosuresTable
  /** Events and their registrations (issue 15 part 8, decision record 031). */
  events: EventsTable
  event_registrations: EventRegistrationsTable
  /** The regional agenda (issue 15 part 7, decision record 033). */
  agendas: AgendasTable
  agenda_co_owners: AgendaCoOwnersTable
  agenda_goals: AgendaGoalsTable
  agenda_indicators: AgendaIndicatorsTable
  agenda_target_changes: AgendaTargetChangesTable
  agenda_measurements: AgendaMeasurementsTable
  agenda_goal_initiatives: AgendaGoalInitiativesTable
  /** SME reach and broadcast outreach (issue 15 part 6, decision record 032). */
  company_outreach_settings: CompanyOutreachSettingsTable
  outreaches: OutreachesTable
  outreach_recipients: OutreachRecipientsTable
  company_theme_interests: CompanyThemeInterestsTable
  /** Overlap checks before saving (issue 15 part 4, decision record 030). */
  initiative_overlap_checks: InitiativeOverlapChecksTable
  call_overlap_checks: CallOverlapChecksTable
  test_bed_offer_overlap_checks: TestBedOfferOverlapChecksTable
  /** Follows, updates and notifications (issue 16, decision record 035). */
  follows: FollowsTable
  updates: UpdatesTable
  notifications: NotificationsTable
  notification_preferences: NotificationPreferencesTable
  notification_digests: NotificationDigestsTable
  /** Saved searches as alerts (issue 16 part 2, decision record 037). */
  saved_searches: SavedSearchesTable
  saved_search_themes: SavedSearchThemesTable
  saved_search_cpv_codes: SavedSearchCpvCodesTable
  saved_search_terms: SavedSearchTermsTable
  saved_search_matches: SavedSearchMatchesTable
  /** One search over everything public, kept by triggers (issue 16 part 5, decision record 036). */
  search_documents: SearchDocumentsTable
  search_fts_test_bed: SearchFtsTable
  search_fts_call: SearchFtsTable
  search_fts_reference: SearchFtsTable
  search_fts_organisation: SearchFtsTable
  search_fts_initiative: SearchFtsTable
  /** Secret calendar and saved-search feed addresses (issue 16 part 4, decision record 038). */
  calendar_tokens: CalendarTokensTable
  saved_search_feed_tokens: SavedSearchFeedTokensTable
  /** OCDS releases of every published call (issue 17, decision record 040). */
  ocds_releases: OcdsReleasesTable
  /** The home page's figures, kept by triggers (issue 18, decision record 045). */
  marketplace_counts: import('./schema-accounts').MarketplaceCountsTable
}
