import { useMemo } from 'react'
import { useRootData } from '~/utils/root-data'
import { DEFAULT_LOCALE, isLocale, type Locale } from './locales'
import { getTranslator, isMessageKey, type Translate } from './messages'

/** The page's language, from the root loader (Swedish when the root loader failed). */
export function useLocale(): Locale {
  const locale = useRootData()?.locale
  return isLocale(locale) ? locale : DEFAULT_LOCALE
}

export function useT(): Translate {
  const locale = useLocale()
  return useMemo(() => getTranslator(locale), [locale])
}

/** Translates a validation message: schemas use message keys; anything else is shown as is. */
export function translateError(t: Translate, message: string): string {
  const [key, json] = message.split('|', 2)
  if (key && isMessageKey(key)) {
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
