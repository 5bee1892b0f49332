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
import { IndicatorFigures } from '~/components/agenda-figures'
import { DoneNotice } from '~/components/problem'
import { getLocale } from '~/i18n/locale.server'
import { useT } from '~/i18n/use-t'
import {
  addIndicator,
  changeTarget,
  linkInitiative,
  recordMeasurement,
} from '~/models/agenda-indicators.server'
import { getGoalEditPage } from '~/models/agenda-reads.server'
import { publishGoal, updateGoal } from '~/models/agendas.server'
import {
  goalSchema,
  idSchema,
  indicatorSchema,
  linkSchema,
  measurementSchema,
  publishSchema,
  targetSchema,
} from '~/utils/agenda-schema'
import { getDb } from '~/utils/db.server'
import { orNotFound, refusalReply } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import { slugSchema } from '~/utils/slug'
import {
  GoalTextForm,
  IndicatorForm,
  LinkForm,
  MeasurementForm,
  PublishGoalForm,
  TargetForm,
} from './goal-forms'
import agendaMessages from '~/i18n/messages/agenda'
import errorsMessages from '~/i18n/messages/errors'

// The editors' page of one goal (decision record 033): its text, publication, indicators, targets,
// hand-entered measurements and the initiatives that serve it. Members of the region or of a
// co-owner; anyone else gets 404.

export const handle = { i18n: [agendaMessages, errorsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('agenda.goal.title', { title: data.goal.title }) : t('notFound.title'),
  )

function paramsOf(params: { slug?: string; goalId?: string }) {
  const slug = slugSchema.safeParse(params.slug)
  const goalId = idSchema.safeParse(params.goalId)
  if (!slug.success || !goalId.success) throw notFound()
  return { slug: slug.data, goalId: goalId.data }
}

const NOTICES = ['created', 'saved', 'published', 'indicator', 'target', 'measurement', 'link']

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { slug, goalId } = paramsOf(params)
  const page = await orNotFound(getGoalEditPage(getDb(), slug, goalId, user.id, getLocale(request)))
  const notice = new URL(request.url).searchParams.get('notice')
  return { ...page, notice: notice && NOTICES.includes(notice) ? notice : null }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const db = getDb()
  const { slug, goalId } = paramsOf(params)
  const page = await orNotFound(getGoalEditPage(db, slug, goalId, user.id, getLocale(request)))
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const schemas = {
    goal: goalSchema,
    publish: publishSchema,
    indicator: indicatorSchema(page.themes),
    target: targetSchema,
    measurement: measurementSchema,
    link: linkSchema,
  }
  const form = (intent in schemas ? intent : 'goal') as keyof typeof schemas
  const submission = parseWithZod(formData, { schema: schemas[form] })
  if (submission.status !== 'success') {
    return data({ form, result: submission.reply() }, { status: 400 })
  }
  const value = submission.value
  const ip = clientIp(context)
  const userId = user.id
  const done = (notice: string) =>
    redirect(`/organisations/${slug}/agenda/goals/${goalId}?notice=${notice}`)
  const ownIndicator = (id: number) => page.indicators.find((i) => i.id === id)
  const fieldError = (field: string, message: string) =>
    data(
      { form, result: submission.reply({ fieldErrors: { [field]: [message] } }) },
      { status: 400 },
    )
  try {
    switch (value.intent) {
      case 'goal':
        await updateGoal(db, {
          goalId,
          userId,
          input: { title: value.title, description: value.description },
          ip,
        })
        return done('saved')
      case 'publish':
        await publishGoal(db, { goalId, userId, ip })
        return done('published')
      case 'indicator': {
        const input =
          value.source_kind === 'live'
            ? {
                source_kind: 'live' as const,
                metric: value.metric!,
                theme_code: value.theme_code ?? null,
              }
            : { source_kind: 'manual' as const, unit: value.unit! }
        await addIndicator(db, {
          goalId,
          userId,
          input: {
            label: value.label,
            target_value: value.target_value,
            target_date: value.target_date,
            ...input,
          },
          ip,
        })
        return done('indicator')
      }
      case 'target': {
        const indicator = ownIndicator(value.indicator_id)
        if (!indicator) return fieldError('indicator_id', 'errors.choose')
        if (indicator.unit === 'percent' && value.target_value > 100) {
          return fieldError('target_value', 'agenda.error.percent')
        }
        await changeTarget(db, {
          indicatorId: indicator.id,
          userId,
          target_value: value.target_value,
          target_date: value.target_date,
          reason: value.reason ?? null,
          ip,
        })
        return done('target')
      }
      case 'measurement': {
        const indicator = ownIndicator(value.indicator_id)
        if (!indicator || indicator.source_kind !== 'manual') {
          return fieldError('indicator_id', 'errors.choose')
        }
        await recordMeasurement(db, {
          indicatorId: indicator.id,
          userId,
          measured_on: value.measured_on,
          value: value.value,
          source: value.source,
          corrects: value.corrects ?? null,
          ip,
        })
        return done('measurement')
      }
      case 'link':
        await linkInitiative(db, { goalId, userId, initiativeId: value.initiative_id, ip })
        return done('link')
    }
  } catch (error) {
    const fields = {
      agenda_target_reason: 'reason',
      agenda_measured_in_future: 'measured_on',
      agenda_measurement_manual_only: 'value',
      agenda_measurement_append_only: 'corrects',
      agenda_link_not_owner: 'initiative_id',
    } as const
    return data({ form, result: refusalReply(submission, error, fields) }, { status: 400 })
  }
}

export default function EditGoal() {
  const { region, agenda, goal, indicators, linked, linkable, themes, notice } =
    useLoaderData<typeof loader>()
  const t = useT()
  const base = `/organisations/${region.slug}/agenda`
  const published = goal.status === 'published'
  return (
    <>
      {notice ? (
        <DoneNotice>{t(`agenda.goal.notice.${notice}` as 'agenda.goal.notice.saved')}</DoneNotice>
      ) : null}
      <h1>{t('agenda.goal.title', { title: goal.title })}</h1>
      <p>
        <Link to={`${base}/edit`}>{t('agenda.goal.back', { title: agenda.title })}</Link>
        {' · '}
        <Link to={base}>{t('agenda.edit.view')}</Link>
      </p>
      <p>{published ? t('agenda.goal.isPublished') : t('agenda.goal.isDraft')}</p>
      <GoalTextForm goal={goal} />

      <section aria-labelledby="indicators-title">
        <h2 id="indicators-title">{t('agenda.goal.indicatorsTitle')}</h2>
        {indicators.length === 0 ? <p>{t('agenda.goal.noIndicators')}</p> : null}
        {indicators.map((indicator) => (
          <section key={indicator.id} aria-labelledby={`indicator-${indicator.id}`}>
            <h3 id={`indicator-${indicator.id}`}>{indicator.label}</h3>
            <IndicatorFigures indicator={indicator} />
          </section>
        ))}
        <IndicatorForm themes={themes} />
        {indicators.length > 0 ? (
          <TargetForm indicators={indicators} published={published} />
        ) : null}
        {indicators.some((i) => i.source_kind === 'manual') ? (
          <MeasurementForm indicators={indicators} />
        ) : null}
      </section>

      <section aria-labelledby="initiatives-title">
        <h2 id="initiatives-title">{t('agenda.initiativesTitle')}</h2>
        {linked.length === 0 ? (
          <p>{t('agenda.noInitiatives')}</p>
        ) : (
          <ul>
            {linked.map((i) => (
              <li key={i.id}>
                <Link to={`/initiatives/${i.id}`}>{i.title}</Link>{' '}
                <span className="meta">({i.owner_name})</span>
              </li>
            ))}
          </ul>
        )}
        {linkable.length > 0 ? <LinkForm initiatives={linkable} /> : null}
      </section>

      {published ? null : <PublishGoalForm />}
    </>
  )
}
