import {
  type AppLoadContext,
  createReadableStreamFromReadable,
  createRequestHandler,
  type ServerBuild,
  writeReadableStreamToWritable,
} from '@remix-run/node'
import type {
  Request as ExpressRequest,
  RequestHandler,
  Response as ExpressResponse,
} from 'express'
import { bodyLimitFor, discardBody, isUploadLimit, limitedBody } from './body-limit.server'
import { MAX_DOCUMENT_BYTES } from './file-store.server'
import {
  faultOf,
  faultPage,
  type HttpFault,
  localeOfHeaders,
  megabytes,
  setFault,
} from './http-errors.server'

// Express in front of Remix, in place of @remix-run/express's handler, for three reasons: Remix
// sees the public origin (its own cross-site check compares Origin with Host or X-Forwarded-Host,
// and threw a 500 behind a proxy that does not pass them); the body is counted as it streams; and
// a busy database or an oversized body becomes a translated page instead of a 500.

/**
 * The origin this request was addressed to: X-Forwarded-Proto and X-Forwarded-Host count only
 * when the connection comes from a trusted proxy (TRUST_PROXY, Express's `trust proxy`), as in
 * Express's own req.protocol and req.hostname. Null when the host is not a valid host.
 */
export function requestOrigin(req: ExpressRequest): string | null {
  const trust = req.app.get('trust proxy fn') as (address: string, hop: number) => boolean
  const forwarded = trust(req.socket.remoteAddress ?? '', 0)
    ? req.get('x-forwarded-host')?.split(',')[0]?.trim()
    : undefined
  const host = forwarded || req.get('host')
  if (!host) return null
  const address = `${req.protocol}://${host}/`
  let origin = origins.get(address)
  if (origin === undefined) {
    origin = originOf(address)
    // Bounded: a client may send any Host; the site's own few stay once it is emptied.
    if (origins.size >= 100) origins.clear()
    origins.set(address, origin)
  }
  return origin
}

/** Origins by the `protocol://host/` they were read from, so that a host is parsed once. */
const origins = new Map<string, string | null>()

function originOf(address: string): string | null {
  try {
    const url = new URL(address)
    // Anything besides a host and port (a path, credentials, a query) means it was not a host.
    const hostOnly = url.pathname === '/' && !url.username && !url.password && !url.search
    const web = url.protocol === 'https:' || url.protocol === 'http:'
    return hostOnly && web && !url.hash ? url.origin : null
  } catch {
    return null
  }
}

/** A method that may change something: it must come from this site and carry a form. */
export function isWrite(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS'
}

/**
 * Sends `fault`'s page in the request's language. For a refused body the page goes out at once,
 * but the response ends only once the rest of the body was read and thrown away (up to
 * DISCARD_LIMIT): a client or proxy still sending it must get the page, not a closed connection.
 */
export function sendFault(
  req: ExpressRequest,
  res: ExpressResponse,
  fault: HttpFault,
  params: Record<string, string> = {},
): void {
  const page = faultPage(fault, localeOfHeaders(req.headers), {
    document: megabytes(MAX_DOCUMENT_BYTES),
    ...params,
  })
  res.status(page.status).set(page.headers)
  if (fault !== 'tooLarge' && fault !== 'tooLargeUpload') {
    res.send(page.html)
    return
  }
  const html = Buffer.from(page.html)
  // no-transform: compression would hold the page back until the response ends.
  res.set({ 'Content-Length': String(html.byteLength), 'Cache-Control': 'no-store, no-transform' })
  res.write(html)
  discardBody(
    req,
    () => res.end(),
    () => req.socket.destroy(),
  )
}

/** The fault for a body over `limit` bytes. */
export function tooLargeFault(limit: number): HttpFault {
  return isUploadLimit(limit) ? 'tooLargeUpload' : 'tooLarge'
}

export function tooLargeParams(limit: number): Record<string, string> {
  return { size: megabytes(limit) }
}

export function createRemixHandler(options: {
  build: ServerBuild | (() => Promise<ServerBuild>)
  mode: string
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext
}): RequestHandler {
  const handlerOf = handlerPerBuild(options.build, options.mode)
  return async (req, res, next) => {
    try {
      const handle = await handlerOf()
      const context = options.getLoadContext(req, res)
      const limit = bodyLimitFor(req.path)
      const request = remixRequest(req, res, limit, () => setFault(context, tooLargeFault(limit)))
      if (!request) return sendFault(req, res, 'badHost')
      const response = await handle(request, context)
      const fault = faultOf(context)
      if (fault) {
        await response.body?.cancel().catch(() => undefined)
        if (fault === 'busy')
          console.warn(`Database busy: answered 503 to ${req.method} ${req.path}`)
        return sendFault(req, res, fault, tooLargeParams(limit))
      }
      await sendResponse(res, response)
    } catch (error) {
      next(error)
    }
  }
}

type RemixHandler = ReturnType<typeof createRequestHandler>

/**
 * Remix's handler for the current build. Given a function, Remix's own handler derives the routes
 * and its static handler anew on every request (and the router then flattens and compiles the new
 * routes); here a handler is made once per build object: once in production, again in development
 * only when Vite gives a new build (decision record 043).
 */
function handlerPerBuild(
  build: ServerBuild | (() => Promise<ServerBuild>),
  mode: string,
): () => Promise<RemixHandler> {
  let current: { build: ServerBuild; handle: RemixHandler } | undefined
  return async () => {
    const loaded = typeof build === 'function' ? await build() : build
    if (current?.build !== loaded)
      current = { build: loaded, handle: createRequestHandler(loaded, mode) }
    return current.handle
  }
}

/**
 * The Fetch request Remix gets. Its URL and Host are the public origin: for a write, the Origin
 * that server.ts already accepted (so Remix's own check agrees); otherwise the request's origin.
 * X-Forwarded-Host is dropped, since Remix would trust it even from an untrusted client.
 */
function remixRequest(
  req: ExpressRequest,
  res: ExpressResponse,
  limit: number,
  onTooLarge: () => void,
): Request | null {
  const origin = req.get('origin')
  const publicOrigin =
    isWrite(req.method) && origin && origin !== 'null' ? origin : requestOrigin(req)
  if (!publicOrigin) return null
  let url: URL
  try {
    url = new URL(publicOrigin + req.originalUrl)
  } catch {
    return null
  }
  if (url.origin !== publicOrigin) return null

  // The headers as Node parsed them (duplicates joined), given to the Request as pairs: one
  // Headers object is built, by the Request itself.
  const headers: [string, string][] = [['host', url.host]]
  for (const key in req.headers) {
    const values = req.headers[key]
    if (values === undefined || key === 'host' || key === 'x-forwarded-host') continue
    if (typeof values === 'string') headers.push([key, values])
    else for (const value of values) headers.push([key, value])
  }

  const controller = new AbortController()
  const init: RequestInit & { duplex?: 'half' } = {
    method: req.method,
    headers,
    signal: controller.signal,
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    init.body = createReadableStreamFromReadable(limitedBody(req, limit, onTooLarge))
    init.duplex = 'half'
  }
  // Abort loaders and actions once no answer can be written (closed before it finished).
  res.once('close', () => {
    if (!res.writableFinished) controller.abort()
  })
  return new Request(url.href, init)
}

async function sendResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText
  res.status(response.status)
  for (const [key, value] of response.headers.entries()) res.append(key, value)
  if (/text\/event-stream/i.test(response.headers.get('Content-Type') ?? '')) res.flushHeaders()
  if (response.body) await writeReadableStreamToWritable(response.body, res)
  else res.end()
}
