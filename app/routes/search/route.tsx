import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { MarkedText } from '~/components/marked-text'
import { Pagination } from '~/components/pagination'
import { getLocale } from '~/i18n/locale.server'
import type { MessageKey } from '~/i18n/messages'
import catalogueMessages from '~/i18n/messages/catalogue'
import searchMessages from '~/i18n/messages/search'
import { formatCount, formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import { search, type FacetValue } from '~/models/search.server'
import { getDb } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import { filterQuery } from '~/utils/request.server'
import { SEARCH_MAX_LENGTH, SEARCH_PAGE_SIZE, SEARCH_WINDOW } from '~/utils/search-query'
import { SEARCH_KEYS, searchFiltersSchema, searchHref, type SearchFilterValues } from './schema'

// One search over everything public (issue 16 part 5, decision record 036): a GET form, facets as
// links, every state at a stable address. Works without JavaScript.

export const handle = { i18n: [searchMessages, catalogueMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data?.result.query.text
    ? pageTitle(matches, 'search.titleFor', { q: data.result.query.text })
    : pageTitle(matches, 'search.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = searchFiltersSchema.parse(filterQuery(request, SEARCH_KEYS))
  const result = await search(getDb(), filters, getLocale(request))
  return { filters, result }
}

const PAGER_TEXTS = {
  label: 'search.pagination',
  page: 'search.pagination.page',
  current: 'search.pagination.current',
} as const

type FacetKey = 'kind' | 'theme' | 'county' | 'status' | 'procedure'

function Facet({
  name,
  title,
  values,
  filters,
  labelOf,
}: {
  name: FacetKey
  title: MessageKey
  values: FacetValue[]
  filters: SearchFilterValues
  labelOf: (v: FacetValue) => string
}) {
  const t = useT()
  const locale = useLocale()
  if (values.length === 0 && !filters[name]) return null
  const chosen = filters[name]
  const hrefWith = (value: string | undefined) => searchHref({ ...filters, [name]: value })
  return (
    <section aria-labelledby={`facet-${name}`}>
      <h3 id={`facet-${name}`}>{t(title)}</h3>
      <ul>
        <li>
          <Link to={hrefWith(undefined)} aria-current={chosen ? undefined : 'true'}>
            {t('search.facet.all')}
          </Link>
        </li>
        {values.map((v) => (
          <li key={v.value}>
            <Link to={hrefWith(v.value)} aria-current={chosen === v.value ? 'true' : undefined}>
              {t('search.facet.count', {
                label: labelOf(v),
                count: formatCount({ total: v.count, capped: v.more }, locale),
              })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}

export default function SearchPage() {
  const { filters, result } = useLoaderData<typeof loader>()
  const t = useT()
  const { query, facets } = result
  const filtered = SEARCH_KEYS.some((k) => k !== 'q' && filters[k] !== undefined)
  const locale = useLocale()
  const count = formatCount({ total: result.total, capped: result.more }, locale)
  return (
    <>
      <h1>{t('search.title')}</h1>
      <p className="lead">{t('search.intro')}</p>
      <Form method="get" action="/search" role="search" className="search-form">
        <div className="field">
          <label htmlFor="search-q">{t('search.q')}</label>
          <input
            id="search-q"
            name="q"
            type="search"
            className="input"
            defaultValue={query.text}
            key={query.text}
            maxLength={2000}
            aria-describedby={query.truncated ? 'search-truncated' : undefined}
          />
        </div>
        <button type="submit" className="button">
          {t('search.submit')}
        </button>
      </Form>
      {query.truncated ? (
        <p id="search-truncated" className="notice" role="status">
          {t('search.truncated', { max: SEARCH_MAX_LENGTH })}
        </p>
      ) : null}

      {result.empty || facets === null ? (
        <p>{t('search.empty')}</p>
      ) : (
        <div className="search-layout">
          <aside aria-labelledby="facets-title" className="search-facets">
            <h2 id="facets-title">{t('search.facets')}</h2>
            <Facet
              name="kind"
              title="search.facet.kind"
              values={facets.kind}
              filters={filters}
              labelOf={(v) => t(`search.kind.${v.value}` as MessageKey)}
            />
            <Facet
              name="theme"
              title="search.facet.theme"
              values={facets.theme}
              filters={filters}
              labelOf={(v) => v.label}
            />
            <Facet
              name="county"
              title="search.facet.county"
              values={facets.county}
              filters={filters}
              labelOf={(v) => v.label}
            />
            <Facet
              name="status"
              title="search.facet.status"
              values={facets.status}
              filters={filters}
              labelOf={(v) => t(`search.status.${v.value}` as MessageKey)}
            />
            <Facet
              name="procedure"
              title="search.facet.procedure"
              values={facets.procedure}
              filters={filters}
              labelOf={(v) => t(`search.procedure.${v.value}` as MessageKey)}
            />
            {filtered ? (
              <p>
                <Link to={searchHref({ q: filters.q })}>{t('search.clear')}</Link>
              </p>
            ) : null}
          </aside>
          <section aria-labelledby="results-title">
            <h2 id="results-title">{t('search.results')}</h2>
            <p role="status" aria-live="polite">
              {result.total === 1 && !result.more
                ? t('search.countOne')
                : t('search.count', { count })}
            </p>
            {query.long.length === 0 ? <p>{t('search.shortOnly')}</p> : null}
            {result.more ? (
              <p>{t('search.capped', { window: formatNumber(SEARCH_WINDOW, locale) })}</p>
            ) : null}
            {result.hits.length === 0 ? (
              <p>{t('search.none')}</p>
            ) : (
              <ol className="search-hits" start={(result.page - 1) * SEARCH_PAGE_SIZE + 1}>
                {result.hits.map((hit) => (
                  <li key={`${hit.kind}-${hit.id}`} className="search-hit">
                    <p className="search-kind">
                      {hit.owner
                        ? t('search.hit.by', {
                            kind: t(`search.kind.${hit.kind}` as MessageKey),
                            owner: hit.owner,
                          })
                        : t(`search.kind.${hit.kind}` as MessageKey)}
                    </p>
                    <h3>
                      <Link to={hit.href}>
                        <MarkedText segments={hit.title} />
                      </Link>
                    </h3>
                    <p>
                      <MarkedText segments={hit.snippet} />
                    </p>
                  </li>
                ))}
              </ol>
            )}
            <Pagination
              page={result.page}
              pages={result.pages}
              hrefFor={(page) => searchHref(filters, page)}
              texts={PAGER_TEXTS}
            />
          </section>
        </div>
      )}
    </>
  )
}
