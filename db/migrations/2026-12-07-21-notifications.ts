import { type Kysely, sql } from 'kysely'
import { guards, shapeOf } from './2026-12-07-08-conflict-guards'

// Frozen once landed. Follows, updates and notifications (issue 16, decision record 035).
//
// - `follows`: a person follows a call, a test-bed offer, an organisation, an initiative or a
//   published agenda. Replaces `call_followers` (its rows move here). Only what the public can see
//   can be followed: a call or an offer that is not a draft, a published agenda.
// - `updates`: every change that matters, written BY TRIGGERS on the tables where it happens, so no
//   code path can forget one: a call, offer, reference, event is published; an initiative is
//   registered; a call is amended, answered, opened, decided or cancelled. The hourly job adds the
//   deadline reminders (7 days and 1 day before a call's tender deadline or an offer's round
//   deadline). `key` names the update once ('call_amended:12'), so a reminder or a trigger that
//   runs twice writes one row. Updates are never changed or deleted, except `fanned_out_at`, set
//   once by the fan-out job (outside the request) in the transaction that writes the
//   notifications.
// - `notifications`: one row per person and update (UNIQUE), whatever number of follows and saved
//   searches matched — the deduplication is the key. `mail` is the delivery chosen when it was
//   written (the person's preference for its kind, or 'covered' when the procurement mail of the
//   call already told them); `mailed_at` and `digest_id` are set once and never move, so a digest
//   run that restarts sends nothing twice.
// - `notification_preferences`: per person and kind (changes, deadlines, new_items, searches) the
//   delivery: off (in the app only), immediate, daily or weekly digest.
// - `notification_digests`: one row per person, kind, period and period start (UNIQUE), written in
//   the transaction that queues the digest mail and marks its notifications.
// Conflict guards on updates, notifications and digests (decision record 022).

const KINDS = `'call_published', 'call_amended', 'call_answered', 'call_opened', 'call_decided',
  'call_cancelled', 'call_deadline_7d', 'call_deadline_1d', 'test_bed_published',
  'test_bed_deadline_7d', 'test_bed_deadline_1d', 'initiative_created', 'reference_published',
  'event_published'`

const CHANNELS = `'changes', 'deadlines', 'new_items', 'searches'`

/** Inserts an update unless its key is there (a trigger that runs again writes nothing). */
const UPDATE = (
  kindSql: string,
  subjectType: string,
  subjectId: string,
  organisation: string,
  key: string,
  legal = 'NULL',
) => `INSERT INTO updates (kind, subject_type, subject_id, organisation_id, key, legal_event, created_at)
    SELECT ${kindSql}, '${subjectType}', ${subjectId}, ${organisation}, ${key}, ${legal}, unixepoch()
    WHERE NOT EXISTS (SELECT 1 FROM updates WHERE key = ${key});`

const statements: string[] = [
  // RFC 8058 one-click unsubscribe: the mail's List-Unsubscribe URL, fixed like its content.
  `ALTER TABLE outbox ADD COLUMN list_unsubscribe TEXT
    CHECK (list_unsubscribe IS NULL OR length(list_unsubscribe) BETWEEN 10 AND 500)`,
  `CREATE TRIGGER outbox_unsubscribe_fixed BEFORE UPDATE OF list_unsubscribe ON outbox
    BEGIN SELECT RAISE(ABORT, 'testarena:outbox_append_only'); END`,
  `CREATE TABLE follows (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    target_type TEXT NOT NULL
      CHECK (target_type IN ('call', 'test_bed', 'organisation', 'initiative', 'agenda')),
    target_id INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, target_type, target_id)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX follows_by_target ON follows(target_type, target_id, user_id)`,
  `CREATE TRIGGER follows_public BEFORE INSERT ON follows
    WHEN NOT CASE NEW.target_type
      WHEN 'call' THEN EXISTS (SELECT 1 FROM calls WHERE id = NEW.target_id AND status <> 'draft')
      WHEN 'test_bed' THEN EXISTS (SELECT 1 FROM test_bed_offers
        WHERE id = NEW.target_id AND status <> 'draft')
      WHEN 'organisation' THEN EXISTS (SELECT 1 FROM organisations WHERE id = NEW.target_id)
      WHEN 'initiative' THEN EXISTS (SELECT 1 FROM initiatives WHERE id = NEW.target_id)
      WHEN 'agenda' THEN EXISTS (SELECT 1 FROM agendas
        WHERE id = NEW.target_id AND status = 'published')
      ELSE 0 END
    BEGIN SELECT RAISE(ABORT, 'testarena:follow_target_not_found'); END`,
  `CREATE TRIGGER follows_target_fixed BEFORE UPDATE OF user_id, target_type, target_id ON follows
    BEGIN SELECT RAISE(ABORT, 'testarena:follow_target_not_found'); END`,
  `INSERT INTO follows (user_id, target_type, target_id, created_at)
    SELECT user_id, 'call', call_id, created_at FROM call_followers`,
  `DROP TABLE call_followers`,

  `CREATE TABLE updates (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN (${KINDS})),
    subject_type TEXT NOT NULL
      CHECK (subject_type IN ('call', 'test_bed', 'initiative', 'reference', 'event')),
    subject_id INTEGER NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    key TEXT NOT NULL UNIQUE CHECK (length(key) BETWEEN 3 AND 80),
    legal_event TEXT CHECK (legal_event IS NULL OR length(legal_event) BETWEEN 3 AND 60),
    created_at INTEGER NOT NULL,
    fanned_out_at INTEGER
  ) STRICT`,
  `CREATE INDEX updates_pending ON updates(id) WHERE fanned_out_at IS NULL`,
  `CREATE INDEX updates_by_subject ON updates(subject_type, subject_id, id)`,
  `CREATE TRIGGER updates_fixed BEFORE UPDATE ON updates
    WHEN NEW.kind IS NOT OLD.kind OR NEW.subject_type IS NOT OLD.subject_type
      OR NEW.subject_id IS NOT OLD.subject_id OR NEW.organisation_id IS NOT OLD.organisation_id
      OR NEW.key IS NOT OLD.key OR NEW.legal_event IS NOT OLD.legal_event
      OR NEW.created_at IS NOT OLD.created_at
      OR (OLD.fanned_out_at IS NOT NULL AND NEW.fanned_out_at IS NOT OLD.fanned_out_at)
    BEGIN SELECT RAISE(ABORT, 'testarena:update_fixed'); END`,
  `CREATE TRIGGER updates_no_delete BEFORE DELETE ON updates
    BEGIN SELECT RAISE(ABORT, 'testarena:update_fixed'); END`,

  // What writes the updates.
  `CREATE TRIGGER calls_update_published AFTER UPDATE OF status ON calls
    WHEN OLD.status = 'draft' AND NEW.status = 'published'
    BEGIN ${UPDATE("'call_published'", 'call', 'NEW.id', 'NEW.organisation_id', `'call_published:' || NEW.id`)} END`,
  `CREATE TRIGGER calls_update_inserted AFTER INSERT ON calls
    WHEN NEW.status = 'published'
    BEGIN ${UPDATE("'call_published'", 'call', 'NEW.id', 'NEW.organisation_id', `'call_published:' || NEW.id`)} END`,
  `CREATE TRIGGER test_bed_offers_update_inserted AFTER INSERT ON test_bed_offers
    WHEN NEW.status = 'published'
    BEGIN ${UPDATE("'test_bed_published'", 'test_bed', 'NEW.id', 'NEW.organisation_id', `'test_bed_published:' || NEW.id`)} END`,
  `CREATE TRIGGER reference_cases_update_inserted AFTER INSERT ON reference_cases
    WHEN NEW.status = 'published'
    BEGIN ${UPDATE("'reference_published'", 'reference', 'NEW.id', 'NEW.public_body_id', `'reference_published:' || NEW.id`)} END`,
  `CREATE TRIGGER calls_update_status AFTER UPDATE OF status ON calls
    WHEN OLD.status IS NOT NEW.status AND NEW.status IN ('opened', 'awarded', 'unsuccessful', 'cancelled')
    BEGIN ${UPDATE(
      "CASE NEW.status WHEN 'opened' THEN 'call_opened' WHEN 'cancelled' THEN 'call_cancelled' ELSE 'call_decided' END",
      'call',
      'NEW.id',
      'NEW.organisation_id',
      `(CASE NEW.status WHEN 'opened' THEN 'call_opened:' WHEN 'cancelled' THEN 'call_cancelled:' ELSE 'call_decided:' END) || NEW.id`,
      "CASE WHEN NEW.status = 'opened' THEN NULL ELSE 'outcome' END",
    )} END`,
  `CREATE TRIGGER call_amendments_update AFTER UPDATE OF state ON call_amendments
    WHEN OLD.state = 'open' AND NEW.state = 'published'
    BEGIN ${UPDATE(
      "'call_amended'",
      'call',
      'NEW.call_id',
      '(SELECT organisation_id FROM calls WHERE id = NEW.call_id)',
      `'call_amended:' || NEW.id`,
      `'amendment:' || NEW.id`,
    )} END`,
  `CREATE TRIGGER call_answers_update AFTER INSERT ON call_answers
    BEGIN ${UPDATE(
      "'call_answered'",
      'call',
      'NEW.call_id',
      '(SELECT organisation_id FROM calls WHERE id = NEW.call_id)',
      `'call_answered:' || NEW.id`,
      `'answer:' || NEW.id`,
    )} END`,
  `CREATE TRIGGER test_bed_offers_update_published AFTER UPDATE OF status ON test_bed_offers
    WHEN OLD.status = 'draft' AND NEW.status = 'published'
    BEGIN ${UPDATE("'test_bed_published'", 'test_bed', 'NEW.id', 'NEW.organisation_id', `'test_bed_published:' || NEW.id`)} END`,
  `CREATE TRIGGER initiatives_update_created AFTER INSERT ON initiatives
    BEGIN ${UPDATE("'initiative_created'", 'initiative', 'NEW.id', 'NEW.organisation_id', `'initiative_created:' || NEW.id`)} END`,
  `CREATE TRIGGER reference_cases_update_published AFTER UPDATE OF status ON reference_cases
    WHEN OLD.status = 'draft' AND NEW.status = 'published'
    BEGIN ${UPDATE("'reference_published'", 'reference', 'NEW.id', 'NEW.public_body_id', `'reference_published:' || NEW.id`)} END`,
  `CREATE TRIGGER events_update_published AFTER INSERT ON events
    WHEN NEW.status = 'published'
    BEGIN ${UPDATE("'event_published'", 'event', 'NEW.id', 'NEW.organisation_id', `'event_published:' || NEW.id`)} END`,

  `CREATE TABLE notification_preferences (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    channel TEXT NOT NULL CHECK (channel IN (${CHANNELS})),
    mode TEXT NOT NULL CHECK (mode IN ('off', 'immediate', 'daily', 'weekly')),
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, channel)
  ) STRICT, WITHOUT ROWID`,

  `CREATE TABLE notification_digests (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    channel TEXT NOT NULL CHECK (channel IN (${CHANNELS})),
    period TEXT NOT NULL CHECK (period IN ('daily', 'weekly')),
    period_start INTEGER NOT NULL,
    outbox_id INTEGER NOT NULL REFERENCES outbox(id),
    item_count INTEGER NOT NULL CHECK (item_count >= 1),
    created_at INTEGER NOT NULL,
    UNIQUE (user_id, channel, period, period_start)
  ) STRICT`,
  `CREATE TRIGGER notification_digests_fixed BEFORE UPDATE ON notification_digests
    BEGIN SELECT RAISE(ABORT, 'testarena:digest_fixed'); END`,
  `CREATE TRIGGER notification_digests_no_delete BEFORE DELETE ON notification_digests
    WHEN EXISTS (SELECT 1 FROM users WHERE id = OLD.user_id)
    BEGIN SELECT RAISE(ABORT, 'testarena:digest_fixed'); END`,

  `CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    update_id INTEGER NOT NULL REFERENCES updates(id),
    channel TEXT NOT NULL CHECK (channel IN (${CHANNELS})),
    reason TEXT NOT NULL CHECK (length(reason) BETWEEN 3 AND 60),
    mail TEXT NOT NULL CHECK (mail IN ('off', 'immediate', 'daily', 'weekly', 'covered')),
    created_at INTEGER NOT NULL,
    read_at INTEGER,
    mailed_at INTEGER,
    outbox_id INTEGER REFERENCES outbox(id),
    digest_id INTEGER REFERENCES notification_digests(id),
    UNIQUE (user_id, update_id),
    CHECK (digest_id IS NULL OR mail IN ('daily', 'weekly')),
    CHECK (mailed_at IS NOT NULL OR (outbox_id IS NULL AND digest_id IS NULL))
  ) STRICT`,
  `CREATE INDEX notifications_by_user ON notifications(user_id, id)`,
  `CREATE INDEX notifications_unread ON notifications(user_id) WHERE read_at IS NULL`,
  `CREATE INDEX notifications_digest_due ON notifications(mail, user_id)
    WHERE mailed_at IS NULL AND mail IN ('daily', 'weekly')`,
  `CREATE TRIGGER notifications_fixed BEFORE UPDATE ON notifications
    WHEN NEW.user_id IS NOT OLD.user_id OR NEW.update_id IS NOT OLD.update_id
      OR NEW.channel IS NOT OLD.channel OR NEW.reason IS NOT OLD.reason
      OR NEW.mail IS NOT OLD.mail OR NEW.created_at IS NOT OLD.created_at
      OR (OLD.read_at IS NOT NULL AND NEW.read_at IS NOT OLD.read_at)
      OR (OLD.mailed_at IS NOT NULL AND (NEW.mailed_at IS NOT OLD.mailed_at
        OR NEW.outbox_id IS NOT OLD.outbox_id OR NEW.digest_id IS NOT OLD.digest_id))
    BEGIN SELECT RAISE(ABORT, 'testarena:notification_fixed'); END`,
  `CREATE TRIGGER notifications_no_delete BEFORE DELETE ON notifications
    WHEN EXISTS (SELECT 1 FROM users WHERE id = OLD.user_id)
    BEGIN SELECT RAISE(ABORT, 'testarena:notification_fixed'); END`,
  // A digest covers only its own person's notifications of its own period.
  `CREATE TRIGGER notifications_digest_matches BEFORE UPDATE OF digest_id ON notifications
    WHEN NEW.digest_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM notification_digests
      WHERE id = NEW.digest_id AND user_id = NEW.user_id AND channel = NEW.channel
        AND period = NEW.mail)
    BEGIN SELECT RAISE(ABORT, 'testarena:notification_fixed'); END`,
]

const GUARDED = ['updates', 'notifications', 'notification_digests']

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
  for (const table of GUARDED) {
    for (const guard of guards(table, await shapeOf(db, table))) await sql.raw(guard).execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of [
    'calls_update_inserted',
    'test_bed_offers_update_inserted',
    'reference_cases_update_inserted',
    'calls_update_published',
    'calls_update_status',
    'call_amendments_update',
    'call_answers_update',
    'test_bed_offers_update_published',
    'initiatives_update_created',
    'reference_cases_update_published',
    'events_update_published',
  ]) {
    await sql.raw(`DROP TRIGGER ${trigger}`).execute(db)
  }
  for (const table of ['notifications', 'notification_digests', 'notification_preferences']) {
    await sql.raw(`DROP TABLE ${table}`).execute(db)
  }
  await sql.raw('DROP TABLE updates').execute(db)
  await sql
    .raw(
      `CREATE TABLE call_followers (
    call_id INTEGER NOT NULL REFERENCES calls(id),
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (call_id, user_id)
  ) STRICT, WITHOUT ROWID`,
    )
    .execute(db)
  await sql
    .raw(
      `INSERT INTO call_followers (call_id, user_id, created_at)
    SELECT target_id, user_id, created_at FROM follows WHERE target_type = 'call'`,
    )
    .execute(db)
  await sql
    .raw(
      `CREATE TRIGGER call_followers_published BEFORE INSERT ON call_followers
    WHEN (SELECT status FROM calls WHERE id = NEW.call_id) IS 'draft'
    BEGIN SELECT RAISE(ABORT, 'testarena:call_not_found'); END`,
    )
    .execute(db)
  await sql.raw('DROP TABLE follows').execute(db)
  await sql.raw('DROP TRIGGER outbox_unsubscribe_fixed').execute(db)
  await sql.raw('ALTER TABLE outbox DROP COLUMN list_unsubscribe').execute(db)
}
