import { type Kysely, sql } from 'kysely'
import { guards, shapeOf } from './2026-12-07-08-conflict-guards'

// Frozen once landed. The company contact ledger, "don't knock on the same door" (issue 15,
// decision record 029): a verified public body or intermediary records each time it approaches a
// company — visit, demo, dialogue meeting, pilot talk, event — with date, kind, purpose and the
// initiative it belongs to. The company decides whether its contacts are shared with the other
// verified public bodies and intermediaries and says how it prefers to be approached.
//
// Rules (each raises 'testarena:<code>'):
// - the author is a verified public body or intermediary and the recorder one of its members; the
//   contacted organisation is a company; the date is not in the future; the initiative, if any, is
//   one the author owns or co-owns; the acknowledgement of the company's recent contacts and
//   preference is stored, at most a day before the record and never after it;
// - the ledger is append-only: no DELETE; an UPDATE is a correction of date, kind or purpose by a
//   member of the author, numbered (revision + 1, stamped now), and the database itself writes the
//   old text to company_contact_revisions, which nobody may change, delete or forge;
// - market-dialogue disclosure: when a call linked to an initiative is published (or a published
//   call is linked to one), the database copies every contact recorded against that initiative
//   into call_contact_disclosures; a contact recorded later against an initiative with a published
//   call is copied at once. Disclosures are never changed or deleted and only copy real contacts.
// - a company's settings are written by its own members only.
// The ledger, its history and the disclosures get conflict guards (decision record 022).

const MEMBER = (org: string, user: string) => `EXISTS (SELECT 1 FROM memberships
  WHERE organisation_id = ${org} AND user_id = ${user})`

const OWNS = (initiative: string, org: string) => `(EXISTS (SELECT 1 FROM initiatives
  WHERE id = ${initiative} AND organisation_id = ${org})
  OR EXISTS (SELECT 1 FROM initiative_co_owners WHERE initiative_id = ${initiative}
  AND organisation_id = ${org} AND state = 'accepted'))`

const stampedNow = (col: string) => `abs(${col} - unixepoch()) <= 5`
const TODAY = `date(unixepoch(), 'unixepoch', '+1 day')`

/** Copies the initiative's contacts into the call's disclosure, each once. */
const disclose = (call: string, initiative: string) => `INSERT INTO call_contact_disclosures
    (call_id, contact_id, company_id, author_organisation_id, contacted_on, kind, purpose, disclosed_at)
  SELECT ${call}, k.id, k.company_id, k.author_organisation_id, k.contacted_on, k.kind, k.purpose,
    unixepoch()
  FROM company_contacts k WHERE k.initiative_id = ${initiative}
    AND NOT EXISTS (SELECT 1 FROM call_contact_disclosures d
      WHERE d.call_id = ${call} AND d.contact_id = k.id);`

const statements: string[] = [
  `CREATE TABLE company_contacts (
    id INTEGER PRIMARY KEY,
    author_organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    company_id INTEGER NOT NULL REFERENCES organisations(id),
    contacted_on TEXT NOT NULL CHECK (date(contacted_on) IS contacted_on),
    kind TEXT NOT NULL CHECK (kind IN ('visit', 'demo', 'dialogue_meeting', 'pilot_talk', 'event')),
    purpose TEXT NOT NULL CHECK (length(trim(purpose)) BETWEEN 10 AND 1000),
    initiative_id INTEGER REFERENCES initiatives(id),
    recorded_by INTEGER NOT NULL REFERENCES users(id),
    recorded_at INTEGER NOT NULL,
    acknowledged_at INTEGER NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    corrected_at INTEGER,
    corrected_by INTEGER REFERENCES users(id),
    CHECK (acknowledged_at <= recorded_at AND acknowledged_at >= recorded_at - 86400),
    CHECK ((revision = 1 AND corrected_at IS NULL AND corrected_by IS NULL)
      OR (revision > 1 AND corrected_at IS NOT NULL AND corrected_by IS NOT NULL))
  ) STRICT`,
  `CREATE INDEX company_contacts_by_company ON company_contacts(company_id, contacted_on DESC)`,
  `CREATE INDEX company_contacts_by_author ON company_contacts(author_organisation_id, contacted_on DESC)`,
  `CREATE INDEX company_contacts_by_initiative ON company_contacts(initiative_id)
    WHERE initiative_id IS NOT NULL`,
  `CREATE TRIGGER company_contacts_author_verified BEFORE INSERT ON company_contacts
    WHEN NOT EXISTS (SELECT 1 FROM organisations WHERE id = NEW.author_organisation_id
      AND kind IN ('public_body', 'intermediary') AND verification_status = 'verified')
    BEGIN SELECT RAISE(ABORT, 'testarena:contact_author_not_verified'); END`,
  `CREATE TRIGGER company_contacts_company_only BEFORE INSERT ON company_contacts
    WHEN NOT EXISTS (SELECT 1 FROM organisations WHERE id = NEW.company_id AND kind = 'company')
    BEGIN SELECT RAISE(ABORT, 'testarena:contact_not_company'); END`,
  `CREATE TRIGGER company_contacts_recorded_by_member BEFORE INSERT ON company_contacts
    WHEN NOT ${MEMBER('NEW.author_organisation_id', 'NEW.recorded_by')}
    BEGIN SELECT RAISE(ABORT, 'testarena:contact_not_member'); END`,
  `CREATE TRIGGER company_contacts_recorded_now BEFORE INSERT ON company_contacts
    WHEN NOT ${stampedNow('NEW.recorded_at')} OR NEW.revision <> 1
    BEGIN SELECT RAISE(ABORT, 'testarena:clock_mismatch'); END`,
  `CREATE TRIGGER company_contacts_not_future BEFORE INSERT ON company_contacts
    WHEN NEW.contacted_on > ${TODAY}
    BEGIN SELECT RAISE(ABORT, 'testarena:contact_in_future'); END`,
  `CREATE TRIGGER company_contacts_initiative_owned BEFORE INSERT ON company_contacts
    WHEN NEW.initiative_id IS NOT NULL AND NOT ${OWNS('NEW.initiative_id', 'NEW.author_organisation_id')}
    BEGIN SELECT RAISE(ABORT, 'testarena:initiative_link_not_owner'); END`,
  `CREATE TRIGGER company_contacts_no_delete BEFORE DELETE ON company_contacts
    BEGIN SELECT RAISE(ABORT, 'testarena:contact_append_only'); END`,
  // Who, whom, which initiative and when it was recorded never change.
  `CREATE TRIGGER company_contacts_fixed BEFORE UPDATE OF id, author_organisation_id, company_id,
    initiative_id, recorded_by, recorded_at, acknowledged_at ON company_contacts
    WHEN NEW.id IS NOT OLD.id OR NEW.author_organisation_id IS NOT OLD.author_organisation_id
      OR NEW.company_id IS NOT OLD.company_id OR NEW.initiative_id IS NOT OLD.initiative_id
      OR NEW.recorded_by IS NOT OLD.recorded_by OR NEW.recorded_at IS NOT OLD.recorded_at
      OR NEW.acknowledged_at IS NOT OLD.acknowledged_at
    BEGIN SELECT RAISE(ABORT, 'testarena:contact_append_only'); END`,
  // Any other change is a correction: by a member of the author, numbered and stamped now.
  `CREATE TRIGGER company_contacts_correction BEFORE UPDATE ON company_contacts
    BEGIN SELECT CASE
      WHEN NEW.revision IS NOT OLD.revision + 1
        OR NOT coalesce(${stampedNow('NEW.corrected_at')}, 0)
      THEN RAISE(ABORT, 'testarena:contact_append_only')
      WHEN NOT ${MEMBER('OLD.author_organisation_id', 'NEW.corrected_by')}
      THEN RAISE(ABORT, 'testarena:contact_not_member')
      WHEN NEW.contacted_on > ${TODAY} THEN RAISE(ABORT, 'testarena:contact_in_future')
    END; END`,
  `CREATE TRIGGER company_contacts_keep_history AFTER UPDATE ON company_contacts
    BEGIN INSERT INTO company_contact_revisions (contact_id, revision, contacted_on, kind, purpose,
      written_at, written_by, replaced_at)
    VALUES (OLD.id, OLD.revision, OLD.contacted_on, OLD.kind, OLD.purpose,
      coalesce(OLD.corrected_at, OLD.recorded_at), coalesce(OLD.corrected_by, OLD.recorded_by),
      NEW.corrected_at); END`,

  // The history of corrections: one row per replaced revision, written by the trigger above.
  `CREATE TABLE company_contact_revisions (
    contact_id INTEGER NOT NULL REFERENCES company_contacts(id),
    revision INTEGER NOT NULL,
    contacted_on TEXT NOT NULL,
    kind TEXT NOT NULL,
    purpose TEXT NOT NULL,
    written_at INTEGER NOT NULL,
    written_by INTEGER NOT NULL REFERENCES users(id),
    replaced_at INTEGER NOT NULL,
    PRIMARY KEY (contact_id, revision)
  ) STRICT, WITHOUT ROWID`,
  // Only the revision just replaced may be written, once, with the text it had.
  `CREATE TRIGGER company_contact_revisions_not_forged BEFORE INSERT ON company_contact_revisions
    WHEN NOT EXISTS (SELECT 1 FROM company_contacts WHERE id = NEW.contact_id
      AND revision = NEW.revision + 1 AND corrected_at = NEW.replaced_at)
    BEGIN SELECT RAISE(ABORT, 'testarena:contact_append_only'); END`,
  `CREATE TRIGGER company_contact_revisions_no_update BEFORE UPDATE ON company_contact_revisions
    BEGIN SELECT RAISE(ABORT, 'testarena:contact_append_only'); END`,
  `CREATE TRIGGER company_contact_revisions_no_delete BEFORE DELETE ON company_contact_revisions
    BEGIN SELECT RAISE(ABORT, 'testarena:contact_append_only'); END`,

  // The company's own settings: sharing (off by default) and the preferred way in.
  `CREATE TABLE company_contact_settings (
    company_id INTEGER PRIMARY KEY REFERENCES organisations(id),
    share_contacts INTEGER NOT NULL DEFAULT 0 CHECK (share_contacts IN (0, 1)),
    preferred_channel TEXT NOT NULL DEFAULT 'no_preference' CHECK (preferred_channel IN
      ('no_preference', 'through_intermediary', 'testarena_only')),
    preference_note TEXT NOT NULL DEFAULT '' CHECK (length(preference_note) <= 500),
    not_before TEXT CHECK (not_before IS NULL OR date(not_before) IS not_before),
    updated_at INTEGER NOT NULL,
    updated_by INTEGER NOT NULL REFERENCES users(id)
  ) STRICT`,
  ...['INSERT', 'UPDATE'].map(
    (op) => `CREATE TRIGGER company_contact_settings_by_member_${op.toLowerCase()}
    BEFORE ${op} ON company_contact_settings
    WHEN NOT EXISTS (SELECT 1 FROM organisations WHERE id = NEW.company_id AND kind = 'company')
      OR NOT ${MEMBER('NEW.company_id', 'NEW.updated_by')}
    BEGIN SELECT RAISE(ABORT, 'testarena:contact_settings_not_member'); END`,
  ),

  // The market-dialogue disclosure of a call: which firms the buyer met, when, about what.
  `CREATE TABLE call_contact_disclosures (
    call_id INTEGER NOT NULL REFERENCES calls(id),
    contact_id INTEGER NOT NULL REFERENCES company_contacts(id),
    company_id INTEGER NOT NULL REFERENCES organisations(id),
    author_organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    contacted_on TEXT NOT NULL,
    kind TEXT NOT NULL,
    purpose TEXT NOT NULL,
    disclosed_at INTEGER NOT NULL,
    PRIMARY KEY (call_id, contact_id)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX call_contact_disclosures_by_contact ON call_contact_disclosures(contact_id)`,
  `CREATE TRIGGER call_contact_disclosures_copy_only BEFORE INSERT ON call_contact_disclosures
    WHEN NOT EXISTS (SELECT 1 FROM company_contacts k JOIN calls c ON c.initiative_id = k.initiative_id
      WHERE k.id = NEW.contact_id AND c.id = NEW.call_id AND c.status <> 'draft'
        AND k.company_id = NEW.company_id AND k.author_organisation_id = NEW.author_organisation_id
        AND k.contacted_on = NEW.contacted_on AND k.kind = NEW.kind AND k.purpose = NEW.purpose)
      OR NOT ${stampedNow('NEW.disclosed_at')}
    BEGIN SELECT RAISE(ABORT, 'testarena:disclosure_fixed'); END`,
  `CREATE TRIGGER call_contact_disclosures_no_update BEFORE UPDATE ON call_contact_disclosures
    BEGIN SELECT RAISE(ABORT, 'testarena:disclosure_fixed'); END`,
  `CREATE TRIGGER call_contact_disclosures_no_delete BEFORE DELETE ON call_contact_disclosures
    BEGIN SELECT RAISE(ABORT, 'testarena:disclosure_fixed'); END`,
  // Publication discloses every contact recorded against the call's initiative …
  `CREATE TRIGGER calls_disclose_contacts_on_publish AFTER UPDATE OF status ON calls
    WHEN OLD.status = 'draft' AND NEW.status <> 'draft' AND NEW.initiative_id IS NOT NULL
    BEGIN ${disclose('NEW.id', 'NEW.initiative_id')} END`,
  // … so does linking a published call to an initiative …
  `CREATE TRIGGER calls_disclose_contacts_on_link AFTER UPDATE OF initiative_id ON calls
    WHEN NEW.status <> 'draft' AND NEW.initiative_id IS NOT NULL
    BEGIN ${disclose('NEW.id', 'NEW.initiative_id')} END`,
  `CREATE TRIGGER calls_disclose_contacts_on_insert AFTER INSERT ON calls
    WHEN NEW.status <> 'draft' AND NEW.initiative_id IS NOT NULL
    BEGIN ${disclose('NEW.id', 'NEW.initiative_id')} END`,
  // … and a contact recorded later against the initiative of a published call appears at once.
  `CREATE TRIGGER company_contacts_disclose_late AFTER INSERT ON company_contacts
    WHEN NEW.initiative_id IS NOT NULL
    BEGIN INSERT INTO call_contact_disclosures
      (call_id, contact_id, company_id, author_organisation_id, contacted_on, kind, purpose, disclosed_at)
    SELECT c.id, NEW.id, NEW.company_id, NEW.author_organisation_id, NEW.contacted_on, NEW.kind,
      NEW.purpose, unixepoch()
    FROM calls c WHERE c.initiative_id = NEW.initiative_id AND c.status <> 'draft'; END`,
]

// The conflict guards, made as 2026-12-07-08-conflict-guards makes them (decision record 022).
const GUARDED = ['company_contacts', 'company_contact_revisions', 'call_contact_disclosures']

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
  for (const table of GUARDED) {
    for (const guard of guards(table, await shapeOf(db, table))) await sql.raw(guard).execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['on_publish', 'on_link', 'on_insert']) {
    await sql.raw(`DROP TRIGGER calls_disclose_contacts_${t}`).execute(db)
  }
  for (const t of [
    'call_contact_disclosures',
    'company_contact_settings',
    'company_contact_revisions',
    'company_contacts',
  ]) {
    await sql.raw(`DROP TABLE ${t}`).execute(db)
  }
}
