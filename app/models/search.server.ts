import { sql } from 'kysely'
import { compareSv } from '~/i18n/format'
import type { DB } from '#db/connection'
import type { SearchDocumentsTable } from '#db/schema'
import type { Locale } from '~/i18n/locales'
import { escapeLike } from '~/models/catalogue-query.server'
import { listCounties, listThemes } from '~/models/reference.server'
import {
  fold,
  ftsExpression,
  holdsAll,
  markWords,
  parseSearchQuery,
  SEARCH_PAGE_SIZE,
  SEARCH_WINDOW,
  type SearchQuery,
  type Segment,
  snippetOf,
} from '~/utils/search-query'

// One search over every public test bed, call, reference case, organisation and initiative
// (issue 16 part 5, decision record 036). The documents and their trigram index are kept by
// triggers (migration 2026-12-07-22-search), so only public items are ever in them.
//
// Bounded work whatever the size: each kind has its own FTS5 index, read newest first and cut at
// SEARCH_WINDOW + 1 rows. Facets, the count and the page are computed over those at most
// 5 × (SEARCH_WINDOW + 1) candidates. Hits whose title holds every word come first; bm25 orders
// the kinds with at most RANKED matches (its IDF reads every match, so only where they are few);
// the rest follow newest first. Highlights are marked here, folded as the index folds.

export type SearchKind = SearchDocumentsTable['kind']
export const SEARCH_KINDS: readonly SearchKind[] = [
  'test_bed',
  'call',
  'reference',
  'organisation',
  'initiative',
]
/** A kind with at most this many matches is ordered by bm25 (cheap when the matches are few). */
export const RANKED = 200
/** Words shorter than a trigram search the titles of at most this many newest items a kind. */
const SHORT_SCAN = 5_000
/** bm25 weights of title, body and context (owner and place names). */
const WEIGHTS = sql.raw('10.0, 1.0, 3.0')

const ftsOf = (kind: SearchKind) => sql.table(`search_fts_${kind}`)

// A document's id is its kind's number × 2^40 + the source id (migration 2026-12-07-22-search).
const KIND_NUMBER: Record<SearchKind, number> = {
  test_bed: 1,
  call: 2,
  reference: 3,
  organisation: 4,
  initiative: 5,
}
const SHIFT = 2 ** 40

export interface SearchFilters {
  q?: string | undefined
  kind?: SearchKind | undefined
  theme?: string | undefined
  county?: string | undefined
  status?: string | undefined
  procedure?: string | undefined
  page?: number | undefined
}

interface Candidate {
  id: number
  kind: SearchKind
  /** The title holds every word of three letters or more. */
  inTitle: boolean
  /** bm25 where the kind had few matches (lower is better). */
  score: number
  status: string | null
  procedure: string | null
  themes: string[]
  counties: string[]
}

type FacetName = 'kind' | 'theme' | 'county' | 'status' | 'procedure'

/** LIKE tests of a column for the one- and two-letter words, in Swedish lower and upper case. */
function shortTests(column: string, words: readonly string[]) {
  return words.map((word) => {
    // LIKE folds ASCII case itself; å, ä and ö need their other case spelled out.
    const variants = /[^\p{ASCII}]/u.test(word)
      ? [...new Set([word, word.toLocaleLowerCase('sv'), word.toLocaleUpperCase('sv')])]
      : [word]
    const tests = variants.map(
      (v) => sql`${sql.ref(column)} LIKE ${`%${escapeLike(v)}%`} ESCAPE '\\'`,
    )
    return sql`(${sql.join(tests, sql` OR `)})`
  })
}

/** One kind's matches, newest first, at most SEARCH_WINDOW + 1 of them. */
function kindWindow(kind: SearchKind, query: SearchQuery, match: string | null) {
  if (match !== null) {
    // Short words narrow the index's matches by the title (within a bounded read).
    const narrowing = shortTests('d.title', query.short)
    if (narrowing.length === 0) {
      return sql<{ id: number }>`SELECT rowid AS id FROM ${ftsOf(kind)}
        WHERE ${ftsOf(kind)} MATCH ${match} ORDER BY rowid DESC LIMIT ${SEARCH_WINDOW + 1}`
    }
    return sql<{ id: number }>`
      SELECT m.id FROM (
        SELECT rowid AS id FROM ${ftsOf(kind)} WHERE ${ftsOf(kind)} MATCH ${match}
        ORDER BY rowid DESC LIMIT ${SHORT_SCAN}
      ) m JOIN search_documents d ON d.id = m.id
      WHERE ${sql.join(narrowing, sql` AND `)}
      ORDER BY m.id DESC LIMIT ${SEARCH_WINDOW + 1}`
  }
  // Only words shorter than a trigram: the titles of the newest SHORT_SCAN items of the kind
  // (a kind's ids are one range, read backwards off the primary key).
  const first = KIND_NUMBER[kind] * SHIFT
  return sql<{ id: number }>`
    SELECT n.id FROM (
      SELECT id, title FROM search_documents WHERE id BETWEEN ${first} AND ${first + SHIFT - 1}
      ORDER BY id DESC LIMIT ${SHORT_SCAN}
    ) n
    WHERE ${sql.join(shortTests('n.title', query.short), sql` AND `)}
    LIMIT ${SEARCH_WINDOW + 1}`
}

async function candidatesOf(db: DB, query: SearchQuery) {
  const match = ftsExpression(query.long)
  const windows = await Promise.all(
    SEARCH_KINDS.map(async (kind) => {
      const { rows } = await kindWindow(kind, query, match).execute(db)
      return { kind, rows: rows.slice(0, SEARCH_WINDOW), full: rows.length > SEARCH_WINDOW }
    }),
  )
  const ids = windows.flatMap((w) => w.rows.map((r) => Number(r.id)))
  // bm25 where a kind's matches are few: reading them all for the IDF is then cheap.
  const scores = new Map<number, number>()
  if (match !== null) {
    for (const w of windows) {
      if (w.rows.length === 0 || w.rows.length > RANKED) continue
      const { rows } = await sql<{ id: number; score: number }>`
        SELECT rowid AS id, bm25(${ftsOf(w.kind)}, ${WEIGHTS}) AS score FROM ${ftsOf(w.kind)}
        WHERE ${ftsOf(w.kind)} MATCH ${match} ORDER BY rowid DESC LIMIT ${RANKED}`.execute(db)
      for (const r of rows) scores.set(Number(r.id), Number(r.score))
    }
  }
  const details: Candidate[] = []
  const folded = query.long.map(fold)
  // SQLite binds up to 32 766 values: the ids go as one JSON array.
  if (ids.length > 0) {
    const rows = await db
      .selectFrom('search_documents')
      .select(['id', 'kind', 'title', 'status', 'procedure', 'themes', 'counties'])
      .where('id', 'in', sql<number>`(SELECT value FROM json_each(${JSON.stringify(ids)}))`)
      .execute()
    for (const r of rows) {
      details.push({
        id: r.id,
        kind: r.kind,
        inTitle: holdsAll(r.title, folded),
        score: scores.get(r.id) ?? 0,
        status: r.status,
        procedure: r.procedure,
        themes: JSON.parse(r.themes) as string[],
        counties: JSON.parse(r.counties) as string[],
      })
    }
  }
  const full = new Set(windows.filter((w) => w.full).map((w) => w.kind))
  return { candidates: details, full, match }
}

/** Titles holding every word first, then by bm25 where there is one, then newest first. */
function byRelevance(a: Candidate, b: Candidate): number {
  return Number(b.inTitle) - Number(a.inTitle) || a.score - b.score || b.id - a.id
}

function passes(c: Candidate, filters: SearchFilters, except?: FacetName) {
  return (
    (except === 'kind' || !filters.kind || c.kind === filters.kind) &&
    (except === 'theme' || !filters.theme || c.themes.includes(filters.theme)) &&
    (except === 'county' || !filters.county || c.counties.includes(filters.county)) &&
    (except === 'status' || !filters.status || c.status === filters.status) &&
    (except === 'procedure' || !filters.procedure || c.procedure === filters.procedure)
  )
}

/** Counts per value of one facet, over the candidates the OTHER filters let through. */
function facet(
  candidates: Candidate[],
  filters: SearchFilters,
  name: FacetName,
  valuesOf: (c: Candidate) => readonly (string | null)[],
) {
  const counts = new Map<string, number>()
  for (const c of candidates) {
    if (!passes(c, filters, name)) continue
    for (const v of new Set(valuesOf(c))) if (v) counts.set(v, (counts.get(v) ?? 0) + 1)
  }
  return counts
}

export interface SearchHit {
  kind: SearchKind
  id: number
  href: string
  title: Segment[]
  snippet: Segment[]
  owner: string
  status: string | null
  procedure: string | null
}

/** A page's hits: their names, links and highlighted title and snippet. */
async function hitsOf(db: DB, ids: number[], query: SearchQuery): Promise<SearchHit[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('search_documents as d')
    .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
    .select(['d.id', 'd.kind', 'd.source_id', 'd.title', 'd.body', 'd.status', 'd.procedure'])
    .select(['o.name as owner', 'o.slug'])
    .where('d.id', 'in', ids)
    .execute()
  const byId = new Map(rows.map((r) => [r.id, r]))
  const words = [...query.long, ...query.short]
  return ids.flatMap((id) => {
    const r = byId.get(id)
    if (!r) return []
    return [
      {
        kind: r.kind,
        id: r.source_id,
        href: hrefOf(r.kind, r.source_id, r.slug),
        title: markWords(r.title, words),
        snippet: snippetOf(r.body, words),
        owner: r.kind === 'organisation' ? '' : r.owner,
        status: r.status,
        procedure: r.procedure,
      },
    ]
  })
}

function hrefOf(kind: SearchKind, id: number, slug: string): string {
  switch (kind) {
    case 'test_bed':
      return `/test-beds/${id}`
    case 'call':
      return `/calls/${id}`
    case 'reference':
      return `/references/${id}`
    case 'organisation':
      return `/organisations/${slug}`
    case 'initiative':
      return `/initiatives/${id}`
  }
}

export interface FacetValue {
  value: string
  label: string
  count: number
  /** The count is a lower bound: the kind had more matches than were read. */
  more: boolean
}

/** The search page: the parsed query, the page of hits, the facets and the count. */
export async function search(db: DB, filters: SearchFilters, locale: Locale) {
  const query = parseSearchQuery(filters.q)
  const empty = query.long.length === 0 && query.short.length === 0
  const [themes, counties] = await Promise.all([listThemes(db, locale), listCounties(db)])
  if (empty) {
    return { query, empty, hits: [], total: 0, more: false, page: 1, pages: 1, facets: null }
  }
  const { candidates, full } = await candidatesOf(db, query)
  const shown = candidates.filter((c) => passes(c, filters)).sort(byRelevance)
  const pages = Math.max(1, Math.ceil(shown.length / SEARCH_PAGE_SIZE))
  const page = Math.min(Math.max(1, filters.page ?? 1), pages)
  const pageIds = shown
    .slice((page - 1) * SEARCH_PAGE_SIZE, page * SEARCH_PAGE_SIZE)
    .map((c) => c.id)
  const hits = await hitsOf(db, pageIds, query)
  // A kind whose window was full may hide more: its counts are shown as "N+".
  const more = shown.some((c) => full.has(c.kind))
  const themeName = new Map(themes.map((t) => [t.code, t.name]))
  const countyName = new Map(counties.map((c) => [c.code, c.name]))
  const kindCounts = facet(candidates, filters, 'kind', (c) => [c.kind])
  const facets = {
    kind: SEARCH_KINDS.filter((k) => kindCounts.has(k) || filters.kind === k).map((k) => ({
      value: k,
      label: k,
      count: kindCounts.get(k) ?? 0,
      more: full.has(k),
    })),
    theme: values(
      facet(candidates, filters, 'theme', (c) => c.themes),
      themeName,
      filters.theme,
    ),
    county: values(
      facet(candidates, filters, 'county', (c) => c.counties),
      countyName,
      filters.county,
    ),
    status: values(
      facet(candidates, filters, 'status', (c) => [c.status]),
      null,
      filters.status,
    ),
    procedure: values(
      facet(candidates, filters, 'procedure', (c) => [c.procedure]),
      null,
      filters.procedure,
    ),
  }
  return { query, empty, hits, total: shown.length, more, page, pages, facets }
}

/** A facet's values, most found first (then by name); the chosen one is kept even at zero. */
function values(
  counts: Map<string, number>,
  names: Map<string, string> | null,
  chosen: string | undefined,
): FacetValue[] {
  if (chosen && !counts.has(chosen) && (names === null || names.has(chosen))) counts.set(chosen, 0)
  return [...counts]
    .filter(([value]) => names === null || names.has(value))
    .map(([value, count]) => ({ value, label: names?.get(value) ?? value, count, more: false }))
    .sort((a, b) => b.count - a.count || compareSv(a.label, b.label))
}

export type SearchPage = Awaited<ReturnType<typeof search>>
