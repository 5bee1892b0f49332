import type { MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { formatDateTime, formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import { listAnchors } from '~/models/audit-anchors.server'
import { getDb } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import transparencyMessages from '~/i18n/messages/transparency'

export const handle = { i18n: [transparencyMessages] }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'transparency.title')

export async function loader() {
  return { anchors: await listAnchors(getDb(), 60) }
}

/** The audit log's daily anchors (head row and hash), public so outsiders can keep copies. */
export default function Transparency() {
  const { anchors } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <article>
      <h1>{t('transparency.title')}</h1>
      <p className="lead">{t('transparency.intro')}</p>
      <h2>{t('transparency.why.title')}</h2>
      <p>{t('transparency.why.body')}</p>
      <h2>{t('transparency.how.title')}</h2>
      <p>{t('transparency.how.body')}</p>
      {anchors.length === 0 ? (
        <p>{t('transparency.empty')}</p>
      ) : (
        <>
          <h2>{t('transparency.list.title')}</h2>
          <ol className="plain-list anchor-list">
            {anchors.map((a) => (
              <li key={a.id}>
                <dl className="details">
                  <dt>{t('transparency.anchor.time')}</dt>
                  <dd>
                    <time dateTime={new Date(a.at * 1000).toISOString()}>
                      {formatDateTime(a.at, locale)}
                    </time>
                  </dd>
                  <dt>{t('transparency.anchor.row')}</dt>
                  <dd>{a.head_id}</dd>
                  <dt>{t('transparency.anchor.count')}</dt>
                  <dd>{formatNumber(a.row_count, locale)}</dd>
                  <dt>{t('transparency.anchor.hash')}</dt>
                  <dd>
                    <code className="fingerprint">{a.head_hash}</code>
                  </dd>
                </dl>
              </li>
            ))}
          </ol>
        </>
      )}
    </article>
  )
}
