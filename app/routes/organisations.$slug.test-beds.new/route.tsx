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
import type { z } from 'zod'
import { notFound } from '~/auth/guards.server'
import { requireOrganisationMember } from '~/auth/organisation-guard.server'
import { ErrorSummary, SubmitButton } from '~/components/forms'
import { OverlapNotice, OverlapStep } from '~/components/overlap-step'
import { newOfferDefaults } from '~/components/test-bed-offer-defaults'
import { OfferFormFields } from '~/components/test-bed-offer-form'
import { getLocale } from '~/i18n/locale.server'
import { useT } from '~/i18n/use-t'
import { DomainError } from '~/models/errors.server'
import { createOfferDraft } from '~/models/test-bed-offer-editing.server'
import {
  createOfferAfterCheck,
  findSimilarOffers,
  type OfferOverlapDecision,
} from '~/models/test-bed-offer-overlap.server'
import { getOfferFormOptions } from '~/models/test-bed-offers.server'
import { getDb } from '~/utils/db.server'
import { refusalReply } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { overlapFields, parseOverlapChoice, sameAsShown } from '~/utils/overlap-schema'
import { clientIp } from '~/utils/request.server'
import {
  type DraftOfferInput,
  type DraftOfferValue,
  draftOfferSchema,
} from '~/utils/test-bed-offer-schema'
import errorsMessages from '~/i18n/messages/errors'
import initiativesMessages from '~/i18n/messages/initiatives'
import offersMessages from '~/i18n/messages/offers'
import organisationsMessages from '~/i18n/messages/organisations'
import overlapMessages from '~/i18n/messages/overlap'
import testbedsMessages from '~/i18n/messages/testbeds'

export const handle = {
  i18n: [
    errorsMessages,
    offersMessages,
    organisationsMessages,
    testbedsMessages,
    overlapMessages,
    initiativesMessages,
  ],
}

/** The offer form and, once similar published offers were shown, the choice about them. */
const newOfferSchema = (options: Parameters<typeof draftOfferSchema>[0]) =>
  draftOfferSchema(options).and(overlapFields)
type NewOfferFormInput = DraftOfferInput & z.input<typeof overlapFields>
type NewOfferFormValue = DraftOfferValue & z.output<typeof overlapFields>

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
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: newOfferSchema(options) })
  if (submission.status !== 'success') {
    // When only the second step failed (no choice, no reason), the similar ones stay on the page.
    const fields = parseWithZod(formData, { schema: draftOfferSchema(options) })
    const overlap =
      submission.payload.overlap_shown && fields.status === 'success'
        ? await findSimilarOffers(db, org.id, fields.value)
        : []
    return data(
      { result: submission.reply(), overlap: overlap.length ? overlap : null },
      { status: 400 },
    )
  }
  const { overlap_shown: shown, overlap_choice, overlap_reason, ...input } = submission.value
  const candidates = await findSimilarOffers(db, org.id, input)
  const ids = candidates.map((c) => c.id)
  const args = { organisationId: org.id, userId: user.id, input, ip: clientIp(context) }
  try {
    if (ids.length === 0) {
      const offer = await createOfferDraft(db, args)
      return redirect(`/test-beds/${offer.id}/edit?notice=created`)
    }
    // First step, or the similar ones changed since they were shown: show them, keep every value.
    if (!sameAsShown(ids, shown)) {
      return data({ result: submission.reply(), overlap: candidates }, { status: 200 })
    }
    const choice = parseOverlapChoice(overlap_choice)
    if (!choice || choice.choice === 'join') throw new DomainError('overlap_candidate_invalid')
    const decision: OfferOverlapDecision =
      choice.choice === 'continue'
        ? { choice: 'continue', reason: overlap_reason ?? '' }
        : { choice: 'related', chosenId: choice.chosenId }
    const offer = await createOfferAfterCheck(db, { ...args, candidates: ids, decision })
    return redirect(`/test-beds/${offer.id}/edit?notice=created`)
  } catch (error) {
    const fields = {
      municipality_not_in_county: 'municipality_code',
      overlap_reason_required: 'overlap_reason',
      overlap_candidate_invalid: 'overlap_choice',
    }
    return data(
      {
        result: refusalReply(submission, error, fields),
        overlap: candidates.length ? candidates : null,
      },
      { status: 400 },
    )
  }
}

export default function NewOffer() {
  const { org, options } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const overlap = actionData?.overlap ?? null
  const schema = useMemo(() => newOfferSchema(options), [options])
  const [form, fields] = useForm<NewOfferFormInput, NewOfferFormValue>({
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
      {overlap ? <OverlapNotice kind="offer" /> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <OfferFormFields fields={fields} options={options} frozen={null} headingLevel={2} />
        {overlap ? <OverlapStep candidates={overlap} fields={fields} kind="offer" /> : null}
        <div className="actions">
          <SubmitButton>{t(overlap ? 'overlap.save' : 'offers.new.submit')}</SubmitButton>
        </div>
      </Form>
    </>
  )
}
