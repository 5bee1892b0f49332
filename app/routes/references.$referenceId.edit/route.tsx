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
import { notFound, requireUser } from '~/auth/guards.server'
import { ErrorSummary, SubmitButton } from '~/components/forms'
import { ReferenceFormFields } from '~/components/reference-form'
import { ReferenceStatusBadge } from '~/components/reference-labels'
import { useT } from '~/i18n/use-t'
import { getReferenceForEdit } from '~/models/reference-cases.server'
import { updateReference } from '~/models/reference-editing.server'
import { getDb } from '~/utils/db.server'
import { orNotFound, refusalReply } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import {
  type ReferenceFormInput,
  type ReferenceFormValue,
  referenceFormDefaults,
  referenceFormSchema,
  referenceIdSchema,
} from '~/utils/reference-schema'
import { clientIp } from '~/utils/request.server'
import errorsMessages from '~/i18n/messages/errors'
import referencesMessages from '~/i18n/messages/references'

export const handle = { i18n: [errorsMessages, referencesMessages] }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'reference.edit.title')

function parseReferenceId(params: { referenceId?: string }): number {
  const id = referenceIdSchema.safeParse(params.referenceId)
  if (!id.success) throw notFound()
  return id.data
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const referenceId = parseReferenceId(params)
  const user = await requireUser(request)
  const { reference } = await orNotFound(getReferenceForEdit(getDb(), referenceId, user.id))
  return {
    reference: {
      id: reference.id,
      status: reference.status,
      revision: reference.revision,
      title_sv: reference.title_sv,
    },
    defaults: referenceFormDefaults(reference),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const referenceId = parseReferenceId(params)
  const user = await requireUser(request)
  const db = getDb()
  // Parties only, before the form is read: anyone else learns nothing from its validation.
  await orNotFound(getReferenceForEdit(db, referenceId, user.id))
  const submission = parseWithZod(await request.formData(), { schema: referenceFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  try {
    const outcome = await updateReference(db, {
      referenceId,
      userId: user.id,
      text: submission.value,
      ip: clientIp(context),
    })
    const notice = !outcome.changed ? 'unchanged' : outcome.reset ? 'savedReset' : 'saved'
    return redirect(`/references/${referenceId}?notice=${notice}`)
  } catch (error) {
    return data({ result: refusalReply(submission, error) }, { status: 400 })
  }
}

export default function EditReference() {
  const { reference, defaults } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const [form, fields] = useForm<ReferenceFormInput, ReferenceFormValue>({
    id: 'reference',
    lastResult: actionData?.result,
    constraint: getZodConstraint(referenceFormSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: referenceFormSchema }),
  })
  return (
    <>
      <h1>{t('reference.edit.title')}</h1>
      <p>
        <Link to={`/references/${reference.id}`}>{t('reference.edit.back')}</Link>
      </p>
      <p lang="sv">
        <strong>{reference.title_sv}</strong>
      </p>
      <p>
        <ReferenceStatusBadge status={reference.status} />{' '}
        {t('reference.party.revision', { revision: reference.revision })}
      </p>
      <div className="notice notice--warn">
        <p>{t('reference.edit.warning')}</p>
      </div>
      <Form method="post" {...getFormProps(form)} className="stack reference-form">
        <ErrorSummary form={form} />
        <ReferenceFormFields fields={fields} />
        <div className="actions">
          <SubmitButton>{t('reference.edit.submit')}</SubmitButton>
        </div>
      </Form>
    </>
  )
}
