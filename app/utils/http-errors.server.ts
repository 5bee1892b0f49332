import type { IncomingHttpHeaders } from 'node:http'
import { getLocale } from '~/i18n/locale.server'
import { DEFAULT_LOCALE, LOCALES, type Locale } from '~/i18n/locales'
import { getTranslator, type MessageKey, type MessageParams } from '~/i18n/messages'

// The server's own answers when a request cannot reach a page: a body too large or in a format no
// form sends, a write from another site, a busy database. Each is a small translated page (no
// stack trace, no script, no styles the CSP would have to allow), in the visitor's language with
// the other language below it, since these pages have no language switch.

export type HttpFault =
  | 'tooLarge'
  | 'tooLargeUpload'
  | 'unsupportedType'
  | 'badRequest'
  | 'badHost'
  | 'crossSite'
  | 'busy'
  | 'internal'

const FAULTS: Record<HttpFault, { status: number; title: MessageKey; body: MessageKey }> = {
  tooLarge: { status: 413, title: 'http.tooLarge.title', body: 'http.tooLarge.form' },
  tooLargeUpload: { status: 413, title: 'http.tooLarge.title', body: 'http.tooLarge.upload' },
  unsupportedType: {
    status: 415,
    title: 'http.unsupportedType.title',
    body: 'http.unsupportedType.body',
  },
  badRequest: { status: 400, title: 'error.badRequest.title', body: 'http.badRequest.body' },
  badHost: { status: 400, title: 'error.badRequest.title', body: 'http.badHost.body' },
  crossSite: { status: 403, title: 'http.crossSite.title', body: 'http.crossSite.body' },
  busy: { status: 503, title: 'http.busy.title', body: 'http.busy.body' },
  internal: { status: 500, title: 'error.title', body: 'error.body' },
}

/** Seconds a client is asked to wait after a busy answer; the server itself waited 5 s already. */
export const RETRY_AFTER_SECONDS = 5

export interface FaultPage {
  status: number
  headers: Record<string, string>
  html: string
}

/** The language of the request: the language switch's cookie, then Accept-Language. */
export function localeOfHeaders(headers: IncomingHttpHeaders): Locale {
  try {
    const pass: Record<string, string> = {}
    if (headers.cookie) pass.cookie = headers.cookie
    const accept = headers['accept-language']
    if (typeof accept === 'string') pass['accept-language'] = accept
    return getLocale(new Request('http://localhost/', { headers: pass }))
  } catch {
    return DEFAULT_LOCALE
  }
}

/**
 * The page for `fault` in `locale`. `params` fill the texts ({size}, {document}); for 'crossSite'
 * an `origin` and `expected` add a line for whoever runs the server.
 */
export function faultPage(fault: HttpFault, locale: Locale, params: MessageParams = {}): FaultPage {
  const { status, title, body } = FAULTS[fault]
  const t = getTranslator(locale)
  const other = LOCALES.find((l) => l !== locale) ?? DEFAULT_LOCALE
  const o = getTranslator(other)
  const detail =
    fault === 'crossSite' && params.origin !== undefined && params.expected !== undefined
      ? `<p>${escapeHtml(t('http.crossSite.detail', params))}</p>`
      : ''
  const html = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t(title))} – ${escapeHtml(t('app.name'))}</title>
</head>
<body>
<main>
<h1>${escapeHtml(t(title))}</h1>
<p>${escapeHtml(t(body, params))}</p>
${detail}<p><a href="/">${escapeHtml(t('error.backHome'))}</a></p>
<section lang="${other}">
<h2>${escapeHtml(t('http.otherLanguage'))} ${escapeHtml(o(title))}</h2>
<p>${escapeHtml(o(body, params))}</p>
</section>
</main>
</body>
</html>
`
  const headers: Record<string, string> = {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Language': locale,
    'Cache-Control': 'no-store',
  }
  if (fault === 'busy') headers['Retry-After'] = String(RETRY_AFTER_SECONDS)
  return { status, headers, html }
}

/** Bytes as the pages show them: "1 MB", "11 MB". */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/**
 * SQLite could not get its lock within busy_timeout (another connection kept writing), or a table
 * was locked: SQLITE_BUSY, SQLITE_LOCKED and their extended codes, also when wrapped as a cause.
 */
export function isDatabaseBusy(error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && /^SQLITE_(?:BUSY|LOCKED)(?:_|$)/.test(code)) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

/** What request.formData() throws for a body it cannot parse (a broken multipart body). */
function isUnreadableForm(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /^(?:Failed to parse body as FormData|Content-Type was not one of)/.test(error.message)
  )
}

interface FaultSlot {
  httpFault?: HttpFault
}

/** Notes on a request's load context that the server must answer with `fault`'s page. */
export function setFault(context: unknown, fault: HttpFault): void {
  if (context && typeof context === 'object') (context as FaultSlot).httpFault ??= fault
}

export function faultOf(context: unknown): HttpFault | undefined {
  return context && typeof context === 'object' ? (context as FaultSlot).httpFault : undefined
}

/**
 * For Remix's handleError (entry.server.tsx): an error that is not a bug (a busy database, a body
 * that cannot be read, or any error after the body went over its limit) is noted on the load
 * context, and server.ts answers with its page instead of the 500 Remix rendered. True when the
 * error was one of those, so it needs no stack trace in the log.
 */
export function noteFault(context: unknown, error: unknown): boolean {
  if (faultOf(context)) return true
  const fault = isDatabaseBusy(error) ? 'busy' : isUnreadableForm(error) ? 'badRequest' : null
  if (fault) setFault(context, fault)
  return fault !== null
}
