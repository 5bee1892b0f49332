import { type Kysely, sql } from 'kysely'
import { guards, shapeOf } from './2026-12-07-08-conflict-guards'

// Frozen once landed. Saved searches as alerts (issue 16 part 2, decision record 037). A person
// saves criteria — the kinds of item (test beds, calls, initiatives), themes, CPV codes (a code
// covers its subtree), a county and municipality, a procedure (calls), a TRL range (test beds) and
// free-text words — and each new public item that meets them is recorded once as a match.
//
// The criteria are normalised rows indexed by value (themes, CPV codes, folded words), so that the
// matcher (app/models/saved-search-matching.server.ts) answers one new item against 100,000 saved
// searches with one set-based query: the item's theme codes, its CPV codes with their ancestors and
// every substring of its folded words are looked up in those indexes.
//
// Rules (each raises 'testarena:<code>'):
// - at most 25 saved searches per person (saved_search_limit); the owner never changes and the
//   creation stamp never moves (saved_search_owner_fixed); the municipality lies in the county
//   (municipality_not_in_county); at least one kind, a TRL range with min <= max (CHECKs);
// - saved_search_matches is append-only: a match is inserted only for an item that is public
//   (a published test bed, a call that is not a draft, an initiative) of a kind the search watches,
//   stamped now (saved_search_match_invalid); it is never updated, and deleted only with its saved
//   search (saved_search_match_append_only) — the person's own alert history goes with the search;
// - saved_searches and saved_search_matches get conflict guards (decision record 022): REPLACE or
//   UPSERT cannot hand a search to someone else or rewrite a match. The criteria rows (themes,
//   CPV codes, words) are edited freely by the owner through the model and hold nothing frozen.

const SAVED_SEARCH_LIMIT = 25

const KIND_WATCHED = (x: string) => `(${x}.item_kind = 'test_bed' AND s.for_test_beds = 1)
  OR (${x}.item_kind = 'call' AND s.for_calls = 1)
  OR (${x}.item_kind = 'initiative' AND s.for_initiatives = 1)`

const ITEM_PUBLIC = (x: string) => `CASE ${x}.item_kind
  WHEN 'test_bed' THEN EXISTS (SELECT 1 FROM test_bed_offers
    WHERE id = ${x}.item_id AND status = 'published')
  WHEN 'call' THEN EXISTS (SELECT 1 FROM calls WHERE id = ${x}.item_id AND status <> 'draft')
  WHEN 'initiative' THEN EXISTS (SELECT 1 FROM initiatives WHERE id = ${x}.item_id)
  ELSE 0 END`

const statements: string[] = [
  `CREATE TABLE saved_searches (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
    for_test_beds INTEGER NOT NULL CHECK (for_test_beds IN (0, 1)),
    for_calls INTEGER NOT NULL CHECK (for_calls IN (0, 1)),
    for_initiatives INTEGER NOT NULL CHECK (for_initiatives IN (0, 1)),
    county_code TEXT REFERENCES counties(code),
    municipality_code TEXT,
    procedure TEXT CHECK (procedure IS NULL
      OR procedure IN ('market_dialogue', 'open', 'innovation_partnership', 'pcp')),
    trl_min INTEGER CHECK (trl_min IS NULL OR trl_min BETWEEN 1 AND 9),
    trl_max INTEGER CHECK (trl_max IS NULL OR trl_max BETWEEN 1 AND 9),
    query TEXT NOT NULL DEFAULT '' CHECK (length(query) <= 200),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    FOREIGN KEY (municipality_code, county_code) REFERENCES municipalities(code, county_code),
    CHECK (for_test_beds + for_calls + for_initiatives >= 1),
    CHECK ((trl_min IS NULL) = (trl_max IS NULL)),
    CHECK (trl_min IS NULL OR trl_min <= trl_max),
    CHECK (municipality_code IS NULL OR county_code IS NOT NULL)
  ) STRICT`,
  `CREATE INDEX saved_searches_by_user ON saved_searches(user_id, id)`,
  `CREATE TRIGGER saved_searches_limit BEFORE INSERT ON saved_searches
    WHEN (SELECT count(*) FROM saved_searches WHERE user_id = NEW.user_id) >= ${SAVED_SEARCH_LIMIT}
    BEGIN SELECT RAISE(ABORT, 'testarena:saved_search_limit'); END`,
  `CREATE TRIGGER saved_searches_owner_fixed BEFORE UPDATE OF id, user_id, created_at
    ON saved_searches
    WHEN NEW.id IS NOT OLD.id OR NEW.user_id IS NOT OLD.user_id
      OR NEW.created_at IS NOT OLD.created_at
    BEGIN SELECT RAISE(ABORT, 'testarena:saved_search_owner_fixed'); END`,
  ...['INSERT', 'UPDATE'].map(
    (op) => `CREATE TRIGGER saved_searches_municipality_${op.toLowerCase()}
    BEFORE ${op} ON saved_searches
    WHEN NEW.municipality_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM municipalities
      WHERE code = NEW.municipality_code AND county_code IS NEW.county_code)
    BEGIN SELECT RAISE(ABORT, 'testarena:municipality_not_in_county'); END`,
  ),
  // A deleted search takes its criteria and matches along, with or without foreign keys on.
  `CREATE TRIGGER saved_searches_delete_rows AFTER DELETE ON saved_searches
    BEGIN
      DELETE FROM saved_search_themes WHERE saved_search_id = OLD.id;
      DELETE FROM saved_search_cpv_codes WHERE saved_search_id = OLD.id;
      DELETE FROM saved_search_terms WHERE saved_search_id = OLD.id;
      DELETE FROM saved_search_matches WHERE saved_search_id = OLD.id;
    END`,

  `CREATE TABLE saved_search_themes (
    saved_search_id INTEGER NOT NULL REFERENCES saved_searches(id) ON DELETE CASCADE,
    theme_code TEXT NOT NULL REFERENCES themes(code),
    PRIMARY KEY (saved_search_id, theme_code)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX saved_search_themes_by_theme ON saved_search_themes(theme_code, saved_search_id)`,
  `CREATE TABLE saved_search_cpv_codes (
    saved_search_id INTEGER NOT NULL REFERENCES saved_searches(id) ON DELETE CASCADE,
    cpv_code TEXT NOT NULL REFERENCES cpv_codes(code),
    PRIMARY KEY (saved_search_id, cpv_code)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX saved_search_cpv_codes_by_code
    ON saved_search_cpv_codes(cpv_code, saved_search_id)`,
  // Words of the free text, folded (lower case, diacritics removed: "Luleå" is "lulea").
  `CREATE TABLE saved_search_terms (
    saved_search_id INTEGER NOT NULL REFERENCES saved_searches(id) ON DELETE CASCADE,
    term TEXT NOT NULL CHECK (length(term) BETWEEN 1 AND 40 AND term = lower(term)
      AND term NOT GLOB '*[ ,;.:*"()'']*'),
    PRIMARY KEY (saved_search_id, term)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX saved_search_terms_by_term ON saved_search_terms(term, saved_search_id)`,

  `CREATE TABLE saved_search_matches (
    id INTEGER PRIMARY KEY,
    saved_search_id INTEGER NOT NULL REFERENCES saved_searches(id) ON DELETE CASCADE,
    item_kind TEXT NOT NULL CHECK (item_kind IN ('test_bed', 'call', 'initiative')),
    item_id INTEGER NOT NULL,
    matched_at INTEGER NOT NULL,
    UNIQUE (saved_search_id, item_kind, item_id)
  ) STRICT`,
  `CREATE INDEX saved_search_matches_recent
    ON saved_search_matches(saved_search_id, matched_at DESC, id DESC)`,
  `CREATE INDEX saved_search_matches_by_item ON saved_search_matches(item_kind, item_id)`,
  `CREATE TRIGGER saved_search_matches_valid BEFORE INSERT ON saved_search_matches
    WHEN NOT abs(NEW.matched_at - unixepoch()) <= 5
      OR NOT EXISTS (SELECT 1 FROM saved_searches s
        WHERE s.id = NEW.saved_search_id AND (${KIND_WATCHED('NEW')}))
      OR NOT (${ITEM_PUBLIC('NEW')})
    BEGIN SELECT RAISE(ABORT, 'testarena:saved_search_match_invalid'); END`,
  `CREATE TRIGGER saved_search_matches_no_update BEFORE UPDATE ON saved_search_matches
    BEGIN SELECT RAISE(ABORT, 'testarena:saved_search_match_append_only'); END`,
  `CREATE TRIGGER saved_search_matches_no_delete BEFORE DELETE ON saved_search_matches
    WHEN EXISTS (SELECT 1 FROM saved_searches WHERE id = OLD.saved_search_id)
    BEGIN SELECT RAISE(ABORT, 'testarena:saved_search_match_append_only'); END`,
]

const GUARDED = ['saved_searches', 'saved_search_matches']

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
  for (const table of GUARDED) {
    for (const guard of guards(table, await shapeOf(db, table))) await sql.raw(guard).execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'saved_search_matches',
    'saved_search_terms',
    'saved_search_cpv_codes',
    'saved_search_themes',
    'saved_searches',
  ]) {
    await sql.raw(`DROP TABLE ${table}`).execute(db)
  }
}
