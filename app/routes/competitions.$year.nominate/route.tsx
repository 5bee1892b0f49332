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
import { ErrorSummary, SelectField, SubmitButton, TextareaField } from '~/components/forms'
import { PlainText } from '~/components/plain-text'
import { DoneNotice, ProblemBox } from '~/components/problem'
import { formatDateTime } from '~/i18n/format'
import { getLocale } from '~/i18n/locale.server'
import { translateError, useLocale, useT } from '~/i18n/use-t'
import {
  getNominationPage,
  nominate,
  withdrawNomination,
} from '~/models/competition-nominations.server'
import { inputProblem } from '~/models/competition-shared.server'
import { DomainError } from '~/models/errors.server'
import { getDb } from '~/utils/db.server'
import { orNotFound } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { yearParam } from '~/utils/params.server'
import { clientIp, oneOf } from '~/utils/request.server'
import {
  type Intent,
  intentSchema,
  MOTIVATION_MIN,
  nominateSchema,
  NOTICES,
  withdrawSchema,
} from './schema'
import competitionsMessages from '~/i18n/messages/competitions'
import errorsMessages from '~/i18n/messages/errors'

export const handle = { i18n: [competitionsMessages, errorsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('competition.nominate.title', { year: data.page.year }) : t('notFound.title'),
  )

export async function loader({ request, params }: LoaderFunctionArgs) {
  const year = yearParam(params.year)
  const user = await requireUser(request)
  const page = await orNotFound(getNominationPage(getDb(), year, user.id, getLocale(request)))
  const url = new URL(request.url)
  const notice = url.searchParams.get('notice')
  const reference = Number(url.searchParams.get('reference'))
  return {
    page,
    // A case page can link here with its reference chosen already.
    preselected: page.references.some((r) => r.id === reference) ? reference : null,
    notice: oneOf(NOTICES, notice),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const year = yearParam(params.year)
  const user = await requireUser(request)
  const formData = await request.formData()
  const intent = intentSchema.safeParse(formData.get('intent'))
  if (!intent.success) throw data('bad request', { status: 400 })
  const db = getDb()
  const base = { userId: user.id, year, ip: clientIp(context) }
  const fail = (result: SubmissionResult<string[]>, target: number | null = null) =>
    data({ intent: intent.data as Intent, target, result }, { status: 400 })

  if (intent.data === 'nominate') {
    const submission = parseWithZod(formData, { schema: nominateSchema })
    if (submission.status !== 'success') return fail(submission.reply())
    const v = submission.value
    try {
      await nominate(db, {
        ...base,
        categoryId: v.category_id,
        referenceId: v.reference_id,
        motivation: v.motivation,
      })
    } catch (error) {
      // A category of another year is simply not among the choices.
      if (error instanceof DomainError && error.code === 'not_found') {
        return fail(submission.reply({ fieldErrors: { category_id: ['errors.choose'] } }))
      }
      const problem = inputProblem(error)
      if (!problem) throw error
      return fail(submission.reply({ formErrors: [problem.messageKey] }))
    }
    return redirect(`/competitions/${year}/nominate?notice=nominated`)
  }

  const submission = parseWithZod(formData, { schema: withdrawSchema })
  if (submission.status !== 'success') throw notFound()
  try {
    await orNotFound(
      withdrawNomination(db, { ...base, nominationId: submission.value.nomination_id }),
    )
  } catch (error) {
    const problem = inputProblem(error)
    if (!problem) throw error
    return fail(
      submission.reply({ formErrors: [problem.messageKey] }),
      submission.value.nomination_id,
    )
  }
  return redirect(`/competitions/${year}/nominate?notice=withdrawn`)
}

export default function Nominate() {
  const { page, notice } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <>
      {notice ? <DoneNotice>{t(`competition.nominate.notice.${notice}`)}</DoneNotice> : null}
      <h1>{t('competition.nominate.title', { year: page.year })}</h1>
      {page.open ? (
        <>
          <p>
            {t('competition.nominate.intro', {
              time: formatDateTime(page.nominationsCloseAt, locale),
            })}
          </p>
          <NominationForm />
        </>
      ) : (
        <div className="notice">
          <p>{t('competition.nominate.closed')}</p>
        </div>
      )}
      <MyNominations />
      <p>
        <Link to={`/competitions/${page.year}`}>
          {t('competition.nominate.back', { year: page.year })}
        </Link>
      </p>
    </>
  )
}

function NominationForm() {
  const { page, preselected } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const [form, fields] = useForm({
    id: 'nominate',
    lastResult: actionData?.intent === 'nominate' ? actionData.result : undefined,
    defaultValue: preselected ? { reference_id: String(preselected) } : undefined,
    constraint: getZodConstraint(nominateSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: nominateSchema }),
  })
  if (page.categories.length === 0 || page.references.length === 0) {
    return <p>{t('competition.nominate.nothing')}</p>
  }
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <ErrorSummary form={form} />
      <SelectField
        meta={fields.category_id}
        label={t('competition.field.category')}
        options={page.categories.map((c) => ({ value: String(c.id), label: c.name }))}
      />
      <details>
        <summary>{t('competition.nominate.aboutCategories')}</summary>
        <dl className="details">
          {page.categories.map((c) => (
            <div key={c.id}>
              <dt>{c.name}</dt>
              <dd>
                <PlainText text={c.description} />
              </dd>
            </div>
          ))}
        </dl>
      </details>
      <SelectField
        meta={fields.reference_id}
        label={t('competition.field.reference')}
        hint={t('competition.hint.reference')}
        options={page.references.map((r) => ({
          value: String(r.id),
          label: t('competition.nominate.referenceOption', {
            title: r.title,
            company: r.companyName,
            publicBody: r.publicBodyName,
          }),
        }))}
      />
      <TextareaField
        meta={fields.motivation}
        label={t('competition.field.nominationMotivation')}
        hint={t('competition.hint.nominationMotivation', { min: MOTIVATION_MIN })}
        rows={6}
      />
      <SubmitButton name="intent" value="nominate">
        {t('competition.nominate.submit')}
      </SubmitButton>
    </Form>
  )
}

function MyNominations() {
  const { page } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  return (
    <section aria-labelledby="mine-heading">
      <h2 id="mine-heading">{t('competition.nominate.mineHeading')}</h2>
      {page.mine.length === 0 ? (
        <p>{t('competition.nominate.mineNone')}</p>
      ) : (
        <ul className="plain-list">
          {page.mine.map((n) => {
            const category = page.categories.find((c) => c.id === n.categoryId)
            const problem =
              actionData?.intent === 'withdraw' && actionData.target === n.id
                ? Object.values(actionData.result.error ?? {}).flatMap((m) => m ?? [])
                : []
            return (
              <li key={n.id} className="card">
                <h3>
                  <Link to={`/references/${n.referenceId}`}>
                    <ReferenceTitle titleSv={n.titleSv} titleEn={n.titleEn} />
                  </Link>
                </h3>
                <p className="meta">
                  {t('competition.nominate.mineMeta', {
                    category: category?.name ?? '',
                    time: formatDateTime(n.nominatedAt, locale),
                  })}
                </p>
                <PlainText text={n.motivation} />
                {problem.length > 0 ? (
                  <ProblemBox
                    id={`withdraw-problem-${n.id}`}
                    title={t('competition.admin.problemTitle')}
                    message={problem.map((m) => translateError(t, m)).join(' ')}
                  />
                ) : null}
                {page.status === 'nominating' ? (
                  <Form method="post" className="actions">
                    <input type="hidden" name="nomination_id" value={n.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="withdraw"
                      className="button button--secondary"
                    >
                      {t('competition.nominate.withdraw')}
                      <span className="visually-hidden">
                        {' '}
                        <ReferenceTitle titleSv={n.titleSv} titleEn={n.titleEn} />
                      </span>
                    </button>
                  </Form>
                ) : null}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
