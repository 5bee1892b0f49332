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
import type { z } from 'zod'
import { notFound, requireUser } from '~/auth/guards.server'
import { ErrorSummary, SubmitButton, TextareaField } from '~/components/forms'
import { PlainText } from '~/components/plain-text'
import { PilotStatusBadge } from '~/components/test-bed-labels'
import { formatDate, formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import {
  fileTestReport,
  getPilotForMember,
  postPilotMessage,
  respondToTestReport,
} from '~/models/pilots.server'
import { findReferenceForPilot } from '~/models/reference-cases.server'
import { getDb } from '~/utils/db.server'
import { type FormReplier, orNotFound, refusalReply } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { clientIp, oneOf } from '~/utils/request.server'
import {
  type INTENTS,
  intentSchema,
  messageSchema,
  NOTICES,
  pilotIdSchema,
  reportSchema,
  responseSchema,
} from './schema'
import { DoneNotice } from '~/components/problem'
import errorsMessages from '~/i18n/messages/errors'
import pilotsMessages from '~/i18n/messages/pilots'
import referencesMessages from '~/i18n/messages/references'
import testbedsMessages from '~/i18n/messages/testbeds'

export const handle = {
  i18n: [errorsMessages, pilotsMessages, referencesMessages, testbedsMessages],
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('pilots.pilot.title', { offer: data.pilot.offer_title }) : t('notFound.title'),
  )

function parsePilotId(params: { pilotId?: string }): number {
  const id = pilotIdSchema.safeParse(params.pilotId)
  if (!id.success) throw notFound()
  return id.data
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const pilotId = parsePilotId(params)
  const user = await requireUser(request)
  const view = await orNotFound(getPilotForMember(getDb(), pilotId, user.id))
  const notice = new URL(request.url).searchParams.get('notice')
  return {
    ...view,
    // A completed pilot can become a reference case (issue 5): link to it, or to writing it.
    referenceId:
      view.pilot.status === 'completed' ? await findReferenceForPilot(getDb(), pilotId) : null,
    notice: oneOf(NOTICES, notice),
  }
}

type Intent = (typeof INTENTS)[number]

export async function action({ request, params, context }: ActionFunctionArgs) {
  const pilotId = parsePilotId(params)
  const user = await requireUser(request)
  const db = getDb()
  // Parties only, before the form is read: anyone else learns nothing from its validation.
  await orNotFound(getPilotForMember(db, pilotId, user.id))
  const formData = await request.formData()
  const intent = intentSchema.safeParse(formData.get('intent'))
  if (!intent.success) throw data('bad request', { status: 400 })
  const ip = clientIp(context)
  const here = `/pilots/${pilotId}`

  const fail = (result: SubmissionResult<string[]>) =>
    data({ intent: intent.data as Intent, result }, { status: 400 })

  async function attempt(
    submission: FormReplier,
    run: () => Promise<unknown>,
    notice: (typeof NOTICES)[number],
  ) {
    try {
      await run()
    } catch (error) {
      return fail(refusalReply(submission, error))
    }
    return redirect(`${here}?notice=${notice}`)
  }

  switch (intent.data) {
    case 'message': {
      const submission = parseWithZod(formData, { schema: messageSchema })
      if (submission.status !== 'success') return fail(submission.reply())
      return attempt(
        submission,
        () => postPilotMessage(db, { pilotId, userId: user.id, body: submission.value.body, ip }),
        'messagePosted',
      )
    }
    case 'report': {
      const submission = parseWithZod(formData, { schema: reportSchema })
      if (submission.status !== 'success') return fail(submission.reply())
      return attempt(
        submission,
        () => fileTestReport(db, { pilotId, userId: user.id, report: submission.value, ip }),
        'reportFiled',
      )
    }
    case 'response': {
      const submission = parseWithZod(formData, { schema: responseSchema })
      if (submission.status !== 'success') return fail(submission.reply())
      return attempt(
        submission,
        () =>
          respondToTestReport(db, {
            pilotId,
            userId: user.id,
            response: submission.value.response,
            ip,
          }),
        'responded',
      )
    }
  }
}

type View = Awaited<ReturnType<typeof loader>>

/** The action's answer for one of the page's forms, so each form shows only its own errors. */
function useResultFor(intent: Intent) {
  const actionData = useActionData<typeof action>()
  return actionData && actionData.intent === intent ? actionData.result : undefined
}

/** A Conform form for one of the page's intents, checked when a field is left. */
function useIntentForm<S extends z.ZodTypeAny>(intent: Intent, id: string, schema: S) {
  const lastResult = useResultFor(intent)
  return useForm({
    id,
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
}

export default function PilotPage() {
  const view = useLoaderData<typeof loader>()
  const { pilot, notice } = view
  const t = useT()
  const locale = useLocale()
  return (
    <>
      {notice ? <DoneNotice>{t(`pilots.pilot.notice.${notice}`)}</DoneNotice> : null}
      <h1>{t('pilots.pilot.title', { offer: pilot.offer_title })}</h1>
      <p className="meta">
        <PilotStatusBadge status={pilot.status} />
      </p>
      <dl className="details">
        <dt>{t('pilots.pilot.offer')}</dt>
        <dd>
          <Link to={`/test-beds/${pilot.offer_id}`}>{pilot.offer_title}</Link>
        </dd>
        <dt>{t('pilots.pilot.host')}</dt>
        <dd>
          <Link to={`/organisations/${pilot.host_slug}`}>{pilot.host_name}</Link>
        </dd>
        <dt>{t('pilots.pilot.company')}</dt>
        <dd>
          <Link to={`/organisations/${pilot.company_slug}`}>{pilot.company_name}</Link>
        </dd>
        <dt>{t('pilots.pilot.period')}</dt>
        <dd>
          {t('pilots.period', {
            start: formatDate(pilot.starts_on, locale),
            end: formatDate(pilot.ends_on, locale),
          })}
        </dd>
        {pilot.completed_at !== null ? (
          <>
            <dt>{t('pilots.pilot.completedAt')}</dt>
            <dd>{formatDate(pilot.completed_at, locale)}</dd>
          </>
        ) : null}
        {pilot.side === 'host' ? (
          <>
            <dt>{t('pilots.pilot.application')}</dt>
            <dd>
              <Link to={`/test-beds/${pilot.offer_id}/applications/${pilot.application_id}`}>
                {t('pilots.pilot.applicationLink')}
              </Link>
            </dd>
          </>
        ) : (
          <>
            <dt>{t('pilots.pilot.application')}</dt>
            <dd>
              <Link to={`/applications/${pilot.application_id}`}>
                {t('pilots.pilot.applicationLink')}
              </Link>
            </dd>
          </>
        )}
      </dl>
      {pilot.status === 'completed' ? (
        <p className="actions">
          {view.referenceId !== null ? (
            <Link to={`/references/${view.referenceId}`}>{t('reference.pilot.view')}</Link>
          ) : (
            <Link to={`/references/new?pilot=${pilot.id}`}>{t('reference.pilot.write')}</Link>
          )}
        </p>
      ) : null}
      <Thread view={view} />
      <Report view={view} />
    </>
  )
}

function Thread({ view }: { view: View }) {
  const { messages } = view
  const t = useT()
  const locale = useLocale()
  const lastResult = useResultFor('message')
  const [form, fields] = useForm({
    id: 'pilot-message',
    lastResult,
    constraint: getZodConstraint(messageSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: messageSchema }),
  })
  return (
    <section aria-labelledby="thread-title">
      <h2 id="thread-title">{t('pilots.pilot.threadHeading')}</h2>
      <p className="hint">{t('pilots.pilot.threadHelp')}</p>
      {messages.length === 0 ? (
        <p>{t('pilots.pilot.threadEmpty')}</p>
      ) : (
        <ol className="pilot-thread">
          {messages.map((m) => (
            <li key={m.id}>
              <p className="meta">
                {t('pilots.pilot.messageBy', {
                  author: m.author_name,
                  organisation: m.organisation_name,
                })}{' '}
                ·{' '}
                <time dateTime={new Date(m.created_at * 1000).toISOString()}>
                  {formatDateTime(m.created_at, locale)}
                </time>
              </p>
              <PlainText text={m.body} />
              {m.held ? <p className="hint">{t('pilots.pilot.messageHeld')}</p> : null}
            </li>
          ))}
        </ol>
      )}
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <TextareaField meta={fields.body} label={t('pilots.pilot.messageLabel')} rows={4} />
        <SubmitButton name="intent" value="message">
          {t('pilots.pilot.messageSubmit')}
        </SubmitButton>
      </Form>
    </section>
  )
}

function Report({ view }: { view: View }) {
  const { pilot, report } = view
  const t = useT()
  const locale = useLocale()
  return (
    <section aria-labelledby="report-title">
      <h2 id="report-title">{t('pilots.pilot.reportHeading')}</h2>
      {report ? (
        <>
          <p className="meta">
            {t('pilots.pilot.reportFiledBy', {
              time: formatDateTime(report.submitted_at, locale),
              name: report.author_name,
            })}
          </p>
          <h3>{t('pilots.pilot.whatTested')}</h3>
          <PlainText text={report.what_tested} />
          <h3>{t('pilots.pilot.withWhom')}</h3>
          <PlainText text={report.with_whom} />
          <h3>{t('pilots.pilot.results')}</h3>
          <PlainText text={report.results} />
          <h3>{t('pilots.pilot.recommendations')}</h3>
          <PlainText text={report.recommendations} />
          <h3>{t('pilots.pilot.responseHeading', { company: pilot.company_name })}</h3>
          {report.response !== null && report.responded_at !== null ? (
            <>
              <p className="meta">
                {t('pilots.pilot.respondedBy', {
                  time: formatDateTime(report.responded_at, locale),
                  name: report.responded_by_name ?? '',
                })}
              </p>
              <PlainText text={report.response} />
            </>
          ) : pilot.side === 'company' ? (
            <ResponseForm />
          ) : (
            <p>{t('pilots.pilot.noResponse')}</p>
          )}
        </>
      ) : pilot.side === 'host' && pilot.status === 'active' ? (
        <ReportForm />
      ) : (
        <p>{t('pilots.pilot.reportPending')}</p>
      )}
    </section>
  )
}

function ReportForm() {
  const t = useT()
  const [form, fields] = useIntentForm('report', 'pilot-report', reportSchema)
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <p>{t('pilots.pilot.reportHelp')}</p>
      <ErrorSummary form={form} />
      <TextareaField meta={fields.what_tested} label={t('pilots.pilot.whatTested')} />
      <TextareaField meta={fields.with_whom} label={t('pilots.pilot.withWhom')} rows={3} />
      <TextareaField meta={fields.results} label={t('pilots.pilot.results')} rows={6} />
      <TextareaField meta={fields.recommendations} label={t('pilots.pilot.recommendations')} />
      <SubmitButton name="intent" value="report">
        {t('pilots.pilot.reportSubmit')}
      </SubmitButton>
    </Form>
  )
}

function ResponseForm() {
  const t = useT()
  const [form, fields] = useIntentForm('response', 'pilot-response', responseSchema)
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <p>{t('pilots.pilot.responseHelp')}</p>
      <ErrorSummary form={form} />
      <TextareaField meta={fields.response} label={t('pilots.pilot.responseLabel')} />
      <SubmitButton name="intent" value="response">
        {t('pilots.pilot.responseSubmit')}
      </SubmitButton>
    </Form>
  )
}
