import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { notFound } from '~/auth/guards.server'
import { requireOrganisationMember } from '~/auth/organisation-guard.server'
import { ListTable } from '~/components/list-table'
import { formatDate, formatMoney, formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import { DE_MINIMIS_CEILING_EUR, listStateAid } from '~/models/state-aid.server'
import { getDb } from '~/utils/db.server'
import { orNotFound } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import pilotsMessages from '~/i18n/messages/pilots'

export const handle = { i18n: [pilotsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('pilots.stateAid.title', { name: data.company.name }) : t('notFound.title'),
  )

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, org } = await requireOrganisationMember(request, params)
  // Aid is counted per company; a public body has no ledger of its own.
  if (org.kind !== 'company') throw notFound()
  const ledger = await orNotFound(
    listStateAid(getDb(), { organisationId: org.id, userId: user.id }),
  )
  return { ...ledger, deMinimisCeilingEur: DE_MINIMIS_CEILING_EUR }
}

export default function StateAidLedger() {
  const { company, rows, totals, deMinimisCeilingEur } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <>
      <h1>{t('pilots.stateAid.title', { name: company.name })}</h1>
      <p>
        <Link to={`/organisations/${company.slug}`}>{t('pilots.stateAid.back')}</Link>
      </p>
      <p>{t('pilots.stateAid.intro')}</p>
      <dl className="stats">
        <div>
          <dt>{t('pilots.stateAid.lastThreeYears')}</dt>
          <dd>{formatMoney(totals.lastThreeYears, locale)}</dd>
        </div>
        <div>
          <dt>{t('pilots.stateAid.total')}</dt>
          <dd>{formatMoney(totals.total, locale)}</dd>
        </div>
      </dl>
      <p className="hint">
        {t('pilots.deMinimisNote', { ceiling: formatNumber(deMinimisCeilingEur, locale) })}
      </p>
      <ListTable
        count={rows.length}
        empty={t('pilots.stateAid.empty')}
        caption={t('pilots.stateAid.caption')}
        columns={[
          t('pilots.stateAid.col.date'),
          t('pilots.stateAid.col.host'),
          t('pilots.stateAid.col.offer'),
          t('pilots.stateAid.col.marketValue'),
          t('pilots.stateAid.col.price'),
          t('pilots.stateAid.col.aid'),
        ]}
      >
        {rows.map((r) => (
          <tr key={r.id}>
            <td>{formatDate(r.granted_at, locale)}</td>
            <td>
              <Link to={`/organisations/${r.host_slug}`}>{r.host_name}</Link>
            </td>
            <th scope="row">
              <Link to={`/pilots/${r.pilot_id}`}>{r.offer_title}</Link>
            </th>
            <td>{formatMoney(r.market_value_sek, locale)}</td>
            <td>{formatMoney(r.price_sek, locale)}</td>
            <td>{formatMoney(r.aid_sek, locale)}</td>
          </tr>
        ))}
      </ListTable>
    </>
  )
}
