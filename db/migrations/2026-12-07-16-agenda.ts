import { type Kysely, sql } from 'kysely'
import { guards, shapeOf } from './2026-12-07-08-conflict-guards'

// Frozen once landed. The regional agenda, "hit ska vi" (issue 15 part 7, decision record 033): a
// verified region, with the public bodies and intermediaries it names as co-owners, publishes
// goals; each goal has indicators with a target value by a target date, either computed live from
// Testarena's own data (a fixed catalogue of SQL metrics over the region's county) or measured by
// hand (dated values with a source). Goals name the initiatives that serve them.
//
// Rules (each raises 'testarena:<code>'):
// - the owner is a verified region; it writes through its members; co-owners are verified public
//   bodies or intermediaries other than the region, added by a member of the region; after that
//   members of the region or of a co-owner edit (the agenda, its goals, indicators, measurements,
//   links);
// - agendas and goals start as drafts and are published once (never back); publishing stamps the
//   time, which never moves; the database logs every status in status_log; a goal is published
//   only with at least one indicator; nothing published is deleted;
// - once a goal is published its indicators' definitions (label, live or manual, metric, theme,
//   unit) are fixed, and a change of target value or date needs a fresh reason: the database
//   writes the old target to agenda_target_changes, which nobody may change, delete or forge;
// - manual measurements belong to manual indicators, are dated no later than today and are
//   append-only: a correction is a new row naming the one it corrects (each corrected once);
// - a goal links only to initiatives that the region or a co-owner owns or co-owns.
// Every table gets conflict guards (decision record 022).

const MEMBER = (org: string, user: string) => `EXISTS (SELECT 1 FROM memberships
  WHERE organisation_id = ${org} AND user_id = ${user})`

/** A member of the agenda's region or of one of its co-owners. */
const EDITOR = (agenda: string, user: string) => `(EXISTS (SELECT 1 FROM agendas a
  JOIN memberships m ON m.organisation_id = a.organisation_id
  WHERE a.id = ${agenda} AND m.user_id = ${user})
  OR EXISTS (SELECT 1 FROM agenda_co_owners c JOIN memberships m ON m.organisation_id = c.organisation_id
  WHERE c.agenda_id = ${agenda} AND m.user_id = ${user}))`

const GOAL_AGENDA = (goal: string) => `(SELECT agenda_id FROM agenda_goals WHERE id = ${goal})`
const INDICATOR_AGENDA = (indicator: string) => `(SELECT g.agenda_id FROM agenda_indicators i
  JOIN agenda_goals g ON g.id = i.goal_id WHERE i.id = ${indicator})`
const GOAL_PUBLISHED = (goal: string) => `EXISTS (SELECT 1 FROM agenda_goals
  WHERE id = ${goal} AND status = 'published')`

const stampedNow = (col: string) => `coalesce(abs(${col} - unixepoch()) <= 5, 0)`
const TODAY = `date(unixepoch(), 'unixepoch', '+1 day')`
const REASON = (col: string) =>
  `coalesce(${col} GLOB '*[a-zA-ZåäöÅÄÖ]*[a-zA-ZåäöÅÄÖ]*[a-zA-ZåäöÅÄÖ]*[a-zA-ZåäöÅÄÖ]*[a-zA-ZåäöÅÄÖ]*', 0)`

const AGENDA_METRICS = [
  'sme_pilots_completed',
  'references_published',
  'sme_award_share',
  'first_time_participants',
] as const

const logStatus = (table: string, actor: string) => [
  `CREATE TRIGGER ${table}_log_insert AFTER INSERT ON ${table}
    BEGIN INSERT INTO status_log (entity_type, entity_id, from_status, to_status, actor_user_id)
      VALUES ('${table}', NEW.id, NULL, NEW.status, NEW.${actor}); END`,
  `CREATE TRIGGER ${table}_log_status AFTER UPDATE OF status ON ${table}
    WHEN NEW.status IS NOT OLD.status
    BEGIN INSERT INTO status_log (entity_type, entity_id, from_status, to_status, actor_user_id)
      VALUES ('${table}', NEW.id, OLD.status, NEW.status, NEW.updated_by); END`,
]

/** Draft → published once, stamped now; the stamp never moves. */
const publishOnce = (table: string) => [
  `CREATE TRIGGER ${table}_start_draft BEFORE INSERT ON ${table}
    WHEN NEW.status <> 'draft' OR NEW.published_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'testarena:agenda_published'); END`,
  `CREATE TRIGGER ${table}_publish_once BEFORE UPDATE OF status, published_at ON ${table}
    BEGIN SELECT CASE
      WHEN OLD.status = 'published' AND (NEW.status IS NOT 'published'
        OR NEW.published_at IS NOT OLD.published_at) THEN RAISE(ABORT, 'testarena:agenda_published')
      WHEN OLD.status = 'draft' AND NEW.status = 'published' AND NOT ${stampedNow('NEW.published_at')}
        THEN RAISE(ABORT, 'testarena:clock_mismatch')
    END; END`,
  `CREATE TRIGGER ${table}_creation_fixed BEFORE UPDATE OF id, created_at, created_by ON ${table}
    WHEN NEW.id IS NOT OLD.id OR NEW.created_at IS NOT OLD.created_at
      OR NEW.created_by IS NOT OLD.created_by
    BEGIN SELECT RAISE(ABORT, 'testarena:stamp_fixed'); END`,
]

const stamps = `created_at INTEGER NOT NULL,
    created_by INTEGER NOT NULL REFERENCES users(id),
    updated_at INTEGER NOT NULL,
    updated_by INTEGER NOT NULL REFERENCES users(id)`
const publication = `status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    published_at INTEGER`
const publishedStamped = `CHECK ((status = 'draft') = (published_at IS NULL))`

const statements: string[] = [
  // One agenda per region.
  `CREATE TABLE agendas (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL UNIQUE REFERENCES organisations(id),
    title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 3 AND 200),
    summary TEXT NOT NULL CHECK (length(trim(summary)) BETWEEN 10 AND 2000),
    starts_on TEXT NOT NULL CHECK (date(starts_on) IS starts_on),
    ${publication},
    ${stamps},
    ${publishedStamped}
  ) STRICT`,
  `CREATE INDEX agendas_published ON agendas(status, published_at)`,
  `CREATE TRIGGER agendas_owner_region BEFORE INSERT ON agendas
    WHEN NOT EXISTS (SELECT 1 FROM organisations WHERE id = NEW.organisation_id
      AND kind = 'public_body' AND public_body_type = 'region' AND verification_status = 'verified')
    BEGIN SELECT RAISE(ABORT, 'testarena:agenda_owner_not_region'); END`,
  `CREATE TRIGGER agendas_written_by_member BEFORE INSERT ON agendas
    WHEN NOT ${MEMBER('NEW.organisation_id', 'NEW.created_by')} OR NEW.updated_by IS NOT NEW.created_by
    BEGIN SELECT RAISE(ABORT, 'testarena:agenda_not_editor'); END`,
  `CREATE TRIGGER agendas_updated_by_editor BEFORE UPDATE ON agendas
    WHEN NOT ${EDITOR('OLD.id', 'NEW.updated_by')}
    BEGIN SELECT RAISE(ABORT, 'testarena:agenda_not_editor'); END`,
  `CREATE TRIGGER agendas_owner_fixed BEFORE UPDATE OF organisation_id ON agendas
    WHEN NEW.organisation_id IS NOT OLD.organisation_id
    BEGIN SELECT RAISE(ABORT, 'testarena:stamp_fixed'); END`,
  // The baseline the live indicators count from is part of every published target.
  `CREATE TRIGGER agendas_baseline_fixed BEFORE UPDATE OF starts_on ON agendas
    WHEN OLD.status = 'published' AND NEW.starts_on IS NOT OLD.starts_on
    BEGIN SELECT RAISE(ABORT, 'testarena:agenda_published'); END`,
  `CREATE TRIGGER agendas_no_delete BEFORE DELETE ON agendas
    WHEN OLD.status = 'published' OR EXISTS (SELECT 1 FROM agenda_goals WHERE agenda_id = OLD.id)
    BEGIN SELECT RAISE(ABORT, 'testarena:agenda_published'); END`,
  ...publishOnce('agendas'),
  ...logStatus('agendas', 'created_by'),

  `CREATE TABLE agenda_co_owners (
    agenda_id INTEGER NOT NULL REFERENCES agendas(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    added_at INTEGER NOT NULL,
    added_by INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (agenda_id, organisation_id)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX agenda_co_owners_by_organisation ON agenda_co_owners(organisation_id)`,
  `CREATE TRIGGER agenda_co_owners_valid BEFORE INSERT ON agenda_co_owners
    WHEN NOT EXISTS (SELECT 1 FROM organisations WHERE id = NEW.organisation_id
      AND kind IN ('public_body', 'intermediary') AND verification_status = 'verified')
      OR EXISTS (SELECT 1 FROM agendas WHERE id = NEW.agenda_id
        AND organisation_id = NEW.organisation_id)
    BEGIN SELECT RAISE(ABORT, 'testarena:agenda_co_owner_invalid'); END`,
  `CREATE TRIGGER agenda_co_owners_added_by_region BEFORE INSERT ON agenda_co_owners
    WHEN NOT EXISTS (SELECT 1 FROM agendas a JOIN memberships m ON m.organisation_id = a.organisation_id
      WHERE a.id = NEW.agenda_id AND m.user_id = NEW.added_by)
    BEGIN SELECT RAISE(ABORT, 'testarena:agenda_not_editor'); END`,
  `CREATE TRIGGER agenda_co_owners_added_now BEFORE INSERT ON agenda_co_owners
    WHEN NOT ${stampedNow('NEW.added_at')}
    BEGIN SELECT RAISE(ABORT, 'testarena:clock_mismatch'); END`,
  `CREATE TRIGGER agenda_co_owners_fixed BEFORE UPDATE ON agenda_co_owners
    BEGIN SELECT RAISE(ABORT, 'testarena:stamp_fixed'); END`,
  `CREATE TRIGGER agenda_co_owners_kept BEFORE DELETE ON agenda_co_owners
    WHEN EXISTS (SELECT 1 FROM agendas WHERE id = OLD.agenda_id AND status = 'published')
    BEGIN SELECT RAISE(ABORT, 'testarena:agenda_published'); END`,

  `CREATE TABLE agenda_goals (
    id INTEGER PRIMARY KEY,
    agenda_id INTEGER NOT NULL REFERENCES agendas(id),
    position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 1000),
    title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 3 AND 200),
    description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    ${publication},
    ${stamps},
    ${publishedStamped}
  ) STRICT`,
  `CREATE INDEX agenda_goals_by_agenda ON agenda_goals(agenda_id, position)`,
  `CREATE TRIGGER agenda_goals_written_by_editor BEFORE INSERT ON agenda_goals
    WHEN NOT ${EDITOR('NEW.agenda_id', 'NEW.created_by')} OR NEW.updated_by IS NOT NEW.created_by
    BEGIN SELECT RAISE(ABORT, 'testarena:agenda_not_editor'); END`,
  `CREATE TRIGGER agenda_goals_updated_by_editor BEFORE UPDATE ON agenda_goals
    WHEN NOT ${EDITOR('OLD.agenda_id', 'NEW.updated_by')}
    BEGIN SELECT RAISE(ABORT, 'testarena:agenda_not_editor'); END`,
  `CREATE TRIGGER agenda_goals_agenda_fixed BEFORE UPDATE OF agenda_id ON agenda_goals
    WHEN NEW.agenda_id IS NOT OLD.agenda_id
    BEGIN SELECT RAISE(ABORT, 'testarena:stamp_fixed'); END`,
  `CREATE TRIGGER agenda_goals_need_indicator BEFORE UPDATE OF status ON agenda_goals
    WHEN NEW.status = 'published' AND OLD.status = 'draft'
      AND NOT EXISTS (SELECT 1 FROM agenda_indicators WHERE goal_id = OLD.id)
    BEGIN SELECT RAISE(ABORT, 'testarena:agenda_goal_needs_indicator'); END`,
  `CREATE TRIGGER agenda_goals_no_delete BEFORE DELETE ON agenda_goals
    WHEN OLD.status = 'published'
    BEGIN SELECT RAISE(ABORT, 'testarena:agenda_published'); END`,
  ...publishOnce('agenda_goals'),
  ...logStatus('agenda_goals', 'created_by'),

  `CREATE TABLE agenda_indicators (
    id INTEGER PRIMARY KEY,
    goal_id INTEGER NOT NULL REFERENCES agenda_goals(id),
    label TEXT NOT NULL CHECK (length(trim(label)) BETWEEN 3 AND 200),
    source_kind TEXT NOT NULL CHECK (source_kind IN ('live', 'manual')),
    metric TEXT CHECK (metric IN (${AGENDA_METRICS.map((m) => `'${m}'`).join(', ')})),
    theme_code TEXT REFERENCES themes(code),
    unit TEXT NOT NULL CHECK (unit IN ('count', 'percent')),
    target_value REAL NOT NULL CHECK (target_value >= 0 AND target_value <= 1000000000
      AND (unit = 'count' OR target_value <= 100)),
    target_date TEXT NOT NULL CHECK (date(target_date) IS target_date),
    target_reason TEXT CHECK (target_reason IS NULL OR length(target_reason) <= 1000),
    ${stamps},
    CHECK ((source_kind = 'live') = (metric IS NOT NULL)),
    CHECK (source_kind = 'manual'
      OR unit = CASE metric WHEN 'sme_award_share' THEN 'percent' ELSE 'count' END),
    CHECK (theme_code IS NULL OR metric IN ('sme_pilots_completed', 'references_published',
      'sme_award_share'))
  ) STRICT`,
  `CREATE INDEX agenda_indicators_by_goal ON agenda_indicators(goal_id, id)`,
  `CREATE TRIGGER agenda_indicators_written_by_editor BEFORE INSERT ON agenda_indicators
    WHEN NOT ${EDITOR(GOAL_AGENDA('NEW.goal_id'), 'NEW.created_by')}
      OR NEW.updated_by IS NOT NEW.created_by
    BEGIN SELECT RAISE(ABORT, 'testarena:agenda_not_editor'); END`,
  `CREATE TRIGGER agenda_indicators_updated_by_editor BEFORE UPDATE ON agenda_indicators
    WHEN NOT ${EDITOR(GOAL_AGENDA('OLD.goal_id'), 'NEW.updated_by')}
    BEGIN SELECT RAISE(ABORT, 'testarena:agenda_not_editor'); END`,
  `CREATE TRIGGER agenda_indicators_fixed BEFORE UPDATE OF id, goal_id, created_at, created_by
    ON agenda_indicators
    WHEN NEW.id IS NOT OLD.id OR NEW.goal_id IS NOT OLD.goal_id
      OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
    BEGIN SELECT RAISE(ABORT, 'testarena:stamp_fixed'); END`,
  // What a published goal measures never changes …
  `CREATE TRIGGER agenda_indicators_definition_fixed BEFORE UPDATE OF label, source_kind, metric,
    theme_code, unit ON agenda_indicators
    WHEN ${GOAL_PUBLISHED('OLD.goal_id')} AND (NEW.label IS NOT OLD.label
      OR NEW.source_kind IS NOT OLD.source_kind OR NEW.metric IS NOT OLD.metric
      OR NEW.theme_code IS NOT OLD.theme_code OR NEW.unit IS NOT OLD.unit)
    BEGIN SELECT RAISE(ABORT, 'testarena:agenda_published'); END`,
  // … its target changes only with a fresh reason, and the old target is kept.
  `CREATE TRIGGER agenda_indicators_target_reason BEFORE UPDATE OF target_value, target_date,
    target_reason ON agenda_indicators
    WHEN ${GOAL_PUBLISHED('OLD.goal_id')}
      AND (NEW.target_value IS NOT OLD.target_value OR NEW.target_date IS NOT OLD.target_date
        OR NEW.target_reason IS NOT OLD.target_reason)
      AND (NOT ${REASON('NEW.target_reason')} OR NEW.target_reason IS OLD.target_reason
        OR NOT ${stampedNow('NEW.updated_at')})
    BEGIN SELECT RAISE(ABORT, 'testarena:agenda_target_reason'); END`,
  `CREATE TRIGGER agenda_indicators_keep_target AFTER UPDATE OF target_value, target_date
    ON agenda_indicators
    WHEN ${GOAL_PUBLISHED('OLD.goal_id')}
      AND (NEW.target_value IS NOT OLD.target_value OR NEW.target_date IS NOT OLD.target_date)
    BEGIN INSERT INTO agenda_target_changes (indicator_id, old_value, old_date, new_value, new_date,
      reason, changed_at, changed_by)
    VALUES (OLD.id, OLD.target_value, OLD.target_date, NEW.target_value, NEW.target_date,
      NEW.target_reason, NEW.updated_at, NEW.updated_by); END`,
  `CREATE TRIGGER agenda_indicators_no_delete BEFORE DELETE ON agenda_indicators
    WHEN ${GOAL_PUBLISHED('OLD.goal_id')}
      OR EXISTS (SELECT 1 FROM agenda_measurements WHERE indicator_id = OLD.id)
    BEGIN SELECT RAISE(ABORT, 'testarena:agenda_published'); END`,

  // The history of a published target: written only by the trigger above.
  `CREATE TABLE agenda_target_changes (
    id INTEGER PRIMARY KEY,
    indicator_id INTEGER NOT NULL REFERENCES agenda_indicators(id),
    old_value REAL NOT NULL,
    old_date TEXT NOT NULL,
    new_value REAL NOT NULL,
    new_date TEXT NOT NULL,
    reason TEXT NOT NULL,
    changed_at INTEGER NOT NULL,
    changed_by INTEGER NOT NULL REFERENCES users(id)
  ) STRICT`,
  `CREATE INDEX agenda_target_changes_by_indicator ON agenda_target_changes(indicator_id, id)`,
  `CREATE TRIGGER agenda_target_changes_not_forged BEFORE INSERT ON agenda_target_changes
    WHEN NOT EXISTS (SELECT 1 FROM agenda_indicators WHERE id = NEW.indicator_id
      AND target_value = NEW.new_value AND target_date = NEW.new_date
      AND target_reason IS NEW.reason AND updated_at = NEW.changed_at
      AND updated_by = NEW.changed_by)
      OR NOT ${stampedNow('NEW.changed_at')}
    BEGIN SELECT RAISE(ABORT, 'testarena:history_append_only'); END`,
  `CREATE TRIGGER agenda_target_changes_no_update BEFORE UPDATE ON agenda_target_changes
    BEGIN SELECT RAISE(ABORT, 'testarena:history_append_only'); END`,
  `CREATE TRIGGER agenda_target_changes_no_delete BEFORE DELETE ON agenda_target_changes
    BEGIN SELECT RAISE(ABORT, 'testarena:history_append_only'); END`,

  // Measurements of a manual indicator: append-only; a correction is a new row.
  `CREATE TABLE agenda_measurements (
    id INTEGER PRIMARY KEY,
    indicator_id INTEGER NOT NULL REFERENCES agenda_indicators(id),
    measured_on TEXT NOT NULL CHECK (date(measured_on) IS measured_on),
    value REAL NOT NULL CHECK (value >= 0 AND value <= 1000000000),
    source TEXT NOT NULL CHECK (length(trim(source)) BETWEEN 3 AND 300),
    corrects_id INTEGER REFERENCES agenda_measurements(id),
    recorded_at INTEGER NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES users(id)
  ) STRICT`,
  `CREATE INDEX agenda_measurements_by_indicator ON agenda_measurements(indicator_id, measured_on)`,
  `CREATE UNIQUE INDEX agenda_measurements_corrected_once ON agenda_measurements(corrects_id)
    WHERE corrects_id IS NOT NULL`,
  `CREATE TRIGGER agenda_measurements_manual_only BEFORE INSERT ON agenda_measurements
    WHEN NOT EXISTS (SELECT 1 FROM agenda_indicators WHERE id = NEW.indicator_id
      AND source_kind = 'manual' AND (unit = 'count' OR NEW.value <= 100))
    BEGIN SELECT RAISE(ABORT, 'testarena:agenda_measurement_manual_only'); END`,
  `CREATE TRIGGER agenda_measurements_by_editor BEFORE INSERT ON agenda_measurements
    WHEN NOT ${EDITOR(INDICATOR_AGENDA('NEW.indicator_id'), 'NEW.recorded_by')}
    BEGIN SELECT RAISE(ABORT, 'testarena:agenda_not_editor'); END`,
  `CREATE TRIGGER agenda_measurements_recorded_now BEFORE INSERT ON agenda_measurements
    WHEN NOT ${stampedNow('NEW.recorded_at')}
    BEGIN SELECT RAISE(ABORT, 'testarena:clock_mismatch'); END`,
  `CREATE TRIGGER agenda_measurements_not_future BEFORE INSERT ON agenda_measurements
    WHEN NEW.measured_on > ${TODAY}
    BEGIN SELECT RAISE(ABORT, 'testarena:agenda_measured_in_future'); END`,
  `CREATE TRIGGER agenda_measurements_corrects_same BEFORE INSERT ON agenda_measurements
    WHEN NEW.corrects_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM agenda_measurements
      WHERE id = NEW.corrects_id AND indicator_id = NEW.indicator_id)
    BEGIN SELECT RAISE(ABORT, 'testarena:agenda_measurement_append_only'); END`,
  `CREATE TRIGGER agenda_measurements_no_update BEFORE UPDATE ON agenda_measurements
    BEGIN SELECT RAISE(ABORT, 'testarena:agenda_measurement_append_only'); END`,
  `CREATE TRIGGER agenda_measurements_no_delete BEFORE DELETE ON agenda_measurements
    BEGIN SELECT RAISE(ABORT, 'testarena:agenda_measurement_append_only'); END`,

  // The initiatives that serve a goal: of the region or a co-owner; kept once the goal is published.
  `CREATE TABLE agenda_goal_initiatives (
    goal_id INTEGER NOT NULL REFERENCES agenda_goals(id),
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id),
    added_at INTEGER NOT NULL,
    added_by INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (goal_id, initiative_id)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX agenda_goal_initiatives_by_initiative ON agenda_goal_initiatives(initiative_id)`,
  `CREATE TRIGGER agenda_goal_initiatives_owned BEFORE INSERT ON agenda_goal_initiatives
    WHEN NOT EXISTS (SELECT 1 FROM agenda_goals g JOIN agendas a ON a.id = g.agenda_id
      WHERE g.id = NEW.goal_id AND (
        EXISTS (SELECT 1 FROM initiatives i WHERE i.id = NEW.initiative_id
          AND (i.organisation_id = a.organisation_id OR i.organisation_id IN
            (SELECT organisation_id FROM agenda_co_owners WHERE agenda_id = a.id)))
        OR EXISTS (SELECT 1 FROM initiative_co_owners io WHERE io.initiative_id = NEW.initiative_id
          AND io.state = 'accepted' AND (io.organisation_id = a.organisation_id
            OR io.organisation_id IN (SELECT organisation_id FROM agenda_co_owners
              WHERE agenda_id = a.id)))))
    BEGIN SELECT RAISE(ABORT, 'testarena:agenda_link_not_owner'); END`,
  `CREATE TRIGGER agenda_goal_initiatives_by_editor BEFORE INSERT ON agenda_goal_initiatives
    WHEN NOT ${EDITOR(GOAL_AGENDA('NEW.goal_id'), 'NEW.added_by')}
      OR NOT ${stampedNow('NEW.added_at')}
    BEGIN SELECT RAISE(ABORT, 'testarena:agenda_not_editor'); END`,
  `CREATE TRIGGER agenda_goal_initiatives_fixed BEFORE UPDATE ON agenda_goal_initiatives
    BEGIN SELECT RAISE(ABORT, 'testarena:stamp_fixed'); END`,
  `CREATE TRIGGER agenda_goal_initiatives_kept BEFORE DELETE ON agenda_goal_initiatives
    WHEN ${GOAL_PUBLISHED('OLD.goal_id')}
    BEGIN SELECT RAISE(ABORT, 'testarena:agenda_published'); END`,
]

// The conflict guards, made as 2026-12-07-08-conflict-guards makes them (decision record 022).
const GUARDED = [
  'agendas',
  'agenda_co_owners',
  'agenda_goals',
  'agenda_indicators',
  'agenda_target_changes',
  'agenda_measurements',
  'agenda_goal_initiatives',
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
  for (const table of GUARDED) {
    for (const guard of guards(table, await shapeOf(db, table))) await sql.raw(guard).execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'agenda_goal_initiatives',
    'agenda_measurements',
    'agenda_target_changes',
    'agenda_indicators',
    'agenda_goals',
    'agenda_co_owners',
    'agendas',
  ]) {
    await sql.raw(`DROP TABLE ${t}`).execute(db)
  }
}
