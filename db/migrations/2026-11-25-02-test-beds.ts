import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { type Kysely, sql } from 'kysely'

// Frozen once landed. Test-bed offers, pilot applications, pilots and the state-aid ledger.
// Every fairness rule of issue 3 is a constraint or trigger here, so no code path can bypass it;
// violations raise 'testarena:<code>' (app/models/errors.server.ts).
//
// Time: rules that depend on "now" read SQLite's unixepoch(), the server's clock, in the same
// statement that makes the change. The stamped time (submitted_at, decided_at) must also agree.

// The content of an offer that its public history records. Status changes are in the audit log.
const OFFER_CONTENT = [
  'title',
  'summary',
  'description',
  'county_code',
  'municipality_code',
  'places',
  'environments',
  'test_users',
  'test_user_count',
  'staff_time',
  'data_access',
  'premises',
  'equipment',
  'trl_min',
  'trl_max',
  'requires_ce_marking',
  'requires_dpia',
  'requires_insurance',
  'other_requirements',
  'capacity',
  'available_from',
  'available_until',
  'intake',
  'deadline',
  'access_model',
  'market_value_sek',
  'price_sek',
  'contact_role',
  'contact_email',
]

const contentChanged = OFFER_CONTENT.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ')
const themes = `(SELECT json_group_array(theme_code) FROM
    (SELECT theme_code FROM test_bed_offer_themes WHERE offer_id = NEW.id ORDER BY theme_code))`
const snapshot = `json_object(${OFFER_CONTENT.map((c) => `'${c}', NEW.${c}`).join(', ')},
  'themes', json(${themes}))`
const lastThemes = `(SELECT json_extract(snapshot_json, '$.themes') FROM test_bed_offer_versions
    WHERE offer_id = NEW.id ORDER BY version DESC LIMIT 1)`

const LIVE = `('draft', 'submitted', 'accepted')`

const statements = [
  `CREATE TABLE themes (
    code TEXT PRIMARY KEY CHECK (length(code) BETWEEN 2 AND 40 AND code NOT GLOB '*[^a-z_]*'),
    position INTEGER NOT NULL UNIQUE,
    name_sv TEXT NOT NULL,
    name_en TEXT NOT NULL
  ) STRICT`,

  `CREATE TABLE test_bed_offers (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    status TEXT NOT NULL DEFAULT 'draft'
      CHECK (status IN ('draft', 'published', 'paused', 'closed', 'archived')),
    title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 3 AND 200),
    summary TEXT NOT NULL CHECK (length(trim(summary)) BETWEEN 10 AND 600),
    description TEXT NOT NULL CHECK (length(trim(description)) BETWEEN 1 AND 20000),
    county_code TEXT NOT NULL REFERENCES counties(code),
    municipality_code TEXT,
    places TEXT NOT NULL DEFAULT '' CHECK (length(places) <= 1000),
    environments TEXT NOT NULL DEFAULT '' CHECK (length(environments) <= 4000),
    test_users TEXT NOT NULL DEFAULT '' CHECK (length(test_users) <= 4000),
    test_user_count INTEGER CHECK (test_user_count IS NULL OR test_user_count BETWEEN 0 AND 1000000),
    staff_time TEXT NOT NULL DEFAULT '' CHECK (length(staff_time) <= 4000),
    data_access TEXT NOT NULL DEFAULT '' CHECK (length(data_access) <= 4000),
    premises TEXT NOT NULL DEFAULT '' CHECK (length(premises) <= 4000),
    equipment TEXT NOT NULL DEFAULT '' CHECK (length(equipment) <= 4000),
    trl_min INTEGER NOT NULL CHECK (trl_min BETWEEN 1 AND 9),
    trl_max INTEGER NOT NULL CHECK (trl_max BETWEEN 1 AND 9),
    requires_ce_marking INTEGER NOT NULL DEFAULT 0 CHECK (requires_ce_marking IN (0, 1)),
    requires_dpia INTEGER NOT NULL DEFAULT 0 CHECK (requires_dpia IN (0, 1)),
    requires_insurance INTEGER NOT NULL DEFAULT 0 CHECK (requires_insurance IN (0, 1)),
    other_requirements TEXT NOT NULL DEFAULT '' CHECK (length(other_requirements) <= 4000),
    capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
    available_from INTEGER NOT NULL,
    available_until INTEGER CHECK (available_until IS NULL OR available_until > available_from),
    intake TEXT NOT NULL CHECK (intake IN ('rolling', 'round')),
    deadline INTEGER,
    access_model TEXT NOT NULL CHECK (access_model IN ('free', 'cost_sharing', 'paid')),
    market_value_sek INTEGER NOT NULL CHECK (market_value_sek BETWEEN 1 AND 1000000000),
    price_sek INTEGER NOT NULL CHECK (price_sek >= 0),
    contact_role TEXT NOT NULL CHECK (length(trim(contact_role)) BETWEEN 2 AND 200),
    contact_email TEXT NOT NULL CHECK (instr(contact_email, '@') > 1 AND length(contact_email) <= 254),
    change_note TEXT CHECK (change_note IS NULL OR length(change_note) <= 1000),
    created_by INTEGER NOT NULL REFERENCES users(id),
    updated_by INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    published_at INTEGER,
    closed_at INTEGER,
    FOREIGN KEY (municipality_code, county_code) REFERENCES municipalities(code, county_code),
    CHECK (trl_min <= trl_max),
    CHECK ((intake = 'round') = (deadline IS NOT NULL)),
    -- The price against the stated market value decides the state aid a pilot carries.
    CHECK ((access_model = 'free' AND price_sek = 0)
      OR (access_model = 'cost_sharing' AND price_sek > 0 AND price_sek < market_value_sek)
      OR (access_model = 'paid' AND price_sek = market_value_sek)),
    CHECK (status = 'draft' OR published_at IS NOT NULL)
  ) STRICT`,
  `CREATE INDEX test_bed_offers_by_status ON test_bed_offers(status, published_at DESC, id DESC)`,
  `CREATE INDEX test_bed_offers_by_host ON test_bed_offers(organisation_id, status)`,
  `CREATE INDEX test_bed_offers_by_county ON test_bed_offers(county_code, status)`,

  `CREATE TABLE test_bed_offer_themes (
    offer_id INTEGER NOT NULL REFERENCES test_bed_offers(id) ON DELETE CASCADE,
    theme_code TEXT NOT NULL REFERENCES themes(code),
    PRIMARY KEY (offer_id, theme_code)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX test_bed_offer_themes_by_theme ON test_bed_offer_themes(theme_code, offer_id)`,

  // Only a public body hosts a test bed, and only its own members write its offers.
  `CREATE TRIGGER test_bed_offers_host_is_public_body BEFORE INSERT ON test_bed_offers
    WHEN (SELECT kind FROM organisations WHERE id = NEW.organisation_id) IS NOT 'public_body'
    BEGIN SELECT RAISE(ABORT, 'testarena:host_not_public_body'); END`,
  `CREATE TRIGGER test_bed_offers_written_by_member BEFORE INSERT ON test_bed_offers
    WHEN NOT EXISTS (SELECT 1 FROM memberships
      WHERE organisation_id = NEW.organisation_id AND user_id = NEW.created_by)
      OR NEW.status <> 'draft'
    BEGIN SELECT RAISE(ABORT, 'testarena:not_host_member'); END`,
  `CREATE TRIGGER test_bed_offers_updated_by_member BEFORE UPDATE ON test_bed_offers
    WHEN NOT EXISTS (SELECT 1 FROM memberships
      WHERE organisation_id = OLD.organisation_id AND user_id = NEW.updated_by)
    BEGIN SELECT RAISE(ABORT, 'testarena:not_host_member'); END`,
  `CREATE TRIGGER test_bed_offers_host_fixed BEFORE UPDATE OF organisation_id ON test_bed_offers
    WHEN NEW.organisation_id IS NOT OLD.organisation_id
    BEGIN SELECT RAISE(ABORT, 'testarena:host_fixed'); END`,
  // draft → published ⇄ paused → closed → archived; published or paused may also close.
  `CREATE TRIGGER test_bed_offers_status_flow BEFORE UPDATE OF status ON test_bed_offers
    WHEN NEW.status IS NOT OLD.status AND NOT (
      (OLD.status = 'draft' AND NEW.status = 'published')
      OR (OLD.status = 'published' AND NEW.status IN ('paused', 'closed'))
      OR (OLD.status = 'paused' AND NEW.status IN ('published', 'closed'))
      OR (OLD.status = 'closed' AND NEW.status = 'archived'))
    BEGIN SELECT RAISE(ABORT, 'testarena:invalid_transition'); END`,
  // Publishing needs a verified host, published criteria, and a round that is still open.
  `CREATE TRIGGER test_bed_offers_publish_verified BEFORE UPDATE OF status ON test_bed_offers
    WHEN OLD.status = 'draft' AND NEW.status = 'published'
      AND (SELECT verification_status FROM organisations WHERE id = OLD.organisation_id) IS NOT 'verified'
    BEGIN SELECT RAISE(ABORT, 'testarena:host_not_verified'); END`,
  `CREATE TRIGGER test_bed_offers_publish_criteria BEFORE UPDATE OF status ON test_bed_offers
    WHEN OLD.status = 'draft' AND NEW.status = 'published'
      AND NOT EXISTS (SELECT 1 FROM test_bed_criteria WHERE offer_id = OLD.id)
    BEGIN SELECT RAISE(ABORT, 'testarena:criteria_required'); END`,
  `CREATE TRIGGER test_bed_offers_publish_open_round BEFORE UPDATE OF status ON test_bed_offers
    WHEN NEW.status = 'published' AND OLD.status IN ('draft', 'paused')
      AND NEW.intake = 'round' AND NEW.deadline <= unixepoch()
    BEGIN SELECT RAISE(ABORT, 'testarena:deadline_passed'); END`,
  // The terms an applicant relies on do not move once published: intake and access terms are
  // fixed, and a deadline only moves later, and only while it has not passed.
  `CREATE TRIGGER test_bed_offers_terms_fixed
    BEFORE UPDATE OF intake, access_model, market_value_sek, price_sek ON test_bed_offers
    WHEN OLD.status <> 'draft' AND (NEW.intake IS NOT OLD.intake
      OR NEW.access_model IS NOT OLD.access_model OR NEW.market_value_sek IS NOT OLD.market_value_sek
      OR NEW.price_sek IS NOT OLD.price_sek)
    BEGIN SELECT RAISE(ABORT, 'testarena:terms_frozen'); END`,
  `CREATE TRIGGER test_bed_offers_deadline_only_later BEFORE UPDATE OF deadline ON test_bed_offers
    WHEN OLD.status <> 'draft' AND NEW.deadline IS NOT OLD.deadline
      AND (NEW.deadline IS NULL OR NEW.deadline < OLD.deadline OR OLD.deadline <= unixepoch())
    BEGIN SELECT RAISE(ABORT, 'testarena:deadline_frozen'); END`,
  `CREATE TRIGGER test_bed_offers_capacity_covers_pilots BEFORE UPDATE OF capacity ON test_bed_offers
    WHEN NEW.capacity < (SELECT count(*) FROM pilots WHERE offer_id = OLD.id AND status = 'active')
    BEGIN SELECT RAISE(ABORT, 'testarena:capacity_below_active'); END`,
  `CREATE TRIGGER test_bed_offers_delete_drafts_only BEFORE DELETE ON test_bed_offers
    WHEN OLD.status <> 'draft'
    BEGIN SELECT RAISE(ABORT, 'testarena:offer_not_draft'); END`,

  // Every published version is kept: publishing and each later change of content add a row.
  `CREATE TABLE test_bed_offer_versions (
    id INTEGER PRIMARY KEY,
    offer_id INTEGER NOT NULL REFERENCES test_bed_offers(id),
    version INTEGER NOT NULL CHECK (version >= 1),
    at INTEGER NOT NULL,
    changed_by INTEGER NOT NULL REFERENCES users(id),
    change_note TEXT,
    snapshot_json TEXT NOT NULL CHECK (json_valid(snapshot_json)),
    UNIQUE (offer_id, version)
  ) STRICT`,
  `CREATE TRIGGER test_bed_offer_versions_no_update BEFORE UPDATE ON test_bed_offer_versions
    BEGIN SELECT RAISE(ABORT, 'testarena:history_append_only'); END`,
  `CREATE TRIGGER test_bed_offer_versions_no_delete BEFORE DELETE ON test_bed_offer_versions
    BEGIN SELECT RAISE(ABORT, 'testarena:history_append_only'); END`,
  `CREATE TRIGGER test_bed_offers_record_version AFTER UPDATE ON test_bed_offers
    WHEN NEW.status <> 'draft' AND (OLD.status = 'draft' OR ${contentChanged}
      OR ${lastThemes} IS NOT ${themes})
    BEGIN
      INSERT INTO test_bed_offer_versions (offer_id, version, at, changed_by, change_note, snapshot_json)
      VALUES (NEW.id,
        coalesce((SELECT max(version) FROM test_bed_offer_versions WHERE offer_id = NEW.id), 0) + 1,
        NEW.updated_at, NEW.updated_by,
        CASE WHEN OLD.status = 'draft' THEN NULL ELSE NEW.change_note END,
        ${snapshot});
    END`,
  // Themes are part of the content; the model changes them before it updates the offer row, whose
  // trigger above then records them. A closed offer's themes stay as they were.
  `CREATE TRIGGER test_bed_offer_themes_insert BEFORE INSERT ON test_bed_offer_themes
    WHEN (SELECT status FROM test_bed_offers WHERE id = NEW.offer_id) IN ('closed', 'archived')
    BEGIN SELECT RAISE(ABORT, 'testarena:offer_closed'); END`,
  `CREATE TRIGGER test_bed_offer_themes_delete BEFORE DELETE ON test_bed_offer_themes
    WHEN (SELECT status FROM test_bed_offers WHERE id = OLD.offer_id) IN ('closed', 'archived')
    BEGIN SELECT RAISE(ABORT, 'testarena:offer_closed'); END`,

  // The selection criteria, published with the offer and frozen from then on.
  `CREATE TABLE test_bed_criteria (
    id INTEGER PRIMARY KEY,
    offer_id INTEGER NOT NULL REFERENCES test_bed_offers(id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 1),
    title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 2 AND 200),
    description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    kind TEXT NOT NULL CHECK (kind IN ('score', 'pass_fail')),
    UNIQUE (offer_id, position)
  ) STRICT`,
  `CREATE TRIGGER test_bed_criteria_frozen_insert BEFORE INSERT ON test_bed_criteria
    WHEN (SELECT status FROM test_bed_offers WHERE id = NEW.offer_id) IS NOT 'draft'
    BEGIN SELECT RAISE(ABORT, 'testarena:criteria_frozen'); END`,
  `CREATE TRIGGER test_bed_criteria_frozen_update BEFORE UPDATE ON test_bed_criteria
    WHEN (SELECT status FROM test_bed_offers WHERE id = OLD.offer_id) IS NOT 'draft'
      OR NEW.offer_id IS NOT OLD.offer_id
    BEGIN SELECT RAISE(ABORT, 'testarena:criteria_frozen'); END`,
  // NOT IN rather than IS NOT: when a draft offer is deleted, the cascade reaches its criteria
  // after the offer row is gone, and an absent offer must not block the cascade.
  `CREATE TRIGGER test_bed_criteria_frozen_delete BEFORE DELETE ON test_bed_criteria
    WHEN (SELECT status FROM test_bed_offers WHERE id = OLD.offer_id) NOT IN ('draft')
    BEGIN SELECT RAISE(ABORT, 'testarena:criteria_frozen'); END`,

  // Full-text search over the public content. Trigram tokens find parts of Swedish compounds
  // ("omsorg" finds "äldreomsorg") and fold case, including å, ä and ö.
  `CREATE VIRTUAL TABLE test_bed_offers_fts USING fts5(
    title, summary, description, places, environments, test_users,
    content = 'test_bed_offers', content_rowid = 'id', tokenize = 'trigram case_sensitive 0'
  )`,
  `CREATE TRIGGER test_bed_offers_fts_insert AFTER INSERT ON test_bed_offers BEGIN
    INSERT INTO test_bed_offers_fts (rowid, title, summary, description, places, environments, test_users)
    VALUES (NEW.id, NEW.title, NEW.summary, NEW.description, NEW.places, NEW.environments, NEW.test_users);
  END`,
  `CREATE TRIGGER test_bed_offers_fts_delete AFTER DELETE ON test_bed_offers BEGIN
    INSERT INTO test_bed_offers_fts (test_bed_offers_fts, rowid, title, summary, description, places, environments, test_users)
    VALUES ('delete', OLD.id, OLD.title, OLD.summary, OLD.description, OLD.places, OLD.environments, OLD.test_users);
  END`,
  `CREATE TRIGGER test_bed_offers_fts_update
    AFTER UPDATE OF title, summary, description, places, environments, test_users ON test_bed_offers BEGIN
    INSERT INTO test_bed_offers_fts (test_bed_offers_fts, rowid, title, summary, description, places, environments, test_users)
    VALUES ('delete', OLD.id, OLD.title, OLD.summary, OLD.description, OLD.places, OLD.environments, OLD.test_users);
    INSERT INTO test_bed_offers_fts (rowid, title, summary, description, places, environments, test_users)
    VALUES (NEW.id, NEW.title, NEW.summary, NEW.description, NEW.places, NEW.environments, NEW.test_users);
  END`,

  `CREATE TABLE pilot_applications (
    id INTEGER PRIMARY KEY,
    offer_id INTEGER NOT NULL REFERENCES test_bed_offers(id),
    company_id INTEGER NOT NULL REFERENCES organisations(id),
    status TEXT NOT NULL DEFAULT 'draft'
      CHECK (status IN ('draft', 'submitted', 'withdrawn', 'accepted', 'declined')),
    product_name TEXT NOT NULL DEFAULT '' CHECK (length(product_name) <= 200),
    product_description TEXT NOT NULL DEFAULT '' CHECK (length(product_description) <= 4000),
    trl INTEGER CHECK (trl IS NULL OR trl BETWEEN 1 AND 9),
    test_goals TEXT NOT NULL DEFAULT '' CHECK (length(test_goals) <= 4000),
    proposed_start INTEGER,
    proposed_end INTEGER,
    test_user_count INTEGER CHECK (test_user_count IS NULL OR test_user_count BETWEEN 0 AND 1000000),
    test_user_description TEXT NOT NULL DEFAULT '' CHECK (length(test_user_description) <= 4000),
    data_needs TEXT NOT NULL DEFAULT '' CHECK (length(data_needs) <= 4000),
    contribution TEXT NOT NULL DEFAULT '' CHECK (length(contribution) <= 4000),
    declares_requirements INTEGER NOT NULL DEFAULT 0 CHECK (declares_requirements IN (0, 1)),
    declares_no_conflict INTEGER NOT NULL DEFAULT 0 CHECK (declares_no_conflict IN (0, 1)),
    created_by INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    submitted_at INTEGER,
    submitted_by INTEGER REFERENCES users(id),
    receipt_hash TEXT CHECK (receipt_hash IS NULL OR length(receipt_hash) = 64),
    withdrawn_at INTEGER,
    decided_at INTEGER,
    decided_by INTEGER REFERENCES users(id),
    decision_reason TEXT CHECK (decision_reason IS NULL OR length(decision_reason) <= 4000),
    pilot_starts_on INTEGER,
    pilot_ends_on INTEGER,
    CHECK (proposed_start IS NULL OR proposed_end IS NULL OR proposed_end > proposed_start),
    -- A submitted application is complete, declared, stamped and hashed.
    CHECK (status = 'draft' OR (length(trim(product_name)) > 0 AND trl IS NOT NULL
      AND length(trim(test_goals)) > 0 AND proposed_start IS NOT NULL AND proposed_end IS NOT NULL
      AND declares_requirements = 1 AND declares_no_conflict = 1
      AND submitted_at IS NOT NULL AND submitted_by IS NOT NULL AND receipt_hash IS NOT NULL)),
    CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL)),
    CHECK ((status IN ('accepted', 'declined'))
      = (decided_at IS NOT NULL AND decided_by IS NOT NULL AND decision_reason IS NOT NULL)),
    CHECK ((status = 'accepted') = (pilot_starts_on IS NOT NULL AND pilot_ends_on IS NOT NULL)),
    CHECK (pilot_ends_on IS NULL OR pilot_ends_on > pilot_starts_on)
  ) STRICT`,
  `CREATE INDEX pilot_applications_by_offer ON pilot_applications(offer_id, status)`,
  `CREATE INDEX pilot_applications_by_company ON pilot_applications(company_id, updated_at DESC)`,
  // One live application per company per offer (an offer is one round).
  `CREATE UNIQUE INDEX pilot_applications_one_live ON pilot_applications(offer_id, company_id)
    WHERE status IN ${LIVE}`,
  `CREATE TRIGGER pilot_applications_by_company BEFORE INSERT ON pilot_applications
    WHEN (SELECT kind FROM organisations WHERE id = NEW.company_id) IS NOT 'company'
    BEGIN SELECT RAISE(ABORT, 'testarena:applicant_not_company'); END`,
  `CREATE TRIGGER pilot_applications_by_member BEFORE INSERT ON pilot_applications
    WHEN NOT EXISTS (SELECT 1 FROM memberships
      WHERE organisation_id = NEW.company_id AND user_id = NEW.created_by)
    BEGIN SELECT RAISE(ABORT, 'testarena:not_company_member'); END`,
  `CREATE TRIGGER pilot_applications_start_as_draft BEFORE INSERT ON pilot_applications
    WHEN NEW.status <> 'draft'
    BEGIN SELECT RAISE(ABORT, 'testarena:invalid_transition'); END`,
  // Applications only to a published offer, and to a round only before its deadline.
  `CREATE TRIGGER pilot_applications_insert_open BEFORE INSERT ON pilot_applications
    WHEN (SELECT status FROM test_bed_offers WHERE id = NEW.offer_id) IS NOT 'published'
    BEGIN SELECT RAISE(ABORT, 'testarena:offer_not_open'); END`,
  `CREATE TRIGGER pilot_applications_insert_deadline BEFORE INSERT ON pilot_applications
    WHEN (SELECT deadline FROM test_bed_offers WHERE id = NEW.offer_id) <= unixepoch()
    BEGIN SELECT RAISE(ABORT, 'testarena:deadline_passed'); END`,
  `CREATE TRIGGER pilot_applications_fixed_parties BEFORE UPDATE OF offer_id, company_id, created_by
    ON pilot_applications
    WHEN NEW.offer_id IS NOT OLD.offer_id OR NEW.company_id IS NOT OLD.company_id
      OR NEW.created_by IS NOT OLD.created_by
    BEGIN SELECT RAISE(ABORT, 'testarena:application_parties_fixed'); END`,
  // draft → submitted → withdrawn | accepted | declined, nothing else.
  `CREATE TRIGGER pilot_applications_status_flow BEFORE UPDATE OF status ON pilot_applications
    WHEN NEW.status IS NOT OLD.status AND NOT (
      (OLD.status = 'draft' AND NEW.status = 'submitted')
      OR (OLD.status = 'submitted' AND NEW.status IN ('withdrawn', 'accepted', 'declined')))
    BEGIN SELECT RAISE(ABORT, 'testarena:invalid_transition'); END`,
  `CREATE TRIGGER pilot_applications_submit_open BEFORE UPDATE OF status ON pilot_applications
    WHEN NEW.status = 'submitted' AND OLD.status = 'draft'
      AND (SELECT status FROM test_bed_offers WHERE id = NEW.offer_id) IS NOT 'published'
    BEGIN SELECT RAISE(ABORT, 'testarena:offer_not_open'); END`,
  `CREATE TRIGGER pilot_applications_submit_deadline BEFORE UPDATE OF status ON pilot_applications
    WHEN NEW.status = 'submitted' AND OLD.status = 'draft'
      AND (SELECT deadline FROM test_bed_offers WHERE id = NEW.offer_id) IS NOT NULL
      AND ((SELECT deadline FROM test_bed_offers WHERE id = NEW.offer_id) <= unixepoch()
        OR (SELECT deadline FROM test_bed_offers WHERE id = NEW.offer_id) <= NEW.submitted_at
        OR NEW.submitted_at > unixepoch() + 5)
    BEGIN SELECT RAISE(ABORT, 'testarena:deadline_passed'); END`,
  `CREATE TRIGGER pilot_applications_submit_by_member BEFORE UPDATE OF status ON pilot_applications
    WHEN NEW.status = 'submitted' AND OLD.status = 'draft' AND NOT EXISTS (SELECT 1 FROM memberships
      WHERE organisation_id = NEW.company_id AND user_id = NEW.submitted_by)
    BEGIN SELECT RAISE(ABORT, 'testarena:not_company_member'); END`,
  `CREATE TRIGGER pilot_applications_submit_trl BEFORE UPDATE OF status ON pilot_applications
    WHEN NEW.status = 'submitted' AND OLD.status = 'draft' AND NOT EXISTS (SELECT 1 FROM test_bed_offers
      WHERE id = NEW.offer_id AND NEW.trl BETWEEN trl_min AND trl_max)
    BEGIN SELECT RAISE(ABORT, 'testarena:trl_out_of_range'); END`,
  // What was received is what was hashed into the receipt: content is fixed after submission.
  `CREATE TRIGGER pilot_applications_content_fixed BEFORE UPDATE OF product_name, product_description,
    trl, test_goals, proposed_start, proposed_end, test_user_count, test_user_description, data_needs,
    contribution, declares_requirements, declares_no_conflict, submitted_at, submitted_by, receipt_hash
    ON pilot_applications
    WHEN OLD.status <> 'draft'
    BEGIN SELECT RAISE(ABORT, 'testarena:application_submitted'); END`,
  // A decision: only by a member of the host, with a reason, every criterion scored or ticked,
  // must-haves met to accept, a round only after its deadline, and never beyond capacity.
  `CREATE TRIGGER pilot_applications_decided_by_host BEFORE UPDATE OF status ON pilot_applications
    WHEN NEW.status IN ('accepted', 'declined') AND NEW.status IS NOT OLD.status
      AND NOT EXISTS (SELECT 1 FROM memberships m JOIN test_bed_offers o ON o.organisation_id = m.organisation_id
        WHERE o.id = NEW.offer_id AND m.user_id = NEW.decided_by)
    BEGIN SELECT RAISE(ABORT, 'testarena:decision_by_host_only'); END`,
  // Nobody assesses their own company: a host member who also belongs to the applicant stays out.
  `CREATE TRIGGER pilot_applications_decider_not_applicant BEFORE UPDATE OF status ON pilot_applications
    WHEN NEW.status IN ('accepted', 'declined') AND NEW.status IS NOT OLD.status
      AND EXISTS (SELECT 1 FROM memberships WHERE organisation_id = NEW.company_id AND user_id = NEW.decided_by)
      AND EXISTS (SELECT 1 FROM memberships m JOIN test_bed_offers o ON o.organisation_id = m.organisation_id
        WHERE o.id = NEW.offer_id AND m.user_id = NEW.decided_by)
    BEGIN SELECT RAISE(ABORT, 'testarena:conflict_of_interest'); END`,
  `CREATE TRIGGER pilot_applications_decision_reason BEFORE UPDATE OF status ON pilot_applications
    WHEN NEW.status IN ('accepted', 'declined') AND NEW.status IS NOT OLD.status
      AND length(trim(coalesce(NEW.decision_reason, ''))) = 0
    BEGIN SELECT RAISE(ABORT, 'testarena:reason_required'); END`,
  `CREATE TRIGGER pilot_applications_decision_after_deadline BEFORE UPDATE OF status ON pilot_applications
    WHEN NEW.status IN ('accepted', 'declined') AND NEW.status IS NOT OLD.status
      AND (SELECT deadline FROM test_bed_offers WHERE id = NEW.offer_id) > unixepoch()
    BEGIN SELECT RAISE(ABORT, 'testarena:round_still_open'); END`,
  `CREATE TRIGGER pilot_applications_decision_scored BEFORE UPDATE OF status ON pilot_applications
    WHEN NEW.status IN ('accepted', 'declined') AND NEW.status IS NOT OLD.status
      AND (SELECT count(*) FROM test_bed_criteria WHERE offer_id = NEW.offer_id)
        <> (SELECT count(*) FROM pilot_application_scores WHERE application_id = NEW.id)
    BEGIN SELECT RAISE(ABORT, 'testarena:criteria_not_scored'); END`,
  `CREATE TRIGGER pilot_applications_accept_must_haves BEFORE UPDATE OF status ON pilot_applications
    WHEN NEW.status = 'accepted' AND OLD.status <> 'accepted'
      AND EXISTS (SELECT 1 FROM pilot_application_scores WHERE application_id = NEW.id AND met = 0)
    BEGIN SELECT RAISE(ABORT, 'testarena:must_have_not_met'); END`,
  `CREATE TRIGGER pilot_applications_accept_capacity BEFORE UPDATE OF status ON pilot_applications
    WHEN NEW.status = 'accepted' AND OLD.status <> 'accepted'
      AND (SELECT count(*) FROM pilot_applications a LEFT JOIN pilots p ON p.application_id = a.id
        WHERE a.offer_id = NEW.offer_id AND a.status = 'accepted' AND (p.id IS NULL OR p.status = 'active'))
        >= (SELECT capacity FROM test_bed_offers WHERE id = NEW.offer_id)
    BEGIN SELECT RAISE(ABORT, 'testarena:capacity_full'); END`,
  `CREATE TRIGGER pilot_applications_decision_fixed BEFORE UPDATE OF decided_at, decided_by,
    decision_reason, pilot_starts_on, pilot_ends_on ON pilot_applications
    WHEN OLD.status IN ('accepted', 'declined', 'withdrawn')
    BEGIN SELECT RAISE(ABORT, 'testarena:application_decided'); END`,
  `CREATE TRIGGER pilot_applications_delete_drafts_only BEFORE DELETE ON pilot_applications
    WHEN OLD.status <> 'draft'
    BEGIN SELECT RAISE(ABORT, 'testarena:application_submitted'); END`,

  `CREATE TABLE pilot_application_scores (
    application_id INTEGER NOT NULL REFERENCES pilot_applications(id),
    criterion_id INTEGER NOT NULL REFERENCES test_bed_criteria(id),
    score INTEGER CHECK (score IS NULL OR score BETWEEN 0 AND 5),
    met INTEGER CHECK (met IS NULL OR met IN (0, 1)),
    comment TEXT NOT NULL DEFAULT '' CHECK (length(comment) <= 2000),
    scored_by INTEGER NOT NULL REFERENCES users(id),
    scored_at INTEGER NOT NULL,
    PRIMARY KEY (application_id, criterion_id),
    CHECK ((score IS NULL) <> (met IS NULL))
  ) STRICT, WITHOUT ROWID`,
  `CREATE TRIGGER pilot_application_scores_valid BEFORE INSERT ON pilot_application_scores
    WHEN NOT EXISTS (SELECT 1 FROM pilot_applications a JOIN test_bed_criteria c ON c.offer_id = a.offer_id
      WHERE a.id = NEW.application_id AND c.id = NEW.criterion_id
        AND ((c.kind = 'score' AND NEW.score IS NOT NULL) OR (c.kind = 'pass_fail' AND NEW.met IS NOT NULL)))
    BEGIN SELECT RAISE(ABORT, 'testarena:criterion_not_in_offer'); END`,
  `CREATE TRIGGER pilot_application_scores_by_host BEFORE INSERT ON pilot_application_scores
    WHEN NOT EXISTS (SELECT 1 FROM memberships m
      JOIN test_bed_offers o ON o.organisation_id = m.organisation_id
      JOIN pilot_applications a ON a.offer_id = o.id
      WHERE a.id = NEW.application_id AND m.user_id = NEW.scored_by)
    BEGIN SELECT RAISE(ABORT, 'testarena:decision_by_host_only'); END`,
  `CREATE TRIGGER pilot_application_scores_not_applicant BEFORE INSERT ON pilot_application_scores
    WHEN EXISTS (SELECT 1 FROM memberships m JOIN pilot_applications a ON a.company_id = m.organisation_id
      WHERE a.id = NEW.application_id AND m.user_id = NEW.scored_by)
      AND EXISTS (SELECT 1 FROM memberships m JOIN test_bed_offers o ON o.organisation_id = m.organisation_id
        JOIN pilot_applications a ON a.offer_id = o.id
        WHERE a.id = NEW.application_id AND m.user_id = NEW.scored_by)
    BEGIN SELECT RAISE(ABORT, 'testarena:conflict_of_interest'); END`,
  `CREATE TRIGGER pilot_application_scores_open_insert BEFORE INSERT ON pilot_application_scores
    WHEN (SELECT status FROM pilot_applications WHERE id = NEW.application_id) IS NOT 'submitted'
    BEGIN SELECT RAISE(ABORT, 'testarena:application_decided'); END`,
  `CREATE TRIGGER pilot_application_scores_open_update BEFORE UPDATE ON pilot_application_scores
    WHEN (SELECT status FROM pilot_applications WHERE id = OLD.application_id) IS NOT 'submitted'
    BEGIN SELECT RAISE(ABORT, 'testarena:application_decided'); END`,
  `CREATE TRIGGER pilot_application_scores_open_delete BEFORE DELETE ON pilot_application_scores
    WHEN (SELECT status FROM pilot_applications WHERE id = OLD.application_id) IS NOT 'submitted'
    BEGIN SELECT RAISE(ABORT, 'testarena:application_decided'); END`,

  // An accepted application becomes a pilot, made here so no acceptance can lack one.
  `CREATE TABLE pilots (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL UNIQUE REFERENCES pilot_applications(id),
    offer_id INTEGER NOT NULL REFERENCES test_bed_offers(id),
    company_id INTEGER NOT NULL REFERENCES organisations(id),
    host_id INTEGER NOT NULL REFERENCES organisations(id),
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed')),
    starts_on INTEGER NOT NULL,
    ends_on INTEGER NOT NULL CHECK (ends_on > starts_on),
    created_at INTEGER NOT NULL,
    completed_at INTEGER,
    CHECK ((status = 'completed') = (completed_at IS NOT NULL))
  ) STRICT`,
  `CREATE INDEX pilots_by_offer ON pilots(offer_id, status)`,
  `CREATE INDEX pilots_by_company ON pilots(company_id, status)`,
  `CREATE INDEX pilots_by_host ON pilots(host_id, status)`,
  `CREATE TRIGGER pilots_from_acceptance BEFORE INSERT ON pilots
    WHEN NOT EXISTS (SELECT 1 FROM pilot_applications a JOIN test_bed_offers o ON o.id = a.offer_id
      WHERE a.id = NEW.application_id AND a.status = 'accepted' AND a.offer_id = NEW.offer_id
        AND a.company_id = NEW.company_id AND o.organisation_id = NEW.host_id)
      OR NEW.status <> 'active'
    BEGIN SELECT RAISE(ABORT, 'testarena:pilot_needs_acceptance'); END`,
  `CREATE TRIGGER pilot_applications_make_pilot AFTER UPDATE OF status ON pilot_applications
    WHEN NEW.status = 'accepted' AND OLD.status <> 'accepted'
    BEGIN
      INSERT INTO pilots (application_id, offer_id, company_id, host_id, starts_on, ends_on, created_at)
      VALUES (NEW.id, NEW.offer_id, NEW.company_id,
        (SELECT organisation_id FROM test_bed_offers WHERE id = NEW.offer_id),
        NEW.pilot_starts_on, NEW.pilot_ends_on, NEW.decided_at);
    END`,
  `CREATE TRIGGER pilots_parties_fixed BEFORE UPDATE OF application_id, offer_id, company_id, host_id
    ON pilots
    BEGIN SELECT RAISE(ABORT, 'testarena:pilot_fixed'); END`,
  `CREATE TRIGGER pilots_complete_with_report BEFORE UPDATE OF status ON pilots
    WHEN NEW.status IS NOT OLD.status AND (OLD.status <> 'active'
      OR NOT EXISTS (SELECT 1 FROM pilot_reports WHERE pilot_id = OLD.id))
    BEGIN SELECT RAISE(ABORT, 'testarena:pilot_fixed'); END`,
  `CREATE TRIGGER pilots_no_delete BEFORE DELETE ON pilots
    BEGIN SELECT RAISE(ABORT, 'testarena:pilot_fixed'); END`,

  // A below-market price is state aid to the company, counted per company across Testarena.
  `CREATE TABLE state_aid_ledger (
    id INTEGER PRIMARY KEY,
    company_id INTEGER NOT NULL REFERENCES organisations(id),
    pilot_id INTEGER NOT NULL UNIQUE REFERENCES pilots(id),
    offer_id INTEGER NOT NULL REFERENCES test_bed_offers(id),
    host_id INTEGER NOT NULL REFERENCES organisations(id),
    market_value_sek INTEGER NOT NULL,
    price_sek INTEGER NOT NULL,
    aid_sek INTEGER NOT NULL CHECK (aid_sek > 0 AND aid_sek = market_value_sek - price_sek),
    granted_at INTEGER NOT NULL
  ) STRICT`,
  `CREATE INDEX state_aid_ledger_by_company ON state_aid_ledger(company_id, granted_at)`,
  `CREATE TRIGGER pilots_record_aid AFTER INSERT ON pilots
    WHEN (SELECT market_value_sek - price_sek FROM test_bed_offers WHERE id = NEW.offer_id) > 0
    BEGIN
      INSERT INTO state_aid_ledger (company_id, pilot_id, offer_id, host_id, market_value_sek, price_sek,
        aid_sek, granted_at)
      SELECT NEW.company_id, NEW.id, o.id, o.organisation_id, o.market_value_sek, o.price_sek,
        o.market_value_sek - o.price_sek, NEW.created_at
      FROM test_bed_offers o WHERE o.id = NEW.offer_id;
    END`,
  `CREATE TRIGGER state_aid_ledger_only_from_pilots BEFORE INSERT ON state_aid_ledger
    WHEN NOT EXISTS (SELECT 1 FROM pilots p JOIN test_bed_offers o ON o.id = p.offer_id
      WHERE p.id = NEW.pilot_id AND p.company_id = NEW.company_id AND o.id = NEW.offer_id
        AND o.organisation_id = NEW.host_id AND o.market_value_sek = NEW.market_value_sek
        AND o.price_sek = NEW.price_sek)
    BEGIN SELECT RAISE(ABORT, 'testarena:aid_ledger_append_only'); END`,
  `CREATE TRIGGER state_aid_ledger_no_update BEFORE UPDATE ON state_aid_ledger
    BEGIN SELECT RAISE(ABORT, 'testarena:aid_ledger_append_only'); END`,
  `CREATE TRIGGER state_aid_ledger_no_delete BEFORE DELETE ON state_aid_ledger
    BEGIN SELECT RAISE(ABORT, 'testarena:aid_ledger_append_only'); END`,

  // The private thread between host and company; append-only.
  `CREATE TABLE pilot_messages (
    id INTEGER PRIMARY KEY,
    pilot_id INTEGER NOT NULL REFERENCES pilots(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    author_id INTEGER NOT NULL REFERENCES users(id),
    body TEXT NOT NULL CHECK (length(trim(body)) BETWEEN 1 AND 5000),
    created_at INTEGER NOT NULL
  ) STRICT`,
  `CREATE INDEX pilot_messages_by_pilot ON pilot_messages(pilot_id, id)`,
  `CREATE TRIGGER pilot_messages_by_party BEFORE INSERT ON pilot_messages
    WHEN NOT EXISTS (SELECT 1 FROM pilots p JOIN memberships m ON m.organisation_id = NEW.organisation_id
      WHERE p.id = NEW.pilot_id AND NEW.organisation_id IN (p.host_id, p.company_id)
        AND m.user_id = NEW.author_id)
    BEGIN SELECT RAISE(ABORT, 'testarena:not_pilot_party'); END`,
  `CREATE TRIGGER pilot_messages_no_update BEFORE UPDATE ON pilot_messages
    BEGIN SELECT RAISE(ABORT, 'testarena:messages_append_only'); END`,
  `CREATE TRIGGER pilot_messages_no_delete BEFORE DELETE ON pilot_messages
    BEGIN SELECT RAISE(ABORT, 'testarena:messages_append_only'); END`,

  // The host's test report ends the pilot; the company may answer it once.
  `CREATE TABLE pilot_reports (
    pilot_id INTEGER PRIMARY KEY REFERENCES pilots(id),
    what_tested TEXT NOT NULL CHECK (length(trim(what_tested)) BETWEEN 1 AND 8000),
    with_whom TEXT NOT NULL CHECK (length(trim(with_whom)) BETWEEN 1 AND 4000),
    results TEXT NOT NULL CHECK (length(trim(results)) BETWEEN 1 AND 8000),
    recommendations TEXT NOT NULL CHECK (length(trim(recommendations)) BETWEEN 1 AND 8000),
    author_id INTEGER NOT NULL REFERENCES users(id),
    submitted_at INTEGER NOT NULL,
    response TEXT CHECK (response IS NULL OR length(trim(response)) BETWEEN 1 AND 8000),
    responded_by INTEGER REFERENCES users(id),
    responded_at INTEGER,
    CHECK ((response IS NULL) = (responded_at IS NULL) AND (response IS NULL) = (responded_by IS NULL))
  ) STRICT`,
  `CREATE TRIGGER pilot_reports_by_host BEFORE INSERT ON pilot_reports
    WHEN NOT EXISTS (SELECT 1 FROM pilots p JOIN memberships m ON m.organisation_id = p.host_id
      WHERE p.id = NEW.pilot_id AND p.status = 'active' AND m.user_id = NEW.author_id)
      OR NEW.response IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'testarena:report_by_host_only'); END`,
  `CREATE TRIGGER pilot_reports_complete_pilot AFTER INSERT ON pilot_reports
    BEGIN
      UPDATE pilots SET status = 'completed', completed_at = NEW.submitted_at WHERE id = NEW.pilot_id;
    END`,
  `CREATE TRIGGER pilot_reports_fixed BEFORE UPDATE OF pilot_id, what_tested, with_whom, results,
    recommendations, author_id, submitted_at ON pilot_reports
    BEGIN SELECT RAISE(ABORT, 'testarena:report_fixed'); END`,
  `CREATE TRIGGER pilot_reports_response_by_company BEFORE UPDATE OF response, responded_by, responded_at
    ON pilot_reports
    WHEN OLD.response IS NOT NULL OR NOT EXISTS (SELECT 1 FROM pilots p
      JOIN memberships m ON m.organisation_id = p.company_id
      WHERE p.id = OLD.pilot_id AND m.user_id = NEW.responded_by)
    BEGIN SELECT RAISE(ABORT, 'testarena:response_by_company_only'); END`,
  `CREATE TRIGGER pilot_reports_no_delete BEFORE DELETE ON pilot_reports
    BEGIN SELECT RAISE(ABORT, 'testarena:report_fixed'); END`,
]

function readCsv(name: string): Record<string, string>[] {
  const text = readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8')
  return parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[]
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
  let position = 0
  for (const row of readCsv('themes.csv')) {
    position++
    await db
      .insertInto('themes')
      .values({ code: row.code, position, name_sv: row.name_sv, name_en: row.name_en })
      .execute()
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'pilot_reports',
    'pilot_messages',
    'state_aid_ledger',
    'pilots',
    'pilot_application_scores',
    'pilot_applications',
    'test_bed_offers_fts',
    'test_bed_criteria',
    'test_bed_offer_versions',
    'test_bed_offer_themes',
    'test_bed_offers',
    'themes',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
