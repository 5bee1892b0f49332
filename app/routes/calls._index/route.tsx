import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { PROCEDURES } from '#db/schema'
import { CallCard } from '~/components/call-card'
import { FilterSearch, FilterSelect } from '~/components/forms'
import { formatNumber } from '~/i18n/format'
import { getLocale } from '~/i18n/locale.server'
import { useLocale, useT } from '~/i18n/use-t'
import { searchCalls } from '~/models/call-catalogue.server'
import { Pagination } from '~/components/pagination'
import { getThemeAndCountyOptions } from '~/models/reference.server'
import { getDb } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import { filterQuery } from '~/utils/request.server'
import { CALL_STATUS_FILTERS, callFiltersSchema, callsHref, FILTER_KEYS } from './schema'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'callPublic.list.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = callFiltersSchema.parse(filterQuery(request, FILTER_KEYS))
  const locale = getLocale(request)
  const db = getDb()
  const [result, options] = await Promise.all([
    searchCalls(db, filters, locale),
    getThemeAndCountyOptions(db, locale),
  ])
  return { filters, result, options }
}

export default function Calls() {
  const { filters, result, options } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const location = useLocation()
  const filtered = FILTER_KEYS.some((key) => filters[key] !== undefined)
  const countText =
    result.total === 0
      ? t('callPublic.list.countNone')
      : result.total === 1
        ? t('callPublic.list.countOne')
        : t('callPublic.list.count', { count: formatNumber(result.total, locale) })
  return (
    <>
      <h1>{t('callPublic.list.title')}</h1>
      <p className="lead">{t('callPublic.list.intro')}</p>

      <section aria-labelledby="filter-title">
        <h2 id="filter-title">{t('callPublic.filter.title')}</h2>
        {/* Remounted on every search so the fields show what the address says. */}
        <Form
          key={location.search}
          method="get"
          action="/calls"
          className="filters catalogue-filters"
          role="search"
          aria-labelledby="filter-title"
        >
          <FilterSearch
            label={t('callPublic.filter.q')}
            hint={t('callPublic.filter.qHint')}
            value={filters.q}
          />
          <FilterSelect
            name="status"
            label={t('callPublic.filter.status')}
            allLabel={t('callPublic.filter.statusAny')}
            options={CALL_STATUS_FILTERS.filter((s) => s !== 'all').map((s) => ({
              value: s,
              label: t(`callPublic.filter.status.${s}`),
            }))}
            value={filters.status === 'all' ? undefined : filters.status}
          />
          <FilterSelect
            name="procedure"
            label={t('callPublic.filter.procedure')}
            allLabel={t('callPublic.filter.procedureAll')}
            options={PROCEDURES.map((p) => ({ value: p, label: t(`call.procedure.${p}`) }))}
            value={filters.procedure}
          />
          <FilterSelect
            name="theme"
            label={t('callPublic.filter.theme')}
            allLabel={t('callPublic.filter.themeAll')}
            options={options.themes.map((th) => ({ value: th.code, label: th.name }))}
            value={filters.theme}
          />
          <FilterSelect
            name="county"
            label={t('callPublic.filter.county')}
            allLabel={t('callPublic.filter.countyAll')}
            options={options.counties.map((c) => ({ value: c.code, label: c.name }))}
            value={filters.county}
          />
          <div className="field">
            <label htmlFor="filter-cpv">{t('callPublic.filter.cpv')}</label>
            <p className="hint" id="filter-cpv-hint">
              {t('callPublic.filter.cpvHint')}{' '}
              <Link to="/cpv">{t('callPublic.filter.cpvBrowse')}</Link>
            </p>
            <input
              id="filter-cpv"
              name="cpv"
              type="text"
              inputMode="numeric"
              defaultValue={filters.cpv ?? ''}
              aria-describedby="filter-cpv-hint"
              className="input input--medium"
            />
          </div>
          <div className="catalogue-flags">
            <div className="choice">
              <input
                id="filter-closing"
                name="closing"
                type="checkbox"
                value="1"
                defaultChecked={filters.closing === true}
              />
              <label htmlFor="filter-closing">{t('callPublic.filter.closing')}</label>
            </div>
          </div>
          <div className="actions">
            <button type="submit" className="button">
              {t('callPublic.filter.submit')}
            </button>
            {filtered ? <Link to="/calls">{t('callPublic.filter.clear')}</Link> : null}
          </div>
        </Form>
      </section>

      <section aria-labelledby="results-title">
        <h2 id="results-title" aria-live="polite" aria-atomic="true">
          {countText}
        </h2>
        {filters.cpv ? (
          <p className="meta">
            {result.cpvLabel
              ? t('callPublic.list.cpvFilter', {
                  code: result.cpvLabel.code,
                  label: result.cpvLabel.label,
                })
              : t('callPublic.list.cpvPrefix', { prefix: filters.cpv })}
          </p>
        ) : null}
        {result.total > 0 ? (
          <p className="meta">{t('callPublic.list.byNewest')}</p>
        ) : (
          <p>{t('callPublic.list.empty')}</p>
        )}
        {result.items.length > 0 ? (
          <ul className="cards call-cards">
            {result.items.map((call) => (
              <CallCard key={call.id} call={call} />
            ))}
          </ul>
        ) : null}
        <Pagination
          page={result.page}
          pages={result.pages}
          hrefFor={(page) => callsHref(filters, page)}
        />
      </section>
    </>
  )
}
