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
import {
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextareaField,
  TextField,
} from '~/components/forms'
import { ListTable } from '~/components/list-table'
import { formatDate, formatDateTime } from '~/i18n/format'
import contactsMessages from '~/i18n/messages/contacts'
import errorsMessages from '~/i18n/messages/errors'
import { useLocale, useT } from '~/i18n/use-t'
import { authoredContact } from '~/models/contact-reads.server'
import { correctContact } from '~/models/contacts.server'
import { canOwnInitiatives } from '~/models/initiatives.server'
import { CONTACT_KIND_VALUES } from '~/routes/organisations.$slug.contacts/schema'
import { getDb } from '~/utils/db.server'
import { orNotFound, refusalReply } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import { contactIdSchema, correctionSchema } from './schema'

// One contact in the ledger of the organisation that recorded it (decision record 029): its
// members correct the date, kind or purpose; the database keeps every replaced text, shown below
// as the contact's history. The company sees that it was corrected. Anyone else gets 404.

export const handle = { i18n: [contactsMessages, errorsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data
      ? t('contacts.correct.title', { company: data.contact.company_name })
      : t('notFound.title'),
  )

async function requireContact(request: Request, params: { slug?: string; contactId?: string }) {
  const { user, org } = await requireOrganisationMember(request, params)
  const contactId = contactIdSchema.safeParse(params.contactId)
  if (!canOwnInitiatives(org) || !contactId.success) throw notFound()
  const found = await orNotFound(
    authoredContact(getDb(), { contactId: contactId.data, userId: user.id }),
  )
  if (found.contact.author_id !== org.id) throw notFound()
  return { user, org, ...found }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, contact, history } = await requireContact(request, params)
  const notice = new URL(request.url).searchParams.get('notice') === 'corrected'
  return { org: { slug: org.slug, name: org.name }, contact, history, notice }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, org, contact } = await requireContact(request, params)
  const submission = parseWithZod(await request.formData(), { schema: correctionSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  try {
    await correctContact(getDb(), {
      contactId: contact.id,
      userId: user.id,
      input: submission.value,
      ip: clientIp(context),
    })
  } catch (error) {
    return data({ result: refusalReply(submission, error) }, { status: 400 })
  }
  return redirect(`/organisations/${org.slug}/contacts/${contact.id}?notice=corrected`)
}

export default function CorrectContact() {
  const { org, contact, history, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const day = (value: string) => formatDate(Date.parse(`${value}T12:00:00Z`) / 1000, locale)
  const [form, fields] = useForm({
    id: 'correction',
    lastResult: actionData?.result,
    constraint: getZodConstraint(correctionSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: {
      contacted_on: contact.contacted_on,
      kind: contact.kind,
      purpose: contact.purpose,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: correctionSchema }),
  })
  return (
    <>
      <h1>{t('contacts.correct.title', { company: contact.company_name })}</h1>
      <p>
        <Link to={`/organisations/${org.slug}/contacts`}>{t('contacts.correct.back')}</Link>
      </p>
      {notice ? <p role="status">{t('contacts.correct.saved')}</p> : null}
      <p>{t('contacts.correct.intro')}</p>
      <dl className="details">
        <dt>{t('contacts.col.company')}</dt>
        <dd>{contact.company_name}</dd>
        <dt>{t('contacts.col.initiative')}</dt>
        <dd>{contact.initiative_title ?? t('contacts.noInitiative')}</dd>
        <dt>{t('contacts.correct.recordedAt')}</dt>
        <dd>{formatDateTime(contact.recorded_at, locale)}</dd>
      </dl>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <TextField meta={fields.contacted_on} label={t('contacts.col.date')} type="date" />
        <SelectField
          meta={fields.kind}
          label={t('contacts.col.kind')}
          options={CONTACT_KIND_VALUES.map((k) => ({ value: k, label: t(`contacts.kind.${k}`) }))}
        />
        <TextareaField meta={fields.purpose} label={t('contacts.col.purpose')} rows={4} />
        <div className="actions">
          <SubmitButton>{t('contacts.correct.save')}</SubmitButton>
        </div>
      </Form>
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('contacts.correct.historyTitle')}</h2>
        <ListTable
          count={history.length}
          empty={t('contacts.correct.historyEmpty')}
          caption={t('contacts.correct.historyCaption')}
          columns={[
            t('contacts.correct.version'),
            t('contacts.col.date'),
            t('contacts.col.kind'),
            t('contacts.col.purpose'),
            t('contacts.correct.replaced'),
          ]}
        >
          {history.map((h) => (
            <tr key={h.revision}>
              <th scope="row">{h.revision}</th>
              <td>{day(h.contacted_on)}</td>
              <td>{t(`contacts.kind.${h.kind}`)}</td>
              <td>{h.purpose}</td>
              <td>
                {t('contacts.correct.replacedBy', {
                  date: formatDateTime(h.replaced_at, locale),
                  name: h.written_by_name,
                })}
              </td>
            </tr>
          ))}
        </ListTable>
      </section>
    </>
  )
}
