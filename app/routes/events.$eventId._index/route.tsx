import { parseWithZod } from '@conform-to/zod'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { getOptionalUser, notFound, requireUser } from '~/auth/guards.server'
import { EventPlace, EventSeats, EventTime } from '~/components/event-summary'
import { PlainText } from '~/components/plain-text'
import { DoneNotice } from '~/components/problem'
import { formatDateTime } from '~/i18n/format'
import errorsMessages from '~/i18n/messages/errors'
import eventsMessages from '~/i18n/messages/events'
import { translateError, useLocale, useT } from '~/i18n/use-t'
import { getEvent } from '~/models/event-reads.server'
import { cancelEvent, cancelRegistration, registerCompany } from '~/models/events.server'
import { getDb } from '~/utils/db.server'
import { orNotFound, refusal, refusalReply } from '~/utils/domain-errors.server'
import { summary } from '~/utils/canonical'
import { pageTitle } from '~/utils/meta'
import { JsonLd } from '~/components/json-ld'
import { eventJsonLd } from '~/models/structured-data.server'
import { clientIp } from '~/utils/request.server'
import { OrganiserSection } from './organiser-section'
import {
  cancelEventSchema,
  cancelRegistrationSchema,
  eventIdSchema,
  registerSchema,
} from './schema'

// An event's public page (decision record 031): what, when (Stockholm time with its zone), where,
// seats and queue, the calendar file. A company's member registers the company or cancels; the
// organiser's members see who registered, cancel the event and record attendance. Plain forms:
// they work without JavaScript; a refusal comes back with status 400 next to the form that asked.

export const handle = { i18n: [eventsMessages, errorsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => (data ? data.page.event.title : t('notFound.title')), undefined, {
    description: summary(data?.page.event.description),
  })

const NOTICES = ['confirmed', 'waiting', 'cancelled', 'eventCancelled', 'published'] as const

function idOf(params: { eventId?: string }) {
  const id = eventIdSchema.safeParse(params.eventId)
  if (!id.success) throw notFound()
  return id.data
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request)
  const page = await orNotFound(getEvent(getDb(), idOf(params), user?.id ?? null))
  const notice = new URL(request.url).searchParams.get('notice')
  return {
    page,
    loggedIn: Boolean(user),
    notice: NOTICES.find((n) => n === notice) ?? null,
    jsonLd: eventJsonLd(page.event),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const id = idOf(params)
  const db = getDb()
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const ip = clientIp(context)
  if (intent === 'cancel_event') {
    const submission = parseWithZod(formData, { schema: cancelEventSchema })
    if (submission.status !== 'success') {
      return data({ intent, error: null, result: submission.reply() }, { status: 400 })
    }
    try {
      await cancelEvent(db, { eventId: id, userId: user.id, reason: submission.value.reason, ip })
    } catch (error) {
      return data({ intent, error: null, result: refusalReply(submission, error) }, { status: 400 })
    }
    return redirect(`/events/${id}?notice=eventCancelled`)
  }
  const fail = (error: string) => data({ intent, error, result: null }, { status: 400 })
  try {
    if (intent === 'register') {
      const parsed = registerSchema.safeParse(Object.fromEntries(formData))
      if (!parsed.success) throw notFound()
      const row = await registerCompany(db, {
        eventId: id,
        companyId: parsed.data.company_id,
        userId: user.id,
        ip,
      })
      return redirect(`/events/${id}?notice=${row.status}`)
    }
    const parsed = cancelRegistrationSchema.safeParse(Object.fromEntries(formData))
    if (!parsed.success) throw notFound()
    await cancelRegistration(db, {
      registrationId: parsed.data.registration_id,
      userId: user.id,
      ip,
    })
    return redirect(`/events/${id}?notice=cancelled`)
  } catch (error) {
    return fail(refusal(error).messageKey)
  }
}

function RegistrationSection() {
  const { page, loggedIn } = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>()
  const t = useT()
  const location = useLocation()
  const { event } = page
  if (event.status === 'cancelled') return null
  const full = event.confirmed >= event.capacity || event.waiting > 0
  return (
    <section aria-labelledby="register-title">
      <h2 id="register-title">{t('events.register.title')}</h2>
      <p>{t('events.register.onePerCompany')}</p>
      {failed?.error && failed.intent !== 'cancel_event' ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p>{translateError(t, failed.error)}</p>
        </div>
      ) : null}
      {!loggedIn ? (
        <p>
          <Link to={`/login?${new URLSearchParams({ redirectTo: location.pathname })}`}>
            {t('events.register.login')}
          </Link>
        </p>
      ) : page.companies.length === 0 ? (
        <p>{t('events.register.companiesOnly')}</p>
      ) : (
        <ul className="stack">
          {page.companies.map((c) => {
            const r = c.registration
            return (
              <li key={c.id}>
                {r?.status === 'confirmed' ? (
                  <p>
                    {r.attendance === 'attended'
                      ? t('events.register.attended', { company: c.name })
                      : r.attendance === 'no_show'
                        ? t('events.register.noShow', { company: c.name })
                        : t('events.register.confirmed', { company: c.name })}
                  </p>
                ) : r?.status === 'waiting' ? (
                  <p>{t('events.register.waiting', { company: c.name, place: r.place })}</p>
                ) : null}
                {r && !page.started ? (
                  <Form method="post" className="actions">
                    <input type="hidden" name="registration_id" value={r.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="cancel_registration"
                      className="button button--secondary"
                    >
                      {r.status === 'waiting'
                        ? t('events.register.leaveQueue', { company: c.name })
                        : t('events.register.cancel', { company: c.name })}
                    </button>
                  </Form>
                ) : null}
                {!r && page.registrationOpen ? (
                  <Form method="post" className="actions">
                    <input type="hidden" name="company_id" value={c.id} />
                    <button type="submit" name="intent" value="register" className="button">
                      {full
                        ? t('events.register.submitWaiting', { company: c.name })
                        : t('events.register.submit', { company: c.name })}
                    </button>
                  </Form>
                ) : null}
              </li>
            )
          })}
        </ul>
      )}
      {!page.registrationOpen ? <p>{t('events.register.closed')}</p> : null}
    </section>
  )
}

export default function EventPage() {
  const { page, notice, jsonLd } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const { event } = page
  return (
    <>
      {notice ? <DoneNotice>{t(`events.notice.${notice}`)}</DoneNotice> : null}
      <JsonLd data={jsonLd} />
      <h1>{event.title}</h1>
      <p className="meta">
        {t(`events.kind.${event.kind}`)} · {t('events.organiser', { name: event.organiser_name })}
      </p>
      {event.status === 'cancelled' ? (
        <div className="notice notice--warn">
          <p>{t('events.cancelled', { reason: event.cancel_reason ?? '' })}</p>
        </div>
      ) : null}
      <dl className="details">
        <dt>{t('events.field.when')}</dt>
        <dd>
          <EventTime item={event} />
        </dd>
        <dt>{t('events.field.place')}</dt>
        <dd>
          <EventPlace item={event} />
        </dd>
        <dt>{t('events.field.deadline')}</dt>
        <dd>{formatDateTime(event.registration_deadline, locale)}</dd>
        <dt>{t('events.field.seats')}</dt>
        <dd>
          <EventSeats item={event} />
        </dd>
        <dt>{t('events.field.organiser')}</dt>
        <dd>
          <Link to={`/organisations/${event.organiser_slug}`}>{event.organiser_name}</Link>
        </dd>
        {event.initiative_id ? (
          <>
            <dt>{t('events.field.initiative')}</dt>
            <dd>
              <Link to={`/initiatives/${event.initiative_id}`}>{event.initiative_title}</Link>
            </dd>
          </>
        ) : null}
      </dl>
      <p>
        <a href={`/events/${event.id}/ics`} download={`event-${event.id}.ics`}>
          {t('events.ics.download')}
        </a>
      </p>
      <PlainText text={event.description} />
      <RegistrationSection />
      {page.isOrganiser ? <OrganiserSection /> : null}
    </>
  )
}
