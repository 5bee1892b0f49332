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
import { notFound, requireUser } from '~/auth/guards.server'
import { ReferenceTitle } from '~/components/competition-labels'
import {
  ChoiceGroup,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextareaField,
} from '~/components/forms'
import { PlainText } from '~/components/plain-text'
import { DoneNotice } from '~/components/problem'
import { formatDateTime, formatNumber } from '~/i18n/format'
import { getLocale } from '~/i18n/locale.server'
import { useLocale, useT } from '~/i18n/use-t'
import {
  declareInterest,
  getJuryPage,
  isJuror,
  scoreNomination,
} from '~/models/competition-jury.server'
import { inputProblem } from '~/models/competition-shared.server'
import { getDb } from '~/utils/db.server'
import { orNotFound } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { yearParam } from '~/utils/params.server'
import { clientIp, oneOf } from '~/utils/request.server'
import {
  declareSchema,
  type Intent,
  intentSchema,
  type Notice,
  NOTICES,
  SCORES,
  scoreSchema,
} from './schema'
import competitionsMessages from '~/i18n/messages/competitions'
import errorsMessages from '~/i18n/messages/errors'

export const handle = { i18n: [competitionsMessages, errorsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('competition.jury.title', { year: data.page.year }) : t('notFound.title'),
  )

export async function loader({ request, params }: LoaderFunctionArgs) {
  const year = yearParam(params.year)
  const user = await requireUser(request)
  // Only the year's jurors have a jury page.
  const page = await orNotFound(getJuryPage(getDb(), year, user.id, getLocale(request)))
  const notice = new URL(request.url).searchParams.get('notice')
  return {
    page,
    notice: oneOf(NOTICES, notice),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const year = yearParam(params.year)
  const user = await requireUser(request)
  const db = getDb()
  // Jurors only, before the form is read: anyone else learns nothing from its validation.
  if (!(await isJuror(db, year, user.id))) throw notFound()
  const formData = await request.formData()
  const intent = intentSchema.safeParse(formData.get('intent'))
  if (!intent.success) throw data('bad request', { status: 400 })
  const base = { userId: user.id, year, ip: clientIp(context) }
  const target = Number(formData.get('nomination_id')) || null
  const fail = (result: SubmissionResult<string[]>) =>
    data({ intent: intent.data as Intent, target, result }, { status: 400 })

  async function attempt(
    reply: (options: { formErrors: string[] }) => SubmissionResult<string[]>,
    run: () => Promise<unknown>,
    notice: Notice,
  ) {
    try {
      await orNotFound(run())
    } catch (error) {
      const problem = inputProblem(error)
      if (!problem) throw error
      return fail(reply({ formErrors: [problem.messageKey] }))
    }
    return redirect(`/competitions/${year}/jury?notice=${notice}#nomination-${target}`)
  }

  if (intent.data === 'declare') {
    const submission = parseWithZod(formData, { schema: declareSchema })
    if (submission.status !== 'success') return fail(submission.reply())
    const v = submission.value
    return attempt(
      (o) => submission.reply(o),
      () =>
        declareInterest(db, {
          ...base,
          nominationId: v.nomination_id,
          hasConflict: v.has_conflict === 'yes',
          note: v.note ?? '',
        }),
      'declared',
    )
  }
  const submission = parseWithZod(formData, { schema: scoreSchema })
  if (submission.status !== 'success') return fail(submission.reply())
  const v = submission.value
  return attempt(
    (o) => submission.reply(o),
    () =>
      scoreNomination(db, {
        ...base,
        nominationId: v.nomination_id,
        score: v.score,
        comment: v.comment,
      }),
    'scored',
  )
}

type Page = Awaited<ReturnType<typeof loader>>['page']
type Nomination = Page['nominations'][number]

function useResultFor(intent: Intent, target: number) {
  const actionData = useActionData<typeof action>()
  return actionData && actionData.intent === intent && actionData.target === target
    ? actionData.result
    : undefined
}

export default function JuryPage() {
  const { page, notice } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <>
      {notice ? <DoneNotice>{t(`competition.jury.notice.${notice}`)}</DoneNotice> : null}
      <h1>{t('competition.jury.title', { year: page.year })}</h1>
      <p>{t('competition.jury.intro')}</p>
      {page.status === 'nominating' ? (
        <div className="notice">
          <p>
            {t('competition.jury.notYet', {
              time: formatDateTime(page.nominationsCloseAt, locale),
            })}
          </p>
        </div>
      ) : (
        <>
          {page.status === 'published' ? (
            <div className="notice">
              <p>{t('competition.jury.finished')}</p>
            </div>
          ) : null}
          <p className="competition-progress">
            <label htmlFor="jury-progress">
              {t('competition.jury.progress', {
                done: formatNumber(page.progress.done, locale),
                total: formatNumber(page.progress.total, locale),
              })}
            </label>{' '}
            <progress id="jury-progress" max={page.progress.total} value={page.progress.done} />
          </p>
          {page.categories.map((category) => {
            const nominations = page.nominations.filter((n) => n.categoryId === category.id)
            return (
              <section key={category.id} aria-labelledby={`jury-category-${category.id}`}>
                <h2 id={`jury-category-${category.id}`}>{category.name}</h2>
                {nominations.length === 0 ? (
                  <p>{t('competition.jury.noNominations')}</p>
                ) : (
                  nominations.map((n) => (
                    <NominationCard key={n.id} nomination={n} judging={page.status === 'judging'} />
                  ))
                )}
              </section>
            )
          })}
        </>
      )}
      <p>
        <Link to={`/competitions/${page.year}`}>
          {t('competition.nominate.back', { year: page.year })}
        </Link>
      </p>
    </>
  )
}

function NominationCard({ nomination: n, judging }: { nomination: Nomination; judging: boolean }) {
  const t = useT()
  return (
    <article className="card competition-nomination" id={`nomination-${n.id}`}>
      <h3>
        <Link to={`/references/${n.referenceId}`}>
          <ReferenceTitle titleSv={n.titleSv} titleEn={n.titleEn} />
        </Link>
      </h3>
      <p className="meta">
        {t('competition.parties', { company: n.companyName, publicBody: n.publicBodyName })}
      </p>
      <p className="meta">{t('competition.jury.nominationMotivation')}</p>
      <PlainText text={n.motivation} />
      {n.declaration === null ? (
        judging ? (
          <DeclareForm nomination={n} />
        ) : (
          <p>{t('competition.jury.notDeclared')}</p>
        )
      ) : n.declaration.hasConflict ? (
        <p>
          <strong>{t('competition.jury.declaredConflict')}</strong> {n.declaration.note}
        </p>
      ) : (
        <>
          <p>
            <strong>{t('competition.jury.declaredClear')}</strong>
          </p>
          {n.score ? (
            <p>
              {t('competition.jury.yourScore', { score: n.score.score })} {n.score.comment}
            </p>
          ) : null}
          {n.scoreOpen ? (
            <ScoreForm nomination={n} />
          ) : n.score ? null : (
            <p>{t('competition.jury.notScored')}</p>
          )}
        </>
      )}
    </article>
  )
}

function DeclareForm({ nomination: n }: { nomination: Nomination }) {
  const t = useT()
  const [form, fields] = useForm({
    id: `declare-${n.id}`,
    lastResult: useResultFor('declare', n.id),
    constraint: getZodConstraint(declareSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: declareSchema }),
  })
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <ErrorSummary form={form} />
      <input type="hidden" name="nomination_id" value={n.id} />
      <ChoiceGroup
        meta={fields.has_conflict}
        legend={t('competition.field.conflict')}
        hint={t('competition.hint.conflict')}
        type="radio"
        options={[
          { value: 'no', label: t('competition.jury.conflictNo') },
          { value: 'yes', label: t('competition.jury.conflictYes') },
        ]}
      />
      <TextareaField
        meta={fields.note}
        label={t('competition.field.conflictNote')}
        hint={t('competition.hint.conflictNote')}
        required={false}
        rows={2}
      />
      <SubmitButton name="intent" value="declare">
        {t('competition.jury.declare')}
      </SubmitButton>
    </Form>
  )
}

function ScoreForm({ nomination: n }: { nomination: Nomination }) {
  const t = useT()
  const [form, fields] = useForm({
    id: `score-${n.id}`,
    lastResult: useResultFor('score', n.id),
    defaultValue: n.score ? { score: String(n.score.score), comment: n.score.comment } : undefined,
    constraint: getZodConstraint(scoreSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: scoreSchema }),
  })
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <ErrorSummary form={form} />
      <input type="hidden" name="nomination_id" value={n.id} />
      <SelectField
        meta={fields.score}
        label={t('competition.field.score')}
        hint={t('competition.hint.score')}
        options={SCORES.map((s) => ({ value: String(s), label: String(s) }))}
      />
      <TextareaField meta={fields.comment} label={t('competition.field.scoreComment')} rows={3} />
      <SubmitButton name="intent" value="score">
        {n.score ? t('competition.jury.changeScore') : t('competition.jury.saveScore')}
      </SubmitButton>
    </Form>
  )
}
