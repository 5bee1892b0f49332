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
import { enforceFormLimit } from '~/auth/limits.server'
import {
  CheckboxField,
  ErrorSummary,
  HoneypotField,
  SubmitButton,
  TextareaField,
  TextField,
} from '~/components/forms'
import { DoneNotice } from '~/components/problem'
import { shownLanguage } from '~/components/reference-card'
import { getLocale } from '~/i18n/locale.server'
import { useLocale, useT } from '~/i18n/use-t'
import {
  getReferenceForContact,
  REQUEST_RETENTION_DAYS,
  requestReferenceCall,
} from '~/models/reference-call-requests.server'
import { getDb } from '~/utils/db.server'
import { orNotFound, refusalReply } from '~/utils/domain-errors.server'
import { checkHoneypot } from '~/utils/honeypot.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import { contactSchema, referenceIdSchema } from './schema'
import errorsMessages from '~/i18n/messages/errors'
import organisationsMessages from '~/i18n/messages/organisations'
import referencesMessages from '~/i18n/messages/references'
import showcaseMessages from '~/i18n/messages/showcase'

export const handle = {
  i18n: [errorsMessages, organisationsMessages, referencesMessages, showcaseMessages],
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'showcase.contact.title')

function parseReferenceId(params: { referenceId?: string }): number {
  const id = referenceIdSchema.safeParse(params.referenceId)
  if (!id.success) throw notFound()
  return id.data
}

async function publishedReference(referenceId: number) {
  return orNotFound(getReferenceForContact(getDb(), referenceId))
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const reference = await publishedReference(parseReferenceId(params))
  const sent = new URL(request.url).searchParams.get('sent') === '1'
  return { reference, sent, retentionDays: REQUEST_RETENTION_DAYS }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const referenceId = parseReferenceId(params)
  const formData = await request.formData()
  checkHoneypot(formData)
  const submission = parseWithZod(formData, { schema: contactSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply() }, { status: 400 })
  }
  enforceFormLimit(request, clientIp(context))
  const { name, email, organisation, country, message } = submission.value
  try {
    await requestReferenceCall(getDb(), {
      referenceId,
      name,
      email,
      organisation,
      country: country ?? null,
      message,
      locale: getLocale(request),
    })
  } catch (error) {
    return data({ result: refusalReply(submission, error) }, { status: 400 })
  }
  return redirect(`/references/${referenceId}/contact?sent=1`)
}

export default function ReferenceContact() {
  const { reference, sent, retentionDays } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const [form, fields] = useForm({
    id: 'reference-contact',
    lastResult: actionData?.result,
    constraint: getZodConstraint(contactSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: contactSchema }),
  })
  const lang = shownLanguage(locale, reference.title_en !== null)
  const title = lang === 'en' && reference.title_en ? reference.title_en : reference.title_sv
  const who = t('showcase.contact.who', {
    role: reference.contact_role,
    publicBody: reference.public_body_name,
  })
  return (
    <>
      <h1>{t('showcase.contact.title')}</h1>
      <p className="meta">
        {t('showcase.contact.reference')}{' '}
        <Link to={`/references/${reference.id}`} lang={lang === locale ? undefined : lang}>
          {title}
        </Link>{' '}
        · {reference.public_body_name} · {reference.company_name}
      </p>
      {sent ? (
        <>
          <DoneNotice>{t('showcase.contact.sent')}</DoneNotice>
          <p>{who}</p>
          <p>{t('showcase.contact.sentErase', { days: retentionDays })}</p>
          <p>
            <Link to={`/references/${reference.id}`}>{t('showcase.contact.back')}</Link>
          </p>
        </>
      ) : !reference.takes_reference_calls ? (
        <>
          <div className="notice notice--warn">
            <p>{t('showcase.contact.closed')}</p>
          </div>
          <p>
            <Link to={`/references/${reference.id}`}>{t('showcase.contact.back')}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t('showcase.contact.intro')}</p>
          <p>{who}</p>
          <Form method="post" {...getFormProps(form)} className="stack">
            <ErrorSummary form={form} />
            <HoneypotField />
            <TextField meta={fields.name} label={t('showcase.contact.name')} autoComplete="name" />
            <TextField
              meta={fields.email}
              label={t('showcase.contact.email')}
              hint={t('showcase.contact.emailHint')}
              type="email"
              autoComplete="email"
            />
            <TextField
              meta={fields.organisation}
              label={t('showcase.contact.organisation')}
              autoComplete="organization"
            />
            <TextField
              meta={fields.country}
              label={t('showcase.contact.country')}
              hint={t('showcase.contact.countryHint')}
              autoComplete="country-name"
              required={false}
              width="medium"
            />
            <TextareaField
              meta={fields.message}
              label={t('showcase.contact.message')}
              hint={t('showcase.contact.messageHint')}
              rows={6}
            />
            <CheckboxField
              meta={fields.consent}
              label={t('showcase.contact.consent', { days: retentionDays })}
              hint={t('showcase.contact.privacy', { days: retentionDays })}
            />
            <SubmitButton>{t('showcase.contact.submit')}</SubmitButton>
          </Form>
        </>
      )}
    </>
  )
}
