import { createEvents, type EventAttributes } from 'ics'
import type { DB } from '#db/connection'
import type { FollowTarget } from '#db/schema'
import type { Locale } from '~/i18n/locales'
import { getTranslator } from '~/i18n/messages'
import { getEnv } from '~/utils/env.server'
import { DomainError } from './errors.server'
import { calendarOwner } from './feed-tokens.server'
import { PUBLIC_STATUSES } from './test-bed-catalogue.server'

// Calendar files of a call's deadlines and a test bed's intake and availability (issue 16 part 4,
// decision record 038). Times are written in UTC; each event's UID is stable per item and kind, so
// a calendar that imports the file again updates the events instead of adding copies. A cancelled
// call keeps its events, marked CANCELLED with a higher SEQUENCE, so subscribers see them struck.

const ms = (seconds: number) => seconds * 1000

/** A deadline: an instant, written as a zero-length event at that moment. */
function deadline(
  uid: string,
  at: number,
  text: { title: string; description: string; url: string },
  extra: Partial<EventAttributes> = {},
): EventAttributes {
  return {
    uid,
    start: ms(at),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: ms(at),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: text.title,
    description: text.description,
    url: text.url,
    transp: 'TRANSPARENT',
    ...extra,
  }
}

function render(events: EventAttributes[], calName: string): string {
  if (events.length === 0) {
    // ics refuses an empty list; a calendar without events is still a valid calendar.
    return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nCALSCALE:GREGORIAN\r\nPRODID:testarena/calendars\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:${calName.replace(/[\\;,\n]/gu, ' ')}\r\nEND:VCALENDAR\r\n`
  }
  const { error, value } = createEvents(events, { productId: 'testarena/calendars', calName })
  if (error || !value) throw error ?? new Error('ics: no calendar')
  return value
}

/** The events of one call's deadlines; a draft (or unknown id) is 'not_found'. */
async function callEvents(db: DB, callId: number, locale: Locale): Promise<EventAttributes[]> {
  const call = await db
    .selectFrom('calls')
    .innerJoin('organisations as buyer', 'buyer.id', 'calls.organisation_id')
    .select(['calls.id', 'calls.title', 'calls.status', 'calls.question_deadline'])
    .select(['calls.tender_deadline', 'calls.opened_at', 'calls.standstill_ends_at'])
    .select(['calls.updated_at', 'buyer.name as buyer_name'])
    .where('calls.id', '=', callId)
    .where('calls.status', '<>', 'draft')
    .executeTakeFirst()
  if (!call) throw new DomainError('not_found')
  const t = getTranslator(locale)
  const origin = getEnv().APP_ORIGIN
  const host = new URL(origin).host
  const cancelled = call.status === 'cancelled'
  const description = [
    t('feeds.calendar.buyer', { name: call.buyer_name }),
    cancelled ? t('feeds.calendar.cancelled') : '',
  ]
    .filter(Boolean)
    .join('\n')
  const text = (title: string) => ({ title, description, url: `${origin}/calls/${call.id}` })
  const extra: Partial<EventAttributes> = {
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    sequence: cancelled ? 1 : 0,
    lastModified: ms(call.updated_at),
  }
  const uid = (what: string) => `call-${call.id}-${what}@${host}`
  const title = call.title
  const events = [
    deadline(
      uid('questions'),
      call.question_deadline,
      text(t('feeds.calendar.callQuestions', { title })),
      extra,
    ),
    deadline(
      uid('tender'),
      call.tender_deadline,
      text(t('feeds.calendar.callTender', { title })),
      extra,
    ),
    // Bids are opened at the tender deadline (or when the buyer actually opened them).
    deadline(
      uid('opening'),
      call.opened_at ?? call.tender_deadline,
      text(t('feeds.calendar.callOpening', { title })),
      extra,
    ),
  ]
  if (call.standstill_ends_at !== null) {
    events.push(
      deadline(
        uid('standstill'),
        call.standstill_ends_at,
        text(t('feeds.calendar.callStandstill', { title })),
        extra,
      ),
    )
  }
  return events
}

/** One call's deadlines as an iCalendar file. */
export async function callCalendar(db: DB, callId: number, locale: Locale): Promise<string> {
  const events = await callEvents(db, callId, locale)
  return render(events, events[0]?.title ?? 'Testarena')
}

/** The events of a public test bed: its round's application deadline and its availability. */
async function offerEvents(db: DB, offerId: number, locale: Locale): Promise<EventAttributes[]> {
  const offer = await db
    .selectFrom('test_bed_offers as o')
    .innerJoin('organisations as host', 'host.id', 'o.organisation_id')
    .select(['o.id', 'o.title', 'o.intake', 'o.deadline', 'o.available_from'])
    .select(['o.available_until', 'o.updated_at', 'host.name as host_name'])
    .where('o.id', '=', offerId)
    .where('o.status', 'in', PUBLIC_STATUSES)
    .executeTakeFirst()
  if (!offer) throw new DomainError('not_found')
  const t = getTranslator(locale)
  const origin = getEnv().APP_ORIGIN
  const host = new URL(origin).host
  const text = (title: string) => ({
    title,
    description: t('feeds.calendar.host', { name: offer.host_name }),
    url: `${origin}/test-beds/${offer.id}`,
  })
  const extra: Partial<EventAttributes> = { lastModified: ms(offer.updated_at) }
  const events: EventAttributes[] = []
  if (offer.intake === 'round' && offer.deadline !== null) {
    events.push(
      deadline(
        `test-bed-${offer.id}-deadline@${host}`,
        offer.deadline,
        text(t('feeds.calendar.offerDeadline', { title: offer.title })),
        extra,
      ),
    )
  }
  const until = offer.available_until ?? offer.available_from
  events.push(
    deadline(
      `test-bed-${offer.id}-available@${host}`,
      offer.available_from,
      text(t('feeds.calendar.offerAvailable', { title: offer.title })),
      { ...extra, end: ms(until), transp: 'TRANSPARENT' },
    ),
  )
  return events
}

/** One public test bed's intake deadline and availability as an iCalendar file. */
export async function offerCalendar(db: DB, offerId: number, locale: Locale): Promise<string> {
  const events = await offerEvents(db, offerId, locale)
  return render(events, events[0]?.title ?? 'Testarena')
}

const FOLLOWED_ITEMS_MAX = 200
const EVENTS_MAX = 300

/** An item's events, or none when the item is no longer public (a follow outlives a withdrawal). */
async function eventsOrNone(load: Promise<EventAttributes[]>): Promise<EventAttributes[]> {
  try {
    return await load
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') return []
    throw error
  }
}

/**
 * The personal calendar behind a secret token: the deadlines of the calls and test beds the person
 * follows, the events of the organisations and initiatives they follow and the events their
 * companies registered for. Bounded: at most 200 followed items and 300 events. An unknown or
 * revoked token is 'not_found'.
 */
export async function personalCalendar(db: DB, token: string, locale: Locale): Promise<string> {
  const userId = await calendarOwner(db, token)
  const follows = await db
    .selectFrom('follows')
    .select(['target_type', 'target_id'])
    .where('user_id', '=', userId)
    .where('target_type', 'in', ['call', 'test_bed'])
    .orderBy('created_at', 'desc')
    .limit(FOLLOWED_ITEMS_MAX)
    .execute()
  const itemEvents: EventAttributes[] = []
  for (const f of follows) {
    const load =
      f.target_type === 'call'
        ? callEvents(db, f.target_id, locale)
        : offerEvents(db, f.target_id, locale)
    itemEvents.push(...(await eventsOrNone(load)))
  }
  const events = await db
    .selectFrom('events as e')
    .innerJoin('organisations as o', 'o.id', 'e.organisation_id')
    .select(['e.id', 'e.title', 'e.starts_at', 'e.ends_at', 'e.status', 'e.updated_at'])
    .select(['o.name as organiser'])
    .where((eb) =>
      eb.or([
        eb('e.organisation_id', 'in', followed(db, userId, 'organisation')),
        eb('e.initiative_id', 'in', followed(db, userId, 'initiative')),
        eb(
          'e.id',
          'in',
          eb
            .selectFrom('event_registrations as r')
            .innerJoin('memberships as m', 'm.organisation_id', 'r.company_id')
            .select('r.event_id')
            .where('m.user_id', '=', userId)
            .where('r.status', 'in', ['confirmed', 'waiting']),
        ),
      ]),
    )
    .orderBy('e.starts_at', 'desc')
    .limit(EVENTS_MAX)
    .execute()
  const t = getTranslator(locale)
  const origin = getEnv().APP_ORIGIN
  const host = new URL(origin).host
  for (const e of events) {
    itemEvents.push({
      // The same UID as the event's own calendar file, so both update one entry.
      uid: `event-${e.id}@${host}`,
      start: ms(e.starts_at),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: ms(e.ends_at),
      endInputType: 'utc',
      endOutputType: 'utc',
      title: e.title,
      description: t('events.ics.organiser', { name: e.organiser }),
      url: `${origin}/events/${e.id}`,
      status: e.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
      sequence: e.status === 'cancelled' ? 1 : 0,
      lastModified: ms(e.updated_at),
    })
  }
  return render(itemEvents, t('feeds.calendar.personalName'))
}

/** The ids of what a person follows of one kind (a subquery). */
function followed(db: DB, userId: number, type: FollowTarget) {
  return db
    .selectFrom('follows')
    .select('target_id')
    .where('user_id', '=', userId)
    .where('target_type', '=', type)
}
