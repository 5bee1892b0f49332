import { formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'

// The county view of the overview: the counts per county as a table (all 21 counties, zeros
// included) and the same counts as a horizontal bar chart. The table is the accessible equivalent;
// the chart is a server-rendered SVG that scales with its viewBox (320 px reflow).

export interface CountyCounts {
  counties: ReadonlyArray<{ code: string; name: string; count: number }>
  total: number
  withoutArea: number
}

const ROW = 22
const LABEL = 190
const BAR = 260
const WIDTH = LABEL + BAR + 50

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
      <div className="overview-split">
        <div className="call-table-scroll">
          <table className="overview-table">
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
        </div>
        <CountyChart
          counties={data.counties}
          title={t('overview.counties.chartTitle')}
          desc={
            max > 0 && top
              ? t('overview.counties.chartDesc', {
                  county: top.name,
                  count: formatNumber(max, locale),
                })
              : t('overview.counties.chartEmpty')
          }
          formatCount={(n) => formatNumber(n, locale)}
        />
      </div>
    </section>
  )
}

/**
 * The bars, one a county, with a title and a description that say what the table says in
 * full. Pure (texts come in as props), so a test renders it without a page around it.
 */
export function CountyChart({
  counties,
  title,
  desc,
  formatCount,
}: {
  counties: CountyCounts['counties']
  title: string
  desc: string
  formatCount: (n: number) => string
}) {
  const max = Math.max(0, ...counties.map((c) => c.count))
  const height = counties.length * ROW + 8
  return (
    <svg
      className="overview-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby="county-chart-title county-chart-desc"
    >
      <title id="county-chart-title">{title}</title>
      <desc id="county-chart-desc">{desc}</desc>
      {counties.map((c, i) => {
        const y = i * ROW + 4
        const width = max > 0 ? (c.count / max) * BAR : 0
        return (
          <g key={c.code} aria-hidden="true">
            <text x={LABEL - 6} y={y + ROW * 0.65} textAnchor="end" className="chart-label">
              {c.name}
            </text>
            <rect x={LABEL} y={y + 3} width={width} height={ROW - 6} className="chart-bar" />
            <text x={LABEL + width + 4} y={y + ROW * 0.65} className="chart-label">
              {formatCount(c.count)}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
