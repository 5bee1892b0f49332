import { type Kysely, sql } from 'kysely'
import { guards, shapeOf } from './2026-12-07-08-conflict-guards'

// Frozen once landed. The initiatives register (issue 15, decision record 027): what verified
// public bodies and intermediaries are doing — programmes, projects, planned calls, planned test
// beds, event series — with their themes, CPV codes, target groups, area, period, status, budget
// band and a functional contact. Existing calls and test-bed offers link to the initiative they
// belong to. Another organisation asks to co-own an initiative and the owner accepts or declines.
//
// Rules (each raises 'testarena:<code>'):
// - only a verified public body or intermediary owns or co-owns an initiative; only its members
//   write it, and after that the owner's or an accepted co-owner's members edit it;
// - the owner never changes; creation stamps never move; the status only moves forward
//   (idea → planned → active → finished), and the database logs every status in status_log;
// - an initiative is deleted only as an idea with no call, offer or co-owner attached;
// - a co-owner request comes from a member of another organisation than the owner, starts
//   pending, and is accepted or declined (with a reason) once, by a member of the owner;
// - a call or test-bed offer links only to an initiative its organisation owns or co-owns.
// The two tables with frozen state get conflict guards the way 2026-12-07-08 makes them.

const VERIFIED_OWNER = (org: string) => `EXISTS (SELECT 1 FROM organisations
  WHERE id = ${org} AND kind IN ('public_body', 'intermediary') AND verification_status = 'verified')`

const MEMBER = (org: string, user: string) => `EXISTS (SELECT 1 FROM memberships
  WHERE organisation_id = ${org} AND user_id = ${user})`

/** A member of the initiative's owner or of one of its accepted co-owners. */
const OWNER_SIDE_MEMBER = (initiative: string, user: string) => `(EXISTS (SELECT 1
  FROM initiatives i JOIN memberships m ON m.organisation_id = i.organisation_id
  WHERE i.id = ${initiative} AND m.user_id = ${user})
  OR EXISTS (SELECT 1 FROM initiative_co_owners c JOIN memberships m ON m.organisation_id = c.organisation_id
  WHERE c.initiative_id = ${initiative} AND c.state = 'accepted' AND m.user_id = ${user}))`

/** The organisation owns the initiative or co-owns it (accepted). */
const OWNS = (initiative: string, org: string) => `(EXISTS (SELECT 1 FROM initiatives
  WHERE id = ${initiative} AND organisation_id = ${org})
  OR EXISTS (SELECT 1 FROM initiative_co_owners WHERE initiative_id = ${initiative}
  AND organisation_id = ${org} AND state = 'accepted'))`

const STATUS_ORDER = `'idea planned active finished'`
const isoDate = (col: string) => `(${col} IS NULL OR date(${col}) IS ${col})`

const statements: string[] = [
  `CREATE TABLE initiatives (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    kind TEXT NOT NULL CHECK (kind IN ('programme', 'project', 'planned_call', 'planned_test_bed',
      'event_series')),
    title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 3 AND 200),
    summary TEXT NOT NULL CHECK (length(trim(summary)) BETWEEN 10 AND 600),
    description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 8000),
    status TEXT NOT NULL DEFAULT 'idea' CHECK (status IN ('idea', 'planned', 'active', 'finished')),
    starts_on TEXT CHECK ${isoDate('starts_on')},
    ends_on TEXT CHECK ${isoDate('ends_on')},
    budget_band TEXT NOT NULL DEFAULT 'undecided' CHECK (budget_band IN ('undecided', 'under_1m',
      '1m_5m', '5m_20m', '20m_100m', 'over_100m')),
    contact_role TEXT NOT NULL CHECK (length(trim(contact_role)) BETWEEN 2 AND 120),
    contact_email TEXT NOT NULL CHECK (length(contact_email) <= 254
      AND contact_email GLOB '?*@?*.?*' AND contact_email NOT GLOB '*[ ,;<>]*'),
    created_at INTEGER NOT NULL,
    created_by INTEGER NOT NULL REFERENCES users(id),
    updated_at INTEGER NOT NULL,
    updated_by INTEGER NOT NULL REFERENCES users(id),
    CHECK (starts_on IS NULL OR ends_on IS NULL OR ends_on >= starts_on)
  ) STRICT`,
  `CREATE INDEX initiatives_by_organisation ON initiatives(organisation_id, id)`,
  `CREATE INDEX initiatives_newest ON initiatives(created_at DESC, id DESC)`,
  `CREATE TRIGGER initiatives_owner_verified BEFORE INSERT ON initiatives
    WHEN NOT ${VERIFIED_OWNER('NEW.organisation_id')}
    BEGIN SELECT RAISE(ABORT, 'testarena:initiative_owner_not_verified'); END`,
  `CREATE TRIGGER initiatives_written_by_member BEFORE INSERT ON initiatives
    WHEN NOT ${MEMBER('NEW.organisation_id', 'NEW.created_by')}
      OR NEW.updated_by IS NOT NEW.created_by
    BEGIN SELECT RAISE(ABORT, 'testarena:initiative_not_member'); END`,
  `CREATE TRIGGER initiatives_updated_by_member BEFORE UPDATE ON initiatives
    WHEN NOT ${OWNER_SIDE_MEMBER('OLD.id', 'NEW.updated_by')}
    BEGIN SELECT RAISE(ABORT, 'testarena:initiative_not_member'); END`,
  `CREATE TRIGGER initiatives_owner_fixed BEFORE UPDATE OF organisation_id ON initiatives
    WHEN NEW.organisation_id IS NOT OLD.organisation_id
    BEGIN SELECT RAISE(ABORT, 'testarena:initiative_owner_fixed'); END`,
  `CREATE TRIGGER initiatives_creation_fixed BEFORE UPDATE OF id, created_at, created_by ON initiatives
    WHEN NEW.id IS NOT OLD.id OR NEW.created_at IS NOT OLD.created_at
      OR NEW.created_by IS NOT OLD.created_by
    BEGIN SELECT RAISE(ABORT, 'testarena:stamp_fixed'); END`,
  `CREATE TRIGGER initiatives_status_forward BEFORE UPDATE OF status ON initiatives
    WHEN instr(${STATUS_ORDER}, NEW.status) < instr(${STATUS_ORDER}, OLD.status)
    BEGIN SELECT RAISE(ABORT, 'testarena:initiative_status_backwards'); END`,
  `CREATE TRIGGER initiatives_delete_idea_only BEFORE DELETE ON initiatives
    WHEN OLD.status <> 'idea'
      OR EXISTS (SELECT 1 FROM calls WHERE initiative_id = OLD.id)
      OR EXISTS (SELECT 1 FROM test_bed_offers WHERE initiative_id = OLD.id)
      OR EXISTS (SELECT 1 FROM initiative_co_owners WHERE initiative_id = OLD.id)
    BEGIN SELECT RAISE(ABORT, 'testarena:initiative_not_deletable'); END`,
  `CREATE TRIGGER initiatives_log_insert AFTER INSERT ON initiatives
    BEGIN INSERT INTO status_log (entity_type, entity_id, from_status, to_status, actor_user_id)
      VALUES ('initiatives', NEW.id, NULL, NEW.status, NEW.created_by); END`,
  `CREATE TRIGGER initiatives_log_status AFTER UPDATE OF status ON initiatives
    WHEN NEW.status IS NOT OLD.status
    BEGIN INSERT INTO status_log (entity_type, entity_id, from_status, to_status, actor_user_id)
      VALUES ('initiatives', NEW.id, OLD.status, NEW.status, NEW.updated_by); END`,

  // What the initiative is about and for whom: edited freely by the owner side.
  `CREATE TABLE initiative_themes (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    theme_code TEXT NOT NULL REFERENCES themes(code),
    PRIMARY KEY (initiative_id, theme_code)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX initiative_themes_by_theme ON initiative_themes(theme_code, initiative_id)`,
  `CREATE TABLE initiative_cpv_codes (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    cpv_code TEXT NOT NULL REFERENCES cpv_codes(code),
    PRIMARY KEY (initiative_id, cpv_code)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX initiative_cpv_codes_by_code ON initiative_cpv_codes(cpv_code, initiative_id)`,
  `CREATE TABLE initiative_size_classes (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    size_class TEXT NOT NULL CHECK (size_class IN ('micro', 'small', 'medium', 'large')),
    PRIMARY KEY (initiative_id, size_class)
  ) STRICT, WITHOUT ROWID`,
  `CREATE TABLE initiative_sectors (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    sector_code TEXT NOT NULL REFERENCES sectors(code),
    PRIMARY KEY (initiative_id, sector_code)
  ) STRICT, WITHOUT ROWID`,
  `CREATE TABLE initiative_counties (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    county_code TEXT NOT NULL REFERENCES counties(code),
    PRIMARY KEY (initiative_id, county_code)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX initiative_counties_by_county ON initiative_counties(county_code, initiative_id)`,
  `CREATE TABLE initiative_municipalities (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    municipality_code TEXT NOT NULL REFERENCES municipalities(code),
    PRIMARY KEY (initiative_id, municipality_code)
  ) STRICT, WITHOUT ROWID`,

  // Co-owners: asked for by another verified organisation, decided once by the owner.
  `CREATE TABLE initiative_co_owners (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'declined')),
    requested_at INTEGER NOT NULL,
    requested_by INTEGER NOT NULL REFERENCES users(id),
    decided_at INTEGER,
    decided_by INTEGER REFERENCES users(id),
    decline_reason TEXT CHECK (decline_reason IS NULL OR length(decline_reason) <= 1000),
    PRIMARY KEY (initiative_id, organisation_id),
    CHECK ((state = 'pending' AND decided_at IS NULL AND decided_by IS NULL AND decline_reason IS NULL)
      OR (state = 'accepted' AND decided_at IS NOT NULL AND decided_by IS NOT NULL
        AND decline_reason IS NULL)
      OR (state = 'declined' AND decided_at IS NOT NULL AND decided_by IS NOT NULL
        AND decline_reason GLOB '*[a-zA-ZåäöÅÄÖ]*[a-zA-ZåäöÅÄÖ]*[a-zA-ZåäöÅÄÖ]*[a-zA-ZåäöÅÄÖ]*[a-zA-ZåäöÅÄÖ]*'))
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX initiative_co_owners_by_organisation ON initiative_co_owners(organisation_id, initiative_id)`,
  `CREATE TRIGGER initiative_co_owners_verified BEFORE INSERT ON initiative_co_owners
    WHEN NOT ${VERIFIED_OWNER('NEW.organisation_id')}
    BEGIN SELECT RAISE(ABORT, 'testarena:initiative_owner_not_verified'); END`,
  `CREATE TRIGGER initiative_co_owners_not_owner BEFORE INSERT ON initiative_co_owners
    WHEN EXISTS (SELECT 1 FROM initiatives WHERE id = NEW.initiative_id
      AND organisation_id = NEW.organisation_id)
    BEGIN SELECT RAISE(ABORT, 'testarena:initiative_co_owner_is_owner'); END`,
  `CREATE TRIGGER initiative_co_owners_asked_by_member BEFORE INSERT ON initiative_co_owners
    WHEN NOT ${MEMBER('NEW.organisation_id', 'NEW.requested_by')}
    BEGIN SELECT RAISE(ABORT, 'testarena:initiative_not_member'); END`,
  `CREATE TRIGGER initiative_co_owners_start_pending BEFORE INSERT ON initiative_co_owners
    WHEN NEW.state <> 'pending'
    BEGIN SELECT RAISE(ABORT, 'testarena:initiative_co_owner_decided_by_owner'); END`,
  `CREATE TRIGGER initiative_co_owners_request_fixed
    BEFORE UPDATE OF initiative_id, organisation_id, requested_at, requested_by ON initiative_co_owners
    WHEN NEW.initiative_id IS NOT OLD.initiative_id OR NEW.organisation_id IS NOT OLD.organisation_id
      OR NEW.requested_at IS NOT OLD.requested_at OR NEW.requested_by IS NOT OLD.requested_by
    BEGIN SELECT RAISE(ABORT, 'testarena:stamp_fixed'); END`,
  `CREATE TRIGGER initiative_co_owners_decided_once BEFORE UPDATE ON initiative_co_owners
    WHEN OLD.state <> 'pending'
    BEGIN SELECT RAISE(ABORT, 'testarena:initiative_co_owner_decided'); END`,
  `CREATE TRIGGER initiative_co_owners_decided_by_owner BEFORE UPDATE OF state ON initiative_co_owners
    WHEN NEW.state <> 'pending' AND NOT EXISTS (SELECT 1 FROM initiatives i
      JOIN memberships m ON m.organisation_id = i.organisation_id
      WHERE i.id = OLD.initiative_id AND m.user_id = NEW.decided_by)
    BEGIN SELECT RAISE(ABORT, 'testarena:initiative_co_owner_decided_by_owner'); END`,
  `CREATE TRIGGER initiative_co_owners_keep_decided BEFORE DELETE ON initiative_co_owners
    WHEN OLD.state <> 'pending'
    BEGIN SELECT RAISE(ABORT, 'testarena:initiative_co_owner_decided'); END`,

  // Calls and test-bed offers belong to an initiative their organisation owns or co-owns.
  `ALTER TABLE calls ADD COLUMN initiative_id INTEGER REFERENCES initiatives(id)`,
  `ALTER TABLE test_bed_offers ADD COLUMN initiative_id INTEGER REFERENCES initiatives(id)`,
  `CREATE INDEX calls_by_initiative ON calls(initiative_id) WHERE initiative_id IS NOT NULL`,
  `CREATE INDEX test_bed_offers_by_initiative ON test_bed_offers(initiative_id)
    WHERE initiative_id IS NOT NULL`,
  ...['calls', 'test_bed_offers'].flatMap((table) =>
    ['INSERT', 'UPDATE OF initiative_id, organisation_id'].map(
      (op, i) => `CREATE TRIGGER ${table}_initiative_owned_${i ? 'update' : 'insert'}
      BEFORE ${op} ON ${table}
      WHEN NEW.initiative_id IS NOT NULL AND NOT ${OWNS('NEW.initiative_id', 'NEW.organisation_id')}
      BEGIN SELECT RAISE(ABORT, 'testarena:initiative_link_not_owner'); END`,
    ),
  ),
]

// The conflict guards, made as 2026-12-07-08-conflict-guards makes them (decision record 022).
const GUARDED = ['initiatives', 'initiative_co_owners']

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
  for (const table of GUARDED) {
    for (const guard of guards(table, await shapeOf(db, table))) await sql.raw(guard).execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['calls', 'test_bed_offers']) {
    await sql.raw(`DROP TRIGGER ${t}_initiative_owned_insert`).execute(db)
    await sql.raw(`DROP TRIGGER ${t}_initiative_owned_update`).execute(db)
    await sql.raw(`DROP INDEX ${t}_by_initiative`).execute(db)
    await sql.raw(`UPDATE ${t} SET initiative_id = NULL`).execute(db)
  }
  for (const t of [
    'initiative_co_owners',
    'initiative_municipalities',
    'initiative_counties',
    'initiative_sectors',
    'initiative_size_classes',
    'initiative_cpv_codes',
    'initiative_themes',
    'initiatives',
  ]) {
    await sql.raw(`DROP TABLE ${t}`).execute(db)
  }
  for (const t of ['calls', 'test_bed_offers']) {
    await sql.raw(`ALTER TABLE ${t} DROP COLUMN initiative_id`).execute(db)
  }
}
