import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { type Kysely, sql } from 'kysely'

// Frozen once landed. Innovation procurement calls: equal treatment of every bidder as constraints
// and triggers (issue 4, decision record 017). Violations raise 'testarena:<code>'
// (app/models/errors.server.ts).
//
// 1. Open to all: no table or column can name the firms a call is for; any company may follow,
//    ask and bid (only the buyer's own members may not).
// 2. Same information to all: questions are answered in public, answers are immutable, and there
//    is no buyer–bidder channel (a pilot a published call builds on goes quiet until the outcome).
// 3. Terms frozen: after publication the call changes only through a published amendment, which
//    must extend the deadline when it changes terms or comes late; deadlines never shorten.
// 4. Sealed bids: content is encrypted by the app (bid-seal); rows only change before the
//    deadline; opening is an explicit act after it, with a record of which bids were opened.
// 5. Award follows the published criteria: declared evaluators without conflicts score every valid
//    bid on every criterion; awards go to the best passing bids; no contract before standstill.
//
// Time: "now" is SQLite's unixepoch() in the same statement; times the app stamps (published_at,
// submitted_at …) must agree with it within a few seconds, so nothing can be backdated.

const DAY = 86400
const ANSWER_MARGIN = 6 * DAY
const stampedNow = (col: string) => `abs(${col} - unixepoch()) <= 5`
const buyerMember = (callId: string, userId: string) => `EXISTS (SELECT 1 FROM memberships
    WHERE user_id = ${userId} AND organisation_id = (SELECT organisation_id FROM calls WHERE id = ${callId}))`
const callStatus = (callId: string) => `(SELECT status FROM calls WHERE id = ${callId})`
const callDeadline = (callId: string) => `(SELECT tender_deadline FROM calls WHERE id = ${callId})`
const openAmendment = (id: string, callId: string) => `EXISTS (SELECT 1 FROM call_amendments
    WHERE id = ${id} AND call_id = ${callId} AND state = 'open')`
// Rows that are in force: original rows, and rows of published amendments, not removed by one.
const inForce = (alias: string) => `(${alias}.added_in IS NULL
    OR (SELECT state FROM call_amendments WHERE id = ${alias}.added_in) = 'published')
  AND (${alias}.removed_in IS NULL
    OR (SELECT state FROM call_amendments WHERE id = ${alias}.removed_in) IS NOT 'published')`

const CALL_CONTENT = [
  'organisation_id',
  'procedure',
  'title',
  'summary',
  'need',
  'functional_requirements',
  'novel_to_market',
  'includes_rnd',
  'estimated_value_sek',
  'max_winners',
  'county_code',
  'municipality_code',
  'standstill_days',
  'prior_involvement',
]
const contentChanged = CALL_CONTENT.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ')

// The opening record: which bids were received in time and submitted, with their receipts.
const openingRecord = (callId: string) => `(SELECT json_group_array(json_object(
    'bid_id', id, 'company_id', company_id, 'submitted_at', submitted_at, 'receipt_hash', receipt_hash))
    FROM (SELECT id, company_id, submitted_at, receipt_hash FROM bids
      WHERE call_id = ${callId} AND status = 'submitted' ORDER BY id))`

const statements = [
  `CREATE TABLE cpv_codes (
    code TEXT PRIMARY KEY CHECK (length(code) = 8 AND code NOT GLOB '*[^0-9]*'),
    parent TEXT REFERENCES cpv_codes(code),
    name_sv TEXT NOT NULL,
    name_en TEXT
  ) STRICT`,
  `CREATE INDEX cpv_codes_by_parent ON cpv_codes(parent, code)`,

  `CREATE TABLE calls (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'opened',
      'evaluated', 'awarded', 'unsuccessful', 'cancelled', 'concluded')),
    procedure TEXT NOT NULL
      CHECK (procedure IN ('market_dialogue', 'open', 'innovation_partnership', 'pcp')),
    title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 3 AND 200),
    summary TEXT NOT NULL CHECK (length(trim(summary)) BETWEEN 10 AND 600),
    need TEXT NOT NULL CHECK (length(trim(need)) BETWEEN 1 AND 20000),
    functional_requirements INTEGER NOT NULL DEFAULT 0 CHECK (functional_requirements IN (0, 1)),
    novel_to_market INTEGER NOT NULL DEFAULT 0 CHECK (novel_to_market IN (0, 1)),
    includes_rnd INTEGER NOT NULL DEFAULT 0 CHECK (includes_rnd IN (0, 1)),
    estimated_value_sek INTEGER CHECK (estimated_value_sek IS NULL
      OR estimated_value_sek BETWEEN 1 AND 100000000000),
    max_winners INTEGER NOT NULL DEFAULT 1 CHECK (max_winners BETWEEN 1 AND 10),
    county_code TEXT NOT NULL REFERENCES counties(code),
    municipality_code TEXT,
    question_deadline INTEGER NOT NULL,
    tender_deadline INTEGER NOT NULL,
    standstill_days INTEGER NOT NULL DEFAULT 10 CHECK (standstill_days BETWEEN 10 AND 60),
    prior_involvement TEXT NOT NULL DEFAULT '' CHECK (length(prior_involvement) <= 8000),
    created_by INTEGER NOT NULL REFERENCES users(id),
    updated_by INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    published_at INTEGER,
    opened_at INTEGER,
    evaluated_at INTEGER,
    decided_at INTEGER,
    decided_by INTEGER REFERENCES users(id),
    outcome_reason TEXT CHECK (outcome_reason IS NULL OR length(outcome_reason) <= 8000),
    standstill_ends_at INTEGER,
    contract_signed_at INTEGER,
    contract_signed_by INTEGER REFERENCES users(id),
    FOREIGN KEY (municipality_code, county_code) REFERENCES municipalities(code, county_code),
    -- Questions close early enough that every answer reaches all bidders 6 days before the deadline.
    CHECK (question_deadline <= tender_deadline - ${ANSWER_MARGIN}),
    CHECK (procedure = 'market_dialogue' OR estimated_value_sek IS NOT NULL),
    CHECK (procedure <> 'pcp' OR max_winners >= 2),
    CHECK (procedure <> 'market_dialogue' OR max_winners = 1),
    CHECK ((status = 'draft') = (published_at IS NULL)),
    CHECK (status NOT IN ('opened', 'evaluated', 'awarded', 'unsuccessful', 'concluded')
      OR opened_at IS NOT NULL),
    CHECK (status NOT IN ('evaluated', 'awarded') OR evaluated_at IS NOT NULL),
    CHECK ((status IN ('awarded', 'unsuccessful', 'cancelled', 'concluded'))
      = (decided_at IS NOT NULL AND decided_by IS NOT NULL)),
    -- Every outcome says why: the award's reasons, the cancellation, what a dialogue taught.
    CHECK (status NOT IN ('awarded', 'unsuccessful', 'cancelled', 'concluded')
      OR (outcome_reason IS NOT NULL AND length(trim(outcome_reason)) >= 10)),
    CHECK ((status = 'awarded') = (standstill_ends_at IS NOT NULL)),
    CHECK (standstill_ends_at IS NULL OR standstill_ends_at = decided_at + standstill_days * ${DAY}),
    CHECK (contract_signed_at IS NULL OR (status = 'awarded' AND contract_signed_by IS NOT NULL
      AND contract_signed_at >= standstill_ends_at)),
    CHECK (status <> 'concluded' OR procedure = 'market_dialogue'),
    CHECK (status NOT IN ('evaluated', 'awarded') OR procedure <> 'market_dialogue')
  ) STRICT`,
  `CREATE INDEX calls_by_status ON calls(status, tender_deadline)`,
  `CREATE INDEX calls_by_buyer ON calls(organisation_id, status)`,
  `CREATE INDEX calls_by_published ON calls(published_at DESC, id DESC) WHERE status <> 'draft'`,

  `CREATE TRIGGER calls_buyer_is_public_body BEFORE INSERT ON calls
    WHEN (SELECT kind FROM organisations WHERE id = NEW.organisation_id) IS NOT 'public_body'
    BEGIN SELECT RAISE(ABORT, 'testarena:buyer_not_public_body'); END`,
  `CREATE TRIGGER calls_written_by_member BEFORE INSERT ON calls
    WHEN NOT EXISTS (SELECT 1 FROM memberships
      WHERE organisation_id = NEW.organisation_id AND user_id = NEW.created_by)
      OR NEW.status <> 'draft'
    BEGIN SELECT RAISE(ABORT, 'testarena:not_buyer_member'); END`,
  `CREATE TRIGGER calls_updated_by_member BEFORE UPDATE ON calls
    WHEN NOT EXISTS (SELECT 1 FROM memberships
      WHERE organisation_id = OLD.organisation_id AND user_id = NEW.updated_by)
    BEGIN SELECT RAISE(ABORT, 'testarena:not_buyer_member'); END`,
  // Rule 3: after publication nothing of the call's content moves; amendments carry the changes.
  `CREATE TRIGGER calls_content_frozen BEFORE UPDATE ON calls
    WHEN OLD.status <> 'draft' AND (${contentChanged})
    BEGIN SELECT RAISE(ABORT, 'testarena:terms_frozen'); END`,
  // The deadlines of a published call always equal those of its latest published amendment, so
  // the only way to move them is to publish an amendment (whose own rules forbid shortening).
  `CREATE TRIGGER calls_deadlines_by_amendment BEFORE UPDATE OF question_deadline, tender_deadline ON calls
    WHEN OLD.status <> 'draft' AND (NEW.tender_deadline IS NOT OLD.tender_deadline
      OR NEW.question_deadline IS NOT OLD.question_deadline)
      AND NOT EXISTS (SELECT 1 FROM (SELECT tender_deadline, question_deadline FROM call_amendments
          WHERE call_id = OLD.id AND state = 'published' ORDER BY number DESC LIMIT 1) a
        WHERE a.tender_deadline = NEW.tender_deadline AND a.question_deadline = NEW.question_deadline
          AND NEW.tender_deadline >= OLD.tender_deadline AND NEW.question_deadline >= OLD.question_deadline)
    BEGIN SELECT RAISE(ABORT, 'testarena:terms_frozen'); END`,
  // draft → published → opened → evaluated → awarded | unsuccessful; cancelled from any open
  // state; a market dialogue ends concluded once its responses are opened.
  `CREATE TRIGGER calls_status_flow BEFORE UPDATE OF status ON calls
    WHEN NEW.status IS NOT OLD.status AND NOT (
      (OLD.status = 'draft' AND NEW.status = 'published')
      OR (OLD.status = 'published' AND NEW.status IN ('opened', 'cancelled'))
      OR (OLD.status = 'opened' AND NEW.status IN ('evaluated', 'unsuccessful', 'cancelled', 'concluded'))
      OR (OLD.status = 'evaluated' AND NEW.status IN ('awarded', 'unsuccessful', 'cancelled')))
    BEGIN SELECT RAISE(ABORT, 'testarena:invalid_transition'); END`,
  `CREATE TRIGGER calls_publish_verified BEFORE UPDATE OF status ON calls
    WHEN OLD.status = 'draft' AND NEW.status = 'published'
      AND (SELECT verification_status FROM organisations WHERE id = OLD.organisation_id) IS NOT 'verified'
    BEGIN SELECT RAISE(ABORT, 'testarena:buyer_not_verified'); END`,
  `CREATE TRIGGER calls_publish_stamped BEFORE UPDATE OF status ON calls
    WHEN OLD.status = 'draft' AND NEW.status = 'published' AND NOT ${stampedNow('NEW.published_at')}
    BEGIN SELECT RAISE(ABORT, 'testarena:clock_mismatch'); END`,
  // Minimum periods from publication to the tender deadline (LOU 6 kap., electronic receipt):
  // 30 days for the open procedure, innovation partnership and PCP; 10 days for a market dialogue.
  `CREATE TRIGGER calls_publish_minimum_period BEFORE UPDATE OF status ON calls
    WHEN OLD.status = 'draft' AND NEW.status = 'published' AND (NEW.question_deadline <= unixepoch()
      OR NEW.tender_deadline < unixepoch()
        + CASE NEW.procedure WHEN 'market_dialogue' THEN 10 ELSE 30 END * ${DAY})
    BEGIN SELECT RAISE(ABORT, 'testarena:period_too_short'); END`,
  `CREATE TRIGGER calls_publish_criteria BEFORE UPDATE OF status ON calls
    WHEN OLD.status = 'draft' AND NEW.status = 'published' AND OLD.procedure <> 'market_dialogue'
      AND coalesce((SELECT sum(weight) FROM call_criteria
        WHERE call_id = OLD.id AND kind = 'criterion'), 0) <> 100
    BEGIN SELECT RAISE(ABORT, 'testarena:weights_not_100'); END`,
  `CREATE TRIGGER calls_publish_dialogue_unweighted BEFORE UPDATE OF status ON calls
    WHEN OLD.status = 'draft' AND NEW.status = 'published' AND OLD.procedure = 'market_dialogue'
      AND EXISTS (SELECT 1 FROM call_criteria WHERE call_id = OLD.id AND kind = 'criterion')
    BEGIN SELECT RAISE(ABORT, 'testarena:dialogue_not_scored'); END`,
  // Art. 41: a call that builds on pilots or a market dialogue publishes what those companies
  // learnt and names every company that took part.
  `CREATE TRIGGER calls_publish_disclosure BEFORE UPDATE OF status ON calls
    WHEN OLD.status = 'draft' AND NEW.status = 'published'
      AND EXISTS (SELECT 1 FROM call_links WHERE call_id = OLD.id)
      AND length(trim(NEW.prior_involvement)) < 20
    BEGIN SELECT RAISE(ABORT, 'testarena:disclosure_required'); END`,
  `CREATE TRIGGER calls_publish_involved_named BEFORE UPDATE OF status ON calls
    WHEN OLD.status = 'draft' AND NEW.status = 'published' AND EXISTS (
      SELECT company_id FROM pilots WHERE id IN
        (SELECT pilot_id FROM call_links WHERE call_id = OLD.id AND pilot_id IS NOT NULL)
      UNION
      SELECT company_id FROM bids WHERE status = 'submitted' AND call_id IN
        (SELECT linked_call_id FROM call_links WHERE call_id = OLD.id AND linked_call_id IS NOT NULL)
      EXCEPT
      SELECT organisation_id FROM call_involved_companies WHERE call_id = OLD.id)
    BEGIN SELECT RAISE(ABORT, 'testarena:involved_not_named'); END`,
  // Opening happens only through an opening record (bid_openings), after the deadline.
  `CREATE TRIGGER calls_open_by_record BEFORE UPDATE OF status ON calls
    WHEN OLD.status = 'published' AND NEW.status = 'opened'
      AND NOT EXISTS (SELECT 1 FROM bid_openings WHERE call_id = OLD.id)
    BEGIN SELECT RAISE(ABORT, 'testarena:opening_required'); END`,
  // Rule 5: the evaluation is complete only when each declared evaluator (at least one) has scored
  // every valid bid on every criterion in force; scores are locked from then on.
  `CREATE TRIGGER calls_evaluation_complete BEFORE UPDATE OF status ON calls
    WHEN OLD.status = 'opened' AND NEW.status = 'evaluated' AND (
      NOT EXISTS (SELECT 1 FROM evaluator_declarations WHERE call_id = OLD.id)
      OR NOT EXISTS (SELECT 1 FROM bids WHERE call_id = OLD.id AND status = 'submitted')
      OR EXISTS (SELECT 1 FROM evaluator_declarations d
        JOIN bids b ON b.call_id = d.call_id AND b.status = 'submitted'
        JOIN call_criteria_current c ON c.call_id = d.call_id
        WHERE d.call_id = OLD.id AND NOT EXISTS (SELECT 1 FROM bid_scores s
          WHERE s.bid_id = b.id AND s.criterion_id = c.id AND s.evaluator_id = d.user_id)))
    BEGIN SELECT RAISE(ABORT, 'testarena:scores_incomplete'); END`,
  `CREATE TRIGGER calls_evaluation_stamped BEFORE UPDATE OF status ON calls
    WHEN NEW.status = 'evaluated' AND OLD.status <> 'evaluated' AND NOT ${stampedNow('NEW.evaluated_at')}
    BEGIN SELECT RAISE(ABORT, 'testarena:clock_mismatch'); END`,
  // Award: only the best passing bids, no better passing bid left out, at most max_winners.
  `CREATE TRIGGER calls_award_by_score BEFORE UPDATE OF status ON calls
    WHEN OLD.status = 'evaluated' AND NEW.status = 'awarded' AND (
      NOT EXISTS (SELECT 1 FROM call_awards WHERE call_id = OLD.id)
      OR EXISTS (SELECT 1 FROM bid_results r WHERE r.call_id = OLD.id AND r.passes = 1
        AND r.bid_id NOT IN (SELECT bid_id FROM call_awards WHERE call_id = OLD.id)
        AND r.score > (SELECT min(r2.score) FROM bid_results r2
          JOIN call_awards a ON a.bid_id = r2.bid_id WHERE a.call_id = OLD.id)))
    BEGIN SELECT RAISE(ABORT, 'testarena:award_not_by_score'); END`,
  // Unsuccessful only when no valid bid passes every must-have; otherwise award or cancel.
  `CREATE TRIGGER calls_unsuccessful_only_without_passing BEFORE UPDATE OF status ON calls
    WHEN NEW.status = 'unsuccessful' AND OLD.status <> 'unsuccessful' AND (
      (OLD.status = 'opened' AND EXISTS (SELECT 1 FROM bids WHERE call_id = OLD.id AND status = 'submitted'))
      OR (OLD.status = 'evaluated' AND EXISTS (SELECT 1 FROM bid_results
        WHERE call_id = OLD.id AND passes = 1)))
    BEGIN SELECT RAISE(ABORT, 'testarena:passing_bids_exist'); END`,
  `CREATE TRIGGER calls_decision_stamped BEFORE UPDATE OF status ON calls
    WHEN NEW.status IN ('awarded', 'unsuccessful', 'cancelled', 'concluded') AND NEW.status <> OLD.status
      AND NOT (${stampedNow('NEW.decided_at')} AND NEW.decided_by = NEW.updated_by)
    BEGIN SELECT RAISE(ABORT, 'testarena:clock_mismatch'); END`,
  // Decisions and their reasons are final.
  `CREATE TRIGGER calls_decision_final BEFORE UPDATE OF decided_at, decided_by, outcome_reason,
    standstill_ends_at, opened_at, evaluated_at ON calls
    WHEN OLD.status IN ('awarded', 'unsuccessful', 'cancelled', 'concluded')
      AND (NEW.decided_at IS NOT OLD.decided_at OR NEW.decided_by IS NOT OLD.decided_by
        OR NEW.outcome_reason IS NOT OLD.outcome_reason OR NEW.standstill_ends_at IS NOT OLD.standstill_ends_at
        OR NEW.opened_at IS NOT OLD.opened_at OR NEW.evaluated_at IS NOT OLD.evaluated_at)
    BEGIN SELECT RAISE(ABORT, 'testarena:decision_final'); END`,
  // No contract before the standstill has ended; signing is stamped and happens once.
  `CREATE TRIGGER calls_contract_after_standstill BEFORE UPDATE OF contract_signed_at ON calls
    WHEN NEW.contract_signed_at IS NOT OLD.contract_signed_at AND (OLD.contract_signed_at IS NOT NULL
      OR OLD.status <> 'awarded' OR unixepoch() < OLD.standstill_ends_at
      OR NOT ${stampedNow('NEW.contract_signed_at')})
    BEGIN SELECT RAISE(ABORT, 'testarena:standstill_running'); END`,
  `CREATE TRIGGER calls_delete_drafts_only BEFORE DELETE ON calls
    WHEN OLD.status <> 'draft'
    BEGIN SELECT RAISE(ABORT, 'testarena:call_not_draft'); END`,

  `CREATE TABLE call_themes (
    call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    theme_code TEXT NOT NULL REFERENCES themes(code),
    PRIMARY KEY (call_id, theme_code)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX call_themes_by_theme ON call_themes(theme_code, call_id)`,
  `CREATE TABLE call_cpv_codes (
    call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    cpv_code TEXT NOT NULL REFERENCES cpv_codes(code),
    PRIMARY KEY (call_id, cpv_code)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX call_cpv_codes_by_code ON call_cpv_codes(cpv_code, call_id)`,

  // What the call builds on (art. 41): the buyer's own pilots, or a market dialogue.
  `CREATE TABLE call_links (
    id INTEGER PRIMARY KEY,
    call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    pilot_id INTEGER REFERENCES pilots(id),
    linked_call_id INTEGER REFERENCES calls(id),
    CHECK ((pilot_id IS NULL) <> (linked_call_id IS NULL)),
    CHECK (linked_call_id IS NOT call_id),
    UNIQUE (call_id, pilot_id),
    UNIQUE (call_id, linked_call_id)
  ) STRICT`,
  `CREATE TRIGGER call_links_pilot_of_buyer BEFORE INSERT ON call_links
    WHEN NEW.pilot_id IS NOT NULL AND (SELECT host_id FROM pilots WHERE id = NEW.pilot_id)
      IS NOT (SELECT organisation_id FROM calls WHERE id = NEW.call_id)
    BEGIN SELECT RAISE(ABORT, 'testarena:link_not_own'); END`,
  `CREATE TRIGGER call_links_dialogue_of_buyer BEFORE INSERT ON call_links
    WHEN NEW.linked_call_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM calls l
      WHERE l.id = NEW.linked_call_id AND l.procedure = 'market_dialogue' AND l.status <> 'draft'
        AND l.organisation_id = (SELECT organisation_id FROM calls WHERE id = NEW.call_id))
    BEGIN SELECT RAISE(ABORT, 'testarena:link_not_own'); END`,
  `CREATE TABLE call_involved_companies (
    call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    involvement TEXT NOT NULL CHECK (length(trim(involvement)) BETWEEN 3 AND 1000),
    PRIMARY KEY (call_id, organisation_id)
  ) STRICT, WITHOUT ROWID`,

  // Themes, codes, links and named companies are part of the published call: draft-only writes.
  ...['call_themes', 'call_cpv_codes', 'call_links', 'call_involved_companies'].flatMap((t) => [
    `CREATE TRIGGER ${t}_frozen_insert BEFORE INSERT ON ${t}
      WHEN ${callStatus('NEW.call_id')} IS NOT 'draft'
      BEGIN SELECT RAISE(ABORT, 'testarena:terms_frozen'); END`,
    `CREATE TRIGGER ${t}_frozen_update BEFORE UPDATE ON ${t}
      WHEN ${callStatus('OLD.call_id')} IS NOT 'draft' OR NEW.call_id IS NOT OLD.call_id
      BEGIN SELECT RAISE(ABORT, 'testarena:terms_frozen'); END`,
    `CREATE TRIGGER ${t}_frozen_delete BEFORE DELETE ON ${t}
      WHEN ${callStatus('OLD.call_id')} NOT IN ('draft')
      BEGIN SELECT RAISE(ABORT, 'testarena:terms_frozen'); END`,
  ]),

  // Rule 3: amendments. One is built at a time ('open', invisible), then published at once.
  `CREATE TABLE call_amendments (
    id INTEGER PRIMARY KEY,
    call_id INTEGER NOT NULL REFERENCES calls(id),
    number INTEGER NOT NULL CHECK (number >= 1),
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'published')),
    summary TEXT NOT NULL CHECK (length(trim(summary)) BETWEEN 10 AND 8000),
    question_deadline INTEGER NOT NULL,
    tender_deadline INTEGER NOT NULL,
    changes_terms INTEGER NOT NULL DEFAULT 0 CHECK (changes_terms IN (0, 1)),
    created_by INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    published_at INTEGER,
    published_by INTEGER REFERENCES users(id),
    UNIQUE (call_id, number),
    CHECK (question_deadline <= tender_deadline - ${ANSWER_MARGIN}),
    CHECK ((state = 'published') = (published_at IS NOT NULL AND published_by IS NOT NULL))
  ) STRICT`,
  `CREATE UNIQUE INDEX call_amendments_one_open ON call_amendments(call_id) WHERE state = 'open'`,
  `CREATE TRIGGER call_amendments_insert BEFORE INSERT ON call_amendments
    WHEN NEW.state <> 'open' OR ${callStatus('NEW.call_id')} IS NOT 'published'
      OR unixepoch() >= ${callDeadline('NEW.call_id')}
      OR NOT ${buyerMember('NEW.call_id', 'NEW.created_by')}
      OR NEW.number <> coalesce((SELECT max(number) FROM call_amendments WHERE call_id = NEW.call_id), 0) + 1
    BEGIN SELECT RAISE(ABORT, 'testarena:amendment_not_allowed'); END`,
  `CREATE TRIGGER call_amendments_published_fixed BEFORE UPDATE ON call_amendments
    WHEN OLD.state = 'published' OR NEW.call_id IS NOT OLD.call_id OR NEW.number IS NOT OLD.number
      OR NEW.created_by IS NOT OLD.created_by
    BEGIN SELECT RAISE(ABORT, 'testarena:amendment_published'); END`,
  `CREATE TRIGGER call_amendments_no_delete BEFORE DELETE ON call_amendments
    WHEN OLD.state = 'published'
    BEGIN SELECT RAISE(ABORT, 'testarena:amendment_published'); END`,
  `CREATE TRIGGER call_amendments_publish_open BEFORE UPDATE OF state ON call_amendments
    WHEN NEW.state = 'published' AND (${callStatus('OLD.call_id')} IS NOT 'published'
      OR unixepoch() >= ${callDeadline('OLD.call_id')}
      OR NOT ${buyerMember('OLD.call_id', 'NEW.published_by')}
      OR NOT ${stampedNow('NEW.published_at')})
    BEGIN SELECT RAISE(ABORT, 'testarena:amendment_not_allowed'); END`,
  // A deadline is extended, never shortened.
  `CREATE TRIGGER call_amendments_never_shorten BEFORE UPDATE OF state ON call_amendments
    WHEN NEW.state = 'published' AND (NEW.tender_deadline < ${callDeadline('OLD.call_id')}
      OR NEW.question_deadline < (SELECT question_deadline FROM calls WHERE id = OLD.call_id))
    BEGIN SELECT RAISE(ABORT, 'testarena:deadline_shortened'); END`,
  // changes_terms must say truthfully whether requirements, criteria or documents change.
  `CREATE TRIGGER call_amendments_terms_flag BEFORE UPDATE OF state ON call_amendments
    WHEN NEW.state = 'published' AND NEW.changes_terms IS NOT (
      EXISTS (SELECT 1 FROM call_criteria WHERE added_in = OLD.id OR removed_in = OLD.id)
      OR EXISTS (SELECT 1 FROM call_documents WHERE added_in = OLD.id OR removed_in = OLD.id))
    BEGIN SELECT RAISE(ABORT, 'testarena:amendment_terms_flag'); END`,
  // Art. 47(3): changed terms, or an amendment within 6 days of the deadline, extend the deadline
  // to at least 6 days from now.
  `CREATE TRIGGER call_amendments_extend BEFORE UPDATE OF state ON call_amendments
    WHEN NEW.state = 'published'
      AND (NEW.changes_terms = 1 OR unixepoch() > ${callDeadline('OLD.call_id')} - ${ANSWER_MARGIN})
      AND (NEW.tender_deadline <= ${callDeadline('OLD.call_id')}
        OR NEW.tender_deadline < unixepoch() + ${ANSWER_MARGIN})
    BEGIN SELECT RAISE(ABORT, 'testarena:extension_required'); END`,
  `CREATE TRIGGER call_amendments_weights BEFORE UPDATE OF state ON call_amendments
    WHEN NEW.state = 'published' AND (SELECT procedure FROM calls WHERE id = OLD.call_id) <> 'market_dialogue'
      AND coalesce((SELECT sum(c.weight) FROM call_criteria c WHERE c.call_id = OLD.call_id
        AND c.kind = 'criterion'
        AND (c.added_in IS NULL OR c.added_in = OLD.id
          OR (SELECT state FROM call_amendments WHERE id = c.added_in) = 'published')
        AND (c.removed_in IS NULL OR (c.removed_in <> OLD.id
          AND (SELECT state FROM call_amendments WHERE id = c.removed_in) IS NOT 'published'))), 0) <> 100
    BEGIN SELECT RAISE(ABORT, 'testarena:weights_not_100'); END`,
  `CREATE TRIGGER call_amendments_dialogue_unweighted BEFORE UPDATE OF state ON call_amendments
    WHEN NEW.state = 'published' AND (SELECT procedure FROM calls WHERE id = OLD.call_id) = 'market_dialogue'
      AND EXISTS (SELECT 1 FROM call_criteria WHERE added_in = OLD.id AND kind = 'criterion')
    BEGIN SELECT RAISE(ABORT, 'testarena:dialogue_not_scored'); END`,
  // Publishing applies it: the call takes its deadlines, and bids already submitted under the old
  // terms must be confirmed again before they count.
  `CREATE TRIGGER call_amendments_apply AFTER UPDATE OF state ON call_amendments
    WHEN NEW.state = 'published' AND OLD.state = 'open'
    BEGIN
      UPDATE calls SET tender_deadline = NEW.tender_deadline, question_deadline = NEW.question_deadline,
        updated_by = NEW.published_by, updated_at = NEW.published_at
      WHERE id = NEW.call_id;
      UPDATE bids SET status = 'needs_reconfirmation'
      WHERE call_id = NEW.call_id AND status = 'submitted' AND NEW.changes_terms = 1;
    END`,

  // Must-haves (pass/fail) and weighted evaluation criteria. The weights in force sum to 100.
  `CREATE TABLE call_criteria (
    id INTEGER PRIMARY KEY,
    call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('requirement', 'criterion')),
    position INTEGER NOT NULL CHECK (position >= 1),
    title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 2 AND 200),
    description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    weight INTEGER,
    added_in INTEGER REFERENCES call_amendments(id) ON DELETE CASCADE,
    removed_in INTEGER REFERENCES call_amendments(id) ON DELETE SET NULL,
    CHECK ((kind = 'criterion') = (weight IS NOT NULL)),
    CHECK (weight IS NULL OR weight BETWEEN 1 AND 100)
  ) STRICT`,
  `CREATE INDEX call_criteria_by_call ON call_criteria(call_id, kind, position)`,
  `CREATE TRIGGER call_criteria_insert BEFORE INSERT ON call_criteria
    WHEN NOT ((${callStatus('NEW.call_id')} = 'draft' AND NEW.added_in IS NULL AND NEW.removed_in IS NULL)
      OR (NEW.added_in IS NOT NULL AND NEW.removed_in IS NULL AND ${openAmendment('NEW.added_in', 'NEW.call_id')}))
    BEGIN SELECT RAISE(ABORT, 'testarena:terms_frozen'); END`,
  `CREATE TRIGGER call_criteria_update BEFORE UPDATE ON call_criteria
    WHEN NEW.call_id IS NOT OLD.call_id OR NEW.added_in IS NOT OLD.added_in OR NOT (
      (${callStatus('OLD.call_id')} = 'draft' AND NEW.removed_in IS NULL)
      OR (NEW.kind IS OLD.kind AND NEW.position IS OLD.position AND NEW.title IS OLD.title
        AND NEW.description IS OLD.description AND NEW.weight IS OLD.weight
        AND ((OLD.removed_in IS NULL AND ${openAmendment('NEW.removed_in', 'OLD.call_id')})
          OR (NEW.removed_in IS NULL AND (SELECT state FROM call_amendments WHERE id = OLD.removed_in)
            IS NOT 'published'))))
    BEGIN SELECT RAISE(ABORT, 'testarena:terms_frozen'); END`,
  `CREATE TRIGGER call_criteria_delete BEFORE DELETE ON call_criteria
    WHEN ${callStatus('OLD.call_id')} NOT IN ('draft') AND (OLD.added_in IS NULL
      OR (SELECT state FROM call_amendments WHERE id = OLD.added_in) IS 'published')
    BEGIN SELECT RAISE(ABORT, 'testarena:terms_frozen'); END`,
  `CREATE VIEW call_criteria_current AS
    SELECT c.* FROM call_criteria c WHERE ${inForce('c')}`,

  // Procurement documents: public, content-addressed files; same amendment discipline as criteria.
  `CREATE TABLE call_documents (
    id INTEGER PRIMARY KEY,
    call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 2 AND 200),
    file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
    content_type TEXT NOT NULL,
    extension TEXT NOT NULL CHECK (length(extension) BETWEEN 2 AND 5),
    size INTEGER NOT NULL CHECK (size BETWEEN 1 AND 10485760),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    uploaded_by INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    added_in INTEGER REFERENCES call_amendments(id) ON DELETE CASCADE,
    removed_in INTEGER REFERENCES call_amendments(id) ON DELETE SET NULL
  ) STRICT`,
  `CREATE INDEX call_documents_by_call ON call_documents(call_id, id)`,
  `CREATE TRIGGER call_documents_insert BEFORE INSERT ON call_documents
    WHEN NOT ${buyerMember('NEW.call_id', 'NEW.uploaded_by')}
      OR NOT ((${callStatus('NEW.call_id')} = 'draft' AND NEW.added_in IS NULL AND NEW.removed_in IS NULL)
      OR (NEW.added_in IS NOT NULL AND NEW.removed_in IS NULL AND ${openAmendment('NEW.added_in', 'NEW.call_id')}))
    BEGIN SELECT RAISE(ABORT, 'testarena:terms_frozen'); END`,
  `CREATE TRIGGER call_documents_update BEFORE UPDATE ON call_documents
    WHEN NEW.call_id IS NOT OLD.call_id OR NEW.added_in IS NOT OLD.added_in
      OR NEW.sha256 IS NOT OLD.sha256 OR NEW.size IS NOT OLD.size OR NOT (
      (${callStatus('OLD.call_id')} = 'draft' AND NEW.removed_in IS NULL)
      OR (NEW.title IS OLD.title AND NEW.file_name IS OLD.file_name
        AND ((OLD.removed_in IS NULL AND ${openAmendment('NEW.removed_in', 'OLD.call_id')})
          OR (NEW.removed_in IS NULL AND (SELECT state FROM call_amendments WHERE id = OLD.removed_in)
            IS NOT 'published'))))
    BEGIN SELECT RAISE(ABORT, 'testarena:terms_frozen'); END`,
  `CREATE TRIGGER call_documents_delete BEFORE DELETE ON call_documents
    WHEN ${callStatus('OLD.call_id')} NOT IN ('draft') AND (OLD.added_in IS NULL
      OR (SELECT state FROM call_amendments WHERE id = OLD.added_in) IS 'published')
    BEGIN SELECT RAISE(ABORT, 'testarena:terms_frozen'); END`,
  `CREATE VIEW call_documents_current AS
    SELECT d.* FROM call_documents d WHERE ${inForce('d')}`,

  // Who is told about amendments and answers: followers, downloaders, bidders in progress.
  `CREATE TABLE call_followers (
    call_id INTEGER NOT NULL REFERENCES calls(id),
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (call_id, user_id)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX call_followers_by_user ON call_followers(user_id)`,
  `CREATE TRIGGER call_followers_published BEFORE INSERT ON call_followers
    WHEN ${callStatus('NEW.call_id')} IS 'draft'
    BEGIN SELECT RAISE(ABORT, 'testarena:call_not_found'); END`,
  `CREATE TABLE call_downloads (
    call_id INTEGER NOT NULL REFERENCES calls(id),
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    first_at INTEGER NOT NULL,
    PRIMARY KEY (call_id, user_id)
  ) STRICT, WITHOUT ROWID`,
  // Each user hears of each event of a call once (an answer, an amendment, the outcome).
  `CREATE TABLE call_notifications (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    call_id INTEGER NOT NULL REFERENCES calls(id),
    event TEXT NOT NULL CHECK (length(event) BETWEEN 3 AND 60),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, call_id, event)
  ) STRICT, WITHOUT ROWID`,
  // Buyers are reminded until every closed call has an outcome.
  `CREATE TABLE call_outcome_reminders (
    call_id INTEGER PRIMARY KEY REFERENCES calls(id),
    last_sent_at INTEGER NOT NULL,
    count INTEGER NOT NULL CHECK (count >= 1)
  ) STRICT`,

  // Rule 2: questions in, public answers out. The asker is stored only to stop floods and is
  // never shown; questions close at the question deadline.
  `CREATE TABLE call_questions (
    id INTEGER PRIMARY KEY,
    call_id INTEGER NOT NULL REFERENCES calls(id),
    asker_user_id INTEGER NOT NULL REFERENCES users(id),
    body TEXT NOT NULL CHECK (length(trim(body)) BETWEEN 10 AND 4000),
    asked_at INTEGER NOT NULL
  ) STRICT`,
  `CREATE INDEX call_questions_by_call ON call_questions(call_id, id)`,
  `CREATE TRIGGER call_questions_open BEFORE INSERT ON call_questions
    WHEN ${callStatus('NEW.call_id')} IS NOT 'published'
      OR unixepoch() > (SELECT question_deadline FROM calls WHERE id = NEW.call_id)
      OR NEW.asked_at > (SELECT question_deadline FROM calls WHERE id = NEW.call_id)
    BEGIN SELECT RAISE(ABORT, 'testarena:question_deadline_passed'); END`,
  `CREATE TRIGGER call_questions_stamped BEFORE INSERT ON call_questions
    WHEN NOT ${stampedNow('NEW.asked_at')}
    BEGIN SELECT RAISE(ABORT, 'testarena:clock_mismatch'); END`,
  `CREATE TRIGGER call_questions_not_by_buyer BEFORE INSERT ON call_questions
    WHEN ${buyerMember('NEW.call_id', 'NEW.asker_user_id')}
    BEGIN SELECT RAISE(ABORT, 'testarena:buyer_cannot_ask'); END`,
  `CREATE TRIGGER call_questions_fixed BEFORE UPDATE ON call_questions
    BEGIN SELECT RAISE(ABORT, 'testarena:answer_immutable'); END`,
  `CREATE TRIGGER call_questions_no_delete BEFORE DELETE ON call_questions
    BEGIN SELECT RAISE(ABORT, 'testarena:answer_immutable'); END`,
  `CREATE TABLE call_answers (
    id INTEGER PRIMARY KEY,
    call_id INTEGER NOT NULL REFERENCES calls(id),
    question_id INTEGER REFERENCES call_questions(id),
    question_text TEXT CHECK (question_text IS NULL OR length(trim(question_text)) BETWEEN 10 AND 4000),
    body TEXT NOT NULL CHECK (length(trim(body)) BETWEEN 2 AND 8000),
    corrects_id INTEGER REFERENCES call_answers(id),
    published_by INTEGER NOT NULL REFERENCES users(id),
    published_at INTEGER NOT NULL,
    CHECK ((question_id IS NULL) = (question_text IS NULL))
  ) STRICT`,
  `CREATE INDEX call_answers_by_call ON call_answers(call_id, published_at, id)`,
  `CREATE TRIGGER call_answers_by_buyer BEFORE INSERT ON call_answers
    WHEN NOT ${buyerMember('NEW.call_id', 'NEW.published_by')}
      OR (NEW.question_id IS NOT NULL
        AND (SELECT call_id FROM call_questions WHERE id = NEW.question_id) IS NOT NEW.call_id)
      OR (NEW.corrects_id IS NOT NULL
        AND (SELECT call_id FROM call_answers WHERE id = NEW.corrects_id) IS NOT NEW.call_id)
    BEGIN SELECT RAISE(ABORT, 'testarena:not_buyer_member'); END`,
  // LOU 12 kap. 11 §: answers reach everyone at least 6 days before the deadline; later, the buyer
  // must first extend the deadline by an amendment.
  `CREATE TRIGGER call_answers_in_time BEFORE INSERT ON call_answers
    WHEN ${callStatus('NEW.call_id')} IS NOT 'published'
      OR unixepoch() > ${callDeadline('NEW.call_id')} - ${ANSWER_MARGIN}
    BEGIN SELECT RAISE(ABORT, 'testarena:answer_too_late'); END`,
  `CREATE TRIGGER call_answers_stamped BEFORE INSERT ON call_answers
    WHEN NOT ${stampedNow('NEW.published_at')}
    BEGIN SELECT RAISE(ABORT, 'testarena:clock_mismatch'); END`,
  `CREATE TRIGGER call_answers_immutable BEFORE UPDATE ON call_answers
    BEGIN SELECT RAISE(ABORT, 'testarena:answer_immutable'); END`,
  `CREATE TRIGGER call_answers_no_delete BEFORE DELETE ON call_answers
    BEGIN SELECT RAISE(ABORT, 'testarena:answer_immutable'); END`,

  // Rule 4: bids. One per company per call; content sealed (encrypted by the app, bound to call and
  // company); every change only before the deadline, every submission stamped and receipted.
  `CREATE TABLE bids (
    id INTEGER PRIMARY KEY,
    call_id INTEGER NOT NULL REFERENCES calls(id),
    company_id INTEGER NOT NULL REFERENCES organisations(id),
    status TEXT NOT NULL DEFAULT 'draft'
      CHECK (status IN ('draft', 'submitted', 'needs_reconfirmation', 'withdrawn')),
    sealed BLOB NOT NULL CHECK (length(sealed) BETWEEN 29 AND 2000000),
    content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
    created_by INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    updated_by INTEGER NOT NULL REFERENCES users(id),
    updated_at INTEGER NOT NULL,
    submitted_at INTEGER,
    submitted_by INTEGER REFERENCES users(id),
    receipt_hash TEXT CHECK (receipt_hash IS NULL OR length(receipt_hash) = 64),
    withdrawn_at INTEGER,
    UNIQUE (call_id, company_id),
    CHECK (status NOT IN ('submitted', 'needs_reconfirmation')
      OR (submitted_at IS NOT NULL AND submitted_by IS NOT NULL AND receipt_hash IS NOT NULL)),
    CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL))
  ) STRICT`,
  `CREATE INDEX bids_by_company ON bids(company_id, updated_at DESC)`,
  `CREATE TRIGGER bids_by_company BEFORE INSERT ON bids
    WHEN (SELECT kind FROM organisations WHERE id = NEW.company_id) IS NOT 'company'
    BEGIN SELECT RAISE(ABORT, 'testarena:bidder_not_company'); END`,
  `CREATE TRIGGER bids_by_member BEFORE INSERT ON bids
    WHEN NOT EXISTS (SELECT 1 FROM memberships
      WHERE organisation_id = NEW.company_id AND user_id = NEW.created_by)
      OR NEW.updated_by IS NOT NEW.created_by
    BEGIN SELECT RAISE(ABORT, 'testarena:not_company_member'); END`,
  `CREATE TRIGGER bids_not_by_buyer BEFORE INSERT ON bids
    WHEN ${buyerMember('NEW.call_id', 'NEW.created_by')}
    BEGIN SELECT RAISE(ABORT, 'testarena:buyer_cannot_bid'); END`,
  `CREATE TRIGGER bids_start_as_draft BEFORE INSERT ON bids
    WHEN NEW.status <> 'draft' OR NEW.submitted_at IS NOT NULL OR NEW.withdrawn_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'testarena:invalid_transition'); END`,
  `CREATE TRIGGER bids_insert_open BEFORE INSERT ON bids
    WHEN ${callStatus('NEW.call_id')} IS NOT 'published' OR unixepoch() >= ${callDeadline('NEW.call_id')}
    BEGIN SELECT RAISE(ABORT, 'testarena:deadline_passed'); END`,
  // After the deadline a bid does not change at all; before it, only the company's members write.
  `CREATE TRIGGER bids_update_open BEFORE UPDATE ON bids
    WHEN ${callStatus('OLD.call_id')} IS NOT 'published' OR unixepoch() >= ${callDeadline('OLD.call_id')}
    BEGIN SELECT RAISE(ABORT, 'testarena:deadline_passed'); END`,
  `CREATE TRIGGER bids_update_by_member BEFORE UPDATE ON bids
    WHEN NEW.call_id IS NOT OLD.call_id OR NEW.company_id IS NOT OLD.company_id
      OR NEW.created_by IS NOT OLD.created_by
      OR (NOT (OLD.status = 'submitted' AND NEW.status = 'needs_reconfirmation')
        AND NOT EXISTS (SELECT 1 FROM memberships
          WHERE organisation_id = OLD.company_id AND user_id = NEW.updated_by))
    BEGIN SELECT RAISE(ABORT, 'testarena:not_company_member'); END`,
  // Only a published amendment that changed the terms after the submission asks for re-confirmation,
  // and it changes nothing else.
  `CREATE TRIGGER bids_reconfirmation_by_amendment BEFORE UPDATE ON bids
    WHEN OLD.status = 'submitted' AND NEW.status = 'needs_reconfirmation' AND (
      NOT EXISTS (SELECT 1 FROM call_amendments WHERE call_id = OLD.call_id AND state = 'published'
        AND changes_terms = 1 AND published_at >= OLD.submitted_at)
      OR NEW.sealed IS NOT OLD.sealed OR NEW.content_hash IS NOT OLD.content_hash
      OR NEW.submitted_at IS NOT OLD.submitted_at OR NEW.receipt_hash IS NOT OLD.receipt_hash
      OR NEW.updated_by IS NOT OLD.updated_by)
    BEGIN SELECT RAISE(ABORT, 'testarena:invalid_transition'); END`,
  `CREATE TRIGGER bids_withdrawal_stamped BEFORE UPDATE OF status ON bids
    WHEN NEW.status = 'withdrawn' AND OLD.status <> 'withdrawn' AND NOT ${stampedNow('NEW.withdrawn_at')}
    BEGIN SELECT RAISE(ABORT, 'testarena:clock_mismatch'); END`,
  // draft ⇄ submitted; a submission may be replaced; an amendment may ask for re-confirmation;
  // anything may be withdrawn, and a withdrawn bid may start again as a draft.
  `CREATE TRIGGER bids_status_flow BEFORE UPDATE OF status ON bids
    WHEN NEW.status IS NOT OLD.status AND NOT (
      (OLD.status = 'draft' AND NEW.status IN ('submitted', 'withdrawn'))
      OR (OLD.status = 'submitted' AND NEW.status IN ('draft', 'needs_reconfirmation', 'withdrawn'))
      OR (OLD.status = 'needs_reconfirmation' AND NEW.status IN ('submitted', 'draft', 'withdrawn'))
      OR (OLD.status = 'withdrawn' AND NEW.status = 'draft'))
    BEGIN SELECT RAISE(ABORT, 'testarena:invalid_transition'); END`,
  // Every submission (first, replaced or re-confirmed) is stamped now, by a member, and receipted.
  `CREATE TRIGGER bids_submission_stamped BEFORE UPDATE ON bids
    WHEN NEW.status = 'submitted' AND (OLD.status <> 'submitted' OR NEW.sealed IS NOT OLD.sealed
        OR NEW.content_hash IS NOT OLD.content_hash OR NEW.submitted_at IS NOT OLD.submitted_at
        OR NEW.receipt_hash IS NOT OLD.receipt_hash)
      AND ${callStatus('OLD.call_id')} = 'published' AND unixepoch() < ${callDeadline('OLD.call_id')}
      AND NOT (${stampedNow('NEW.submitted_at')} AND NEW.submitted_at < ${callDeadline('OLD.call_id')}
        AND NEW.submitted_by = NEW.updated_by
        AND (OLD.submitted_at IS NULL OR NEW.submitted_at >= OLD.submitted_at)
        AND NEW.receipt_hash IS NOT OLD.receipt_hash)
    BEGIN SELECT RAISE(ABORT, 'testarena:receipt_required'); END`,
  `CREATE TRIGGER bids_delete_drafts BEFORE DELETE ON bids
    WHEN OLD.status <> 'draft' OR ${callStatus('OLD.call_id')} IS NOT 'published'
      OR unixepoch() >= ${callDeadline('OLD.call_id')}
    BEGIN SELECT RAISE(ABORT, 'testarena:bid_not_draft'); END`,

  // The opening: an explicit act by a buyer member after the deadline, recording which bids were
  // opened. The record must be exactly the submitted bids with their receipts.
  `CREATE TABLE bid_openings (
    call_id INTEGER PRIMARY KEY REFERENCES calls(id),
    opened_by INTEGER NOT NULL REFERENCES users(id),
    opened_at INTEGER NOT NULL,
    record_json TEXT NOT NULL CHECK (json_valid(record_json))
  ) STRICT`,
  `CREATE TRIGGER bid_openings_after_deadline BEFORE INSERT ON bid_openings
    WHEN ${callStatus('NEW.call_id')} IS NOT 'published' OR unixepoch() < ${callDeadline('NEW.call_id')}
    BEGIN SELECT RAISE(ABORT, 'testarena:deadline_not_passed'); END`,
  `CREATE TRIGGER bid_openings_by_buyer BEFORE INSERT ON bid_openings
    WHEN NOT ${buyerMember('NEW.call_id', 'NEW.opened_by')}
    BEGIN SELECT RAISE(ABORT, 'testarena:not_buyer_member'); END`,
  `CREATE TRIGGER bid_openings_record BEFORE INSERT ON bid_openings
    WHEN NEW.record_json IS NOT ${openingRecord('NEW.call_id')} OR NOT ${stampedNow('NEW.opened_at')}
    BEGIN SELECT RAISE(ABORT, 'testarena:opening_record_mismatch'); END`,
  `CREATE TRIGGER bid_openings_open_call AFTER INSERT ON bid_openings
    BEGIN
      UPDATE calls SET status = 'opened', opened_at = NEW.opened_at, updated_by = NEW.opened_by,
        updated_at = NEW.opened_at
      WHERE id = NEW.call_id;
    END`,
  `CREATE TRIGGER bid_openings_fixed BEFORE UPDATE ON bid_openings
    BEGIN SELECT RAISE(ABORT, 'testarena:opening_fixed'); END`,
  `CREATE TRIGGER bid_openings_no_delete BEFORE DELETE ON bid_openings
    BEGIN SELECT RAISE(ABORT, 'testarena:opening_fixed'); END`,

  // Rule 5: evaluators declare no conflict of interest before they see bids. A member of a company
  // that bid can never evaluate the call.
  `CREATE TABLE evaluator_declarations (
    call_id INTEGER NOT NULL REFERENCES calls(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    declared_at INTEGER NOT NULL,
    PRIMARY KEY (call_id, user_id)
  ) STRICT, WITHOUT ROWID`,
  `CREATE TRIGGER evaluator_declarations_insert BEFORE INSERT ON evaluator_declarations
    WHEN ${callStatus('NEW.call_id')} IS NOT 'opened' OR NOT ${buyerMember('NEW.call_id', 'NEW.user_id')}
      OR NOT ${stampedNow('NEW.declared_at')}
    BEGIN SELECT RAISE(ABORT, 'testarena:not_buyer_member'); END`,
  `CREATE TRIGGER evaluator_declarations_conflict BEFORE INSERT ON evaluator_declarations
    WHEN EXISTS (SELECT 1 FROM bids b JOIN memberships m ON m.organisation_id = b.company_id
      WHERE b.call_id = NEW.call_id AND b.status <> 'draft' AND m.user_id = NEW.user_id)
    BEGIN SELECT RAISE(ABORT, 'testarena:evaluator_conflict'); END`,
  `CREATE TRIGGER evaluator_declarations_fixed BEFORE UPDATE ON evaluator_declarations
    BEGIN SELECT RAISE(ABORT, 'testarena:decision_final'); END`,
  `CREATE TRIGGER evaluator_declarations_no_delete BEFORE DELETE ON evaluator_declarations
    BEGIN SELECT RAISE(ABORT, 'testarena:decision_final'); END`,

  // Scores: 0–10 on a weighted criterion, 1 (met) or 0 on a must-have, each with a justification.
  `CREATE TABLE bid_scores (
    bid_id INTEGER NOT NULL REFERENCES bids(id),
    criterion_id INTEGER NOT NULL REFERENCES call_criteria(id),
    evaluator_id INTEGER NOT NULL REFERENCES users(id),
    score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    justification TEXT NOT NULL CHECK (length(trim(justification)) BETWEEN 3 AND 4000),
    scored_at INTEGER NOT NULL,
    PRIMARY KEY (bid_id, criterion_id, evaluator_id)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX bid_scores_by_criterion ON bid_scores(criterion_id)`,
  ...['INSERT', 'UPDATE'].flatMap((op) => [
    `CREATE TRIGGER bid_scores_${op.toLowerCase()}_rules BEFORE ${op} ON bid_scores
      WHEN ${callStatus('(SELECT call_id FROM bids WHERE id = NEW.bid_id)')} IS NOT 'opened'
        OR (SELECT status FROM bids WHERE id = NEW.bid_id) IS NOT 'submitted'
        OR NOT EXISTS (SELECT 1 FROM evaluator_declarations d JOIN bids b ON b.call_id = d.call_id
          WHERE b.id = NEW.bid_id AND d.user_id = NEW.evaluator_id)
        OR NOT EXISTS (SELECT 1 FROM call_criteria_current c JOIN bids b ON b.call_id = c.call_id
          WHERE b.id = NEW.bid_id AND c.id = NEW.criterion_id
            AND (c.kind = 'criterion' OR NEW.score IN (0, 1)))
        OR NOT ${stampedNow('NEW.scored_at')}
      BEGIN SELECT RAISE(ABORT, 'testarena:score_not_allowed'); END`,
    `CREATE TRIGGER bid_scores_${op.toLowerCase()}_conflict BEFORE ${op} ON bid_scores
      WHEN EXISTS (SELECT 1 FROM memberships m JOIN bids b ON b.company_id = m.organisation_id
        WHERE b.id = NEW.bid_id AND m.user_id = NEW.evaluator_id)
      BEGIN SELECT RAISE(ABORT, 'testarena:evaluator_conflict'); END`,
  ]),
  `CREATE TRIGGER bid_scores_own BEFORE UPDATE ON bid_scores
    WHEN NEW.bid_id IS NOT OLD.bid_id OR NEW.criterion_id IS NOT OLD.criterion_id
      OR NEW.evaluator_id IS NOT OLD.evaluator_id
    BEGIN SELECT RAISE(ABORT, 'testarena:score_not_allowed'); END`,
  `CREATE TRIGGER bid_scores_no_delete BEFORE DELETE ON bid_scores
    WHEN ${callStatus('(SELECT call_id FROM bids WHERE id = OLD.bid_id)')} IS NOT 'opened'
    BEGIN SELECT RAISE(ABORT, 'testarena:score_not_allowed'); END`,

  // The result per valid bid: passes every must-have (no evaluator marked one unmet) and the
  // weighted score 0–100 (weight × mean score / 10 over the criteria in force).
  `CREATE VIEW bid_results AS
    SELECT b.id AS bid_id, b.call_id, b.company_id,
      NOT EXISTS (SELECT 1 FROM bid_scores s JOIN call_criteria_current c ON c.id = s.criterion_id
        WHERE s.bid_id = b.id AND c.kind = 'requirement' AND s.score = 0) AS passes,
      round(coalesce((SELECT sum(c.weight * (SELECT avg(s.score) FROM bid_scores s
          WHERE s.bid_id = b.id AND s.criterion_id = c.id) / 10.0)
        FROM call_criteria_current c WHERE c.call_id = b.call_id AND c.kind = 'criterion'), 0), 2) AS score
    FROM bids b
    WHERE b.status = 'submitted' AND EXISTS (SELECT 1 FROM bid_openings o WHERE o.call_id = b.call_id)`,

  // The award: the chosen bids, only after the evaluation, only passing bids, at most max_winners.
  `CREATE TABLE call_awards (
    call_id INTEGER NOT NULL REFERENCES calls(id),
    bid_id INTEGER NOT NULL UNIQUE REFERENCES bids(id),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (call_id, bid_id)
  ) STRICT, WITHOUT ROWID`,
  `CREATE TRIGGER call_awards_insert BEFORE INSERT ON call_awards
    WHEN ${callStatus('NEW.call_id')} IS NOT 'evaluated'
      OR (SELECT call_id FROM bids WHERE id = NEW.bid_id) IS NOT NEW.call_id
      OR NOT EXISTS (SELECT 1 FROM bid_results WHERE bid_id = NEW.bid_id AND passes = 1)
      OR (SELECT count(*) FROM call_awards WHERE call_id = NEW.call_id)
        >= (SELECT max_winners FROM calls WHERE id = NEW.call_id)
      OR (SELECT count(*) FROM bid_results r WHERE r.call_id = NEW.call_id AND r.passes = 1
        AND r.score > (SELECT score FROM bid_results WHERE bid_id = NEW.bid_id))
        >= (SELECT max_winners FROM calls WHERE id = NEW.call_id)
    BEGIN SELECT RAISE(ABORT, 'testarena:award_not_by_score'); END`,
  `CREATE TRIGGER call_awards_fixed BEFORE UPDATE ON call_awards
    BEGIN SELECT RAISE(ABORT, 'testarena:decision_final'); END`,
  `CREATE TRIGGER call_awards_no_delete BEFORE DELETE ON call_awards
    BEGIN SELECT RAISE(ABORT, 'testarena:decision_final'); END`,

  // Rule 2 reaches into pilots: while a call that builds on a pilot is open, its thread is quiet, so
  // the pilot company hears nothing the other bidders do not.
  `CREATE TRIGGER pilot_messages_quiet_during_call BEFORE INSERT ON pilot_messages
    WHEN EXISTS (SELECT 1 FROM call_links l JOIN calls c ON c.id = l.call_id
      WHERE l.pilot_id = NEW.pilot_id AND c.status IN ('published', 'opened', 'evaluated'))
    BEGIN SELECT RAISE(ABORT, 'testarena:call_quiet_period'); END`,

  // Full-text search over the public content of calls (trigram, as for test-bed offers).
  `CREATE VIRTUAL TABLE calls_fts USING fts5(
    title, summary, need, content = 'calls', content_rowid = 'id', tokenize = 'trigram case_sensitive 0'
  )`,
  `CREATE TRIGGER calls_fts_insert AFTER INSERT ON calls BEGIN
    INSERT INTO calls_fts (rowid, title, summary, need) VALUES (NEW.id, NEW.title, NEW.summary, NEW.need);
  END`,
  `CREATE TRIGGER calls_fts_delete AFTER DELETE ON calls BEGIN
    INSERT INTO calls_fts (calls_fts, rowid, title, summary, need)
    VALUES ('delete', OLD.id, OLD.title, OLD.summary, OLD.need);
  END`,
  `CREATE TRIGGER calls_fts_update AFTER UPDATE OF title, summary, need ON calls BEGIN
    INSERT INTO calls_fts (calls_fts, rowid, title, summary, need)
    VALUES ('delete', OLD.id, OLD.title, OLD.summary, OLD.need);
    INSERT INTO calls_fts (rowid, title, summary, need) VALUES (NEW.id, NEW.title, NEW.summary, NEW.need);
  END`,
]

function readCsv(name: string): Record<string, string>[] {
  const text = readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8')
  return parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[]
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
  // Parents come before children in the file (sorted by code), so the foreign key holds row by row.
  const rows = readCsv('cpv-2008.csv').map((row) => ({
    code: row.code,
    parent: row.parent || null,
    name_sv: row.sv,
    name_en: row.en || null,
  }))
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('cpv_codes')
      .values(rows.slice(i, i + 500))
      .execute()
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP TRIGGER pilot_messages_quiet_during_call').execute(db)
  for (const view of ['bid_results', 'call_documents_current', 'call_criteria_current']) {
    await db.schema.dropView(view).execute()
  }
  for (const table of [
    'calls_fts',
    'call_awards',
    'bid_scores',
    'evaluator_declarations',
    'bid_openings',
    'bids',
    'call_answers',
    'call_questions',
    'call_outcome_reminders',
    'call_notifications',
    'call_downloads',
    'call_followers',
    'call_documents',
    'call_criteria',
    'call_amendments',
    'call_involved_companies',
    'call_links',
    'call_cpv_codes',
    'call_themes',
    'calls',
    'cpv_codes',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
