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
import { CallFormFields, newCallDefaults } from '~/components/call-form'
import { ErrorSummary, SubmitButton } from '~/components/forms'
import { OverlapNotice, OverlapStep } from '~/components/overlap-step'
import { getLocale } from '~/i18n/locale.server'
import { useT } from '~/i18n/use-t'
import { createCallDraft, getCallFormOptions } from '~/models/call-drafts.server'
import {
  type CallOverlapDecision,
  createCallAfterCheck,
  findSimilarCalls,
} from '~/models/call-overlap.server'
import { findUnknownCpv } from '~/models/cpv.server'
import { DomainError } from '~/models/errors.server'
import { type CallDraftInput, type CallDraftValue, callDraftSchema } from '~/utils/call-schema'
import { unknownCpvMessage } from '~/utils/cpv'
import { getDb } from '~/utils/db.server'
import { refusalReply } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { overlapFields, parseOverlapChoice, sameAsShown } from '~/utils/overlap-schema'
import { clientIp } from '~/utils/request.server'
import callAuthoringMessages from '~/i18n/messages/call-authoring'
import callsMessages from '~/i18n/messages/calls'
import cpvMessages from '~/i18n/messages/cpv'
import errorsMessages from '~/i18n/messages/errors'
import initiativesMessages from '~/i18n/messages/initiatives'
import organisationsMessages from '~/i18n/messages/organisations'
import overlapMessages from '~/i18n/messages/overlap'

export const handle = {
  i18n: [
    callAuthoringMessages,
    callsMessages,
    cpvMessages,
    errorsMessages,
    organisationsMessages,
    overlapMessages,
    initiativesMessages,
  ],
}

/** The call form and, once similar published calls were shown, the choice about them. */
const newCallSchema = (options: Parameters<typeof callDraftSchema>[0]) =>
  callDraftSchema(options).and(overlapFields)
type NewCallInput = CallDraftInput & z.input<typeof overlapFields>
type NewCallValue = CallDraftValue & z.output<typeof overlapFields>

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
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: newCallSchema(options) })
  if (submission.status !== 'success') {
    // When only the second step failed (no choice, no reason), the similar ones stay on the page.
    const fields = parseWithZod(formData, { schema: callDraftSchema(options) })
    const overlap =
      submission.payload.overlap_shown && fields.status === 'success'
        ? await findSimilarCalls(db, org.id, fields.value)
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
  const candidates = await findSimilarCalls(db, org.id, input)
  const ids = candidates.map((c) => c.id)
  const args = { organisationId: org.id, userId: user.id, input, ip: clientIp(context) }
  try {
    if (ids.length === 0) {
      const call = await createCallDraft(db, args)
      return redirect(`/calls/${call.id}/edit?notice=created`)
    }
    // First step, or the similar ones changed since they were shown: show them, keep every value.
    if (!sameAsShown(ids, shown)) {
      return data({ result: submission.reply(), overlap: candidates }, { status: 200 })
    }
    const choice = parseOverlapChoice(overlap_choice)
    if (!choice || choice.choice === 'join') throw new DomainError('overlap_candidate_invalid')
    const decision: CallOverlapDecision =
      choice.choice === 'continue'
        ? { choice: 'continue', reason: overlap_reason ?? '' }
        : { choice: 'related', chosenId: choice.chosenId }
    const call = await createCallAfterCheck(db, { ...args, candidates: ids, decision })
    return redirect(`/calls/${call.id}/edit?notice=created`)
  } catch (error) {
    return data(
      {
        result: refusalReply(submission, error, {
          overlap_reason_required: 'overlap_reason',
          overlap_candidate_invalid: 'overlap_choice',
        }),
        overlap: candidates,
      },
      { status: 400 },
    )
  }
}

export default function NewCall() {
  const { org, options } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const overlap = actionData?.overlap ?? null
  const schema = useMemo(() => newCallSchema(options), [options])
  const [form, fields] = useForm<NewCallInput, NewCallValue>({
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
      {overlap ? <OverlapNotice kind="call" /> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <CallFormFields fields={fields} options={options} cpvLabels={[]} />
        {overlap ? <OverlapStep candidates={overlap} fields={fields} kind="call" /> : null}
        <div className="actions">
          <SubmitButton>{t(overlap ? 'overlap.save' : 'callEdit.saveDraft')}</SubmitButton>
        </div>
      </Form>
    </>
  )
}
