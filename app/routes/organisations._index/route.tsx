import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { ORGANISATION_KINDS } from '~/domain/vocabularies'
import { OrganisationCard } from '~/components/organisation-labels'
import { formatCount } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import { listDirectory } from '~/models/organisations.server'
import { listCounties } from '~/models/reference.server'
import { getDb } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import { filterQuery } from '~/utils/request.server'
import { directoryHref, FILTER_KEYS, filtersSchema } from './schema'
import { FilterSelect } from '~/components/forms'
import organisationsMessages from '~/i18n/messages/organisations'
import { CsvLink } from '~/components/csv-link'
import csvMessages from '~/i18n/messages/csv'

export const handle = { i18n: [organisationsMessages, csvMessages] }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'orgs.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = filtersSchema.parse(filterQuery(request, FILTER_KEYS))
  const db = getDb()
  const [result, counties] = await Promise.all([listDirectory(db, filters), listCounties(db)])
  return { filters, result, counties }
}

export default function Directory() {
  const { filters, result, counties } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const pageLink = (page: number) => directoryHref(filters, page)
  const filtered = Boolean(filters.q || filters.kind || filters.county)
  return (
    <>
      <h1>{t('orgs.title')}</h1>
      <p className="lead">{t('orgs.intro')}</p>
      <p>
        <Link to="/organisations/new">{t('orgs.register')}</Link>
      </p>

      <section>
        <h2 id="filter-title">{t('orgs.filter.title')}</h2>
        <Form method="get" className="filters" role="search" aria-labelledby="filter-title">
          <div className="field">
            <label htmlFor="filter-q">{t('orgs.filter.q')}</label>
            <input
              id="filter-q"
              name="q"
              type="search"
              defaultValue={filters.q ?? ''}
              className="input"
            />
          </div>
          <FilterSelect
            name="kind"
            label={t('orgs.filter.kind')}
            allLabel={t('orgs.filter.kindAll')}
            options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`org.kind.${k}`) }))}
            value={filters.kind}
          />
          <FilterSelect
            name="county"
            label={t('orgs.filter.county')}
            allLabel={t('orgs.filter.countyAll')}
            options={counties.map((c) => ({ value: c.code, label: c.name }))}
            value={filters.county}
          />
          <div className="actions">
            <button type="submit" className="button">
              {t('orgs.filter.submit')}
            </button>
            {filtered ? <Link to="/organisations">{t('orgs.filter.clear')}</Link> : null}
          </div>
        </Form>
      </section>

      <section aria-labelledby="results-title">
        <h2 id="results-title">{t('orgs.results.title')}</h2>
        <p role="status">
          {result.total === 1 && !result.capped
            ? t('orgs.results.countOne')
            : t('orgs.results.count', { count: formatCount(result, locale) })}
        </p>
        <CsvLink listPath="/organisations" />
        {result.items.length === 0 ? (
          <p>{t('orgs.results.empty')}</p>
        ) : (
          <ul className="cards">
            {result.items.map((o) => (
              <OrganisationCard key={o.slug} org={o} badge />
            ))}
          </ul>
        )}
        {result.pages > 1 ? (
          <nav aria-label={t('pagination.label')}>
            <ul className="pagination">
              {result.page > 1 ? (
                <li>
                  <Link to={pageLink(result.page - 1)} rel="prev">
                    {t('pagination.previous')}
                  </Link>
                </li>
              ) : null}
              <li aria-current="page">
                {t('pagination.page', { page: result.page, pages: result.pages })}
              </li>
              {result.page < result.pages ? (
                <li>
                  <Link to={pageLink(result.page + 1)} rel="next">
                    {t('pagination.next')}
                  </Link>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </section>
    </>
  )
}
