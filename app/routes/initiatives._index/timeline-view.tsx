import { Link } from '@remix-run/react'
import { scaleUtc } from 'd3-scale'
import type { InitiativeStatus } from '#db/schema'
import { ChartSplit } from '~/components/charts/chart-split'
import { formatDate, formatDateTick, formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'

// The timeline view of the overview: each initiative's period as a bar on a time axis, in a
// server-rendered SVG (d3-scale computes the axis, React draws it; decision record 028), with a
// data table beside it that carries the same information and is the accessible equivalent.

export interface TimelineItem {
  id: number
  title: string
  status: InitiativeStatus
  starts_on: string | null
  ends_on: string | null
}

const ROW = 22
const AXIS = 24
const LABEL = 220
const WIDTH = 640
const RIGHT = 16
const day = (d: string) => new Date(`${d}T00:00:00Z`)

/** The time the chart spans: the earliest date to the latest, at least one year. */
function domainOf(items: readonly TimelineItem[]): [Date, Date] {
  const dates = items
    .flatMap((i) => [i.starts_on, i.ends_on])
    .filter((d): d is string => d !== null)
    .sort()
  const from = day(dates[0]!)
  const to = day(dates[dates.length - 1]!)
  const year = 365 * 24 * 3600 * 1000
  return to.getTime() - from.getTime() < year ? [from, new Date(from.getTime() + year)] : [from, to]
}

const short = (text: string) => (text.length > 30 ? `${text.slice(0, 29)}…` : text)

/** The bars. Pure (texts come in as props), so a test renders it without a page around it. */
export function TimelineChart({
  items,
  title,
  desc,
  tickLabel,
}: {
  items: readonly TimelineItem[]
  title: string
  desc: string
  tickLabel: (date: Date) => string
}) {
  const [from, to] = domainOf(items)
  const x = scaleUtc()
    .domain([from, to])
    .range([LABEL, WIDTH - RIGHT])
    .nice()
  const height = AXIS + items.length * ROW + 4
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby="timeline-chart-title timeline-chart-desc"
    >
      <title id="timeline-chart-title">{title}</title>
      <desc id="timeline-chart-desc">{desc}</desc>
      <g aria-hidden="true">
        {x.ticks(6).map((tick) => (
          <g key={tick.getTime()}>
            <line x1={x(tick)} x2={x(tick)} y1={AXIS - 6} y2={height} className="chart-grid" />
            <text x={x(tick)} y={AXIS - 10} textAnchor="middle" className="chart-label">
              {tickLabel(tick)}
            </text>
          </g>
        ))}
        {items.map((item, i) => {
          const y = AXIS + i * ROW
          const start = item.starts_on ? x(day(item.starts_on)) : LABEL
          const end = item.ends_on ? x(day(item.ends_on)) : WIDTH - RIGHT
          const open = !item.starts_on || !item.ends_on
          return (
            <g key={item.id}>
              <text x={LABEL - 6} y={y + ROW * 0.65} textAnchor="end" className="chart-label">
                {short(item.title)}
              </text>
              <rect
                x={start}
                y={y + 4}
                width={Math.max(2, end - start)}
                height={ROW - 8}
                className={open ? 'chart-bar chart-bar--open' : 'chart-bar'}
              />
            </g>
          )
        })}
      </g>
    </svg>
  )
}

export function TimelineView({
  data,
}: {
  data: { items: readonly TimelineItem[]; more: boolean }
}) {
  const t = useT()
  const locale = useLocale()
  const date = (d: string | null) =>
    d ? formatDate(Date.parse(`${d}T12:00:00Z`) / 1000, locale) : t('overview.timeline.open')
  const tickLabel = (tick: Date) => formatDateTick(tick, locale)
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('overview.timeline.title')}</h2>
      {data.items.length === 0 ? (
        <p>{t('overview.timeline.none')}</p>
      ) : (
        <>
          <p>{t('overview.timeline.intro')}</p>
          {data.more ? (
            <p className="meta">
              {t('overview.timeline.more', { count: formatNumber(data.items.length, locale) })}
            </p>
          ) : null}
          <ChartSplit
            tableLabel={t('overview.timeline.caption')}
            chart={
              <TimelineChart
                items={data.items}
                title={t('overview.timeline.chartTitle')}
                desc={t('overview.timeline.chartDesc', {
                  count: formatNumber(data.items.length, locale),
                })}
                tickLabel={tickLabel}
              />
            }
            table={
              <table>
                <caption>{t('overview.timeline.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('overview.timeline.initiative')}</th>
                    <th scope="col">{t('overview.timeline.status')}</th>
                    <th scope="col">{t('overview.timeline.starts')}</th>
                    <th scope="col">{t('overview.timeline.ends')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((item) => (
                    <tr key={item.id}>
                      <th scope="row">
                        <Link to={`/initiatives/${item.id}`}>{item.title}</Link>
                      </th>
                      <td>{t(`initiative.status.${item.status}`)}</td>
                      <td>{date(item.starts_on)}</td>
                      <td>{date(item.ends_on)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          />
        </>
      )}
    </section>
  )
}
