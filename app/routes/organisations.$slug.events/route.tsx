import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { notFound } from '~/auth/guards.server'
import { requireOrganisationMember } from '~/auth/organisation-guard.server'
import { EventSeats } from '~/components/event-summary'
import {
  CheckboxField,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextareaField,
  TextField,
} from '~/components/forms'
import { ListTable } from '~/components/list-table'
import { formatDateTime } from '~/i18n/format'
import errorsMessages from '~/i18n/messages/errors'
import eventsMessages from '~/i18n/messages/events'
import { useLocale, useT } from '~/i18n/use-t'
import { listOrganisationEvents } from '~/models/event-reads.server'
import { createEvent } from '~/models/events.server'
import { listOrganisationInitiatives } from '~/models/initiative-reads.server'
import { canOwnInitiatives } from '~/models/initiatives.server'
import { getDb } from '~/utils/db.server'
import { refusalReply } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import { EVENT_KIND_VALUES, eventSchema } from './schema'

// A verified public body's or intermediary's events (decision record 031): the list, and a form
// to publish a new one, usually within one of its event series. Anyone else gets 404.

export const handle = { i18n: [eventsMessages, errorsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('events.org.title', { name: data.org.name }) : t('notFound.title'),
  )

async function requireOrganiser(request: Request, params: { slug?: string }) {
  const { user, org } = await requireOrganisationMember(request, params)
  if (!canOwnInitiatives(org)) throw notFound()
  return { user, org }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org } = await requireOrganiser(request, params)
  const db = getDb()
  const [events, initiatives] = await Promise.all([
    listOrganisationEvents(db, org.id),
    listOrganisationInitiatives(db, org.id),
  ])
  return {
    org: { slug: org.slug, name: org.name },
    events,
    initiatives: initiatives
      .filter((i) => i.status !== 'finished')
      .map((i) => ({ id: i.id, title: i.title, series: i.kind === 'event_series' })),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, org } = await requireOrganiser(request, params)
  const submission = parseWithZod(await request.formData(), { schema: eventSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { initiative_id, ...input } = submission.value
  let id: number
  try {
    const row = await createEvent(getDb(), {
      organisationId: org.id,
      userId: user.id,
      input: { ...input, initiative_id: initiative_id ?? null },
      ip: clientIp(context),
    })
    id = row.id
  } catch (error) {
    return data(
      {
        result: refusalReply(submission, error, {
          event_in_past: 'registration_deadline',
          initiative_link_not_owner: 'initiative_id',
        }),
      },
      { status: 400 },
    )
  }
  return redirect(`/events/${id}?notice=published`)
}

export default function OrganisationEvents() {
  const { org, events, initiatives } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const series = initiatives.find((i) => i.series)
  const [form, fields] = useForm({
    id: 'event',
    lastResult: actionData?.result,
    constraint: getZodConstraint(eventSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: { initiative_id: series ? String(series.id) : '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: eventSchema }),
  })
  const timeHint = t('events.form.timeHint')
  return (
    <>
      <h1>{t('events.org.title', { name: org.name })}</h1>
      <p>
        <Link to={`/organisations/${org.slug}`}>{t('events.org.back')}</Link>
      </p>
      <ListTable
        count={events.length}
        empty={t('events.org.empty')}
        caption={t('events.org.caption')}
        columns={[t('events.col.event'), t('events.col.when'), t('events.col.seats')]}
      >
        {events.map((e) => (
          <tr key={e.id}>
            <th scope="row">
              <Link to={`/events/${e.id}`}>{e.title}</Link>
            </th>
            <td>{formatDateTime(e.starts_at, locale)}</td>
            <td>
              <EventSeats item={e} />
            </td>
          </tr>
        ))}
      </ListTable>
      <section aria-labelledby="new-event-title">
        <h2 id="new-event-title">{t('events.form.title')}</h2>
        <Form method="post" {...getFormProps(form)} className="stack">
          <ErrorSummary form={form} />
          <SelectField
            meta={fields.kind}
            label={t('events.form.kind')}
            options={EVENT_KIND_VALUES.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))}
          />
          <TextField meta={fields.title} label={t('events.form.name')} />
          <TextareaField
            meta={fields.description}
            label={t('events.form.description')}
            hint={t('events.form.descriptionHint')}
            rows={6}
          />
          <TextField
            meta={fields.starts_at}
            label={t('events.form.starts')}
            hint={timeHint}
            type="datetime-local"
          />
          <TextField
            meta={fields.ends_at}
            label={t('events.form.ends')}
            hint={timeHint}
            type="datetime-local"
          />
          <TextField
            meta={fields.registration_deadline}
            label={t('events.form.deadline')}
            hint={timeHint}
            type="datetime-local"
          />
          <TextField
            meta={fields.venue}
            label={t('events.form.venue')}
            hint={t('events.form.venueHint')}
            required={false}
          />
          <CheckboxField meta={fields.online} label={t('events.form.online')} />
          <TextField
            meta={fields.capacity}
            label={t('events.form.capacity')}
            hint={t('events.form.capacityHint')}
            inputMode="numeric"
            width="short"
          />
          <SelectField
            meta={fields.initiative_id}
            label={t('events.form.initiative')}
            hint={t('events.form.initiativeHint')}
            required={false}
            placeholder={t('events.form.noInitiative')}
            options={initiatives.map((i) => ({ value: String(i.id), label: i.title }))}
          />
          <div className="actions">
            <SubmitButton>{t('events.form.submit')}</SubmitButton>
          </div>
        </Form>
      </section>
    </>
  )
}
