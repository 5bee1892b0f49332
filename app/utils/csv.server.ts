import { stringify } from 'csv-stringify/sync'
import { toStockholmDateTimeInput } from './stockholm-time'

// The one CSV idiom (decision records 034 and 042): files for Swedish Excel. UTF-8 with a
// byte-order mark (without it Excel reads Windows-1252 and mangles å, ä and ö), semicolons between
// fields (Swedish Excel's list separator: the comma is its decimal sign) and CRLF line ends.
// Every text cell goes through the formula guard; a list's export streams its rows batch by batch.

export type CsvCell = string | number | null | undefined

/** The byte-order mark that tells Excel the file is UTF-8. */
export const BOM = '\uFEFF'

/**
 * A cell that a spreadsheet would read as a formula (OWASP "CSV injection"): it starts with =, +,
 * -, @, a tab or a carriage return. Such a cell is written with a leading apostrophe, which Excel
 * and LibreOffice show as text and do not evaluate.
 */
const FORMULA_START = /^[=+\-@\t\r]/u

/** A cell as written: text guarded against formulas, numbers as they are, nothing as empty. */
export function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'number') return String(cell)
  return FORMULA_START.test(cell) ? `'${cell}` : cell
}

/** Records as CSV text (each ends with CRLF), optionally with the byte-order mark first. */
export function csvRecords(records: CsvCell[][], options: { bom?: boolean } = {}): string {
  return stringify(
    records.map((record) => record.map(csvCell)),
    { bom: options.bom ?? false, delimiter: ';', record_delimiter: 'windows' },
  )
}

/** A whole small file: the byte-order mark, then the records. */
export function csvDocument(records: CsvCell[][]): string {
  return csvRecords(records, { bom: true })
}

/**
 * A large file as a stream: the byte-order mark and the header first, then one chunk per batch,
 * read only when the client takes the previous one, so memory holds one batch at a time.
 */
export function csvStream(
  header: string[],
  batches: AsyncIterable<CsvCell[][]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const iterator = batches[Symbol.asyncIterator]()
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(csvRecords([header], { bom: true })))
      },
      async pull(controller) {
        // A pull must enqueue or close, or the stream waits for ever: empty batches are skipped.
        for (;;) {
          const next = await iterator.next()
          if (next.done) return controller.close()
          if (next.value.length === 0) continue
          return controller.enqueue(encoder.encode(csvRecords(next.value)))
        }
      },
      async cancel() {
        await iterator.return?.(undefined)
      },
    },
    { highWaterMark: 1 },
  )
}

/** Unix seconds → "2026-12-01T23:59", Stockholm local time (the header names the zone). */
export function csvDateTime(seconds: number | null | undefined): string {
  return seconds === null || seconds === undefined ? '' : toStockholmDateTimeInput(seconds)
}

/** Whole kronor, without separators, so Excel reads a number in either language. */
export function csvKronor(amount: number | null | undefined): number | null {
  return amount === null || amount === undefined ? null : Math.round(amount)
}

/** A part of a file name: a–z without accents, digits, _ and -, at most 40 characters. */
function fileNamePart(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '')
}

/**
 * `testarena-<list>-<filter values>.csv`: the list and the values of the filters that are set, in
 * the list's order (`testarena-calls-energy-25.csv`), in characters that are safe in any header.
 */
export function csvFileName(
  list: string,
  values: readonly (string | number | boolean | null | undefined)[] = [],
): string {
  const parts = values
    .filter((v) => v !== undefined && v !== null && v !== false && v !== '')
    .map((v) => fileNamePart(v === true ? '1' : String(v)))
    .filter(Boolean)
  return `${['testarena', fileNamePart(list), ...parts].join('-').slice(0, 150)}.csv`
}

/** The values of the filters that are set, in `keys`' order; a ticked flag gives its name. */
export function filterParts<Key extends string>(
  keys: readonly Key[],
  filters: Partial<Record<Key, unknown>>,
): string[] {
  return keys.flatMap((key) => {
    const value = filters[key]
    if (value === true) return [key]
    if (typeof value === 'string' || typeof value === 'number') return [String(value)]
    return []
  })
}

/**
 * The file as a download. The headers follow the reader's language (cookie, Accept-Language or
 * `?lang=`), so no shared cache keeps it, and it is never sniffed as anything but CSV.
 */
export function csvResponse(body: string | ReadableStream<Uint8Array>, fileName: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, max-age=60',
      Vary: 'Accept-Language, Cookie',
    },
  })
}
