import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { notFound } from '~/auth/guards.server'
import { AccessModelLabel } from '~/components/test-bed-labels'
import { formatDate, formatDateTime, formatMoney, formatNumber } from '~/i18n/format'
import { getLocale } from '~/i18n/locale.server'
import { useLocale, useT } from '~/i18n/use-t'
import { getOfferHistory, type HistoryValue } from '~/models/test-bed-offer-history.server'
import { getDb } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import { offerIdSchema } from '~/utils/test-bed-offer-schema'
import errorsMessages from '~/i18n/messages/errors'
import offersMessages from '~/i18n/messages/offers'
import testbedsMessages from '~/i18n/messages/testbeds'

export const handle = { i18n: [errorsMessages, offersMessages, testbedsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('offers.history.title', { title: data.offer.title }) : t('notFound.title'),
  )

/** Public: anyone may read the history of an offer that has been published. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = offerIdSchema.safeParse(params.offerId)
  if (!id.success) throw notFound()
  const history = await getOfferHistory(getDb(), id.data, getLocale(request))
  if (!history) throw notFound()
  return history
}

function Value({ value }: { value: HistoryValue }) {
  const t = useT()
  const locale = useLocale()
  switch (value.kind) {
    case 'text':
      return <>{value.text}</>
    case 'number':
      return <>{formatNumber(value.value, locale)}</>
    case 'date':
      return <>{formatDate(value.at, locale)}</>
    case 'dateTime':
      return <>{formatDateTime(value.at, locale)}</>
    case 'money':
      return <>{formatMoney(value.sek, locale)}</>
    case 'bool':
      return <>{value.value ? t('offers.history.yes') : t('offers.history.no')}</>
    case 'intake':
      return <>{t(`testBed.intake.${value.value}`)}</>
    case 'access':
      return <AccessModelLabel model={value.value} />
    case 'empty':
      return <span className="meta">{t('offers.history.empty')}</span>
  }
}

export default function OfferHistory() {
  const { offer, versions } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <>
      <h1>{t('offers.history.title', { title: offer.title })}</h1>
      <p>
        <Link to={`/test-beds/${offer.id}`}>{t('offers.history.back')}</Link>
      </p>
      <p className="lead">{t('offers.history.lead')}</p>
      <ol className="history-list">
        {versions.map((v) => (
          <li key={v.version}>
            <article aria-labelledby={`version-${v.version}`} className="card">
              <h2 id={`version-${v.version}`}>{t('offers.history.version', { n: v.version })}</h2>
              <dl className="details">
                <dt>{t('offers.history.at')}</dt>
                <dd>
                  <time dateTime={new Date(v.at * 1000).toISOString()}>
                    {formatDateTime(v.at, locale)}
                  </time>
                </dd>
                <dt>{t('offers.history.by')}</dt>
                <dd>
                  {t('offers.history.byValue', {
                    name: v.changedBy,
                    organisation: offer.hostName,
                  })}
                </dd>
                <dt>{t('offers.history.note')}</dt>
                <dd>
                  {v.changeNote ? (
                    <span className="prewrap">{v.changeNote}</span>
                  ) : (
                    <span className="meta">{t('offers.history.noNote')}</span>
                  )}
                </dd>
              </dl>
              {v.changes === null ? (
                <p>{t('offers.history.first')}</p>
              ) : v.changes.length === 0 ? null : (
                <table aria-label={t('offers.history.changesLabel', { n: v.version })}>
                  <thead>
                    <tr>
                      <th scope="col">{t('offers.history.col.field')}</th>
                      <th scope="col">{t('offers.history.col.before')}</th>
                      <th scope="col">{t('offers.history.col.after')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {v.changes.map((c) => (
                      <tr key={c.field}>
                        <th scope="row">{t(`offers.field.${c.field}`)}</th>
                        {c.long ? (
                          <td colSpan={2}>{t('offers.history.changed')}</td>
                        ) : (
                          <>
                            <td>
                              <Value value={c.before} />
                            </td>
                            <td>
                              <Value value={c.after} />
                            </td>
                          </>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </article>
          </li>
        ))}
      </ol>
    </>
  )
}
