import { sql } from 'kysely'
import type { DB } from '#db/connection'
import type { SearchDocumentsTable } from '#db/schema'
import type { Locale } from '~/i18n/locales'
import { escapeLike } from '~/models/catalogue-query.server'
import { listCounties, listThemes } from '~/models/reference.server'
import {
  ftsExpression,
  MARK_END,
  MARK_START,
  markWords,
  parseSearchQuery,
  type SearchQuery,
  type Segment,
  segmentsOf,
} from '~/utils/search-query'

// One search over every public test bed, call, reference case, organisation and initiative
// (issue 16 part 5, decision record 036). The documents and their trigram index are kept by
// triggers (migration 2026-12-07-22-search), so only public items are ever in them.
//
// Bounded work whatever the size: each kind is one FTS5 query over its own rowid range, read
// newest first and cut at WINDOW + 1 rows, ranked by bm25 within that window. Facets, the count
// and the page are computed over those at most 5 × (WINDOW + 1) candidates.

export type SearchKind = SearchDocumentsTable['kind']
export const SEARCH_KINDS: readonly SearchKind[] = [
  'test_bed',
  'call',
  'reference',
  'organisation',
  'initiative',
]
const KIND_NUMBER: Record<SearchKind, number> = {
  test_bed: 1,
  call: 2,
  reference: 3,
  organisation: 4,
  initiative: 5,
}
const SHIFT = 2 ** 40

/** Matches read per kind; more are counted as "1 000+" and the newest 1 000 are ranked. */
export const SEARCH_WINDOW = 1000
export const SEARCH_PAGE_SIZE = 20
/** bm25 weights of title, body and context (owner and place names). */
const WEIGHTS = sql.raw('10.0, 1.0, 3.0')

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
  score: number
  kind: SearchKind
  status: string | null
  procedure: string | null
  themes: string[]
  counties: string[]
}

type FacetName = 'kind' | 'theme' | 'county' | 'status' | 'procedure'

function rangeOf(kind: SearchKind): [number, number] {
  const n = KIND_NUMBER[kind]
  return [n * SHIFT, (n + 1) * SHIFT - 1]
}

/** One kind's matches, newest first, at most WINDOW + 1 of them. */
function kindWindow(db: DB, kind: SearchKind, query: SearchQuery, match: string | null) {
  const [lo, hi] = rangeOf(kind)
  const shortTests = (column: string) =>
    query.short.map((word) => {
      const variants = [
        ...new Set([word, word.toLocaleLowerCase('sv'), word.toLocaleUpperCase('sv')]),
      ]
      const tests = variants.map(
        (v) => sql`${sql.ref(column)} LIKE ${`%${escapeLike(v)}%`} ESCAPE '\\'`,
      )
      return sql`(${sql.join(tests, sql` OR `)})`
    })
  if (match !== null) {
    // Short words narrow the index's matches by the title (bounded by the window).
    const narrowing = shortTests('d.title')
    return sql<{ id: number; score: number }>`
      SELECT m.id, m.score FROM (
        SELECT rowid AS id, bm25(search_fts, ${WEIGHTS}) AS score FROM search_fts
        WHERE search_fts MATCH ${match} AND rowid BETWEEN ${lo} AND ${hi}
        ORDER BY rowid DESC LIMIT ${narrowing.length ? SEARCH_WINDOW * 5 : SEARCH_WINDOW + 1}
      ) m JOIN search_documents d ON d.id = m.id
      ${narrowing.length ? sql`WHERE ${sql.join(narrowing, sql` AND `)}` : sql``}
      LIMIT ${SEARCH_WINDOW + 1}`
  }
  // Only words shorter than a trigram: the titles, newest first, read no further than needed.
  return sql<{ id: number; score: number }>`
    SELECT d.id, 0 AS score FROM search_documents d
    WHERE d.id BETWEEN ${lo} AND ${hi} AND ${sql.join(shortTests('d.title'), sql` AND `)}
    ORDER BY d.id DESC LIMIT ${SEARCH_WINDOW + 1}`
}

async function candidatesOf(db: DB, query: SearchQuery) {
  const match = ftsExpression(query.long)
  const windows = await Promise.all(
    SEARCH_KINDS.map(async (kind) => {
      const { rows } = await kindWindow(db, kind, query, match).execute(db)
      return { kind, rows: rows.slice(0, SEARCH_WINDOW), full: rows.length > SEARCH_WINDOW }
    }),
  )
  const scores = new Map<number, number>()
  for (const w of windows) for (const r of w.rows) scores.set(Number(r.id), Number(r.score))
  const ids = [...scores.keys()]
  const details: Candidate[] = []
  // SQLite binds up to 32 766 values: the ids go as one JSON array.
  if (ids.length > 0) {
    const rows = await db
      .selectFrom('search_documents')
      .select(['id', 'kind', 'status', 'procedure', 'themes', 'counties'])
      .where('id', 'in', sql<number>`(SELECT value FROM json_each(${JSON.stringify(ids)}))`)
      .execute()
    for (const r of rows) {
      details.push({
        id: r.id,
        score: scores.get(r.id) ?? 0,
        kind: r.kind,
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
async function hitsOf(
  db: DB,
  ids: number[],
  query: SearchQuery,
  match: string | null,
): Promise<SearchHit[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('search_documents as d')
    .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
    .select(['d.id', 'd.kind', 'd.source_id', 'd.title', 'd.body', 'd.status', 'd.procedure'])
    .select(['o.name as owner', 'o.slug'])
    .where('d.id', 'in', ids)
    .execute()
  const marked = new Map<number, { title: string; snippet: string }>()
  if (match !== null) {
    const { rows: highlighted } = await sql<{ id: number; title: string; snippet: string }>`
      SELECT rowid AS id,
        highlight(search_fts, 0, ${MARK_START}, ${MARK_END}) AS title,
        snippet(search_fts, 1, ${MARK_START}, ${MARK_END}, '…', 24) AS snippet
      FROM search_fts WHERE search_fts MATCH ${match}
        AND rowid IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`.execute(db)
    for (const h of highlighted) marked.set(Number(h.id), h)
  }
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => {
    const r = byId.get(id)
    if (!r) return []
    const m = marked.get(id)
    const excerpt = [...r.body.replace(/\s+/gu, ' ')].slice(0, 200).join('')
    const shortMarks = (text: string) => markWords(text, query.short)
    return [
      {
        kind: r.kind,
        id: r.source_id,
        href: hrefOf(r.kind, r.source_id, r.slug),
        title: m ? segmentsOf(m.title) : shortMarks(r.title),
        snippet: m ? segmentsOf(m.snippet) : shortMarks(excerpt),
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
  const { candidates, full, match } = await candidatesOf(db, query)
  const shown = candidates
    .filter((c) => passes(c, filters))
    .sort((a, b) => a.score - b.score || b.id - a.id)
  const pages = Math.max(1, Math.ceil(shown.length / SEARCH_PAGE_SIZE))
  const page = Math.min(Math.max(1, filters.page ?? 1), pages)
  const pageIds = shown
    .slice((page - 1) * SEARCH_PAGE_SIZE, page * SEARCH_PAGE_SIZE)
    .map((c) => c.id)
  const hits = await hitsOf(db, pageIds, query, match)
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
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'sv'))
}

export type SearchPage = Awaited<ReturnType<typeof search>>
