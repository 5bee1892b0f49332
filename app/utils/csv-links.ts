// Client-safe: where a list's CSV file is (decision record 042). The file sits beside the list at
// `<list>.csv` and takes the list's query string, so the same filters give the same rows.

/** At most this many rows in one file (the newest); the link says so. */
export const CSV_MAX_ROWS = 10_000

/** The CSV address of the list at `listPath` with the page's query (the page number dropped). */
export function csvHref(listPath: string, search: string): string {
  const params = new URLSearchParams(search)
  params.delete('page')
  const query = params.toString()
  return `${listPath}.csv${query ? `?${query}` : ''}`
}
