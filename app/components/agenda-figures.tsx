import { ChartSplit } from '~/components/charts/chart-split'
import { LineChart, type LinePoint } from '~/components/charts/line-chart'
import { formatDate, formatDateTick, formatNumber, formatPercent } from '~/i18n/format'
import type { Locale } from '~/i18n/locales'
import { useLocale, useT } from '~/i18n/use-t'
import type { MessageKey } from '~/i18n/messages'

// One indicator of a regional agenda (decision record 033): its progress as the shared line chart
// with the target, and beside it a table with the same figures (the accessible equivalent), then
// the target and any earlier targets with the reason they changed.

export interface IndicatorFiguresData {
  id: number
  label: string
  source_kind: 'live' | 'manual'
  metric: string | null
  theme_name: string | null
  unit: 'count' | 'percent'
  target_value: number
  target_date: string
  quarters: ReadonlyArray<{ quarter: string; value: number | null }>
  measurements: ReadonlyArray<{
    id: number
    measured_on: string
    value: number
    source: string
    corrects_id: number | null
  }>
  corrected: ReadonlyArray<{ id: number; measured_on: string; value: number; source: string }>
  targetChanges: ReadonlyArray<{
    old_value: number
    old_date: string
    new_value: number
    new_date: string
    reason: string
    changed_at: number
  }>
}

/** A calendar date (YYYY-MM-DD) as a UTC Date at noon. */
const dayOf = (date: string) => new Date(`${date}T12:00:00Z`)

/** The calendar date in Swedish or English form. */
export function formatDay(date: string, locale: Locale) {
  return formatDate(dayOf(date).getTime() / 1000, locale)
}

/** The first day after a quarter that starts on `quarter` (YYYY-MM-DD). */
function quarterEnd(quarter: string) {
  const start = dayOf(quarter)
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 1))
}

export function formatIndicatorValue(value: number, unit: 'count' | 'percent', locale: Locale) {
  return unit === 'percent' ? formatPercent(value / 100, locale) : formatNumber(value, locale)
}

export function IndicatorFigures({ indicator }: { indicator: IndicatorFiguresData }) {
  const t = useT()
  const locale = useLocale()
  const format = (v: number) => formatIndicatorValue(v, indicator.unit, locale)
  const live = indicator.source_kind === 'live'
  const quarterLabel = (q: string) => {
    const d = dayOf(q)
    return t('agenda.quarter', {
      year: d.getUTCFullYear(),
      quarter: Math.floor(d.getUTCMonth() / 3) + 1,
    })
  }
  const points: LinePoint[] = live
    ? indicator.quarters
        .filter((q) => q.value !== null)
        .map((q) => ({ at: quarterEnd(q.quarter), value: q.value as number }))
    : indicator.measurements.map((m) => ({ at: dayOf(m.measured_on), value: m.value }))
  const latest = points.at(-1)
  const target = {
    at: dayOf(indicator.target_date),
    value: indicator.target_value,
    label: t('agenda.figures.target', {
      value: format(indicator.target_value),
      date: formatDay(indicator.target_date, locale),
    }),
  }
  return (
    <>
      <p className="meta">
        {live
          ? t('agenda.figures.live', {
              metric: t(`agenda.metric.${indicator.metric}` as MessageKey),
            })
          : t('agenda.figures.manual')}
        {indicator.theme_name
          ? ` ${t('agenda.figures.theme', { theme: indicator.theme_name })}`
          : ''}
      </p>
      <ChartSplit
        tableLabel={t('agenda.figures.caption', { label: indicator.label })}
        chart={
          <LineChart
            series={[{ key: 'value', label: indicator.label, points }]}
            target={target}
            title={indicator.label}
            desc={
              latest
                ? t('agenda.figures.desc', {
                    value: format(latest.value),
                    target: target.label,
                  })
                : t('agenda.figures.descEmpty', { target: target.label })
            }
            formatValue={format}
            tickLabel={(d) => formatDateTick(d, locale)}
            yMax={indicator.unit === 'percent' ? 100 : undefined}
          />
        }
        table={
          <table>
            <caption>{t('agenda.figures.caption', { label: indicator.label })}</caption>
            <thead>
              <tr>
                <th scope="col">{live ? t('agenda.col.quarter') : t('agenda.col.date')}</th>
                <th scope="col" className="numeric">
                  {t('agenda.col.value')}
                </th>
                {live ? null : <th scope="col">{t('agenda.col.source')}</th>}
              </tr>
            </thead>
            <tbody>
              {live
                ? indicator.quarters.map((q) => (
                    <tr key={q.quarter}>
                      <th scope="row">{quarterLabel(q.quarter)}</th>
                      <td className="numeric">
                        {q.value === null ? t('agenda.figures.noData') : format(q.value)}
                      </td>
                    </tr>
                  ))
                : indicator.measurements.map((m) => (
                    <tr key={m.id}>
                      <th scope="row">{formatDay(m.measured_on, locale)}</th>
                      <td className="numeric">{format(m.value)}</td>
                      <td>
                        {m.source}
                        {m.corrects_id ? ` (${t('agenda.figures.correction')})` : ''}
                      </td>
                    </tr>
                  ))}
              {!live && indicator.measurements.length === 0 ? (
                <tr>
                  <td colSpan={3}>{t('agenda.figures.noMeasurements')}</td>
                </tr>
              ) : null}
              <tr>
                <th scope="row">
                  {t('agenda.col.target', { date: formatDay(indicator.target_date, locale) })}
                </th>
                <td className="numeric">{format(indicator.target_value)}</td>
                {live ? null : <td />}
              </tr>
            </tbody>
          </table>
        }
      />
      {indicator.targetChanges.length > 0 ? (
        <>
          <h4>{t('agenda.figures.changesTitle')}</h4>
          <ul>
            {indicator.targetChanges.map((c) => (
              <li key={c.changed_at + c.reason}>
                {t('agenda.figures.change', {
                  when: formatDate(c.changed_at, locale),
                  old: format(c.old_value),
                  oldDate: formatDay(c.old_date, locale),
                  value: format(c.new_value),
                  date: formatDay(c.new_date, locale),
                  reason: c.reason,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {indicator.corrected.length > 0 ? (
        <>
          <h4>{t('agenda.figures.correctedTitle')}</h4>
          <ul>
            {indicator.corrected.map((m) => (
              <li key={m.id}>
                {t('agenda.figures.corrected', {
                  date: formatDay(m.measured_on, locale),
                  value: format(m.value),
                  source: m.source,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  )
}
