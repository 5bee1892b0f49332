import type { MetaDescriptor } from '@remix-run/node'
import { DEFAULT_LOCALE, isLocale, type Locale } from '~/i18n/locales'
import type { MessageKey, MessageParams, Translate } from '~/i18n/messages'
import { pageTranslator } from '~/i18n/page-messages'
import { rootDataFromMatches } from '~/utils/root-data'

type Matches = ReadonlyArray<{ id: string; data: unknown; handle?: unknown } | undefined>

/** The page language as the root loader decided it, for use in `meta` functions. */
export function localeFromMatches(matches: Matches): Locale {
  const locale = rootDataFromMatches(matches)?.locale
  return isLocale(locale) ? locale : DEFAULT_LOCALE
}

/** The page's translator in a `meta` function (the namespaces its routes declare). */
export function metaTranslator(matches: Matches): Translate {
  return pageTranslator(localeFromMatches(matches), matches)
}

/**
 * A translated <title>: "Page – Testarena". Pass a key, or a function of the translator for titles
 * built from data (an organisation's name). With it come the description and the Open Graph title
 * and description of link previews (decision 039): the page's own `description` where it has one
 * (a call, an event), otherwise Testarena's.
 */
export function pageTitle(
  matches: Matches,
  title: MessageKey | ((t: Translate) => string),
  params?: MessageParams,
  options: { description?: string | undefined } = {},
): MetaDescriptor[] {
  const t = metaTranslator(matches)
  const text = typeof title === 'function' ? title(t) : t(title, params)
  return [{ title: `${text} – ${t('app.name')}` }, ...previewMeta(t, text, options.description)]
}

/** The description and Open Graph title and description (the rest is in FindabilityHead). */
export function previewMeta(t: Translate, title: string, description?: string): MetaDescriptor[] {
  const text = description ?? t('findability.description')
  return [
    { name: 'description', content: text },
    { property: 'og:title', content: title },
    { property: 'og:description', content: text },
  ]
}
