import { BarChart } from '~/components/charts/bar-chart'
import { ChartSplit } from '~/components/charts/chart-split'
import { formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'

// The county view of the overview: the counts per county as a table (all 21 counties, zeros
// included) and the same counts as a horizontal bar chart. The table is the accessible equivalent;
// the chart is the shared bar chart (app/components/charts), an SVG that scales with its viewBox.

export interface CountyCounts {
  counties: ReadonlyArray<{ code: string; name: string; count: number }>
  total: number
  withoutArea: number
}

export function CountyView({ data }: { data: CountyCounts }) {
  const t = useT()
  const locale = useLocale()
  const max = Math.max(0, ...data.counties.map((c) => c.count))
  const top = data.counties.find((c) => c.count === max)
  return (
    <section aria-labelledby="counties-title">
      <h2 id="counties-title">{t('overview.counties.title')}</h2>
      <p>
        {t('overview.counties.intro', {
          total: formatNumber(data.total, locale),
          none: formatNumber(data.withoutArea, locale),
        })}
      </p>
      <ChartSplit
        tableLabel={t('overview.counties.caption')}
        chart={
          <BarChart
            bars={data.counties.map((c) => ({ key: c.code, label: c.name, value: c.count }))}
            title={t('overview.counties.chartTitle')}
            desc={
              max > 0 && top
                ? t('overview.counties.chartDesc', {
                    county: top.name,
                    count: formatNumber(max, locale),
                  })
                : t('overview.counties.chartEmpty')
            }
            formatValue={(n) => formatNumber(n, locale)}
          />
        }
        table={
          <table>
            <caption>{t('overview.counties.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('overview.counties.county')}</th>
                <th scope="col" className="numeric">
                  {t('overview.counties.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.counties.map((c) => (
                <tr key={c.code}>
                  <th scope="row">{c.name}</th>
                  <td className="numeric">{formatNumber(c.count, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </section>
  )
}
