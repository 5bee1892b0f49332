import { PassThrough } from 'node:stream'
import {
  type AppLoadContext,
  createReadableStreamFromReadable,
  type EntryContext,
} from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { noteFault } from '~/utils/http-errors.server'
import { DEFAULT_PAGE_CACHE_CONTROL } from '~/utils/page-cache.server'
import { NonceProvider } from '~/utils/nonce'

const ABORT_DELAY = 5_000
export const streamTimeout = ABORT_DELAY

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === 'string' ? loadContext.cspNonce : ''
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    // Cleared once everything is rendered, so finished responses are not kept alive for
    // ABORT_DELAY (that held ~1,000 renders in memory under load and drove GC pauses).
    let abortRender = () => {}
    const timer = setTimeout(() => abortRender(), ABORT_DELAY)
    function respond() {
      shellRendered = true
      const body = new PassThrough()
      responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
      // Pages may show private data: never let a shared cache keep them. The page cache stores
      // only pages with this default; a route keeps its page out with a Cache-Control of its own.
      if (!responseHeaders.has('Cache-Control')) {
        responseHeaders.set('Cache-Control', DEFAULT_PAGE_CACHE_CONTROL)
      }
      resolve(
        new Response(createReadableStreamFromReadable(body), {
          headers: responseHeaders,
          status: responseStatusCode,
        }),
      )
      pipe(body)
    }
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer
          context={remixContext}
          url={request.url}
          abortDelay={ABORT_DELAY}
          nonce={nonce}
        />
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          if (!waitForAll) respond()
        },
        onAllReady() {
          clearTimeout(timer)
          if (waitForAll) respond()
        },
        onShellError(error: unknown) {
          clearTimeout(timer)
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) console.error(error)
        },
      },
    )
    abortRender = abort
  })
}

export function handleError(
  error: unknown,
  { request, context }: { request: Request; context: AppLoadContext },
) {
  // A busy database or an unreadable body is noted for server.ts, which answers 503/400/413.
  if (noteFault(context, error)) return
  if (request.signal.aborted) return
  // An unknown address is the visitor's mistake, not ours: it gets the 404 page, not a log line.
  if (isRouteErrorResponse(error) && error.status === 404) return
  console.error(error)
}
