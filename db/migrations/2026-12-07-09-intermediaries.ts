import { type Kysely, sql } from 'kysely'

// Frozen once landed. Intermediaries (issue 15, decision record 026): industrial development
// centres (IUC), clusters, science parks, universities and government agencies that fund or
// support rather than procure (Vinnova, Tillväxtverket). They are a third kind of organisation,
// verified like public bodies; they publish no calls or test-bed offers and neither bid nor apply
// (the triggers that ask for kind 'public_body' or 'company' already refuse them).
//
// organisations.kind and the table CHECK that ties kind, type, size class and verification
// together can only change by rebuilding the table (SQLite's twelve-step procedure,
// https://www.sqlite.org/lang_altertable.html#otheralter):
//   - foreign keys OFF outside any transaction (Kysely's Migrator runs SQLite migrations without
//     one), or DROP TABLE would cascade into memberships, invitations and organisation_sectors;
//   - in one transaction: create organisations_new, copy every row with its id, drop the old
//     table, rename the new one, recreate every index and trigger of the old table from its saved
//     SQL, word for word; check foreign keys; commit;
//   - the rename runs with legacy_alter_table ON: triggers of other tables (calls, bids,
//     memberships …) name `organisations` and must keep doing so; the modern rename re-parses them
//     and fails because that table does not exist for the moment between the drop and the rename.
// The rebuild is skipped if the column is there already (a crash after the commit but before the
// migrator recorded this migration).

const TYPES = `'industrial_development_centre', 'cluster', 'science_park', 'university', 'government_agency'`

const TABLE = `CREATE TABLE organisations_new (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 2 AND 80 AND slug NOT GLOB '*[^a-z0-9-]*'),
    kind TEXT NOT NULL CHECK (kind IN ('public_body', 'company', 'intermediary')),
    public_body_type TEXT CHECK (public_body_type IN ('region', 'municipality', 'agency', 'public_company')),
    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 2 AND 200),
    org_number TEXT NOT NULL UNIQUE CHECK (length(org_number) = 10 AND org_number NOT GLOB '*[^0-9]*'),
    county_code TEXT NOT NULL REFERENCES counties(code),
    municipality_code TEXT,
    size_class TEXT CHECK (size_class IN ('micro', 'small', 'medium', 'large')),
    website TEXT CHECK (website IS NULL OR website LIKE 'https://%' OR website LIKE 'http://%'),
    description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    verification_status TEXT NOT NULL
      CHECK (verification_status IN ('not_required', 'pending', 'verified', 'rejected')),
    verification_note TEXT,
    verified_at INTEGER,
    verified_by INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    intermediary_type TEXT CHECK (intermediary_type IN (${TYPES})),
    FOREIGN KEY (municipality_code, county_code) REFERENCES municipalities(code, county_code),
    CHECK (
      (kind = 'public_body' AND public_body_type IS NOT NULL AND intermediary_type IS NULL
        AND size_class IS NULL AND verification_status IN ('pending', 'verified', 'rejected'))
      OR (kind = 'intermediary' AND intermediary_type IS NOT NULL AND public_body_type IS NULL
        AND size_class IS NULL AND verification_status IN ('pending', 'verified', 'rejected'))
      OR (kind = 'company' AND public_body_type IS NULL AND intermediary_type IS NULL
        AND size_class IS NOT NULL AND verification_status = 'not_required')
    ),
    CHECK (public_body_type IS NOT 'municipality' OR municipality_code IS NOT NULL),
    CHECK (verification_status <> 'rejected' OR length(trim(coalesce(verification_note, ''))) > 0)
  ) STRICT`

const COLUMNS = `id, slug, kind, public_body_type, name, org_number, county_code, municipality_code,
  size_class, website, description, verification_status, verification_note, verified_at,
  verified_by, created_at, updated_at`

// The rules of public bodies that name their kind, for intermediaries too (the others — verified
// only by a platform administrator, stamped now, kind and number fixed, never deleted — hold for
// every organisation already), and the log of verification states.
const RULES = [
  // Nobody can pose as Vinnova: an intermediary starts unverified ...
  `CREATE TRIGGER organisations_intermediary_starts_pending BEFORE INSERT ON organisations
    WHEN NEW.kind = 'intermediary' AND NEW.verification_status <> 'pending'
    BEGIN SELECT RAISE(ABORT, 'testarena:verification_by_admin_only'); END`,
  // ... and a verified one that takes another name goes back to the platform administrator.
  `CREATE TRIGGER organisations_intermediary_rename_needs_review BEFORE UPDATE OF name ON organisations
    WHEN OLD.kind = 'intermediary' AND NEW.name IS NOT OLD.name AND NEW.verification_status = 'verified'
    BEGIN SELECT RAISE(ABORT, 'testarena:rename_needs_review'); END`,
  // The database logs the verification state of public bodies and intermediaries in status_log
  // (decision 022, point 6), whoever changes it: registered pending, verified, rejected, back to
  // pending after a rename or a request for review. Rows from before this migration have their
  // history in the audit log only.
  `CREATE TRIGGER organisations_log_insert AFTER INSERT ON organisations
    WHEN NEW.kind <> 'company'
    BEGIN INSERT INTO status_log (entity_type, entity_id, from_status, to_status, actor_user_id)
      VALUES ('organisations', NEW.id, NULL, NEW.verification_status, NULL); END`,
  `CREATE TRIGGER organisations_log_verification AFTER UPDATE OF verification_status ON organisations
    WHEN NEW.kind <> 'company' AND NEW.verification_status IS NOT OLD.verification_status
    BEGIN INSERT INTO status_log (entity_type, entity_id, from_status, to_status, actor_user_id)
      VALUES ('organisations', NEW.id, OLD.verification_status, NEW.verification_status,
        CASE WHEN NEW.verification_status IN ('verified', 'rejected') THEN NEW.verified_by END); END`,
]

export async function up(db: Kysely<any>): Promise<void> {
  const done = await sql<{ n: number }>`SELECT count(*) AS n FROM pragma_table_info('organisations')
    WHERE name = 'intermediary_type'`.execute(db)
  if (Number(done.rows[0]!.n) === 0) await rebuild(db)
  for (const rule of RULES) await sql.raw(rule).execute(db)
}

async function rebuild(db: Kysely<any>): Promise<void> {
  const fk = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db)
  const foreignKeysWereOn = Number(fk.rows[0]!.foreign_keys) === 1
  await sql`PRAGMA foreign_keys = OFF`.execute(db)
  const off = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db)
  // Inside a transaction the pragma is silently ignored, and DROP TABLE would then cascade.
  if (Number(off.rows[0]!.foreign_keys) !== 0)
    throw new Error('2026-12-07-09-intermediaries must run outside a transaction')
  try {
    await db.transaction().execute(async (tx) => {
      // Every index and trigger of the table, as written (autoindexes come with the table).
      const objects = await sql<{ sql: string }>`SELECT sql FROM sqlite_schema
        WHERE tbl_name = 'organisations' AND type IN ('index', 'trigger') AND sql IS NOT NULL
        ORDER BY type, rowid`.execute(tx)
      await sql.raw(TABLE).execute(tx)
      await sql
        .raw(`INSERT INTO organisations_new (${COLUMNS}) SELECT ${COLUMNS} FROM organisations`)
        .execute(tx)
      await sql`DROP TABLE organisations`.execute(tx)
      await sql`PRAGMA legacy_alter_table = ON`.execute(tx)
      await sql`ALTER TABLE organisations_new RENAME TO organisations`.execute(tx)
      await sql`PRAGMA legacy_alter_table = OFF`.execute(tx)
      for (const object of objects.rows) await sql.raw(object.sql).execute(tx)
      const broken = await sql`PRAGMA foreign_key_check`.execute(tx)
      if (broken.rows.length) throw new Error(`foreign_key_check: ${JSON.stringify(broken.rows)}`)
    })
  } finally {
    await sql`PRAGMA legacy_alter_table = OFF`.execute(db)
    if (foreignKeysWereOn) await sql`PRAGMA foreign_keys = ON`.execute(db)
  }
}

export async function down(_db: Kysely<any>): Promise<void> {}
