import { type Kysely, sql } from 'kysely'
import { guards, shapeOf } from './2026-12-07-08-conflict-guards'

// Frozen once landed. Overlap detection before saving (issue 15, part 4; decision record 030).
// When a verified public body or intermediary creates an initiative, the form first shows similar
// initiatives of OTHER organisations; the user joins one as co-owner (no new initiative; the
// co-ownership request is sent), links the new one to it as related, or continues anyway with a
// reason. The choice is recorded here, append-only: who, when, which candidates were shown, which
// choice, the reason. A "related" row is also the public link shown on both initiatives' pages.
//
// Rules (each raises 'testarena:<code>'):
// - the recorder is a member of the organisation, stamped now; the new initiative (if any) is the
//   organisation's own;
// - the candidates are 1–10 initiatives of other organisations, the new one not among them, and
//   the chosen one is one of them;
// - join: no new initiative, and the organisation's request to co-own the chosen one exists;
//   related: the new initiative and the chosen one; continue: the new initiative and a reason of
//   at least five letters, nothing chosen;
// - one recorded choice per new initiative; never updated or deleted (an initiative with one is
//   not deleted either). Conflict guards as 2026-12-07-08 makes them (decision record 022).

const stampedNow = (col: string) => `abs(${col} - unixepoch()) <= 5`
const FIVE_LETTERS = `'*[a-zA-ZåäöÅÄÖéÉ]*[a-zA-ZåäöÅÄÖéÉ]*[a-zA-ZåäöÅÄÖéÉ]*[a-zA-ZåäöÅÄÖéÉ]*[a-zA-ZåäöÅÄÖéÉ]*'`

const statements: string[] = [
  `CREATE TABLE initiative_overlap_checks (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    checked_by INTEGER NOT NULL REFERENCES users(id),
    checked_at INTEGER NOT NULL,
    initiative_id INTEGER REFERENCES initiatives(id),
    candidates TEXT NOT NULL CHECK (json_valid(candidates) AND json_type(candidates) = 'array'
      AND json_array_length(candidates) BETWEEN 1 AND 10),
    choice TEXT NOT NULL CHECK (choice IN ('join', 'related', 'continue')),
    chosen_id INTEGER REFERENCES initiatives(id),
    reason TEXT CHECK (reason IS NULL OR length(reason) <= 1000),
    CHECK ((choice = 'join' AND initiative_id IS NULL AND chosen_id IS NOT NULL AND reason IS NULL)
      OR (choice = 'related' AND initiative_id IS NOT NULL AND chosen_id IS NOT NULL
        AND reason IS NULL)
      OR (choice = 'continue' AND initiative_id IS NOT NULL AND chosen_id IS NULL))
  ) STRICT`,
  `CREATE UNIQUE INDEX initiative_overlap_checks_one_per_initiative
    ON initiative_overlap_checks(initiative_id) WHERE initiative_id IS NOT NULL`,
  `CREATE INDEX initiative_overlap_checks_by_chosen ON initiative_overlap_checks(chosen_id)
    WHERE chosen_id IS NOT NULL`,
  `CREATE INDEX initiative_overlap_checks_by_organisation
    ON initiative_overlap_checks(organisation_id, id)`,
  `CREATE TRIGGER initiative_overlap_checks_by_member BEFORE INSERT ON initiative_overlap_checks
    WHEN NOT EXISTS (SELECT 1 FROM memberships WHERE organisation_id = NEW.organisation_id
      AND user_id = NEW.checked_by)
      OR (NEW.initiative_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM initiatives
        WHERE id = NEW.initiative_id AND organisation_id = NEW.organisation_id))
    BEGIN SELECT RAISE(ABORT, 'testarena:initiative_not_member'); END`,
  `CREATE TRIGGER initiative_overlap_checks_now BEFORE INSERT ON initiative_overlap_checks
    WHEN NOT ${stampedNow('NEW.checked_at')}
    BEGIN SELECT RAISE(ABORT, 'testarena:clock_mismatch'); END`,
  `CREATE TRIGGER initiative_overlap_checks_reason BEFORE INSERT ON initiative_overlap_checks
    WHEN NEW.choice = 'continue' AND (NEW.reason IS NULL OR NEW.reason NOT GLOB ${FIVE_LETTERS})
    BEGIN SELECT RAISE(ABORT, 'testarena:overlap_reason_required'); END`,
  `CREATE TRIGGER initiative_overlap_checks_candidates BEFORE INSERT ON initiative_overlap_checks
    WHEN json_valid(NEW.candidates) AND (EXISTS (SELECT 1 FROM json_each(NEW.candidates) j
        WHERE j.type <> 'integer' OR j.value IS NEW.initiative_id
          OR NOT EXISTS (SELECT 1 FROM initiatives i WHERE i.id = j.value
            AND i.organisation_id <> NEW.organisation_id))
      OR (NEW.chosen_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM json_each(NEW.candidates) j
        WHERE j.value = NEW.chosen_id)))
    BEGIN SELECT RAISE(ABORT, 'testarena:overlap_candidate_invalid'); END`,
  `CREATE TRIGGER initiative_overlap_checks_join_requested BEFORE INSERT ON initiative_overlap_checks
    WHEN NEW.choice = 'join' AND NOT EXISTS (SELECT 1 FROM initiative_co_owners
      WHERE initiative_id = NEW.chosen_id AND organisation_id = NEW.organisation_id)
    BEGIN SELECT RAISE(ABORT, 'testarena:overlap_candidate_invalid'); END`,
  `CREATE TRIGGER initiative_overlap_checks_no_update BEFORE UPDATE ON initiative_overlap_checks
    BEGIN SELECT RAISE(ABORT, 'testarena:overlap_check_append_only'); END`,
  `CREATE TRIGGER initiative_overlap_checks_no_delete BEFORE DELETE ON initiative_overlap_checks
    BEGIN SELECT RAISE(ABORT, 'testarena:overlap_check_append_only'); END`,
  // An idea with a recorded choice (its own, or another's link to it) is kept like one with links.
  `CREATE TRIGGER initiatives_keep_overlap_checked BEFORE DELETE ON initiatives
    WHEN EXISTS (SELECT 1 FROM initiative_overlap_checks
      WHERE initiative_id = OLD.id OR chosen_id = OLD.id)
    BEGIN SELECT RAISE(ABORT, 'testarena:initiative_not_deletable'); END`,
  // The theme and CPV candidates are found through initiative_themes_by_theme and
  // initiative_cpv_codes_by_code (2026-12-07-10); the text ones through initiatives_fts.
]

const GUARDED = ['initiative_overlap_checks']

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
  for (const table of GUARDED) {
    for (const guard of guards(table, await shapeOf(db, table))) await sql.raw(guard).execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP TRIGGER initiatives_keep_overlap_checked').execute(db)
  await sql.raw('DROP TABLE initiative_overlap_checks').execute(db)
}
