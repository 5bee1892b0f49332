import ICAL from 'ical.js'
import { describe, expect, test } from 'vitest'
import { xml2js, type Element } from 'xml-js'
import { loader as callsFeedLoader } from '~/routes/calls[.atom]/route'
import { loader as testBedsFeedLoader } from '~/routes/test-beds[.atom]/route'
import { loader as referencesFeedLoader } from '~/routes/references[.atom]/route'
import { loader as initiativesFeedLoader } from '~/routes/initiatives[.atom]/route'
import { loader as eventsFeedLoader } from '~/routes/events[.atom]/route'
import { loader as callCalendarLoader } from '~/routes/calls.$callId.calendar[.ics]/route'
import { loader as offerCalendarLoader } from '~/routes/test-beds.$offerId.calendar[.ics]/route'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { toStockholmDateTimeInput } from '~/utils/stockholm-time'
import { createBuyer, createCall, DAY } from '../helpers/call-factories'
import { createHost, createOffer } from '../helpers/test-bed-factories'
import { createReference } from '../helpers/reference-factories'
import { createTestEvent } from '../helpers/event-factories'
import { INPUT } from '../helpers/initiative-factories'
import { createInitiative } from '~/models/initiatives.server'
import { getRequest, loaderArgs, run } from '../helpers/requests'
import { statusOf } from '../helpers/responses'

// Atom feeds of the public lists and calendar files of calls and test beds (decision record 038):
// what is produced is parsed (xml-js, ical.js), not only searched for substrings.

const db = getDb()
const ORIGIN = 'http://localhost:3000'

const children = (el: Element | undefined, name: string): Element[] =>
  (el?.elements ?? []).filter((e) => e.name === name)
const child = (el: Element | undefined, name: string) => children(el, name)[0]
const text = (el: Element | undefined): string =>
  (el?.elements ?? []).map((e) => String(e.text ?? e.cdata ?? '')).join('')

async function atom(loader: typeof callsFeedLoader, path: string) {
  const response = (await run(() => loader(loaderArgs(getRequest(path))))) as Response
  expect(response.status).toBe(200)
  expect(response.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8')
  const doc = xml2js(await response.text()) as Element
  const feed = child(doc, 'feed')
  expect(feed?.attributes?.xmlns).toBe('http://www.w3.org/2005/Atom')
  return feed
}

async function calendar(response: unknown) {
  expect(statusOf(response as Response)).toBe(200)
  const body = await (response as Response).text()
  const vcalendar = new ICAL.Component(ICAL.parse(body))
  return { body, events: vcalendar.getAllSubcomponents('vevent') }
}

describe('Atom feeds of the lists', () => {
  test('calls: structure, ids, links, updated, author, escaping; the list’s filters', async () => {
    const buyer = await createBuyer(db)
    const { call: tricky } = await createCall(db, buyer, {
      title: 'Sensorer & larm <script>alert(1)</script>',
      themes: ['welfare_technology'],
    })
    const { call: other } = await createCall(db, buyer, {
      title: 'Smarta effektvakter',
      themes: ['energy'],
    })
    await createCall(db, buyer, { title: 'Utkast som inte syns', status: 'draft' })

    const feed = await atom(callsFeedLoader, '/calls.atom?lang=sv')
    expect(text(child(feed, 'title'))).toBe('Upphandlingar på Testarena')
    expect(text(child(feed, 'id'))).toBe(`${ORIGIN}/calls.atom?lang=sv`)
    const self = children(feed, 'link').find((l) => l.attributes?.rel === 'self')
    expect(self?.attributes?.href).toBe(`${ORIGIN}/calls.atom?lang=sv`)
    expect(text(child(feed, 'updated'))).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    const entries = children(feed, 'entry')
    const titles = entries.map((e) => text(child(e, 'title')))
    expect(titles).toContain('Sensorer & larm <script>alert(1)</script>')
    expect(titles).toContain('Smarta effektvakter')
    expect(titles).not.toContain('Utkast som inte syns')
    const entry = entries.find((e) => text(child(e, 'id')) === `${ORIGIN}/calls/${tricky.id}`)
    expect(child(entry, 'link')?.attributes?.href).toBe(`${ORIGIN}/calls/${tricky.id}`)
    expect(text(child(entry, 'updated'))).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/)
    expect(text(child(child(entry, 'author'), 'name'))).toBe(buyer.org.name)
    expect(text(child(entry, 'summary'))).toContain('Sista dag för anbud')

    // The list's filters: a theme narrows it; an unknown value is ignored like on the page.
    const energy = await atom(callsFeedLoader, '/calls.atom?theme=energy&lang=en')
    expect(text(child(energy, 'title'))).toBe('Procurement calls on Testarena (filtered)')
    const ids = children(energy, 'entry').map((e) => text(child(e, 'id')))
    expect(ids).toEqual([`${ORIGIN}/calls/${other.id}`])
    const ignored = await atom(callsFeedLoader, '/calls.atom?status=bogus&procedure=%3Cx%3E')
    expect(children(ignored, 'entry').length).toBe(entries.length)
  })

  test('test beds: published offers only, author the host, at most one page', async () => {
    const host = await createHost(db)
    const offer = await createOffer(db, host, { title: 'Testbädd för värmepumpar' })
    await createOffer(db, host, { title: 'Opublicerad testbädd', status: 'draft' })
    const feed = await atom(testBedsFeedLoader, '/test-beds.atom?q=' + 'a'.repeat(2000))
    expect(feed).toBeDefined()
    const all = await atom(testBedsFeedLoader, '/test-beds.atom')
    const entries = children(all, 'entry')
    expect(entries.length).toBeLessThanOrEqual(50)
    const titles = entries.map((e) => text(child(e, 'title')))
    expect(titles).toContain('Testbädd för värmepumpar')
    expect(titles).not.toContain('Opublicerad testbädd')
    const entry = entries.find((e) => text(child(e, 'id')) === `${ORIGIN}/test-beds/${offer.id}`)
    expect(text(child(child(entry, 'author'), 'name'))).toBe(host.org.name)
  })
})

test('references: published cases only, in the feed’s language, author the public body', async () => {
  const published = await createReference(db, {
    status: 'published',
    overrides: { title_en: 'Keyless home care in Bergnäset' },
  })
  await createReference(db, { status: 'draft', overrides: { title_sv: 'Utkast till referens' } })
  const feed = await atom(referencesFeedLoader, '/references.atom?lang=en')
  expect(text(child(feed, 'title'))).toBe('Reference cases on Testarena')
  const entries = children(feed, 'entry')
  const entry = entries.find(
    (e) => text(child(e, 'id')) === `${ORIGIN}/references/${published.reference.id}`,
  )
  expect(text(child(entry, 'title'))).toBe('Keyless home care in Bergnäset')
  expect(text(child(entry, 'updated'))).toMatch(/^\d{4}-\d{2}-\d{2}T/)
  expect(entries.map((e) => text(child(e, 'title')))).not.toContain('Utkast till referens')
})

test('initiatives: the overview’s filters, any view; author the owner', async () => {
  const owner = await createHost(db)
  const title = `Nattillsyn i glesbygd ${Date.now()}`
  const made = await createInitiative(db, {
    organisation: { id: owner.org.id, kind: 'public_body', verification_status: 'verified' },
    userId: owner.user.id,
    input: { ...INPUT, title },
  })
  const feed = await atom(
    initiativesFeedLoader,
    `/initiatives.atom?q=${encodeURIComponent(title)}&view=counties`,
  )
  const entries = children(feed, 'entry')
  expect(entries.map((e) => text(child(e, 'title')))).toEqual([title])
  expect(text(child(child(entries[0], 'author'), 'name'))).toBe(owner.org.name)
  expect(text(child(entries[0], 'id'))).toBe(`${ORIGIN}/initiatives/${made.id}`)
  expect(text(child(entries[0], 'updated'))).toMatch(/^\d{4}-\d{2}-\d{2}T/)
})

test('events: upcoming ones, each linked to its page, author the organiser', async () => {
  const organiser = await createHost(db)
  const event = await createTestEvent(db, organiser, { title: 'Rundabordssamtal & <nattillsyn>' })
  const feed = await atom(eventsFeedLoader, '/events.atom?lang=en')
  expect(text(child(feed, 'title'))).toBe('Events on Testarena')
  const entry = children(feed, 'entry').find(
    (e) => text(child(e, 'id')) === `${ORIGIN}/events/${event.id}`,
  )
  expect(text(child(entry, 'title'))).toBe('Rundabordssamtal & <nattillsyn>')
  expect(text(child(child(entry, 'author'), 'name'))).toBe(organiser.org.name)
})

describe('calendar files', () => {
  const callIcs = (id: string) =>
    run(() =>
      callCalendarLoader(loaderArgs(getRequest(`/calls/${id}/calendar.ics`), { callId: id })),
    )
  const offerIcs = (id: string) =>
    run(() =>
      offerCalendarLoader(loaderArgs(getRequest(`/test-beds/${id}/calendar.ics`), { offerId: id })),
    )

  test('a call: question, tender and opening deadlines in UTC, stable UIDs, Stockholm time', async () => {
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer, { title: 'Trygg nattillsyn, Luleå' })
    const row = await db
      .selectFrom('calls')
      .select(['question_deadline', 'tender_deadline'])
      .where('id', '=', call.id)
      .executeTakeFirstOrThrow()
    const { events } = await calendar(await callIcs(String(call.id)))
    expect(events).toHaveLength(3)
    const byUid = new Map(events.map((e) => [String(e.getFirstPropertyValue('uid')), e]))
    expect([...byUid.keys()].sort()).toEqual(
      ['opening', 'questions', 'tender'].map((w) => `call-${call.id}-${w}@localhost:3000`),
    )
    const tender = byUid.get(`call-${call.id}-tender@localhost:3000`)!
    const start = tender.getFirstPropertyValue('dtstart') as ICAL.Time
    expect(start.zone?.tzid).toBe('UTC')
    expect(start.toJSDate().getTime()).toBe(row.tender_deadline * 1000)
    const end = tender.getFirstPropertyValue('dtend') as ICAL.Time
    expect(end.toJSDate().getTime()).toBe(row.tender_deadline * 1000)
    expect(tender.getFirstPropertyValue('dtstamp')).toBeTruthy()
    expect(String(tender.getFirstPropertyValue('summary'))).toBe(
      'Sista dag för anbud: Trygg nattillsyn, Luleå',
    )
    // The deadline in Stockholm is what the call's page shows.
    expect(toStockholmDateTimeInput(start.toJSDate().getTime() / 1000)).toBe(
      toStockholmDateTimeInput(row.tender_deadline),
    )
    const questions = byUid.get(`call-${call.id}-questions@localhost:3000`)!
    expect((questions.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime()).toBe(
      row.question_deadline * 1000,
    )
    // The same call gives the same UIDs again, so a calendar updates rather than duplicates.
    const again = await calendar(await callIcs(String(call.id)))
    expect(again.events.map((e) => e.getFirstPropertyValue('uid'))).toEqual(
      events.map((e) => e.getFirstPropertyValue('uid')),
    )
  })

  test('a cancelled call’s events say so; a draft, an unknown or a malformed id is 404', async () => {
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer)
    await db
      .updateTable('calls')
      .set({
        status: 'cancelled',
        decided_at: now(),
        decided_by: buyer.user.id,
        updated_by: buyer.user.id,
        updated_at: now(),
        outcome_reason: 'Behovet har förändrats och upphandlingen avbryts.',
      })
      .where('id', '=', call.id)
      .execute()
    const { events } = await calendar(await callIcs(String(call.id)))
    expect(events).toHaveLength(3)
    for (const e of events) {
      expect(e.getFirstPropertyValue('status')).toBe('CANCELLED')
      expect(e.getFirstPropertyValue('sequence')).toBe(1)
      expect(String(e.getFirstPropertyValue('description'))).toContain('avbruten')
    }
    const { call: draft } = await createCall(db, buyer, { status: 'draft' })
    expect(statusOf(await callIcs(String(draft.id)))).toBe(404)
    expect(statusOf(await callIcs('999999'))).toBe(404)
    expect(statusOf(await callIcs('1e3'))).toBe(404)
    expect(statusOf(await callIcs('0'))).toBe(404)
  })

  test('a test bed: the round’s deadline and the availability; drafts are 404', async () => {
    const host = await createHost(db)
    const offer = await createOffer(db, host, { intake: 'round', deadlineIn: 10 * DAY })
    const row = await db
      .selectFrom('test_bed_offers')
      .select(['deadline', 'available_from'])
      .where('id', '=', offer.id)
      .executeTakeFirstOrThrow()
    const { events } = await calendar(await offerIcs(String(offer.id)))
    const uids = events.map((e) => String(e.getFirstPropertyValue('uid')))
    expect(uids).toEqual([
      `test-bed-${offer.id}-deadline@localhost:3000`,
      `test-bed-${offer.id}-available@localhost:3000`,
    ])
    const deadline = events[0]!.getFirstPropertyValue('dtstart') as ICAL.Time
    expect(deadline.toJSDate().getTime()).toBe(row.deadline! * 1000)
    const available = events[1]!.getFirstPropertyValue('dtstart') as ICAL.Time
    expect(available.toJSDate().getTime()).toBe(row.available_from * 1000)
    const draft = await createOffer(db, host, { status: 'draft' })
    expect(statusOf(await offerIcs(String(draft.id)))).toBe(404)
    expect(statusOf(await offerIcs('abc'))).toBe(404)
  })
})
