import type { MetaDescriptor } from '@remix-run/node'
import { DEFAULT_LOCALE, isLocale, type Locale } from '~/i18n/locales'
import { getTranslator, type MessageKey, type MessageParams, type Translate } from '~/i18n/messages'
import { rootDataFromMatches } from '~/utils/root-data'

type Matches = ReadonlyArray<{ id: string; data: unknown } | undefined>

/** The page language as the root loader decided it, for use in `meta` functions. */
export function localeFromMatches(matches: Matches): Locale {
  const locale = rootDataFromMatches(matches)?.locale
  return isLocale(locale) ? locale : DEFAULT_LOCALE
}

/**
 * A translated <title>: "Page – Testarena". Pass a key, or a function of the translator for titles
 * built from data (an organisation's name).
 */
export function pageTitle(
  matches: Matches,
  title: MessageKey | ((t: Translate) => string),
  params?: MessageParams,
): MetaDescriptor[] {
  const t = getTranslator(localeFromMatches(matches))
  const text = typeof title === 'function' ? title(t) : t(title, params)
  return [{ title: `${text} – ${t('app.name')}` }]
}
