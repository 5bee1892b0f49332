import { createHash } from 'node:crypto'
import { z } from 'zod'
import { RateLimiter } from '~/auth/rate-limit.server'
import { getEnv } from './env.server'
import { clientIp } from './request.server'

// The machine-readable side of Testarena (issue 17, decision records 040–042): the read API and
// the OCDS endpoints under /api/v1 answer through these helpers, so that every answer has the
// same headers (Content-Type, ETag, Cache-Control, CORS open for GET), every refusal is an RFC
// 9457 problem document, every list pages with the same opaque cursor and every client IP is
// limited the same way. One idiom: `apiGuard` first, `apiJson` or `apiProblem` to answer.

export const API_VERSION = 'v1'
export const API_BASE = `/api/${API_VERSION}`

/** Headers every API answer carries, refusals included, so a browser script can read them. */
export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Link, Retry-After, X-RateLimit-Limit',
  // helmet's default (same-origin) would stop other sites' pages from embedding the data.
  'Cross-Origin-Resource-Policy': 'cross-origin',
}

/** The answer to a CORS preflight (OPTIONS) for any /api/v1 path: GET and HEAD only. */
export function preflightHeaders(): Record<string, string> {
  return {
    ...CORS_HEADERS,
    'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
    'Access-Control-Allow-Headers': 'If-None-Match, Accept, Accept-Language',
    'Access-Control-Max-Age': '86400',
  }
}

/** RFC 9457 problem types; each names a page of the API documentation. */
export type ProblemKind = 'not-found' | 'bad-request' | 'too-many-requests'

const PROBLEM_TITLES: Record<ProblemKind, { status: number; title: string }> = {
  'not-found': { status: 404, title: 'Not Found' },
  'bad-request': { status: 400, title: 'Bad Request' },
  'too-many-requests': { status: 429, title: 'Too Many Requests' },
}

/**
 * An RFC 9457 problem document (`application/problem+json`). `detail` says in plain English what
 * was wrong (the API's language is English; field names and codes are stable), `instance` is the
 * path asked for. Throw it from a loader: Remix sends a thrown Response from a resource route as is.
 */
export function apiProblem(
  request: Request,
  kind: ProblemKind,
  detail: string,
  extra: {
    headers?: Record<string, string>
    errors?: { parameter: string; detail: string }[]
  } = {},
): Response {
  const { status, title } = PROBLEM_TITLES[kind]
  const url = new URL(request.url)
  const body = {
    type: `${url.origin}${API_BASE}/docs#problem-${kind}`,
    title,
    status,
    detail,
    instance: url.pathname + url.search,
    ...(extra.errors ? { errors: extra.errors } : {}),
  }
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      ...CORS_HEADERS,
      'Content-Type': 'application/problem+json; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...extra.headers,
    },
  })
}

/** 404 for an id that is unknown or not public: the API never says which. */
export function apiNotFound(request: Request, what = 'resource'): Response {
  return apiProblem(request, 'not-found', `No public ${what} has this identifier.`)
}

/** A strong ETag over the exact bytes sent. */
export function etagOf(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
}

/** True when the request's If-None-Match names `etag` (or is `*`). */
export function notModified(request: Request, etag: string): boolean {
  const header = request.headers.get('If-None-Match')
  if (!header) return false
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*')
}

export interface ApiAnswerOptions {
  /** Defaults to `application/json; charset=utf-8`. */
  contentType?: string
  /** Seconds shared caches may keep the answer; public data only. Defaults to 60. */
  maxAge?: number
  /** RFC 8288 Link header, e.g. the next page as `<…>; rel="next"`. */
  link?: string
  headers?: Record<string, string>
}

/**
 * A JSON answer with ETag (304 when If-None-Match matches), Cache-Control and open CORS. The body
 * is serialised here once, so the ETag is that of the bytes sent.
 */
export function apiJson(request: Request, data: unknown, options: ApiAnswerOptions = {}): Response {
  return apiBody(request, JSON.stringify(data), options)
}

/** As `apiJson`, for a body already serialised (or another text type). */
export function apiBody(request: Request, body: string, options: ApiAnswerOptions = {}): Response {
  const etag = etagOf(body)
  const headers: Record<string, string> = {
    ...CORS_HEADERS,
    'Content-Type': options.contentType ?? 'application/json; charset=utf-8',
    'Cache-Control': `public, max-age=${options.maxAge ?? 60}`,
    ETag: etag,
    Vary: 'Accept-Encoding',
    'X-Content-Type-Options': 'nosniff',
    ...(options.link ? { Link: options.link } : {}),
    ...options.headers,
  }
  if (notModified(request, etag)) return new Response(null, { status: 304, headers })
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers })
}

// ── Cursors ─────────────────────────────────────────────────────────────────────────────────────

/**
 * A page boundary in a list ordered by a timestamp and an id, both descending (newest first):
 * the next page starts after (`at`, `id`). Opaque to clients: base64url of a small JSON object
 * with a version, so the format can change without breaking old links silently.
 */
export interface Cursor {
  at: number
  id: number
}

const cursorSchema = z.object({
  v: z.literal(1),
  at: z.number().int().min(0).max(32_503_680_000),
  id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
})

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ v: 1, ...cursor })).toString('base64url')
}

/** The cursor in `value`, or null when it is not one this API made. */
export function decodeCursor(value: string): Cursor | null {
  if (value.length > 200 || !/^[A-Za-z0-9_-]+$/.test(value)) return null
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString()))
    return parsed.success ? { at: parsed.data.at, id: parsed.data.id } : null
  } catch {
    return null
  }
}

export const API_PAGE_DEFAULT = 20
export const API_PAGE_MAX = 100

export interface PageParams {
  limit: number
  cursor: Cursor | null
  /** `?since=`: only rows at or after this time (unix seconds), where a list supports it. */
  since: number | null
}

/**
 * The paging parameters of a list request: `limit` (1–100, default 20), `cursor` (from a previous
 * page's `next`) and, where `allowSince`, `since` (ISO 8601 date-time or date). Anything else the
 * list does not know is refused, so a typo is not silently ignored. Throws a 400 problem.
 */
export function pageParams(
  request: Request,
  { allowSince = false, known = [] as readonly string[] } = {},
): PageParams {
  const params = new URL(request.url).searchParams
  const errors: { parameter: string; detail: string }[] = []
  const allowed = new Set(['limit', 'cursor', ...(allowSince ? ['since'] : []), ...known])
  for (const key of new Set(params.keys())) {
    if (!allowed.has(key)) errors.push({ parameter: key, detail: 'Unknown parameter.' })
    else if (params.getAll(key).length > 1)
      errors.push({ parameter: key, detail: 'Give this parameter once.' })
  }
  let limit = API_PAGE_DEFAULT
  const rawLimit = params.get('limit')
  if (rawLimit !== null) {
    const n = /^\d{1,4}$/.test(rawLimit) ? Number(rawLimit) : NaN
    if (!(n >= 1 && n <= API_PAGE_MAX))
      errors.push({ parameter: 'limit', detail: `A whole number from 1 to ${API_PAGE_MAX}.` })
    else limit = n
  }
  let cursor: Cursor | null = null
  const rawCursor = params.get('cursor')
  if (rawCursor !== null) {
    cursor = decodeCursor(rawCursor)
    if (!cursor)
      errors.push({
        parameter: 'cursor',
        detail: 'Not a cursor from this API: use the `next` value of a previous page.',
      })
  }
  let since: number | null = null
  const rawSince = allowSince ? params.get('since') : null
  if (rawSince !== null) {
    since = parseInstant(rawSince)
    if (since === null)
      errors.push({
        parameter: 'since',
        detail: 'An ISO 8601 date or date-time, e.g. 2026-12-01 or 2026-12-01T08:00:00Z.',
      })
  }
  if (errors.length) throw badParameters(request, errors)
  return { limit, cursor, since }
}

/** A 400 problem listing each bad parameter. */
export function badParameters(
  request: Request,
  errors: { parameter: string; detail: string }[],
): Response {
  const names = errors.map((e) => e.parameter).join(', ')
  return apiProblem(request, 'bad-request', `Invalid query parameters: ${names}.`, { errors })
}

/** Unix seconds of an ISO 8601 date (midnight UTC) or date-time with a zone; null otherwise. */
export function parseInstant(value: string): number | null {
  const iso =
    /^\d{4}-\d{2}-\d{2}$/.test(value) ||
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)
  if (!iso) return null
  const ms = Date.parse(value)
  if (!Number.isFinite(ms) || ms < 0) return null
  return Math.floor(ms / 1000)
}

/** ISO 8601 in UTC (OCDS and the API speak UTC) of unix seconds. */
export function isoInstant(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.000Z$/, 'Z')
}

/**
 * One page of a newest-first list: `items`, and `next` (a cursor) when more rows may follow.
 * `rows` must have been fetched with `limit + 1` so the extra row says whether a next page exists.
 */
export function pageOfRows<T>(
  rows: T[],
  limit: number,
  cursorOf: (row: T) => Cursor,
): { items: T[]; next: string | null } {
  const items = rows.slice(0, limit)
  const last = items.at(-1)
  return { items, next: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null }
}

/** The absolute address of the next page: the request's own query with `cursor` replaced. */
export function nextPageUrl(request: Request, next: string | null): string | null {
  if (!next) return null
  const url = new URL(request.url)
  url.searchParams.set('cursor', next)
  return url.toString()
}

/** The Link header for a next page, if any. */
export function nextLink(nextUrl: string | null): string | undefined {
  return nextUrl ? `<${nextUrl}>; rel="next"` : undefined
}

// ── Rate limit ──────────────────────────────────────────────────────────────────────────────────

/** Requests per client IP: a burst, refilled at a rate per minute (API_LIMIT_* settings). */
export function apiLimits(): { burst: number; perMinute: number } {
  const env = getEnv()
  return { burst: env.API_LIMIT_BURST, perMinute: env.API_LIMIT_PER_MINUTE }
}
let limiter: RateLimiter | undefined

function apiLimiter(): RateLimiter {
  const { burst, perMinute } = apiLimits()
  limiter ??= new RateLimiter(burst, Math.max(1, Math.floor(60_000 / perMinute)))
  return limiter
}

/** For tests: a fresh bucket for every IP. */
export function resetApiLimiter(): void {
  limiter = undefined
}

/**
 * The first line of every API loader: takes one token for the client's IP and throws a 429
 * problem with Retry-After when none is left. `context` is the loader's load context.
 */
export function apiGuard(request: Request, context: unknown): void {
  const ip = clientIp(context)
  const bucket = apiLimiter()
  if (bucket.consume(ip)) return
  const seconds = Math.max(1, Math.ceil(bucket.retryAfterMs(ip) / 1000))
  throw apiProblem(request, 'too-many-requests', `Too many requests: try again in ${seconds} s.`, {
    headers: {
      'Retry-After': String(seconds),
      'X-RateLimit-Limit': `${apiLimits().perMinute};w=60`,
    },
  })
}
