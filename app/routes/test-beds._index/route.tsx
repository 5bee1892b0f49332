import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { ACCESS_MODELS } from '#db/schema'
import { getLocale } from '~/i18n/locale.server'
import { useT, useLocale } from '~/i18n/use-t'
import { searchCatalogue } from '~/models/test-bed-catalogue.server'
import { getThemeAndCountyOptions } from '~/models/reference.server'
import { getDb } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import { filterQuery } from '~/utils/request.server'
import { OfferCard } from './offer-card'
import { formatNumber } from '~/i18n/format'
import { FilterSearch, FilterSelect } from '~/components/forms'
import { Pagination } from '~/components/pagination'
import { catalogueFiltersSchema, catalogueHref, FILTER_KEYS } from './schema'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'catalogue.title')

const TRL_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const

const ORDER_TEXT = {
  relevance: 'catalogue.results.byRelevance',
  published: 'catalogue.results.byNewest',
  added: 'catalogue.results.byAdded',
} as const

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = catalogueFiltersSchema.parse(filterQuery(request, FILTER_KEYS))
  const locale = getLocale(request)
  const db = getDb()
  const [result, options] = await Promise.all([
    searchCatalogue(db, filters, locale),
    getThemeAndCountyOptions(db, locale),
  ])
  return { filters, result, options }
}

export default function Catalogue() {
  const { filters, result, options } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const location = useLocation()
  const filtered = FILTER_KEYS.some((key) => filters[key] !== undefined)
  const countText = result.capped
    ? t('catalogue.results.countMore', { count: formatNumber(result.total, locale) })
    : result.total === 0
      ? t('catalogue.results.countNone')
      : result.total === 1
        ? t('catalogue.results.countOne')
        : t('catalogue.results.count', { count: formatNumber(result.total, locale) })
  return (
    <>
      <h1>{t('catalogue.title')}</h1>
      <p className="lead">{t('catalogue.intro')}</p>

      <section aria-labelledby="filter-title">
        <h2 id="filter-title">{t('catalogue.filter.title')}</h2>
        {/* Remounted on every search so the fields show what the address says (e.g. after "clear"). */}
        <Form
          key={location.search}
          method="get"
          action="/test-beds"
          className="filters catalogue-filters"
          role="search"
          aria-labelledby="filter-title"
        >
          <FilterSearch
            label={t('catalogue.filter.q')}
            hint={t('catalogue.filter.qHint')}
            value={filters.q}
          />
          <FilterSelect
            name="theme"
            label={t('catalogue.filter.theme')}
            allLabel={t('catalogue.filter.themeAll')}
            options={options.themes.map((th) => ({ value: th.code, label: th.name }))}
            value={filters.theme}
          />
          <FilterSelect
            name="county"
            label={t('catalogue.filter.county')}
            allLabel={t('catalogue.filter.countyAll')}
            options={options.counties.map((c) => ({ value: c.code, label: c.name }))}
            value={filters.county}
          />
          <FilterSelect
            name="trl"
            label={t('catalogue.filter.trl')}
            allLabel={t('catalogue.filter.trlAll')}
            options={TRL_LEVELS.map((level) => ({
              value: String(level),
              label: t('catalogue.filter.trlOption', { level }),
            }))}
            value={filters.trl === undefined ? undefined : String(filters.trl)}
          />
          <FilterSelect
            name="access"
            label={t('catalogue.filter.access')}
            allLabel={t('catalogue.filter.accessAll')}
            options={ACCESS_MODELS.map((model) => ({
              value: model,
              label: t(`testBed.access.${model}`),
            }))}
            value={filters.access}
          />
          <div className="catalogue-flags">
            <div className="choice">
              <input
                id="filter-open"
                name="open"
                type="checkbox"
                value="1"
                defaultChecked={filters.open === true}
              />
              <label htmlFor="filter-open">{t('catalogue.filter.open')}</label>
            </div>
            <div className="choice">
              <input
                id="filter-past"
                name="past"
                type="checkbox"
                value="1"
                defaultChecked={filters.past === true}
              />
              <label htmlFor="filter-past">{t('catalogue.filter.past')}</label>
            </div>
          </div>
          <div className="actions">
            <button type="submit" className="button">
              {t('catalogue.filter.submit')}
            </button>
            {filtered ? <Link to="/test-beds">{t('catalogue.filter.clear')}</Link> : null}
          </div>
        </Form>
      </section>

      <section aria-labelledby="results-title">
        <h2 id="results-title" aria-live="polite" aria-atomic="true">
          {countText}
        </h2>
        {result.total > 0 ? (
          <p className="meta">
            {t(ORDER_TEXT[result.order])}
            {result.capped ? ` ${t('catalogue.results.narrow')}` : null}
          </p>
        ) : (
          <p>{t('catalogue.results.empty')}</p>
        )}
        {result.items.length > 0 ? (
          <ul className="cards offer-cards">
            {result.items.map((offer) => (
              <OfferCard key={offer.id} offer={offer} />
            ))}
          </ul>
        ) : null}
        <Pagination
          page={result.page}
          pages={result.pages}
          hrefFor={(page) => catalogueHref(filters, page)}
        />
      </section>
    </>
  )
}
