import { ChartSplit } from '~/components/charts/chart-split'
import { LineChart } from '~/components/charts/line-chart'
import { formatDateTick, formatNumber, formatPercent } from '~/i18n/format'
import type { Locale } from '~/i18n/locales'
import type { Translate } from '~/i18n/translator'
import type { QuarterRow, ShareYear } from '~/models/sme-reach.server'

// The SME reach page's two figures over time (decision records 028, 032): first-time
// participants per quarter and the SME share among applicants, bidders and winners per year, each
// a line chart with the same figures in a table beside it. The texts come in as `t`, so the
// figures render (and are tested) outside a page.

const STAGES = ['applicants', 'bidders', 'winners'] as const

/** "2027-Q2" as the first day of that quarter (UTC). */
export function quarterStart(quarter: string): Date {
  const [year, q] = quarter.split('-Q').map(Number)
  return new Date(Date.UTC(year!, (q! - 1) * 3, 1))
}

const yearStart = (year: string) => new Date(Date.UTC(Number(year), 0, 1))

/** SMEs of all companies, as a percentage; null when there were none. */
export function smePercent(cell: { companies: number; smes: number }): number | null {
  return cell.companies ? (100 * cell.smes) / cell.companies : null
}

export function FirstTimersFigure({
  quarters,
  t,
  locale,
}: {
  /** Newest first, as the model gives them. */
  quarters: readonly QuarterRow[]
  t: Translate
  locale: Locale
}) {
  const title = t('outreach.reach.firstTitle')
  const oldestFirst = [...quarters].reverse()
  const latest = quarters[0]
  const series = (key: 'companies' | 'smes') => ({
    key,
    label: t(
      key === 'companies' ? 'outreach.reach.series.first' : 'outreach.reach.series.firstSmes',
    ),
    points: oldestFirst.map((q) => ({ at: quarterStart(q.quarter), value: q[key] })),
  })
  return (
    <ChartSplit
      tableLabel={title}
      chart={
        <LineChart
          series={[series('companies'), series('smes')]}
          title={title}
          desc={t('outreach.reach.firstChartDesc', {
            from: oldestFirst[0]?.quarter ?? '',
            to: latest?.quarter ?? '',
            companies: formatNumber(latest?.companies ?? 0, locale),
            smes: formatNumber(latest?.smes ?? 0, locale),
          })}
          formatValue={(v) => formatNumber(v, locale)}
          tickLabel={(d) => formatDateTick(d, locale)}
        />
      }
      table={
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('outreach.reach.col.quarter')}</th>
              <th scope="col" className="numeric">
                {t('outreach.reach.col.first')}
              </th>
              <th scope="col" className="numeric">
                {t('outreach.reach.col.firstSmes')}
              </th>
            </tr>
          </thead>
          <tbody>
            {quarters.map((q) => (
              <tr key={q.quarter}>
                <th scope="row">{q.quarter}</th>
                <td className="numeric">{formatNumber(q.companies, locale)}</td>
                <td className="numeric">{formatNumber(q.smes, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  )
}

export function SmeShareFigure({
  shares,
  t,
  locale,
}: {
  /** Newest first, as the model gives them. */
  shares: readonly ShareYear[]
  t: Translate
  locale: Locale
}) {
  const title = t('outreach.reach.shareTitle')
  const oldestFirst = [...shares].reverse()
  const latest = shares[0]
  const share = (cell: { companies: number; smes: number }) => {
    const value = smePercent(cell)
    return value === null ? t('outreach.reach.cellNone') : formatPercent(value / 100, locale)
  }
  const cell = (c: { companies: number; smes: number }) =>
    c.companies
      ? t('outreach.reach.cell', { smes: c.smes, companies: c.companies, share: share(c) })
      : t('outreach.reach.cellNone')
  return (
    <ChartSplit
      tableLabel={title}
      chart={
        <LineChart
          series={STAGES.map((stage) => ({
            key: stage,
            label: t(`outreach.reach.col.${stage}`),
            points: oldestFirst.flatMap((y) => {
              const value = smePercent(y[stage])
              return value === null ? [] : [{ at: yearStart(y.year), value }]
            }),
          }))}
          yMax={100}
          title={title}
          desc={t('outreach.reach.shareChartDesc', {
            from: oldestFirst[0]?.year ?? '',
            to: latest?.year ?? '',
            applicants: latest ? share(latest.applicants) : '',
            bidders: latest ? share(latest.bidders) : '',
            winners: latest ? share(latest.winners) : '',
          })}
          formatValue={(v) => formatPercent(v / 100, locale)}
          tickLabel={(d) => formatDateTick(d, locale)}
        />
      }
      table={
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('outreach.reach.col.year')}</th>
              {STAGES.map((stage) => (
                <th scope="col" key={stage}>
                  {t(`outreach.reach.col.${stage}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shares.map((s) => (
              <tr key={s.year}>
                <th scope="row">{s.year}</th>
                {STAGES.map((stage) => (
                  <td key={stage}>{cell(s[stage])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  )
}
