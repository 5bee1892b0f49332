import { createHash } from 'node:crypto'
import type { Request, RequestHandler, Response } from 'express'
import { openDataVersionProbe } from '#db/data-version'
import { LOCALE_COOKIE, localeOf } from '~/i18n/locale.server'
import { now } from './clock.server'
import {
  deflatePieces,
  gzipPage,
  type PageTemplate,
  pageTemplate,
  plainPage,
} from './page-cache-gzip.server'
import { requestOrigin } from './remix-express.server'

// Rendered pages for visitors without a session, stored and served again with this request's CSP
// nonce, gzip made once, ETag and 304 (decision record 044). Express middleware between helmet
// (so every security header, the CSP with this request's nonce among them, is set per request)
// and the Remix handler. A page is a function of its address, its language, the data and the
// time: the key is the first two, and an entry counts only while the database's data version and
// the minute it was rendered in are still the current ones.

/** What entry.server.tsx sends when a route sets no Cache-Control: only such pages are stored. */
export const DEFAULT_PAGE_CACHE_CONTROL = 'private, no-store'
/** Stored pages: the browser may keep them but must ask again; a shared cache must not keep them. */
const STORED_CACHE_CONTROL = 'private, no-cache'
/** Pages show deadlines and "open" states computed from now: an entry lives within its minute. */
const BUCKET_SECONDS = 60
const MAX_PAGE_BYTES = 512 * 1024
const MAX_ENTRIES = 2_000
const MAX_BYTES = 64 * 1024 * 1024
/** Response headers that belong to one response, not to the page. */
const PER_RESPONSE = new Set([
  'cache-control',
  'connection',
  'content-encoding',
  'content-length',
  'date',
  'etag',
  'keep-alive',
  'set-cookie',
  'transfer-encoding',
  'vary',
])

interface Entry {
  template: PageTemplate
  headers: [string, string][]
  etag: string
  version: number
  bucket: number
  bytes: number
}

interface Lookup {
  key: string
  version: number
  bucket: number
}

/** The page cache for the database at `databasePath` (a file: ':memory:' has no data version). */
export function pageCache(databasePath: string): RequestHandler {
  const entries = new Map<string, Entry>()
  let bytes = 0
  let probe: (() => number) | null | undefined

  function dataVersion(): number | null {
    if (probe === undefined) {
      try {
        probe = databasePath === ':memory:' ? null : openDataVersionProbe(databasePath).read
      } catch (error) {
        console.error('Page cache off: cannot read the data version', error)
        probe = null
      }
    }
    return probe ? probe() : null
  }

  function remove(key: string) {
    const entry = entries.get(key)
    if (!entry) return
    entries.delete(key)
    bytes -= entry.bytes
  }

  function evict() {
    // A Map keeps insertion order and a hit re-inserts: the first key is the least recently used.
    for (const oldest of entries.keys()) {
      if (entries.size <= MAX_ENTRIES && bytes <= MAX_BYTES) break
      remove(oldest)
    }
  }

  function store(key: string, entry: Entry) {
    remove(key)
    entries.set(key, entry)
    bytes += entry.bytes
    evict()
  }

  return (req, res, next) => {
    let lookup: Lookup | null
    try {
      lookup = cacheable(req, dataVersion)
    } catch (error) {
      // Never a reason to fail the request: it is rendered as if there were no cache.
      console.error('Page cache skipped', error)
      lookup = null
    }
    if (!lookup) return next()
    const entry = entries.get(lookup.key)
    if (entry && entry.version === lookup.version && entry.bucket === lookup.bucket) {
      entries.delete(lookup.key)
      entries.set(lookup.key, entry)
      const gzip = req.acceptsEncodings('gzip', 'identity') === 'gzip'
      if (gzip && !entry.template.deflated) {
        const added = deflatePieces(entry.template)
        entry.bytes += added
        bytes += added
        evict()
      }
      return serve(req, res, entry, gzip)
    }
    if (entry) remove(lookup.key)
    if (req.method === 'GET') capture(res, lookup, store)
    next()
  }
}

/** The key, data version and minute of a request the cache may answer, or null. */
function cacheable(req: Request, dataVersion: () => number | null): Lookup | null {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null
  // The API has its own ETag; files and the data requests of client navigation are not pages.
  if (req.path.startsWith('/api/') || req.path.includes('.')) return null
  if (req.headers.authorization !== undefined) return null
  const cookie = req.headers.cookie
  if (cookie !== undefined && !onlyLanguageCookie(cookie)) return null
  const origin = requestOrigin(req)
  if (!origin) return null
  // The address exactly as the Remix handler builds it (app/utils/remix-express.server.ts).
  const url = new URL(origin + req.originalUrl)
  if (url.origin !== origin) return null
  const version = dataVersion()
  if (version === null) return null
  const locale = localeOf(url.href, cookie, req.headers['accept-language'])
  return { key: `${locale} ${url.href}`, version, bucket: Math.floor(now() / BUCKET_SECONDS) }
}

/**
 * True when every cookie is the language switch's: a list of what may come, not of what may not,
 * so a session (either name), a flash or any cookie a later change adds keeps the page out.
 */
export function onlyLanguageCookie(header: string): boolean {
  return header.split(';').every((part) => {
    const trimmed = part.trim()
    return trimmed === '' || trimmed.startsWith(`${LOCALE_COOKIE}=`)
  })
}

function serve(req: Request, res: Response, entry: Entry, gzip: boolean): void {
  res.status(200)
  for (const [name, value] of entry.headers) res.setHeader(name, value)
  res.setHeader('Cache-Control', STORED_CACHE_CONTROL)
  res.setHeader('Vary', 'Accept-Encoding')
  res.setHeader('ETag', gzip ? `W/"${entry.etag}-gz"` : `W/"${entry.etag}"`)
  if (req.fresh) {
    // The browser shows its stored page, whose scripts carry the nonce of the response it came
    // with; a 304 updates the stored headers it names, so it must not name a new CSP (its nonce
    // would block every script of the stored page). Without one, the stored CSP stays.
    res.removeHeader('Content-Security-Policy')
    res.status(304).end()
    return
  }
  const nonce = res.locals.cspNonce as string
  const body = gzip ? gzipPage(entry.template, nonce) : plainPage(entry.template, nonce)
  // Already encoded: compression() leaves a body with a Content-Encoding alone.
  if (gzip) res.setHeader('Content-Encoding', 'gzip')
  res.setHeader('Content-Length', String(body.byteLength))
  if (req.method === 'HEAD') res.end()
  else res.end(body)
}

/**
 * Copies what the Remix handler writes (before compression, which wraps res.write further out)
 * and, once the whole response went out, stores it if it is a complete anonymous page: 200,
 * HTML, no cookie set, no Cache-Control of the route's own, and not too large.
 */
function capture(res: Response, lookup: Lookup, store: (key: string, entry: Entry) => void) {
  const before = new Set(res.getHeaderNames())
  const nonce = res.locals.cspNonce as string
  const chunks: Buffer[] = []
  let size = 0
  const collect = (chunk: unknown, encoding: unknown) => {
    if (size > MAX_PAGE_BYTES || chunk === undefined || chunk === null) return
    if (typeof chunk === 'function') return
    const bytes =
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array)
    size += bytes.byteLength
    chunks.push(bytes)
  }
  const write = res.write
  const end = res.end
  res.write = function (this: Response, chunk: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0])
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest)
  } as typeof res.write
  res.end = function (this: Response, chunk?: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0])
    return (end as (...args: unknown[]) => Response).call(this, chunk, ...rest)
  } as typeof res.end
  res.once('finish', () => {
    if (size > MAX_PAGE_BYTES || res.statusCode !== 200 || !nonce) return
    if (!/^text\/html\b/i.test(String(res.getHeader('content-type') ?? ''))) return
    if (res.getHeader('set-cookie') !== undefined) return
    if (res.getHeader('cache-control') !== DEFAULT_PAGE_CACHE_CONTROL) return
    const template = pageTemplate(Buffer.concat(chunks).toString('utf8'), nonce)
    const headers: [string, string][] = []
    for (const name of res.getHeaderNames()) {
      if (before.has(name) || PER_RESPONSE.has(name)) continue
      headers.push([name, String(res.getHeader(name))])
    }
    const hash = createHash('sha256')
    for (const [name, value] of headers) hash.update(`${name}: ${value}\n`)
    for (const piece of template.pieces) hash.update(piece).update('\0')
    store(lookup.key, {
      template,
      headers,
      etag: hash.digest('base64url').slice(0, 27),
      version: lookup.version,
      bucket: lookup.bucket,
      bytes: template.piecesLength + lookup.key.length,
    })
  })
}
