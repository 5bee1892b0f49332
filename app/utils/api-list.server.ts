import { type Cursor, apiJson, apiNotFound, nextLink, nextPageUrl, pageOfRows } from './api.server'

// The read API's answers (decision record 041): a list is `{ data, links: { self, next } }` with
// a Link header for the next page; one resource is `{ data }`; anything not public is a 404
// problem, the same as an unknown id.

/** A list page from rows fetched with `limit + 1`, each carrying its own `cursor`. */
export function apiList<T extends { cursor: Cursor }>(request: Request, rows: T[], limit: number) {
  const { items, next } = pageOfRows(rows, limit, (row) => row.cursor)
  const nextUrl = nextPageUrl(request, next)
  const link = nextLink(nextUrl)
  return apiJson(
    request,
    {
      data: items.map(({ cursor: _cursor, ...item }) => item),
      links: { self: request.url, next: nextUrl },
    },
    link ? { link } : {},
  )
}

/** One resource, or a 404 problem when it is unknown or not public. */
export function apiItem(request: Request, item: unknown, what: string) {
  if (item === null || item === undefined) throw apiNotFound(request, what)
  return apiJson(request, { data: item })
}

/** A numeric id in an address; anything else is simply not found. */
export function idParam(request: Request, value: string | undefined, what: string): number {
  if (!value || !/^[1-9]\d{0,11}$/.test(value)) throw apiNotFound(request, what)
  return Number(value)
}
