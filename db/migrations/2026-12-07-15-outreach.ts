import { type Kysely, sql } from 'kysely'
import { guards, shapeOf } from './2026-12-07-08-conflict-guards'

// Frozen once landed. Broadcast outreach to companies (issue 15 part 6, decision record 032): a
// verified region or intermediary writes ONE message to EVERY company matching stated criteria
// (size classes, sectors, county, municipalities), never to a hand-picked list. Companies may opt
// out of outreach; opted-out companies are counted but not reached.
//
// Rules (each raises 'testarena:<code>'):
// - the sender is a verified region (public body of type region) or a verified intermediary, the
//   writer one of its members, stamped now; the criteria are JSON arrays of known codes (at least
//   one size class; municipalities only inside the chosen county);
// - the database, not the app, chooses the recipients: an AFTER INSERT trigger fills
//   outreach_recipients with INSERT … SELECT from the stored criteria (every matching company that
//   has not opted out) and seals the outreach with its counts in the same statement. A recipient
//   row is accepted only for an unsealed outreach and a company that matches it and has not opted
//   out; sealing is accepted only when the counts are the true ones — so the recipients are all
//   the matches, and nothing else, by construction;
// - a sent outreach and its recipients are never changed or deleted; status_log records each send;
// - a company's opt-out is written by its own members only; status_log records each change.
// Outreaches and recipients get conflict guards (decision record 022).

const MEMBER = (org: string, user: string) => `EXISTS (SELECT 1 FROM memberships
  WHERE organisation_id = ${org} AND user_id = ${user})`

const stampedNow = (col: string) => `abs(${col} - unixepoch()) <= 5`

/** Whether company `o` matches the criteria of outreach row `x`. */
const MATCH = (x: string) => `o.kind = 'company'
  AND o.size_class IN (SELECT value FROM json_each(${x}.size_classes))
  AND (${x}.county_code IS NULL OR o.county_code = ${x}.county_code)
  AND (json_array_length(${x}.municipality_codes) = 0
    OR o.municipality_code IN (SELECT value FROM json_each(${x}.municipality_codes)))
  AND (json_array_length(${x}.sector_codes) = 0 OR EXISTS (SELECT 1 FROM organisation_sectors s
    WHERE s.organisation_id = o.id
      AND s.sector_code IN (SELECT value FROM json_each(${x}.sector_codes))))`

const OPTED_OUT = `EXISTS (SELECT 1 FROM company_outreach_settings w
  WHERE w.company_id = o.id AND w.opted_out = 1)`

const count = (x: string, optedOut: boolean | null) =>
  `(SELECT count(*) FROM organisations o WHERE ${MATCH(x)}${
    optedOut === null ? '' : optedOut ? ` AND ${OPTED_OUT}` : ` AND NOT ${OPTED_OUT}`
  })`

const jsonArray = (col: string) =>
  `json_valid(${col}) AND json_type(${col}) = 'array' AND json_array_length(${col}) <= 400`

const statements: string[] = [
  // The company's own choice: no outreach at all (default: outreach welcome).
  `CREATE TABLE company_outreach_settings (
    company_id INTEGER PRIMARY KEY REFERENCES organisations(id),
    opted_out INTEGER NOT NULL CHECK (opted_out IN (0, 1)),
    updated_at INTEGER NOT NULL,
    updated_by INTEGER NOT NULL REFERENCES users(id)
  ) STRICT`,
  ...['INSERT', 'UPDATE'].map(
    (op) => `CREATE TRIGGER company_outreach_settings_by_member_${op.toLowerCase()}
    BEFORE ${op} ON company_outreach_settings
    WHEN NOT EXISTS (SELECT 1 FROM organisations WHERE id = NEW.company_id AND kind = 'company')
      OR NOT ${MEMBER('NEW.company_id', 'NEW.updated_by')}
    BEGIN SELECT RAISE(ABORT, 'testarena:outreach_settings_not_member'); END`,
  ),
  `CREATE TRIGGER company_outreach_settings_log_insert AFTER INSERT ON company_outreach_settings
    BEGIN INSERT INTO status_log (entity_type, entity_id, from_status, to_status, actor_user_id)
    VALUES ('outreach_consent', NEW.company_id, NULL,
      CASE NEW.opted_out WHEN 1 THEN 'opted_out' ELSE 'opted_in' END, NEW.updated_by); END`,
  `CREATE TRIGGER company_outreach_settings_log_update AFTER UPDATE OF opted_out
    ON company_outreach_settings WHEN NEW.opted_out IS NOT OLD.opted_out
    BEGIN INSERT INTO status_log (entity_type, entity_id, from_status, to_status, actor_user_id)
    VALUES ('outreach_consent', NEW.company_id,
      CASE OLD.opted_out WHEN 1 THEN 'opted_out' ELSE 'opted_in' END,
      CASE NEW.opted_out WHEN 1 THEN 'opted_out' ELSE 'opted_in' END, NEW.updated_by); END`,

  `CREATE TABLE outreaches (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    subject TEXT NOT NULL CHECK (length(trim(subject)) BETWEEN 5 AND 150),
    body TEXT NOT NULL CHECK (length(trim(body)) BETWEEN 20 AND 5000),
    size_classes TEXT NOT NULL CHECK (${jsonArray('size_classes')}
      AND json_array_length(size_classes) >= 1),
    sector_codes TEXT NOT NULL CHECK (${jsonArray('sector_codes')}),
    county_code TEXT REFERENCES counties(code),
    municipality_codes TEXT NOT NULL CHECK (${jsonArray('municipality_codes')}
      AND (json_array_length(municipality_codes) = 0 OR county_code IS NOT NULL)),
    matched_count INTEGER NOT NULL DEFAULT 0,
    opted_out_count INTEGER NOT NULL DEFAULT 0,
    recipient_count INTEGER NOT NULL DEFAULT 0,
    sealed INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1)),
    sent_by INTEGER NOT NULL REFERENCES users(id),
    sent_at INTEGER NOT NULL,
    CHECK (matched_count = opted_out_count + recipient_count)
  ) STRICT`,
  `CREATE TABLE outreach_recipients (
    outreach_id INTEGER NOT NULL REFERENCES outreaches(id),
    company_id INTEGER NOT NULL REFERENCES organisations(id),
    PRIMARY KEY (outreach_id, company_id)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX outreach_recipients_by_company ON outreach_recipients(company_id)`,
  `CREATE INDEX outreaches_by_sender ON outreaches(organisation_id, sent_at DESC)`,
  `CREATE INDEX organisations_companies_by_place ON organisations(kind, county_code,
    municipality_code, size_class)`,
  `CREATE TRIGGER outreaches_sender_allowed BEFORE INSERT ON outreaches
    WHEN NOT EXISTS (SELECT 1 FROM organisations WHERE id = NEW.organisation_id
      AND verification_status = 'verified'
      AND (kind = 'intermediary' OR (kind = 'public_body' AND public_body_type = 'region')))
    BEGIN SELECT RAISE(ABORT, 'testarena:outreach_sender_not_allowed'); END`,
  `CREATE TRIGGER outreaches_sent_by_member BEFORE INSERT ON outreaches
    WHEN NOT ${MEMBER('NEW.organisation_id', 'NEW.sent_by')}
    BEGIN SELECT RAISE(ABORT, 'testarena:outreach_not_member'); END`,
  `CREATE TRIGGER outreaches_sent_now BEFORE INSERT ON outreaches
    WHEN NOT ${stampedNow('NEW.sent_at')}
    BEGIN SELECT RAISE(ABORT, 'testarena:clock_mismatch'); END`,
  // The counts and the seal are the database's to write, right after the insert.
  `CREATE TRIGGER outreaches_start_unsealed BEFORE INSERT ON outreaches
    WHEN NEW.sealed <> 0 OR NEW.matched_count <> 0 OR NEW.opted_out_count <> 0
      OR NEW.recipient_count <> 0
    BEGIN SELECT RAISE(ABORT, 'testarena:outreach_fixed'); END`,
  `CREATE TRIGGER outreaches_criteria_known BEFORE INSERT ON outreaches
    WHEN EXISTS (SELECT 1 FROM json_each(NEW.size_classes)
        WHERE type <> 'text' OR value NOT IN ('micro', 'small', 'medium', 'large'))
      OR EXISTS (SELECT 1 FROM json_each(NEW.sector_codes)
        WHERE type <> 'text' OR value NOT IN (SELECT code FROM sectors))
      OR EXISTS (SELECT 1 FROM json_each(NEW.municipality_codes)
        WHERE type <> 'text'
          OR value NOT IN (SELECT code FROM municipalities WHERE county_code = NEW.county_code))
    BEGIN SELECT RAISE(ABORT, 'testarena:outreach_criteria_invalid'); END`,
  // Every match, chosen by the database from the stored criteria, then sealed with true counts.
  `CREATE TRIGGER outreaches_reach_every_match AFTER INSERT ON outreaches
    BEGIN
      INSERT INTO outreach_recipients (outreach_id, company_id)
        SELECT NEW.id, o.id FROM organisations o WHERE ${MATCH('NEW')} AND NOT ${OPTED_OUT};
      UPDATE outreaches SET sealed = 1,
        matched_count = ${count('NEW', null)},
        opted_out_count = ${count('NEW', true)},
        recipient_count = (SELECT count(*) FROM outreach_recipients WHERE outreach_id = NEW.id)
      WHERE id = NEW.id;
      INSERT INTO status_log (entity_type, entity_id, from_status, to_status, actor_user_id)
        VALUES ('outreach', NEW.id, NULL, 'sent', NEW.sent_by);
    END`,
  // The only change ever: the seal above, with the true counts; then nothing.
  `CREATE TRIGGER outreaches_fixed BEFORE UPDATE ON outreaches
    WHEN NOT (OLD.sealed = 0 AND NEW.sealed = 1
      AND NEW.id IS OLD.id AND NEW.organisation_id IS OLD.organisation_id
      AND NEW.subject IS OLD.subject AND NEW.body IS OLD.body
      AND NEW.size_classes IS OLD.size_classes AND NEW.sector_codes IS OLD.sector_codes
      AND NEW.county_code IS OLD.county_code AND NEW.municipality_codes IS OLD.municipality_codes
      AND NEW.sent_by IS OLD.sent_by AND NEW.sent_at IS OLD.sent_at
      AND NEW.recipient_count = (SELECT count(*) FROM outreach_recipients WHERE outreach_id = OLD.id)
      AND NEW.recipient_count = ${count('OLD', false)}
      AND NEW.opted_out_count = ${count('OLD', true)})
    BEGIN SELECT RAISE(ABORT, 'testarena:outreach_fixed'); END`,
  `CREATE TRIGGER outreaches_no_delete BEFORE DELETE ON outreaches
    BEGIN SELECT RAISE(ABORT, 'testarena:outreach_fixed'); END`,

  // No hand-picked recipient: only a match of an outreach being sent, in the statement that sends it.
  `CREATE TRIGGER outreach_recipients_only_matches BEFORE INSERT ON outreach_recipients
    WHEN NOT EXISTS (SELECT 1 FROM outreaches r JOIN organisations o ON o.id = NEW.company_id
      WHERE r.id = NEW.outreach_id AND r.sealed = 0 AND ${MATCH('r')} AND NOT ${OPTED_OUT})
    BEGIN SELECT RAISE(ABORT, 'testarena:outreach_hand_picked'); END`,
  `CREATE TRIGGER outreach_recipients_no_update BEFORE UPDATE ON outreach_recipients
    BEGIN SELECT RAISE(ABORT, 'testarena:outreach_fixed'); END`,
  `CREATE TRIGGER outreach_recipients_no_delete BEFORE DELETE ON outreach_recipients
    BEGIN SELECT RAISE(ABORT, 'testarena:outreach_fixed'); END`,
]

// The conflict guards, made as 2026-12-07-08-conflict-guards makes them (decision record 022).
const GUARDED = ['outreaches', 'outreach_recipients']

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
  for (const table of GUARDED) {
    for (const guard of guards(table, await shapeOf(db, table))) await sql.raw(guard).execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP INDEX organisations_companies_by_place').execute(db)
  for (const t of ['outreach_recipients', 'outreaches', 'company_outreach_settings']) {
    await sql.raw(`DROP TABLE ${t}`).execute(db)
  }
}
