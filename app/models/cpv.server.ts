import type { DB } from '#db/connection'
import type { Locale } from '~/i18n/locales'
import { DomainError } from './errors.server'

// The CPV 2008 list (9,454 codes, filled by the calls migration) for searching, browsing and
// naming codes. The list never changes while the server runs — a new list comes with a
// migration and a restart — so search and browsing read one copy held in memory per database
// handle, where SQLite's LIKE would not fold Å/Ä/Ö. Names are searched in one lower-cased text
// per language, so a word is found by the engine's native indexOf (well under a millisecond). Checking and naming a few chosen codes asks the database, so it works
// inside a transaction as well.

export interface CpvEntry {
  code: string
  parent: string | null
  /** In the requested language; the Swedish name where the list has no English one. */
  label: string
  /** How many codes sit directly below this one (0 for the most specific codes). */
  children: number
}

interface IndexedCode {
  code: string
  parent: string | null
  name_sv: string
  name_en: string | null
}

/**
 * Every name of one language, lower-cased with Swedish rules (so Å/Ä/Ö fold as a Swede expects)
 * and joined in code order with newlines, which no search word contains: a word found in the
 * text lies within one name.
 */
interface NameText {
  text: string
  /** Where each code's name begins in `text`, in the order of CpvIndex.all. */
  starts: number[]
}

interface CpvIndex {
  /** Every code in code order, which puts each code before everything below it. */
  all: IndexedCode[]
  names: Record<Locale, NameText>
  byCode: Map<string, IndexedCode>
  /** Children in code order; the key '' holds the divisions (the codes without a parent). */
  children: Map<string, IndexedCode[]>
}

const indexes = new WeakMap<DB, Promise<CpvIndex>>()

function fold(text: string): string {
  return text.toLocaleLowerCase('sv')
}

async function loadIndex(db: DB): Promise<CpvIndex> {
  const rows = await db
    .selectFrom('cpv_codes')
    .select(['code', 'parent', 'name_sv', 'name_en'])
    .orderBy('code')
    .execute()
  const all: IndexedCode[] = rows
  const byCode = new Map(all.map((c) => [c.code, c]))
  const children = new Map<string, IndexedCode[]>()
  for (const c of all) {
    const key = c.parent ?? ''
    const siblings = children.get(key)
    if (siblings) siblings.push(c)
    else children.set(key, [c])
  }
  const names = {
    sv: nameText(all.map((r) => r.name_sv)),
    en: nameText(all.map((r) => r.name_en ?? r.name_sv)),
  }
  return { all, names, byCode, children }
}

function nameText(names: string[]): NameText {
  const starts: number[] = []
  let at = 0
  const folded = names.map((name) => {
    const text = fold(name).replace(/\s+/gu, ' ')
    starts.push(at)
    at += text.length + 1
    return text
  })
  return { text: folded.join('\n'), starts }
}

/** The position in `starts` of the name that holds the text position `at`. */
function rowAt(starts: readonly number[], at: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if ((starts[mid] ?? 0) <= at) low = mid
    else high = mid - 1
  }
  return low
}

function getIndex(db: DB): Promise<CpvIndex> {
  let index = indexes.get(db)
  if (!index) {
    index = loadIndex(db)
    // A failed load (say, before the migration ran) is not remembered: the next call tries again.
    index.catch(() => indexes.delete(db))
    indexes.set(db, index)
  }
  return index
}

function labelOf(row: { name_sv: string; name_en: string | null }, locale: Locale): string {
  return locale === 'en' ? (row.name_en ?? row.name_sv) : row.name_sv
}

function entryOf(index: CpvIndex, row: IndexedCode, locale: Locale): CpvEntry {
  return {
    code: row.code,
    parent: row.parent,
    label: labelOf(row, locale),
    children: index.children.get(row.code)?.length ?? 0,
  }
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/** Whether `term` occurs in `text` at the start of a word. */
function startsAWord(text: string, term: string): boolean {
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
    if (at === 0 || !LETTER_OR_DIGIT.test(text[at - 1] ?? '')) return true
  }
  return false
}

export const CPV_SEARCH_LIMIT = 50
const MAX_SEARCH_LIMIT = 200
const MAX_QUERY_LENGTH = 200
const MAX_TERMS = 8

/**
 * Codes matching what someone typed, best first. Digits search by code: "72000000" or
 * "72000000-5" finds that code and then the codes below it, "7226" every code beginning with
 * 7226. Words search the names in the given language (case-insensitive, å/ä/ö included) and every
 * word must occur. The ranking: (1) the code itself, (2) codes below it or beginning with the
 * digits, (3) names that begin with the first word, (4) names where a word begins with it
 * ("äldre" in "Hjälpmedel för äldre personer"), (5) names that merely contain it ("ånga" in
 * "Solfångare"). Ties keep code order, so broader codes come before narrower ones.
 */
export async function searchCpv(
  db: DB,
  { q, locale, limit = CPV_SEARCH_LIMIT }: { q: string; locale: Locale; limit?: number },
): Promise<CpvEntry[]> {
  const query = q
    .replace(/\p{Cc}/gu, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
  const max = Math.min(Math.max(Math.trunc(limit) || 0, 0), MAX_SEARCH_LIMIT)
  if (!query || max === 0) return []
  const index = await getIndex(db)

  // "72 000 000" is a code too: people copy codes from documents that group the digits.
  const digits = /^(\d{1,8})(?:[-‐‑–]\d)?$/u.exec(query.replace(/\s+/gu, ''))?.[1]
  if (digits !== undefined) {
    const found: IndexedCode[] = []
    const exact = index.byCode.get(digits)
    if (exact) {
      // A whole code (rank 1), then the codes below it in the tree (rank 2).
      const stack = [exact]
      while (stack.length > 0 && found.length < max) {
        const c = stack.pop() as IndexedCode
        found.push(c)
        stack.push(...(index.children.get(c.code) ?? []).toReversed())
      }
    } else {
      // Code order lists each code before the codes that begin with it (rank 2).
      for (const c of index.all) {
        if (found.length >= max) break
        if (c.code.startsWith(digits)) found.push(c)
      }
    }
    return found.map((c) => entryOf(index, c, locale))
  }

  const terms = fold(query).split(/\s+/u).filter(Boolean).slice(0, MAX_TERMS)
  const first = terms[0] ?? ''
  // One list per rank, each in code order; a rank below `max` full ones no longer needs filling.
  const ranked: [IndexedCode[], IndexedCode[], IndexedCode[]] = [[], [], []]
  const [starts, wordStarts, contains] = ranked
  const { text: all, starts: rowStarts } = index.names[locale]
  // The first word's occurrences lead to the candidate names; the other words are checked there.
  let at = all.indexOf(first)
  while (at !== -1) {
    const row = rowAt(rowStarts, at)
    const begin = rowStarts[row] ?? 0
    const end = rowStarts[row + 1] ?? all.length + 1
    const text = all.slice(begin, end - 1)
    const c = index.all[row]
    if (c && terms.every((term) => text.includes(term))) {
      if (at === begin) starts.push(c)
      else if (starts.length >= max) {
        // Only names beginning with the word can still make the list.
      } else if (startsAWord(text, first)) wordStarts.push(c)
      else if (starts.length + wordStarts.length < max) contains.push(c)
    }
    at = all.indexOf(first, end)
  }
  return ranked
    .flat()
    .slice(0, max)
    .map((row) => entryOf(index, row, locale))
}

/**
 * The codes directly below `parent`, in code order; with null the 45 divisions (the top of the
 * tree). An unknown parent is not found.
 */
export async function listCpvChildren(
  db: DB,
  parent: string | null,
  locale: Locale,
): Promise<CpvEntry[]> {
  const index = await getIndex(db)
  if (parent !== null && !index.byCode.has(parent)) throw new DomainError('not_found')
  return (index.children.get(parent ?? '') ?? []).map((c) => entryOf(index, c, locale))
}

/**
 * A code and its ancestors, from the division down to the code itself: the breadcrumb of the
 * code's page. An unknown code is not found.
 */
export async function getCpvPath(db: DB, code: string, locale: Locale): Promise<CpvEntry[]> {
  const index = await getIndex(db)
  const path: CpvEntry[] = []
  let row = index.byCode.get(code)
  if (!row) throw new DomainError('not_found')
  // The tree is a few levels deep; the bound only guards against a cycle in bad data.
  while (row && path.length < 10) {
    path.unshift(entryOf(index, row, locale))
    row = row.parent === null ? undefined : index.byCode.get(row.parent)
  }
  return path
}

/** Names for chosen codes, in the order given, each once; codes not in the list are left out. */
export async function getCpvLabels(
  db: DB,
  codes: readonly string[],
  locale: Locale,
): Promise<{ code: string; label: string }[]> {
  const wanted = [...new Set(codes)]
  if (wanted.length === 0) return []
  const rows = await db
    .selectFrom('cpv_codes')
    .select(['code', 'name_sv', 'name_en'])
    .where('code', 'in', wanted)
    .execute()
  const byCode = new Map(rows.map((r) => [r.code, r]))
  return wanted.flatMap((code) => {
    const row = byCode.get(code)
    return row ? [{ code, label: labelOf(row, locale) }] : []
  })
}

/** The codes, in the order given and each once, that are not in the CPV list. */
export async function findUnknownCpv(db: DB, codes: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(codes)]
  if (wanted.length === 0) return []
  const rows = await db.selectFrom('cpv_codes').select('code').where('code', 'in', wanted).execute()
  const known = new Set(rows.map((r) => r.code))
  return wanted.filter((code) => !known.has(code))
}
