// The frozen rows of the demo marketplace, table by table, and the rule that guards each:
// tests/integration/replace-guards.test.ts tries an UPDATE and a DELETE of each.

/**
 * For every guarded table: a raw UPDATE and DELETE of a frozen row of the demo marketplace, and
 * the rule that refuses each. `null` says why there is nothing to try, in words.
 */
export interface FrozenAttack {
  /** Selects the frozen rows (default: all). */
  where?: string
  /** Makes a row frozen first, through an allowed write. */
  prepare?: string
  update: string | null
  updateError?: RegExp
  deleteError: RegExp | string
}
export const FROZEN: Record<string, FrozenAttack | string> = {
  agenda_co_owners: {
    update: 'added_at = added_at + 1',
    updateError: /stamp_fixed/,
    deleteError: /agenda_published/,
  },
  agenda_goal_initiatives: {
    update: 'added_at = added_at + 1',
    updateError: /stamp_fixed/,
    deleteError: /agenda_published/,
  },
  agenda_goals: {
    where: "status = 'published'",
    update: "status = 'draft', published_at = NULL",
    updateError: /agenda_published/,
    deleteError: /agenda_published/,
  },
  agenda_indicators: {
    update: "label = label || ' x'",
    updateError: /agenda_published/,
    deleteError: /agenda_published/,
  },
  agenda_measurements: {
    update: 'value = value + 1',
    updateError: /agenda_measurement_append_only/,
    deleteError: /agenda_measurement_append_only/,
  },
  agenda_target_changes: {
    update: 'old_value = old_value + 1',
    updateError: /history_append_only/,
    deleteError: /history_append_only/,
  },
  agendas: {
    where: "status = 'published'",
    update: 'created_at = created_at + 1',
    updateError: /stamp_fixed/,
    deleteError: /agenda_published/,
  },
  audit_anchors: {
    update: 'row_count = row_count + 1',
    updateError: /audit_log_append_only/,
    deleteError: /audit_log_append_only/,
  },
  audit_log: {
    update: 'action = action || 1',
    updateError: /audit_log_append_only/,
    deleteError: /audit_log_append_only/,
  },
  bid_openings: {
    update: 'opened_at = opened_at + 1',
    updateError: /opening_fixed/,
    deleteError: /opening_fixed/,
  },
  bid_scores: {
    update: 'score = score + 1',
    updateError: /score_not_allowed/,
    deleteError: /score_not_allowed/,
  },
  bid_seal_failures:
    'the demo has no tampered bid; tests/integration/bid-seal-keys.test.ts makes one and attacks it',
  bids: {
    where: 'call_id IN (SELECT id FROM calls WHERE tender_deadline < unixepoch())',
    update: 'updated_at = updated_at + 1',
    updateError: /deadline_passed/,
    deleteError: /bid_not_draft/,
  },
  call_amendments: {
    update: "summary = summary || ' x'",
    updateError: /amendment_published/,
    deleteError: /amendment_published/,
  },
  call_answers: {
    update: "body = body || ' x'",
    updateError: /answer_immutable/,
    deleteError: /answer_immutable/,
  },
  call_awards: {
    update: 'created_at = created_at + 1',
    updateError: /decision_final/,
    deleteError: /decision_final/,
  },
  call_cpv_codes: {
    update: "cpv_code = '72000000'",
    updateError: /terms_frozen|row_exists/,
    deleteError: /terms_frozen/,
  },
  call_contact_disclosures: {
    update: "purpose = purpose || ' x'",
    updateError: /disclosure_fixed/,
    deleteError: /disclosure_fixed/,
  },
  call_criteria: {
    update: "title = title || ' x'",
    updateError: /terms_frozen/,
    deleteError: /terms_frozen/,
  },
  call_documents:
    'the setup adds a draft call’s document only; tests/integration/call-rules-*.test.ts attack published ones',
  call_involved_companies: {
    update: "involvement = involvement || ' x'",
    updateError: /terms_frozen/,
    deleteError: /terms_frozen/,
  },
  call_links: {
    update: 'call_id = call_id + 1',
    updateError: /terms_frozen/,
    deleteError: /terms_frozen/,
  },
  call_questions: {
    update: "body = body || ' x'",
    updateError: /answer_immutable/,
    deleteError: /answer_immutable/,
  },
  call_themes: {
    update: "theme_code = 'energy'",
    updateError: /terms_frozen|row_exists/,
    deleteError: /terms_frozen/,
  },
  call_overlap_checks: {
    update: "reason = 'Ändrat i efterhand av någon annan.'",
    updateError: /overlap_check_append_only/,
    deleteError: /overlap_check_append_only/,
  },
  calls: {
    where: "status <> 'draft'",
    update: "title = title || ' x'",
    updateError: /terms_frozen/,
    deleteError: /call_not_draft/,
  },
  company_contact_revisions: {
    update: "purpose = purpose || ' x'",
    updateError: /contact_append_only/,
    deleteError: /contact_append_only/,
  },
  company_contacts: {
    update: "purpose = purpose || ' x'",
    updateError: /contact_append_only/,
    deleteError: /contact_append_only/,
  },
  competition_categories: {
    update: "name_sv = name_sv || ' x'",
    updateError: /categories_frozen/,
    deleteError: /categories_frozen/,
  },
  competition_declarations: {
    update: "note = note || ' x'",
    updateError: /declaration_fixed/,
    deleteError: /declaration_fixed/,
  },
  competition_jurors: {
    update: 'appointed_at = appointed_at + 1',
    updateError: /juror_has_declared/,
    deleteError: /juror_has_declared/,
  },
  competition_nominations: {
    update: "motivation = motivation || ' x'",
    updateError: /nominations_closed/,
    deleteError: /nominations_closed/,
  },
  competition_results: {
    update: "motivation_sv = motivation_sv || ' x'",
    updateError: /competition_published/,
    deleteError: /competition_published/,
  },
  competition_scores: {
    update: "comment = comment || ' x'",
    updateError: /not_judging/,
    deleteError: /not_judging/,
  },
  competitions: {
    update: 'published_at = published_at - 86400',
    updateError: /competition_published|stamp_fixed/,
    deleteError: /competition_published/,
  },
  evaluator_declarations: {
    update: 'declared_at = declared_at + 1',
    updateError: /decision_final/,
    deleteError: /decision_final/,
  },
  event_registrations: {
    update: 'registered_at = registered_at + 1',
    updateError: /event_registration_fixed/,
    deleteError: /event_registration_fixed/,
  },
  events: {
    where: "status = 'cancelled' OR starts_at <= unixepoch()",
    update: "title = title || ' x'",
    updateError: /event_frozen/,
    deleteError: /event_permanent/,
  },
  initiative_co_owners: {
    where: "state <> 'pending'",
    update: "decline_reason = 'Vi driver redan ett eget program.'",
    updateError: /initiative_co_owner_decided/,
    deleteError: /initiative_co_owner_decided/,
  },
  initiative_overlap_checks: {
    update: "reason = 'Ändrat i efterhand av någon annan.'",
    updateError: /overlap_check_append_only/,
    deleteError: /overlap_check_append_only/,
  },
  initiatives: {
    where: "status <> 'idea'",
    update: 'created_at = created_at + 1',
    updateError: /stamp_fixed/,
    deleteError: /initiative_not_deletable/,
  },
  invitations: {
    prepare:
      'UPDATE invitations SET revoked_at = unixepoch() WHERE accepted_at IS NULL AND revoked_at IS NULL',
    update: 'revoked_at = NULL',
    updateError: /invitation_closed/,
    deleteError: 'an invitation may be deleted: that only ever grants less',
  },
  memberships: {
    where:
      "role = 'admin' AND NOT EXISTS (SELECT 1 FROM memberships o WHERE o.organisation_id = memberships.organisation_id AND o.role = 'admin' AND o.user_id <> memberships.user_id)",
    update: "role = 'member'",
    updateError: /last_admin/,
    deleteError: /last_admin/,
  },
  ocds_releases: {
    where: 'body IS NOT NULL',
    update: "tag = 'award'",
    updateError: /ocds_release_fixed/,
    deleteError: /ocds_release_fixed/,
  },
  organisations: {
    update: "org_number = org_number || '1'",
    updateError: /organisation_identity_fixed/,
    deleteError: /organisation_permanent/,
  },
  outbox: {
    update: "subject = subject || ' x'",
    updateError: /outbox_append_only/,
    deleteError: /outbox_append_only/,
  },
  notification_digests: {
    update: 'item_count = item_count + 1',
    updateError: /digest_fixed/,
    deleteError: /digest_fixed/,
  },
  notifications: {
    where: 'mailed_at IS NOT NULL',
    update: 'mailed_at = mailed_at + 1',
    updateError: /notification_fixed/,
    deleteError: /notification_fixed/,
  },
  outreach_recipients: {
    update: 'company_id = company_id',
    updateError: /outreach_fixed/,
    deleteError: /outreach_fixed/,
  },
  outreaches: {
    update: "subject = subject || ' x'",
    updateError: /outreach_fixed/,
    deleteError: /outreach_fixed/,
  },
  password_resets: {
    prepare: 'UPDATE password_resets SET used_at = unixepoch() WHERE used_at IS NULL',
    update: 'used_at = NULL',
    updateError: /reset_used/,
    deleteError: 'a reset link may be deleted: that only ever grants less',
  },
  pilot_application_scores: {
    where: "application_id IN (SELECT id FROM pilot_applications WHERE status <> 'submitted')",
    update: "comment = comment || ' x'",
    updateError: /application_decided/,
    deleteError: /application_decided/,
  },
  pilot_applications: {
    where: "status NOT IN ('draft', 'withdrawn')",
    update: "product_name = product_name || ' x'",
    updateError: /application_submitted|application_decided/,
    deleteError: /application_submitted|application_decided/,
  },
  pilot_message_holds: {
    update: 'call_id = call_id + 1',
    updateError: /messages_append_only/,
    deleteError: /messages_append_only/,
  },
  pilot_messages: {
    update: "body = body || ' x'",
    updateError: /messages_append_only/,
    deleteError: /messages_append_only/,
  },
  pilot_reports: {
    update: "results = results || ' x'",
    updateError: /report_fixed/,
    deleteError: /report_fixed/,
  },
  pilots: {
    update: 'company_id = company_id + 1',
    updateError: /pilot_fixed/,
    deleteError: /pilot_fixed/,
  },
  reference_call_requests: {
    update: "message = message || ' x'",
    updateError: /request_fixed/,
    deleteError: /request_fixed/,
  },
  reference_cases: {
    where: "status = 'published'",
    update: 'first_published_at = first_published_at - 86400',
    updateError: /reference_published_once/,
    deleteError: /reference_published_once/,
  },
  saved_search_matches: {
    update: 'matched_at = matched_at + 1',
    updateError: /saved_search_match_append_only/,
    deleteError: /saved_search_match_append_only/,
  },
  saved_searches: {
    update: 'user_id = user_id + 1',
    updateError: /saved_search_owner_fixed/,
    deleteError: 'a person deletes their own saved search; its criteria and matches go with it',
  },
  signup_confirmations: {
    prepare: 'UPDATE signup_confirmations SET used_at = unixepoch() WHERE used_at IS NULL',
    update: 'used_at = NULL',
    updateError: /confirmation_used/,
    deleteError: 'a confirmation link may be deleted: that only ever grants less',
  },
  state_aid_ledger: {
    update: 'aid_sek = aid_sek + 1',
    updateError: /aid_ledger_append_only/,
    deleteError: /aid_ledger_append_only/,
  },
  status_log: {
    update: "to_status = 'draft'",
    updateError: /status_log_append_only/,
    deleteError: /status_log_append_only/,
  },
  test_bed_criteria: {
    where: "offer_id IN (SELECT id FROM test_bed_offers WHERE status <> 'draft')",
    update: "title = title || ' x'",
    updateError: /criteria_frozen/,
    deleteError: /criteria_frozen/,
  },
  test_bed_offer_overlap_checks: {
    update: "reason = 'Ändrat i efterhand av någon annan.'",
    updateError: /overlap_check_append_only/,
    deleteError: /overlap_check_append_only/,
  },
  test_bed_offer_themes: {
    where: "offer_id IN (SELECT id FROM test_bed_offers WHERE status IN ('closed', 'archived'))",
    update: null,
    deleteError: /offer_closed/,
  },
  test_bed_offer_versions: {
    update: "change_note = 'x'",
    updateError: /history_append_only/,
    deleteError: /history_append_only/,
  },
  test_bed_offers: {
    where: "status <> 'draft'",
    update: 'price_sek = price_sek + 1',
    updateError: /terms_frozen/,
    deleteError: /offer_not_draft/,
  },
  updates: {
    update: "key = key || 'x'",
    updateError: /update_fixed/,
    deleteError: /update_fixed/,
  },
  users: {
    update: 'email_confirmed_at = email_confirmed_at + 1',
    updateError: /email_confirmed_fixed/,
    deleteError: 'accounts have no delete rule yet; foreign keys keep what refers to them',
  },
}
