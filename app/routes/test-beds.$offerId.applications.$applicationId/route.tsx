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
  SubmitButton,
  TextareaField,
  TextField,
} from '~/components/forms'
import { PlainText } from '~/components/plain-text'
import { ApplicationStatusBadge, PilotStatusBadge } from '~/components/test-bed-labels'
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatOrgNumber,
} from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import { decideApplication, getApplicationForHost } from '~/models/pilot-decisions.server'
import { DE_MINIMIS_CEILING_EUR } from '~/models/state-aid.server'
import { getDb } from '~/utils/db.server'
import { orNotFound, refusalReply } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import { assessmentSchema, criterionFields, DECISIONS, MET, paramsSchema, SCORES } from './schema'
import { DoneNotice } from '~/components/problem'
import errorsMessages from '~/i18n/messages/errors'
import organisationsMessages from '~/i18n/messages/organisations'
import pilotsMessages from '~/i18n/messages/pilots'
import testbedsMessages from '~/i18n/messages/testbeds'

export const handle = {
  i18n: [errorsMessages, organisationsMessages, pilotsMessages, testbedsMessages],
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('pilots.assess.title', { company: data.company.name }) : t('notFound.title'),
  )

async function load(request: Request, params: Record<string, string | undefined>) {
  const parsed = paramsSchema.safeParse(params)
  if (!parsed.success) throw notFound()
  const user = await requireUser(request)
  const view = await orNotFound(getApplicationForHost(getDb(), { ...parsed.data, userId: user.id }))
  return { user, view }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { view } = await load(request, params)
  const notice = new URL(request.url).searchParams.get('notice')
  return {
    ...view,
    deMinimisCeilingEur: DE_MINIMIS_CEILING_EUR,
    notice: notice === 'decided' ? notice : null,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, view } = await load(request, params)
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: assessmentSchema(view.criteria) })
  if (submission.status !== 'success') {
    return data({ result: submission.reply() }, { status: 400 })
  }
  try {
    await decideApplication(getDb(), {
      offerId: view.offer.id,
      applicationId: view.application.id,
      userId: user.id,
      ...submission.value,
      ip: clientIp(context),
    })
  } catch (error) {
    return data({ result: refusalReply(submission, error) }, { status: 400 })
  }
  return redirect(`/test-beds/${view.offer.id}/applications/${view.application.id}?notice=decided`)
}

type View = Awaited<ReturnType<typeof loader>>

export default function AssessApplication() {
  const view = useLoaderData<typeof loader>()
  const { offer, company, application, notice } = view
  const t = useT()
  const locale = useLocale()
  return (
    <>
      {notice ? <DoneNotice>{t('pilots.assess.notice.decided')}</DoneNotice> : null}
      <h1>{t('pilots.assess.title', { company: company.name })}</h1>
      <p className="meta">
        <ApplicationStatusBadge status={application.status} />{' '}
        {t('pilots.assess.toOffer', { offer: offer.title })}
      </p>
      <ul className="actions">
        <li>
          <Link to={`/test-beds/${offer.id}/applications`}>{t('pilots.assess.back')}</Link>
        </li>
        <li>
          <Link to={`/test-beds/${offer.id}`}>{t('pilots.assess.offerLink')}</Link>
        </li>
      </ul>

      <h2>{t('pilots.assess.companyHeading')}</h2>
      <dl className="details">
        <dt>{t('pilots.assess.companyName')}</dt>
        <dd>
          <Link to={`/organisations/${company.slug}`}>{company.name}</Link>
        </dd>
        <dt>{t('pilots.assess.orgNumber')}</dt>
        <dd>{formatOrgNumber(company.org_number)}</dd>
        {company.size_class ? (
          <>
            <dt>{t('pilots.assess.size')}</dt>
            <dd>{t(`org.size.${company.size_class}`)}</dd>
          </>
        ) : null}
        <dt>{t('pilots.assess.county')}</dt>
        <dd>{company.county}</dd>
      </dl>

      <ApplicationDetails view={view} />
      <StateAid view={view} />

      <h2>{t('pilots.assess.decisionHeading')}</h2>
      <p>
        {t('pilots.assess.capacity', {
          running: offer.runningPilots,
          capacity: offer.capacity,
        })}
      </p>
      {application.status === 'submitted' ? (
        <AssessmentForm view={view} />
      ) : (
        <Decided view={view} />
      )}
      {application.status === 'withdrawn' && application.withdrawn_at !== null ? (
        <p>
          {t('pilots.assess.withdrawn', { date: formatDateTime(application.withdrawn_at, locale) })}
        </p>
      ) : null}
    </>
  )
}

function TextDetail({ label, text }: { label: string; text: string }) {
  if (!text.trim()) return null
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <PlainText text={text} />
      </dd>
    </>
  )
}

function ApplicationDetails({ view }: { view: View }) {
  const { application } = view
  const t = useT()
  const locale = useLocale()
  return (
    <>
      <h2>{t('pilots.assess.applicationHeading')}</h2>
      <dl className="details">
        <dt>{t('pilots.assess.product')}</dt>
        <dd>{application.product_name}</dd>
        <TextDetail
          label={t('pilots.assess.productDescription')}
          text={application.product_description}
        />
        {application.trl !== null ? (
          <>
            <dt>{t('pilots.assess.trl')}</dt>
            <dd>{application.trl}</dd>
          </>
        ) : null}
        <TextDetail label={t('pilots.assess.goals')} text={application.test_goals} />
        {application.proposed_start !== null && application.proposed_end !== null ? (
          <>
            <dt>{t('pilots.assess.proposedPeriod')}</dt>
            <dd>
              {t('pilots.period', {
                start: formatDate(application.proposed_start, locale),
                end: formatDate(application.proposed_end, locale),
              })}
            </dd>
          </>
        ) : null}
        {application.test_user_count !== null ? (
          <>
            <dt>{t('pilots.assess.testUserCount')}</dt>
            <dd>{application.test_user_count}</dd>
          </>
        ) : null}
        <TextDetail label={t('pilots.assess.testUsers')} text={application.test_user_description} />
        <TextDetail label={t('pilots.assess.dataNeeds')} text={application.data_needs} />
        <TextDetail label={t('pilots.assess.contribution')} text={application.contribution} />
        <dt>{t('pilots.assess.declarations')}</dt>
        <dd>
          <ul className="plain-list">
            {application.declares_requirements ? (
              <li>{t('pilots.assess.declaresRequirements')}</li>
            ) : null}
            {application.declares_no_conflict ? (
              <li>{t('pilots.assess.declaresNoConflict')}</li>
            ) : null}
          </ul>
        </dd>
        {application.submitted_at !== null ? (
          <>
            <dt>{t('pilots.assess.submitted')}</dt>
            <dd>
              {t('pilots.assess.submittedBy', {
                time: formatDateTime(application.submitted_at, locale),
                name: application.submitted_by_name ?? '',
              })}
            </dd>
          </>
        ) : null}
        {application.receipt_hash ? (
          <>
            <dt>{t('pilots.assess.receipt')}</dt>
            <dd className="break-anywhere">
              <code>{application.receipt_hash}</code>
            </dd>
          </>
        ) : null}
      </dl>
    </>
  )
}

function StateAid({ view }: { view: View }) {
  const { stateAid, company, deMinimisCeilingEur } = view
  const t = useT()
  const locale = useLocale()
  return (
    <>
      <h2>{t('pilots.assess.aidHeading')}</h2>
      <dl className="details">
        <dt>{t('pilots.assess.aidLastThreeYears', { company: company.name })}</dt>
        <dd>{formatMoney(stateAid.lastThreeYears, locale)}</dd>
        <dt>{t('pilots.assess.aidThisPilot')}</dt>
        <dd>
          {stateAid.thisPilot > 0
            ? formatMoney(stateAid.thisPilot, locale)
            : t('pilots.assess.aidNone')}
        </dd>
      </dl>
      <p className="hint">
        {t('pilots.deMinimisNote', { ceiling: formatNumber(deMinimisCeilingEur, locale) })}
      </p>
    </>
  )
}

function AssessmentForm({ view }: { view: View }) {
  const actionData = useActionData<typeof action>()
  const t = useT()
  const criteria = view.criteria
  const formSchema = useMemo(() => assessmentSchema(criteria), [criteria])
  const [form, fields] = useForm({
    id: 'assessment',
    lastResult: actionData?.result,
    constraint: getZodConstraint(formSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: formSchema }),
  })
  const scoreOptions = SCORES.map((s) => ({ value: s, label: s }))
  const metOptions = MET.map((m) => ({ value: m, label: t(`pilots.assess.${m}`) }))
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <ErrorSummary form={form} />
      <h3>{t('pilots.assess.criteriaHeading')}</h3>
      {criteria.map((c) => {
        const names = criterionFields(c.id)
        const legend = t('pilots.assess.criterionLegend', { position: c.position, title: c.title })
        const hint = (
          <>
            {t(`testBed.criterion.kind.${c.kind}`)}
            {c.description ? (
              <>
                {' — '}
                {c.description}
              </>
            ) : null}
          </>
        )
        return (
          <div key={c.id} className="assessment-criterion">
            <ChoiceGroup
              meta={c.kind === 'score' ? fields[names.score]! : fields[names.met]!}
              type="radio"
              legend={legend}
              hint={hint}
              options={c.kind === 'score' ? scoreOptions : metOptions}
            />
            <TextareaField
              meta={fields[names.comment]!}
              label={t('pilots.assess.comment', { title: c.title })}
              required={false}
              rows={2}
            />
          </div>
        )
      })}
      <h3>{t('pilots.assess.decideHeading')}</h3>
      <ChoiceGroup
        meta={fields.decision!}
        type="radio"
        legend={t('pilots.assess.decision')}
        options={DECISIONS.map((d) => ({ value: d, label: t(`pilots.assess.decision.${d}`) }))}
      />
      <TextareaField
        meta={fields.reason!}
        label={t('pilots.assess.reason')}
        hint={t('pilots.assess.reasonHint')}
      />
      <TextField
        type="date"
        width="medium"
        meta={fields.starts_on!}
        label={t('pilots.assess.startsOn')}
        hint={t('pilots.assess.datesHint')}
      />
      <TextField
        type="date"
        width="medium"
        meta={fields.ends_on!}
        label={t('pilots.assess.endsOn')}
        hint={t('pilots.assess.datesHint')}
      />
      <SubmitButton>{t('pilots.assess.submit')}</SubmitButton>
    </Form>
  )
}

function Decided({ view }: { view: View }) {
  const { application, criteria, pilot, offer } = view
  const t = useT()
  const locale = useLocale()
  const scored = criteria.some((c) => c.score)
  return (
    <>
      {application.decided_at !== null ? (
        <dl className="details">
          <dt>{t('pilots.assess.decidedAt')}</dt>
          <dd>
            {t('pilots.assess.decidedBy', {
              time: formatDateTime(application.decided_at, locale),
              name: application.decided_by_name ?? '',
            })}
          </dd>
          <dt>{t('pilots.assess.reason')}</dt>
          <dd>
            <PlainText text={application.decision_reason ?? ''} />
          </dd>
          {application.pilot_starts_on !== null && application.pilot_ends_on !== null ? (
            <>
              <dt>{t('pilots.assess.pilotPeriod')}</dt>
              <dd>
                {t('pilots.period', {
                  start: formatDate(application.pilot_starts_on, locale),
                  end: formatDate(application.pilot_ends_on, locale),
                })}
              </dd>
            </>
          ) : null}
          {pilot ? (
            <>
              <dt>{t('pilots.assess.pilot')}</dt>
              <dd>
                <Link to={`/pilots/${pilot.id}`}>{t('pilots.assess.pilotLink')}</Link>{' '}
                <PilotStatusBadge status={pilot.status} />
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {scored ? (
        <table>
          <caption>{t('pilots.assess.scoresCaption', { offer: offer.title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pilots.assess.col.criterion')}</th>
              <th scope="col">{t('pilots.assess.col.assessment')}</th>
              <th scope="col">{t('pilots.assess.col.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  {t('pilots.assess.criterionLegend', { position: c.position, title: c.title })}
                </th>
                <td>
                  {c.score?.score != null
                    ? t('pilots.assess.scoreValue', { score: c.score.score })
                    : c.score?.met != null
                      ? t(c.score.met ? 'pilots.assess.met' : 'pilots.assess.not_met')
                      : null}
                </td>
                <td>{c.score?.comment ? <PlainText text={c.score.comment} /> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  )
}
