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
import { useMemo } from 'react'
import { notFound } from '~/auth/guards.server'
import { requireOrganisationMember } from '~/auth/organisation-guard.server'
import { CallFormFields, newCallDefaults } from '~/components/call-form'
import { ErrorSummary, SubmitButton } from '~/components/forms'
import { getLocale } from '~/i18n/locale.server'
import { useT } from '~/i18n/use-t'
import { createCallDraft, getCallFormOptions } from '~/models/call-drafts.server'
import { findUnknownCpv } from '~/models/cpv.server'
import { type CallDraftInput, type CallDraftValue, callDraftSchema } from '~/utils/call-schema'
import { unknownCpvMessage } from '~/utils/cpv'
import { getDb } from '~/utils/db.server'
import { refusalReply } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import callAuthoringMessages from '~/i18n/messages/call-authoring'
import callsMessages from '~/i18n/messages/calls'
import cpvMessages from '~/i18n/messages/cpv'
import errorsMessages from '~/i18n/messages/errors'
import organisationsMessages from '~/i18n/messages/organisations'

export const handle = {
  i18n: [callAuthoringMessages, callsMessages, cpvMessages, errorsMessages, organisationsMessages],
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'callEdit.new.title')

/** A member of a public body; companies and outsiders get 404. */
async function requireBuyerMember(request: Request, params: { slug?: string }) {
  const { user, org } = await requireOrganisationMember(request, params)
  if (org.kind !== 'public_body') throw notFound()
  return { user, org }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org } = await requireBuyerMember(request, params)
  return {
    org: {
      slug: org.slug,
      name: org.name,
      county_code: org.county_code,
      municipality_code: org.municipality_code,
    },
    options: await getCallFormOptions(getDb(), org.id, getLocale(request)),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, org } = await requireBuyerMember(request, params)
  const db = getDb()
  const options = await getCallFormOptions(db, org.id, getLocale(request))
  const submission = parseWithZod(await request.formData(), { schema: callDraftSchema(options) })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const unknown = await findUnknownCpv(db, submission.value.cpv_codes)
  if (unknown.length > 0) {
    const reply = submission.reply({ fieldErrors: { cpv_codes: [unknownCpvMessage(unknown)] } })
    return data({ result: reply }, { status: 400 })
  }
  try {
    const call = await createCallDraft(db, {
      organisationId: org.id,
      userId: user.id,
      input: submission.value,
      ip: clientIp(context),
    })
    return redirect(`/calls/${call.id}/edit?notice=created`)
  } catch (error) {
    return data({ result: refusalReply(submission, error) }, { status: 400 })
  }
}

export default function NewCall() {
  const { org, options } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const schema = useMemo(() => callDraftSchema(options), [options])
  const [form, fields] = useForm<CallDraftInput, CallDraftValue>({
    id: 'call',
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: newCallDefaults(org, options),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  return (
    <>
      <h1>{t('callEdit.new.title')}</h1>
      <p>
        <Link to={`/organisations/${org.slug}/calls`}>{t('callEdit.new.back')}</Link>
      </p>
      <p className="lead">{t('callEdit.new.lead')}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <CallFormFields fields={fields} options={options} cpvLabels={[]} />
        <div className="actions">
          <SubmitButton>{t('callEdit.saveDraft')}</SubmitButton>
        </div>
      </Form>
    </>
  )
}
