import type { DB } from '#db/connection'
import type { EventAttendance, EventKind } from '#db/schema'
import { VERIFIED_KINDS } from '~/domain/vocabularies'
import type { Locale } from '~/i18n/locales'
import { formatDateTime } from '~/i18n/format'
import { getTranslator } from '~/i18n/messages'
import { now } from '~/utils/clock.server'
import { getEnv } from '~/utils/env.server'
import { toStockholmDateInput } from '~/utils/stockholm-time'
import { audit } from './audit.server'
import { DomainError, withRules } from './errors.server'
import { inTransaction } from './initiatives.server'
import { memberCompany } from './memberships.server'
import { type MailTemplate, queueMail } from './outbox.server'

// Events (issue 15 part 8, decision record 031): writes. A verified public body or intermediary
// publishes an event and may cancel it (everyone registered is told); a company's member registers
// the company (one seat per company) and may cancel; when a seat frees up the database gives it to
// the first in the queue, and this module mails that company. After the start the organiser records
// attendance, and each attendance enters the contact ledger in the same transaction. Reads:
// event-reads.server.ts. The database enforces every rule again (migration 2026-12-07-14-events).

export const EVENT_KINDS = [
  'b2b_forum',
  'study_visit',
  'seminar',
  'round_table',
] as const satisfies readonly EventKind[]

export interface EventInput {
  kind: EventKind
  title: string
  description: string
  starts_at: number
  ends_at: number
  registration_deadline: number
  venue: string
  online: boolean
  capacity: number
  initiative_id: number | null
}

/** The organisation, when the user is a member and it may organise events (a verified body). */
async function organiser(db: DB, organisationId: number, userId: number) {
  const row = await db
    .selectFrom('organisations as o')
    .innerJoin('memberships as m', 'm.organisation_id', 'o.id')
    .select(['o.id', 'o.name'])
    .where('o.id', '=', organisationId)
    .where('m.user_id', '=', userId)
    .where('o.kind', 'in', VERIFIED_KINDS)
    .where('o.verification_status', '=', 'verified')
    .executeTakeFirst()
  if (!row) throw new DomainError('not_found')
  return row
}

/** The event, when the user is a member of its organiser; otherwise 'not_found'. */
export async function organisedEvent(db: DB, eventId: number, userId: number) {
  const row = await db
    .selectFrom('events as e')
    .innerJoin('memberships as m', 'm.organisation_id', 'e.organisation_id')
    .selectAll('e')
    .where('e.id', '=', eventId)
    .where('m.user_id', '=', userId)
    .executeTakeFirst()
  if (!row) throw new DomainError('not_found')
  return row
}

export function eventLink(eventId: number): string {
  return `${getEnv().APP_ORIGIN}/events/${eventId}`
}

/** Publishes an event; returns its id. */
export async function createEvent(
  db: DB,
  args: { organisationId: number; userId: number; input: EventInput; ip?: string | null },
) {
  const org = await organiser(db, args.organisationId, args.userId)
  const { input } = args
  if (input.registration_deadline < now()) throw new DomainError('event_in_past')
  return withRules(() =>
    inTransaction(db, async (tx) => {
      const at = now()
      const row = await tx
        .insertInto('events')
        .values({
          organisation_id: org.id,
          initiative_id: input.initiative_id,
          kind: input.kind,
          title: input.title.trim(),
          description: input.description.trim(),
          starts_at: input.starts_at,
          ends_at: input.ends_at,
          registration_deadline: input.registration_deadline,
          venue: input.venue.trim(),
          online: input.online ? 1 : 0,
          capacity: input.capacity,
          created_at: at,
          created_by: args.userId,
          updated_at: at,
          updated_by: args.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await audit(tx, {
        actorUserId: args.userId,
        organisationId: org.id,
        action: 'event.published',
        entityType: 'event',
        entityId: row.id,
        after: input,
        ip: args.ip ?? null,
      })
      return row
    }),
  )
}

/** Mails the person who registered each of `registrationIds`, in their own language. */
async function tell(db: DB, registrationIds: number[], template: MailTemplate) {
  if (!registrationIds.length) return
  const rows = await db
    .selectFrom('event_registrations as r')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .innerJoin('organisations as o', 'o.id', 'e.organisation_id')
    .innerJoin('organisations as c', 'c.id', 'r.company_id')
    .innerJoin('users as u', 'u.id', 'r.registered_by')
    .select([
      'e.id as event_id',
      'e.title',
      'e.starts_at',
      'e.cancel_reason',
      'o.name as organiser',
    ])
    .select(['c.name as company', 'u.email', 'u.name', 'u.locale'])
    .where('r.id', 'in', registrationIds)
    .execute()
  for (const r of rows) {
    const locale = r.locale as Locale
    await queueMail(db, {
      to: r.email,
      locale,
      template,
      params: {
        name: r.name,
        title: r.title,
        company: r.company,
        organiser: r.organiser,
        starts: formatDateTime(r.starts_at, locale),
        reason: r.cancel_reason ?? '',
        link: eventLink(r.event_id),
      },
    })
  }
}

/** Cancels an event before it starts, with a reason; everyone registered or waiting is told. */
export async function cancelEvent(
  db: DB,
  args: { eventId: number; userId: number; reason: string; ip?: string | null },
) {
  const event = await organisedEvent(db, args.eventId, args.userId)
  if (event.status === 'cancelled' || now() >= event.starts_at) {
    throw new DomainError('event_frozen')
  }
  return withRules(() =>
    inTransaction(db, async (tx) => {
      const at = now()
      await tx
        .updateTable('events')
        .set({
          status: 'cancelled',
          cancel_reason: args.reason.trim(),
          cancelled_at: at,
          cancelled_by: args.userId,
          updated_at: at,
          updated_by: args.userId,
        })
        .where('id', '=', event.id)
        .where('status', '=', 'published')
        .execute()
      await audit(tx, {
        actorUserId: args.userId,
        organisationId: event.organisation_id,
        action: 'event.cancelled',
        entityType: 'event',
        entityId: event.id,
        after: { reason: args.reason.trim() },
        ip: args.ip ?? null,
      })
      const registered = await tx
        .selectFrom('event_registrations')
        .select('id')
        .where('event_id', '=', event.id)
        .where('status', '<>', 'cancelled')
        .execute()
      await tell(
        tx,
        registered.map((r) => r.id),
        'event_cancelled',
      )
    }),
  )
}

/**
 * Registers the company: a confirmed seat when one is free and nobody waits, else a place in the
 * queue. The database checks the same (and the deadline, and that the event is not cancelled).
 */
export async function registerCompany(
  db: DB,
  args: { eventId: number; companyId: number; userId: number; ip?: string | null },
) {
  const company = await memberCompany(db, { id: args.companyId }, args.userId)
  const event = await db
    .selectFrom('events')
    .select(['id', 'status', 'registration_deadline', 'organisation_id'])
    .where('id', '=', args.eventId)
    .executeTakeFirst()
  if (!event) throw new DomainError('not_found')
  if (event.status === 'cancelled') throw new DomainError('event_cancelled')
  if (now() > event.registration_deadline) throw new DomainError('event_registration_closed')
  return withRules(() =>
    inTransaction(db, async (tx) => {
      const seats = await tx
        .selectFrom('events as e')
        .select((eb) => [
          'e.capacity',
          eb
            .selectFrom('event_registrations as r')
            .select((r) => r.fn.countAll<number>().as('n'))
            .whereRef('r.event_id', '=', 'e.id')
            .where('r.status', '=', 'confirmed')
            .as('confirmed'),
          eb
            .selectFrom('event_registrations as r')
            .select((r) => r.fn.countAll<number>().as('n'))
            .whereRef('r.event_id', '=', 'e.id')
            .where('r.status', '=', 'waiting')
            .as('waiting'),
        ])
        .where('e.id', '=', event.id)
        .executeTakeFirstOrThrow()
      const status =
        Number(seats.confirmed) < seats.capacity && Number(seats.waiting) === 0
          ? 'confirmed'
          : 'waiting'
      const row = await tx
        .insertInto('event_registrations')
        .values({
          event_id: event.id,
          company_id: company.id,
          registered_by: args.userId,
          registered_at: now(),
          status,
        })
        .returning(['id', 'status'])
        .executeTakeFirstOrThrow()
      await audit(tx, {
        actorUserId: args.userId,
        organisationId: company.id,
        action: 'event.registered',
        entityType: 'event_registration',
        entityId: row.id,
        after: { event_id: event.id, status },
        ip: args.ip ?? null,
      })
      await tell(tx, [row.id], status === 'confirmed' ? 'event_registered' : 'event_waiting')
      return row
    }),
  )
}

/**
 * Cancels the company's registration (a seat or a place in the queue) before the event starts.
 * When a seat is given up the database confirms the first in the queue; they are mailed here.
 */
export async function cancelRegistration(
  db: DB,
  args: { registrationId: number; userId: number; ip?: string | null },
) {
  const registration = await db
    .selectFrom('event_registrations as r')
    .innerJoin('memberships as m', 'm.organisation_id', 'r.company_id')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .select(['r.id', 'r.event_id', 'r.company_id', 'r.status', 'e.status as event_status'])
    .select('e.starts_at')
    .where('r.id', '=', args.registrationId)
    .where('m.user_id', '=', args.userId)
    .executeTakeFirst()
  if (!registration || registration.status === 'cancelled') throw new DomainError('not_found')
  if (registration.event_status === 'cancelled' || now() >= registration.starts_at) {
    throw new DomainError('event_frozen')
  }
  return withRules(() =>
    inTransaction(db, async (tx) => {
      const waiting = async () =>
        (
          await tx
            .selectFrom('event_registrations')
            .select('id')
            .where('event_id', '=', registration.event_id)
            .where('status', '=', 'waiting')
            .execute()
        ).map((r) => r.id)
      const before = await waiting()
      await tx
        .updateTable('event_registrations')
        .set({ status: 'cancelled', cancelled_at: now(), cancelled_by: args.userId })
        .where('id', '=', registration.id)
        .execute()
      await audit(tx, {
        actorUserId: args.userId,
        organisationId: registration.company_id,
        action: 'event.registration_cancelled',
        entityType: 'event_registration',
        entityId: registration.id,
        before: { status: registration.status },
        ip: args.ip ?? null,
      })
      // Whoever the database moved from the queue to a seat.
      const after = new Set(await waiting())
      const promoted = before.filter((id) => id !== registration.id && !after.has(id))
      await tell(tx, promoted, 'event_promoted')
      return { promoted }
    }),
  )
}

/** The ledger's text for an attended event, in the recorder's language. */
function attendancePurpose(title: string, locale: Locale): string {
  return getTranslator(locale)('events.ledgerPurpose', { title }).slice(0, 1000)
}

/**
 * Records attendance after the start, once per confirmed registration. Each 'attended' enters the
 * company contact ledger (kind 'event', the event's initiative) in the same transaction; who may
 * read it follows the company's sharing choice (decision record 029).
 */
export async function recordAttendance(
  db: DB,
  args: {
    eventId: number
    userId: number
    locale: Locale
    marks: ReadonlyArray<{ registrationId: number; attendance: EventAttendance }>
    ip?: string | null
  },
) {
  const event = await organisedEvent(db, args.eventId, args.userId)
  if (event.status === 'cancelled' || now() < event.starts_at) {
    throw new DomainError('event_not_started')
  }
  return withRules(() =>
    inTransaction(db, async (tx) => {
      let recorded = 0
      for (const mark of args.marks) {
        const registration = await tx
          .selectFrom('event_registrations')
          .select(['id', 'company_id', 'status', 'attendance'])
          .where('id', '=', mark.registrationId)
          .where('event_id', '=', event.id)
          .executeTakeFirst()
        if (!registration) throw new DomainError('not_found')
        if (registration.attendance !== null) continue
        if (registration.status !== 'confirmed') {
          throw new DomainError('event_attendance_confirmed_only')
        }
        const at = now()
        let contactId: number | null = null
        if (mark.attendance === 'attended') {
          const contact = await tx
            .insertInto('company_contacts')
            .values({
              author_organisation_id: event.organisation_id,
              company_id: registration.company_id,
              contacted_on: toStockholmDateInput(event.starts_at),
              kind: 'event',
              purpose: attendancePurpose(event.title, args.locale),
              initiative_id: event.initiative_id,
              recorded_by: args.userId,
              recorded_at: at,
              acknowledged_at: at,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
          contactId = contact.id
        }
        await tx
          .updateTable('event_registrations')
          .set({
            attendance: mark.attendance,
            attendance_recorded_at: at,
            attendance_recorded_by: args.userId,
            contact_id: contactId,
          })
          .where('id', '=', registration.id)
          .execute()
        await audit(tx, {
          actorUserId: args.userId,
          organisationId: event.organisation_id,
          action: 'event.attendance_recorded',
          entityType: 'event_registration',
          entityId: registration.id,
          after: { attendance: mark.attendance, contact_id: contactId },
          ip: args.ip ?? null,
        })
        recorded++
      }
      return { recorded }
    }),
  )
}
