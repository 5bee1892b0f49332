import type { Locale } from '~/i18n/locales'
import { getTranslator } from '~/i18n/messages'
import type { AnalyticsData } from '~/models/analytics-page.server'
import { csvDocument, csvFileName as listFileName } from '~/utils/csv.server'
import { buildTable, type ColumnKind, type TableKey } from '../analytics/tables'

// One table of the analytics page as CSV for Swedish Excel (decision records 034 and 042), written
// by the shared idiom (app/utils/csv.server.ts): BOM, semicolons, CRLF, the formula guard. Decimal
// commas in Swedish, decimal points in English. No thousands separators, so every cell is a plain
// number; an empty cell where the page shows "–".

function cell(value: number | null, kind: ColumnKind, locale: Locale): string {
  if (value === null) return ''
  if (kind === 'count') return String(value)
  const text = (Math.round(value * 10) / 10).toFixed(1)
  return locale === 'sv' ? text.replace('.', ',') : text
}

export function analyticsCsv(data: AnalyticsData, key: TableKey, locale: Locale): string {
  const table = buildTable(key, data, getTranslator(locale))
  return csvDocument([
    [table.rowHeader, ...table.columns.map((c) => c.label)],
    ...table.rows.map((row) => [
      row.label,
      ...row.values.map((v, i) => cell(v, table.columns[i]!.kind, locale)),
    ]),
  ])
}

/** testarena-pipeline.csv, or with the filters: testarena-pipeline-25-energy.csv. */
export function csvFileName(key: TableKey, filters: { county?: string; theme?: string }): string {
  return listFileName(key, [filters.county, filters.theme])
}
