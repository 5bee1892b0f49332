import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorSummary, SubmitButton, TextareaField } from '~/components/forms'
import { ListTable } from '~/components/list-table'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import type { action, loader } from './route'
import { cancelEventSchema } from './schema'

// The organiser's part of an event page: who registered (confirmed seats, then the queue in
// order), the way to the attendance form once the event has started, and cancelling the event.

export function OrganiserSection() {
  const { page } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const { event } = page
  const [form, fields] = useForm({
    id: 'cancel-event',
    lastResult: actionData?.intent === 'cancel_event' ? actionData.result : undefined,
    constraint: getZodConstraint(cancelEventSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: cancelEventSchema }),
  })
  return (
    <section aria-labelledby="organiser-title">
      <h2 id="organiser-title">{t('events.organiserTitle')}</h2>
      <ListTable
        count={page.registrations.length}
        empty={t('events.registrations.empty')}
        caption={t('events.registrations.caption')}
        columns={[
          t('events.col.company'),
          t('events.col.status'),
          t('events.col.registered'),
          t('events.col.attendance'),
        ]}
      >
        {page.registrations.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              <Link to={`/organisations/${r.company_slug}`}>{r.company_name}</Link>
            </th>
            <td>
              {r.status === 'waiting'
                ? t('events.status.waiting', { place: r.place })
                : t('events.status.confirmed')}
            </td>
            <td>{formatDateTime(r.registered_at, locale)}</td>
            <td>
              {r.attendance ? t(`events.attendance.${r.attendance}`) : t('events.attendance.none')}
            </td>
          </tr>
        ))}
      </ListTable>
      {page.started && event.status === 'published' ? (
        <p>
          <Link className="button" to={`/events/${event.id}/attendance`}>
            {t('events.attendance.link')}
          </Link>
        </p>
      ) : null}
      {!page.started && event.status === 'published' ? (
        <>
          <h3>{t('events.cancelEvent.title')}</h3>
          <Form method="post" {...getFormProps(form)} className="stack">
            <ErrorSummary form={form} />
            <input type="hidden" name="intent" value="cancel_event" />
            <TextareaField meta={fields.reason} label={t('events.cancelEvent.reason')} rows={3} />
            <div className="actions">
              <SubmitButton>{t('events.cancelEvent.submit')}</SubmitButton>
            </div>
          </Form>
        </>
      ) : null}
    </section>
  )
}
