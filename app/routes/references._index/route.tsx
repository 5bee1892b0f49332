import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { SIZE_CLASSES } from '#db/schema'
import { FilterSearch, FilterSelect } from '~/components/forms'
import { Pagination } from '~/components/pagination'
import { ReferenceCard } from '~/components/reference-card'
import { formatNumber } from '~/i18n/format'
import { getLocale } from '~/i18n/locale.server'
import { useLocale, useT } from '~/i18n/use-t'
import { getReferenceFilterOptions, searchReferences } from '~/models/showcase.server'
import { getDb } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import { filterQuery } from '~/utils/request.server'
import { FILTER_KEYS, referenceFiltersSchema, referencesHref } from './schema'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'showcase.gallery.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = referenceFiltersSchema.parse(filterQuery(request, FILTER_KEYS))
  const locale = getLocale(request)
  const db = getDb()
  const [result, options] = await Promise.all([
    searchReferences(db, filters, locale),
    getReferenceFilterOptions(db, locale),
  ])
  return { filters, result, options }
}

export default function References() {
  const { filters, result, options } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const location = useLocation()
  const filtered = FILTER_KEYS.some((key) => filters[key] !== undefined)
  const countText =
    result.total === 0
      ? t('showcase.gallery.countNone')
      : result.total === 1
        ? t('showcase.gallery.countOne')
        : t('showcase.gallery.count', { count: formatNumber(result.total, locale) })
  return (
    <>
      <h1>{t('showcase.gallery.title')}</h1>
      <p className="lead">{t('showcase.gallery.intro')}</p>

      <section aria-labelledby="filter-title">
        <h2 id="filter-title">{t('showcase.filter.title')}</h2>
        {/* Remounted on every search so the fields show what the address says. */}
        <Form
          key={location.search}
          method="get"
          action="/references"
          className="filters catalogue-filters"
          role="search"
          aria-labelledby="filter-title"
        >
          <FilterSearch
            label={t('showcase.filter.q')}
            hint={t('showcase.filter.qHint')}
            value={filters.q}
          />
          <FilterSelect
            name="theme"
            label={t('showcase.filter.theme')}
            allLabel={t('showcase.filter.themeAll')}
            options={options.themes.map((th) => ({ value: th.code, label: th.name }))}
            value={filters.theme}
          />
          <FilterSelect
            name="county"
            label={t('showcase.filter.county')}
            allLabel={t('showcase.filter.countyAll')}
            options={options.counties.map((c) => ({ value: c.code, label: c.name }))}
            value={filters.county}
          />
          <FilterSelect
            name="publicBody"
            label={t('showcase.filter.publicBody')}
            allLabel={t('showcase.filter.publicBodyAll')}
            options={options.publicBodies.map((o) => ({ value: o.slug, label: o.name }))}
            value={filters.publicBody}
          />
          <FilterSelect
            name="company"
            label={t('showcase.filter.company')}
            allLabel={t('showcase.filter.companyAll')}
            options={options.companies.map((o) => ({ value: o.slug, label: o.name }))}
            value={filters.company}
          />
          <FilterSelect
            name="size"
            label={t('showcase.filter.size')}
            allLabel={t('showcase.filter.sizeAll')}
            options={SIZE_CLASSES.map((s) => ({ value: s, label: t(`org.size.${s}`) }))}
            value={filters.size}
          />
          <FilterSelect
            name="year"
            label={t('showcase.filter.year')}
            allLabel={t('showcase.filter.yearAll')}
            options={options.years.map((y) => ({ value: String(y), label: String(y) }))}
            value={filters.year === undefined ? undefined : String(filters.year)}
          />
          <div className="actions">
            <button type="submit" className="button">
              {t('showcase.filter.submit')}
            </button>
            {filtered ? <Link to="/references">{t('showcase.filter.clear')}</Link> : null}
          </div>
        </Form>
      </section>

      <section aria-labelledby="results-title">
        <h2 id="results-title" aria-live="polite" aria-atomic="true">
          {countText}
        </h2>
        {result.total > 0 ? (
          <p className="meta">{t('showcase.gallery.byNewest')}</p>
        ) : (
          <p>{filtered ? t('showcase.gallery.empty') : t('showcase.gallery.emptyAll')}</p>
        )}
        {result.items.length > 0 ? (
          <ul className="cards reference-cards">
            {result.items.map((reference) => (
              <ReferenceCard key={reference.id} reference={reference} />
            ))}
          </ul>
        ) : null}
        <Pagination
          page={result.page}
          pages={result.pages}
          hrefFor={(page) => referencesHref(filters, page)}
        />
      </section>
    </>
  )
}
