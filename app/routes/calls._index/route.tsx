import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { PROCEDURES } from '~/domain/vocabularies'
import { CallCard } from '~/components/call-card'
import { CataloguePage, FilterFlag } from '~/components/catalogue/catalogue-page'
import { isFiltered } from '~/components/catalogue/filters'
import { FilterSearch, FilterSelect } from '~/components/forms'
import { getLocale } from '~/i18n/locale.server'
import { useT } from '~/i18n/use-t'
import { searchCalls } from '~/models/call-catalogue.server'
import { getThemeAndCountyOptions } from '~/models/reference.server'
import { getDb } from '~/utils/db.server'
import { localeFromMatches, metaTranslator, pageTitle } from '~/utils/meta'
import { filterQuery } from '~/utils/request.server'
import { CALL_STATUS_FILTERS, callFiltersSchema, callsHref, FILTER_KEYS } from './schema'
import callPublicMessages from '~/i18n/messages/call-public'
import callsMessages from '~/i18n/messages/calls'
import catalogueMessages from '~/i18n/messages/catalogue'
import { SaveAsAlertLink } from '~/components/save-as-alert'
import savedSearchMessages from '~/i18n/messages/saved-searches'
import feedsMessages from '~/i18n/messages/feeds'
import { FeedLink } from '~/components/feed-link'
import { CsvLink } from '~/components/csv-link'
import csvMessages from '~/i18n/messages/csv'
import { feedAlternateMeta, feedHref } from '~/utils/feed-links'

export const handle = {
  i18n: [
    callPublicMessages,
    callsMessages,
    catalogueMessages,
    savedSearchMessages,
    feedsMessages,
    csvMessages,
  ],
}

export const meta: MetaFunction = ({ matches, location }) => [
  ...pageTitle(matches, 'callPublic.list.title'),
  feedAlternateMeta(
    feedHref('/calls', location.search, localeFromMatches(matches)),
    metaTranslator(matches)('feeds.calls.title'),
  ),
]

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
  return (
    <CataloguePage
      title={t('callPublic.list.title')}
      intro={t('callPublic.list.intro')}
      views={
        <>
          <SaveAsAlertLink kind="call" />
          <FeedLink listPath="/calls" />
          <CsvLink listPath="/calls" />
        </>
      }
      filter={{
        title: t('callPublic.filter.title'),
        action: '/calls',
        submit: t('callPublic.filter.submit'),
        clear: t('callPublic.filter.clear'),
        filtered: isFiltered(FILTER_KEYS, filters),
      }}
      fields={
        <>
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
            <FilterFlag
              name="closing"
              label={t('callPublic.filter.closing')}
              checked={filters.closing === true}
            />
          </div>
        </>
      }
      result={result}
      countKeys={{
        none: 'callPublic.list.countNone',
        one: 'callPublic.list.countOne',
        many: 'callPublic.list.count',
      }}
      notes={
        filters.cpv ? (
          <p className="meta">
            {result.cpvLabel
              ? t('callPublic.list.cpvFilter', {
                  code: result.cpvLabel.code,
                  label: result.cpvLabel.label,
                })
              : t('callPublic.list.cpvPrefix', { prefix: filters.cpv })}
          </p>
        ) : null
      }
      order={t('callPublic.list.byNewest')}
      empty={t('callPublic.list.empty')}
      listClassName="cards call-cards"
      card={(call) => <CallCard key={call.id} call={call} />}
      hrefFor={(page) => callsHref(filters, page)}
    />
  )
}
