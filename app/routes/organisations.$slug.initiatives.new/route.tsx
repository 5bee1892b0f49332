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
import { ErrorSummary, SubmitButton } from '~/components/forms'
import { InitiativeFormFields } from '~/components/initiative-form'
import { getLocale } from '~/i18n/locale.server'
import { useT } from '~/i18n/use-t'
import { findUnknownCpv } from '~/models/cpv.server'
import {
  canOwnInitiatives,
  createInitiative,
  getInitiativeFormOptions,
} from '~/models/initiatives.server'
import { unknownCpvMessage } from '~/utils/cpv'
import { getDb } from '~/utils/db.server'
import { refusalReply } from '~/utils/domain-errors.server'
import {
  type InitiativeFormInput,
  type InitiativeFormValue,
  initiativeSchema,
} from '~/utils/initiative-schema'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import cpvMessages from '~/i18n/messages/cpv'
import errorsMessages from '~/i18n/messages/errors'
import initiativesMessages from '~/i18n/messages/initiatives'

export const handle = { i18n: [initiativesMessages, cpvMessages, errorsMessages] }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'initiativeForm.newTitle')

/** A member of a verified public body or intermediary; anyone else gets 404. */
async function requireOwnerMember(request: Request, params: { slug?: string }) {
  const { user, org } = await requireOrganisationMember(request, params)
  if (!canOwnInitiatives(org)) throw notFound()
  return { user, org }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org } = await requireOwnerMember(request, params)
  return {
    org: { slug: org.slug, name: org.name },
    options: await getInitiativeFormOptions(getDb(), getLocale(request)),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, org } = await requireOwnerMember(request, params)
  const db = getDb()
  const options = await getInitiativeFormOptions(db, getLocale(request))
  const submission = parseWithZod(await request.formData(), { schema: initiativeSchema(options) })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const unknown = await findUnknownCpv(db, submission.value.cpv_codes)
  if (unknown.length > 0) {
    const reply = submission.reply({ fieldErrors: { cpv_codes: [unknownCpvMessage(unknown)] } })
    return data({ result: reply }, { status: 400 })
  }
  try {
    const created = await createInitiative(db, {
      organisation: org,
      userId: user.id,
      input: submission.value,
      ip: clientIp(context),
    })
    return redirect(`/initiatives/${created.id}?notice=created`)
  } catch (error) {
    return data({ result: refusalReply(submission, error) }, { status: 400 })
  }
}

export default function NewInitiative() {
  const { org, options } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const schema = useMemo(() => initiativeSchema(options), [options])
  const [form, fields] = useForm<InitiativeFormInput, InitiativeFormValue>({
    id: 'initiative',
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: { budget_band: 'undecided' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  return (
    <>
      <h1>{t('initiativeForm.newTitle')}</h1>
      <p>
        <Link to={`/organisations/${org.slug}/initiatives`}>
          {t('orgInitiatives.back', { name: org.name })}
        </Link>
      </p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <InitiativeFormFields fields={fields} options={options} cpvLabels={[]} />
        <div className="actions">
          <SubmitButton>{t('initiativeForm.save')}</SubmitButton>
        </div>
      </Form>
    </>
  )
}
