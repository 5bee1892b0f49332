import { describe, expect, test } from 'vitest'
import { messages } from '~/i18n/messages'
import callsMessages from '~/i18n/messages/calls'
import commonMessages from '~/i18n/messages/common'
import { pageTranslator } from '~/i18n/page-messages'
import { looksLikeMessageKey } from '~/i18n/translator'
import { translateError } from '~/i18n/use-t'
import {
  declaredNamespaces,
  loadNamespaces,
  pageModules,
  readModule,
  requiredNamespaces,
  routeEntries,
  type ModuleFacts,
} from '../helpers/route-messages'

// Decision 025: a page ships only the namespaces its routes declare in `handle.i18n`. These tests
// read the source of every route and of the modules it imports for the browser.

const namespaces = await loadNamespaces()
const [root, ...routes] = routeEntries()
const rootDeclared = declaredNamespaces(readModule(root!.file))

function missingFor(file: string, declared: string[]): string[] {
  const required = requiredNamespaces(pageModules(file), namespaces)
  return [...required]
    .filter(([name]) => !declared.includes(name))
    .map(([name, why]) => `${name} — ${why}`)
}

describe('every page declares the namespaces it renders', () => {
  test('the root declares what the layout and the error pages render', () => {
    expect(rootDeclared.length).toBeGreaterThan(0)
    expect(missingFor(root!.file, rootDeclared)).toEqual([])
  })

  test.each(routes.map((r) => [r.id, r.file]))('%s', (_id, file) => {
    const declared = declaredNamespaces(readModule(file))
    expect(declared.filter((name) => !namespaces.has(name))).toEqual([])
    expect(missingFor(file, [...rootDeclared, ...declared])).toEqual([])
  })

  test('no module a page runs in the browser imports the whole dictionary', () => {
    const offenders = routeEntries().flatMap(({ file }) =>
      pageModules(file)
        .client.filter((m) => m.importsDictionary)
        .map((m) => m.file),
    )
    expect([...new Set(offenders)]).toEqual([])
  })
})

describe('what the analysis counts as rendered', () => {
  const facts = (over: Partial<ModuleFacts>): ModuleFacts => ({
    file: 'app/routes/x/route.tsx',
    imports: [],
    namespaceImports: new Map(),
    literals: [],
    prefixes: [],
    handle: null,
    showsRefusals: false,
    importsDictionary: false,
    ...over,
  })
  const required = (client: Partial<ModuleFacts>, server: Partial<ModuleFacts>[] = []) => [
    ...requiredNamespaces(
      { client: [facts(client)], server: server.map(facts) },
      namespaces,
    ).keys(),
  ]

  test('a literal key, the fixed start of a template key, a refusal', () => {
    expect(required({ literals: ['bids.notice.saved', 'not a key'] })).toEqual(['bids'])
    expect(required({ prefixes: ['call.status.', 'badge '] })).toEqual(['calls'])
    expect(required({ showsRefusals: true })).toEqual(['errors'])
  })

  test("a server module's texts count, except its mail", () => {
    const literals = ['competition.error.closeInPast', 'evaluation.mail.winner']
    expect(required({}, [{ literals }])).toEqual(['competitions'])
  })
})

describe('the page translator', () => {
  const matches = [
    { id: 'root', handle: { i18n: [commonMessages] } },
    { id: 'routes/calls._index', handle: { i18n: [callsMessages] } },
  ]

  test('translates over the declared namespaces, in the language asked', () => {
    const t = pageTranslator('en', matches)
    expect(t('call.status.open')).toBe(messages.en['call.status.open'])
    expect(t('app.name')).toBe('Testarena')
    expect(pageTranslator('sv', matches)('call.weight', { weight: 40 })).toBe('Vikt 40 %')
  })

  test('refuses loudly a key no declared namespace has, instead of showing it', () => {
    const t = pageTranslator('sv', matches)
    expect(() => t('bids.notice.saved')).toThrow(/bids\.notice\.saved/)
    expect(() => pageTranslator('sv', matches.slice(0, 1))('call.status.open')).toThrow()
  })

  test('translateError translates keys and shows free text as it came', () => {
    const t = pageTranslator('en', matches)
    expect(translateError(t, 'errors.invalid')).toBe(messages.en['errors.invalid'])
    expect(translateError(t, 'Expected string, received number')).toBe(
      'Expected string, received number',
    )
  })

  test('every message key has the shape translateError recognises', () => {
    expect(Object.keys(messages.sv).filter((key) => !looksLikeMessageKey(key))).toEqual([])
  })
})
