import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requirePlatformAdmin } from '~/auth/guards.server'
import { ErrorSummary, TextareaField } from '~/components/forms'
import { OrganisationKindLabel } from '~/components/organisation-labels'
import { formatDateTime, formatOrgNumber } from '~/i18n/format'
import { translateError, useLocale, useT } from '~/i18n/use-t'
import { DomainError } from '~/models/errors.server'
import {
  decideVerification,
  getVerificationOutcome,
  listAwaitingVerification,
} from '~/models/verification.server'
import { getDb } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import { schema } from './schema'
import adminMessages from '~/i18n/messages/admin'
import errorsMessages from '~/i18n/messages/errors'
import organisationsMessages from '~/i18n/messages/organisations'

export const handle = { i18n: [adminMessages, errorsMessages, organisationsMessages] }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'admin.verifications.title')

const doneSchema = z.object({
  done: z.enum(['verified', 'rejected']),
  id: z.coerce.number().int().positive(),
})

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request)
  const db = getDb()
  const url = new URL(request.url)
  const done = doneSchema.safeParse({
    done: url.searchParams.get('done'),
    id: url.searchParams.get('id'),
  })
  let notice: { status: 'verified' | 'rejected'; name: string } | null = null
  if (done.success) {
    const outcome = await getVerificationOutcome(db, done.data.id)
    if (outcome?.verification_status === done.data.done)
      notice = { status: done.data.done, name: outcome.name }
  }
  return { organisations: await listAwaitingVerification(db), notice }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requirePlatformAdmin(request)
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema })
  const organisationId = Number(formData.get('organisationId')) || null
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), organisationId }, { status: 400 })
  }
  const { intent, reason } = submission.value
  try {
    await decideVerification(getDb(), admin.id, submission.value.organisationId, intent, reason, {
      ip: clientIp(context),
    })
  } catch (e) {
    if (e instanceof DomainError) {
      return data(
        { result: submission.reply({ formErrors: [e.messageKey] }), organisationId },
        { status: 400 },
      )
    }
    throw e
  }
  const done = intent === 'verify' ? 'verified' : 'rejected'
  return redirect(
    `/admin/verifications?${new URLSearchParams({ done, id: String(submission.value.organisationId) })}`,
  )
}

type Awaiting = Awaited<ReturnType<typeof loader>>['organisations'][number]

export default function Verifications() {
  const { organisations, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  // A decision on an organisation that has left the list (someone else decided) still gets its message.
  const orphanErrors =
    actionData && !organisations.some((o) => o.id === actionData.organisationId)
      ? Object.values(actionData.result.error ?? {}).flatMap((errors) => errors ?? [])
      : []
  return (
    <>
      <h1>{t('admin.verifications.title')}</h1>
      {notice ? (
        <p className="notice notice--ok" role="status">
          {t(`admin.verifications.done.${notice.status}`, { name: notice.name })}
        </p>
      ) : null}
      {orphanErrors.length ? (
        <div className="error-summary" role="alert">
          <ul>
            {orphanErrors.map((message) => (
              <li key={message}>{translateError(t, message)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>{t('admin.verifications.intro')}</p>
      {organisations.length === 0 ? (
        <p>{t('admin.verifications.empty')}</p>
      ) : (
        <ul className="verification-list" aria-label={t('admin.verifications.listLabel')}>
          {organisations.map((org) => (
            <li key={org.id} className="card">
              <Decision
                org={org}
                lastResult={actionData?.organisationId === org.id ? actionData.result : undefined}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

function Decision({ org, lastResult }: { org: Awaiting; lastResult?: SubmissionResult<string[]> }) {
  const t = useT()
  const locale = useLocale()
  const [form, fields] = useForm({
    id: `verification-${org.id}`,
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const titleId = `verification-${org.id}-title`
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{org.name}</h2>
      <dl className="details">
        <dt>{t('admin.verifications.orgNumber')}</dt>
        <dd>{formatOrgNumber(org.org_number)}</dd>
        <dt>{t('admin.verifications.type')}</dt>
        <dd>
          <OrganisationKindLabel
            kind={org.kind}
            publicBodyType={org.public_body_type}
            intermediaryType={org.intermediary_type}
            sizeClass={null}
          />
        </dd>
        <dt>{t('admin.verifications.county')}</dt>
        <dd>{org.county_name}</dd>
        {org.municipality_name ? (
          <>
            <dt>{t('admin.verifications.municipality')}</dt>
            <dd>{org.municipality_name}</dd>
          </>
        ) : null}
        {org.website ? (
          <>
            <dt>{t('admin.verifications.website')}</dt>
            <dd>
              <a href={org.website} rel="noopener noreferrer">
                {org.website}
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t('admin.verifications.registeredBy')}</dt>
        <dd>
          {org.admin_email ? (
            <>
              {org.admin_name} (<a href={`mailto:${org.admin_email}`}>{org.admin_email}</a>)
            </>
          ) : (
            t('admin.verifications.noAdmin')
          )}
        </dd>
        <dt>{t('admin.verifications.registeredAt')}</dt>
        <dd>{formatDateTime(org.created_at, locale)}</dd>
      </dl>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <input type="hidden" name="organisationId" value={org.id} />
        <TextareaField
          meta={fields.reason}
          label={t('admin.verifications.reason')}
          hint={t('admin.verifications.reasonHint')}
          required={false}
          rows={3}
        />
        <div className="actions">
          <button type="submit" className="button" name="intent" value="verify">
            {t('admin.verifications.verify')}
            <span className="visually-hidden"> {org.name}</span>
          </button>
          <button type="submit" className="button button--danger" name="intent" value="reject">
            {t('admin.verifications.reject')}
            <span className="visually-hidden"> {org.name}</span>
          </button>
        </div>
      </Form>
    </section>
  )
}
