import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { z } from 'zod'
import { notFound, requireUser } from '~/auth/guards.server'
import { CallStatusBadge } from '~/components/call-labels'
import { OpeningRecord } from '~/components/evaluation-opening-record'
import { RankingTable } from '~/components/evaluation-ranking'
import {
  CheckboxField,
  ChoiceGroup,
  ErrorSummary,
  SubmitButton,
  TextareaField,
} from '~/components/forms'
import { PlainText } from '~/components/plain-text'
import { DoneNotice } from '~/components/problem'
import { formatDateTime, formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import {
  assertBuyerMember,
  awardCall,
  completeEvaluation,
  declareNoConflict,
  decideWithoutAward,
  getEvaluationView,
  openBids,
  signContract,
} from '~/models/call-evaluation.server'
import { getDb } from '~/utils/db.server'
import { orNotFound, refusalReply } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { clientIp, oneOf } from '~/utils/request.server'
import {
  awardSchema,
  cancelSchema,
  completeSchema,
  concludeSchema,
  declareSchema,
  INTENT_SCHEMAS,
  type Intent,
  isIntent,
  type Notice,
  NOTICES,
  openSchema,
  paramsSchema,
  signSchema,
  unsuccessfulSchema,
} from './schema'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('evaluation.title', { title: data.call.title }) : t('notFound.title'),
  )

function callIdOf(params: Record<string, string | undefined>) {
  const parsed = paramsSchema.safeParse(params)
  if (!parsed.success) throw notFound()
  return parsed.data.callId
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const callId = callIdOf(params)
  const user = await requireUser(request)
  const view = await orNotFound(getEvaluationView(getDb(), { callId, userId: user.id }))
  const notice = new URL(request.url).searchParams.get('notice')
  return {
    ...view,
    notice: oneOf(NOTICES, notice),
  }
}

const NOTICE_OF: Record<Intent, Notice> = {
  cancel: 'cancelled',
  open: 'opened',
  declare: 'declared',
  complete: 'evaluated',
  unsuccessful: 'unsuccessful',
  conclude: 'concluded',
  award: 'awarded',
  sign: 'signed',
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const callId = callIdOf(params)
  const user = await requireUser(request)
  const db = getDb()
  // Nobody but the buyer's members learns anything here, not even whether a form was valid.
  await orNotFound(assertBuyerMember(db, { callId, userId: user.id }))
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (!isIntent(intent)) throw data('bad request', { status: 400 })
  const submission = parseWithZod(formData, { schema: INTENT_SCHEMAS[intent] })
  if (submission.status !== 'success') {
    return data({ intent, result: submission.reply() }, { status: 400 })
  }
  const act = { callId, userId: user.id, ip: clientIp(context) }
  const value = submission.value
  try {
    switch (value.intent) {
      case 'cancel':
        await decideWithoutAward(db, { ...act, outcome: 'cancelled', reason: value.reason })
        break
      case 'open':
        // Bids that could not be opened are listed in the opening record; say so at once.
        if ((await openBids(db, act)).unopened > 0) {
          return redirect(`/calls/${callId}/evaluation?notice=opened_unreadable`)
        }
        break
      case 'declare':
        await declareNoConflict(db, act)
        break
      case 'complete':
        await completeEvaluation(db, act)
        break
      case 'unsuccessful':
        await decideWithoutAward(db, { ...act, outcome: 'unsuccessful', reason: value.reason })
        break
      case 'conclude':
        await decideWithoutAward(db, { ...act, outcome: 'concluded', reason: value.reason })
        break
      case 'award':
        await awardCall(db, { ...act, bidIds: value.bid_ids, reason: value.reason })
        break
      case 'sign':
        await signContract(db, act)
        break
    }
  } catch (error) {
    return data({ intent, result: refusalReply(submission, error) }, { status: 400 })
  }
  return redirect(`/calls/${callId}/evaluation?notice=${NOTICE_OF[intent]}`)
}

type View = Awaited<ReturnType<typeof loader>>

/** A Conform form for one intent; it shows only the answers to its own submissions. */
function useIntentForm<S extends z.ZodTypeAny>(
  intent: Intent,
  schema: S,
  defaultValue?: Record<string, string | string[]>,
) {
  const actionData = useActionData<typeof action>()
  const lastResult =
    actionData && 'intent' in actionData && actionData.intent === intent
      ? (actionData.result as SubmissionResult<string[]>)
      : undefined
  return useForm({
    id: intent,
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="evaluation-section">
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  )
}

export default function Evaluation() {
  const view = useLoaderData<typeof loader>()
  const { call, opening, notice } = view
  const t = useT()
  const locale = useLocale()
  const deadline = formatDateTime(call.tenderDeadline, locale)
  const isDialogue = call.procedure === 'market_dialogue'
  const anyPassing = view.ranking?.some((r) => r.passes) ?? false
  return (
    <>
      {notice === 'opened_unreadable' ? (
        <div className="notice notice--warn" role="status">
          <p>{t('evaluation.notice.opened_unreadable')}</p>
        </div>
      ) : notice ? (
        <DoneNotice>{t(`evaluation.notice.${notice}`)}</DoneNotice>
      ) : null}
      <h1>{t('evaluation.title', { title: call.title })}</h1>
      <p className="meta">
        {t('evaluation.status')}
        <CallStatusBadge status={call.shownStatus} />
      </p>
      <ul className="actions">
        <li>
          <Link to={`/calls/${call.id}`}>{t('evaluation.toCall')}</Link>
        </li>
      </ul>

      {call.status === 'published' && !view.pastDeadline ? (
        <Section id="sealed" title={t('evaluation.sealed.heading')}>
          <p>{t('evaluation.sealed.body', { deadline })}</p>
        </Section>
      ) : null}
      {call.status === 'published' && view.pastDeadline ? (
        <Section id="open" title={t('evaluation.open.heading')}>
          <p>{t('evaluation.open.body', { deadline })}</p>
          <ButtonForm intent="open" schema={openSchema} label={t('evaluation.open.submit')} />
        </Section>
      ) : null}

      {opening ? <OpeningRecord record={opening} /> : null}
      <Decision view={view} />
      {view.ranking ? (
        <Section id="ranking" title={t('evaluation.ranking.heading')}>
          <RankingTable rows={view.ranking} />
        </Section>
      ) : null}

      {call.status === 'opened' ? <Evaluators view={view} /> : null}
      {call.status === 'opened' && !isDialogue && view.submittedCount > 0 ? (
        <Section id="complete" title={t('evaluation.complete.heading')}>
          <p>{t('evaluation.complete.body')}</p>
          <ButtonForm
            intent="complete"
            schema={completeSchema}
            label={t('evaluation.complete.submit')}
          />
        </Section>
      ) : null}
      {call.status === 'opened' && isDialogue ? (
        <ReasonForm
          intent="conclude"
          schema={concludeSchema}
          title={t('evaluation.conclude.heading')}
          body={t('evaluation.conclude.body')}
          label={t('evaluation.conclude.reason')}
          submit={t('evaluation.conclude.submit')}
        />
      ) : null}
      {(call.status === 'opened' && view.submittedCount === 0) ||
      (call.status === 'evaluated' && !anyPassing) ? (
        <ReasonForm
          intent="unsuccessful"
          schema={unsuccessfulSchema}
          title={t('evaluation.unsuccessful.heading')}
          body={t(
            view.submittedCount === 0
              ? 'evaluation.unsuccessful.bodyNoBids'
              : 'evaluation.unsuccessful.bodyNoPassing',
          )}
          label={t('evaluation.unsuccessful.reason')}
          submit={t('evaluation.unsuccessful.submit')}
        />
      ) : null}
      {call.status === 'evaluated' && anyPassing ? <AwardForm view={view} /> : null}
      {call.status === 'awarded' ? <Contract view={view} /> : null}
      {['published', 'opened', 'evaluated'].includes(call.status) ? <CancelForm /> : null}
    </>
  )
}

function ButtonForm({
  intent,
  schema,
  label,
}: {
  intent: Intent
  schema: z.ZodTypeAny
  label: string
}) {
  const [form] = useIntentForm(intent, schema)
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value={intent} />
      <SubmitButton>{label}</SubmitButton>
    </Form>
  )
}

function ReasonForm({
  intent,
  schema,
  title,
  body,
  label,
  submit,
}: {
  intent: Intent
  schema: z.ZodTypeAny
  title: string
  body: string
  label: string
  submit: string
}) {
  const t = useT()
  const [form, fields] = useIntentForm(intent, schema)
  return (
    <Section id={intent} title={title}>
      <p>{body}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <input type="hidden" name="intent" value={intent} />
        <TextareaField meta={fields.reason!} label={label} hint={t('evaluation.reasonHint')} />
        <SubmitButton>{submit}</SubmitButton>
      </Form>
    </Section>
  )
}

function CancelForm() {
  const t = useT()
  const [form, fields] = useIntentForm('cancel', cancelSchema)
  return (
    <Section id="cancel" title={t('evaluation.cancel.heading')}>
      <p>{t('evaluation.cancel.body')}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <input type="hidden" name="intent" value="cancel" />
        <TextareaField
          meta={fields.reason!}
          label={t('evaluation.cancel.reason')}
          hint={t('evaluation.reasonHint')}
        />
        <CheckboxField meta={fields.confirm!} label={t('evaluation.cancel.confirm')} />
        <button type="submit" className="button button--danger">
          {t('evaluation.cancel.submit')}
        </button>
      </Form>
    </Section>
  )
}

function Evaluators({ view }: { view: View }) {
  const t = useT()
  const locale = useLocale()
  const { me, evaluators, bids, call } = view
  const isDialogue = call.procedure === 'market_dialogue'
  const [form, fields] = useIntentForm('declare', declareSchema)
  return (
    <>
      <Section id="declare" title={t('evaluation.declare.heading')}>
        {me.declaredAt !== null ? (
          <p>{t('evaluation.declare.done', { date: formatDateTime(me.declaredAt, locale) })}</p>
        ) : me.conflict ? (
          <p className="notice notice--warn">{t('evaluation.declare.conflict')}</p>
        ) : (
          <>
            <p>{t('evaluation.declare.body')}</p>
            <Form method="post" {...getFormProps(form)} className="stack">
              <ErrorSummary form={form} />
              <input type="hidden" name="intent" value="declare" />
              <CheckboxField meta={fields.no_conflict!} label={t('evaluation.declare.confirm')} />
              <SubmitButton>{t('evaluation.declare.submit')}</SubmitButton>
            </Form>
          </>
        )}
      </Section>

      <Section id="evaluators" title={t('evaluation.evaluators.heading')}>
        {evaluators.length === 0 ? (
          <p>{t('evaluation.evaluators.empty')}</p>
        ) : (
          <table>
            <caption>{t('evaluation.evaluators.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('evaluation.evaluators.name')}</th>
                <th scope="col">{t('evaluation.evaluators.declared')}</th>
                {isDialogue ? null : <th scope="col">{t('evaluation.evaluators.progress')}</th>}
              </tr>
            </thead>
            <tbody>
              {evaluators.map((e) => (
                <tr key={e.userId}>
                  <th scope="row">{e.name}</th>
                  <td>{formatDateTime(e.declaredAt, locale)}</td>
                  {isDialogue ? null : (
                    <td>
                      {t('evaluation.progress', {
                        scored: formatNumber(e.scored, locale),
                        required: formatNumber(e.required, locale),
                      })}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section id="bids" title={t('evaluation.bids.heading')}>
        {bids === null ? (
          <p>{t('evaluation.bids.hidden')}</p>
        ) : bids.length === 0 ? (
          <p>{t('evaluation.record.empty')}</p>
        ) : (
          <table>
            <caption>{t('evaluation.bids.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('evaluation.bids.company')}</th>
                {isDialogue ? null : <th scope="col">{t('evaluation.bids.mine')}</th>}
                <th scope="col">{t('evaluation.bids.read')}</th>
              </tr>
            </thead>
            <tbody>
              {bids.map((b) => (
                <tr key={b.id}>
                  <th scope="row">{b.companyName}</th>
                  {isDialogue ? null : (
                    <td>{t('evaluation.progress', { scored: b.scored, required: b.required })}</td>
                  )}
                  <td>
                    <Link to={`/calls/${call.id}/evaluation/${b.id}`}>
                      {t(isDialogue ? 'evaluation.bids.readLink' : 'evaluation.bids.scoreLink', {
                        company: b.companyName,
                      })}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </>
  )
}

function AwardForm({ view }: { view: View }) {
  const t = useT()
  const locale = useLocale()
  const passing = (view.ranking ?? []).filter((r) => r.passes)
  const preselected = passing.slice(0, view.call.maxWinners).map((r) => String(r.bidId))
  const [form, fields] = useIntentForm('award', awardSchema, { bid_ids: preselected })
  return (
    <Section id="award" title={t('evaluation.award.heading')}>
      <p>{t('evaluation.award.body', { max: view.call.maxWinners })}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <input type="hidden" name="intent" value="award" />
        <ChoiceGroup
          meta={fields.bid_ids!}
          type="checkbox"
          legend={t('evaluation.award.bids')}
          options={passing.map((r) => ({
            value: String(r.bidId),
            label: t('evaluation.award.option', {
              company: r.companyName,
              score: formatNumber(r.score, locale),
            }),
          }))}
        />
        <TextareaField
          meta={fields.reason!}
          label={t('evaluation.award.reason')}
          hint={t('evaluation.award.reasonHint', { days: view.call.standstillDays })}
        />
        <SubmitButton>{t('evaluation.award.submit')}</SubmitButton>
      </Form>
    </Section>
  )
}

function Decision({ view }: { view: View }) {
  const t = useT()
  const locale = useLocale()
  const { call } = view
  if (call.decidedAt === null) return null
  return (
    <Section id="decision" title={t('evaluation.decision.heading')}>
      <p>
        {t('evaluation.decision.decided', {
          date: formatDateTime(call.decidedAt, locale),
          name: call.decidedByName ?? '',
        })}
      </p>
      <dl className="details">
        <dt>{t('evaluation.decision.reason')}</dt>
        <dd>
          <PlainText text={call.outcomeReason ?? ''} />
        </dd>
      </dl>
      {call.standstillEndsAt !== null ? (
        <p>
          {t('evaluation.decision.standstill', {
            date: formatDateTime(call.standstillEndsAt, locale),
          })}
        </p>
      ) : null}
    </Section>
  )
}

function Contract({ view }: { view: View }) {
  const t = useT()
  const locale = useLocale()
  const { call } = view
  return (
    <Section id="contract" title={t('evaluation.sign.heading')}>
      {call.contractSignedAt !== null ? (
        <p>{t('evaluation.sign.done', { date: formatDateTime(call.contractSignedAt, locale) })}</p>
      ) : (
        <>
          <p>{t('evaluation.sign.body')}</p>
          <ButtonForm intent="sign" schema={signSchema} label={t('evaluation.sign.submit')} />
        </>
      )}
    </Section>
  )
}
