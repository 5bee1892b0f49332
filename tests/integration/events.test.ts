import { afterEach, describe, expect, test } from 'vitest'
import { saveContactSettings } from '~/models/contacts.server'
import { visibleContactsOfCompany } from '~/models/contact-reads.server'
import { registerCompany } from '~/models/events.server'
import { loader as listLoader } from '~/routes/events._index/route'
import { action as eventAction, loader as eventLoader } from '~/routes/events.$eventId._index/route'
import {
  action as attendanceAction,
  loader as attendanceLoader,
} from '~/routes/events.$eventId.attendance/route'
import { loader as icsLoader } from '~/routes/events.$eventId.ics/route'
import {
  action as orgEventsAction,
  loader as orgEventsLoader,
} from '~/routes/organisations.$slug.events/route'
import { now, setClockOffset } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { toStockholmDateTimeInput } from '~/utils/stockholm-time'
import { DAY, createTestEvent } from '../helpers/event-factories'
import { sessionCookieFor } from '../helpers/factories'
import { mailsTo } from '../helpers/inspect'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import { createCompany, createHost } from '../helpers/test-bed-factories'

// Events' pages and who sees what (decision record 031): publishing, the public list and page,
// registration and the waiting list per role, cancellation and promotion with mail, the calendar
// file, and attendance entering the contact ledger under the company's sharing choice.

const db = getDb()
afterEach(() => setClockOffset(0))

const cookie = (userId: number) => sessionCookieFor(db, userId)

async function page(eventId: number, userId: number | null) {
  const headers = userId ? { cookie: await cookie(userId) } : {}
  const request = getRequest(`/events/${eventId}`, headers)
  return run(() => eventLoader(loaderArgs(request, { eventId: String(eventId) })))
}

async function post(eventId: number, userId: number, fields: Record<string, string>) {
  const request = formRequest(`/events/${eventId}`, fields, { cookie: await cookie(userId) })
  return run(() => eventAction(actionArgs(request, { eventId: String(eventId) })))
}

describe('publishing', () => {
  test('a verified body publishes; a company gets 404; bad input keeps the values', async () => {
    const host = await createHost(db)
    const company = await createCompany(db)
    const path = `/organisations/${host.org.slug}/events`
    const fields = {
      kind: 'study_visit',
      title: 'Studiebesök hos Polarsensor',
      description: 'Ett besök i produktionen och samtal om testmiljöer.',
      starts_at: toStockholmDateTimeInput(now() + 20 * DAY),
      ends_at: toStockholmDateTimeInput(now() + 20 * DAY - 3600),
      registration_deadline: toStockholmDateTimeInput(now() + 15 * DAY),
      venue: '',
      capacity: '15',
    }
    const submit = async (userId: number, values: Record<string, string>) =>
      run(async () =>
        orgEventsAction(
          actionArgs(formRequest(path, values, { cookie: await cookie(userId) }), {
            slug: host.org.slug,
          }),
        ),
      )
    const refused = await submit(host.user.id, fields)
    expect(statusOf(refused)).toBe(400)
    const result = formResult(refused)
    expect(result.error).toMatchObject({
      ends_at: ['events.form.error.endBeforeStart'],
      venue: ['events.form.error.place'],
    })
    expect(result.initialValue).toMatchObject({ title: 'Studiebesök hos Polarsensor' })
    const made = await submit(host.user.id, {
      ...fields,
      ends_at: toStockholmDateTimeInput(now() + 20 * DAY + 3600),
      online: 'on',
    })
    expect(headerOf(made, 'Location')).toMatch(/^\/events\/\d+\?notice=published$/)
    expect(statusOf(await submit(company.user.id, fields))).toBe(404)
    const list = await run(async () =>
      orgEventsLoader(
        loaderArgs(getRequest(path, { cookie: await cookie(company.user.id) }), {
          slug: host.org.slug,
        }),
      ),
    )
    expect(statusOf(list)).toBe(404)
  })
})

describe('registration and the waiting list', () => {
  test('per role: counts for all, own seat for the company, the list for the organiser', async () => {
    const host = await createHost(db)
    const event = await createTestEvent(db, host)
    const [a, b, c] = [await createCompany(db), await createCompany(db), await createCompany(db)]
    for (const company of [a, b, c]) {
      const answer = await post(event.id, company.user.id, {
        intent: 'register',
        company_id: String(company.org.id),
      })
      expect(statusOf(answer)).toBe(302)
    }
    expect(await mailsTo(db, c.user.email, 'event_waiting')).toHaveLength(1)
    expect(await mailsTo(db, a.user.email, 'event_registered')).toHaveLength(1)

    const anonymous = dataOf(await page(event.id, null))
    expect(anonymous.page.event).toMatchObject({ confirmed: 2, waiting: 1, capacity: 2 })
    expect(anonymous.page.registrations).toEqual([])
    const third = dataOf(await page(event.id, c.user.id))
    expect(third.page.registrations).toEqual([])
    expect(third.page.companies).toEqual([
      expect.objectContaining({
        id: c.org.id,
        registration: expect.objectContaining({ status: 'waiting', place: 1 }),
      }),
    ])
    const organiser = dataOf(await page(event.id, host.user.id))
    expect(
      organiser.page.registrations.map((r: { company_name: string; status: string }) => [
        r.company_name,
        r.status,
      ]),
    ).toEqual([
      [a.org.name, 'confirmed'],
      [b.org.name, 'confirmed'],
      [c.org.name, 'waiting'],
    ])
    const list = await listLoader()
    expect(list.upcoming.find((e) => e.id === event.id)).toMatchObject({ confirmed: 2, waiting: 1 })

    // Another company cannot cancel someone else's seat: 404.
    const aSeat = dataOf(await page(event.id, a.user.id)).page.companies[0].registration
    expect(
      statusOf(
        await post(event.id, c.user.id, {
          intent: 'cancel_registration',
          registration_id: String(aSeat.id),
        }),
      ),
    ).toBe(404)
    // The seat's own company cancels: the first in the queue gets it and a mail.
    const cancelled = await post(event.id, a.user.id, {
      intent: 'cancel_registration',
      registration_id: String(aSeat.id),
    })
    expect(headerOf(cancelled, 'Location')).toBe(`/events/${event.id}?notice=cancelled`)
    expect(await mailsTo(db, c.user.email, 'event_promoted')).toHaveLength(1)
    const promoted = dataOf(await page(event.id, c.user.id))
    expect(promoted.page.companies[0].registration).toMatchObject({ status: 'confirmed' })
  })

  test('after the deadline the form answers 400 with the reason', async () => {
    const host = await createHost(db)
    const event = await createTestEvent(db, host)
    const company = await createCompany(db)
    setClockOffset(8 * DAY)
    const answer = await post(event.id, company.user.id, {
      intent: 'register',
      company_id: String(company.org.id),
    })
    expect(statusOf(answer)).toBe(400)
    expect(dataOf(answer).error).toBe('errors.domain.event_registration_closed')
    expect(dataOf(await page(event.id, company.user.id)).page.registrationOpen).toBe(false)
  })

  test('the organiser cancels with a reason; everyone registered is told', async () => {
    const host = await createHost(db)
    const event = await createTestEvent(db, host)
    const company = await createCompany(db)
    await registerCompany(db, {
      eventId: event.id,
      companyId: company.org.id,
      userId: company.user.id,
    })
    const short = await post(event.id, host.user.id, { intent: 'cancel_event', reason: 'Nej' })
    expect(statusOf(short)).toBe(400)
    expect(formResult(short).error?.reason).toContain('errors.tooShort')
    expect(
      statusOf(
        await post(event.id, company.user.id, {
          intent: 'cancel_event',
          reason: 'Vi kan inte komma alls.',
        }),
      ),
    ).toBe(404)
    const done = await post(event.id, host.user.id, {
      intent: 'cancel_event',
      reason: 'Lokalen är inte tillgänglig den dagen.',
    })
    expect(headerOf(done, 'Location')).toBe(`/events/${event.id}?notice=eventCancelled`)
    const [mail] = await mailsTo(db, company.user.email, 'event_cancelled')
    expect(mail?.text_body).toContain('Lokalen är inte tillgänglig den dagen.')
    // The calendar file says so too, with a higher sequence, under the same UID.
    const ics = (await run(() =>
      icsLoader(loaderArgs(getRequest(`/events/${event.id}/ics`), { eventId: String(event.id) })),
    )) as Response
    const body = await ics.text()
    expect(body).toContain('STATUS:CANCELLED')
    expect(body).toContain('SEQUENCE:1')
    expect(body).toContain(`UID:event-${event.id}@localhost:3000`)
  })
})

describe('the calendar file', () => {
  test('text/calendar, UTC times, a stable UID; 404 for an unknown event', async () => {
    const host = await createHost(db)
    const event = await createTestEvent(db, host, { title: 'Rundabordssamtal, Luleå' })
    const ics = async (id: string) =>
      run(() => icsLoader(loaderArgs(getRequest(`/events/${id}/ics`), { eventId: id })))
    const answer = (await ics(String(event.id))) as Response
    expect(answer.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8')
    const body = await answer.text()
    const row = await db
      .selectFrom('events')
      .select(['starts_at', 'ends_at'])
      .where('id', '=', event.id)
      .executeTakeFirstOrThrow()
    const utc = (s: number) =>
      new Date(s * 1000)
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '')
    expect(body).toContain('BEGIN:VEVENT')
    expect(body).toContain(`UID:event-${event.id}@localhost:3000`)
    expect(body).toContain(`DTSTART:${utc(row.starts_at)}`)
    expect(body).toContain(`DTEND:${utc(row.ends_at)}`)
    expect(body).toContain('SUMMARY:Rundabordssamtal\\, Luleå')
    expect(body).toContain('STATUS:CONFIRMED')
    expect(statusOf(await ics('999999'))).toBe(404)
    expect(statusOf(await ics('abc'))).toBe(404)
  })
})

describe('attendance', () => {
  test('the organiser records it after the start; it enters the ledger under the company’s choice', async () => {
    const host = await createHost(db)
    const otherBody = await createHost(db)
    const event = await createTestEvent(db, host)
    const sharing = await createCompany(db)
    const private_ = await createCompany(db)
    await saveContactSettings(db, {
      companyId: sharing.org.id,
      userId: sharing.user.id,
      input: {
        share_contacts: true,
        preferred_channel: 'no_preference',
        preference_note: '',
        not_before: null,
      },
    })
    const seats = []
    for (const company of [sharing, private_]) {
      seats.push(
        await registerCompany(db, {
          eventId: event.id,
          companyId: company.org.id,
          userId: company.user.id,
        }),
      )
    }
    const path = `/events/${event.id}/attendance`
    const load = async (userId: number) =>
      run(async () =>
        attendanceLoader(
          loaderArgs(getRequest(path, { cookie: await cookie(userId) }), {
            eventId: String(event.id),
          }),
        ),
      )
    expect(statusOf(await load(sharing.user.id))).toBe(404)
    expect(dataOf(await load(host.user.id)).started).toBe(false)
    setClockOffset(10 * DAY + 3600)
    const submit = async (fields: Record<string, string>) =>
      run(async () =>
        attendanceAction(
          actionArgs(formRequest(path, fields, { cookie: await cookie(host.user.id) }), {
            eventId: String(event.id),
          }),
        ),
      )
    const none = await submit({})
    expect(statusOf(none)).toBe(400)
    expect(dataOf(none).error).toBe('events.attendance.error.none')
    const saved = await submit({
      [`r-${seats[0]!.id}`]: 'attended',
      [`r-${seats[1]!.id}`]: 'attended',
    })
    expect(headerOf(saved, 'Location')).toBe(`${path}?notice=saved`)

    const seen = async (companyId: number, userId: number | null) =>
      (await visibleContactsOfCompany(db, { companyId, userId })).map((k) => k.kind)
    // The organiser and the company itself see the attendance.
    expect(await seen(private_.org.id, host.user.id)).toEqual(['event'])
    expect(await seen(private_.org.id, private_.user.id)).toEqual(['event'])
    // Another verified body sees it only where the company shares; another company never.
    expect(await seen(sharing.org.id, otherBody.user.id)).toEqual(['event'])
    expect(await seen(private_.org.id, otherBody.user.id)).toEqual([])
    expect(await seen(private_.org.id, sharing.user.id)).toEqual([])
    expect(await seen(private_.org.id, null)).toEqual([])
  })
})
