import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { InitiativeCard } from '~/components/initiative-card'
import { Pagination } from '~/components/pagination'
import { formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import { listInitiatives } from '~/models/initiative-reads.server'
import { getDb } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import catalogueMessages from '~/i18n/messages/catalogue'
import initiativesMessages from '~/i18n/messages/initiatives'

export const handle = { i18n: [initiativesMessages, catalogueMessages] }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'initiatives.title')

/** The public register: every initiative, newest first (decision record 027). */
export async function loader({ request }: LoaderFunctionArgs) {
  const raw = Number(new URL(request.url).searchParams.get('page'))
  const page = Number.isSafeInteger(raw) && raw > 0 ? raw : undefined
  return listInitiatives(getDb(), page)
}

export default function Initiatives() {
  const result = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const count =
    result.total === 0
      ? t('initiatives.count.none')
      : result.total === 1
        ? t('initiatives.count.one')
        : t('initiatives.count.many', { count: formatNumber(result.total, locale) })
  return (
    <>
      <h1>{t('initiatives.title')}</h1>
      <p className="lead">{t('initiatives.lead')}</p>
      <section aria-labelledby="results-title">
        <h2 id="results-title">{count}</h2>
        {result.total > 0 ? <p className="meta">{t('initiatives.order')}</p> : null}
        {result.items.length > 0 ? (
          <ul className="cards">
            {result.items.map((item) => (
              <InitiativeCard key={item.id} item={item} />
            ))}
          </ul>
        ) : null}
        <Pagination
          page={result.page}
          pages={result.pages}
          hrefFor={(page) => `/initiatives?page=${page}`}
        />
      </section>
    </>
  )
}
