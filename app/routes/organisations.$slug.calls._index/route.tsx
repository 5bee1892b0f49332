import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { notFound } from '~/auth/guards.server'
import { requireOrganisationMember } from '~/auth/organisation-guard.server'
import { CallDeadline, CallStatusBadge, ProcedureLabel } from '~/components/call-labels'
import { DoneNotice } from '~/components/problem'
import { useT } from '~/i18n/use-t'
import { listBuyerCalls } from '~/models/calls.server'
import { shownCallStatus } from '~/utils/call-status'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import callAuthoringMessages from '~/i18n/messages/call-authoring'
import callsMessages from '~/i18n/messages/calls'

export const handle = { i18n: [callAuthoringMessages, callsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('callEdit.dashboard.title', { name: data.org.name }) : t('notFound.title'),
  )

/** Statuses that still wait for the buyer's outcome once the deadline has passed. */
const AWAITING_OUTCOME = ['closed', 'opened', 'evaluated']

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, org } = await requireOrganisationMember(request, params)
  // Only public bodies procure; for a company this page does not exist.
  if (org.kind !== 'public_body') throw notFound()
  const at = now()
  const calls = (await listBuyerCalls(getDb(), org.id, user.id)).map((c) => {
    const shown = shownCallStatus(c, at)
    return { ...c, shown, needsOutcome: AWAITING_OUTCOME.includes(shown) }
  })
  const notice = new URL(request.url).searchParams.get('notice')
  return {
    org: { slug: org.slug, name: org.name, verified: org.verification_status === 'verified' },
    calls,
    notice: notice === 'deleted' ? notice : null,
  }
}

export default function BuyerCalls() {
  const { org, calls, notice } = useLoaderData<typeof loader>()
  const t = useT()
  const waiting = calls.filter((c) => c.needsOutcome)
  return (
    <>
      {notice ? <DoneNotice>{t('callEdit.dashboard.notice.deleted')}</DoneNotice> : null}
      <h1>{t('callEdit.dashboard.title', { name: org.name })}</h1>
      <p>
        <Link to={`/organisations/${org.slug}`}>
          {t('callEdit.dashboard.back', { name: org.name })}
        </Link>
      </p>
      <p className="lead">{t('callEdit.dashboard.lead')}</p>
      {org.verified ? null : (
        <div className="notice notice--warn">
          <p>{t('callEdit.dashboard.unverified')}</p>
        </div>
      )}
      {waiting.length > 0 ? (
        <section className="notice notice--warn" aria-labelledby="needs-outcome-heading">
          <h2 id="needs-outcome-heading">{t('callEdit.dashboard.needsOutcome')}</h2>
          <p>{t('callEdit.dashboard.needsOutcomeHelp')}</p>
          <ul>
            {waiting.map((c) => (
              <li key={c.id}>
                <Link to={`/calls/${c.id}/evaluation`}>
                  {t('callEdit.dashboard.decideFor', { title: c.title })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <Link to={`/organisations/${org.slug}/calls/new`} className="button">
          {t('callEdit.dashboard.new')}
        </Link>
      </p>
      {calls.length === 0 ? (
        <p>{t('callEdit.dashboard.empty')}</p>
      ) : (
        <table>
          <caption>{t('callEdit.dashboard.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('callEdit.dashboard.col.title')}</th>
              <th scope="col">{t('callEdit.dashboard.col.procedure')}</th>
              <th scope="col">{t('callEdit.dashboard.col.status')}</th>
              <th scope="col">{t('callEdit.dashboard.col.deadlines')}</th>
            </tr>
          </thead>
          <tbody>
            {calls.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link to={`/calls/${c.id}/edit`}>{c.title}</Link>
                </th>
                <td>
                  <ProcedureLabel procedure={c.procedure} />
                </td>
                <td>
                  <CallStatusBadge status={c.shown} />
                  {c.needsOutcome ? (
                    <>
                      {' '}
                      <strong>{t('callEdit.dashboard.needsOutcomeShort')}</strong>
                    </>
                  ) : null}
                </td>
                <td>
                  <ul className="plain-list">
                    <li>
                      <CallDeadline kind="question" at={c.question_deadline} />
                    </li>
                    <li>
                      <CallDeadline kind="tender" at={c.tender_deadline} />
                    </li>
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
