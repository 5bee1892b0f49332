import { useId } from 'react'
import { scaleLinear } from 'd3-scale'

// A horizontal bar chart drawn by React as SVG on the server (decision record 028): one bar a
// row, its label on the left and its value at its end. d3-scale maps values to lengths. Pure —
// the texts come in as props — so a test renders it without a page around it. The page puts a
// table with the same figures beside it (ChartSplit); the table is the accessible equivalent.

export interface Bar {
  key: string
  label: string
  value: number
}

const ROW = 22
const LABEL = 190
const BAR = 260
const WIDTH = LABEL + BAR + 60

const short = (text: string) => (text.length > 28 ? `${text.slice(0, 27)}…` : text)

export function BarChart({
  bars,
  title,
  desc,
  formatValue,
  max,
}: {
  bars: readonly Bar[]
  title: string
  desc: string
  formatValue: (value: number) => string
  /** The value of a full-length bar; the largest value when left out (e.g. 100 for shares). */
  max?: number
}) {
  const id = useId()
  const top = max ?? Math.max(0, ...bars.map((b) => b.value))
  const length = scaleLinear()
    .domain([0, top > 0 ? top : 1])
    .range([0, BAR])
    .clamp(true)
  const height = bars.length * ROW + 8
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {bars.map((bar, i) => {
        const y = i * ROW + 4
        const width = length(Math.max(0, bar.value))
        return (
          <g key={bar.key} aria-hidden="true">
            <text x={LABEL - 6} y={y + ROW * 0.65} textAnchor="end" className="chart-label">
              {short(bar.label)}
            </text>
            <rect x={LABEL} y={y + 3} width={width} height={ROW - 6} className="chart-bar" />
            <text x={LABEL + width + 4} y={y + ROW * 0.65} className="chart-label">
              {formatValue(bar.value)}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
