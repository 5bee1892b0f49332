import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { requireUser } from '~/auth/guards.server'
import { enforceFormLimit } from '~/auth/limits.server'
import { ChoiceGroup, ErrorSummary, SubmitButton, TextField } from '~/components/forms'
import {
  IntermediaryTypeField,
  LocationFields,
  ProfileFields,
  PublicBodyTypeField,
  SectorsField,
  SizeClassField,
} from '~/components/organisation-form'
import { getLocale } from '~/i18n/locale.server'
import { useT } from '~/i18n/use-t'
import { registerOrganisation } from '~/models/organisations.server'
import { getOrganisationFormOptions } from '~/models/reference.server'
import { getDb } from '~/utils/db.server'
import { refusalReply } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import { schema } from './schema'
import errorsMessages from '~/i18n/messages/errors'
import organisationsMessages from '~/i18n/messages/organisations'

export const handle = { i18n: [errorsMessages, organisationsMessages] }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'orgNew.title')

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  return { options: await getOrganisationFormOptions(getDb(), getLocale(request)) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const ip = clientIp(context)
  enforceFormLimit(request, ip)
  const db = getDb()
  const options = await getOrganisationFormOptions(db, getLocale(request))
  const submission = parseWithZod(await request.formData(), { schema: schema(options) })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  try {
    const org = await registerOrganisation(db, user.id, submission.value, ip)
    return redirect(`/organisations/${org.slug}?registered=1`)
  } catch (error) {
    // registerOrganisation never answers 'not_found', so every refusal is the form's.
    const fields = {
      org_number_taken: 'org_number',
      municipality_not_in_county: 'municipality_code',
    }
    return data({ result: refusalReply(submission, error, fields) }, { status: 400 })
  }
}

export default function RegisterOrganisation() {
  const { options } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const formSchema = useMemo(() => schema(options), [options])
  const [form, fields] = useForm({
    id: 'register-organisation',
    lastResult: actionData?.result,
    constraint: getZodConstraint(formSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: formSchema }),
  })
  const kind = fields.kind.value
  // Until a kind is chosen (and always without JavaScript) every kind's fields are shown.
  const shows = (k: string) => !kind || kind === k
  return (
    <>
      <h1>{t('orgNew.title')}</h1>
      <p className="lead">{t('orgNew.intro')}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <ChoiceGroup
          meta={fields.kind}
          type="radio"
          legend={t('orgForm.kind')}
          hint={t('orgForm.kind.hint')}
          options={[
            { value: 'company', label: t('org.kind.company') },
            { value: 'public_body', label: t('org.kind.public_body') },
            { value: 'intermediary', label: t('org.kind.intermediary') },
          ]}
        />
        <TextField
          meta={fields.name}
          label={t('orgForm.name')}
          hint={t('orgForm.name.hint')}
          autoComplete="organization"
        />
        <TextField
          meta={fields.org_number}
          label={t('orgForm.orgNumber')}
          hint={t('orgForm.orgNumber.hint')}
          autoComplete="off"
          width="medium"
        />
        {shows('public_body') ? (
          <PublicBodyTypeField meta={fields.public_body_type} required={kind === 'public_body'} />
        ) : null}
        {shows('intermediary') ? (
          <IntermediaryTypeField
            meta={fields.intermediary_type}
            required={kind === 'intermediary'}
          />
        ) : null}
        {shows('company') ? (
          <SizeClassField meta={fields.size_class} required={kind === 'company'} />
        ) : null}
        <LocationFields
          county={fields.county_code}
          municipality={fields.municipality_code}
          counties={options.counties}
          municipalities={options.municipalities}
        />
        {shows('company') ? (
          <SectorsField
            meta={fields.sectors}
            sectors={options.sectors}
            companiesOnly={kind !== 'company'}
          />
        ) : null}
        <ProfileFields website={fields.website} description={fields.description} />
        <SubmitButton>{t('orgNew.submit')}</SubmitButton>
      </Form>
    </>
  )
}
