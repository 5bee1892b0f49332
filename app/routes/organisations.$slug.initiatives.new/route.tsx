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
import { InitiativeFormFields } from '~/components/initiative-form'
import { OverlapNotice, OverlapStep } from '~/components/overlap-step'
import { getLocale } from '~/i18n/locale.server'
import { useT } from '~/i18n/use-t'
import { findUnknownCpv } from '~/models/cpv.server'
import {
  createInitiativeAfterCheck,
  findSimilarInitiatives,
  type OverlapDecision,
} from '~/models/initiative-overlap.server'
import {
  canOwnInitiatives,
  createInitiative,
  getInitiativeFormOptions,
} from '~/models/initiatives.server'
import { unknownCpvMessage } from '~/utils/cpv'
import { DomainError } from '~/models/errors.server'
import { getDb } from '~/utils/db.server'
import { refusalReply } from '~/utils/domain-errors.server'
import {
  type InitiativeFormInput,
  type InitiativeFormValue,
  initiativeSchema,
} from '~/utils/initiative-schema'
import { overlapFields, parseOverlapChoice, sameAsShown } from '~/utils/overlap-schema'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import cpvMessages from '~/i18n/messages/cpv'
import errorsMessages from '~/i18n/messages/errors'
import initiativesMessages from '~/i18n/messages/initiatives'
import overlapMessages from '~/i18n/messages/overlap'

export const handle = { i18n: [initiativesMessages, cpvMessages, errorsMessages, overlapMessages] }

/** The initiative form and, once similar initiatives were shown, the choice about them. */
const newInitiativeSchema = (options: Parameters<typeof initiativeSchema>[0]) =>
  initiativeSchema(options).and(overlapFields)
type NewInitiativeInput = InitiativeFormInput & z.input<typeof overlapFields>
type NewInitiativeValue = InitiativeFormValue & z.output<typeof overlapFields>

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
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: newInitiativeSchema(options) })
  if (submission.status !== 'success') {
    // When only the second step failed (no choice, no reason), the similar ones stay on the page.
    const fields = parseWithZod(formData, { schema: initiativeSchema(options) })
    const overlap =
      submission.payload.overlap_shown && fields.status === 'success'
        ? await findSimilarInitiatives(db, org.id, fields.value)
        : []
    return data(
      { result: submission.reply(), overlap: overlap.length ? overlap : null },
      { status: 400 },
    )
  }
  const { overlap_shown: shown, overlap_choice, overlap_reason, ...input } = submission.value
  const unknown = await findUnknownCpv(db, input.cpv_codes)
  if (unknown.length > 0) {
    const reply = submission.reply({ fieldErrors: { cpv_codes: [unknownCpvMessage(unknown)] } })
    return data({ result: reply, overlap: null }, { status: 400 })
  }
  const candidates = await findSimilarInitiatives(db, org.id, input)
  const ids = candidates.map((c) => c.id)
  const ip = clientIp(context)
  try {
    if (ids.length === 0) {
      const created = await createInitiative(db, { organisation: org, userId: user.id, input, ip })
      return redirect(`/initiatives/${created.id}?notice=created`)
    }
    // First step, or the similar ones changed since they were shown: show them, keep every value.
    if (!sameAsShown(ids, shown)) {
      return data({ result: submission.reply(), overlap: candidates }, { status: 200 })
    }
    const choice = parseOverlapChoice(overlap_choice)
    if (!choice) throw new DomainError('overlap_candidate_invalid')
    const decision: OverlapDecision =
      choice.choice === 'continue'
        ? { choice: 'continue', reason: overlap_reason ?? '' }
        : { choice: choice.choice, chosenId: choice.chosenId }
    const saved = await createInitiativeAfterCheck(db, {
      organisation: org,
      userId: user.id,
      input,
      candidates: ids,
      decision,
      ip,
    })
    return saved.created
      ? redirect(`/initiatives/${saved.created}?notice=created`)
      : redirect(`/initiatives/${saved.joined}?notice=requested`)
  } catch (error) {
    return data(
      {
        result: refusalReply(submission, error, {
          overlap_reason_required: 'overlap_reason',
          overlap_candidate_invalid: 'overlap_choice',
          initiative_co_owner_exists: 'overlap_choice',
        }),
        overlap: candidates,
      },
      { status: 400 },
    )
  }
}

export default function NewInitiative() {
  const { org, options } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const overlap = actionData?.overlap ?? null
  const schema = useMemo(() => newInitiativeSchema(options), [options])
  const [form, fields] = useForm<NewInitiativeInput, NewInitiativeValue>({
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
      {overlap ? <OverlapNotice /> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <InitiativeFormFields fields={fields} options={options} cpvLabels={[]} />
        {overlap ? <OverlapStep candidates={overlap} fields={fields} /> : null}
        <div className="actions">
          <SubmitButton>{t(overlap ? 'overlap.save' : 'initiativeForm.save')}</SubmitButton>
        </div>
      </Form>
    </>
  )
}
