import { type Kysely, sql } from 'kysely'

// Frozen once landed. Hardening (issue 13, decision record 022): the rules hold against every kind
// of write, not only the ones the app makes.
//
// 1. No conflict-resolving write undoes frozen state. `INSERT OR REPLACE`, `REPLACE INTO`,
//    `UPDATE OR REPLACE` and UPSERT resolve a conflict by deleting or rewriting the row that is
//    there, and a REPLACE deletion fires no delete trigger while recursive_triggers is off (the
//    app turns it on; a plain sqlite3 shell does not). So every table that holds frozen state
//    refuses, before the write, an insert or a key change that would meet an existing row on its
//    primary key or any unique index: 'testarena:row_exists: UNIQUE constraint failed: …' (the
//    wording of SQLite's own error, so callers that map a duplicate keep working). The guards are
//    made by migration 2026-12-07-08-conflict-guards, after the tables of 06 and 07 exist.
// 2. More rules that a raw write could break: no scoring of a sealed round before its deadline;
//    a published round's eligibility is fixed once applications are in; the quiet period covers
//    every pilot between a buyer and a bidder while the buyer's call runs (held, not refused); nobody joins a buyer
//    while belonging to a company that bids in the buyer's open call; reasons must say something;
//    organisations are never deleted; creation and publication stamps never move, and
//    verification is stamped now.
// 3. The database writes its own log of every status change of calls, test-bed offers (rounds),
//    applications, bids, amendments and reference cases: status_log, append-only.

// Letters in Swedish and English text (GLOB classes; SQLite matches UTF-8 ranges).
const LETTER = '[a-zA-ZåäöÅÄÖéÉüÜæÆøØ]'
// A reason says something: at least five letters, whatever the length ("……….." is not a reason).
const meaningful = (col: string) =>
  `(${col} GLOB '*${LETTER}*${LETTER}*${LETTER}*${LETTER}*${LETTER}*')`

const REASONS: Array<[table: string, column: string]> = [
  ['calls', 'outcome_reason'],
  ['pilot_applications', 'decision_reason'],
  ['reference_cases', 'withdrawal_reason'],
  ['organisations', 'verification_note'],
]

// Tables whose status the database logs, with the column and who the row says acted.
const LOGGED: Array<[table: string, column: string, actor: string]> = [
  [
    'calls',
    'status',
    `CASE WHEN NEW.status IN ('awarded', 'unsuccessful', 'cancelled', 'concluded')
    THEN coalesce(NEW.decided_by, NEW.updated_by) ELSE NEW.updated_by END`,
  ],
  ['test_bed_offers', 'status', 'NEW.updated_by'],
  [
    'pilot_applications',
    'status',
    `CASE WHEN NEW.status = 'submitted' THEN NEW.submitted_by
    WHEN NEW.decided_by IS NOT NULL THEN NEW.decided_by ELSE NEW.created_by END`,
  ],
  ['bids', 'status', 'NEW.updated_by'],
  ['call_amendments', 'state', `coalesce(NEW.published_by, NEW.created_by)`],
  [
    'reference_cases',
    'status',
    `CASE WHEN NEW.status = 'withdrawn' THEN NEW.withdrawn_by
    ELSE NEW.updated_by END`,
  ],
  ['pilots', 'status', 'NULL'],
]

const rules: string[] = [
  // 3. The status log.
  `CREATE TABLE status_log (
    id INTEGER PRIMARY KEY,
    entity_type TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    actor_user_id INTEGER,
    at INTEGER NOT NULL DEFAULT (unixepoch())
  ) STRICT`,
  `CREATE INDEX status_log_by_entity ON status_log(entity_type, entity_id, id)`,
  `CREATE TRIGGER status_log_no_update BEFORE UPDATE ON status_log
    BEGIN SELECT RAISE(ABORT, 'testarena:status_log_append_only'); END`,
  `CREATE TRIGGER status_log_no_delete BEFORE DELETE ON status_log
    BEGIN SELECT RAISE(ABORT, 'testarena:status_log_append_only'); END`,
  `CREATE TRIGGER status_log_stamped BEFORE INSERT ON status_log
    WHEN abs(NEW.at - unixepoch()) > 5
    BEGIN SELECT RAISE(ABORT, 'testarena:timestamp_implausible'); END`,
  ...LOGGED.flatMap(([table, column, actor]) => [
    `CREATE TRIGGER ${table}_log_insert AFTER INSERT ON ${table}
      BEGIN INSERT INTO status_log (entity_type, entity_id, from_status, to_status, actor_user_id)
        VALUES ('${table}', NEW.rowid, NULL, NEW.${column}, ${actor}); END`,
    `CREATE TRIGGER ${table}_log_status AFTER UPDATE OF ${column} ON ${table}
      WHEN NEW.${column} IS NOT OLD.${column}
      BEGIN INSERT INTO status_log (entity_type, entity_id, from_status, to_status, actor_user_id)
        VALUES ('${table}', NEW.rowid, OLD.${column}, NEW.${column}, ${actor}); END`,
  ]),

  // 2a. A sealed round is read and scored after its deadline, never before.
  ...['INSERT', 'UPDATE'].map(
    (op) => `CREATE TRIGGER pilot_application_scores_round_closed_${op.toLowerCase()}
    BEFORE ${op} ON pilot_application_scores
    WHEN EXISTS (SELECT 1 FROM pilot_applications a JOIN test_bed_offers o ON o.id = a.offer_id
      WHERE a.id = NEW.application_id AND o.intake = 'round' AND unixepoch() < o.deadline)
    BEGIN SELECT RAISE(ABORT, 'testarena:round_still_open'); END`,
  ),
  // 2b. Who may apply to a round does not change once applications are in.
  `CREATE TRIGGER test_bed_offers_eligibility_fixed
    BEFORE UPDATE OF trl_min, trl_max, requires_ce_marking, requires_dpia, requires_insurance
    ON test_bed_offers
    WHEN OLD.intake = 'round' AND OLD.status <> 'draft'
      AND (NEW.trl_min IS NOT OLD.trl_min OR NEW.trl_max IS NOT OLD.trl_max
        OR NEW.requires_ce_marking IS NOT OLD.requires_ce_marking
        OR NEW.requires_dpia IS NOT OLD.requires_dpia
        OR NEW.requires_insurance IS NOT OLD.requires_insurance)
      AND EXISTS (SELECT 1 FROM pilot_applications WHERE offer_id = OLD.id AND status <> 'draft')
    BEGIN SELECT RAISE(ABORT, 'testarena:eligibility_frozen'); END`,
  // 2c. While a buyer's call runs, nothing one side of any pilot between the buyer and a bidder in
  // that call writes reaches the other side: the database holds the message until the call is
  // decided. A refusal would tell the buyer who bids before the opening (bids, bidders included,
  // are secret until then: OSL 19:3), so the message is kept, and held.
  `CREATE TABLE pilot_message_holds (
    message_id INTEGER PRIMARY KEY REFERENCES pilot_messages(id),
    call_id INTEGER NOT NULL REFERENCES calls(id)
  ) STRICT`,
  `CREATE TRIGGER pilot_messages_hold_for_call AFTER INSERT ON pilot_messages
    BEGIN INSERT INTO pilot_message_holds (message_id, call_id)
      SELECT NEW.id, min(c.id) FROM pilots p
        JOIN calls c ON c.organisation_id = p.host_id
          AND c.status IN ('published', 'opened', 'evaluated')
        JOIN bids b ON b.call_id = c.id AND b.company_id = p.company_id AND b.status <> 'withdrawn'
        WHERE p.id = NEW.pilot_id
        HAVING min(c.id) IS NOT NULL; END`,
  `CREATE TRIGGER pilot_message_holds_only_for_bidders BEFORE INSERT ON pilot_message_holds
    WHEN NOT EXISTS (SELECT 1 FROM pilot_messages m JOIN pilots p ON p.id = m.pilot_id
      JOIN calls c ON c.id = NEW.call_id AND c.organisation_id = p.host_id
      JOIN bids b ON b.call_id = c.id AND b.company_id = p.company_id
      WHERE m.id = NEW.message_id)
    BEGIN SELECT RAISE(ABORT, 'testarena:messages_append_only'); END`,
  `CREATE TRIGGER pilot_message_holds_no_update BEFORE UPDATE ON pilot_message_holds
    BEGIN SELECT RAISE(ABORT, 'testarena:messages_append_only'); END`,
  `CREATE TRIGGER pilot_message_holds_no_delete BEFORE DELETE ON pilot_message_holds
    BEGIN SELECT RAISE(ABORT, 'testarena:messages_append_only'); END`,
  // What each side may read: its own messages, and the other side's unless held by a running call.
  `CREATE VIEW pilot_messages_visible AS
    SELECT m.*, EXISTS (SELECT 1 FROM pilot_message_holds h JOIN calls c ON c.id = h.call_id
      WHERE h.message_id = m.id AND c.status IN ('published', 'opened', 'evaluated')) AS held
    FROM pilot_messages m`,
  // 2d. Joining a buyer while belonging to a company that bids in the buyer's open call would shut
  // that company out without a trace; the person is told instead, and may join after the deadline.
  `CREATE TRIGGER memberships_not_across_open_call BEFORE INSERT ON memberships
    WHEN EXISTS (SELECT 1 FROM memberships m
      JOIN bids b ON b.company_id = m.organisation_id AND b.status <> 'withdrawn'
      JOIN calls c ON c.id = b.call_id AND c.status = 'published'
        AND unixepoch() < c.tender_deadline
      WHERE m.user_id = NEW.user_id AND c.organisation_id = NEW.organisation_id)
    BEGIN SELECT RAISE(ABORT, 'testarena:member_of_bidder'); END`,
  // 2e. Reasons say something.
  ...REASONS.flatMap(([table, column]) =>
    ['INSERT', 'UPDATE'].map(
      (op) => `CREATE TRIGGER ${table}_${column}_meaningful_${op.toLowerCase()}
      BEFORE ${op === 'UPDATE' ? `UPDATE OF ${column}` : 'INSERT'} ON ${table}
      WHEN NEW.${column} IS NOT NULL AND length(trim(NEW.${column})) > 0
        ${op === 'UPDATE' ? `AND NEW.${column} IS NOT OLD.${column}` : ''}
        AND NOT ${meaningful(`NEW.${column}`)}
      BEGIN SELECT RAISE(ABORT, 'testarena:reason_not_meaningful'); END`,
    ),
  ),
  // 2f. An organisation is never deleted: what it published, bid and decided stays attributable.
  `CREATE TRIGGER organisations_no_delete BEFORE DELETE ON organisations
    BEGIN SELECT RAISE(ABORT, 'testarena:organisation_permanent'); END`,
  // 2g. What a row says about its own making does not move: who created it and when, and when a
  // call, an offer or a competition year was first published (the minimum periods run from it).
  ...[
    'calls',
    'test_bed_offers',
    'pilot_applications',
    'bids',
    'reference_cases',
    'competitions',
  ].map(
    (
      table,
    ) => `CREATE TRIGGER ${table}_creation_fixed BEFORE UPDATE OF created_at, created_by ON ${table}
    WHEN NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
    BEGIN SELECT RAISE(ABORT, 'testarena:stamp_fixed'); END`,
  ),
  ...['calls', 'test_bed_offers', 'competitions'].map(
    (table) => `CREATE TRIGGER ${table}_published_at_fixed BEFORE UPDATE OF published_at ON ${table}
    WHEN OLD.published_at IS NOT NULL AND NEW.published_at IS NOT OLD.published_at
    BEGIN SELECT RAISE(ABORT, 'testarena:stamp_fixed'); END`,
  ),
  // Verification is stamped when it happens.
  ...['INSERT', 'UPDATE'].map(
    (op) => `CREATE TRIGGER organisations_verified_stamped_${op.toLowerCase()}
    BEFORE ${op === 'UPDATE' ? 'UPDATE OF verified_at' : 'INSERT'} ON organisations
    WHEN NEW.verified_at IS NOT NULL ${op === 'UPDATE' ? 'AND NEW.verified_at IS NOT OLD.verified_at' : ''}
      AND abs(NEW.verified_at - unixepoch()) > 5
    BEGIN SELECT RAISE(ABORT, 'testarena:timestamp_implausible'); END`,
  ),
]

// Statements of the other hardening points, in order.
const statements: string[] = [
  // --- sign-up confirmation (point 9) ---
  // An account is usable only once its address is confirmed. Accounts that exist when this runs
  // (the demo seed, real data) count as confirmed from their creation.
  `ALTER TABLE users ADD COLUMN email_confirmed_at INTEGER`,
  `UPDATE users SET email_confirmed_at = created_at WHERE email_confirmed_at IS NULL`,
  // A confirmed address stays confirmed, at the time it was confirmed.
  `CREATE TRIGGER users_email_confirmed_fixed BEFORE UPDATE OF email_confirmed_at ON users
    WHEN OLD.email_confirmed_at IS NOT NULL AND NEW.email_confirmed_at IS NOT OLD.email_confirmed_at
    BEGIN SELECT RAISE(ABORT, 'testarena:email_confirmed_fixed'); END`,
  // A confirmation link (the id is the SHA-256 of the token in the mail) carries the name,
  // password hash and language of the sign-up that sent it, so whoever confirms gets exactly
  // the account they asked for, even if someone else signed up with the address in between.
  `CREATE TABLE signup_confirmations (
    id TEXT PRIMARY KEY CHECK (length(id) = 64),
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    password_hash TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    locale TEXT NOT NULL CHECK (locale IN ('sv', 'en')),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL CHECK (expires_at > created_at),
    used_at INTEGER
  ) STRICT`,
  `CREATE INDEX signup_confirmations_by_user ON signup_confirmations(user_id)`,
  // A link works once, before it expires, and is only ever sent for an address that is not
  // confirmed yet.
  `CREATE TRIGGER signup_confirmations_used_once BEFORE UPDATE OF used_at ON signup_confirmations
    WHEN OLD.used_at IS NOT NULL OR unixepoch() >= OLD.expires_at
    BEGIN SELECT RAISE(ABORT, 'testarena:confirmation_used'); END`,
  `CREATE TRIGGER signup_confirmations_unconfirmed_only BEFORE INSERT ON signup_confirmations
    WHEN (SELECT email_confirmed_at FROM users WHERE id = NEW.user_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'testarena:email_confirmed_fixed'); END`,
  `CREATE TRIGGER signup_confirmations_fixed BEFORE UPDATE OF id, user_id, name, password_hash, locale, created_at, expires_at ON signup_confirmations
    BEGIN SELECT RAISE(ABORT, 'testarena:confirmation_used'); END`,
  // --- end sign-up confirmation ---
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of [...rules, ...statements]) await sql.raw(statement).execute(db)
}

export async function down(_db: Kysely<any>): Promise<void> {}
