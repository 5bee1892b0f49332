import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { notFound, requireUser } from '~/auth/guards.server'
import { PlainText } from '~/components/plain-text'
import { ProblemBox, DoneNotice } from '~/components/problem'
import { ApplicationStatusBadge, PilotStatusBadge } from '~/components/test-bed-labels'
import { formatDate, formatDateTime, formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import { deleteDraft, withdrawApplication } from '~/models/pilot-application-submission.server'
import { getApplicationForCompany } from '~/models/pilot-applications.server'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { orNotFound, refusal } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import { actionSchema, applicationIdSchema, confirmSchema, noticeSchema } from './schema'
import applicationsMessages from '~/i18n/messages/applications'
import errorsMessages from '~/i18n/messages/errors'
import testbedsMessages from '~/i18n/messages/testbeds'

export const handle = { i18n: [applicationsMessages, errorsMessages, testbedsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data
      ? t('applications.view.title', { offer: data.application.offer_title })
      : t('notFound.title'),
  )

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const id = applicationIdSchema.safeParse(params.applicationId)
  if (!id.success) throw notFound()
  const application = await orNotFound(getApplicationForCompany(getDb(), id.data, user.id))
  const url = new URL(request.url)
  const confirm = confirmSchema.parse(url.searchParams.get('confirm'))
  return {
    application,
    // A draft can be continued while the offer still takes applications.
    offerOpen:
      application.offer_status === 'published' &&
      (application.offer_deadline === null || application.offer_deadline > now()),
    notice: noticeSchema.parse(url.searchParams.get('notice')),
    confirm:
      (confirm === 'withdraw' && application.status === 'submitted') ||
      (confirm === 'delete' && application.status === 'draft')
        ? confirm
        : null,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const id = applicationIdSchema.safeParse(params.applicationId)
  if (!id.success) throw notFound()
  const db = getDb()
  // The company's members only, before the form is read.
  await orNotFound(getApplicationForCompany(db, id.data, user.id))
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) throw data('bad request', { status: 400 })
  const options = { applicationId: id.data, userId: user.id, ip: clientIp(context) }
  try {
    if (parsed.data.intent === 'withdraw') {
      await withdrawApplication(db, options)
      return redirect(`/applications/${id.data}?notice=withdrawn`)
    }
    const { companySlug } = await deleteDraft(db, options)
    return redirect(`/organisations/${companySlug}/applications?notice=deleted`)
  } catch (error) {
    return data({ error: refusal(error).messageKey }, { status: 400 })
  }
}

type Application = ReturnType<typeof useLoaderData<typeof loader>>['application']

export default function ApplicationPage() {
  const { application: a, offerOpen, notice, confirm } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const decided = a.status === 'accepted' || a.status === 'declined'
  return (
    <>
      {notice ? <DoneNotice>{t(`applications.notice.${notice}`)}</DoneNotice> : null}
      {actionData?.error ? (
        <ProblemBox
          id="application-error-title"
          title={t('applications.error.title')}
          message={t(actionData.error)}
        />
      ) : null}
      <h1>{t('applications.view.title', { offer: a.offer_title })}</h1>
      <p className="meta">
        <ApplicationStatusBadge status={a.status} />
      </p>
      <dl className="details">
        <dt>{t('applications.view.offer')}</dt>
        <dd>
          <Link to={`/test-beds/${a.offer_id}`}>{a.offer_title}</Link>
        </dd>
        <dt>{t('applications.view.host')}</dt>
        <dd>{a.host_name}</dd>
        <dt>{t('applications.view.company')}</dt>
        <dd>{a.company_name}</dd>
      </dl>
      <p>
        <Link to={`/organisations/${a.company_slug}/applications`}>
          {t('applications.view.allLink', { company: a.company_name })}
        </Link>
      </p>

      {a.submitted_at !== null && a.receipt_hash !== null ? (
        <section aria-labelledby="receipt-title" className="receipt">
          <h2 id="receipt-title">{t('applications.receipt.title')}</h2>
          <p>
            <strong>
              {t('applications.receipt.received', {
                time: formatDateTime(a.submitted_at, locale),
              })}
            </strong>
            {a.submitter_name ? (
              <> {t('applications.receipt.by', { name: a.submitter_name })}</>
            ) : null}
          </p>
          <p>
            {t('applications.receipt.hash')}
            <br />
            <code className="break-anywhere">{a.receipt_hash}</code>
          </p>
          <p className="hint">{t('applications.receipt.hashHelp')}</p>
        </section>
      ) : null}

      {a.status === 'draft' ? (
        <>
          <h2>{t('applications.draft.title')}</h2>
          <p>{t('applications.draft.help')}</p>
          {offerOpen ? (
            <p>
              <Link
                to={`/test-beds/${a.offer_id}/apply?company=${encodeURIComponent(a.company_slug)}`}
              >
                {t('applications.draft.continue')}
              </Link>
            </p>
          ) : (
            <p>{t('applications.draft.closed')}</p>
          )}
          {confirm === 'delete' ? (
            <Confirm
              id="confirm-delete-title"
              title={t('applications.draft.confirmTitle')}
              body={t('applications.draft.confirmBody')}
              intent="delete"
              submit={t('applications.draft.confirm')}
              cancelTo={`/applications/${a.id}`}
            />
          ) : (
            <Form method="get" preventScrollReset>
              <button type="submit" name="confirm" value="delete" className="button button--danger">
                {t('applications.draft.delete')}
              </button>
            </Form>
          )}
        </>
      ) : null}

      {a.status === 'submitted' ? (
        <>
          <h2>{t('applications.status.title')}</h2>
          <p>
            {a.offer_intake === 'round' && a.offer_deadline !== null
              ? t('applications.status.awaitingRound', {
                  date: formatDateTime(a.offer_deadline, locale),
                })
              : t('applications.status.awaiting')}
          </p>
          <p>{t('applications.withdraw.help')}</p>
          {confirm === 'withdraw' ? (
            <Confirm
              id="confirm-withdraw-title"
              title={t('applications.withdraw.confirmTitle')}
              body={t('applications.withdraw.confirmBody')}
              intent="withdraw"
              submit={t('applications.withdraw.confirm')}
              cancelTo={`/applications/${a.id}`}
            />
          ) : (
            <Form method="get" preventScrollReset>
              <button
                type="submit"
                name="confirm"
                value="withdraw"
                className="button button--danger"
              >
                {t('applications.withdraw.button')}
              </button>
            </Form>
          )}
        </>
      ) : null}

      {a.status === 'withdrawn' && a.withdrawn_at !== null ? (
        <>
          <h2>{t('applications.status.title')}</h2>
          <p>{t('applications.withdrawnAt', { time: formatDateTime(a.withdrawn_at, locale) })}</p>
        </>
      ) : null}

      {decided ? <Decision application={a} /> : null}

      <h2>
        {a.status === 'draft'
          ? t('applications.summary.draftTitle')
          : t('applications.summary.title')}
      </h2>
      <dl className="details application-summary">
        <dt>{t('applications.field.product_name')}</dt>
        <dd>
          <Value text={a.product_name} />
        </dd>
        <dt>{t('applications.field.product_description')}</dt>
        <dd>
          <Value text={a.product_description} />
        </dd>
        <dt>{t('applications.field.trl')}</dt>
        <dd>{a.trl === null ? <Empty /> : t('applications.field.trlOption', { level: a.trl })}</dd>
        <dt>{t('applications.field.test_goals')}</dt>
        <dd>
          <Value text={a.test_goals} />
        </dd>
        <dt>{t('applications.summary.period')}</dt>
        <dd>
          {a.proposed_start !== null && a.proposed_end !== null ? (
            t('applications.summary.periodValue', {
              start: formatDate(a.proposed_start, locale),
              end: formatDate(a.proposed_end, locale),
            })
          ) : a.proposed_start !== null ? (
            formatDate(a.proposed_start, locale)
          ) : (
            <Empty />
          )}
        </dd>
        <dt>{t('applications.field.test_user_count')}</dt>
        <dd>{a.test_user_count === null ? <Empty /> : formatNumber(a.test_user_count, locale)}</dd>
        <dt>{t('applications.field.test_user_description')}</dt>
        <dd>
          <Value text={a.test_user_description} />
        </dd>
        <dt>{t('applications.field.data_needs')}</dt>
        <dd>
          <Value text={a.data_needs} />
        </dd>
        <dt>{t('applications.field.contribution')}</dt>
        <dd>
          <Value text={a.contribution} />
        </dd>
        <dt>{t('applications.field.declares_requirements')}</dt>
        <dd>
          {a.declares_requirements ? t('applications.summary.yes') : t('applications.summary.no')}
        </dd>
        <dt>{t('applications.field.declares_no_conflict', { host: a.host_name })}</dt>
        <dd>
          {a.declares_no_conflict ? t('applications.summary.yes') : t('applications.summary.no')}
        </dd>
      </dl>
    </>
  )
}

function Empty() {
  const t = useT()
  return <span className="meta">{t('applications.summary.empty')}</span>
}

function Value({ text }: { text: string }) {
  return text.trim() ? <PlainText text={text} /> : <Empty />
}

/** The confirmation step: what will happen, the button that does it, and a way back. */
function Confirm({
  id,
  title,
  body,
  intent,
  submit,
  cancelTo,
}: {
  id: string
  title: string
  body: string
  intent: 'withdraw' | 'delete'
  submit: string
  cancelTo: string
}) {
  const t = useT()
  return (
    <section className="notice notice--warn" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <p>{body}</p>
      <Form method="post" className="actions">
        <button type="submit" name="intent" value={intent} className="button button--danger">
          {submit}
        </button>
        <Link to={cancelTo} preventScrollReset>
          {t('applications.cancel')}
        </Link>
      </Form>
    </section>
  )
}

function Decision({ application: a }: { application: Application }) {
  const t = useT()
  const locale = useLocale()
  return (
    <>
      <h2>{t('applications.decision.title')}</h2>
      <p>
        <strong>
          {a.status === 'accepted'
            ? t('applications.decision.accepted')
            : t('applications.decision.declined')}
        </strong>
        {a.decided_at !== null ? (
          <> {t('applications.decision.at', { time: formatDateTime(a.decided_at, locale) })}</>
        ) : null}
      </p>
      <h3>{t('applications.decision.reason')}</h3>
      <PlainText text={a.decision_reason ?? ''} />

      {a.assessment.length > 0 ? (
        <table>
          <caption>{t('applications.assessment.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('applications.assessment.criterion')}</th>
              <th scope="col">{t('applications.assessment.result')}</th>
              <th scope="col">{t('applications.assessment.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {a.assessment.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  {s.title}
                  <br />
                  <span className="meta">{t(`testBed.criterion.kind.${s.kind}`)}</span>
                </th>
                <td>
                  {s.score !== null
                    ? t('applications.assessment.score', { score: s.score })
                    : s.met
                      ? t('applications.assessment.met')
                      : t('applications.assessment.notMet')}
                </td>
                <td>{s.comment.trim() ? <PlainText text={s.comment} /> : <Empty />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {a.status === 'accepted' ? (
        <>
          <h3>{t('applications.pilot.title')}</h3>
          {a.pilot_starts_on !== null && a.pilot_ends_on !== null ? (
            <p>
              {t('applications.pilot.period', {
                start: formatDate(a.pilot_starts_on, locale),
                end: formatDate(a.pilot_ends_on, locale),
              })}{' '}
              {a.pilot ? <PilotStatusBadge status={a.pilot.status} /> : null}
            </p>
          ) : null}
          {a.pilot ? (
            <p>
              <Link to={`/pilots/${a.pilot.id}`}>{t('applications.pilot.link')}</Link>
            </p>
          ) : null}
        </>
      ) : null}
    </>
  )
}
