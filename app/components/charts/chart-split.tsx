import type { ReactNode } from 'react'

// A chart and its data table side by side, stacked on a narrow screen (320 px reflow). The table
// carries the same figures and is the accessible equivalent (decision record 028); it scrolls
// inside its own box if it is wider than the screen.

export function ChartSplit({ chart, table }: { chart: ReactNode; table: ReactNode }) {
  return (
    <div className="chart-split">
      {chart}
      <div className="call-table-scroll">{table}</div>
    </div>
  )
}
