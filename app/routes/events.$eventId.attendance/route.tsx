import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { notFound, requireUser } from '~/auth/guards.server'
import { SubmitButton } from '~/components/forms'
import { DoneNotice } from '~/components/problem'
import errorsMessages from '~/i18n/messages/errors'
import eventsMessages from '~/i18n/messages/events'
import { translateError, useT } from '~/i18n/use-t'
import { listAttendance } from '~/models/event-reads.server'
import { recordAttendance } from '~/models/events.server'
import { getDb } from '~/utils/db.server'
import { orNotFound, refusal } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'

// Attendance after an event (decision record 031): the organiser's members mark each confirmed
// seat attended or no-show, once; each attendance enters the contact ledger in the same
// transaction (decision record 029). Anyone else gets 404. A plain form of radio groups.

export const handle = { i18n: [eventsMessages, errorsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('events.attendance.title', { title: data.event.title }) : t('notFound.title'),
  )

const eventIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,11}$/)
  .transform(Number)
const MARK = /^r-([1-9]\d{0,11})$/

function idOf(params: { eventId?: string }) {
  const id = eventIdSchema.safeParse(params.eventId)
  if (!id.success) throw notFound()
  return id.data
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const page = await orNotFound(listAttendance(getDb(), idOf(params), user.id))
  const notice = new URL(request.url).searchParams.get('notice') === 'saved'
  return { ...page, notice }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const id = idOf(params)
  const marks: Array<{ registrationId: number; attendance: 'attended' | 'no_show' }> = []
  for (const [name, value] of await request.formData()) {
    const match = MARK.exec(name)
    if (match && (value === 'attended' || value === 'no_show')) {
      marks.push({ registrationId: Number(match[1]), attendance: value })
    }
  }
  const chosen = Object.fromEntries(marks.map((m) => [m.registrationId, m.attendance]))
  if (!marks.length) {
    return data({ error: 'events.attendance.error.none', chosen }, { status: 400 })
  }
  try {
    await recordAttendance(getDb(), {
      eventId: id,
      userId: user.id,
      locale: user.locale,
      marks,
      ip: clientIp(context),
    })
  } catch (error) {
    return data({ error: refusal(error).messageKey as string, chosen }, { status: 400 })
  }
  return redirect(`/events/${id}/attendance?notice=saved`)
}

export default function Attendance() {
  const { event, started, registrations, notice } = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>()
  const t = useT()
  const open = registrations.filter((r) => r.attendance === null)
  const first = open[0]
  return (
    <>
      {notice ? <DoneNotice>{t('events.notice.attendance')}</DoneNotice> : null}
      <h1>{t('events.attendance.title', { title: event.title })}</h1>
      <p>
        <Link to={`/events/${event.id}`}>{t('events.back')}</Link>
      </p>
      <p>{t('events.attendance.intro')}</p>
      {!started ? (
        <p>{t('events.attendance.notStarted')}</p>
      ) : registrations.length === 0 ? (
        <p>{t('events.attendance.empty')}</p>
      ) : (
        <Form method="post" className="stack">
          {failed ? (
            <div className="error-summary" role="alert" tabIndex={-1}>
              <p>
                {first ? (
                  <a href={`#r-${first.id}-attended`}>{translateError(t, failed.error)}</a>
                ) : (
                  translateError(t, failed.error)
                )}
              </p>
            </div>
          ) : null}
          {registrations.map((r) => (
            <fieldset key={r.id} className="field">
              <legend>{r.company_name}</legend>
              {r.attendance ? (
                <p>{t(`events.attendance.${r.attendance}`)}</p>
              ) : (
                <div className="choices">
                  {(['attended', 'no_show'] as const).map((value) => (
                    <div className="choice" key={value}>
                      <input
                        type="radio"
                        id={`r-${r.id}-${value}`}
                        name={`r-${r.id}`}
                        value={value}
                        defaultChecked={failed?.chosen[r.id] === value}
                      />
                      <label htmlFor={`r-${r.id}-${value}`}>
                        {t(`events.attendance.${value}`)}
                      </label>
                    </div>
                  ))}
                </div>
              )}
            </fieldset>
          ))}
          {open.length ? (
            <div className="actions">
              <SubmitButton>{t('events.attendance.submit')}</SubmitButton>
            </div>
          ) : null}
        </Form>
      )}
    </>
  )
}
