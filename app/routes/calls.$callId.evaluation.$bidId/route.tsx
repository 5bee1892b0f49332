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
import {
  ChoiceGroup,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextareaField,
} from '~/components/forms'
import { PlainText } from '~/components/plain-text'
import { formatDateTime, formatMoney } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import {
  type EvaluatedCriterion,
  getScoringTerms,
  readBidForEvaluation,
  saveBidScores,
} from '~/models/call-scoring.server'
import { getDb } from '~/utils/db.server'
import { orNotFound, refusalReply } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import { MET, paramsSchema, SCORES, scoreFields, scoreSchema } from './schema'
import errorsMessages from '~/i18n/messages/errors'
import evaluationMessages from '~/i18n/messages/evaluation'
import organisationsMessages from '~/i18n/messages/organisations'

export const handle = { i18n: [errorsMessages, evaluationMessages, organisationsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('evaluation.bid.title', { company: data.bid.companyName }) : t('notFound.title'),
  )

function idsOf(params: Record<string, string | undefined>) {
  const parsed = paramsSchema.safeParse(params)
  if (!parsed.success) throw notFound()
  return parsed.data
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ids = idsOf(params)
  const user = await requireUser(request)
  // Every view decrypts the bid, so every view is an audited read.
  return orNotFound(
    readBidForEvaluation(getDb(), { ...ids, userId: user.id, ip: clientIp(context) }),
  )
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ids = idsOf(params)
  const user = await requireUser(request)
  const db = getDb()
  const terms = await orNotFound(getScoringTerms(db, { ...ids, userId: user.id }))
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: scoreSchema(terms.criteria) })
  if (submission.status !== 'success') {
    return data({ result: submission.reply() }, { status: 400 })
  }
  try {
    await saveBidScores(db, {
      ...ids,
      userId: user.id,
      scores: submission.value.scores,
      ip: clientIp(context),
    })
  } catch (error) {
    return data({ result: refusalReply(submission, error) }, { status: 400 })
  }
  return redirect(`/calls/${ids.callId}/evaluation?notice=scored`)
}

type View = Awaited<ReturnType<typeof loader>>

export default function EvaluateBid() {
  const view = useLoaderData<typeof loader>()
  const { call, bid, criteria, editable } = view
  const t = useT()
  const locale = useLocale()
  const requirements = criteria.filter((c) => c.kind === 'requirement')
  const weighted = criteria.filter((c) => c.kind === 'criterion')
  return (
    <>
      <h1>{t('evaluation.bid.title', { company: bid.companyName })}</h1>
      <p className="meta">{call.title}</p>
      <ul className="actions">
        <li>
          <Link to={`/calls/${call.id}/evaluation`}>{t('evaluation.bid.back')}</Link>
        </li>
      </ul>
      <p className="hint">{t('evaluation.bid.audited')}</p>

      <h2>{t('evaluation.bid.heading')}</h2>
      <dl className="details">
        <dt>{t('evaluation.bid.company')}</dt>
        <dd>{bid.companyName}</dd>
        <dt>{t('evaluation.bid.size')}</dt>
        <dd>{bid.sizeClass ? t(`org.size.${bid.sizeClass}`) : t('evaluation.sizeUnknown')}</dd>
        {bid.submittedAt !== null ? (
          <>
            <dt>{t('evaluation.bid.submitted')}</dt>
            <dd>{formatDateTime(bid.submittedAt, locale)}</dd>
          </>
        ) : null}
        {bid.receiptHash ? (
          <>
            <dt>{t('evaluation.bid.receipt')}</dt>
            <dd className="break-anywhere">
              <code>{bid.receiptHash}</code>
            </dd>
          </>
        ) : null}
      </dl>

      <h2>{t('evaluation.bid.contentHeading')}</h2>
      {bid.sealProblem ? (
        <div className="notice notice--warn" role="status">
          <p>{t(`evaluation.bid.sealProblem.${bid.sealProblem}`)}</p>
        </div>
      ) : null}
      <dl className="details">
        {call.procedure === 'market_dialogue' ? null : (
          <>
            <dt>{t('evaluation.bid.price')}</dt>
            <dd>
              {bid.priceSek === null
                ? t('evaluation.bid.noPrice')
                : formatMoney(bid.priceSek, locale)}
            </dd>
          </>
        )}
        {bid.solutionSummary ? (
          <>
            <dt>{t('evaluation.bid.summary')}</dt>
            <dd>
              <PlainText text={bid.solutionSummary} />
            </dd>
          </>
        ) : null}
        {bid.contactRole ? (
          <>
            <dt>{t('evaluation.bid.contact')}</dt>
            <dd>{bid.contactRole}</dd>
          </>
        ) : null}
      </dl>

      {requirements.length > 0 ? (
        <>
          <h3>{t('evaluation.bid.requirements')}</h3>
          <Answers criteria={requirements} />
        </>
      ) : null}
      {weighted.length > 0 ? (
        <>
          <h3>{t('evaluation.bid.criteria')}</h3>
          <Answers criteria={weighted} />
        </>
      ) : null}

      <h2>{t('evaluation.score.heading')}</h2>
      {editable ? (
        <ScoreForm view={view} />
      ) : (
        <p>
          {t(
            call.procedure === 'market_dialogue'
              ? 'evaluation.bid.dialogue'
              : 'evaluation.bid.locked',
          )}
        </p>
      )}
    </>
  )
}

function Answers({ criteria }: { criteria: EvaluatedCriterion[] }) {
  const t = useT()
  return (
    <dl className="details evaluation-answers">
      {criteria.map((c) => (
        <div key={c.id}>
          <dt>
            {c.title}
            {c.weight !== null ? (
              <span className="meta"> ({t('evaluation.bid.weight', { weight: c.weight })})</span>
            ) : null}
          </dt>
          <dd>
            {c.answer === null ? (
              t('evaluation.bid.noAnswer')
            ) : (
              <>
                {c.kind === 'requirement' && c.answer.met !== null ? (
                  <p>
                    {t(c.answer.met ? 'evaluation.bid.claimsMet' : 'evaluation.bid.claimsNotMet')}
                  </p>
                ) : null}
                <PlainText text={c.answer.text} />
              </>
            )}
            {c.mine ? (
              <p className="meta">
                {c.kind === 'requirement'
                  ? t(c.mine.score === 1 ? 'evaluation.bid.mineMet' : 'evaluation.bid.mineNotMet')
                  : t('evaluation.bid.mine', { score: c.mine.score })}
              </p>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  )
}

function ScoreForm({ view }: { view: View }) {
  const actionData = useActionData<typeof action>()
  const t = useT()
  const criteria = view.criteria
  const formSchema = useMemo(() => scoreSchema(criteria), [criteria])
  const defaultValue = Object.fromEntries(
    criteria.flatMap((c) => {
      if (!c.mine) return []
      const names = scoreFields(c.id)
      return [
        [names.score, String(c.mine.score)],
        [names.justification, c.mine.justification],
      ]
    }),
  ) as Record<string, string>
  const [form, fields] = useForm({
    id: 'score',
    lastResult: actionData?.result,
    constraint: getZodConstraint(formSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: formSchema }),
  })
  const metOptions = MET.map((m) => ({
    value: m,
    label: t(m === '1' ? 'evaluation.score.met' : 'evaluation.score.notMet'),
  }))
  const scoreOptions = SCORES.map((s) => ({ value: s, label: s }))
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <ErrorSummary form={form} />
      {criteria.map((c) => {
        const names = scoreFields(c.id)
        return (
          <div key={c.id} className="assessment-criterion">
            {c.kind === 'requirement' ? (
              <ChoiceGroup
                meta={fields[names.score]!}
                type="radio"
                legend={t('evaluation.score.requirementLegend', { title: c.title })}
                options={metOptions}
              />
            ) : (
              <SelectField
                meta={fields[names.score]!}
                label={t('evaluation.score.criterionLabel', { title: c.title })}
                hint={t('evaluation.bid.weight', { weight: c.weight ?? 0 })}
                options={scoreOptions}
              />
            )}
            <TextareaField
              meta={fields[names.justification]!}
              label={t('evaluation.score.justification', { title: c.title })}
              rows={2}
            />
          </div>
        )
      })}
      <SubmitButton>{t('evaluation.score.submit')}</SubmitButton>
    </Form>
  )
}
