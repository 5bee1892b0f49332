import type { MessageKey } from '~/i18n/messages'

/**
 * A business rule said no. `code` is stable and `messageKey` is the translated text to show.
 * Rules enforced by SQLite triggers raise 'testarena:<code>' and arrive here via `fromDbError`.
 */
export class DomainError extends Error {
  readonly code: DomainErrorCode
  constructor(code: DomainErrorCode) {
    super(code)
    this.name = 'DomainError'
    this.code = code
  }
  get messageKey(): MessageKey {
    return `errors.domain.${this.code}`
  }
}

export const DOMAIN_ERROR_CODES = [
  'reset_used',
  'verification_by_admin_only',
  'organisation_identity_fixed',
  'sectors_for_companies_only',
  'last_admin',
  'invitation_for_other_email',
  'invitation_closed',
  'outbox_append_only',
  'audit_log_append_only',
  'audit_chain_broken',
  'email_taken',
  'org_number_taken',
  'not_found',
  'already_member',
  'invitation_expired',
  'reset_invalid',
  'wrong_password',
  'not_pending',
  'reason_required',
  'municipality_not_in_county',
  'rename_needs_review',
  'host_not_public_body',
  'not_host_member',
  'host_fixed',
  'invalid_transition',
  'host_not_verified',
  'criteria_required',
  'deadline_passed',
  'terms_frozen',
  'deadline_frozen',
  'capacity_below_active',
  'offer_not_draft',
  'history_append_only',
  'offer_closed',
  'criteria_frozen',
  'applicant_not_company',
  'not_company_member',
  'offer_not_open',
  'application_parties_fixed',
  'trl_out_of_range',
  'application_submitted',
  'decision_by_host_only',
  'round_still_open',
  'criteria_not_scored',
  'must_have_not_met',
  'capacity_full',
  'application_decided',
  'criterion_not_in_offer',
  'pilot_needs_acceptance',
  'pilot_fixed',
  'aid_ledger_append_only',
  'not_pilot_party',
  'messages_append_only',
  'report_by_host_only',
  'report_fixed',
  'response_by_company_only',
  'application_exists',
  'conflict_of_interest',
  'buyer_not_public_body',
  'not_buyer_member',
  'buyer_not_verified',
  'clock_mismatch',
  'period_too_short',
  'weights_not_100',
  'dialogue_not_scored',
  'disclosure_required',
  'involved_not_named',
  'opening_required',
  'scores_incomplete',
  'award_not_by_score',
  'passing_bids_exist',
  'decision_final',
  'standstill_running',
  'call_not_draft',
  'link_not_own',
  'amendment_not_allowed',
  'amendment_published',
  'deadline_shortened',
  'amendment_terms_flag',
  'extension_required',
  'call_not_found',
  'question_deadline_passed',
  'buyer_cannot_ask',
  'answer_immutable',
  'answer_too_late',
  'bidder_not_company',
  'buyer_cannot_bid',
  'receipt_required',
  'bid_not_draft',
  'deadline_not_passed',
  'opening_record_mismatch',
  'opening_fixed',
  'score_not_allowed',
  'evaluator_conflict',
  'call_quiet_period',
  'bid_exists',
  'seal_broken',
  'document_too_large',
  'document_type',
  'document_empty',
  'reference_needs_source',
  'not_reference_party',
  'reference_source_fixed',
  'reference_approval_invalid',
  'reference_published_once',
  'contact_consent_required',
  'reference_results_invalid',
  'reference_exists',
  'reference_calls_closed',
  'too_many_requests',
  'request_fixed',
  'admin_only',
  'competition_exists',
  'competition_published',
  'categories_frozen',
  'nominations_closed',
  'already_nominated',
  'reference_not_published',
  'not_juror',
  'not_judging',
  'juror_is_party',
  'declaration_fixed',
  'juror_not_cleared',
  'juror_has_declared',
  'jury_incomplete',
  'winner_not_by_score',
  'winner_exists',
  'results_incomplete',
  // Bid seal key ring (decision 023)
  'seal_key_missing',
  // Hardening (issue 13, migration 2026-12-07-05-hardening).
  'row_exists',
  'eligibility_frozen',
  'member_of_bidder',
  'reason_not_meaningful',
  'organisation_permanent',
  'timestamp_implausible',
  'status_log_append_only',
  'stamp_fixed',
  // The initiatives register (issue 15, migration 2026-12-07-10-initiatives).
  'initiative_owner_not_verified',
  'initiative_not_member',
  'initiative_owner_fixed',
  'initiative_status_backwards',
  'initiative_not_deletable',
  'initiative_co_owner_is_owner',
  'initiative_co_owner_decided_by_owner',
  'initiative_co_owner_decided',
  'initiative_link_not_owner',
  'initiative_co_owner_exists',
  // The company contact ledger (issue 15, migration 2026-12-07-12-contact-ledger).
  'contact_author_not_verified',
  'contact_not_company',
  'contact_not_member',
  'contact_in_future',
  'contact_unchanged',
  'contact_append_only',
  'contact_not_acknowledged',
  'contact_settings_not_member',
  'disclosure_fixed',
  // Events (issue 15 part 8, migration 2026-12-07-14-events).
  'event_organiser_not_verified',
  'event_not_organiser',
  'event_in_past',
  'event_permanent',
  'event_frozen',
  'event_capacity_below_confirmed',
  'event_registrant_not_company',
  'event_cancelled',
  'event_registration_closed',
  'event_queue_order',
  'event_registration_fixed',
  'event_already_registered',
  'event_attendance_fixed',
  'event_attendance_confirmed_only',
  'event_not_started',
  'event_attendance_needs_contact',
  // The regional agenda (issue 15 part 7, migration 2026-12-07-16-agenda).
  'agenda_owner_not_region',
  'agenda_not_editor',
  'agenda_published',
  'agenda_co_owner_invalid',
  'agenda_goal_needs_indicator',
  'agenda_target_reason',
  'agenda_measurement_manual_only',
  'agenda_measured_in_future',
  'agenda_measurement_append_only',
  'agenda_link_not_owner',
  // Broadcast outreach (issue 15, migration 2026-12-07-15-outreach).
  'outreach_settings_not_member',
  'outreach_sender_not_allowed',
  'outreach_not_member',
  'outreach_fixed',
  'outreach_criteria_invalid',
  'outreach_hand_picked',
  'outreach_count_changed',
  'theme_interest_not_member',
  'theme_unknown',
  // Overlap detection before saving (issue 15, migration 2026-12-07-13-overlap-checks).
  'overlap_reason_required',
  'overlap_candidate_invalid',
  'overlap_check_append_only',
  // Follows, updates and notifications (issue 16, migration 2026-12-07-21-notifications).
  'follow_target_not_found',
  'update_fixed',
  'notification_fixed',
  'digest_fixed',
  // Saved searches as alerts (issue 16, migration 2026-12-07-23-saved-searches).
  'saved_search_limit',
  'saved_search_owner_fixed',
  'saved_search_match_invalid',
  'saved_search_match_append_only',
  // OCDS releases (issue 17, migration 2026-12-07-25-ocds-releases).
  'ocds_release_fixed',
] as const
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number]

function isCode(value: string): value is DomainErrorCode {
  return (DOMAIN_ERROR_CODES as readonly string[]).includes(value)
}

/** Turns a SQLite constraint or trigger failure into a DomainError; anything else is rethrown. */
export function fromDbError(error: unknown): DomainError {
  if (error instanceof DomainError) return error
  const message = error instanceof Error ? error.message : ''
  if (message.includes('UNIQUE constraint failed: users.email'))
    return new DomainError('email_taken')
  if (message.includes('UNIQUE constraint failed: organisations.org_number')) {
    return new DomainError('org_number_taken')
  }
  if (message.includes('UNIQUE constraint failed: memberships')) {
    return new DomainError('already_member')
  }
  if (message.includes('UNIQUE constraint failed: pilot_applications')) {
    return new DomainError('application_exists')
  }
  if (message.includes('UNIQUE constraint failed: bids')) return new DomainError('bid_exists')
  if (message.includes('UNIQUE constraint failed: reference_cases')) {
    return new DomainError('reference_exists')
  }
  if (message.includes('UNIQUE constraint failed: competitions.year')) {
    return new DomainError('competition_exists')
  }
  if (message.includes('UNIQUE constraint failed: competition_nominations')) {
    return new DomainError('already_nominated')
  }
  if (message.includes('UNIQUE constraint failed: competition_declarations')) {
    return new DomainError('declaration_fixed')
  }
  if (message.includes('UNIQUE constraint failed: competition_results.category_id')) {
    return new DomainError('winner_exists')
  }
  if (message.includes('UNIQUE constraint failed: event_registrations.event_id')) {
    return new DomainError('event_already_registered')
  }
  if (message.includes('UNIQUE constraint failed: initiative_co_owners')) {
    return new DomainError('initiative_co_owner_exists')
  }
  // The conflict guards (migration 05) say 'testarena:row_exists: UNIQUE constraint failed: …', so
  // a duplicate maps above as SQLite's own error does; any other rule is named by its code.
  const raised = /testarena:([a-z0-9_]+)/.exec(message)?.[1]
  if (raised && isCode(raised)) return new DomainError(raised)
  throw error
}

/** Runs `fn`, turning database rule violations into DomainErrors. */
export async function withRules<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    throw fromDbError(error)
  }
}
