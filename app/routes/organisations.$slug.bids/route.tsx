import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { notFound, requireUser } from '~/auth/guards.server'
import { BidStatusBadge, CallStatusBadge } from '~/components/call-labels'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import { listCompanyBids } from '~/models/bids.server'
import { shownCallStatus } from '~/utils/call-status'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { orNotFound } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { slugSchema } from '~/utils/slug'
import bidsMessages from '~/i18n/messages/bids'
import callsMessages from '~/i18n/messages/calls'

export const handle = { i18n: [bidsMessages, callsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('bids.list.title', { company: data.company.name }) : t('notFound.title'),
  )

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const slug = slugSchema.safeParse(params.slug)
  if (!slug.success) throw notFound()
  // Members of the company only; anyone else (platform admins too) gets 404.
  const { company, bids } = await orNotFound(
    listCompanyBids(getDb(), { slug: slug.data, userId: user.id }),
  )
  const at = now()
  return {
    company,
    bids: bids.map((b) => ({
      ...b,
      shownStatus: shownCallStatus(
        { status: b.call_status, tender_deadline: b.tender_deadline },
        at,
      ),
    })),
  }
}

export default function CompanyBids() {
  const { company, bids } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <>
      <h1>{t('bids.list.title', { company: company.name })}</h1>
      <p>
        <Link to={`/organisations/${company.slug}`}>
          {t('bids.list.back', { company: company.name })}
        </Link>
      </p>
      <p>{t('bids.list.sealed')}</p>
      {bids.length === 0 ? (
        <p>{t('bids.list.empty')}</p>
      ) : (
        <table aria-label={t('bids.list.caption', { company: company.name })}>
          <thead>
            <tr>
              <th scope="col">{t('bids.list.call')}</th>
              <th scope="col">{t('bids.list.buyer')}</th>
              <th scope="col">{t('bids.list.status')}</th>
              <th scope="col">{t('bids.list.callStatus')}</th>
              <th scope="col">{t('bids.list.deadline')}</th>
              <th scope="col">{t('bids.list.submitted')}</th>
            </tr>
          </thead>
          <tbody>
            {bids.map((b) => (
              <tr key={b.id}>
                <th scope="row">
                  <Link to={`/calls/${b.call_id}/bid?company=${company.slug}`}>{b.call_title}</Link>
                </th>
                <td>{b.buyer_name}</td>
                <td>
                  <BidStatusBadge status={b.status} />
                </td>
                <td>
                  <CallStatusBadge status={b.shownStatus} />
                </td>
                <td>{formatDateTime(b.tender_deadline, locale)}</td>
                <td>
                  {b.submitted_at === null ? (
                    <span className="meta">{t('bids.list.notSubmitted')}</span>
                  ) : (
                    formatDateTime(b.submitted_at, locale)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <Link to="/calls">{t('bids.list.findCalls')}</Link>
      </p>
    </>
  )
}
