import { type Kysely, sql } from 'kysely'

// Frozen once landed. One search over everything public (issue 16, part 5; decision record 036).
//
// `search_documents` holds one row for each PUBLIC item of five kinds — a test-bed offer that is
// published, paused or closed; a call that is not a draft; a published reference case; an
// organisation whose profile is public (verified, or a company); every initiative (the register
// is public, decision 027) — and `search_fts_<kind>` index it, one FTS5 index per kind (trigram,
// case and diacritics folded: "lulea" finds "Luleå", "LULEÅ" too). The rows are kept by TRIGGERS on the source tables
// and on what a row is made of (themes, counties, names): each change deletes the item's row and
// inserts it again if the item is public, so an item that stops being public leaves the index in
// the same statement, whatever code or SQL client made the change.
//
// A row's id is `kind number × 2^40 + source id`: stable and unique across kinds. No rule and no
// frozen state: the table is derived (replace-guards EXEMPT).

const SHIFT = 1099511627776 // 2^40

type Kind = 'test_bed' | 'call' | 'reference' | 'organisation' | 'initiative'

const KIND_NUMBER: Record<Kind, number> = {
  test_bed: 1,
  call: 2,
  reference: 3,
  organisation: 4,
  initiative: 5,
}

const orgName = (id: string) => `coalesce((SELECT name FROM organisations WHERE id = ${id}), '')`
const countyName = (code: string) =>
  `coalesce((SELECT name FROM counties WHERE code = ${code}), '')`
const municipalityName = (code: string) =>
  `coalesce((SELECT name FROM municipalities WHERE code = ${code}), '')`
const lines = (...parts: string[]) => parts.join(` || char(10) || `)

/** Per kind: the source table, when a row is public, and the document's columns from `s`. */
const SOURCES: Record<
  Kind,
  {
    table: string
    public: string
    organisation: string
    title: string
    body: string
    context: string
    status: string
    procedure: string
    themes: string
    counties: string
  }
> = {
  test_bed: {
    table: 'test_bed_offers',
    public: `s.status IN ('published', 'paused', 'closed')`,
    organisation: 's.organisation_id',
    title: 's.title',
    body: lines('s.summary', 's.description', 's.places', 's.environments', 's.test_users'),
    context: lines(
      orgName('s.organisation_id'),
      countyName('s.county_code'),
      municipalityName('s.municipality_code'),
    ),
    status: 's.status',
    procedure: 'NULL',
    themes: `(SELECT json_group_array(theme_code) FROM test_bed_offer_themes WHERE offer_id = s.id)`,
    counties: 'json_array(s.county_code)',
  },
  call: {
    table: 'calls',
    public: `s.status <> 'draft'`,
    organisation: 's.organisation_id',
    title: 's.title',
    body: lines('s.summary', 's.need'),
    context: lines(
      orgName('s.organisation_id'),
      countyName('s.county_code'),
      municipalityName('s.municipality_code'),
    ),
    status: 's.status',
    procedure: 's.procedure',
    themes: `(SELECT json_group_array(theme_code) FROM call_themes WHERE call_id = s.id)`,
    counties: 'json_array(s.county_code)',
  },
  reference: {
    table: 'reference_cases',
    public: `s.status = 'published'`,
    organisation: 's.public_body_id',
    title: 's.title_sv',
    body: lines(
      's.summary_sv',
      's.challenge_sv',
      's.solution_sv',
      `coalesce(s.title_en, '')`,
      `coalesce(s.summary_en, '')`,
    ),
    context: lines(orgName('s.public_body_id'), orgName('s.company_id'), 's.place'),
    status: 's.status',
    procedure: 'NULL',
    // Theme and county come from the source, as in the gallery (app/models/showcase.server.ts).
    themes: `(SELECT json_group_array(theme_code) FROM (
      SELECT t.theme_code FROM pilots p JOIN test_bed_offer_themes t ON t.offer_id = p.offer_id
        WHERE p.id = s.pilot_id
      UNION SELECT theme_code FROM call_themes WHERE call_id = s.call_id))`,
    counties: `json_array(coalesce(
      (SELECT o.county_code FROM pilots p JOIN test_bed_offers o ON o.id = p.offer_id
        WHERE p.id = s.pilot_id),
      (SELECT c.county_code FROM calls c WHERE c.id = s.call_id),
      (SELECT b.county_code FROM organisations b WHERE b.id = s.public_body_id)))`,
  },
  organisation: {
    table: 'organisations',
    public: `s.verification_status IN ('verified', 'not_required')`,
    organisation: 's.id',
    title: 's.name',
    body: 's.description',
    context: lines(countyName('s.county_code'), municipalityName('s.municipality_code')),
    status: 'NULL',
    procedure: 'NULL',
    themes: `'[]'`,
    counties: 'json_array(s.county_code)',
  },
  initiative: {
    table: 'initiatives',
    public: '1',
    organisation: 's.organisation_id',
    title: 's.title',
    body: lines('s.summary', 's.description'),
    context: lines(
      orgName('s.organisation_id'),
      `coalesce((SELECT group_concat(m.name, ' ') FROM initiative_municipalities im
        JOIN municipalities m ON m.code = im.municipality_code WHERE im.initiative_id = s.id), '')`,
      `coalesce((SELECT group_concat(c.name, ' ') FROM initiative_counties ic
        JOIN counties c ON c.code = ic.county_code WHERE ic.initiative_id = s.id), '')`,
    ),
    status: 's.status',
    procedure: 'NULL',
    themes: `(SELECT json_group_array(theme_code) FROM initiative_themes WHERE initiative_id = s.id)`,
    counties: `(SELECT json_group_array(county_code) FROM (
      SELECT county_code FROM initiative_counties WHERE initiative_id = s.id
      UNION SELECT m.county_code FROM initiative_municipalities im
        JOIN municipalities m ON m.code = im.municipality_code WHERE im.initiative_id = s.id))`,
  },
}

/** Statements that rebuild the documents of the `kind` rows meeting `where` (over alias `s`). */
function refresh(kind: Kind, where: string): string {
  const src = SOURCES[kind]
  const id = `${KIND_NUMBER[kind]} * ${SHIFT} + s.id`
  return `DELETE FROM search_documents WHERE id IN (SELECT ${id} FROM ${src.table} s WHERE ${where});
    INSERT INTO search_documents (id, kind, source_id, organisation_id, title, body, context,
      status, procedure, themes, counties)
    SELECT ${id}, '${kind}', s.id, ${src.organisation}, ${src.title}, ${src.body}, ${src.context},
      ${src.status}, ${src.procedure}, ${src.themes}, ${src.counties}
    FROM ${src.table} s WHERE (${where}) AND ${src.public};`
}

const drop = (kind: Kind, sourceId: string) =>
  `DELETE FROM search_documents WHERE id = ${KIND_NUMBER[kind]} * ${SHIFT} + ${sourceId};`

const trigger = (name: string, event: string, body: string) =>
  `CREATE TRIGGER search_${name} ${event} BEGIN ${body} END`

/** A reference's theme and county follow its source pilot's offer or its call. */
const referencesOfOffer = (offer: string) =>
  refresh('reference', `s.pilot_id IN (SELECT id FROM pilots WHERE offer_id = ${offer})`)

const TRIGGERS: string[] = [
  // Test-bed offers and their themes.
  trigger(
    'test_bed_insert',
    'AFTER INSERT ON test_bed_offers',
    refresh('test_bed', 's.id = NEW.id'),
  ),
  trigger(
    'test_bed_update',
    'AFTER UPDATE ON test_bed_offers',
    refresh('test_bed', 's.id = NEW.id'),
  ),
  trigger('test_bed_delete', 'AFTER DELETE ON test_bed_offers', drop('test_bed', 'OLD.id')),
  trigger(
    'test_bed_theme_insert',
    'AFTER INSERT ON test_bed_offer_themes',
    refresh('test_bed', 's.id = NEW.offer_id') + referencesOfOffer('NEW.offer_id'),
  ),
  trigger(
    'test_bed_theme_delete',
    'AFTER DELETE ON test_bed_offer_themes',
    refresh('test_bed', 's.id = OLD.offer_id') + referencesOfOffer('OLD.offer_id'),
  ),
  // Calls and their themes.
  trigger('call_insert', 'AFTER INSERT ON calls', refresh('call', 's.id = NEW.id')),
  trigger('call_update', 'AFTER UPDATE ON calls', refresh('call', 's.id = NEW.id')),
  trigger('call_delete', 'AFTER DELETE ON calls', drop('call', 'OLD.id')),
  trigger(
    'call_theme_insert',
    'AFTER INSERT ON call_themes',
    refresh('call', 's.id = NEW.call_id') + refresh('reference', 's.call_id = NEW.call_id'),
  ),
  trigger(
    'call_theme_delete',
    'AFTER DELETE ON call_themes',
    refresh('call', 's.id = OLD.call_id') + refresh('reference', 's.call_id = OLD.call_id'),
  ),
  // Reference cases.
  trigger(
    'reference_insert',
    'AFTER INSERT ON reference_cases',
    refresh('reference', 's.id = NEW.id'),
  ),
  trigger(
    'reference_update',
    'AFTER UPDATE ON reference_cases',
    refresh('reference', 's.id = NEW.id'),
  ),
  trigger('reference_delete', 'AFTER DELETE ON reference_cases', drop('reference', 'OLD.id')),
  // Organisations: their own profile, and every document that names them.
  trigger(
    'organisation_insert',
    'AFTER INSERT ON organisations',
    refresh('organisation', 's.id = NEW.id'),
  ),
  trigger(
    'organisation_update',
    'AFTER UPDATE ON organisations',
    refresh('organisation', 's.id = NEW.id'),
  ),
  trigger(
    'organisation_rename',
    'AFTER UPDATE OF name ON organisations WHEN NEW.name IS NOT OLD.name',
    refresh('test_bed', 's.organisation_id = NEW.id') +
      refresh('call', 's.organisation_id = NEW.id') +
      refresh('reference', 's.public_body_id = NEW.id OR s.company_id = NEW.id') +
      refresh('initiative', 's.organisation_id = NEW.id'),
  ),
  trigger('organisation_delete', 'AFTER DELETE ON organisations', drop('organisation', 'OLD.id')),
  // Initiatives and what they are about.
  trigger(
    'initiative_insert',
    'AFTER INSERT ON initiatives',
    refresh('initiative', 's.id = NEW.id'),
  ),
  trigger(
    'initiative_update',
    'AFTER UPDATE ON initiatives',
    refresh('initiative', 's.id = NEW.id'),
  ),
  trigger('initiative_delete', 'AFTER DELETE ON initiatives', drop('initiative', 'OLD.id')),
  ...['initiative_themes', 'initiative_counties', 'initiative_municipalities'].flatMap((table) => [
    trigger(
      `${table}_insert`,
      `AFTER INSERT ON ${table}`,
      refresh('initiative', 's.id = NEW.initiative_id'),
    ),
    trigger(
      `${table}_delete`,
      `AFTER DELETE ON ${table}`,
      refresh('initiative', 's.id = OLD.initiative_id'),
    ),
  ]),
]

/**
 * One trigram index per kind over the same documents: a kind's matches are then read newest first
 * and cut at a window whatever the other kinds hold (FTS5 does not seek a rowid range within one
 * index for a phrase: measured, a kind with no match cost as much as a full scan).
 */
function ftsOf(kind: Kind): string[] {
  const fts = `search_fts_${kind}`
  return [
    `CREATE VIRTUAL TABLE ${fts} USING fts5(
      title, body, context, content = 'search_documents', content_rowid = 'id',
      tokenize = 'trigram case_sensitive 0 remove_diacritics 1'
    )`,
    trigger(
      `fts_${kind}_insert`,
      `AFTER INSERT ON search_documents WHEN NEW.kind = '${kind}'`,
      ftsInsert(kind, 'NEW'),
    ),
    trigger(
      `fts_${kind}_delete`,
      `AFTER DELETE ON search_documents WHEN OLD.kind = '${kind}'`,
      ftsRemove(kind, 'OLD'),
    ),
  ]
}

const ftsInsert = (kind: Kind, row: string) => `INSERT INTO search_fts_${kind}
  (rowid, title, body, context) SELECT ${row}.id, ${row}.title, ${row}.body, ${row}.context
  WHERE ${row}.kind = '${kind}';`
const ftsRemove = (kind: Kind, row: string) => `INSERT INTO search_fts_${kind}
  (search_fts_${kind}, rowid, title, body, context)
  SELECT 'delete', ${row}.id, ${row}.title, ${row}.body, ${row}.context WHERE ${row}.kind = '${kind}';`

// An update (only by hand: the triggers above delete and insert) takes the old text out of its
// kind's index first, then puts the new text in, in one trigger so the order is certain.
const ftsUpdate = trigger(
  'fts_update',
  'AFTER UPDATE ON search_documents',
  (Object.keys(KIND_NUMBER) as Kind[]).map((kind) => ftsRemove(kind, 'OLD')).join('\n') +
    (Object.keys(KIND_NUMBER) as Kind[]).map((kind) => ftsInsert(kind, 'NEW')).join('\n'),
)

const kindCheck = Object.entries(KIND_NUMBER)
  .map(([kind, n]) => `(kind = '${kind}' AND id = ${n} * ${SHIFT} + source_id)`)
  .join(' OR ')

const statements: string[] = [
  `CREATE TABLE search_documents (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    source_id INTEGER NOT NULL CHECK (source_id BETWEEN 1 AND ${SHIFT - 1}),
    organisation_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    context TEXT NOT NULL,
    status TEXT,
    procedure TEXT,
    themes TEXT NOT NULL CHECK (json_valid(themes) AND json_type(themes) = 'array'),
    counties TEXT NOT NULL CHECK (json_valid(counties) AND json_type(counties) = 'array'),
    CHECK (${kindCheck})
  ) STRICT`,
  ...(Object.keys(KIND_NUMBER) as Kind[]).flatMap(ftsOf),
  ftsUpdate,
  ...TRIGGERS,
  // What is public today.
  ...(Object.keys(SOURCES) as Kind[]).flatMap((kind) =>
    refresh(kind, '1')
      .split(';')
      .map((statement) => statement.trim())
      .filter(Boolean),
  ),
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  const triggers = await sql<{ name: string }>`SELECT name FROM sqlite_schema
    WHERE type = 'trigger' AND name LIKE 'search\\_%' ESCAPE '\\'`.execute(db)
  for (const { name } of triggers.rows) await sql.raw(`DROP TRIGGER ${name}`).execute(db)
  for (const kind of Object.keys(KIND_NUMBER))
    await sql.raw(`DROP TABLE search_fts_${kind}`).execute(db)
  await sql`DROP TABLE search_documents`.execute(db)
}
