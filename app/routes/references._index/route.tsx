import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SIZE_CLASSES } from '~/domain/vocabularies'
import { CataloguePage } from '~/components/catalogue/catalogue-page'
import { isFiltered } from '~/components/catalogue/filters'
import { FilterSearch, FilterSelect } from '~/components/forms'
import { ReferenceCard } from '~/components/reference-card'
import { getLocale } from '~/i18n/locale.server'
import { useT } from '~/i18n/use-t'
import { getReferenceFilterOptions } from '~/models/showcase-filters.server'
import { searchReferences } from '~/models/showcase.server'
import { getDb } from '~/utils/db.server'
import { localeFromMatches, metaTranslator, pageTitle } from '~/utils/meta'
import { filterQuery } from '~/utils/request.server'
import { FILTER_KEYS, referenceFiltersSchema, referencesHref } from './schema'
import catalogueMessages from '~/i18n/messages/catalogue'
import organisationsMessages from '~/i18n/messages/organisations'
import referencesMessages from '~/i18n/messages/references'
import showcaseMessages from '~/i18n/messages/showcase'
import feedsMessages from '~/i18n/messages/feeds'
import { FeedLink } from '~/components/feed-link'
import { CsvLink } from '~/components/csv-link'
import csvMessages from '~/i18n/messages/csv'
import { feedAlternateMeta, feedHref } from '~/utils/feed-links'

export const handle = {
  i18n: [
    catalogueMessages,
    organisationsMessages,
    referencesMessages,
    showcaseMessages,
    feedsMessages,
    csvMessages,
  ],
}

export const meta: MetaFunction = ({ matches, location }) => [
  ...pageTitle(matches, 'showcase.gallery.title'),
  feedAlternateMeta(
    feedHref('/references', location.search, localeFromMatches(matches)),
    metaTranslator(matches)('feeds.references.title'),
  ),
]

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = referenceFiltersSchema.parse(filterQuery(request, FILTER_KEYS))
  const locale = getLocale(request)
  const db = getDb()
  const [result, options] = await Promise.all([
    searchReferences(db, filters, locale),
    getReferenceFilterOptions(db, locale, filters),
  ])
  return { filters, result, options }
}

export default function References() {
  const { filters, result, options } = useLoaderData<typeof loader>()
  const t = useT()
  const filtered = isFiltered(FILTER_KEYS, filters)
  return (
    <CataloguePage
      title={t('showcase.gallery.title')}
      intro={t('showcase.gallery.intro')}
      views={
        <>
          <FeedLink listPath="/references" />
          <CsvLink listPath="/references" />
        </>
      }
      filter={{
        title: t('showcase.filter.title'),
        action: '/references',
        submit: t('showcase.filter.submit'),
        clear: t('showcase.filter.clear'),
        filtered,
      }}
      fields={
        <>
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
        </>
      }
      result={result}
      countKeys={{
        none: 'showcase.gallery.countNone',
        one: 'showcase.gallery.countOne',
        many: 'showcase.gallery.count',
      }}
      order={t('showcase.gallery.byNewest')}
      empty={filtered ? t('showcase.gallery.empty') : t('showcase.gallery.emptyAll')}
      listClassName="cards reference-cards"
      card={(reference) => <ReferenceCard key={reference.id} reference={reference} />}
      hrefFor={(page) => referencesHref(filters, page)}
    />
  )
}
