import { TableScroll } from '~/components/table-scroll'
import { formatDecimal, formatNumber, formatPercent } from '~/i18n/format'
import type { Locale } from '~/i18n/locales'
import { useLocale, useT } from '~/i18n/use-t'
import type { ColumnKind, DataTable } from './tables'

// One table of the analytics page: a caption, a header row, a row header per row, numbers right
// aligned. "–" where there is nothing to count (the page explains it once). A wide table scrolls
// in its own box (TableScroll), a named region in the tab order so a keyboard can scroll it too.

export function formatCell(value: number | null, kind: ColumnKind, locale: Locale, none: string) {
  if (value === null) return none
  if (kind === 'percent') return formatPercent(value / 100, locale)
  if (kind === 'days') return formatDecimal(value, locale, 1)
  return formatNumber(value, locale)
}

/** A table on its own, in its scroll box (TableScroll). */
export function TableView({ table }: { table: DataTable }) {
  return (
    <TableScroll label={table.caption}>
      <BareTable table={table} />
    </TableScroll>
  )
}

/** The table itself, for ChartSplit, which puts it in the scroll box beside its chart. */
export function BareTable({ table }: { table: DataTable }) {
  const t = useT()
  const locale = useLocale()
  return (
    <table>
      <caption>{table.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{table.rowHeader}</th>
          {table.columns.map((c) => (
            <th scope="col" className="numeric" key={c.label}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            {row.values.map((value, i) => (
              <td className="numeric" key={table.columns[i]!.label}>
                {formatCell(value, table.columns[i]!.kind, locale, t('analytics.none'))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
