import type { ReactNode } from 'react'
import { TableScroll } from '~/components/table-scroll'

// A chart and its data table side by side, stacked on a narrow screen (320 px reflow). The table
// carries the same figures and is the accessible equivalent (decision record 028); it scrolls
// inside its own focusable box (TableScroll) if it is wider than the screen.

export function ChartSplit({
  chart,
  table,
  tableLabel,
}: {
  chart: ReactNode
  table: ReactNode
  /** The table's caption: names the scrolling region a keyboard user tabs to. */
  tableLabel: string
}) {
  return (
    <div className="chart-split">
      {chart}
      <TableScroll label={tableLabel}>{table}</TableScroll>
    </div>
  )
}
