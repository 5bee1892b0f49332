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
import { notFound, requirePlatformAdmin } from '~/auth/guards.server'
import {
  CategoryFields,
  categorySchema,
  CompetitionFields,
  updateCompetitionSchema,
} from '~/components/competition-form'
import {
  CompetitionStatusBadge,
  InLanguage,
  PlacementBadge,
  ReferenceTitle,
} from '~/components/competition-labels'
import {
  ChoiceGroup,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextareaField,
  TextField,
} from '~/components/forms'
import { PlainText } from '~/components/plain-text'
import { DoneNotice, ProblemBox } from '~/components/problem'
import { formatDateTime, formatNumber } from '~/i18n/format'
import { translateError, useLocale, useT } from '~/i18n/use-t'
import {
  addCategory,
  type AdminCompetition,
  appointJuror,
  deleteCategory,
  getAdminCompetition,
  inputProblem,
  publishCompetition,
  recordResult,
  removeJuror,
  removeResult,
  startJudging,
  updateCategory,
  updateCompetition,
} from '~/models/competitions.server'
import { getDb } from '~/utils/db.server'
import { orNotFound } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { yearParam } from '~/utils/params.server'
import { clientIp, oneOf } from '~/utils/request.server'
import { toStockholmDateTimeInput } from '~/utils/stockholm-time'
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

/** The action's answer for one form on the page (an intent, and the row it acted on). */
function useResultFor(intent: Intent, target: number | null = null) {
  const actionData = useActionData<typeof action>()
  return actionData && actionData.intent === intent && actionData.target === target
    ? actionData.result
    : undefined
}

/** The form-level errors of a button's answer, shown in a problem box above the button. */
function ButtonProblem({ intent, target = null }: { intent: Intent; target?: number | null }) {
  const t = useT()
  const result = useResultFor(intent, target)
  const messages = Object.values(result?.error ?? {}).flatMap((m) => m ?? [])
  if (messages.length === 0) return null
  return (
    <ProblemBox
      id={`problem-${intent}-${target ?? 'all'}`}
      title={t('competition.admin.problemTitle')}
      message={messages.map((m) => translateError(t, m)).join(' ')}
    />
  )
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

function EditSection({ competition: c }: { competition: AdminCompetition }) {
  const t = useT()
  const locale = useLocale()
  const closeMovable = c.status === 'nominating' && !c.closed
  const [form, fields] = useForm({
    id: 'competition-edit',
    lastResult: useResultFor('update'),
    defaultValue: {
      intro_sv: c.introSv,
      intro_en: c.introEn,
      nominations_close: toStockholmDateTimeInput(c.nominationsCloseAt),
    },
    constraint: getZodConstraint(updateCompetitionSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: updateCompetitionSchema }),
  })
  return (
    <section aria-labelledby="edit-heading">
      <h2 id="edit-heading">{t('competition.admin.editHeading')}</h2>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        {closeMovable ? (
          <CompetitionFields fields={fields} closeHint={t('competition.hint.closeLater')} />
        ) : (
          <>
            <TextareaField meta={fields.intro_sv} label={t('competition.field.introSv')} rows={4} />
            <TextareaField meta={fields.intro_en} label={t('competition.field.introEn')} rows={4} />
            <input
              type="hidden"
              name={fields.nominations_close.name}
              value={toStockholmDateTimeInput(c.nominationsCloseAt)}
            />
            <p className="hint">
              {t('competition.admin.closeFixed', {
                time: formatDateTime(c.nominationsCloseAt, locale),
              })}
            </p>
          </>
        )}
        <SubmitButton name="intent" value="update">
          {t('competition.admin.save')}
        </SubmitButton>
      </Form>
    </section>
  )
}

function CategoriesSection({ competition: c }: { competition: AdminCompetition }) {
  const t = useT()
  const editable = c.status === 'nominating'
  return (
    <section aria-labelledby="categories-heading">
      <h2 id="categories-heading">{t('competition.admin.categoriesHeading')}</h2>
      <p className="hint">{t('competition.admin.categoriesHelp')}</p>
      {c.categories.length === 0 ? <p>{t('competition.admin.noCategories')}</p> : null}
      {c.categories.map((category) => (
        <article key={category.id} className="card competition-category">
          <h3>
            {category.nameSv}{' '}
            <span className="meta" lang="en">
              {category.nameEn}
            </span>
          </h3>
          <p className="meta">
            {t('competition.admin.nominationCount', { count: category.nominationCount })}
          </p>
          <InLanguage lang="sv">
            <PlainText text={category.descriptionSv} />
          </InLanguage>
          <InLanguage lang="en">
            <PlainText text={category.descriptionEn} />
          </InLanguage>
          {editable && category.nominationCount === 0 ? (
            <CategoryEditor category={category} />
          ) : (
            <p className="hint">{t('competition.admin.categoryFixed')}</p>
          )}
        </article>
      ))}
      {editable ? <AddCategory /> : null}
    </section>
  )
}

type Category = AdminCompetition['categories'][number]

function CategoryEditor({ category }: { category: Category }) {
  const t = useT()
  const lastResult = useResultFor('updateCategory', category.id)
  const [form, fields] = useForm({
    id: `category-${category.id}`,
    lastResult,
    defaultValue: {
      name_sv: category.nameSv,
      name_en: category.nameEn,
      description_sv: category.descriptionSv,
      description_en: category.descriptionEn,
    },
    constraint: getZodConstraint(categorySchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: categorySchema }),
  })
  return (
    <>
      <details open={lastResult ? true : undefined}>
        <summary>
          {t('competition.admin.editCategory')}
          <span className="visually-hidden"> {category.nameSv}</span>
        </summary>
        <Form method="post" {...getFormProps(form)} className="stack">
          <ErrorSummary form={form} />
          <input type="hidden" name="target" value={category.id} />
          <CategoryFields fields={fields} />
          <SubmitButton name="intent" value="updateCategory">
            {t('competition.admin.saveCategory')}
          </SubmitButton>
        </Form>
      </details>
      <ButtonProblem intent="deleteCategory" target={category.id} />
      <Form method="post" className="actions">
        <input type="hidden" name="target" value={category.id} />
        <button
          type="submit"
          name="intent"
          value="deleteCategory"
          className="button button--danger"
        >
          {t('competition.admin.deleteCategory')}
          <span className="visually-hidden"> {category.nameSv}</span>
        </button>
      </Form>
    </>
  )
}

function AddCategory() {
  const t = useT()
  const [form, fields] = useForm({
    id: 'category-new',
    lastResult: useResultFor('addCategory'),
    constraint: getZodConstraint(categorySchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: categorySchema }),
  })
  return (
    <>
      <h3>{t('competition.admin.addCategoryHeading')}</h3>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <CategoryFields fields={fields} />
        <SubmitButton name="intent" value="addCategory">
          {t('competition.admin.addCategory')}
        </SubmitButton>
      </Form>
    </>
  )
}

function JurySection({ competition: c }: { competition: AdminCompetition }) {
  const t = useT()
  const locale = useLocale()
  const open = c.status !== 'published'
  const [form, fields] = useForm({
    id: 'juror-new',
    lastResult: useResultFor('appointJuror'),
    constraint: getZodConstraint(jurorSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: jurorSchema }),
  })
  return (
    <section aria-labelledby="jury-heading">
      <h2 id="jury-heading">{t('competition.admin.juryHeading')}</h2>
      <p className="hint">{t('competition.admin.juryHelp')}</p>
      {c.jurors.length === 0 ? (
        <p>{t('competition.admin.noJurors')}</p>
      ) : (
        <table>
          <caption>{t('competition.admin.juryCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('competition.admin.jurorName')}</th>
              <th scope="col">{t('competition.admin.jurorEmail')}</th>
              <th scope="col">{t('competition.admin.jurorAppointed')}</th>
              <th scope="col">{t('competition.admin.jurorDeclarations')}</th>
              {open ? <th scope="col">{t('competition.admin.jurorAction')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {c.jurors.map((j) => (
              <tr key={j.id}>
                <th scope="row">{j.name}</th>
                <td className="break-anywhere">{j.email}</td>
                <td>{formatDateTime(j.appointedAt, locale)}</td>
                <td>{formatNumber(j.declarations, locale)}</td>
                {open ? (
                  <td>
                    {j.declarations === 0 ? (
                      <>
                        <ButtonProblem intent="removeJuror" target={j.id} />
                        <Form method="post">
                          <input type="hidden" name="target" value={j.id} />
                          <button
                            type="submit"
                            name="intent"
                            value="removeJuror"
                            className="button button--secondary"
                          >
                            {t('competition.admin.removeJuror')}
                            <span className="visually-hidden"> {j.name}</span>
                          </button>
                        </Form>
                      </>
                    ) : (
                      t('competition.admin.jurorFixed')
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open ? (
        <Form method="post" {...getFormProps(form)} className="stack">
          <ErrorSummary form={form} />
          <TextField
            meta={fields.email}
            label={t('competition.field.jurorEmail')}
            hint={t('competition.hint.jurorEmail')}
            type="email"
            autoComplete="off"
          />
          <SubmitButton name="intent" value="appointJuror">
            {t('competition.admin.appointJuror')}
          </SubmitButton>
        </Form>
      ) : null}
    </section>
  )
}

function StartJudgingSection({ competition: c }: { competition: AdminCompetition }) {
  const t = useT()
  const locale = useLocale()
  return (
    <section aria-labelledby="judging-heading">
      <h2 id="judging-heading">{t('competition.admin.judgingHeading')}</h2>
      <p>
        {t(c.closed ? 'competition.admin.judgingReady' : 'competition.admin.judgingWait', {
          time: formatDateTime(c.nominationsCloseAt, locale),
        })}
      </p>
      <ButtonProblem intent="startJudging" />
      <Form method="post" className="actions">
        <SubmitButton name="intent" value="startJudging">
          {t('competition.admin.startJudging')}
        </SubmitButton>
      </Form>
    </section>
  )
}

function formatAverage(value: number | null, locale: 'sv' | 'en', none: string): string {
  if (value === null) return none
  return formatNumber(Math.round(value * 100) / 100, locale)
}

function StandingsSection({ competition: c }: { competition: AdminCompetition }) {
  const t = useT()
  return (
    <section aria-labelledby="standings-heading">
      <h2 id="standings-heading">{t('competition.admin.standingsHeading')}</h2>
      <p className="hint">{t('competition.admin.standingsHelp')}</p>
      {c.categories.map((category) => (
        <CategoryStandings
          key={category.id}
          category={category}
          jurors={c.jurors.length}
          judging={c.status === 'judging'}
        />
      ))}
    </section>
  )
}

function CategoryStandings({
  category,
  jurors,
  judging,
}: {
  category: Category
  jurors: number
  judging: boolean
}) {
  const t = useT()
  const locale = useLocale()
  const headingId = `standings-${category.id}`
  return (
    <section aria-labelledby={headingId} className="competition-standings">
      <h3 id={headingId}>{category.nameSv}</h3>
      {category.standings.length === 0 ? (
        <p>{t('competition.admin.noNominations')}</p>
      ) : (
        <div className="call-table-scroll">
          <table>
            <caption>
              {t('competition.admin.standingsCaption', { category: category.nameSv })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('competition.admin.colReference')}</th>
                <th scope="col">{t('competition.admin.colParties')}</th>
                <th scope="col">{t('competition.admin.colAverage')}</th>
                <th scope="col">{t('competition.admin.colScores')}</th>
                <th scope="col">{t('competition.admin.colDeclarations')}</th>
                <th scope="col">{t('competition.admin.colResult')}</th>
              </tr>
            </thead>
            <tbody>
              {category.standings.map((row) => (
                <tr key={row.nominationId}>
                  <th scope="row">
                    <Link to={`/references/${row.referenceId}`}>
                      <ReferenceTitle titleSv={row.titleSv} titleEn={row.titleEn} />
                    </Link>
                  </th>
                  <td>
                    {t('competition.parties', {
                      company: row.companyName,
                      publicBody: row.publicBodyName,
                    })}
                  </td>
                  <td>
                    {formatAverage(row.averageScore, locale, t('competition.admin.noAverage'))}
                  </td>
                  <td>
                    {t('competition.admin.scoresOf', {
                      count: row.scoreCount,
                      cleared: row.clearedJurors,
                    })}
                  </td>
                  <td>
                    {t('competition.admin.declarationsOf', {
                      count: row.declarations,
                      jurors,
                    })}
                  </td>
                  <td>
                    {row.result ? (
                      <>
                        <PlacementBadge placement={row.result.placement} />
                        {judging ? (
                          <>
                            <ButtonProblem intent="removeResult" target={row.nominationId} />
                            <Form method="post">
                              <input type="hidden" name="target" value={row.nominationId} />
                              <button
                                type="submit"
                                name="intent"
                                value="removeResult"
                                className="link-button"
                              >
                                {t('competition.admin.removeResult')}
                                <span className="visually-hidden">
                                  {' '}
                                  <ReferenceTitle titleSv={row.titleSv} titleEn={row.titleEn} />
                                </span>
                              </button>
                            </Form>
                          </>
                        ) : null}
                      </>
                    ) : (
                      t('competition.admin.noResult')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        {category.juryComplete
          ? t('competition.admin.juryComplete')
          : t('competition.admin.juryIncomplete')}
      </p>
      {category.standings
        .filter((row) => row.result)
        .map((row) => (
          <div key={row.nominationId} className="competition-motivation">
            <h4>
              <PlacementBadge placement={row.result!.placement} />{' '}
              <ReferenceTitle titleSv={row.titleSv} titleEn={row.titleEn} />
            </h4>
            <InLanguage lang="sv">
              <PlainText text={row.result!.motivationSv} />
            </InLanguage>
            <InLanguage lang="en">
              <PlainText text={row.result!.motivationEn} />
            </InLanguage>
          </div>
        ))}
      {judging && category.standings.some((row) => !row.result) ? (
        <ResultForm category={category} />
      ) : null}
    </section>
  )
}

function ResultForm({ category }: { category: Category }) {
  const t = useT()
  const locale = useLocale()
  const [form, fields] = useForm({
    id: `result-${category.id}`,
    lastResult: useResultFor('recordResult', category.id),
    constraint: getZodConstraint(resultSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resultSchema }),
  })
  return (
    <Form method="post" {...getFormProps(form)} className="stack card">
      <h4>{t('competition.admin.resultHeading', { category: category.nameSv })}</h4>
      <p className="hint">{t('competition.admin.resultHelp')}</p>
      <ErrorSummary form={form} />
      <input type="hidden" name="target" value={category.id} />
      <SelectField
        meta={fields.nomination_id}
        label={t('competition.field.nomination')}
        options={category.standings
          .filter((row) => !row.result)
          .map((row) => ({
            value: String(row.nominationId),
            label: t('competition.admin.nominationOption', {
              title: locale === 'en' ? (row.titleEn ?? row.titleSv) : row.titleSv,
              average: formatAverage(row.averageScore, locale, t('competition.admin.noAverage')),
            }),
          }))}
      />
      <ChoiceGroup
        meta={fields.placement}
        legend={t('competition.field.placement')}
        type="radio"
        options={[
          { value: 'winner', label: t('competition.placement.winner') },
          { value: 'honourable_mention', label: t('competition.placement.honourable_mention') },
        ]}
      />
      <TextareaField
        meta={fields.motivation_sv}
        label={t('competition.field.motivationSv')}
        rows={4}
      />
      <TextareaField
        meta={fields.motivation_en}
        label={t('competition.field.motivationEn')}
        rows={4}
      />
      <SubmitButton name="intent" value="recordResult">
        {t('competition.admin.recordResult')}
      </SubmitButton>
    </Form>
  )
}

function PublishSection({
  competition: c,
  confirm,
}: {
  competition: AdminCompetition
  confirm: boolean
}) {
  const t = useT()
  const missing = c.categories.filter((category) => !category.hasWinner)
  return (
    <section aria-labelledby="publish-heading">
      <h2 id="publish-heading">{t('competition.admin.publishHeading')}</h2>
      <p>{t('competition.admin.publishHelp')}</p>
      {missing.length > 0 ? (
        <p>
          {t('competition.admin.publishMissing', {
            categories: missing.map((category) => category.nameSv).join(', '),
          })}
        </p>
      ) : null}
      <ButtonProblem intent="publish" />
      {confirm ? (
        <div className="notice notice--warn">
          <h3>{t('competition.admin.publishConfirmTitle', { year: c.year })}</h3>
          <p>{t('competition.admin.publishConfirmBody')}</p>
          <Form method="post" action={`/admin/competitions/${c.year}`} className="actions">
            <button type="submit" name="intent" value="publish" className="button">
              {t('competition.admin.publishConfirm')}
            </button>
            <Link to={`/admin/competitions/${c.year}`} className="button button--secondary">
              {t('competition.admin.publishCancel')}
            </Link>
          </Form>
        </div>
      ) : (
        <p className="actions">
          <Link to="?confirm=publish" className="button">
            {t('competition.admin.publish')}
          </Link>
        </p>
      )}
    </section>
  )
}
