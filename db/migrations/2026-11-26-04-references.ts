import { type Kysely, sql } from 'kysely'

// Frozen once landed. Reference-customer showcases and the yearly good-examples competition
// (issue 5, decision records 019–021). Violations raise 'testarena:<code>'
// (app/models/errors.server.ts).
//
// 1. Traceable: a reference case comes from a completed pilot (with its test report) or an awarded
//    call, between exactly those two parties, so every showcase leads back to an open process.
// 2. Two-party approval of the exact text: a case is published only while both the public body and
//    the company have approved its current revision. Any edit of the text makes a new revision and
//    clears both approvals in the same statement (an AFTER trigger), which unpublishes it.
//    Either side withdraws at once; a case that has been public is never deleted.
// 3. Personal data only with consent: the named contact is set by that person only; a request for
//    a reference call is rate-limited here, and its personal data is erased after 90 days, from the
//    request and from the mail that carried it.
// 4. The competition: nominations only of published cases while nominations are open; jurors
//    declare conflicts per nomination (a party's member must declare one) and only cleared jurors
//    score; winners follow the jury's scores, and a published year is fixed.

const DAY = 86400
export const REQUEST_RETENTION_DAYS = 90
const stampedNow = (col: string) => `abs(${col} - unixepoch()) <= 5`
const memberOf = (userId: string, orgId: string) =>
  `EXISTS (SELECT 1 FROM memberships WHERE user_id = ${userId} AND organisation_id = ${orgId})`
const party = (userId: string, row: string) =>
  `(${memberOf(userId, `${row}.public_body_id`)} OR ${memberOf(userId, `${row}.company_id`)})`
const platformAdmin = (userId: string) =>
  `EXISTS (SELECT 1 FROM users WHERE id = ${userId} AND is_platform_admin = 1)`
const competitionOfCategory = (categoryId: string) =>
  `(SELECT competition_id FROM competition_categories WHERE id = ${categoryId})`
const competitionOfNomination = (nominationId: string) => `(SELECT c.competition_id
    FROM competition_nominations n JOIN competition_categories c ON c.id = n.category_id
    WHERE n.id = ${nominationId})`
const competitionStatus = (competitionId: string) =>
  `(SELECT status FROM competitions WHERE id = ${competitionId})`

// The text both parties approve. Changing any of these makes a new revision.
const TEXT_COLUMNS = [
  'title_sv',
  'summary_sv',
  'challenge_sv',
  'solution_sv',
  'deployment_sv',
  'participants_sv',
  'quote_sv',
  'title_en',
  'summary_en',
  'challenge_en',
  'solution_en',
  'deployment_en',
  'participants_en',
  'quote_en',
  'quote_by_role',
  'place',
  'started_on',
  'ended_on',
  'results_json',
  'would_use_again',
  'takes_reference_calls',
  'contact_role',
]
const textChanged = TEXT_COLUMNS.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ')
const text = (col: string, min: number, max: number) =>
  `${col} TEXT NOT NULL CHECK (length(trim(${col})) BETWEEN ${min} AND ${max})`
const optionalText = (col: string, min: number, max: number) =>
  `${col} TEXT CHECK (${col} IS NULL OR length(trim(${col})) BETWEEN ${min} AND ${max})`
const EN_COLUMNS = [
  'title_en',
  'summary_en',
  'challenge_en',
  'solution_en',
  'deployment_en',
  'participants_en',
  'quote_en',
]
const approvalColumns = (side: string) =>
  `${side}_approved_revision, ${side}_approved_by, ${side}_approved_at`
const approvalSet = (side: string) => `(NEW.${side}_approved_by IS NOT NULL
      AND (NEW.${side}_approved_by IS NOT OLD.${side}_approved_by
        OR NEW.${side}_approved_revision IS NOT OLD.${side}_approved_revision
        OR NEW.${side}_approved_at IS NOT OLD.${side}_approved_at))`

const statements = [
  `CREATE TABLE reference_cases (
    id INTEGER PRIMARY KEY,
    public_body_id INTEGER NOT NULL REFERENCES organisations(id),
    company_id INTEGER NOT NULL REFERENCES organisations(id),
    pilot_id INTEGER REFERENCES pilots(id),
    call_id INTEGER REFERENCES calls(id),
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'withdrawn')),
    revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    ${text('title_sv', 3, 200)},
    ${text('summary_sv', 10, 600)},
    ${text('challenge_sv', 1, 8000)},
    ${text('solution_sv', 1, 8000)},
    ${text('deployment_sv', 1, 8000)},
    ${text('participants_sv', 1, 4000)},
    quote_sv TEXT NOT NULL DEFAULT '' CHECK (length(quote_sv) <= 1000),
    ${optionalText('title_en', 3, 200)},
    ${optionalText('summary_en', 10, 600)},
    ${optionalText('challenge_en', 1, 8000)},
    ${optionalText('solution_en', 1, 8000)},
    ${optionalText('deployment_en', 1, 8000)},
    ${optionalText('participants_en', 1, 4000)},
    quote_en TEXT CHECK (quote_en IS NULL OR length(quote_en) <= 1000),
    quote_by_role TEXT NOT NULL DEFAULT '' CHECK (length(quote_by_role) <= 200),
    ${text('place', 2, 300)},
    started_on INTEGER NOT NULL,
    ended_on INTEGER CHECK (ended_on IS NULL OR ended_on >= started_on),
    results_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(results_json)
      AND json_type(results_json) = 'array' AND json_array_length(results_json) <= 8),
    would_use_again INTEGER NOT NULL CHECK (would_use_again IN (0, 1)),
    takes_reference_calls INTEGER NOT NULL DEFAULT 0 CHECK (takes_reference_calls IN (0, 1)),
    contact_role TEXT NOT NULL DEFAULT '' CHECK (length(contact_role) <= 200),
    contact_user_id INTEGER REFERENCES users(id),
    contact_consented_at INTEGER,
    public_body_approved_revision INTEGER,
    public_body_approved_by INTEGER REFERENCES users(id),
    public_body_approved_at INTEGER,
    company_approved_revision INTEGER,
    company_approved_by INTEGER REFERENCES users(id),
    company_approved_at INTEGER,
    published_at INTEGER,
    first_published_at INTEGER,
    withdrawn_at INTEGER,
    withdrawn_by INTEGER REFERENCES users(id),
    withdrawn_by_organisation_id INTEGER REFERENCES organisations(id),
    withdrawal_reason TEXT CHECK (withdrawal_reason IS NULL OR length(withdrawal_reason) <= 2000),
    created_by INTEGER NOT NULL REFERENCES users(id),
    updated_by INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    -- Traceable to exactly one source.
    CHECK ((pilot_id IS NULL) <> (call_id IS NULL)),
    -- The English version is whole or absent; a quote is in both languages or neither.
    CHECK (${EN_COLUMNS.slice(1)
      .map((c) => `(${c} IS NULL) = (title_en IS NULL)`)
      .join(' AND ')}),
    CHECK (quote_en IS NULL OR (quote_sv = '') = (quote_en = '')),
    CHECK (quote_sv = '' OR length(trim(quote_by_role)) >= 2),
    CHECK (takes_reference_calls = 0 OR length(trim(contact_role)) >= 2),
    CHECK ((contact_user_id IS NULL) = (contact_consented_at IS NULL)),
    CHECK ((public_body_approved_revision IS NULL) = (public_body_approved_by IS NULL)
      AND (public_body_approved_by IS NULL) = (public_body_approved_at IS NULL)),
    CHECK ((company_approved_revision IS NULL) = (company_approved_by IS NULL)
      AND (company_approved_by IS NULL) = (company_approved_at IS NULL)),
    -- An approval is of the text as it stands, never of an earlier revision.
    CHECK (public_body_approved_revision IS NULL OR public_body_approved_revision = revision),
    CHECK (company_approved_revision IS NULL OR company_approved_revision = revision),
    -- Two people, one for each side.
    CHECK (public_body_approved_by IS NULL OR company_approved_by IS NULL
      OR public_body_approved_by <> company_approved_by),
    -- Published exactly while both sides have approved the current text.
    CHECK ((status = 'published') = (public_body_approved_revision IS NOT NULL
      AND company_approved_revision IS NOT NULL)),
    CHECK ((status = 'published') = (published_at IS NOT NULL)),
    CHECK (status <> 'published' OR first_published_at IS NOT NULL),
    CHECK (status <> 'withdrawn' OR (withdrawn_at IS NOT NULL AND withdrawn_by IS NOT NULL
      AND withdrawn_by_organisation_id IS NOT NULL))
  ) STRICT`,
  `CREATE UNIQUE INDEX reference_cases_one_per_pilot ON reference_cases(pilot_id) WHERE pilot_id IS NOT NULL`,
  `CREATE UNIQUE INDEX reference_cases_one_per_award ON reference_cases(call_id, company_id)
    WHERE call_id IS NOT NULL`,
  `CREATE INDEX reference_cases_by_company ON reference_cases(company_id, status)`,
  `CREATE INDEX reference_cases_by_public_body ON reference_cases(public_body_id, status)`,
  `CREATE INDEX reference_cases_published ON reference_cases(published_at) WHERE status = 'published'`,

  // Rule 1: from a completed pilot between these two parties, or an award this company won.
  `CREATE TRIGGER reference_cases_need_source BEFORE INSERT ON reference_cases
    WHEN NOT (
      (NEW.pilot_id IS NOT NULL AND EXISTS (SELECT 1 FROM pilots p
        JOIN pilot_reports r ON r.pilot_id = p.id
        WHERE p.id = NEW.pilot_id AND p.status = 'completed'
          AND p.company_id = NEW.company_id AND p.host_id = NEW.public_body_id))
      OR (NEW.call_id IS NOT NULL AND EXISTS (SELECT 1 FROM calls c
        JOIN call_awards a ON a.call_id = c.id JOIN bids b ON b.id = a.bid_id
        WHERE c.id = NEW.call_id AND c.status = 'awarded'
          AND c.organisation_id = NEW.public_body_id AND b.company_id = NEW.company_id)))
    BEGIN SELECT RAISE(ABORT, 'testarena:reference_needs_source'); END`,
  // A new case is a draft written by one of the parties, approved by nobody yet.
  `CREATE TRIGGER reference_cases_insert_by_party BEFORE INSERT ON reference_cases
    WHEN NOT ${party('NEW.created_by', 'NEW')} OR NEW.updated_by IS NOT NEW.created_by
    BEGIN SELECT RAISE(ABORT, 'testarena:not_reference_party'); END`,
  `CREATE TRIGGER reference_cases_insert_as_draft BEFORE INSERT ON reference_cases
    WHEN NEW.status <> 'draft' OR NEW.revision <> 1
      OR NEW.public_body_approved_by IS NOT NULL OR NEW.company_approved_by IS NOT NULL
      OR NEW.first_published_at IS NOT NULL OR NEW.withdrawn_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'testarena:reference_approval_invalid'); END`,
  `CREATE TRIGGER reference_cases_source_fixed BEFORE UPDATE OF public_body_id, company_id, pilot_id,
    call_id, created_by, created_at ON reference_cases
    WHEN NEW.public_body_id IS NOT OLD.public_body_id OR NEW.company_id IS NOT OLD.company_id
      OR NEW.pilot_id IS NOT OLD.pilot_id OR NEW.call_id IS NOT OLD.call_id
      OR NEW.created_by IS NOT OLD.created_by OR NEW.created_at IS NOT OLD.created_at
    BEGIN SELECT RAISE(ABORT, 'testarena:reference_source_fixed'); END`,
  // Results are measured values: a label, a number, a unit and optionally the baseline.
  `CREATE TRIGGER reference_cases_results_shape_insert BEFORE INSERT ON reference_cases
    WHEN EXISTS (SELECT 1 FROM json_each(NEW.results_json) WHERE type <> 'object'
      OR json_type(value, '$.label_sv') IS NOT 'text'
      OR json_type(value, '$.label_en') NOT IN ('text', 'null')
      OR json_type(value, '$.value') NOT IN ('integer', 'real')
      OR json_type(value, '$.unit') IS NOT 'text'
      OR json_type(value, '$.baseline') NOT IN ('integer', 'real', 'null'))
    BEGIN SELECT RAISE(ABORT, 'testarena:reference_results_invalid'); END`,
  `CREATE TRIGGER reference_cases_results_shape_update BEFORE UPDATE OF results_json ON reference_cases
    WHEN EXISTS (SELECT 1 FROM json_each(NEW.results_json) WHERE type <> 'object'
      OR json_type(value, '$.label_sv') IS NOT 'text'
      OR json_type(value, '$.label_en') NOT IN ('text', 'null')
      OR json_type(value, '$.value') NOT IN ('integer', 'real')
      OR json_type(value, '$.unit') IS NOT 'text'
      OR json_type(value, '$.baseline') NOT IN ('integer', 'real', 'null'))
    BEGIN SELECT RAISE(ABORT, 'testarena:reference_results_invalid'); END`,
  // Only the parties edit the text.
  `CREATE TRIGGER reference_cases_edit_by_party BEFORE UPDATE ON reference_cases
    WHEN (${textChanged}) AND NOT ${party('NEW.updated_by', 'NEW')}
    BEGIN SELECT RAISE(ABORT, 'testarena:not_reference_party'); END`,
  // Rule 2: an edit is a new revision, and every approval was of the old one. Runs in the same
  // statement as the edit, so no write can change the text and keep an approval.
  `CREATE TRIGGER reference_cases_edit_resets_approvals AFTER UPDATE ON reference_cases
    WHEN ${textChanged}
    BEGIN
      UPDATE reference_cases SET
        revision = OLD.revision + 1,
        public_body_approved_revision = NULL, public_body_approved_by = NULL,
        public_body_approved_at = NULL,
        company_approved_revision = NULL, company_approved_by = NULL, company_approved_at = NULL,
        status = CASE WHEN NEW.status = 'published' THEN 'draft' ELSE NEW.status END,
        published_at = NULL
      WHERE id = NEW.id;
    END`,
  `CREATE TRIGGER reference_cases_revision_forward BEFORE UPDATE OF revision ON reference_cases
    WHEN NEW.revision < OLD.revision
    BEGIN SELECT RAISE(ABORT, 'testarena:reference_approval_invalid'); END`,
  // Each side approves only through one of its own members, now, and never once withdrawn by
  // the other side without a new look (a withdrawn case needs both approvals again, like a draft).
  `CREATE TRIGGER reference_cases_public_body_approval BEFORE UPDATE OF ${approvalColumns('public_body')}
    ON reference_cases
    WHEN ${approvalSet('public_body')} AND (NOT ${memberOf('NEW.public_body_approved_by', 'NEW.public_body_id')}
      OR NOT ${stampedNow('NEW.public_body_approved_at')})
    BEGIN SELECT RAISE(ABORT, 'testarena:reference_approval_invalid'); END`,
  `CREATE TRIGGER reference_cases_company_approval BEFORE UPDATE OF ${approvalColumns('company')}
    ON reference_cases
    WHEN ${approvalSet('company')} AND (NOT ${memberOf('NEW.company_approved_by', 'NEW.company_id')}
      OR NOT ${stampedNow('NEW.company_approved_at')})
    BEGIN SELECT RAISE(ABORT, 'testarena:reference_approval_invalid'); END`,
  // Publishing is stamped now; published → draft happens only through an edit (a new revision);
  // withdrawing is from published, by a party, now.
  `CREATE TRIGGER reference_cases_status BEFORE UPDATE OF status ON reference_cases
    WHEN NEW.status IS NOT OLD.status AND (
      (NEW.status = 'published' AND NOT ${stampedNow('NEW.published_at')})
      OR (NEW.status = 'draft' AND NEW.revision = OLD.revision)
      OR (NEW.status = 'withdrawn' AND (OLD.status <> 'published'
        OR NOT ${stampedNow('NEW.withdrawn_at')}
        OR NEW.withdrawn_by_organisation_id NOT IN (NEW.public_body_id, NEW.company_id)
        OR NOT ${memberOf('NEW.withdrawn_by', 'NEW.withdrawn_by_organisation_id')})))
    BEGIN SELECT RAISE(ABORT, 'testarena:invalid_transition'); END`,
  `CREATE TRIGGER reference_cases_first_published_fixed BEFORE UPDATE OF first_published_at
    ON reference_cases
    WHEN OLD.first_published_at IS NOT NULL AND NEW.first_published_at IS NOT OLD.first_published_at
    BEGIN SELECT RAISE(ABORT, 'testarena:reference_published_once'); END`,
  // What has been public stays on record: withdraw it, never delete it.
  `CREATE TRIGGER reference_cases_no_delete_once_public BEFORE DELETE ON reference_cases
    WHEN OLD.first_published_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'testarena:reference_published_once'); END`,
  // Rule 3: the named contact is a member of the public body who said yes themselves.
  `CREATE TRIGGER reference_cases_contact_insert BEFORE INSERT ON reference_cases
    WHEN NEW.contact_user_id IS NOT NULL AND (NEW.contact_user_id IS NOT NEW.created_by
      OR NOT ${memberOf('NEW.contact_user_id', 'NEW.public_body_id')}
      OR NOT ${stampedNow('NEW.contact_consented_at')})
    BEGIN SELECT RAISE(ABORT, 'testarena:contact_consent_required'); END`,
  `CREATE TRIGGER reference_cases_contact_update BEFORE UPDATE OF contact_user_id, contact_consented_at
    ON reference_cases
    WHEN NEW.contact_user_id IS NOT NULL AND (NEW.contact_user_id IS NOT OLD.contact_user_id
      OR NEW.contact_consented_at IS NOT OLD.contact_consented_at)
      AND (NEW.contact_user_id IS NOT NEW.updated_by
        OR NOT ${memberOf('NEW.contact_user_id', 'NEW.public_body_id')}
        OR NOT ${stampedNow('NEW.contact_consented_at')})
    BEGIN SELECT RAISE(ABORT, 'testarena:contact_consent_required'); END`,

  // Full-text search over the text of cases (trigram, as for offers and calls); the gallery adds
  // status = 'published'.
  `CREATE VIRTUAL TABLE reference_cases_fts USING fts5(
    title_sv, summary_sv, challenge_sv, solution_sv, title_en, summary_en,
    content = 'reference_cases', content_rowid = 'id', tokenize = 'trigram case_sensitive 0'
  )`,
  `CREATE TRIGGER reference_cases_fts_insert AFTER INSERT ON reference_cases BEGIN
    INSERT INTO reference_cases_fts (rowid, title_sv, summary_sv, challenge_sv, solution_sv, title_en,
      summary_en)
    VALUES (NEW.id, NEW.title_sv, NEW.summary_sv, NEW.challenge_sv, NEW.solution_sv, NEW.title_en,
      NEW.summary_en);
  END`,
  `CREATE TRIGGER reference_cases_fts_delete AFTER DELETE ON reference_cases BEGIN
    INSERT INTO reference_cases_fts (reference_cases_fts, rowid, title_sv, summary_sv, challenge_sv,
      solution_sv, title_en, summary_en)
    VALUES ('delete', OLD.id, OLD.title_sv, OLD.summary_sv, OLD.challenge_sv, OLD.solution_sv,
      OLD.title_en, OLD.summary_en);
  END`,
  `CREATE TRIGGER reference_cases_fts_update AFTER UPDATE OF title_sv, summary_sv, challenge_sv,
    solution_sv, title_en, summary_en ON reference_cases BEGIN
    INSERT INTO reference_cases_fts (reference_cases_fts, rowid, title_sv, summary_sv, challenge_sv,
      solution_sv, title_en, summary_en)
    VALUES ('delete', OLD.id, OLD.title_sv, OLD.summary_sv, OLD.challenge_sv, OLD.solution_sv,
      OLD.title_en, OLD.summary_en);
    INSERT INTO reference_cases_fts (rowid, title_sv, summary_sv, challenge_sv, solution_sv, title_en,
      summary_en)
    VALUES (NEW.id, NEW.title_sv, NEW.summary_sv, NEW.challenge_sv, NEW.solution_sv, NEW.title_en,
      NEW.summary_en);
  END`,

  // A visitor asks to speak with the reference customer. Kept 90 days, then erased.
  `CREATE TABLE reference_call_requests (
    id INTEGER PRIMARY KEY,
    reference_id INTEGER NOT NULL REFERENCES reference_cases(id),
    requester_name TEXT CHECK (requester_name IS NULL OR length(trim(requester_name)) BETWEEN 2 AND 200),
    requester_email TEXT CHECK (requester_email IS NULL OR (requester_email = lower(trim(requester_email))
      AND length(requester_email) BETWEEN 3 AND 254 AND instr(requester_email, '@') > 1)),
    requester_organisation TEXT CHECK (requester_organisation IS NULL
      OR length(trim(requester_organisation)) BETWEEN 2 AND 200),
    requester_country TEXT CHECK (requester_country IS NULL OR length(requester_country) <= 100),
    message TEXT CHECK (message IS NULL OR length(trim(message)) BETWEEN 10 AND 3000),
    locale TEXT NOT NULL CHECK (locale IN ('sv', 'en')),
    created_at INTEGER NOT NULL,
    erase_after INTEGER NOT NULL CHECK (erase_after = created_at + ${REQUEST_RETENTION_DAYS * DAY}),
    erased_at INTEGER,
    CHECK (erased_at IS NOT NULL OR (requester_name IS NOT NULL AND requester_email IS NOT NULL
      AND requester_organisation IS NOT NULL AND message IS NOT NULL)),
    CHECK (erased_at IS NULL OR (requester_name IS NULL AND requester_email IS NULL
      AND requester_organisation IS NULL AND requester_country IS NULL AND message IS NULL))
  ) STRICT`,
  `CREATE INDEX reference_call_requests_by_reference ON reference_call_requests(reference_id, created_at)`,
  `CREATE INDEX reference_call_requests_by_email ON reference_call_requests(requester_email, created_at)
    WHERE requester_email IS NOT NULL`,
  `CREATE INDEX reference_call_requests_due ON reference_call_requests(erase_after) WHERE erased_at IS NULL`,
  `CREATE TRIGGER reference_call_requests_open BEFORE INSERT ON reference_call_requests
    WHEN NOT EXISTS (SELECT 1 FROM reference_cases WHERE id = NEW.reference_id
        AND status = 'published' AND takes_reference_calls = 1)
      OR NEW.erased_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'testarena:reference_calls_closed'); END`,
  `CREATE TRIGGER reference_call_requests_stamped BEFORE INSERT ON reference_call_requests
    WHEN NOT ${stampedNow('NEW.created_at')}
    BEGIN SELECT RAISE(ABORT, 'testarena:clock_mismatch'); END`,
  // At most 3 requests a day from one address, and 20 a day to one case.
  `CREATE TRIGGER reference_call_requests_rate BEFORE INSERT ON reference_call_requests
    WHEN (SELECT count(*) FROM reference_call_requests WHERE requester_email = NEW.requester_email
        AND created_at > unixepoch() - ${DAY}) >= 3
      OR (SELECT count(*) FROM reference_call_requests WHERE reference_id = NEW.reference_id
        AND created_at > unixepoch() - ${DAY}) >= 20
    BEGIN SELECT RAISE(ABORT, 'testarena:too_many_requests'); END`,
  // The log stays; only the erasure of its personal data is a permitted change.
  `CREATE TRIGGER reference_call_requests_erase_only BEFORE UPDATE ON reference_call_requests
    WHEN OLD.erased_at IS NOT NULL OR NEW.erased_at IS NULL
      OR NEW.reference_id IS NOT OLD.reference_id OR NEW.locale IS NOT OLD.locale
      OR NEW.created_at IS NOT OLD.created_at OR NEW.erase_after IS NOT OLD.erase_after
    BEGIN SELECT RAISE(ABORT, 'testarena:request_fixed'); END`,
  `CREATE TRIGGER reference_call_requests_no_delete BEFORE DELETE ON reference_call_requests
    BEGIN SELECT RAISE(ABORT, 'testarena:request_fixed'); END`,
  // The mails that carried a request, so their text is erased with it.
  `CREATE TABLE reference_call_request_mails (
    request_id INTEGER NOT NULL REFERENCES reference_call_requests(id),
    outbox_id INTEGER NOT NULL UNIQUE REFERENCES outbox(id),
    PRIMARY KEY (request_id, outbox_id)
  ) STRICT, WITHOUT ROWID`,
  `ALTER TABLE outbox ADD COLUMN erased_at INTEGER`,
  `DROP TRIGGER outbox_content_fixed`,
  // The outbox stays append-only, except that a reference-call mail's text can be erased once.
  `CREATE TRIGGER outbox_content_fixed BEFORE UPDATE OF to_address, subject, text_body, html_body,
    erased_at ON outbox
    WHEN NOT (OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL
      AND NEW.to_address IS OLD.to_address AND NEW.subject IS OLD.subject
      AND NEW.text_body = '' AND NEW.html_body IS NULL
      AND EXISTS (SELECT 1 FROM reference_call_request_mails WHERE outbox_id = OLD.id))
    BEGIN SELECT RAISE(ABORT, 'testarena:outbox_append_only'); END`,

  // Rule 4: the yearly good-examples competition.
  `CREATE TABLE competitions (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL UNIQUE CHECK (year BETWEEN 2020 AND 2100),
    status TEXT NOT NULL DEFAULT 'nominating' CHECK (status IN ('nominating', 'judging', 'published')),
    ${text('intro_sv', 10, 4000)},
    ${text('intro_en', 10, 4000)},
    nominations_close_at INTEGER NOT NULL,
    created_by INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    judging_started_at INTEGER,
    published_at INTEGER,
    published_by INTEGER REFERENCES users(id),
    CHECK (nominations_close_at > created_at),
    CHECK ((status = 'nominating') = (judging_started_at IS NULL)),
    CHECK ((status = 'published') = (published_at IS NOT NULL AND published_by IS NOT NULL))
  ) STRICT`,
  `CREATE TRIGGER competitions_by_admin BEFORE INSERT ON competitions
    WHEN NOT ${platformAdmin('NEW.created_by')} OR NEW.status <> 'nominating'
      OR NOT ${stampedNow('NEW.created_at')}
    BEGIN SELECT RAISE(ABORT, 'testarena:admin_only'); END`,
  // Nominations close no earlier than announced.
  `CREATE TRIGGER competitions_close_later_only BEFORE UPDATE OF nominations_close_at ON competitions
    WHEN NEW.nominations_close_at IS NOT OLD.nominations_close_at AND (OLD.status <> 'nominating'
      OR NEW.nominations_close_at < OLD.nominations_close_at
      OR OLD.nominations_close_at <= unixepoch())
    BEGIN SELECT RAISE(ABORT, 'testarena:deadline_frozen'); END`,
  `CREATE TRIGGER competitions_fixed BEFORE UPDATE OF year, intro_sv, intro_en, created_by, created_at
    ON competitions
    WHEN OLD.status = 'published' OR NEW.year IS NOT OLD.year OR NEW.created_by IS NOT OLD.created_by
      OR NEW.created_at IS NOT OLD.created_at
    BEGIN SELECT RAISE(ABORT, 'testarena:competition_published'); END`,
  // nominating → judging after nominations close; judging → published by an administrator, with a
  // winner in every category. Nothing moves back.
  `CREATE TRIGGER competitions_status BEFORE UPDATE OF status ON competitions
    WHEN NEW.status IS NOT OLD.status AND NOT (
      (OLD.status = 'nominating' AND NEW.status = 'judging'
        AND OLD.nominations_close_at <= unixepoch() AND ${stampedNow('NEW.judging_started_at')})
      OR (OLD.status = 'judging' AND NEW.status = 'published'))
    BEGIN SELECT RAISE(ABORT, 'testarena:invalid_transition'); END`,
  `CREATE TRIGGER competitions_judging_once BEFORE UPDATE OF judging_started_at ON competitions
    WHEN OLD.judging_started_at IS NOT NULL AND NEW.judging_started_at IS NOT OLD.judging_started_at
    BEGIN SELECT RAISE(ABORT, 'testarena:invalid_transition'); END`,
  `CREATE TRIGGER competitions_publish BEFORE UPDATE OF status ON competitions
    WHEN NEW.status = 'published' AND OLD.status = 'judging' AND (NOT ${platformAdmin('NEW.published_by')}
      OR NOT ${stampedNow('NEW.published_at')}
      OR NOT EXISTS (SELECT 1 FROM competition_categories WHERE competition_id = OLD.id)
      OR EXISTS (SELECT 1 FROM competition_categories c WHERE c.competition_id = OLD.id
        AND NOT EXISTS (SELECT 1 FROM competition_results r
          WHERE r.category_id = c.id AND r.placement = 'winner')))
    BEGIN SELECT RAISE(ABORT, 'testarena:results_incomplete'); END`,
  `CREATE TRIGGER competitions_no_delete BEFORE DELETE ON competitions
    BEGIN SELECT RAISE(ABORT, 'testarena:competition_published'); END`,

  `CREATE TABLE competition_categories (
    id INTEGER PRIMARY KEY,
    competition_id INTEGER NOT NULL REFERENCES competitions(id),
    position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 20),
    ${text('name_sv', 3, 120)},
    ${text('name_en', 3, 120)},
    ${text('description_sv', 10, 2000)},
    ${text('description_en', 10, 2000)},
    UNIQUE (competition_id, position)
  ) STRICT`,
  // Categories are set while nominations are open, and fixed once anything is nominated in them.
  `CREATE TRIGGER competition_categories_insert BEFORE INSERT ON competition_categories
    WHEN ${competitionStatus('NEW.competition_id')} IS NOT 'nominating'
    BEGIN SELECT RAISE(ABORT, 'testarena:categories_frozen'); END`,
  `CREATE TRIGGER competition_categories_update BEFORE UPDATE ON competition_categories
    WHEN ${competitionStatus('OLD.competition_id')} IS NOT 'nominating'
      OR NEW.competition_id IS NOT OLD.competition_id
      OR EXISTS (SELECT 1 FROM competition_nominations WHERE category_id = OLD.id)
    BEGIN SELECT RAISE(ABORT, 'testarena:categories_frozen'); END`,
  `CREATE TRIGGER competition_categories_delete BEFORE DELETE ON competition_categories
    WHEN ${competitionStatus('OLD.competition_id')} IS NOT 'nominating'
      OR EXISTS (SELECT 1 FROM competition_nominations WHERE category_id = OLD.id)
    BEGIN SELECT RAISE(ABORT, 'testarena:categories_frozen'); END`,

  `CREATE TABLE competition_nominations (
    id INTEGER PRIMARY KEY,
    category_id INTEGER NOT NULL REFERENCES competition_categories(id),
    reference_id INTEGER NOT NULL REFERENCES reference_cases(id),
    nominated_by INTEGER NOT NULL REFERENCES users(id),
    ${text('motivation', 20, 2000)},
    nominated_at INTEGER NOT NULL,
    UNIQUE (category_id, reference_id)
  ) STRICT`,
  `CREATE INDEX competition_nominations_by_reference ON competition_nominations(reference_id)`,
  `CREATE TRIGGER competition_nominations_open BEFORE INSERT ON competition_nominations
    WHEN ${competitionStatus(competitionOfCategory('NEW.category_id'))} IS NOT 'nominating'
      OR (SELECT nominations_close_at FROM competitions
        WHERE id = ${competitionOfCategory('NEW.category_id')}) <= unixepoch()
    BEGIN SELECT RAISE(ABORT, 'testarena:nominations_closed'); END`,
  `CREATE TRIGGER competition_nominations_published_only BEFORE INSERT ON competition_nominations
    WHEN (SELECT status FROM reference_cases WHERE id = NEW.reference_id) IS NOT 'published'
    BEGIN SELECT RAISE(ABORT, 'testarena:reference_not_published'); END`,
  `CREATE TRIGGER competition_nominations_stamped BEFORE INSERT ON competition_nominations
    WHEN NOT ${stampedNow('NEW.nominated_at')}
    BEGIN SELECT RAISE(ABORT, 'testarena:clock_mismatch'); END`,
  `CREATE TRIGGER competition_nominations_fixed BEFORE UPDATE ON competition_nominations
    BEGIN SELECT RAISE(ABORT, 'testarena:nominations_closed'); END`,
  `CREATE TRIGGER competition_nominations_delete BEFORE DELETE ON competition_nominations
    WHEN ${competitionStatus(competitionOfCategory('OLD.category_id'))} IS NOT 'nominating'
    BEGIN SELECT RAISE(ABORT, 'testarena:nominations_closed'); END`,

  `CREATE TABLE competition_jurors (
    competition_id INTEGER NOT NULL REFERENCES competitions(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    appointed_by INTEGER NOT NULL REFERENCES users(id),
    appointed_at INTEGER NOT NULL,
    PRIMARY KEY (competition_id, user_id)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX competition_jurors_by_user ON competition_jurors(user_id)`,
  `CREATE TRIGGER competition_jurors_insert BEFORE INSERT ON competition_jurors
    WHEN NOT ${platformAdmin('NEW.appointed_by')}
      OR ${competitionStatus('NEW.competition_id')} IS 'published'
    BEGIN SELECT RAISE(ABORT, 'testarena:admin_only'); END`,
  `CREATE TRIGGER competition_jurors_fixed BEFORE UPDATE ON competition_jurors
    BEGIN SELECT RAISE(ABORT, 'testarena:juror_has_declared'); END`,
  `CREATE TRIGGER competition_jurors_delete BEFORE DELETE ON competition_jurors
    WHEN EXISTS (SELECT 1 FROM competition_declarations d
      JOIN competition_nominations n ON n.id = d.nomination_id
      JOIN competition_categories c ON c.id = n.category_id
      WHERE d.juror_id = OLD.user_id AND c.competition_id = OLD.competition_id)
    BEGIN SELECT RAISE(ABORT, 'testarena:juror_has_declared'); END`,

  // A juror declares, per nomination, whether they have a conflict of interest. A member of either
  // party to the case has one, whatever they say. Declarations are final.
  `CREATE TABLE competition_declarations (
    nomination_id INTEGER NOT NULL REFERENCES competition_nominations(id),
    juror_id INTEGER NOT NULL REFERENCES users(id),
    has_conflict INTEGER NOT NULL CHECK (has_conflict IN (0, 1)),
    note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
    declared_at INTEGER NOT NULL,
    PRIMARY KEY (nomination_id, juror_id),
    CHECK (has_conflict = 0 OR length(trim(note)) >= 2)
  ) STRICT, WITHOUT ROWID`,
  `CREATE TRIGGER competition_declarations_by_juror BEFORE INSERT ON competition_declarations
    WHEN NOT EXISTS (SELECT 1 FROM competition_jurors WHERE user_id = NEW.juror_id
      AND competition_id = ${competitionOfNomination('NEW.nomination_id')})
    BEGIN SELECT RAISE(ABORT, 'testarena:not_juror'); END`,
  `CREATE TRIGGER competition_declarations_judging BEFORE INSERT ON competition_declarations
    WHEN ${competitionStatus(competitionOfNomination('NEW.nomination_id'))} IS NOT 'judging'
    BEGIN SELECT RAISE(ABORT, 'testarena:not_judging'); END`,
  `CREATE TRIGGER competition_declarations_party_conflict BEFORE INSERT ON competition_declarations
    WHEN NEW.has_conflict = 0 AND EXISTS (SELECT 1 FROM competition_nominations n
      JOIN reference_cases r ON r.id = n.reference_id
      WHERE n.id = NEW.nomination_id AND ${party('NEW.juror_id', 'r')})
    BEGIN SELECT RAISE(ABORT, 'testarena:juror_is_party'); END`,
  `CREATE TRIGGER competition_declarations_stamped BEFORE INSERT ON competition_declarations
    WHEN NOT ${stampedNow('NEW.declared_at')}
    BEGIN SELECT RAISE(ABORT, 'testarena:clock_mismatch'); END`,
  `CREATE TRIGGER competition_declarations_no_update BEFORE UPDATE ON competition_declarations
    BEGIN SELECT RAISE(ABORT, 'testarena:declaration_fixed'); END`,
  `CREATE TRIGGER competition_declarations_no_delete BEFORE DELETE ON competition_declarations
    BEGIN SELECT RAISE(ABORT, 'testarena:declaration_fixed'); END`,

  // Only a juror cleared of conflict scores a nomination (1–10 with a comment), while judging.
  `CREATE TABLE competition_scores (
    nomination_id INTEGER NOT NULL REFERENCES competition_nominations(id),
    juror_id INTEGER NOT NULL REFERENCES users(id),
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 10),
    ${text('comment', 2, 2000)},
    scored_at INTEGER NOT NULL,
    PRIMARY KEY (nomination_id, juror_id),
    FOREIGN KEY (nomination_id, juror_id) REFERENCES competition_declarations(nomination_id, juror_id)
  ) STRICT, WITHOUT ROWID`,
  `CREATE TRIGGER competition_scores_insert BEFORE INSERT ON competition_scores
    WHEN NOT EXISTS (SELECT 1 FROM competition_declarations WHERE nomination_id = NEW.nomination_id
      AND juror_id = NEW.juror_id AND has_conflict = 0)
      OR ${competitionStatus(competitionOfNomination('NEW.nomination_id'))} IS NOT 'judging'
    BEGIN SELECT RAISE(ABORT, 'testarena:juror_not_cleared'); END`,
  `CREATE TRIGGER competition_scores_update BEFORE UPDATE ON competition_scores
    WHEN NEW.nomination_id IS NOT OLD.nomination_id OR NEW.juror_id IS NOT OLD.juror_id
      OR ${competitionStatus(competitionOfNomination('OLD.nomination_id'))} IS NOT 'judging'
      OR EXISTS (SELECT 1 FROM competition_results WHERE nomination_id IN (SELECT id
        FROM competition_nominations WHERE category_id =
          (SELECT category_id FROM competition_nominations WHERE id = OLD.nomination_id)))
    BEGIN SELECT RAISE(ABORT, 'testarena:not_judging'); END`,
  `CREATE TRIGGER competition_scores_delete BEFORE DELETE ON competition_scores
    BEGIN SELECT RAISE(ABORT, 'testarena:not_judging'); END`,
  `CREATE TRIGGER competition_scores_stamped BEFORE INSERT ON competition_scores
    WHEN NOT ${stampedNow('NEW.scored_at')}
    BEGIN SELECT RAISE(ABORT, 'testarena:clock_mismatch'); END`,

  // Per nomination: how many cleared jurors scored it and the average.
  `CREATE VIEW competition_standings AS
    SELECT n.id AS nomination_id, n.category_id AS category_id, n.reference_id AS reference_id,
      count(s.score) AS score_count, avg(s.score) AS average_score
    FROM competition_nominations n LEFT JOIN competition_scores s ON s.nomination_id = n.id
    GROUP BY n.id`,

  // Winners and honourable mentions, with the jury's motivation. Decided by an administrator while
  // judging, after every juror has declared on and (if cleared) scored every nomination in the
  // category; the winner has the highest average score.
  `CREATE TABLE competition_results (
    nomination_id INTEGER PRIMARY KEY REFERENCES competition_nominations(id),
    category_id INTEGER NOT NULL REFERENCES competition_categories(id),
    placement TEXT NOT NULL CHECK (placement IN ('winner', 'honourable_mention')),
    ${text('motivation_sv', 20, 3000)},
    ${text('motivation_en', 20, 3000)},
    decided_by INTEGER NOT NULL REFERENCES users(id),
    decided_at INTEGER NOT NULL
  ) STRICT`,
  `CREATE UNIQUE INDEX competition_results_one_winner ON competition_results(category_id)
    WHERE placement = 'winner'`,
  `CREATE TRIGGER competition_results_insert BEFORE INSERT ON competition_results
    WHEN (SELECT category_id FROM competition_nominations WHERE id = NEW.nomination_id)
        IS NOT NEW.category_id
      OR ${competitionStatus(competitionOfCategory('NEW.category_id'))} IS NOT 'judging'
      OR NOT ${platformAdmin('NEW.decided_by')}
    BEGIN SELECT RAISE(ABORT, 'testarena:admin_only'); END`,
  `CREATE TRIGGER competition_results_jury_complete BEFORE INSERT ON competition_results
    WHEN NOT EXISTS (SELECT 1 FROM competition_scores WHERE nomination_id = NEW.nomination_id)
      OR EXISTS (SELECT 1 FROM competition_nominations n
        JOIN competition_jurors j ON j.competition_id = ${competitionOfCategory('NEW.category_id')}
        LEFT JOIN competition_declarations d ON d.nomination_id = n.id AND d.juror_id = j.user_id
        LEFT JOIN competition_scores s ON s.nomination_id = n.id AND s.juror_id = j.user_id
        WHERE n.category_id = NEW.category_id
          AND (d.juror_id IS NULL OR (d.has_conflict = 0 AND s.juror_id IS NULL)))
    BEGIN SELECT RAISE(ABORT, 'testarena:jury_incomplete'); END`,
  `CREATE TRIGGER competition_results_winner_by_score BEFORE INSERT ON competition_results
    WHEN NEW.placement = 'winner' AND EXISTS (SELECT 1 FROM competition_standings s
      WHERE s.category_id = NEW.category_id AND s.score_count > 0
        AND s.average_score > (SELECT average_score FROM competition_standings
          WHERE nomination_id = NEW.nomination_id))
    BEGIN SELECT RAISE(ABORT, 'testarena:winner_not_by_score'); END`,
  `CREATE TRIGGER competition_results_stamped BEFORE INSERT ON competition_results
    WHEN NOT ${stampedNow('NEW.decided_at')}
    BEGIN SELECT RAISE(ABORT, 'testarena:clock_mismatch'); END`,
  `CREATE TRIGGER competition_results_no_update BEFORE UPDATE ON competition_results
    BEGIN SELECT RAISE(ABORT, 'testarena:competition_published'); END`,
  `CREATE TRIGGER competition_results_delete BEFORE DELETE ON competition_results
    WHEN ${competitionStatus(competitionOfCategory('OLD.category_id'))} IS NOT 'judging'
    BEGIN SELECT RAISE(ABORT, 'testarena:competition_published'); END`,
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP VIEW competition_standings').execute(db)
  for (const table of [
    'competition_results',
    'competition_scores',
    'competition_declarations',
    'competition_jurors',
    'competition_nominations',
    'competition_categories',
    'competitions',
    'reference_call_request_mails',
    'reference_call_requests',
    'reference_cases_fts',
    'reference_cases',
  ]) {
    await db.schema.dropTable(table).execute()
  }
  await sql.raw('DROP TRIGGER outbox_content_fixed').execute(db)
  await sql.raw('ALTER TABLE outbox DROP COLUMN erased_at').execute(db)
  await sql
    .raw(
      `CREATE TRIGGER outbox_content_fixed BEFORE UPDATE OF to_address, subject, text_body, html_body ON outbox
    BEGIN SELECT RAISE(ABORT, 'testarena:outbox_append_only'); END`,
    )
    .execute(db)
}
