import { useId } from 'react'
import { scaleLinear, scaleUtc } from 'd3-scale'
import { line } from 'd3-shape'

// A line chart over time drawn by React as SVG on the server (decision record 028): d3-scale
// maps dates and values to coordinates and picks the ticks, d3-shape draws the lines. Series are
// told apart by dash pattern and marker as well as colour (WCAG 1.4.1), with a legend. An
// optional target (a value by a date) is drawn as a dashed level and a ring at its date. Pure —
// the texts come in as props. The page puts a table with the same figures beside it.

export interface LinePoint {
  at: Date
  value: number
}

export interface LineSeries {
  key: string
  label: string
  points: readonly LinePoint[]
}

export interface LineTarget {
  at: Date
  value: number
  label: string
}

const WIDTH = 560
const LEFT = 48
const RIGHT = 16
const TOP = 12
const PLOT = 200
const LEGEND_ROW = 18
const DASHES = ['', '6 4', '2 3', '10 3 2 3']
const YEAR = 365 * 24 * 3600 * 1000

function domainOf(series: readonly LineSeries[], target: LineTarget | undefined): [Date, Date] {
  const times = series.flatMap((s) => s.points.map((p) => p.at.getTime()))
  if (target) times.push(target.at.getTime())
  if (times.length === 0) {
    const now = Date.now()
    return [new Date(now - YEAR), new Date(now)]
  }
  const from = Math.min(...times)
  const to = Math.max(...times)
  return [new Date(from), new Date(to - from < YEAR / 4 ? from + YEAR / 4 : to)]
}

export function LineChart({
  series,
  target,
  title,
  desc,
  formatValue,
  tickLabel,
  yMax,
}: {
  series: readonly LineSeries[]
  target?: LineTarget
  title: string
  desc: string
  formatValue: (value: number) => string
  tickLabel: (date: Date) => string
  /** The top of the value axis (e.g. 100 for shares); from the data and target when left out. */
  yMax?: number
}) {
  const id = useId()
  const x = scaleUtc()
    .domain(domainOf(series, target))
    .range([LEFT, WIDTH - RIGHT])
  const top = Math.max(
    yMax ?? 0,
    target?.value ?? 0,
    ...series.flatMap((s) => s.points.map((p) => p.value)),
  )
  const y = scaleLinear()
    .domain([0, top > 0 ? top : 1])
    .range([TOP + PLOT, TOP])
    .nice()
  const path = line<LinePoint>()
    .x((p) => x(p.at))
    .y((p) => y(p.value))
  const legend = series.length + (target ? 1 : 0)
  const axisY = TOP + PLOT
  const height = axisY + 28 + legend * LEGEND_ROW
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      <g aria-hidden="true">
        {y.ticks(5).map((tick) => (
          <g key={`y${tick}`}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} className="chart-grid" />
            <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end" className="chart-label">
              {formatValue(tick)}
            </text>
          </g>
        ))}
        {x.ticks(5).map((tick) => (
          <text
            key={`x${tick.getTime()}`}
            x={x(tick)}
            y={axisY + 16}
            textAnchor="middle"
            className="chart-label"
          >
            {tickLabel(tick)}
          </text>
        ))}
        {target ? (
          <g>
            <line
              x1={LEFT}
              x2={x(target.at)}
              y1={y(target.value)}
              y2={y(target.value)}
              className="chart-target"
            />
            <circle cx={x(target.at)} cy={y(target.value)} r={5} className="chart-target-mark" />
          </g>
        ) : null}
        {series.map((s, i) => (
          <g key={s.key}>
            <path
              d={path([...s.points]) ?? ''}
              className={`chart-line chart-line--${i % DASHES.length}`}
              strokeDasharray={DASHES[i % DASHES.length] || undefined}
            />
            {s.points.map((p) => (
              <circle
                key={p.at.getTime()}
                cx={x(p.at)}
                cy={y(p.value)}
                r={3}
                className={`chart-point chart-line--${i % DASHES.length}`}
              />
            ))}
          </g>
        ))}
        {series.map((s, i) => {
          const ly = axisY + 28 + i * LEGEND_ROW
          return (
            <g key={`legend-${s.key}`}>
              <line
                x1={LEFT}
                x2={LEFT + 24}
                y1={ly}
                y2={ly}
                className={`chart-line chart-line--${i % DASHES.length}`}
                strokeDasharray={DASHES[i % DASHES.length] || undefined}
              />
              <text x={LEFT + 30} y={ly + 4} className="chart-label">
                {s.label}
              </text>
            </g>
          )
        })}
        {target ? (
          <g>
            <circle
              cx={LEFT + 12}
              cy={axisY + 28 + series.length * LEGEND_ROW}
              r={5}
              className="chart-target-mark"
            />
            <text x={LEFT + 30} y={axisY + 32 + series.length * LEGEND_ROW} className="chart-label">
              {target.label}
            </text>
          </g>
        ) : null}
      </g>
    </svg>
  )
}
