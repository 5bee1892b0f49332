import { type Kysely, sql } from 'kysely'

// Frozen once landed. Bid seal key ids and re-sealing on key rotation (issue 13, point 7;
// decision record 023).
//
// 1. bids.seal_key_id: the id of the key that sealed the bid (16 lower-case hex characters).
//    Existing rows keep NULL ("sealed before key ids"): a migration cannot know the key.
// 2. A re-seal — an update that moves a bid to another key: `seal_key_id` changes to a key id
//    and nothing but `sealed` changes with it — is allowed at any time, also after the deadline
//    and for submitted bids. Every other column, the content hash and the receipt included, must
//    stay as it was, so a re-seal with other content is caught by the app, which checks the
//    plaintext against bids.content_hash at rotation and at opening.
//    Three triggers of migration 2026-11-25-03 are dropped and recreated, word for word, with that
//    one exception: bids_update_open, bids_update_by_member and bids_submission_stamped. The
//    other bid triggers fire only on a change of status, which a re-seal never makes.
// 3. bid_seal_failures: the bids that could not be opened at the opening, and why; append-only,
//    written only for submitted bids of a call in the same statement-time window as its opening.

const stampedNow = (col: string) => `abs(${col} - unixepoch()) <= 5`
const callStatus = (callId: string) => `(SELECT status FROM calls WHERE id = ${callId})`
const callDeadline = (callId: string) => `(SELECT tender_deadline FROM calls WHERE id = ${callId})`

const UNCHANGED = [
  'id',
  'call_id',
  'company_id',
  'status',
  'content_hash',
  'created_by',
  'created_at',
  'updated_by',
  'updated_at',
  'submitted_at',
  'submitted_by',
  'receipt_hash',
  'withdrawn_at',
]
const reseal = `(NEW.seal_key_id IS NOT NULL AND NEW.seal_key_id IS NOT OLD.seal_key_id AND ${UNCHANGED.map((c) => `NEW.${c} IS OLD.${c}`).join(' AND ')})`

const statements = [
  `ALTER TABLE bids ADD COLUMN seal_key_id TEXT
    CHECK (seal_key_id IS NULL OR (length(seal_key_id) = 16 AND seal_key_id NOT GLOB '*[^0-9a-f]*'))`,

  `DROP TRIGGER bids_update_open`,
  `CREATE TRIGGER bids_update_open BEFORE UPDATE ON bids
    WHEN (${callStatus('OLD.call_id')} IS NOT 'published' OR unixepoch() >= ${callDeadline('OLD.call_id')})
      AND NOT ${reseal}
    BEGIN SELECT RAISE(ABORT, 'testarena:deadline_passed'); END`,
  `DROP TRIGGER bids_update_by_member`,
  `CREATE TRIGGER bids_update_by_member BEFORE UPDATE ON bids
    WHEN (NEW.call_id IS NOT OLD.call_id OR NEW.company_id IS NOT OLD.company_id
      OR NEW.created_by IS NOT OLD.created_by
      OR (NOT (OLD.status = 'submitted' AND NEW.status = 'needs_reconfirmation')
        AND NOT EXISTS (SELECT 1 FROM memberships
          WHERE organisation_id = OLD.company_id AND user_id = NEW.updated_by)))
      AND NOT ${reseal}
    BEGIN SELECT RAISE(ABORT, 'testarena:not_company_member'); END`,
  `DROP TRIGGER bids_submission_stamped`,
  `CREATE TRIGGER bids_submission_stamped BEFORE UPDATE ON bids
    WHEN NEW.status = 'submitted' AND (OLD.status <> 'submitted' OR NEW.sealed IS NOT OLD.sealed
        OR NEW.content_hash IS NOT OLD.content_hash OR NEW.submitted_at IS NOT OLD.submitted_at
        OR NEW.receipt_hash IS NOT OLD.receipt_hash)
      AND ${callStatus('OLD.call_id')} = 'published' AND unixepoch() < ${callDeadline('OLD.call_id')}
      AND NOT (${stampedNow('NEW.submitted_at')} AND NEW.submitted_at < ${callDeadline('OLD.call_id')}
        AND NEW.submitted_by = NEW.updated_by
        AND (OLD.submitted_at IS NULL OR NEW.submitted_at >= OLD.submitted_at)
        AND NEW.receipt_hash IS NOT OLD.receipt_hash)
      AND NOT ${reseal}
    BEGIN SELECT RAISE(ABORT, 'testarena:receipt_required'); END`,

  // The start-up check counts bids per key id.
  `CREATE INDEX bids_by_seal_key ON bids(seal_key_id)`,
  `CREATE TABLE bid_seal_failures (
    bid_id INTEGER PRIMARY KEY REFERENCES bids(id),
    -- The bid's call (checked by the trigger below; no foreign key to calls, so the table is not
    -- one more that "refers to calls": it names bids, never firms).
    call_id INTEGER NOT NULL,
    problem TEXT NOT NULL CHECK (problem IN ('tampered', 'content_mismatch')),
    detected_at INTEGER NOT NULL
  ) STRICT`,
  `CREATE INDEX bid_seal_failures_by_call ON bid_seal_failures(call_id)`,
  // Only a submitted bid of this call, only once the call is opened (same transaction as the
  // opening), stamped now.
  `CREATE TRIGGER bid_seal_failures_at_opening BEFORE INSERT ON bid_seal_failures
    WHEN (SELECT call_id FROM bids WHERE id = NEW.bid_id AND status = 'submitted') IS NOT NEW.call_id
      OR NOT EXISTS (SELECT 1 FROM bid_openings WHERE call_id = NEW.call_id
        AND abs(opened_at - NEW.detected_at) <= 5)
      OR NOT ${stampedNow('NEW.detected_at')}
    BEGIN SELECT RAISE(ABORT, 'testarena:opening_fixed'); END`,
  `CREATE TRIGGER bid_seal_failures_fixed BEFORE UPDATE ON bid_seal_failures
    BEGIN SELECT RAISE(ABORT, 'testarena:opening_fixed'); END`,
  `CREATE TRIGGER bid_seal_failures_no_delete BEFORE DELETE ON bid_seal_failures
    BEGIN SELECT RAISE(ABORT, 'testarena:opening_fixed'); END`,
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function down(_db: Kysely<any>): Promise<void> {}
