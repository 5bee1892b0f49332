import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { notFound, requirePlatformAdmin } from '~/auth/guards.server'
import { categorySchema, updateCompetitionSchema } from '~/components/competition-form'
import { CompetitionStatusBadge } from '~/components/competition-labels'
import { DoneNotice } from '~/components/problem'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import { inputProblem } from '~/models/competition-shared.server'
import {
  addCategory,
  appointJuror,
  deleteCategory,
  publishCompetition,
  recordResult,
  removeJuror,
  removeResult,
  startJudging,
  updateCategory,
  updateCompetition,
} from '~/models/competitions-admin.server'
import { getAdminCompetition } from '~/models/competitions-admin-view.server'
import { getDb } from '~/utils/db.server'
import { orNotFound } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { yearParam } from '~/utils/params.server'
import { clientIp, oneOf } from '~/utils/request.server'
import {
  buttonSchema,
  type Intent,
  intentSchema,
  jurorSchema,
  type Notice,
  NOTICES,
  resultSchema,
  targetSchema,
} from './schema'
import { CategoriesSection } from './categories-section'
import { EditSection } from './edit-section'
import { JurySection } from './jury-section'
import { PublishSection } from './publish-section'
import { StandingsSection } from './standings-section'
import { StartJudgingSection } from './start-judging-section'
import competitionsMessages from '~/i18n/messages/competitions'
import errorsMessages from '~/i18n/messages/errors'

export const handle = { i18n: [competitionsMessages, errorsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('competition.admin.yearTitle', { year: data.competition.year }) : t('notFound.title'),
  )

export async function loader({ request, params }: LoaderFunctionArgs) {
  const year = yearParam(params.year)
  const admin = await requirePlatformAdmin(request)
  const competition = await orNotFound(getAdminCompetition(getDb(), year, admin.id))
  const url = new URL(request.url)
  const notice = url.searchParams.get('notice')
  return {
    competition,
    confirmPublish: url.searchParams.get('confirm') === 'publish',
    notice: oneOf(NOTICES, notice),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const year = yearParam(params.year)
  const admin = await requirePlatformAdmin(request)
  const formData = await request.formData()
  const intent = intentSchema.safeParse(formData.get('intent'))
  if (!intent.success) throw data('bad request', { status: 400 })
  const rawTarget = formData.get('target')
  const target = rawTarget === null ? null : targetSchema.safeParse(rawTarget)
  if (target && !target.success) throw notFound()
  const targetId = target?.data ?? null
  const db = getDb()
  const base = { userId: admin.id, year, ip: clientIp(context) }
  const here = `/admin/competitions/${year}`

  const fail = (result: SubmissionResult<string[]>) =>
    data({ intent: intent.data as Intent, target: targetId, result }, { status: 400 })

  async function attempt(
    reply: (options: {
      formErrors?: string[]
      fieldErrors?: Record<string, string[]>
    }) => SubmissionResult<string[]>,
    run: () => Promise<unknown>,
    notice: Notice,
  ) {
    try {
      await orNotFound(run())
    } catch (error) {
      const problem = inputProblem(error)
      if (!problem) throw error
      return fail(
        problem.field
          ? reply({ fieldErrors: { [problem.field]: [problem.messageKey] } })
          : reply({ formErrors: [problem.messageKey] }),
      )
    }
    return redirect(`${here}?notice=${notice}`)
  }

  // The forms that are only a button answer in the same shape, without fields.
  const button = parseWithZod(formData, { schema: buttonSchema })
  const buttonReply = (options: { formErrors?: string[] }) =>
    button.reply({ formErrors: options.formErrors ?? [] })

  function needTarget(): number {
    if (targetId === null) throw notFound()
    return targetId
  }

  switch (intent.data) {
    case 'update': {
      const submission = parseWithZod(formData, { schema: updateCompetitionSchema })
      if (submission.status !== 'success') return fail(submission.reply())
      const v = submission.value
      return attempt(
        (o) => submission.reply(o),
        () =>
          updateCompetition(db, {
            ...base,
            introSv: v.intro_sv,
            introEn: v.intro_en,
            nominationsCloseAt: v.nominations_close,
          }),
        'updated',
      )
    }
    case 'addCategory':
    case 'updateCategory': {
      const submission = parseWithZod(formData, { schema: categorySchema })
      if (submission.status !== 'success') return fail(submission.reply())
      const v = submission.value
      const input = {
        ...base,
        nameSv: v.name_sv,
        nameEn: v.name_en,
        descriptionSv: v.description_sv,
        descriptionEn: v.description_en,
      }
      if (intent.data === 'addCategory') {
        return attempt(
          (o) => submission.reply(o),
          () => addCategory(db, input),
          'categoryAdded',
        )
      }
      const categoryId = needTarget()
      return attempt(
        (o) => submission.reply(o),
        () => updateCategory(db, { ...input, categoryId }),
        'categoryUpdated',
      )
    }
    case 'deleteCategory': {
      const categoryId = needTarget()
      return attempt(
        buttonReply,
        () => deleteCategory(db, { ...base, categoryId }),
        'categoryDeleted',
      )
    }
    case 'appointJuror': {
      const submission = parseWithZod(formData, { schema: jurorSchema })
      if (submission.status !== 'success') return fail(submission.reply())
      return attempt(
        (o) => submission.reply(o),
        () => appointJuror(db, { ...base, email: submission.value.email }),
        'jurorAppointed',
      )
    }
    case 'removeJuror': {
      const jurorId = needTarget()
      return attempt(buttonReply, () => removeJuror(db, { ...base, jurorId }), 'jurorRemoved')
    }
    case 'startJudging':
      return attempt(buttonReply, () => startJudging(db, base), 'judgingStarted')
    case 'recordResult': {
      needTarget()
      const submission = parseWithZod(formData, { schema: resultSchema })
      if (submission.status !== 'success') return fail(submission.reply())
      const v = submission.value
      return attempt(
        (o) => submission.reply(o),
        () =>
          recordResult(db, {
            ...base,
            nominationId: v.nomination_id,
            placement: v.placement,
            motivationSv: v.motivation_sv,
            motivationEn: v.motivation_en,
          }),
        'resultRecorded',
      )
    }
    case 'removeResult': {
      const nominationId = needTarget()
      return attempt(
        buttonReply,
        () => removeResult(db, { ...base, nominationId }),
        'resultRemoved',
      )
    }
    case 'publish':
      return attempt(buttonReply, () => publishCompetition(db, base), 'published')
  }
}

export default function AdminCompetitionYear() {
  const { competition, notice, confirmPublish } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const c = competition
  return (
    <>
      {notice ? <DoneNotice>{t(`competition.admin.notice.${notice}`)}</DoneNotice> : null}
      <h1>{t('competition.admin.yearTitle', { year: c.year })}</h1>
      <p className="meta">
        <CompetitionStatusBadge status={c.status} />{' '}
        <Link to={`/competitions/${c.year}`}>{t('competition.admin.publicPage')}</Link>
      </p>
      <dl className="details">
        <dt>{t('competition.admin.close')}</dt>
        <dd>{formatDateTime(c.nominationsCloseAt, locale)}</dd>
        {c.judgingStartedAt !== null ? (
          <>
            <dt>{t('competition.admin.judgingStarted')}</dt>
            <dd>{formatDateTime(c.judgingStartedAt, locale)}</dd>
          </>
        ) : null}
        {c.publishedAt !== null ? (
          <>
            <dt>{t('competition.admin.publishedAt')}</dt>
            <dd>{formatDateTime(c.publishedAt, locale)}</dd>
          </>
        ) : null}
      </dl>
      {c.status === 'published' ? <p>{t('competition.admin.publishedFixed')}</p> : null}
      {c.status !== 'published' ? <EditSection competition={c} /> : null}
      <CategoriesSection competition={c} />
      <JurySection competition={c} />
      {c.status === 'nominating' ? <StartJudgingSection competition={c} /> : null}
      {c.status !== 'nominating' ? <StandingsSection competition={c} /> : null}
      {c.status === 'judging' ? <PublishSection competition={c} confirm={confirmPublish} /> : null}
    </>
  )
}
