import Database from 'better-sqlite3'
import { sql } from 'kysely'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { cancelRegistration, recordAttendance, registerCompany } from '~/models/events.server'
import { now, setClockOffset } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { DAY, createTestEvent, eventInput } from '../helpers/event-factories'
import { createOrganisation } from '../helpers/factories'
import { rawError } from '../helpers/inspect'
import { createCompany, createHost, createMemberOf } from '../helpers/test-bed-factories'

// The events' rules (migration 2026-12-07-14-events, decision record 031), attacked with SQL no
// model wrote: through Kysely and through a plain connection (foreign keys and recursive triggers
// off, like a sqlite3 shell) with INSERT, UPDATE, DELETE, REPLACE and ON CONFLICT.

const db = getDb()
let plain: Database.Database
let host: Awaited<ReturnType<typeof createHost>>

beforeAll(async () => {
  plain = new Database(process.env.DATABASE_PATH!)
  plain.pragma('foreign_keys = OFF')
  host = await createHost(db)
})
afterAll(() => plain.close())
afterEach(() => setClockOffset(0))

const run =
  (statement: string, ...params: unknown[]) =>
  () =>
    Promise.resolve(plain.prepare(statement).run(...params))

const statusOf = (id: number) =>
  plain.prepare('SELECT status FROM event_registrations WHERE id = ?').pluck().get(id)

/** A full two-seat event: two confirmed companies and two waiting, in that order. */
async function fullEvent() {
  const event = await createTestEvent(db, host)
  const companies = [
    await createCompany(db),
    await createCompany(db),
    await createCompany(db),
    await createCompany(db),
  ]
  const seats = []
  for (const c of companies) {
    seats.push(
      await registerCompany(db, { eventId: event.id, companyId: c.org.id, userId: c.user.id }),
    )
  }
  return { event, companies, seats }
}

function rawInsertEvent(organisationId: number, userId: number, deadline = 'unixepoch() + 3600') {
  return run(`INSERT INTO events (organisation_id, kind, title, description, starts_at, ends_at,
    venue, capacity, registration_deadline, created_at, created_by, updated_at, updated_by)
    VALUES (${organisationId}, 'seminar', 'Seminarium', 'Ett seminarium om digitalisering.',
    unixepoch() + 86400, unixepoch() + 90000, 'Luleå', 10, ${deadline}, unixepoch(), ${userId},
    unixepoch(), ${userId})`)
}

describe('publishing', () => {
  test('only a verified body’s member publishes, before the deadline, in order', async () => {
    const company = await createCompany(db)
    expect(await rawError(rawInsertEvent(company.org.id, company.user.id))).toMatch(
      /event_organiser_not_verified/,
    )
    const pendingUser = await createMemberOf(db, host.org.id)
    const pending = await createOrganisation(db, {
      kind: 'intermediary',
      adminUserId: pendingUser.id,
    })
    expect(await rawError(rawInsertEvent(pending.id, pendingUser.id))).toMatch(
      /event_organiser_not_verified/,
    )
    expect(await rawError(rawInsertEvent(host.org.id, company.user.id))).toMatch(
      /event_not_organiser/,
    )
    expect(await rawError(rawInsertEvent(host.org.id, host.user.id, 'unixepoch() - 60'))).toMatch(
      /event_in_past/,
    )
    expect(
      await rawError(() =>
        createTestEvent(db, host, { ends_at: now() + DAY, starts_at: now() + 2 * DAY }),
      ),
    ).toMatch(/CHECK constraint failed/)
  })

  test('an event is never deleted, its organiser never changes, a started one is frozen', async () => {
    const event = await createTestEvent(db, host)
    const other = await createHost(db)
    expect(await rawError(run(`DELETE FROM events WHERE id = ${event.id}`))).toMatch(
      /event_permanent/,
    )
    expect(
      await rawError(
        run(`UPDATE events SET organisation_id = ${other.org.id} WHERE id = ?`, event.id),
      ),
    ).toMatch(/stamp_fixed/)
    expect(
      await rawError(
        run(
          `UPDATE events SET title = 'Annat', updated_at = unixepoch(), updated_by = ?
          WHERE id = ?`,
          other.user.id,
          event.id,
        ),
      ),
    ).toMatch(/event_not_organiser/)
    plain
      .prepare(
        `UPDATE events SET starts_at = unixepoch() - 60, registration_deadline = unixepoch() - 120,
        updated_at = unixepoch(), updated_by = ? WHERE id = ?`,
      )
      .run(host.user.id, event.id)
    expect(
      await rawError(
        run(
          `UPDATE events SET title = 'Annat', updated_at = unixepoch(), updated_by = ?
          WHERE id = ?`,
          host.user.id,
          event.id,
        ),
      ),
    ).toMatch(/event_frozen/)
  })

  test('a cancellation needs a reason in words and the organiser', async () => {
    const event = await createTestEvent(db, host)
    const cancel = (reason: string, by: number) =>
      run(
        `UPDATE events SET status = 'cancelled', cancel_reason = ?, cancelled_at = unixepoch(),
        cancelled_by = ?, updated_at = unixepoch(), updated_by = ? WHERE id = ?`,
        reason,
        by,
        by,
        event.id,
      )
    expect(await rawError(cancel('... 1234', host.user.id))).toMatch(/CHECK constraint failed/)
    const stranger = await createCompany(db)
    expect(await rawError(cancel('Talaren är sjuk.', stranger.user.id))).toMatch(
      /event_not_organiser/,
    )
    await cancel('Talaren är sjuk.', host.user.id)()
    const company = await createCompany(db)
    expect(
      await rawError(() =>
        registerCompany(db, {
          eventId: event.id,
          companyId: company.org.id,
          userId: company.user.id,
        }),
      ),
    ).toMatch(/event_cancelled/)
    expect(
      plain
        .prepare(
          `SELECT from_status, to_status FROM status_log WHERE entity_type = 'events'
          AND entity_id = ? ORDER BY id`,
        )
        .all(event.id),
    ).toEqual([
      { from_status: null, to_status: 'published' },
      { from_status: 'published', to_status: 'cancelled' },
    ])
  })
})

describe('capacity and the queue', () => {
  test('two confirmed, then the queue; a raw seat or a queue jump is refused', async () => {
    const { event, companies, seats } = await fullEvent()
    expect(seats.map((s) => s.status)).toEqual(['confirmed', 'confirmed', 'waiting', 'waiting'])
    const late = await createCompany(db)
    const insert = (status: string, id = 'NULL') =>
      run(
        `INSERT INTO event_registrations (id, event_id, company_id, registered_by, registered_at,
        status) VALUES (${id}, ?, ?, ?, unixepoch(), ?)`,
        event.id,
        late.org.id,
        late.user.id,
        status,
      )
    expect(await rawError(insert('confirmed'))).toMatch(/event_queue_order/)
    // Waiting ids must follow the queue: no room before the others.
    expect(await rawError(insert('waiting', String(seats[2]!.id - 1)))).toMatch(
      /row_exists|event_queue_order/,
    )
    // The second in the queue cannot take a seat, nor the first while none is free.
    for (const seat of [seats[3]!, seats[2]!]) {
      expect(
        await rawError(
          run(
            `UPDATE event_registrations SET status = 'confirmed', promoted_at = unixepoch()
            WHERE id = ?`,
            seat.id,
          ),
        ),
      ).toMatch(/event_queue_order/)
    }
    expect(
      await rawError(
        run(`UPDATE event_registrations SET status = 'waiting' WHERE id = ?`, seats[0]!.id),
      ),
    ).toMatch(/event_registration_fixed/)
    expect(
      await rawError(
        run(
          `UPDATE event_registrations SET company_id = ? WHERE id = ?`,
          late.org.id,
          seats[0]!.id,
        ),
      ),
    ).toMatch(/event_registration_fixed/)
    expect(
      await rawError(run(`DELETE FROM event_registrations WHERE id = ?`, seats[0]!.id)),
    ).toMatch(/event_registration_fixed/)
    // A second seat for the same company.
    expect(
      await rawError(() =>
        registerCompany(db, {
          eventId: event.id,
          companyId: companies[0]!.org.id,
          userId: companies[0]!.user.id,
        }),
      ),
    ).toMatch(/event_already_registered/)
  })

  test('a seat given up in a sqlite3 shell still goes to the first in the queue', async () => {
    const { companies, seats } = await fullEvent()
    // Someone else's member cannot cancel it.
    expect(
      await rawError(
        run(
          `UPDATE event_registrations SET status = 'cancelled', cancelled_at = unixepoch(),
          cancelled_by = ? WHERE id = ?`,
          companies[1]!.user.id,
          seats[0]!.id,
        ),
      ),
    ).toMatch(/not_company_member/)
    plain
      .prepare(
        `UPDATE event_registrations SET status = 'cancelled', cancelled_at = unixepoch(),
        cancelled_by = ? WHERE id = ?`,
      )
      .run(companies[0]!.user.id, seats[0]!.id)
    expect([seats[0]!.id, seats[2]!.id, seats[3]!.id].map(statusOf)).toEqual([
      'cancelled',
      'confirmed',
      'waiting',
    ])
    expect(
      await rawError(
        run(
          `UPDATE event_registrations SET status = 'confirmed', promoted_at = unixepoch(),
          cancelled_at = NULL, cancelled_by = NULL WHERE id = ?`,
          seats[0]!.id,
        ),
      ),
    ).toMatch(/event_registration_fixed/)
    expect(
      plain
        .prepare(
          `SELECT from_status, to_status, actor_user_id FROM status_log
          WHERE entity_type = 'event_registrations' AND entity_id = ? ORDER BY id`,
        )
        .all(seats[2]!.id),
    ).toEqual([
      { from_status: null, to_status: 'waiting', actor_user_id: companies[2]!.user.id },
      { from_status: 'waiting', to_status: 'confirmed', actor_user_id: null },
    ])
  })

  test('the app’s cancellation promotes and mails; more seats go to the queue in order', async () => {
    const { event, companies, seats } = await fullEvent()
    const { promoted } = await cancelRegistration(db, {
      registrationId: seats[1]!.id,
      userId: companies[1]!.user.id,
    })
    expect(promoted).toEqual([seats[2]!.id])
    expect(
      await rawError(
        run(
          `UPDATE events SET capacity = 1, updated_at = unixepoch(), updated_by = ? WHERE id = ?`,
          host.user.id,
          event.id,
        ),
      ),
    ).toMatch(/event_capacity_below_confirmed/)
    const more = await createCompany(db)
    await registerCompany(db, { eventId: event.id, companyId: more.org.id, userId: more.user.id })
    plain
      .prepare(
        `UPDATE events SET capacity = 4, updated_at = unixepoch(), updated_by = ? WHERE id = ?`,
      )
      .run(host.user.id, event.id)
    const statuses = plain
      .prepare(`SELECT status FROM event_registrations WHERE event_id = ? ORDER BY id`)
      .pluck()
      .all(event.id)
    expect(statuses).toEqual(['confirmed', 'cancelled', 'confirmed', 'confirmed', 'confirmed'])
  })
})

describe('the deadline and the start', () => {
  test('no registration after the deadline; no cancellation after the start', async () => {
    const { event, companies, seats } = await fullEvent()
    setClockOffset(8 * DAY)
    const late = await createCompany(db)
    expect(
      await rawError(() =>
        registerCompany(db, { eventId: event.id, companyId: late.org.id, userId: late.user.id }),
      ),
    ).toMatch(/event_registration_closed/)
    expect(
      await rawError(() =>
        sql`INSERT INTO event_registrations (event_id, company_id, registered_by, registered_at,
          status) VALUES (${event.id}, ${late.org.id}, ${late.user.id}, unixepoch(), 'waiting')`.execute(
          db,
        ),
      ),
    ).toMatch(/event_registration_closed/)
    setClockOffset(11 * DAY)
    expect(
      await rawError(() =>
        cancelRegistration(db, { registrationId: seats[0]!.id, userId: companies[0]!.user.id }),
      ),
    ).toMatch(/event_frozen/)
  })
})

describe('attendance', () => {
  test('once, after the start, for a confirmed seat, by the organiser, with its ledger row', async () => {
    const { event, companies, seats } = await fullEvent()
    const mark = (
      registrationId: number,
      attendance: 'attended' | 'no_show',
      userId = host.user.id,
    ) =>
      recordAttendance(db, {
        eventId: event.id,
        userId,
        locale: 'sv',
        marks: [{ registrationId, attendance }],
      })
    expect(await rawError(() => mark(seats[0]!.id, 'attended'))).toMatch(/event_not_started/)
    setClockOffset(10 * DAY + 60)
    expect(await rawError(() => mark(seats[0]!.id, 'attended', companies[0]!.user.id))).toMatch(
      /not_found/,
    )
    expect(await rawError(() => mark(seats[2]!.id, 'attended'))).toMatch(
      /event_attendance_confirmed_only/,
    )
    const attend = (id: number, contact: string) =>
      sql`UPDATE event_registrations SET attendance = 'attended', attendance_recorded_at = unixepoch(),
        attendance_recorded_by = ${host.user.id}, contact_id = ${sql.raw(contact)}
        WHERE id = ${id}`.execute(db)
    expect(await rawError(() => attend(seats[0]!.id, 'NULL'))).toMatch(
      /event_attendance_needs_contact/,
    )
    // A ledger row about another company does not count.
    const other = await sql<{ id: number }>`INSERT INTO company_contacts (author_organisation_id,
      company_id, contacted_on, kind, purpose, recorded_by, recorded_at, acknowledged_at)
      VALUES (${host.org.id}, ${companies[1]!.org.id}, date(unixepoch(), 'unixepoch'), 'event',
      'Deltog i forumet i Luleå.', ${host.user.id}, unixepoch(), unixepoch()) RETURNING id`.execute(
      db,
    )
    expect(await rawError(() => attend(seats[0]!.id, String(other.rows[0]!.id)))).toMatch(
      /event_attendance_needs_contact/,
    )
    await mark(seats[0]!.id, 'attended')
    await mark(seats[1]!.id, 'no_show')
    const contact = await db
      .selectFrom('event_registrations as r')
      .innerJoin('company_contacts as k', 'k.id', 'r.contact_id')
      .select(['k.kind', 'k.company_id', 'k.author_organisation_id', 'k.purpose'])
      .where('r.id', '=', seats[0]!.id)
      .executeTakeFirstOrThrow()
    expect(contact).toEqual({
      kind: 'event',
      company_id: companies[0]!.org.id,
      author_organisation_id: host.org.id,
      purpose: `Deltog i evenemanget ${eventInput().title}`,
    })
    expect(
      await rawError(
        run(
          `UPDATE event_registrations SET attendance = 'no_show', contact_id = NULL,
          attendance_recorded_at = unixepoch() WHERE id = ?`,
          seats[0]!.id,
        ),
      ),
    ).toMatch(/event_attendance_fixed/)
    // Recording again skips what is recorded: nothing new in the ledger.
    const before = await db.selectFrom('company_contacts').select('id').execute()
    await mark(seats[0]!.id, 'attended')
    expect(await db.selectFrom('company_contacts').select('id').execute()).toHaveLength(
      before.length,
    )
  })
})

describe('conflict guards', () => {
  test.each(['events', 'event_registrations'])(
    '%s: REPLACE and ON CONFLICT cannot overwrite a row',
    async (table) => {
      await fullEvent()
      const first = `SELECT * FROM ${table} ORDER BY id LIMIT 1`
      for (const statement of [
        `REPLACE INTO ${table} ${first}`,
        `INSERT OR REPLACE INTO ${table} ${first}`,
        `INSERT INTO ${table} ${first} ON CONFLICT DO UPDATE SET status = 'cancelled'`,
        `INSERT INTO ${table} ${first} ON CONFLICT DO NOTHING`,
      ]) {
        expect(await rawError(run(statement))).toMatch(/row_exists/)
      }
      expect(
        await rawError(
          run(`UPDATE OR REPLACE ${table} SET id = (SELECT min(id) FROM ${table})
          WHERE id = (SELECT max(id) FROM ${table})`),
        ),
      ).toMatch(/row_exists/)
    },
  )
})
