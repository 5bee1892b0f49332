import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { compareSv } from '~/i18n/format'
import { Link, useLoaderData } from '@remix-run/react'
import { CataloguePage } from '~/components/catalogue/catalogue-page'
import { isFiltered } from '~/components/catalogue/filters'
import { FilterSearch, FilterSelect } from '~/components/forms'
import { InitiativeCard } from '~/components/initiative-card'
import { getLocale } from '~/i18n/locale.server'
import { useT } from '~/i18n/use-t'
import { countByCounty, searchInitiatives, timelineOf } from '~/models/initiative-overview.server'
import { getThemeAndCountyOptions, listMunicipalities } from '~/models/reference.server'
import { getDb } from '~/utils/db.server'
import { localeFromMatches, metaTranslator, pageTitle } from '~/utils/meta'
import { filterQuery } from '~/utils/request.server'
import { CountyView } from './county-view'
import { TimelineView } from './timeline-view'
import {
  FILTER_KEYS,
  INITIATIVE_STATUSES,
  NARROWING_KEYS,
  OVERVIEW_VIEWS,
  OWNER_KINDS,
  overviewFiltersSchema,
  overviewHref,
} from './schema'
import catalogueMessages from '~/i18n/messages/catalogue'
import initiativesMessages from '~/i18n/messages/initiatives'
import feedsMessages from '~/i18n/messages/feeds'
import { FeedLink } from '~/components/feed-link'
import { CsvLink } from '~/components/csv-link'
import csvMessages from '~/i18n/messages/csv'
import { feedAlternateMeta, feedHref } from '~/utils/feed-links'

export const handle = { i18n: [initiativesMessages, catalogueMessages, feedsMessages, csvMessages] }

export const meta: MetaFunction = ({ matches, location }) => [
  ...pageTitle(matches, 'initiatives.title'),
  feedAlternateMeta(
    feedHref('/initiatives', location.search, localeFromMatches(matches)),
    metaTranslator(matches)('feeds.initiatives.title'),
  ),
]

/** The public overview of every initiative (decision record 027; issue 15, part 3). */
export async function loader({ request }: LoaderFunctionArgs) {
  const filters = overviewFiltersSchema.parse(filterQuery(request, FILTER_KEYS))
  const locale = getLocale(request)
  const db = getDb()
  const [options, municipalities] = await Promise.all([
    getThemeAndCountyOptions(db, locale),
    listMunicipalities(db),
  ])
  const municipalityOptions = municipalities
    .map((m) => ({ value: m.code, label: m.short_name }))
    .sort((a, b) => compareSv(a.label, b.label))
  const shared = { filters, options, municipalityOptions }
  if (filters.view === 'counties') {
    const counties = await countByCounty(db, filters)
    return { ...shared, result: null, counties, timeline: null }
  }
  if (filters.view === 'timeline') {
    const timeline = await timelineOf(db, filters)
    return { ...shared, result: null, counties: null, timeline }
  }
  const result = await searchInitiatives(db, filters, locale)
  return { ...shared, result, counties: null, timeline: null }
}

export default function Initiatives() {
  const { filters, options, municipalityOptions, result, counties, timeline } =
    useLoaderData<typeof loader>()
  const t = useT()
  const view = filters.view ?? 'list'
  return (
    <CataloguePage
      title={t('initiatives.title')}
      intro={t('initiatives.lead')}
      views={
        <>
          <nav className="overview-views" aria-labelledby="views-title">
            <h2 id="views-title" className="visually-hidden">
              {t('overview.views')}
            </h2>
            <ul>
              {OVERVIEW_VIEWS.map((v) => (
                <li key={v}>
                  <Link
                    to={overviewHref({ ...filters, view: v, page: undefined })}
                    aria-current={v === view ? 'page' : undefined}
                  >
                    {t(`overview.view.${v}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <FeedLink listPath="/initiatives" />
          <CsvLink listPath="/initiatives" />
        </>
      }
      filter={{
        title: t('catalogue.filter.title'),
        action: view === 'list' ? '/initiatives' : `/initiatives?view=${view}`,
        submit: t('overview.filter.submit'),
        clear: t('catalogue.filter.clear'),
        filtered: isFiltered(NARROWING_KEYS, filters),
      }}
      fields={
        <>
          {view === 'list' ? null : <input type="hidden" name="view" value={view} />}
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
          <div className="field">
            <label htmlFor="filter-cpv">{t('overview.filter.cpv')}</label>
            <p className="hint" id="filter-cpv-hint">
              {t('overview.filter.cpvHint')}
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
          <FilterSelect
            name="county"
            label={t('catalogue.filter.county')}
            allLabel={t('catalogue.filter.countyAll')}
            options={options.counties.map((c) => ({ value: c.code, label: c.name }))}
            value={filters.county}
          />
          <FilterSelect
            name="municipality"
            label={t('overview.filter.municipality')}
            allLabel={t('overview.filter.municipalityAll')}
            options={municipalityOptions}
            value={filters.municipality}
          />
          <FilterSelect
            name="status"
            label={t('overview.filter.status')}
            allLabel={t('overview.filter.statusAll')}
            options={INITIATIVE_STATUSES.map((s) => ({
              value: s,
              label: t(`initiative.status.${s}`),
            }))}
            value={filters.status}
          />
          <FilterSelect
            name="owner"
            label={t('overview.filter.owner')}
            allLabel={t('overview.filter.ownerAll')}
            options={OWNER_KINDS.map((k) => ({
              value: k,
              label: t(`overview.filter.owner.${k}`),
            }))}
            value={filters.owner}
          />
          <fieldset className="overview-period" aria-describedby="filter-period-hint">
            <legend>{t('overview.filter.period')}</legend>
            <p className="hint" id="filter-period-hint">
              {t('overview.filter.periodHint')}
            </p>
            {(['from', 'to'] as const).map((key) => (
              <div className="field" key={key}>
                <label htmlFor={`filter-${key}`}>{t(`overview.filter.${key}`)}</label>
                <input
                  id={`filter-${key}`}
                  name={key}
                  type="date"
                  defaultValue={filters[key] ?? ''}
                  className="input input--medium"
                />
              </div>
            ))}
          </fieldset>
        </>
      }
      result={result ?? { items: [], total: 0, page: 1, pages: 1 }}
      countKeys={{
        none: 'overview.count.none',
        one: 'initiatives.count.one',
        many: 'initiatives.count.many',
      }}
      notes={
        filters.cpv && result ? (
          <p className="meta">
            {result.cpvLabel
              ? t('overview.cpvNote', { code: result.cpvLabel.code, label: result.cpvLabel.label })
              : t('overview.cpvPrefix', { prefix: filters.cpv })}
          </p>
        ) : null
      }
      order={
        <>
          {t('initiatives.order')}
          {result?.capped ? ` ${t('overview.narrow')}` : null}
        </>
      }
      empty={t('overview.empty')}
      listClassName="cards"
      card={(item) => <InitiativeCard key={item.id} item={item} />}
      hrefFor={(page) => overviewHref(filters, page)}
      results={
        counties ? (
          <CountyView data={counties} />
        ) : timeline ? (
          <TimelineView data={timeline} />
        ) : undefined
      }
    />
  )
}
