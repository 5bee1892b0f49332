import { type Readable, Transform } from 'node:stream'
import { MAX_DOCUMENT_BYTES } from './file-store.server'

// How much a request body may hold, per route, and what it may be. server.ts refuses a larger
// declared Content-Length before reading anything and counts the bytes of every body as it
// streams (chunked bodies have no Content-Length), so no request is ever buffered past its limit.

/**
 * Ordinary forms. The largest is a bid: 8,000 characters of summary, and per requirement 4,000 and
 * per criterion 8,000 (10 of each, plus 3 of each per amendment), about 200,000 characters. As
 * Swedish text that is ~250 KB url-encoded; 1 MiB fits it even with every letter outside ASCII.
 */
export const FORM_BODY_LIMIT = 1024 * 1024

/** Forms that carry a document (10 MB, file-store.server.ts) with the call's text fields. */
export const UPLOAD_BODY_LIMIT = MAX_DOCUMENT_BYTES + FORM_BODY_LIMIT

/**
 * The routes whose action reads a document with parseUploadForm (multipart/form-data), with the
 * `.data` suffix JavaScript submissions use. A new upload form must be added here.
 */
const UPLOAD_ROUTES: readonly RegExp[] = [/^\/calls\/[^/]+\/(?:edit|amend)(?:\.data)?\/?$/]

export function bodyLimitFor(path: string): number {
  return UPLOAD_ROUTES.some((route) => route.test(path)) ? UPLOAD_BODY_LIMIT : FORM_BODY_LIMIT
}

export function isUploadLimit(limit: number): boolean {
  return limit === UPLOAD_BODY_LIMIT
}

const FORM_TYPES: readonly string[] = ['application/x-www-form-urlencoded', 'multipart/form-data']

/** A browser's form encoding; anything else (JSON, text, none) cannot be read by a form route. */
export function isFormContentType(header: string | undefined): boolean {
  const type = header?.split(';')[0]?.trim().toLowerCase() ?? ''
  return FORM_TYPES.includes(type)
}

/** True when the declared Content-Length is over `limit` (a missing or chunked one is counted). */
export function declaresMoreThan(contentLength: string | undefined, limit: number): boolean {
  if (contentLength === undefined) return false
  const declared = Number(contentLength)
  return !Number.isFinite(declared) || declared > limit
}

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body over ${limit} bytes`)
    this.name = 'BodyTooLargeError'
  }
}

/**
 * The body of `source`, counted as it streams. Past `limit` bytes the returned stream fails with
 * BodyTooLargeError, stops reading from `source` and calls `onExceeded` (which discards the rest).
 */
export function limitedBody(source: Readable, limit: number, onExceeded: () => void): Readable {
  let total = 0
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.byteLength
      if (total <= limit) return done(null, chunk)
      source.unpipe(counter)
      onExceeded()
      done(new BodyTooLargeError(limit))
    },
  })
  source.on('error', (error) => counter.destroy(error))
  // A client that goes away mid-body must not leave a route waiting for the rest.
  source.once('close', () => {
    if (!source.readableEnded) counter.destroy(new Error('Request body cut off'))
  })
  return source.pipe(counter)
}

/**
 * After a refusal, how much more of a body is read and thrown away before the connection is cut.
 * A proxy such as nginx first sends the whole body it buffered (up to its own limit, 12 MB in
 * docs/operations/proxy.md) and only then reads the answer: closing at once would reset the
 * connection under it and turn the 413 page into the proxy's 502.
 */
export const DISCARD_LIMIT = 16 * 1024 * 1024

/**
 * Reads the rest of a refused body and throws it away, then calls `done`; past DISCARD_LIMIT it
 * calls `cut` instead.
 */
export function discardBody(source: Readable, done: () => void, cut: () => void): void {
  if (source.readableEnded) return done()
  let discarded = 0
  let finished = false
  const finish = () => {
    if (!finished) done()
    finished = true
  }
  source.on('data', (chunk: Buffer) => {
    discarded += chunk.byteLength
    if (discarded > DISCARD_LIMIT) cut()
  })
  source.once('end', finish)
  source.once('close', finish)
  source.resume()
}
