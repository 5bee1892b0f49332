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
import { newOfferDefaults } from '~/components/test-bed-offer-defaults'
import { OfferFormFields } from '~/components/test-bed-offer-form'
import { getLocale } from '~/i18n/locale.server'
import { useT } from '~/i18n/use-t'
import { createOfferDraft } from '~/models/test-bed-offer-editing.server'
import { getOfferFormOptions } from '~/models/test-bed-offers.server'
import { getDb } from '~/utils/db.server'
import { refusalReply } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import {
  type DraftOfferInput,
  type DraftOfferValue,
  draftOfferSchema,
} from '~/utils/test-bed-offer-schema'
import errorsMessages from '~/i18n/messages/errors'
import offersMessages from '~/i18n/messages/offers'
import organisationsMessages from '~/i18n/messages/organisations'
import testbedsMessages from '~/i18n/messages/testbeds'

export const handle = {
  i18n: [errorsMessages, offersMessages, organisationsMessages, testbedsMessages],
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'offers.new.title')

/** A member of a public body; companies and outsiders get 404. */
async function requireHostMember(request: Request, params: { slug?: string }) {
  const { user, org } = await requireOrganisationMember(request, params)
  if (org.kind !== 'public_body') throw notFound()
  return { user, org }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org } = await requireHostMember(request, params)
  return {
    org: {
      slug: org.slug,
      name: org.name,
      county_code: org.county_code,
      municipality_code: org.municipality_code,
    },
    options: await getOfferFormOptions(getDb(), getLocale(request)),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, org } = await requireHostMember(request, params)
  const db = getDb()
  const options = await getOfferFormOptions(db, getLocale(request))
  const submission = parseWithZod(await request.formData(), { schema: draftOfferSchema(options) })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  try {
    const offer = await createOfferDraft(db, {
      organisationId: org.id,
      userId: user.id,
      input: submission.value,
      ip: clientIp(context),
    })
    return redirect(`/test-beds/${offer.id}/edit?notice=created`)
  } catch (error) {
    const fields = { municipality_not_in_county: 'municipality_code' }
    return data({ result: refusalReply(submission, error, fields) }, { status: 400 })
  }
}

export default function NewOffer() {
  const { org, options } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const schema = useMemo(() => draftOfferSchema(options), [options])
  const [form, fields] = useForm<DraftOfferInput, DraftOfferValue>({
    id: 'offer',
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: newOfferDefaults(org),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  return (
    <>
      <h1>{t('offers.new.title')}</h1>
      <p>
        <Link to={`/organisations/${org.slug}/test-beds`}>{t('offers.new.back')}</Link>
      </p>
      <p className="lead">{t('offers.new.lead')}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <OfferFormFields fields={fields} options={options} frozen={null} headingLevel={2} />
        <div className="actions">
          <SubmitButton>{t('offers.new.submit')}</SubmitButton>
        </div>
      </Form>
    </>
  )
}
