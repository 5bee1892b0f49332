import { type SqlBool, sql } from 'kysely'
import type { CsvCell } from '~/utils/csv.server'
import { CSV_MAX_ROWS } from '~/utils/csv-links'

// What the CSV exports of the public lists share (decision record 042): every row the list's
// filters match, newest first, up to a cap, read in keyset batches, so one batch costs what its
// size costs (no OFFSET walk over the rows already sent) and memory holds one batch at a time.

/** At most this many rows in one file: the newest ones (the link on the page says so). */
export { CSV_MAX_ROWS }
/** Rows read per query. */
export const CSV_BATCH_ROWS = 500

/** A list's export: the translated header and the rows, batch by batch, as cells. */
export interface CsvExport {
  header: string[]
  batches: AsyncGenerator<CsvCell[][]>
}

export interface ExportOptions {
  /** The cap (tests lower it); CSV_MAX_ROWS by default. */
  cap?: number
  batchSize?: number
}

/** `(key, id) < (after.key, after.id)`: the rows after the last one sent, in a DESC order. */
export function olderThan(keyColumn: string, idColumn: string, key: number, id: number) {
  return sql<SqlBool>`(${sql.ref(keyColumn)}, ${sql.ref(idColumn)}) < (${key}, ${id})`
}

/** `(key, id) > (after.key, after.id)`: the rows after the last one sent, in an ASC order. */
export function laterThan(keyColumn: string, idColumn: string, key: string, id: number) {
  return sql<SqlBool>`(${sql.ref(keyColumn)}, ${sql.ref(idColumn)}) > (${key}, ${id})`
}

/**
 * The batches of a keyset-ordered read: `fetch(after, limit)` reads the `limit` rows that follow
 * `after` (null: from the start). Stops at an empty or short batch, or at the cap.
 */
export async function* keysetBatches<Row>(
  fetch: (after: Row | null, limit: number) => Promise<Row[]>,
  options: ExportOptions = {},
): AsyncGenerator<Row[]> {
  const batchSize = options.batchSize ?? CSV_BATCH_ROWS
  let left = options.cap ?? CSV_MAX_ROWS
  let after: Row | null = null
  while (left > 0) {
    const limit = Math.min(batchSize, left)
    const rows = await fetch(after, limit)
    if (rows.length > 0) yield rows
    if (rows.length < limit) return
    left -= rows.length
    after = rows[rows.length - 1]!
  }
}

/** Names or codes of one cell, in their order: "Energi, Hälsa". */
export function joined(values: readonly string[] | undefined): string {
  return (values ?? []).join(', ')
}

/** Rows of (id, value) grouped by id, in the order read. */
export function groupBy<Row extends { id: number }>(
  rows: readonly Row[],
  value: (row: Row) => string,
): Map<number, string[]> {
  const map = new Map<number, string[]>()
  for (const row of rows) {
    const list = map.get(row.id) ?? []
    list.push(value(row))
    map.set(row.id, list)
  }
  return map
}
