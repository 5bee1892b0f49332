import { type Kysely, sql } from 'kysely'
import { guards, shapeOf } from './2026-12-07-08-conflict-guards'

// Frozen once landed. Events (issue 15 part 8, decision record 031): B2B forums, study visits,
// seminars and round tables that a verified public body or intermediary publishes, usually within
// an "event series" initiative. A company registers (one seat per company and event); when the
// confirmed seats fill up, registrations wait in order; a cancellation gives the seat to the first
// in the queue, in the database. The organiser may cancel the event, and records attendance after
// it has started; attendance enters the company contact ledger (decision record 029).
//
// Rules (each raises 'testarena:<code>'):
// - the organiser is a verified public body or intermediary and the author one of its members; the
//   initiative, if any, is one the organiser owns or co-owns; the end follows the start and the
//   registration deadline is no later than the start (CHECKs) and not yet passed;
// - an event is never deleted; who organised it and when it was created never change; it is
//   cancelled only before it starts, with a reason, by a member of the organiser, and a cancelled or
//   started event changes no more; its capacity never drops below its confirmed registrations, and
//   a larger capacity gives the new seats to the waiting list in order;
// - a registration is made by a member of a company, before the deadline, for an event that is not
//   cancelled, and is 'confirmed' exactly when a seat is free and nobody waits, else 'waiting';
//   a waiting registration is confirmed only when there is a seat for it and for everyone before it
//   in the queue (so no code path skips the queue); a confirmed seat that is given up goes to the
//   first in the queue (trigger); a registration is cancelled by a member of its company before the
//   event starts, and is never deleted, revived or moved to another company or event;
// - attendance is recorded once, after the start, for a confirmed registration, by a member of the
//   organiser; 'attended' must point to the contact-ledger row (kind 'event', same company, the
//   organiser as author) written in the same transaction, 'no_show' to none;
// - status_log gets every status of an event and of a registration.
// Both tables get conflict guards (decision record 022).

const MEMBER = (org: string, user: string) => `EXISTS (SELECT 1 FROM memberships
  WHERE organisation_id = ${org} AND user_id = ${user})`

const OWNS = (initiative: string, org: string) => `(EXISTS (SELECT 1 FROM initiatives
  WHERE id = ${initiative} AND organisation_id = ${org})
  OR EXISTS (SELECT 1 FROM initiative_co_owners WHERE initiative_id = ${initiative}
  AND organisation_id = ${org} AND state = 'accepted'))`

const stampedNow = (col: string) => `abs(${col} - unixepoch()) <= 5`

const LETTERS = `'*[a-zA-ZåäöÅÄÖ]*[a-zA-ZåäöÅÄÖ]*[a-zA-ZåäöÅÄÖ]*[a-zA-ZåäöÅÄÖ]*[a-zA-ZåäöÅÄÖ]*'`

/** Free seats of an event: capacity minus confirmed registrations. */
const FREE = (event: string) => `((SELECT capacity FROM events WHERE id = ${event})
  - (SELECT count(*) FROM event_registrations WHERE event_id = ${event} AND status = 'confirmed'))`

/** Registrations of the event waiting before `id` in the queue. */
const AHEAD = (event: string, id: string) => `(SELECT count(*) FROM event_registrations
  WHERE event_id = ${event} AND status = 'waiting' AND id < ${id})`

/** Gives free seats to the waiting list, first come first served (all while the event is open). */
const PROMOTE = (event: string, seats: string) => `UPDATE event_registrations
  SET status = 'confirmed', promoted_at = unixepoch()
  WHERE id IN (SELECT id FROM event_registrations WHERE event_id = ${event} AND status = 'waiting'
    ORDER BY id LIMIT max(0, ${seats}))
    AND EXISTS (SELECT 1 FROM events WHERE id = ${event} AND status = 'published'
      AND unixepoch() < starts_at);`

const statements: string[] = [
  `CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    initiative_id INTEGER REFERENCES initiatives(id),
    kind TEXT NOT NULL CHECK (kind IN ('b2b_forum', 'study_visit', 'seminar', 'round_table')),
    title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 3 AND 200),
    description TEXT NOT NULL CHECK (length(trim(description)) BETWEEN 10 AND 8000),
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    venue TEXT NOT NULL DEFAULT '' CHECK (length(venue) <= 300),
    online INTEGER NOT NULL DEFAULT 0 CHECK (online IN (0, 1)),
    capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 5000),
    registration_deadline INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'cancelled')),
    cancel_reason TEXT,
    cancelled_at INTEGER,
    cancelled_by INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL,
    created_by INTEGER NOT NULL REFERENCES users(id),
    updated_at INTEGER NOT NULL,
    updated_by INTEGER NOT NULL REFERENCES users(id),
    CHECK (ends_at > starts_at AND registration_deadline <= starts_at),
    CHECK (length(trim(venue)) >= 2 OR online = 1),
    CHECK ((status = 'published' AND cancel_reason IS NULL AND cancelled_at IS NULL
        AND cancelled_by IS NULL)
      OR (status = 'cancelled' AND cancelled_at IS NOT NULL AND cancelled_by IS NOT NULL
        AND cancel_reason GLOB ${LETTERS} AND length(cancel_reason) <= 1000))
  ) STRICT`,
  `CREATE INDEX events_by_start ON events(starts_at, id)`,
  `CREATE INDEX events_by_organisation ON events(organisation_id, starts_at)`,
  `CREATE INDEX events_by_initiative ON events(initiative_id) WHERE initiative_id IS NOT NULL`,
  `CREATE TRIGGER events_organiser_verified BEFORE INSERT ON events
    WHEN NOT EXISTS (SELECT 1 FROM organisations WHERE id = NEW.organisation_id
      AND kind IN ('public_body', 'intermediary') AND verification_status = 'verified')
    BEGIN SELECT RAISE(ABORT, 'testarena:event_organiser_not_verified'); END`,
  `CREATE TRIGGER events_written_by_member BEFORE INSERT ON events
    WHEN NOT ${MEMBER('NEW.organisation_id', 'NEW.created_by')}
      OR NEW.updated_by IS NOT NEW.created_by
    BEGIN SELECT RAISE(ABORT, 'testarena:event_not_organiser'); END`,
  `CREATE TRIGGER events_not_past BEFORE INSERT ON events
    WHEN NEW.registration_deadline < unixepoch()
    BEGIN SELECT RAISE(ABORT, 'testarena:event_in_past'); END`,
  `CREATE TRIGGER events_created_now BEFORE INSERT ON events
    WHEN NOT ${stampedNow('NEW.created_at')} OR NEW.updated_at IS NOT NEW.created_at
      OR NEW.status <> 'published'
    BEGIN SELECT RAISE(ABORT, 'testarena:clock_mismatch'); END`,
  ...['INSERT', 'UPDATE OF initiative_id'].map(
    (
      op,
      i,
    ) => `CREATE TRIGGER events_initiative_owned_${i ? 'update' : 'insert'} BEFORE ${op} ON events
    WHEN NEW.initiative_id IS NOT NULL AND NOT ${OWNS('NEW.initiative_id', 'NEW.organisation_id')}
    BEGIN SELECT RAISE(ABORT, 'testarena:initiative_link_not_owner'); END`,
  ),
  `CREATE TRIGGER events_permanent BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'testarena:event_permanent'); END`,
  `CREATE TRIGGER events_creation_fixed BEFORE UPDATE OF id, organisation_id, created_at, created_by
    ON events
    WHEN NEW.id IS NOT OLD.id OR NEW.organisation_id IS NOT OLD.organisation_id
      OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
    BEGIN SELECT RAISE(ABORT, 'testarena:stamp_fixed'); END`,
  // Any change: by a member of the organiser, stamped now, while the event is open.
  `CREATE TRIGGER events_update BEFORE UPDATE ON events
    BEGIN SELECT CASE
      WHEN OLD.status = 'cancelled' OR unixepoch() >= OLD.starts_at
      THEN RAISE(ABORT, 'testarena:event_frozen')
      WHEN NOT ${MEMBER('OLD.organisation_id', 'NEW.updated_by')}
      THEN RAISE(ABORT, 'testarena:event_not_organiser')
      WHEN NOT ${stampedNow('NEW.updated_at')} THEN RAISE(ABORT, 'testarena:clock_mismatch')
      WHEN NEW.status = 'cancelled' AND (NEW.cancelled_by IS NOT NEW.updated_by
        OR NOT ${stampedNow('NEW.cancelled_at')})
      THEN RAISE(ABORT, 'testarena:event_not_organiser')
      WHEN NEW.capacity < (SELECT count(*) FROM event_registrations WHERE event_id = OLD.id
        AND status = 'confirmed')
      THEN RAISE(ABORT, 'testarena:event_capacity_below_confirmed')
    END; END`,
  `CREATE TRIGGER events_more_seats AFTER UPDATE OF capacity ON events
    WHEN NEW.capacity > OLD.capacity
    BEGIN ${PROMOTE('NEW.id', FREE('NEW.id'))} END`,
  `CREATE TRIGGER events_log_insert AFTER INSERT ON events
    BEGIN INSERT INTO status_log (entity_type, entity_id, from_status, to_status, actor_user_id)
      VALUES ('events', NEW.id, NULL, NEW.status, NEW.created_by); END`,
  `CREATE TRIGGER events_log_status AFTER UPDATE OF status ON events
    WHEN NEW.status IS NOT OLD.status
    BEGIN INSERT INTO status_log (entity_type, entity_id, from_status, to_status, actor_user_id)
      VALUES ('events', NEW.id, OLD.status, NEW.status, NEW.updated_by); END`,

  // One seat per company and event; the queue is the order of ids.
  `CREATE TABLE event_registrations (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id),
    company_id INTEGER NOT NULL REFERENCES organisations(id),
    registered_by INTEGER NOT NULL REFERENCES users(id),
    registered_at INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('confirmed', 'waiting', 'cancelled')),
    promoted_at INTEGER,
    cancelled_at INTEGER,
    cancelled_by INTEGER REFERENCES users(id),
    attendance TEXT CHECK (attendance IS NULL OR attendance IN ('attended', 'no_show')),
    attendance_recorded_at INTEGER,
    attendance_recorded_by INTEGER REFERENCES users(id),
    contact_id INTEGER REFERENCES company_contacts(id),
    CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL AND cancelled_by IS NOT NULL)),
    CHECK ((attendance IS NULL AND attendance_recorded_at IS NULL AND attendance_recorded_by IS NULL
        AND contact_id IS NULL)
      OR (attendance = 'attended' AND attendance_recorded_at IS NOT NULL
        AND attendance_recorded_by IS NOT NULL AND contact_id IS NOT NULL)
      OR (attendance = 'no_show' AND attendance_recorded_at IS NOT NULL
        AND attendance_recorded_by IS NOT NULL AND contact_id IS NULL))
  ) STRICT`,
  `CREATE UNIQUE INDEX event_registrations_one_seat ON event_registrations(event_id, company_id)
    WHERE status <> 'cancelled'`,
  `CREATE UNIQUE INDEX event_registrations_one_contact ON event_registrations(contact_id)
    WHERE contact_id IS NOT NULL`,
  `CREATE INDEX event_registrations_by_event ON event_registrations(event_id, status, id)`,
  `CREATE INDEX event_registrations_by_company ON event_registrations(company_id, event_id)`,
  `CREATE TRIGGER event_registrations_insert BEFORE INSERT ON event_registrations
    BEGIN SELECT CASE
      WHEN NOT EXISTS (SELECT 1 FROM organisations WHERE id = NEW.company_id AND kind = 'company')
      THEN RAISE(ABORT, 'testarena:event_registrant_not_company')
      WHEN NOT ${MEMBER('NEW.company_id', 'NEW.registered_by')}
      THEN RAISE(ABORT, 'testarena:not_company_member')
      WHEN EXISTS (SELECT 1 FROM events WHERE id = NEW.event_id AND status = 'cancelled')
      THEN RAISE(ABORT, 'testarena:event_cancelled')
      WHEN NOT EXISTS (SELECT 1 FROM events WHERE id = NEW.event_id
        AND unixepoch() <= registration_deadline)
      THEN RAISE(ABORT, 'testarena:event_registration_closed')
      WHEN NOT ${stampedNow('NEW.registered_at')} OR NEW.promoted_at IS NOT NULL
        OR NEW.cancelled_at IS NOT NULL OR NEW.attendance IS NOT NULL
      THEN RAISE(ABORT, 'testarena:clock_mismatch')
      WHEN NEW.status IS NOT (CASE WHEN ${FREE('NEW.event_id')} > 0
          AND NOT EXISTS (SELECT 1 FROM event_registrations WHERE event_id = NEW.event_id
            AND status = 'waiting')
        THEN 'confirmed' ELSE 'waiting' END)
        -- The queue is the order of ids: a new row never takes a place before the others.
        OR (NEW.id <> -1 AND NEW.id <= (SELECT coalesce(max(id), 0) FROM event_registrations))
      THEN RAISE(ABORT, 'testarena:event_queue_order')
    END; END`,
  `CREATE TRIGGER event_registrations_no_delete BEFORE DELETE ON event_registrations
    BEGIN SELECT RAISE(ABORT, 'testarena:event_registration_fixed'); END`,
  `CREATE TRIGGER event_registrations_fixed BEFORE UPDATE OF id, event_id, company_id,
    registered_by, registered_at ON event_registrations
    WHEN NEW.id IS NOT OLD.id OR NEW.event_id IS NOT OLD.event_id
      OR NEW.company_id IS NOT OLD.company_id OR NEW.registered_by IS NOT OLD.registered_by
      OR NEW.registered_at IS NOT OLD.registered_at
    BEGIN SELECT RAISE(ABORT, 'testarena:event_registration_fixed'); END`,
  // Status: waiting → confirmed in queue order; confirmed or waiting → cancelled by the company
  // before the start; nothing else.
  `CREATE TRIGGER event_registrations_status BEFORE UPDATE OF status, promoted_at, cancelled_at,
    cancelled_by ON event_registrations
    BEGIN SELECT CASE
      WHEN NEW.status IS OLD.status AND NEW.promoted_at IS OLD.promoted_at
        AND NEW.cancelled_at IS OLD.cancelled_at AND NEW.cancelled_by IS OLD.cancelled_by
      THEN NULL
      WHEN OLD.status = 'cancelled' OR NEW.status = 'waiting'
      THEN RAISE(ABORT, 'testarena:event_registration_fixed')
      WHEN EXISTS (SELECT 1 FROM events WHERE id = OLD.event_id
        AND (status = 'cancelled' OR unixepoch() >= starts_at))
      THEN RAISE(ABORT, 'testarena:event_frozen')
      WHEN NEW.status = 'confirmed' AND (OLD.status <> 'waiting'
        OR NOT coalesce(${stampedNow('NEW.promoted_at')}, 0) OR NEW.cancelled_at IS NOT NULL)
      THEN RAISE(ABORT, 'testarena:event_registration_fixed')
      WHEN NEW.status = 'confirmed' AND ${AHEAD('OLD.event_id', 'OLD.id')} >= ${FREE('OLD.event_id')}
      THEN RAISE(ABORT, 'testarena:event_queue_order')
      WHEN NEW.status = 'cancelled' AND (NOT ${MEMBER('OLD.company_id', 'NEW.cancelled_by')}
        OR NOT coalesce(${stampedNow('NEW.cancelled_at')}, 0) OR NEW.promoted_at IS NOT OLD.promoted_at)
      THEN RAISE(ABORT, 'testarena:not_company_member')
    END; END`,
  // A seat given up goes to the first in the queue.
  `CREATE TRIGGER event_registrations_seat_freed AFTER UPDATE OF status ON event_registrations
    WHEN OLD.status = 'confirmed' AND NEW.status = 'cancelled'
    BEGIN ${PROMOTE('NEW.event_id', FREE('NEW.event_id'))} END`,
  // Attendance: once, after the start, for a confirmed seat, by the organiser, into the ledger.
  `CREATE TRIGGER event_registrations_attendance BEFORE UPDATE OF attendance,
    attendance_recorded_at, attendance_recorded_by, contact_id ON event_registrations
    WHEN NEW.attendance IS NOT OLD.attendance OR NEW.attendance_recorded_at IS NOT OLD.attendance_recorded_at
      OR NEW.attendance_recorded_by IS NOT OLD.attendance_recorded_by
      OR NEW.contact_id IS NOT OLD.contact_id
    BEGIN SELECT CASE
      WHEN OLD.attendance IS NOT NULL OR NEW.attendance IS NULL
      THEN RAISE(ABORT, 'testarena:event_attendance_fixed')
      WHEN OLD.status <> 'confirmed' OR NEW.status <> 'confirmed'
      THEN RAISE(ABORT, 'testarena:event_attendance_confirmed_only')
      WHEN NOT EXISTS (SELECT 1 FROM events WHERE id = OLD.event_id AND status = 'published'
        AND unixepoch() >= starts_at)
      THEN RAISE(ABORT, 'testarena:event_not_started')
      WHEN NOT EXISTS (SELECT 1 FROM events e JOIN memberships m ON m.organisation_id = e.organisation_id
        WHERE e.id = OLD.event_id AND m.user_id = NEW.attendance_recorded_by)
      THEN RAISE(ABORT, 'testarena:event_not_organiser')
      WHEN NOT coalesce(${stampedNow('NEW.attendance_recorded_at')}, 0)
      THEN RAISE(ABORT, 'testarena:clock_mismatch')
      WHEN NEW.attendance = 'attended' AND NOT EXISTS (SELECT 1 FROM company_contacts k
        JOIN events e ON e.id = OLD.event_id
        WHERE k.id = NEW.contact_id AND k.kind = 'event' AND k.company_id = OLD.company_id
          AND k.author_organisation_id = e.organisation_id)
      THEN RAISE(ABORT, 'testarena:event_attendance_needs_contact')
    END; END`,
  `CREATE TRIGGER event_registrations_log_insert AFTER INSERT ON event_registrations
    BEGIN INSERT INTO status_log (entity_type, entity_id, from_status, to_status, actor_user_id)
      VALUES ('event_registrations', NEW.id, NULL, NEW.status, NEW.registered_by); END`,
  `CREATE TRIGGER event_registrations_log_status AFTER UPDATE OF status ON event_registrations
    WHEN NEW.status IS NOT OLD.status
    BEGIN INSERT INTO status_log (entity_type, entity_id, from_status, to_status, actor_user_id)
      VALUES ('event_registrations', NEW.id, OLD.status, NEW.status,
        CASE WHEN NEW.status = 'cancelled' THEN NEW.cancelled_by END); END`,
]

// The conflict guards, made as 2026-12-07-08-conflict-guards makes them (decision record 022).
const GUARDED = ['events', 'event_registrations']

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
  for (const table of GUARDED) {
    for (const guard of guards(table, await shapeOf(db, table))) await sql.raw(guard).execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP TABLE event_registrations').execute(db)
  await sql.raw('DROP TABLE events').execute(db)
}
