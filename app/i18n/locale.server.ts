import { parse, serialize } from 'cookie'
import { DEFAULT_LOCALE, isLocale, LANG_PARAM, type Locale } from './locales'

export const LOCALE_COOKIE = 'testarena_lang'

/**
 * The language of this request: `?lang=sv|en` first (each language has its own address, for
 * hreflang and shared links; decision 039), then the switch's cookie, then the browser's
 * Accept-Language, then Swedish. An unknown `lang` is ignored.
 */
export function getLocale(request: Request): Locale {
  return localeOf(
    request.url,
    request.headers.get('Cookie'),
    request.headers.get('Accept-Language'),
  )
}

/** getLocale's choice from the address and the two headers (for the page cache, before Remix). */
export function localeOf(
  url: string,
  cookie: string | null | undefined,
  acceptLanguage: string | null | undefined,
): Locale {
  return localeOfUrl(url) ?? localeOfCookie(cookie) ?? fromAcceptLanguage(acceptLanguage ?? null)
}

/** The language an address asks for with `?lang=`, if it names one. */
export function localeOfUrl(url: string): Locale | null {
  const lang = new URL(url).searchParams.get(LANG_PARAM)
  return isLocale(lang) ? lang : null
}

/** The language picked with the switch on this browser, if any. */
export function chosenLocale(request: Request): Locale | null {
  return localeOfCookie(request.headers.get('Cookie'))
}

function localeOfCookie(cookie: string | null | undefined): Locale | null {
  const chosen = cookie ? parse(cookie)[LOCALE_COOKIE] : undefined
  return isLocale(chosen) ? chosen : null
}

export function fromAcceptLanguage(header: string | null): Locale {
  if (!header) return DEFAULT_LOCALE
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) || 0 : 1 }
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q)
  for (const { lang } of ranked) {
    if (isLocale(lang)) return lang
  }
  return DEFAULT_LOCALE
}

export function localeCookie(locale: Locale, secure: boolean): string {
  return serialize(LOCALE_COOKIE, locale, {
    path: '/',
    sameSite: 'lax',
    httpOnly: true,
    secure,
    maxAge: 60 * 60 * 24 * 365,
  })
}
