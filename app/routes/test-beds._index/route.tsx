import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ACCESS_MODELS } from '~/domain/vocabularies'
import { CataloguePage, FilterFlag } from '~/components/catalogue/catalogue-page'
import { isFiltered } from '~/components/catalogue/filters'
import { FilterSearch, FilterSelect } from '~/components/forms'
import { getLocale } from '~/i18n/locale.server'
import { useT } from '~/i18n/use-t'
import { searchCatalogue } from '~/models/test-bed-catalogue.server'
import { getThemeAndCountyOptions } from '~/models/reference.server'
import { getDb } from '~/utils/db.server'
import { localeFromMatches, metaTranslator, pageTitle } from '~/utils/meta'
import { filterQuery } from '~/utils/request.server'
import { OfferCard } from './offer-card'
import { catalogueFiltersSchema, catalogueHref, FILTER_KEYS } from './schema'
import catalogueMessages from '~/i18n/messages/catalogue'
import testbedsMessages from '~/i18n/messages/testbeds'
import { SaveAsAlertLink } from '~/components/save-as-alert'
import savedSearchMessages from '~/i18n/messages/saved-searches'
import feedsMessages from '~/i18n/messages/feeds'
import { FeedLink } from '~/components/feed-link'
import { CsvLink } from '~/components/csv-link'
import csvMessages from '~/i18n/messages/csv'
import { feedAlternateMeta, feedHref } from '~/utils/feed-links'

export const handle = {
  i18n: [catalogueMessages, testbedsMessages, savedSearchMessages, feedsMessages, csvMessages],
}

export const meta: MetaFunction = ({ matches, location }) => [
  ...pageTitle(matches, 'catalogue.title'),
  feedAlternateMeta(
    feedHref('/test-beds', location.search, localeFromMatches(matches)),
    metaTranslator(matches)('feeds.testBeds.title'),
  ),
]

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
  return (
    <CataloguePage
      title={t('catalogue.title')}
      intro={t('catalogue.intro')}
      views={
        <>
          <SaveAsAlertLink kind="test_bed" />
          <FeedLink listPath="/test-beds" />
          <CsvLink listPath="/test-beds" />
        </>
      }
      filter={{
        title: t('catalogue.filter.title'),
        action: '/test-beds',
        submit: t('catalogue.filter.submit'),
        clear: t('catalogue.filter.clear'),
        filtered: isFiltered(FILTER_KEYS, filters),
      }}
      fields={
        <>
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
            <FilterFlag
              name="open"
              label={t('catalogue.filter.open')}
              checked={filters.open === true}
            />
            <FilterFlag
              name="past"
              label={t('catalogue.filter.past')}
              checked={filters.past === true}
            />
          </div>
        </>
      }
      result={result}
      countKeys={{
        none: 'catalogue.results.countNone',
        one: 'catalogue.results.countOne',
        many: 'catalogue.results.count',
      }}
      order={
        <>
          {t(ORDER_TEXT[result.order])}
          {result.capped ? ` ${t('catalogue.results.narrow')}` : null}
        </>
      }
      empty={t('catalogue.results.empty')}
      listClassName="cards offer-cards"
      card={(offer) => <OfferCard key={offer.id} offer={offer} />}
      hrefFor={(page) => catalogueHref(filters, page)}
    />
  )
}
