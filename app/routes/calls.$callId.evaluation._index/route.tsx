import { parseWithZod } from '@conform-to/zod'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { notFound, requireUser } from '~/auth/guards.server'
import { CallStatusBadge } from '~/components/call-labels'
import { OpeningRecord } from '~/components/evaluation-opening-record'
import { RankingTable } from '~/components/evaluation-ranking'
import { DoneNotice } from '~/components/problem'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import { awardCall, decideWithoutAward, signContract } from '~/models/call-decisions.server'
import { assertBuyerMember } from '~/models/call-evaluation-shared.server'
import { getEvaluationView } from '~/models/call-evaluation-view.server'
import { openBids } from '~/models/call-opening.server'
import { completeEvaluation, declareNoConflict } from '~/models/call-scoring.server'
import { getDb } from '~/utils/db.server'
import { orNotFound, refusalReply } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { clientIp, oneOf } from '~/utils/request.server'
import { AwardForm, CancelForm, Contract, Decision } from './decision-sections'
import { Evaluators } from './evaluators-section'
import {
  completeSchema,
  concludeSchema,
  INTENT_SCHEMAS,
  type Intent,
  isIntent,
  type Notice,
  NOTICES,
  openSchema,
  paramsSchema,
  unsuccessfulSchema,
} from './schema'
import { ButtonForm, ReasonForm, Section } from './section-helpers'
import callsMessages from '~/i18n/messages/calls'
import errorsMessages from '~/i18n/messages/errors'
import evaluationMessages from '~/i18n/messages/evaluation'
import organisationsMessages from '~/i18n/messages/organisations'

export const handle = {
  i18n: [callsMessages, errorsMessages, evaluationMessages, organisationsMessages],
}

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
