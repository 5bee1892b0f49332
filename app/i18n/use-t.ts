import { useMatches } from '@remix-run/react'
import { useMemo } from 'react'
import { useRootData } from '~/utils/root-data'
import { DEFAULT_LOCALE, isLocale, type Locale } from './locales'
import { pageTranslator } from './page-messages'
import { looksLikeMessageKey, type Translate } from './translator'

/** The page's language, from the root loader (Swedish when the root loader failed). */
export function useLocale(): Locale {
  const locale = useRootData()?.locale
  return isLocale(locale) ? locale : DEFAULT_LOCALE
}

/** The page's translator: the namespaces its routes declare (decision 025), in its language. */
export function useT(): Translate {
  return useTranslator(useLocale())
}

/** The same texts in another language (a reference case's English version on a Swedish page). */
export function useTranslator(locale: Locale): Translate {
  const matches = useMatches()
  return useMemo(() => pageTranslator(locale, matches), [locale, matches])
}

/** Translates a validation message: schemas use message keys; anything else is shown as is. */
export function translateError(t: Translate, message: string): string {
  const [key, json] = message.split('|', 2)
  if (key && looksLikeMessageKey(key)) {
    let params: Record<string, string | number> | undefined
    try {
      params = json ? (JSON.parse(json) as Record<string, string | number>) : undefined
    } catch {
      params = undefined
    }
    return t(key, params)
  }
  return message
}
