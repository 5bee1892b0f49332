import { type Kysely, sql } from 'kysely'
import { guards, shapeOf } from './2026-12-07-08-conflict-guards'

// Frozen once landed. Overlap detection before saving a new TEST-BED OFFER (issue 15, part 4;
// decision record 030, revision): the same two-step check as for initiatives (2026-12-07-13) and
// calls (2026-12-07-18). Before a host's first save of an offer draft, the form shows similar
// PUBLISHED offers of OTHER organisations; the host links the new draft to one as related, or
// continues with a reason. The choice is recorded here, append-only; a "related" row is also the
// link shown on both offers' pages (a draft's link only to its own organisation, app/models).
//
// Rules (each raises 'testarena:<code>'):
// - the recorder is a member of the organisation, stamped now; the offer is the organisation's
//   own draft;
// - the candidates are 1–10 offers of other organisations that are not drafts, and the chosen one
//   is among them; related needs the chosen one, continue a reason of five letters;
// - one recorded choice per offer; never updated or deleted while its offer exists. A draft may
//   still be deleted (it was never public): its record goes with it, the audit log keeps both.
//   Only drafts are ever deleted (test_bed_offers_delete_drafts_only), so a link to a published
//   offer stays. Conflict guards as 2026-12-07-08 makes them (decision record 022).

const FIVE_LETTERS = `'*[a-zA-ZåäöÅÄÖéÉ]*[a-zA-ZåäöÅÄÖéÉ]*[a-zA-ZåäöÅÄÖéÉ]*[a-zA-ZåäöÅÄÖéÉ]*[a-zA-ZåäöÅÄÖéÉ]*'`

const statements: string[] = [
  `CREATE TABLE test_bed_offer_overlap_checks (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    checked_by INTEGER NOT NULL REFERENCES users(id),
    checked_at INTEGER NOT NULL,
    offer_id INTEGER NOT NULL REFERENCES test_bed_offers(id),
    candidates TEXT NOT NULL CHECK (json_valid(candidates) AND json_type(candidates) = 'array'
      AND json_array_length(candidates) BETWEEN 1 AND 10),
    choice TEXT NOT NULL CHECK (choice IN ('related', 'continue')),
    chosen_id INTEGER REFERENCES test_bed_offers(id),
    reason TEXT CHECK (reason IS NULL OR length(reason) <= 1000),
    CHECK ((choice = 'related' AND chosen_id IS NOT NULL AND reason IS NULL)
      OR (choice = 'continue' AND chosen_id IS NULL))
  ) STRICT`,
  `CREATE UNIQUE INDEX test_bed_offer_overlap_checks_one_per_offer
    ON test_bed_offer_overlap_checks(offer_id)`,
  `CREATE INDEX test_bed_offer_overlap_checks_by_chosen ON test_bed_offer_overlap_checks(chosen_id)
    WHERE chosen_id IS NOT NULL`,
  `CREATE TRIGGER test_bed_offer_overlap_checks_by_member BEFORE INSERT ON test_bed_offer_overlap_checks
    WHEN NOT EXISTS (SELECT 1 FROM memberships WHERE organisation_id = NEW.organisation_id
      AND user_id = NEW.checked_by)
      OR NOT EXISTS (SELECT 1 FROM test_bed_offers WHERE id = NEW.offer_id
        AND organisation_id = NEW.organisation_id AND status = 'draft')
    BEGIN SELECT RAISE(ABORT, 'testarena:not_host_member'); END`,
  `CREATE TRIGGER test_bed_offer_overlap_checks_now BEFORE INSERT ON test_bed_offer_overlap_checks
    WHEN NOT abs(NEW.checked_at - unixepoch()) <= 5
    BEGIN SELECT RAISE(ABORT, 'testarena:clock_mismatch'); END`,
  `CREATE TRIGGER test_bed_offer_overlap_checks_reason BEFORE INSERT ON test_bed_offer_overlap_checks
    WHEN NEW.choice = 'continue' AND (NEW.reason IS NULL OR NEW.reason NOT GLOB ${FIVE_LETTERS})
    BEGIN SELECT RAISE(ABORT, 'testarena:overlap_reason_required'); END`,
  `CREATE TRIGGER test_bed_offer_overlap_checks_candidates BEFORE INSERT ON test_bed_offer_overlap_checks
    WHEN json_valid(NEW.candidates) AND (EXISTS (SELECT 1 FROM json_each(NEW.candidates) j
        WHERE j.type <> 'integer' OR j.value IS NEW.offer_id
          OR NOT EXISTS (SELECT 1 FROM test_bed_offers o WHERE o.id = j.value
            AND o.organisation_id <> NEW.organisation_id AND o.status <> 'draft'))
      OR (NEW.chosen_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM json_each(NEW.candidates) j
        WHERE j.value = NEW.chosen_id)))
    BEGIN SELECT RAISE(ABORT, 'testarena:overlap_candidate_invalid'); END`,
  `CREATE TRIGGER test_bed_offer_overlap_checks_no_update BEFORE UPDATE ON test_bed_offer_overlap_checks
    BEGIN SELECT RAISE(ABORT, 'testarena:overlap_check_append_only'); END`,
  `CREATE TRIGGER test_bed_offer_overlap_checks_no_delete BEFORE DELETE ON test_bed_offer_overlap_checks
    WHEN EXISTS (SELECT 1 FROM test_bed_offers WHERE id = OLD.offer_id)
    BEGIN SELECT RAISE(ABORT, 'testarena:overlap_check_append_only'); END`,
  // A deleted draft takes its record along (only a draft is ever deleted).
  `CREATE TRIGGER test_bed_offers_drop_overlap_check AFTER DELETE ON test_bed_offers
    BEGIN DELETE FROM test_bed_offer_overlap_checks WHERE offer_id = OLD.id; END`,
]

const GUARDED = ['test_bed_offer_overlap_checks']

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
  for (const table of GUARDED) {
    for (const guard of guards(table, await shapeOf(db, table))) await sql.raw(guard).execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP TRIGGER test_bed_offers_drop_overlap_check').execute(db)
  await sql.raw('DROP TABLE test_bed_offer_overlap_checks').execute(db)
}
