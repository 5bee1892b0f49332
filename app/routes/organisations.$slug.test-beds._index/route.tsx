import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { notFound } from '~/auth/guards.server'
import { requireOrganisationMember } from '~/auth/organisation-guard.server'
import { ListTable } from '~/components/list-table'
import { IntakeLabel, OfferStatusBadge } from '~/components/test-bed-labels'
import { formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import { listHostOffers } from '~/models/test-bed-offers.server'
import { getDb } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import { DoneNotice } from '~/components/problem'
import offersMessages from '~/i18n/messages/offers'
import testbedsMessages from '~/i18n/messages/testbeds'

export const handle = { i18n: [offersMessages, testbedsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('offers.dashboard.title', { name: data.org.name }) : t('notFound.title'),
  )

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, org } = await requireOrganisationMember(request, params)
  // Only public bodies host test beds; for a company this page does not exist.
  if (org.kind !== 'public_body') throw notFound()
  const offers = await listHostOffers(getDb(), org.id, user.id)
  const notice = new URL(request.url).searchParams.get('notice')
  return {
    org: {
      slug: org.slug,
      name: org.name,
      verified: org.verification_status === 'verified',
    },
    offers,
    notice: notice === 'deleted' ? notice : null,
  }
}

export default function HostOffers() {
  const { org, offers, notice } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <>
      {notice ? <DoneNotice>{t('offers.dashboard.notice.deleted')}</DoneNotice> : null}
      <h1>{t('offers.dashboard.title', { name: org.name })}</h1>
      <p>
        <Link to={`/organisations/${org.slug}`}>
          {t('offers.dashboard.back', { name: org.name })}
        </Link>
      </p>
      <p className="lead">{t('offers.dashboard.lead')}</p>
      {org.verified ? null : (
        <div className="notice notice--warn">
          <p>{t('offers.dashboard.unverified')}</p>
        </div>
      )}
      <p>
        <Link to={`/organisations/${org.slug}/test-beds/new`} className="button">
          {t('offers.dashboard.new')}
        </Link>
      </p>
      <ListTable
        count={offers.length}
        empty={t('offers.dashboard.empty')}
        caption={t('offers.dashboard.caption')}
        columns={[
          t('offers.dashboard.col.title'),
          t('offers.dashboard.col.status'),
          t('offers.dashboard.col.intake'),
          t('offers.dashboard.col.applications'),
          t('offers.dashboard.col.pilots'),
          t('offers.dashboard.col.links'),
        ]}
      >
        {offers.map((o) => (
          <tr key={o.id}>
            <th scope="row">
              <Link to={`/test-beds/${o.id}/edit`}>{o.title}</Link>
            </th>
            <td>
              <OfferStatusBadge status={o.status} />
            </td>
            <td>
              <IntakeLabel intake={o.intake} deadline={o.deadline} />
            </td>
            <td>{formatNumber(o.applications, locale)}</td>
            <td>{formatNumber(o.running_pilots, locale)}</td>
            <td>
              <ul className="plain-list">
                <li>
                  <Link
                    to={`/test-beds/${o.id}/edit`}
                    aria-label={t('offers.dashboard.editFor', { title: o.title })}
                  >
                    {t('offers.dashboard.edit')}
                  </Link>
                </li>
                {o.status === 'draft' ? null : (
                  <>
                    <li>
                      <Link
                        to={`/test-beds/${o.id}`}
                        aria-label={t('offers.dashboard.publicFor', { title: o.title })}
                      >
                        {t('offers.dashboard.public')}
                      </Link>
                    </li>
                    <li>
                      <Link
                        to={`/test-beds/${o.id}/applications`}
                        aria-label={t('offers.dashboard.applicationsFor', {
                          title: o.title,
                        })}
                      >
                        {t('offers.dashboard.applications')}
                      </Link>
                    </li>
                    <li>
                      <Link
                        to={`/test-beds/${o.id}/history`}
                        aria-label={t('offers.dashboard.historyFor', { title: o.title })}
                      >
                        {t('offers.dashboard.history')}
                      </Link>
                    </li>
                  </>
                )}
              </ul>
            </td>
          </tr>
        ))}
      </ListTable>
    </>
  )
}
