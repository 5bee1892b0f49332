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
import { notFound, requireUser } from '~/auth/guards.server'
import { ErrorSummary, SubmitButton } from '~/components/forms'
import { InitiativeFormFields } from '~/components/initiative-form'
import { getLocale } from '~/i18n/locale.server'
import { useT } from '~/i18n/use-t'
import { findUnknownCpv, getCpvLabels } from '~/models/cpv.server'
import { targetsOf } from '~/models/initiative-reads.server'
import {
  editableInitiative,
  getInitiativeFormOptions,
  updateInitiative,
} from '~/models/initiatives.server'
import { cpvCodesText, unknownCpvMessage } from '~/utils/cpv'
import { getDb } from '~/utils/db.server'
import { orNotFound, refusalReply } from '~/utils/domain-errors.server'
import {
  type InitiativeFormInput,
  type InitiativeFormValue,
  initiativeIdSchema,
  initiativeSchema,
} from '~/utils/initiative-schema'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import cpvMessages from '~/i18n/messages/cpv'
import errorsMessages from '~/i18n/messages/errors'
import initiativesMessages from '~/i18n/messages/initiatives'

export const handle = { i18n: [initiativesMessages, cpvMessages, errorsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('initiativeForm.editTitle', { title: data.initiative.title }) : t('notFound.title'),
  )

function idOf(params: { initiativeId?: string }) {
  const id = initiativeIdSchema.safeParse(params.initiativeId)
  if (!id.success) throw notFound()
  return id.data
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const db = getDb()
  const locale = getLocale(request)
  const initiative = await orNotFound(editableInitiative(db, idOf(params), user.id))
  const targets = await targetsOf(db, initiative.id)
  return {
    initiative: {
      id: initiative.id,
      title: initiative.title,
      defaults: {
        kind: initiative.kind,
        title: initiative.title,
        summary: initiative.summary,
        description: initiative.description,
        starts_on: initiative.starts_on ?? '',
        ends_on: initiative.ends_on ?? '',
        budget_band: initiative.budget_band,
        contact_role: initiative.contact_role,
        contact_email: initiative.contact_email,
        ...targets,
        cpv_codes: cpvCodesText(targets.cpv_codes),
      },
    },
    cpvLabels: await getCpvLabels(db, targets.cpv_codes, locale),
    options: await getInitiativeFormOptions(db, locale),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const db = getDb()
  const id = idOf(params)
  await orNotFound(editableInitiative(db, id, user.id))
  const options = await getInitiativeFormOptions(db, getLocale(request))
  const submission = parseWithZod(await request.formData(), { schema: initiativeSchema(options) })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const unknown = await findUnknownCpv(db, submission.value.cpv_codes)
  if (unknown.length > 0) {
    const reply = submission.reply({ fieldErrors: { cpv_codes: [unknownCpvMessage(unknown)] } })
    return data({ result: reply }, { status: 400 })
  }
  try {
    await updateInitiative(db, {
      initiativeId: id,
      userId: user.id,
      input: submission.value,
      ip: clientIp(context),
    })
    return redirect(`/initiatives/${id}?notice=saved`)
  } catch (error) {
    return data({ result: refusalReply(submission, error) }, { status: 400 })
  }
}

export default function EditInitiative() {
  const { initiative, options, cpvLabels } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const schema = useMemo(() => initiativeSchema(options), [options])
  const [form, fields] = useForm<InitiativeFormInput, InitiativeFormValue>({
    id: 'initiative',
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: initiative.defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  return (
    <>
      <h1>{t('initiativeForm.editTitle', { title: initiative.title })}</h1>
      <p>
        <Link to={`/initiatives/${initiative.id}`}>{t('initiativeForm.back')}</Link>
      </p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <InitiativeFormFields fields={fields} options={options} cpvLabels={cpvLabels} />
        <div className="actions">
          <SubmitButton>{t('initiativeForm.save')}</SubmitButton>
        </div>
      </Form>
    </>
  )
}
