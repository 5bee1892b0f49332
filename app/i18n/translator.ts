import type { MessageKey } from './messages'

// What every translator shares, on the server (the whole dictionary, app/i18n/messages.ts) and in
// the page (the namespaces its routes declare, app/i18n/page-messages.ts). Imports no texts.

export type MessageParams = Record<string, string | number>
export type Translate = (key: MessageKey, params?: MessageParams) => string

/** One file of app/i18n/messages: its texts in Swedish and in English (`export default { sv, en }`). */
export interface Namespace {
  readonly sv: Readonly<Record<string, string>>
  readonly en: Readonly<Record<string, string>>
}

/**
 * A translator over `texts` (the first that has a key wins); `{name}` in a text is replaced by
 * `params.name`. A key that none has is answered by `missing`.
 */
export function createTranslator(
  texts: ReadonlyArray<Readonly<Record<string, string>>>,
  missing: (key: MessageKey) => string,
): Translate {
  return (key, params) => {
    const found = texts.find((dict) => Object.hasOwn(dict, key))
    const text = found ? (found[key] as string) : missing(key)
    if (!params) return text
    return text.replace(/\{(\w+)\}/g, (match, name: string) =>
      name in params ? String(params[name]) : match,
    )
  }
}

/** The shape of every message key ("errors.domain.last_admin"); free text never has it. */
const KEY_SHAPE = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9_-]+)+$/

export function looksLikeMessageKey(value: string): value is MessageKey {
  return KEY_SHAPE.test(value)
}
