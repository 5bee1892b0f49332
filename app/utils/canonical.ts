import { LANG_PARAM, LOCALES, type Locale } from '~/i18n/locales'

// Canonical and language addresses of a page (decision 039). Pure, so the server and the browser
// compute the same <link rel="canonical"> and hreflang alternates from the same location.

/** Query parameters that never change what a page shows: campaign tags and click ids. */
const TRACKING = /^(utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|_gl|yclid|igshid|ref)$/i

/** Where to go after logging in: says nothing about the page itself. */
const NOTICE_PARAMS = new Set(['redirectTo'])

/**
 * The query that decides a page's content, in a stable order: tracking parameters, empty values
 * (an "all" filter, a one-time notice flag such as `?saved`), `redirectTo`, `lang` and `page=1`
 * (the first page is the page without it) dropped; the rest sorted by name,
 * then value, so that one page has one address however its filters were ordered.
 */
export function contentQuery(search: URLSearchParams | string): URLSearchParams {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search
  const kept: [string, string][] = []
  for (const [key, value] of params) {
    const trimmed = value.trim()
    if (!trimmed || key === LANG_PARAM || TRACKING.test(key) || NOTICE_PARAMS.has(key)) continue
    if (key === 'page' && trimmed === '1') continue
    kept.push([key, trimmed])
  }
  kept.sort(byNameThenValue)
  return new URLSearchParams(kept)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function byNameThenValue([a, x]: [string, string], [b, y]: [string, string]): number {
  return a === b ? compare(x, y) : compare(a, b)
}

/** The absolute address of `pathname` with a content query, and `lang` when given (sorted in). */
export function pageUrl(
  origin: string,
  pathname: string,
  query: URLSearchParams,
  locale?: Locale,
): string {
  const entries = [...query]
  if (locale) entries.push([LANG_PARAM, locale])
  entries.sort(byNameThenValue)
  return withQuery(origin + pathname, new URLSearchParams(entries))
}

function withQuery(base: string, params: URLSearchParams): string {
  const query = params.toString()
  return query ? `${base}?${query}` : base
}

export interface PageAddresses {
  /** This page in the language it was rendered in. */
  canonical: string
  /** The page in each language (`?lang=`), and x-default: the address that negotiates. */
  alternates: { hreflang: Locale | 'x-default'; href: string }[]
}

/**
 * The canonical address and hreflang alternates of the page at `pathname` + `search` rendered in
 * `locale`. Each language has its own address (`?lang=sv`, `?lang=en`); the address without
 * `lang` (x-default) picks the language from the cookie and the browser.
 */
export function pageAddresses(
  origin: string,
  pathname: string,
  search: string,
  locale: Locale,
): PageAddresses {
  const query = contentQuery(search)
  return {
    canonical: pageUrl(origin, pathname, query, locale),
    alternates: [
      ...LOCALES.map((l) => ({ hreflang: l, href: pageUrl(origin, pathname, query, l) })),
      { hreflang: 'x-default' as const, href: pageUrl(origin, pathname, query) },
    ],
  }
}

/** A local path without its `lang` parameter (the language switch's way back). */
export function withoutLang(path: string): string {
  const url = new URL(path, 'http://local')
  if (!url.searchParams.has(LANG_PARAM)) return path
  url.searchParams.delete(LANG_PARAM)
  return url.pathname + url.search + url.hash
}

/** Open Graph's locale of a language (language_TERRITORY). */
export const OG_LOCALE: Record<Locale, string> = { sv: 'sv_SE', en: 'en_GB' }

/** A description of at most `max` characters, cut at a word with an ellipsis. */
export function summary(text: string | null | undefined, max = 200): string | undefined {
  const plain = (text ?? '').replace(/\s+/g, ' ').trim()
  if (!plain) return undefined
  if (plain.length <= max) return plain
  const cut = plain.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`
}
