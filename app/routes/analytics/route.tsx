import { type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { BarChart } from '~/components/charts/bar-chart'
import { ChartSplit } from '~/components/charts/chart-split'
import { LineChart } from '~/components/charts/line-chart'
import { FilterSelect } from '~/components/forms'
import { formatDateTick, formatNumber, formatPercent } from '~/i18n/format'
import { getLocale } from '~/i18n/locale.server'
import type { MessageKey } from '~/i18n/messages'
import { useLocale, useT } from '~/i18n/use-t'
import { getAnalytics } from '~/models/analytics-page.server'
import { getDb } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import { filterQuery } from '~/utils/request.server'
import { ANALYTICS_FILTER_KEYS, analyticsFiltersSchema, analyticsHref, csvHref } from './schema'
import { BareTable, formatCell, TableView } from './table-view'
import { buildTable, percent, type TableKey } from './tables'
import analyticsMessages from '~/i18n/messages/analytics'

export const handle = { i18n: [analyticsMessages] }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'analytics.title')

/**
 * Public aggregates of the pipeline, per county and theme (issue 15, part 9; decision 034). The
 * filter form sends empty fields too; the page answers at one stable address per filter, so an
 * address that says it another way (or names an unknown county or theme) is redirected there.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const requested = analyticsFiltersSchema.parse(filterQuery(request, ANALYTICS_FILTER_KEYS))
  const data = await getAnalytics(getDb(), requested, getLocale(request))
  const url = new URL(request.url)
  const stable = analyticsHref(data.filters)
  if (url.pathname + url.search !== stable) throw redirect(stable)
  return data
}

const STAGES = ['offers', 'pilots', 'calls', 'awards', 'references'] as const
const ROLES = ['applicants', 'bidders', 'winners'] as const
const yearStart = (year: string) => new Date(Date.UTC(Number(year), 0, 1))

export default function Analytics() {
  const { filters, options, pipeline, companies, empty } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const location = useLocation()
  const data = { pipeline, companies }
  const table = (key: TableKey) => buildTable(key, data, t)
  const count = (n: number) => formatNumber(n, locale)
  const share = (value: number | null) => formatCell(value, 'percent', locale, t('analytics.none'))
  const download = (key: TableKey) => (
    <p className="analytics-download">
      <a href={csvHref(key, filters)} download>
        {t('analytics.csv', { table: table(key).caption })}
      </a>
    </p>
  )
  const firstYear = pipeline.years[0]?.year
  const lastYear = pipeline.years.at(-1)?.year
  const smeShare = (role: (typeof ROLES)[number]) => {
    const s = companies.shares.find((x) => x.role === role)!
    return percent(s.smes, s.companies)
  }

  return (
    <article className="analytics">
      <h1>{t('analytics.title')}</h1>
      <p className="lead">{t('analytics.lead')}</p>

      <section aria-labelledby="filter-title">
        <h2 id="filter-title">{t('analytics.filter.title')}</h2>
        <Form
          key={location.search}
          method="get"
          action="/analytics"
          className="filters"
          role="search"
          aria-labelledby="filter-title"
        >
          <FilterSelect
            name="county"
            label={t('analytics.filter.county')}
            allLabel={t('analytics.filter.countyAll')}
            options={options.counties.map((c) => ({ value: c.code, label: c.name }))}
            value={filters.county}
          />
          <FilterSelect
            name="theme"
            label={t('analytics.filter.theme')}
            allLabel={t('analytics.filter.themeAll')}
            options={options.themes.map((th) => ({ value: th.code, label: th.name }))}
            value={filters.theme}
          />
          <div className="actions">
            <button type="submit" className="button">
              {t('analytics.filter.submit')}
            </button>
            {filters.county || filters.theme ? (
              <Link to="/analytics">{t('analytics.filter.clear')}</Link>
            ) : null}
          </div>
        </Form>
      </section>

      {empty ? (
        <p className="analytics-empty">{t('analytics.empty')}</p>
      ) : (
        <>
          <section aria-labelledby="pipeline-title">
            <h2 id="pipeline-title">{t('analytics.pipeline.title')}</h2>
            <ChartSplit
              chart={
                <BarChart
                  bars={STAGES.map((s) => ({
                    key: s,
                    label: t(`analytics.stage.${s}` as MessageKey),
                    value: pipeline.totals[s],
                  }))}
                  title={t('analytics.pipeline.chartTitle')}
                  desc={t('analytics.pipeline.chartDesc', {
                    offers: count(pipeline.totals.offers),
                    pilots: count(pipeline.totals.pilots),
                    calls: count(pipeline.totals.calls),
                    awards: count(pipeline.totals.awards),
                    references: count(pipeline.totals.references),
                  })}
                  formatValue={count}
                />
              }
              tableLabel={table('pipeline').caption}
              table={<BareTable table={table('pipeline')} />}
            />
            {download('pipeline')}
            <p>
              {pipeline.median
                ? t('analytics.median.value', {
                    days: formatCell(pipeline.median.days, 'days', locale, ''),
                    calls: count(pipeline.median.calls),
                  })
                : t('analytics.median.none')}
            </p>
          </section>

          <section aria-labelledby="years-title">
            <h2 id="years-title">{t('analytics.years.title')}</h2>
            <ChartSplit
              chart={
                <LineChart
                  series={STAGES.map((s) => ({
                    key: s,
                    label: t(`analytics.stage.${s}` as MessageKey),
                    points: pipeline.years.map((y) => ({
                      at: yearStart(y.year),
                      value: y.counts[s],
                    })),
                  }))}
                  title={t('analytics.years.chartTitle')}
                  desc={t('analytics.years.chartDesc', {
                    first: firstYear ?? '',
                    last: lastYear ?? '',
                  })}
                  formatValue={count}
                  tickLabel={(d) => formatDateTick(d, locale)}
                />
              }
              tableLabel={table('years').caption}
              table={<BareTable table={table('years')} />}
            />
            {download('years')}
          </section>

          <section aria-labelledby="counties-title">
            <h2 id="counties-title">{t('analytics.counties.title')}</h2>
            <TableView table={table('counties')} />
            {download('counties')}
          </section>

          <section aria-labelledby="themes-title">
            <h2 id="themes-title">{t('analytics.themes.title')}</h2>
            <p>{t('analytics.themes.note')}</p>
            <TableView table={table('themes')} />
            {download('themes')}
          </section>

          <section aria-labelledby="sme-title">
            <h2 id="sme-title">{t('analytics.sme.title')}</h2>
            <ChartSplit
              chart={
                <BarChart
                  bars={ROLES.map((role) => ({
                    key: role,
                    label: t(`analytics.role.${role}` as MessageKey),
                    value: smeShare(role) ?? 0,
                  }))}
                  max={100}
                  title={t('analytics.sme.chartTitle')}
                  desc={t('analytics.sme.chartDesc', {
                    applicants: share(smeShare('applicants')),
                    bidders: share(smeShare('bidders')),
                    winners: share(smeShare('winners')),
                  })}
                  formatValue={(v) => formatPercent(v / 100, locale)}
                />
              }
              tableLabel={table('sme').caption}
              table={<BareTable table={table('sme')} />}
            />
            {download('sme')}
            {companies.years.length > 0 ? (
              <>
                <ChartSplit
                  chart={
                    <LineChart
                      series={ROLES.map((role) => ({
                        key: role,
                        label: t(`analytics.role.${role}` as MessageKey),
                        points: companies.years.flatMap((y) => {
                          const s = y.shares.find((x) => x.role === role)!
                          const value = percent(s.smes, s.companies)
                          return value === null ? [] : [{ at: yearStart(y.year), value }]
                        }),
                      }))}
                      yMax={100}
                      title={t('analytics.smeYears.chartTitle')}
                      desc={t('analytics.smeYears.chartDesc')}
                      formatValue={(v) => formatPercent(v / 100, locale)}
                      tickLabel={(d) => formatDateTick(d, locale)}
                    />
                  }
                  tableLabel={table('sme-years').caption}
                  table={<BareTable table={table('sme-years')} />}
                />
                {download('sme-years')}
              </>
            ) : null}
          </section>

          <section aria-labelledby="repeat-title">
            <h2 id="repeat-title">{t('analytics.repeat.title')}</h2>
            <TableView table={table('repeat')} />
            {download('repeat')}
          </section>

          <p className="meta">{t('analytics.noneHint')}</p>
          <p className="meta">{t('analytics.csvHint')}</p>
        </>
      )}

      <section aria-labelledby="definitions-title">
        <h2 id="definitions-title">{t('analytics.def.title')}</h2>
        <ul>
          {(
            [
              'offers',
              'pilots',
              'calls',
              'awards',
              'references',
              'conversion',
              'median',
              'sme',
              'sealed',
              'repeat',
              'years',
            ] as const
          ).map((key) => (
            <li key={key}>{t(`analytics.def.${key}`)}</li>
          ))}
        </ul>
      </section>
    </article>
  )
}
