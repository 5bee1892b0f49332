import type { Locale } from './locales'
import { createTranslator, type Namespace, type Translate } from './translator'

// A page ships only the texts it renders (decision 025). Each route module declares the namespace
// files it renders, importing them statically so that Vite puts them in the route's chunk:
//
//   import callsMessages from '~/i18n/messages/calls'
//   export const handle = { i18n: [callsMessages] }
//
// The root declares the namespaces of the layout and the error pages. A page translates over the
// namespaces of its matched routes, in both languages (a reference case shows its English version
// on a Swedish page). tests/unit/route-messages.test.ts fails when a route renders a key whose
// namespace it does not declare.

/** A route's `handle`: the namespace files (app/i18n/messages/*.ts) it renders. */
export interface I18nHandle {
  i18n: readonly Namespace[]
}

type Match = { handle?: unknown } | undefined
type Texts = Record<Locale, Readonly<Record<string, string>>>

// One route's namespaces merged once per language, kept as long as its handle (a new handle after
// a hot reload is merged anew).
const merged = new WeakMap<I18nHandle, Texts>()

function textsOf(handle: unknown): Texts | undefined {
  if (typeof handle !== 'object' || handle === null || !('i18n' in handle)) return undefined
  const declared = handle as I18nHandle
  if (!Array.isArray(declared.i18n)) return undefined
  let texts = merged.get(declared)
  if (!texts) {
    texts = {
      sv: Object.assign({}, ...declared.i18n.map((n) => n.sv)),
      en: Object.assign({}, ...declared.i18n.map((n) => n.en)),
    }
    merged.set(declared, texts)
  }
  return texts
}

function notDeclared(key: string): string {
  const message = `Message "${key}" is in no namespace this page's routes declare (handle.i18n)`
  // Loud where people work; in production the key shows and the error is logged.
  if (import.meta.env?.DEV) throw new Error(message)
  console.error(message)
  return key
}

/** The translator of a page: the texts of the namespaces its matched routes declare. */
export function pageTranslator(locale: Locale, matches: ReadonlyArray<Match>): Translate {
  const texts = matches.flatMap((m) => {
    const own = textsOf(m?.handle)
    return own ? [own[locale]] : []
  })
  return createTranslator(texts, notDeclared)
}
