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
import { useT } from '~/i18n/use-t'
import { createReference } from '~/models/reference-editing.server'
import { getSourceForDraft } from '~/models/reference-sources.server'
import { getDb } from '~/utils/db.server'
import { orNotFound, refusalReply } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import {
  type ReferenceFormInput,
  type ReferenceFormValue,
  referenceFormDefaults,
  referenceFormSchema,
  type ReferenceSource,
  referenceSourceSchema,
} from '~/utils/reference-schema'
import { clientIp } from '~/utils/request.server'
import errorsMessages from '~/i18n/messages/errors'
import referencesMessages from '~/i18n/messages/references'

export const handle = { i18n: [errorsMessages, referencesMessages] }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'reference.new.title')

/** ?pilot=ID or ?call=ID&company=ID; anything else is simply not found. */
function parseSource(request: Request): ReferenceSource {
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const source = referenceSourceSchema.safeParse(params)
  if (!source.success) throw notFound()
  return source.data
}

/** The source for one of its parties, or 404 (not completed, not awarded, not a party). */
async function sourceFor(source: ReferenceSource, userId: number) {
  return orNotFound(getSourceForDraft(getDb(), source, userId))
}

export async function loader({ request }: LoaderFunctionArgs) {
  const source = parseSource(request)
  const user = await requireUser(request)
  const draft = await sourceFor(source, user.id)
  // One case per source: the one already written is where to go.
  if (draft.existingId !== null) throw redirect(`/references/${draft.existingId}`)
  const { prefill, ...rest } = draft
  return { ...rest, defaults: referenceFormDefaults(prefill) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const source = parseSource(request)
  const user = await requireUser(request)
  const draft = await sourceFor(source, user.id)
  if (draft.existingId !== null) throw redirect(`/references/${draft.existingId}`)
  const submission = parseWithZod(await request.formData(), { schema: referenceFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  try {
    const id = await createReference(getDb(), {
      source,
      userId: user.id,
      text: submission.value,
      ip: clientIp(context),
    })
    return redirect(`/references/${id}?notice=created`)
  } catch (error) {
    return data({ result: refusalReply(submission, error) }, { status: 400 })
  }
}

export default function NewReference() {
  const { source, publicBody, company, side, defaults } = useLoaderData<typeof loader>()
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
  const own = side === 'public_body' ? publicBody : company
  const other = side === 'public_body' ? company : publicBody
  return (
    <>
      <h1>{t('reference.new.title')}</h1>
      <p>
        <Link to={`/organisations/${own.slug}/references`}>{t('reference.new.back')}</Link>
      </p>
      <p>
        {source.kind === 'pilot'
          ? t('reference.new.fromPilot', { title: source.title })
          : t('reference.new.fromCall', { title: source.title })}{' '}
        {t('reference.new.parties', { publicBody: publicBody.name, company: company.name })}
      </p>
      <p className="lead">{t('reference.new.lead', { other: other.name })}</p>
      <Form method="post" {...getFormProps(form)} className="stack reference-form">
        <ErrorSummary form={form} />
        <ReferenceFormFields fields={fields} />
        <div className="actions">
          <SubmitButton>{t('reference.new.submit')}</SubmitButton>
        </div>
      </Form>
    </>
  )
}
