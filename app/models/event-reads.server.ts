import { createEvent as icsEvent } from 'ics'
import { sql } from 'kysely'
import type { DB } from '#db/connection'
import type { Locale } from '~/i18n/locales'
import { getTranslator } from '~/i18n/messages'
import { now } from '~/utils/clock.server'
import { getEnv } from '~/utils/env.server'
import { DomainError } from './errors.server'
import { listMemberCompanies } from './memberships.server'

// Events (decision record 031): reads. Events, their seats and queue lengths are public; which
// companies registered is not: the organiser's members see the list, a company's members see their
// own registration and place in the queue, everyone else only the counts.

/** Confirmed and waiting registrations of the event in `column`, as select expressions. */
const counted = (status: 'confirmed' | 'waiting') =>
  sql<number>`(SELECT count(*) FROM event_registrations r
    WHERE r.event_id = e.id AND r.status = ${status})`

export function eventsQuery(db: DB) {
  return db
    .selectFrom('events as e')
    .innerJoin('organisations as o', 'o.id', 'e.organisation_id')
    .leftJoin('initiatives as i', 'i.id', 'e.initiative_id')
    .select([
      'e.id',
      'e.kind',
      'e.title',
      'e.starts_at',
      'e.ends_at',
      'e.registration_deadline',
      'e.venue',
      'e.online',
      'e.capacity',
      'e.status',
      'e.created_at',
      'o.name as organiser_name',
      'o.slug as organiser_slug',
      'i.id as initiative_id',
      'i.title as initiative_title',
    ])
    .select([counted('confirmed').as('confirmed'), counted('waiting').as('waiting')])
}

/** The public list: upcoming events soonest first, or past ones latest first (at most 50). */
export async function listEvents(db: DB, when: 'upcoming' | 'past') {
  const at = now()
  const query = eventsQuery(db)
  return (
    when === 'upcoming'
      ? query.where('e.ends_at', '>', at).orderBy('e.starts_at').orderBy('e.id')
      : query.where('e.ends_at', '<=', at).orderBy('e.starts_at', 'desc').orderBy('e.id', 'desc')
  )
    .limit(50)
    .execute()
}

/** How many of an initiative's events its page lists: the next upcoming and the latest past. */
export const INITIATIVE_EVENTS = { upcoming: 10, past: 5 } as const

/** An initiative's events for its public page: upcoming soonest first, past latest first. */
export async function listInitiativeEvents(db: DB, initiativeId: number) {
  const at = now()
  const query = () => eventsQuery(db).where('e.initiative_id', '=', initiativeId)
  const [upcoming, past] = await Promise.all([
    query()
      .where('e.ends_at', '>', at)
      .orderBy('e.starts_at')
      .orderBy('e.id')
      .limit(INITIATIVE_EVENTS.upcoming)
      .execute(),
    query()
      .where('e.ends_at', '<=', at)
      .orderBy('e.starts_at', 'desc')
      .orderBy('e.id', 'desc')
      .limit(INITIATIVE_EVENTS.past)
      .execute(),
  ])
  return { upcoming, past }
}

/** An organisation's own events (for its members), latest start first. */
export async function listOrganisationEvents(db: DB, organisationId: number) {
  return eventsQuery(db)
    .where('e.organisation_id', '=', organisationId)
    .orderBy('e.starts_at', 'desc')
    .orderBy('e.id', 'desc')
    .execute()
}

/** Place in the queue: 1 + the waiting registrations before it. */
const queuePlace = sql<number>`(SELECT count(*) + 1 FROM event_registrations w
  WHERE w.event_id = r.event_id AND w.status = 'waiting' AND w.id < r.id)`

/** One event as its public page shows it, with what this viewer may see and do. */
export async function getEvent(db: DB, eventId: number, userId: number | null) {
  const event = await eventsQuery(db)
    .select(['e.description', 'e.cancel_reason', 'e.organisation_id'])
    .where('e.id', '=', eventId)
    .executeTakeFirst()
  if (!event) throw new DomainError('not_found')
  const at = now()
  const isOrganiser = userId
    ? Boolean(
        await db
          .selectFrom('memberships')
          .select('user_id')
          .where('organisation_id', '=', event.organisation_id)
          .where('user_id', '=', userId)
          .executeTakeFirst(),
      )
    : false
  const companies = userId ? await listMemberCompanies(db, userId) : []
  const own = companies.length
    ? await db
        .selectFrom('event_registrations as r')
        .select(['r.id', 'r.company_id', 'r.status', 'r.attendance'])
        .select(queuePlace.as('place'))
        .where('r.event_id', '=', event.id)
        .where('r.status', '<>', 'cancelled')
        .where(
          'r.company_id',
          'in',
          companies.map((c) => c.id),
        )
        .execute()
    : []
  const registrations = isOrganiser
    ? await db
        .selectFrom('event_registrations as r')
        .innerJoin('organisations as c', 'c.id', 'r.company_id')
        .select(['r.id', 'r.status', 'r.attendance', 'r.registered_at', 'c.name as company_name'])
        .select(['c.slug as company_slug', 'c.size_class'])
        .select(queuePlace.as('place'))
        .where('r.event_id', '=', event.id)
        .where('r.status', '<>', 'cancelled')
        .orderBy(sql`r.status = 'waiting'`)
        .orderBy('r.id')
        .execute()
    : []
  const open = event.status === 'published' && at <= event.registration_deadline
  return {
    event,
    started: at >= event.starts_at,
    registrationOpen: open,
    isOrganiser,
    companies: companies.map((c) => ({
      ...c,
      registration: own.find((r) => r.company_id === c.id) ?? null,
    })),
    registrations,
  }
}
export type EventPage = Awaited<ReturnType<typeof getEvent>>

/** The attendance form: the event and its confirmed seats, for the organiser's members only. */
export async function listAttendance(db: DB, eventId: number, userId: number) {
  const event = await db
    .selectFrom('events as e')
    .innerJoin('memberships as m', 'm.organisation_id', 'e.organisation_id')
    .select(['e.id', 'e.title', 'e.starts_at', 'e.status'])
    .where('e.id', '=', eventId)
    .where('m.user_id', '=', userId)
    .executeTakeFirst()
  if (!event) throw new DomainError('not_found')
  const registrations = await db
    .selectFrom('event_registrations as r')
    .innerJoin('organisations as c', 'c.id', 'r.company_id')
    .select(['r.id', 'r.attendance', 'c.name as company_name'])
    .where('r.event_id', '=', event.id)
    .where('r.status', '=', 'confirmed')
    .orderBy('c.name')
    .orderBy('r.id')
    .execute()
  return {
    event,
    started: event.status === 'published' && now() >= event.starts_at,
    registrations,
  }
}

/** Seconds → the `ics` package's input: a UTC timestamp in milliseconds. */
const ms = (seconds: number) => seconds * 1000

/**
 * The event as an iCalendar file (RFC 5545) made by the `ics` package: times in UTC, a UID that
 * never changes, CANCELLED once cancelled (with a higher SEQUENCE, so calendars update it).
 */
export async function eventCalendar(db: DB, eventId: number, locale: Locale): Promise<string> {
  const event = await db
    .selectFrom('events as e')
    .innerJoin('organisations as o', 'o.id', 'e.organisation_id')
    .select(['e.id', 'e.title', 'e.description', 'e.starts_at', 'e.ends_at', 'e.venue'])
    .select(['e.online', 'e.status', 'e.created_at', 'e.updated_at', 'o.name as organiser'])
    .where('e.id', '=', eventId)
    .executeTakeFirst()
  if (!event) throw new DomainError('not_found')
  const t = getTranslator(locale)
  const origin = getEnv().APP_ORIGIN
  const location = [event.venue.trim(), event.online ? t('events.online') : '']
    .filter(Boolean)
    .join(' · ')
  const { error, value } = icsEvent({
    productId: 'testarena/events',
    uid: `event-${event.id}@${new URL(origin).host}`,
    sequence: event.status === 'cancelled' ? 1 : 0,
    start: ms(event.starts_at),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: ms(event.ends_at),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: event.title,
    description: `${event.description}\n\n${t('events.ics.organiser', { name: event.organiser })}`,
    ...(location ? { location } : {}),
    url: `${origin}/events/${event.id}`,
    status: event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    created: ms(event.created_at),
    lastModified: ms(event.updated_at),
  })
  if (error || !value) throw error ?? new Error('ics: no calendar')
  return value
}
