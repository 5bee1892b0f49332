export const LOCALES = ['sv', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'sv'
/** The query parameter that names a page's language in its address (`?lang=en`). */
export const LANG_PARAM = 'lang'
export const TIME_ZONE = 'Europe/Stockholm'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** BCP 47 tags for Intl: Swedish formats for Swedish; British English keeps day-month order. */
export const INTL_LOCALE: Record<Locale, string> = { sv: 'sv-SE', en: 'en-GB' }
