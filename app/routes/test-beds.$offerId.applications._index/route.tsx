import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { notFound, requireUser } from '~/auth/guards.server'
import { ApplicationStatusBadge, IntakeLabel } from '~/components/test-bed-labels'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import { listApplicationsForHost } from '~/models/pilot-decisions.server'
import { getDb } from '~/utils/db.server'
import { orNotFound } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { offerIdSchema } from './schema'
import organisationsMessages from '~/i18n/messages/organisations'
import pilotsMessages from '~/i18n/messages/pilots'
import testbedsMessages from '~/i18n/messages/testbeds'

export const handle = { i18n: [organisationsMessages, pilotsMessages, testbedsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('pilots.hostList.title', { offer: data.offer.title }) : t('notFound.title'),
  )

export async function loader({ request, params }: LoaderFunctionArgs) {
  const offerId = offerIdSchema.safeParse(params.offerId)
  if (!offerId.success) throw notFound()
  const user = await requireUser(request)
  return orNotFound(listApplicationsForHost(getDb(), offerId.data, user.id))
}

export default function HostApplications() {
  const { offer, received, runningPilots, applications } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <>
      <h1>{t('pilots.hostList.title', { offer: offer.title })}</h1>
      <p>
        <Link to={`/test-beds/${offer.id}`}>{t('pilots.hostList.offerLink')}</Link>
      </p>
      <dl className="details">
        <dt>{t('pilots.hostList.intake')}</dt>
        <dd>
          <IntakeLabel intake={offer.intake} deadline={offer.deadline} />
        </dd>
        <dt>{t('pilots.hostList.capacity')}</dt>
        <dd>
          {t('pilots.hostList.capacityValue', { running: runningPilots, capacity: offer.capacity })}
        </dd>
        <dt>{t('pilots.hostList.received')}</dt>
        <dd>{received}</dd>
      </dl>

      {offer.sealed && offer.deadline !== null ? (
        <div className="notice" role="status">
          <p>
            {t('pilots.hostList.sealed', {
              count: received,
              deadline: formatDateTime(offer.deadline, locale),
            })}
          </p>
        </div>
      ) : applications.length === 0 ? (
        <p>{t('pilots.hostList.empty')}</p>
      ) : (
        <table>
          <caption>{t('pilots.hostList.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pilots.hostList.col.company')}</th>
              <th scope="col">{t('pilots.hostList.col.product')}</th>
              <th scope="col">{t('pilots.hostList.col.size')}</th>
              <th scope="col">{t('pilots.hostList.col.submitted')}</th>
              <th scope="col">{t('pilots.hostList.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {applications.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <Link to={`/test-beds/${offer.id}/applications/${a.id}`}>{a.company_name}</Link>
                </th>
                <td>{a.product_name}</td>
                <td>{a.size_class ? t(`org.size.${a.size_class}`) : null}</td>
                <td>{a.submitted_at !== null ? formatDateTime(a.submitted_at, locale) : null}</td>
                <td>
                  <ApplicationStatusBadge status={a.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
