import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import ts from 'typescript'

// Static analysis for decision 025: which namespaces (files of app/i18n/messages) a route's page
// renders, read from the source of the route module and every module it imports for the browser.

const ROOT = resolve(import.meta.dirname, '../..')
const APP = join(ROOT, 'app')
const MESSAGES_DIR = join(APP, 'i18n/messages')

/** Every namespace file's name ('call-public') and its keys. */
export async function loadNamespaces(): Promise<Map<string, Set<string>>> {
  const namespaces = new Map<string, Set<string>>()
  for (const file of readdirSync(MESSAGES_DIR)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const mod = (await import(join(MESSAGES_DIR, file))) as { default: { sv: object } }
    namespaces.set(basename(file, '.ts'), new Set(Object.keys(mod.default.sv)))
  }
  return namespaces
}

export interface ModuleFacts {
  file: string
  /** Local modules it imports at run time (type-only imports are erased). */
  imports: string[]
  /** Namespace files it imports ('calls' for '~/i18n/messages/calls'). */
  namespaceImports: Map<string, string>
  /** String literals and the fixed start of template literals (`call.status.${s}` → 'call.status.'). */
  literals: string[]
  prefixes: string[]
  /** Identifiers listed in `export const handle = { i18n: [...] }`, or null without a handle. */
  handle: string[] | null
  /** It passes a model's refusal on to the page, so any 'errors.domain.*' text can show. */
  showsRefusals: boolean
  /** It imports the whole dictionary (app/i18n/messages.ts) at run time. */
  importsDictionary: boolean
}

function resolveImport(from: string, specifier: string): string | null {
  let base: string
  if (specifier.startsWith('~/')) base = join(APP, specifier.slice(2))
  else if (specifier.startsWith('.')) base = resolve(dirname(from), specifier)
  else return null
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (/\.(ts|tsx)$/.test(candidate) && existsSync(candidate)) return candidate
  }
  return null
}

function isTypeOnly(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause
  if (!clause) return false
  if (clause.isTypeOnly) return true
  if (clause.name) return false
  const bindings = clause.namedBindings
  return !!bindings && ts.isNamedImports(bindings) && bindings.elements.every((e) => e.isTypeOnly)
}

const facts = new Map<string, ModuleFacts>()

export function readModule(file: string): ModuleFacts {
  const known = facts.get(file)
  if (known) return known
  const text = readFileSync(file, 'utf8')
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const result: ModuleFacts = {
    file,
    imports: [],
    namespaceImports: new Map(),
    literals: [],
    prefixes: [],
    handle: null,
    showsRefusals: /\brefusal(Reply)?\(|\.messageKey\b/.test(text),
    importsDictionary: false,
  }
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      const spec = node.moduleSpecifier
      const typeOnly = ts.isImportDeclaration(node) ? isTypeOnly(node) : node.isTypeOnly
      if (spec && ts.isStringLiteral(spec) && !typeOnly) {
        const target = resolveImport(file, spec.text)
        if (target === join(APP, 'i18n/messages.ts')) result.importsDictionary = true
        else if (target && dirname(target) === MESSAGES_DIR) {
          const local = ts.isImportDeclaration(node) ? node.importClause?.name?.text : undefined
          if (local) result.namespaceImports.set(local, basename(target, '.ts'))
        } else if (target) result.imports.push(target)
      }
      return
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      result.literals.push(node.text)
    } else if (ts.isTemplateExpression(node)) {
      result.prefixes.push(node.head.text)
    } else if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === 'handle' &&
      node.initializer &&
      ts.isObjectLiteralExpression(node.initializer)
    ) {
      const list = node.initializer.properties.find(
        (p): p is ts.PropertyAssignment =>
          ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'i18n',
      )?.initializer
      result.handle =
        list && ts.isArrayLiteralExpression(list)
          ? list.elements.filter(ts.isIdentifier).map((e) => e.text)
          : []
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  facts.set(file, result)
  return result
}

/**
 * The modules a route's page runs in the browser: the route module and everything it imports,
 * except server modules. The server modules the route imports itself are listed apart: their
 * texts can reach the page as loader or action data.
 */
export function pageModules(entry: string): { client: ModuleFacts[]; server: ModuleFacts[] } {
  const client = new Map<string, ModuleFacts>()
  const server = new Map<string, ModuleFacts>()
  const queue = [entry]
  while (queue.length > 0) {
    const file = queue.pop() as string
    if (client.has(file)) continue
    const mod = readModule(file)
    client.set(file, mod)
    for (const target of mod.imports) {
      if (!/\.server\.tsx?$/.test(target)) queue.push(target)
      else if (file === entry) server.set(target, readModule(target))
    }
  }
  return { client: [...client.values()], server: [...server.values()] }
}

/** Mail is written on the server: its texts never reach a page. */
function isMailKey(key: string): boolean {
  return key.split('.').some((part) => part.startsWith('mail'))
}

/** The namespaces whose texts the modules can render. */
export function requiredNamespaces(
  modules: { client: ModuleFacts[]; server: ModuleFacts[] },
  namespaces: Map<string, Set<string>>,
): Map<string, string> {
  const required = new Map<string, string>()
  const need = (predicate: (key: string) => boolean, why: string) => {
    for (const [name, keys] of namespaces) {
      if (required.has(name)) continue
      for (const key of keys) {
        if (predicate(key)) {
          required.set(name, `${why} (${key})`)
          break
        }
      }
    }
  }
  const all = [
    ...modules.client.map((m) => ({ m, server: false })),
    ...modules.server.map((m) => ({ m, server: true })),
  ]
  for (const { m, server } of all) {
    const where = m.file.slice(ROOT.length + 1)
    for (const literal of new Set(m.literals)) {
      if (server && isMailKey(literal)) continue
      need((key) => key === literal, where)
      if (literal.endsWith('.')) need((key) => key.startsWith(literal), where)
    }
    if (server) continue
    for (const prefix of new Set(m.prefixes)) {
      if (prefix.includes('.')) need((key) => key.startsWith(prefix), where)
    }
    if (m.showsRefusals) need((key) => key.startsWith('errors.domain.'), `${where} shows refusals`)
  }
  return required
}

/** Every route module (app/routes/<name>/route.tsx) and the root. */
export function routeEntries(): { id: string; file: string }[] {
  const routes = readdirSync(join(APP, 'routes'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ id: d.name, file: join(APP, 'routes', d.name, 'route.tsx') }))
    .filter((r) => existsSync(r.file))
  return [{ id: 'root', file: join(APP, 'root.tsx') }, ...routes]
}

/** The namespace files a route module's handle declares. */
export function declaredNamespaces(route: ModuleFacts): string[] {
  return (route.handle ?? []).map((name) => route.namespaceImports.get(name) ?? `?${name}`)
}
