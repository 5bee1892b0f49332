import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { type Kysely, sql } from 'kysely'

// Frozen: never edit this file once it has landed. Change the schema with a new migration.
// Rule violations raise 'testarena:<code>', which app/models/errors.server.ts turns into typed,
// translated errors.

const statements = [
  `CREATE TABLE counties (
    code TEXT PRIMARY KEY CHECK (length(code) = 2 AND code NOT GLOB '*[^0-9]*'),
    name TEXT NOT NULL,
    short_name TEXT NOT NULL
  ) STRICT`,
  `CREATE TABLE municipalities (
    code TEXT PRIMARY KEY CHECK (length(code) = 4 AND code NOT GLOB '*[^0-9]*'),
    name TEXT NOT NULL,
    short_name TEXT NOT NULL,
    county_code TEXT NOT NULL REFERENCES counties(code),
    UNIQUE (code, county_code)
  ) STRICT`,
  `CREATE INDEX municipalities_by_county ON municipalities(county_code, short_name)`,
  `CREATE TABLE sectors (
    code TEXT PRIMARY KEY,
    name_sv TEXT NOT NULL,
    name_en TEXT NOT NULL
  ) STRICT`,

  `CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE
      CHECK (email = lower(trim(email)) AND length(email) BETWEEN 3 AND 254 AND instr(email, '@') > 1),
    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    password_hash TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    locale TEXT NOT NULL DEFAULT 'sv' CHECK (locale IN ('sv', 'en')),
    is_platform_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_platform_admin IN (0, 1)),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    password_changed_at INTEGER NOT NULL
  ) STRICT`,

  // Lucia-style sessions: the id is the hex SHA-256 of the token in the cookie.
  `CREATE TABLE sessions (
    id TEXT PRIMARY KEY CHECK (length(id) = 64),
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL CHECK (expires_at > created_at),
    user_agent TEXT,
    ip TEXT
  ) STRICT`,
  `CREATE INDEX sessions_by_user ON sessions(user_id)`,
  `CREATE INDEX sessions_by_expiry ON sessions(expires_at)`,

  `CREATE TABLE password_resets (
    id TEXT PRIMARY KEY CHECK (length(id) = 64),
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL CHECK (expires_at > created_at),
    used_at INTEGER
  ) STRICT`,
  `CREATE INDEX password_resets_by_user ON password_resets(user_id)`,
  // A reset link works once.
  `CREATE TRIGGER password_resets_used_once BEFORE UPDATE OF used_at ON password_resets
    WHEN OLD.used_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'testarena:reset_used'); END`,

  `CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 2 AND 80 AND slug NOT GLOB '*[^a-z0-9-]*'),
    kind TEXT NOT NULL CHECK (kind IN ('public_body', 'company')),
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
    FOREIGN KEY (municipality_code, county_code) REFERENCES municipalities(code, county_code),
    CHECK (
      (kind = 'public_body' AND public_body_type IS NOT NULL AND size_class IS NULL
        AND verification_status IN ('pending', 'verified', 'rejected'))
      OR (kind = 'company' AND public_body_type IS NULL AND size_class IS NOT NULL
        AND verification_status = 'not_required')
    ),
    CHECK (public_body_type IS NOT 'municipality' OR municipality_code IS NOT NULL),
    CHECK (verification_status <> 'rejected' OR length(trim(coalesce(verification_note, ''))) > 0)
  ) STRICT`,
  `CREATE INDEX organisations_by_kind ON organisations(kind, name)`,
  `CREATE INDEX organisations_by_county ON organisations(county_code, name)`,
  `CREATE INDEX organisations_awaiting_verification ON organisations(created_at)
    WHERE verification_status = 'pending'`,
  // Nobody can pose as a region: a public body starts unverified, ...
  `CREATE TRIGGER organisations_public_body_starts_pending BEFORE INSERT ON organisations
    WHEN NEW.kind = 'public_body' AND NEW.verification_status <> 'pending'
    BEGIN SELECT RAISE(ABORT, 'testarena:verification_by_admin_only'); END`,
  // ... and only a platform administrator moves it out of 'pending'.
  `CREATE TRIGGER organisations_verified_by_admin BEFORE UPDATE OF verification_status ON organisations
    WHEN NEW.verification_status IS NOT OLD.verification_status
      AND NEW.verification_status IN ('verified', 'rejected')
      AND NOT EXISTS (SELECT 1 FROM users WHERE id = NEW.verified_by AND is_platform_admin = 1)
    BEGIN SELECT RAISE(ABORT, 'testarena:verification_by_admin_only'); END`,
  // A verified public body cannot take another name and stay verified: a new name goes back to
  // the platform administrator, so nobody renames a verified account into someone else.
  `CREATE TRIGGER organisations_rename_needs_review BEFORE UPDATE OF name ON organisations
    WHEN OLD.kind = 'public_body' AND NEW.name IS NOT OLD.name AND NEW.verification_status = 'verified'
    BEGIN SELECT RAISE(ABORT, 'testarena:rename_needs_review'); END`,
  // Who an organisation is does not change under a verification: kind and number are fixed.
  `CREATE TRIGGER organisations_identity_fixed BEFORE UPDATE OF kind, org_number ON organisations
    WHEN NEW.kind IS NOT OLD.kind OR NEW.org_number IS NOT OLD.org_number
    BEGIN SELECT RAISE(ABORT, 'testarena:organisation_identity_fixed'); END`,

  `CREATE TABLE organisation_sectors (
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    sector_code TEXT NOT NULL REFERENCES sectors(code),
    PRIMARY KEY (organisation_id, sector_code)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX organisation_sectors_by_sector ON organisation_sectors(sector_code)`,
  `CREATE TRIGGER organisation_sectors_companies_only BEFORE INSERT ON organisation_sectors
    WHEN (SELECT kind FROM organisations WHERE id = NEW.organisation_id) <> 'company'
    BEGIN SELECT RAISE(ABORT, 'testarena:sectors_for_companies_only'); END`,

  `CREATE TABLE memberships (
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX memberships_by_user ON memberships(user_id)`,
  // An organisation always keeps at least one administrator.
  `CREATE TRIGGER memberships_keep_admin_on_delete BEFORE DELETE ON memberships
    WHEN OLD.role = 'admin'
      AND EXISTS (SELECT 1 FROM organisations WHERE id = OLD.organisation_id)
      AND NOT EXISTS (SELECT 1 FROM memberships
        WHERE organisation_id = OLD.organisation_id AND role = 'admin' AND user_id <> OLD.user_id)
    BEGIN SELECT RAISE(ABORT, 'testarena:last_admin'); END`,
  `CREATE TRIGGER memberships_keep_admin_on_update BEFORE UPDATE OF role ON memberships
    WHEN OLD.role = 'admin' AND NEW.role <> 'admin'
      AND NOT EXISTS (SELECT 1 FROM memberships
        WHERE organisation_id = OLD.organisation_id AND role = 'admin' AND user_id <> OLD.user_id)
    BEGIN SELECT RAISE(ABORT, 'testarena:last_admin'); END`,

  `CREATE TABLE invitations (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    email TEXT NOT NULL CHECK (email = lower(trim(email)) AND instr(email, '@') > 1),
    role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
    token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    invited_by INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL CHECK (expires_at > created_at),
    accepted_at INTEGER,
    accepted_by INTEGER REFERENCES users(id),
    revoked_at INTEGER,
    CHECK (accepted_at IS NULL OR revoked_at IS NULL),
    CHECK ((accepted_at IS NULL) = (accepted_by IS NULL))
  ) STRICT`,
  `CREATE UNIQUE INDEX invitations_one_open_per_email ON invitations(organisation_id, email)
    WHERE accepted_at IS NULL AND revoked_at IS NULL`,
  `CREATE INDEX invitations_by_email ON invitations(email)`,
  // An invitation is for the address it was sent to: a forwarded link does not let someone else in.
  `CREATE TRIGGER invitations_accepted_by_invitee BEFORE UPDATE OF accepted_by ON invitations
    WHEN NEW.accepted_by IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM users WHERE id = NEW.accepted_by AND email = OLD.email)
    BEGIN SELECT RAISE(ABORT, 'testarena:invitation_for_other_email'); END`,
  `CREATE TRIGGER invitations_closed_once BEFORE UPDATE OF accepted_at, revoked_at ON invitations
    WHEN OLD.accepted_at IS NOT NULL OR OLD.revoked_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'testarena:invitation_closed'); END`,

  // All mail goes through here; a row is never deleted, so no message is lost.
  `CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    to_address TEXT NOT NULL CHECK (instr(to_address, '@') > 1),
    subject TEXT NOT NULL,
    text_body TEXT NOT NULL,
    html_body TEXT,
    template TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at INTEGER NOT NULL,
    last_error TEXT,
    sent_at INTEGER,
    message_id TEXT
  ) STRICT`,
  `CREATE INDEX outbox_due ON outbox(next_attempt_at) WHERE sent_at IS NULL`,
  `CREATE INDEX outbox_by_recipient ON outbox(to_address, created_at)`,
  `CREATE TRIGGER outbox_never_deleted BEFORE DELETE ON outbox
    BEGIN SELECT RAISE(ABORT, 'testarena:outbox_append_only'); END`,
  `CREATE TRIGGER outbox_content_fixed BEFORE UPDATE OF to_address, subject, text_body, html_body ON outbox
    BEGIN SELECT RAISE(ABORT, 'testarena:outbox_append_only'); END`,

  // Append-only, hash-chained: each row carries SHA-256 over the previous row's hash and its own fields.
  `CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor_user_id INTEGER REFERENCES users(id),
    organisation_id INTEGER REFERENCES organisations(id),
    action TEXT NOT NULL CHECK (length(action) BETWEEN 3 AND 80),
    entity_type TEXT NOT NULL,
    entity_id TEXT,
    before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
    after_json TEXT CHECK (after_json IS NULL OR json_valid(after_json)),
    ip TEXT,
    prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
  ) STRICT`,
  `CREATE INDEX audit_log_by_entity ON audit_log(entity_type, entity_id)`,
  `CREATE INDEX audit_log_by_organisation ON audit_log(organisation_id, id)`,
  `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'testarena:audit_log_append_only'); END`,
  `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'testarena:audit_log_append_only'); END`,
  // Each row must continue the chain from the row before it.
  `CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
    WHEN NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), printf('%064d', 0))
    BEGIN SELECT RAISE(ABORT, 'testarena:audit_chain_broken'); END`,
]

function readCsv(name: string): Record<string, string>[] {
  const text = readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8')
  return parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[]
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)

  for (const row of readCsv('counties.csv')) {
    await db
      .insertInto('counties')
      .values({ code: row.county_code, name: row.county_name, short_name: row.county_name_short })
      .execute()
  }
  for (const row of readCsv('municipalities.csv')) {
    await db
      .insertInto('municipalities')
      .values({
        code: row.municipality_code,
        name: row.municipality_name,
        short_name: row.municipality_name_short,
        county_code: row.county_code,
      })
      .execute()
  }
  for (const row of readCsv('sectors.csv')) {
    await db
      .insertInto('sectors')
      .values({ code: row.code, name_sv: row.name_sv, name_en: row.name_en })
      .execute()
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_log',
    'outbox',
    'invitations',
    'memberships',
    'organisation_sectors',
    'organisations',
    'password_resets',
    'sessions',
    'users',
    'sectors',
    'municipalities',
    'counties',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
