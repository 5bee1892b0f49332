import { type Kysely, sql } from 'kysely'
import { guards, shapeOf } from './2026-12-07-08-conflict-guards'

// Frozen once landed. Theme interests of companies and a theme criterion for broadcast outreach
// (issue 15 part 6, decision record 032, Revision). A company states the themes it is interested
// in; an outreach may name themes, and then reaches every company (of its other criteria) with at
// least one of them. An empty theme list is no theme criterion.
//
// Rules (each raises 'testarena:<code>'):
// - a theme interest belongs to a company and is written (inserted or changed) only by one of its
//   members, stamped now; it is never deleted — a company withdraws an interest by setting
//   interested = 0, which keeps who changed it and when;
// - an outreach's theme_codes is a JSON array of known theme codes (outreach_criteria_invalid);
// - the triggers of 2026-12-07-15-outreach that choose, admit and count recipients are made again
//   here with the theme criterion in their match, so the database still picks every match and
//   nothing else; a sent outreach, its criteria included, still never changes. SQLite fires the
//   newest trigger first, so the conflict guards of outreaches and outreach_recipients are made
//   again after them: a REPLACE still meets the guard before any other rule (decision record 022).
// company_theme_interests holds no frozen state beyond its member check, which every write —
// REPLACE and UPSERT included — passes through its insert and update triggers (so it is exempt in
// tests/integration/replace-guards.test.ts, like company_outreach_settings).

const MEMBER = (org: string, user: string) => `EXISTS (SELECT 1 FROM memberships
  WHERE organisation_id = ${org} AND user_id = ${user})`

/** Whether company `o` matches the criteria of outreach row `x` (themes included). */
const MATCH = (x: string) => `o.kind = 'company'
  AND o.size_class IN (SELECT value FROM json_each(${x}.size_classes))
  AND (${x}.county_code IS NULL OR o.county_code = ${x}.county_code)
  AND (json_array_length(${x}.municipality_codes) = 0
    OR o.municipality_code IN (SELECT value FROM json_each(${x}.municipality_codes)))
  AND (json_array_length(${x}.sector_codes) = 0 OR EXISTS (SELECT 1 FROM organisation_sectors s
    WHERE s.organisation_id = o.id
      AND s.sector_code IN (SELECT value FROM json_each(${x}.sector_codes))))
  AND (json_array_length(${x}.theme_codes) = 0 OR EXISTS (SELECT 1 FROM company_theme_interests i
    WHERE i.company_id = o.id AND i.interested = 1
      AND i.theme_code IN (SELECT value FROM json_each(${x}.theme_codes))))`

const OPTED_OUT = `EXISTS (SELECT 1 FROM company_outreach_settings w
  WHERE w.company_id = o.id AND w.opted_out = 1)`

const count = (x: string, optedOut: boolean | null) =>
  `(SELECT count(*) FROM organisations o WHERE ${MATCH(x)}${
    optedOut === null ? '' : optedOut ? ` AND ${OPTED_OUT}` : ` AND NOT ${OPTED_OUT}`
  })`

const REMADE = [
  'outreaches_criteria_known',
  'outreaches_reach_every_match',
  'outreaches_fixed',
  'outreach_recipients_only_matches',
]

const statements: string[] = [
  `CREATE TABLE company_theme_interests (
    company_id INTEGER NOT NULL REFERENCES organisations(id),
    theme_code TEXT NOT NULL REFERENCES themes(code),
    interested INTEGER NOT NULL CHECK (interested IN (0, 1)),
    updated_at INTEGER NOT NULL,
    updated_by INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (company_id, theme_code)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX company_theme_interests_by_theme ON company_theme_interests(theme_code, company_id)
    WHERE interested = 1`,
  ...['INSERT', 'UPDATE'].map(
    (op) => `CREATE TRIGGER company_theme_interests_by_member_${op.toLowerCase()}
    BEFORE ${op} ON company_theme_interests
    WHEN NOT EXISTS (SELECT 1 FROM organisations WHERE id = NEW.company_id AND kind = 'company')
      OR NOT ${MEMBER('NEW.company_id', 'NEW.updated_by')}
    BEGIN SELECT RAISE(ABORT, 'testarena:theme_interest_not_member'); END`,
  ),
  ...['INSERT', 'UPDATE'].map(
    (op) => `CREATE TRIGGER company_theme_interests_now_${op.toLowerCase()}
    BEFORE ${op} ON company_theme_interests WHEN NOT abs(NEW.updated_at - unixepoch()) <= 5
    BEGIN SELECT RAISE(ABORT, 'testarena:clock_mismatch'); END`,
  ),
  `CREATE TRIGGER company_theme_interests_keep_key BEFORE UPDATE OF company_id, theme_code
    ON company_theme_interests
    WHEN NEW.company_id IS NOT OLD.company_id OR NEW.theme_code IS NOT OLD.theme_code
    BEGIN SELECT RAISE(ABORT, 'testarena:theme_interest_not_member'); END`,
  `CREATE TRIGGER company_theme_interests_no_delete BEFORE DELETE ON company_theme_interests
    BEGIN SELECT RAISE(ABORT, 'testarena:theme_interest_not_member'); END`,

  `ALTER TABLE outreaches ADD COLUMN theme_codes TEXT NOT NULL DEFAULT '[]'`,
  ...REMADE.map((name) => `DROP TRIGGER ${name}`),
  `CREATE TRIGGER outreaches_criteria_known BEFORE INSERT ON outreaches
    WHEN NOT (json_valid(NEW.theme_codes) AND json_type(NEW.theme_codes) = 'array'
        AND json_array_length(NEW.theme_codes) <= 400)
      OR EXISTS (SELECT 1 FROM json_each(NEW.size_classes)
        WHERE type <> 'text' OR value NOT IN ('micro', 'small', 'medium', 'large'))
      OR EXISTS (SELECT 1 FROM json_each(NEW.sector_codes)
        WHERE type <> 'text' OR value NOT IN (SELECT code FROM sectors))
      OR EXISTS (SELECT 1 FROM json_each(NEW.municipality_codes)
        WHERE type <> 'text'
          OR value NOT IN (SELECT code FROM municipalities WHERE county_code = NEW.county_code))
      OR EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(NEW.theme_codes)
          THEN NEW.theme_codes ELSE '[]' END)
        WHERE type <> 'text' OR value NOT IN (SELECT code FROM themes))
    BEGIN SELECT RAISE(ABORT, 'testarena:outreach_criteria_invalid'); END`,
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
  `CREATE TRIGGER outreaches_fixed BEFORE UPDATE ON outreaches
    WHEN NOT (OLD.sealed = 0 AND NEW.sealed = 1
      AND NEW.id IS OLD.id AND NEW.organisation_id IS OLD.organisation_id
      AND NEW.subject IS OLD.subject AND NEW.body IS OLD.body
      AND NEW.size_classes IS OLD.size_classes AND NEW.sector_codes IS OLD.sector_codes
      AND NEW.county_code IS OLD.county_code AND NEW.municipality_codes IS OLD.municipality_codes
      AND NEW.theme_codes IS OLD.theme_codes
      AND NEW.sent_by IS OLD.sent_by AND NEW.sent_at IS OLD.sent_at
      AND NEW.recipient_count = (SELECT count(*) FROM outreach_recipients WHERE outreach_id = OLD.id)
      AND NEW.recipient_count = ${count('OLD', false)}
      AND NEW.opted_out_count = ${count('OLD', true)})
    BEGIN SELECT RAISE(ABORT, 'testarena:outreach_fixed'); END`,
  `CREATE TRIGGER outreach_recipients_only_matches BEFORE INSERT ON outreach_recipients
    WHEN NOT EXISTS (SELECT 1 FROM outreaches r JOIN organisations o ON o.id = NEW.company_id
      WHERE r.id = NEW.outreach_id AND r.sealed = 0 AND ${MATCH('r')} AND NOT ${OPTED_OUT})
    BEGIN SELECT RAISE(ABORT, 'testarena:outreach_hand_picked'); END`,
]

const GUARDED = ['outreaches', 'outreach_recipients']

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
  for (const table of GUARDED) {
    const old = await sql<{ name: string }>`SELECT name FROM sqlite_master
      WHERE type = 'trigger' AND tbl_name = ${table}
        AND name LIKE ${`${table}_no_conflict_%`}`.execute(db)
    for (const { name } of old.rows) await sql.raw(`DROP TRIGGER ${name}`).execute(db)
    for (const guard of guards(table, await shapeOf(db, table))) await sql.raw(guard).execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  // The triggers of 2026-12-07-15-outreach come back when that migration is made again.
  for (const name of REMADE) await sql.raw(`DROP TRIGGER ${name}`).execute(db)
  await sql.raw('ALTER TABLE outreaches DROP COLUMN theme_codes').execute(db)
  await sql.raw('DROP TABLE company_theme_interests').execute(db)
}
