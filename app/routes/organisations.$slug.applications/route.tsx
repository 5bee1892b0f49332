import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { notFound } from '~/auth/guards.server'
import { requireOrganisationMember } from '~/auth/organisation-guard.server'
import { ApplicationStatusBadge } from '~/components/test-bed-labels'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import { listCompanyApplications } from '~/models/pilot-applications.server'
import { getDb } from '~/utils/db.server'
import { orNotFound } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { noticeSchema } from './schema'
import { DoneNotice } from '~/components/problem'
import applicationsMessages from '~/i18n/messages/applications'
import testbedsMessages from '~/i18n/messages/testbeds'

export const handle = { i18n: [applicationsMessages, testbedsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('applications.list.title', { company: data.org.name }) : t('notFound.title'),
  )

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, org } = await requireOrganisationMember(request, params)
  // Only companies apply; a public body has no such page.
  if (org.kind !== 'company') throw notFound()
  const applications = await orNotFound(listCompanyApplications(getDb(), org.id, user.id))
  return {
    org: { slug: org.slug, name: org.name },
    ...applications,
    notice: noticeSchema.parse(new URL(request.url).searchParams.get('notice')),
  }
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>['live'][number]

export default function CompanyApplications() {
  const { org, live, closed, notice } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <>
      {notice ? <DoneNotice>{t(`applications.notice.${notice}`)}</DoneNotice> : null}
      <h1>{t('applications.list.title', { company: org.name })}</h1>
      <p>
        <Link to={`/organisations/${org.slug}`}>
          {t('applications.list.back', { company: org.name })}
        </Link>
      </p>
      {live.length === 0 && closed.length === 0 ? <p>{t('applications.list.empty')}</p> : null}
      <p>
        <Link to="/test-beds">{t('applications.list.findOffers')}</Link>
      </p>
      {live.length > 0 ? (
        <>
          <h2 id="live-applications">{t('applications.list.live')}</h2>
          <ApplicationTable rows={live} labelledBy="live-applications" />
        </>
      ) : null}
      {closed.length > 0 ? (
        <>
          <h2 id="closed-applications">{t('applications.list.closed')}</h2>
          <ApplicationTable rows={closed} labelledBy="closed-applications" />
        </>
      ) : null}
    </>
  )
}

function ApplicationTable({ rows, labelledBy }: { rows: Row[]; labelledBy: string }) {
  const t = useT()
  const locale = useLocale()
  return (
    <table aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">{t('applications.list.offer')}</th>
          <th scope="col">{t('applications.list.host')}</th>
          <th scope="col">{t('applications.list.product')}</th>
          <th scope="col">{t('applications.list.status')}</th>
          <th scope="col">{t('applications.list.submitted')}</th>
          <th scope="col">{t('applications.list.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              <Link to={`/applications/${r.id}`}>{r.offer_title}</Link>
            </th>
            <td>{r.host_name}</td>
            <td>
              {r.product_name || <span className="meta">{t('applications.summary.empty')}</span>}
            </td>
            <td>
              <ApplicationStatusBadge status={r.status} />
            </td>
            <td>
              {r.submitted_at === null ? (
                <span className="meta">{t('applications.list.notSubmitted')}</span>
              ) : (
                formatDateTime(r.submitted_at, locale)
              )}
            </td>
            <td>{formatDateTime(r.updated_at, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
