import type { DB } from '#db/connection'
import type { Procedure, SavedSearchItemKind } from '#db/schema'
import type { Locale } from '~/i18n/locales'
import { now } from '~/utils/clock.server'
import { foldedWords } from '~/utils/folded-words'
import { getCpvLabels } from './cpv.server'
import { DomainError, withRules } from './errors.server'
import { inTransaction } from './initiatives.server'
import { listCounties, listMunicipalities, listThemes } from './reference.server'

// A person's saved searches (issue 16 part 2, decision record 037): criteria kept as normalised
// rows (themes, CPV codes, folded words) so the matcher finds every search a new item meets in
// one query (saved-search-matching.server.ts). Only the owner reads or changes a search: anyone
// else's id is not found. The per-person limit is checked here first and by a trigger
// (migration 2026-12-07-23-saved-searches).

/** The most saved searches one person keeps (the trigger says the same). */
export const SAVED_SEARCH_LIMIT = 25

export const SAVED_SEARCH_KINDS = [
  'test_bed',
  'call',
  'initiative',
] as const satisfies readonly SavedSearchItemKind[]

export interface SavedSearchInput {
  name: string
  kinds: SavedSearchItemKind[]
  themes: string[]
  cpv_codes: string[]
  county_code: string | null
  municipality_code: string | null
  procedure: Procedure | null
  trl_min: number | null
  trl_max: number | null
  query: string
}

export interface SavedSearch extends SavedSearchInput {
  id: number
  created_at: number
  updated_at: number
}

/** What the saved-search form offers, in the reader's language. */
export async function getSavedSearchFormOptions(db: DB, locale: Locale) {
  const [themes, counties, municipalities] = await Promise.all([
    listThemes(db, locale),
    listCounties(db),
    listMunicipalities(db),
  ])
  return { themes, counties, municipalities }
}
export type SavedSearchFormOptions = Awaited<ReturnType<typeof getSavedSearchFormOptions>>

function rowValues(input: SavedSearchInput) {
  return {
    name: input.name,
    for_test_beds: input.kinds.includes('test_bed') ? 1 : 0,
    for_calls: input.kinds.includes('call') ? 1 : 0,
    for_initiatives: input.kinds.includes('initiative') ? 1 : 0,
    county_code: input.county_code,
    municipality_code: input.county_code ? input.municipality_code : null,
    procedure: input.procedure,
    trl_min: input.trl_min,
    trl_max: input.trl_max,
    query: input.query,
  }
}

/** Replaces the criteria rows of search `id` with those of `input`. */
async function writeCriteria(tx: DB, id: number, input: SavedSearchInput) {
  await tx.deleteFrom('saved_search_themes').where('saved_search_id', '=', id).execute()
  await tx.deleteFrom('saved_search_cpv_codes').where('saved_search_id', '=', id).execute()
  await tx.deleteFrom('saved_search_terms').where('saved_search_id', '=', id).execute()
  const themes = [...new Set(input.themes)]
  const codes = [...new Set(input.cpv_codes)]
  const terms = foldedWords(input.query)
  if (themes.length > 0) {
    await tx
      .insertInto('saved_search_themes')
      .values(themes.map((theme_code) => ({ saved_search_id: id, theme_code })))
      .execute()
  }
  if (codes.length > 0) {
    await tx
      .insertInto('saved_search_cpv_codes')
      .values(codes.map((cpv_code) => ({ saved_search_id: id, cpv_code })))
      .execute()
  }
  if (terms.length > 0) {
    await tx
      .insertInto('saved_search_terms')
      .values(terms.map((term) => ({ saved_search_id: id, term })))
      .execute()
  }
}

/** Saves a new search for `userId`; beyond the limit: saved_search_limit. Returns its id. */
export async function createSavedSearch(
  db: DB,
  args: { userId: number; input: SavedSearchInput },
): Promise<number> {
  return withRules(() =>
    inTransaction(db, async (tx) => {
      const { count } = await tx
        .selectFrom('saved_searches')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('user_id', '=', args.userId)
        .executeTakeFirstOrThrow()
      if (count >= SAVED_SEARCH_LIMIT) throw new DomainError('saved_search_limit')
      const at = now()
      const { id } = await tx
        .insertInto('saved_searches')
        .values({ user_id: args.userId, ...rowValues(args.input), created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow()
      await writeCriteria(tx, id, args.input)
      return id
    }),
  )
}

/** Changes the owner's search `id`; anyone else's: not_found. */
export async function updateSavedSearch(
  db: DB,
  args: { id: number; userId: number; input: SavedSearchInput },
): Promise<void> {
  await withRules(() =>
    inTransaction(db, async (tx) => {
      const updated = await tx
        .updateTable('saved_searches')
        .set({ ...rowValues(args.input), updated_at: now() })
        .where('id', '=', args.id)
        .where('user_id', '=', args.userId)
        .executeTakeFirst()
      if (Number(updated.numUpdatedRows) !== 1) throw new DomainError('not_found')
      await writeCriteria(tx, args.id, args.input)
    }),
  )
}

/** Deletes the owner's search `id` with its criteria and matches; anyone else's: not_found. */
export async function deleteSavedSearch(db: DB, args: { id: number; userId: number }) {
  await withRules(async () => {
    const deleted = await db
      .deleteFrom('saved_searches')
      .where('id', '=', args.id)
      .where('user_id', '=', args.userId)
      .executeTakeFirst()
    if (Number(deleted.numDeletedRows) !== 1) throw new DomainError('not_found')
  })
}

type Row = {
  id: number
  name: string
  for_test_beds: number
  for_calls: number
  for_initiatives: number
  county_code: string | null
  municipality_code: string | null
  procedure: Procedure | null
  trl_min: number | null
  trl_max: number | null
  query: string
  created_at: number
  updated_at: number
}

async function withCriteria(db: DB, rows: Row[]): Promise<SavedSearch[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const [themes, codes] = await Promise.all([
    db
      .selectFrom('saved_search_themes as s')
      .innerJoin('themes as t', 't.code', 's.theme_code')
      .select(['s.saved_search_id', 's.theme_code'])
      .where('s.saved_search_id', 'in', ids)
      .orderBy('t.position')
      .execute(),
    db
      .selectFrom('saved_search_cpv_codes')
      .select(['saved_search_id', 'cpv_code'])
      .where('saved_search_id', 'in', ids)
      .orderBy('cpv_code')
      .execute(),
  ])
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kinds: SAVED_SEARCH_KINDS.filter(
      (k) =>
        (k === 'test_bed' && r.for_test_beds) ||
        (k === 'call' && r.for_calls) ||
        (k === 'initiative' && r.for_initiatives),
    ),
    themes: themes.filter((t) => t.saved_search_id === r.id).map((t) => t.theme_code),
    cpv_codes: codes.filter((c) => c.saved_search_id === r.id).map((c) => c.cpv_code),
    county_code: r.county_code,
    municipality_code: r.municipality_code,
    procedure: r.procedure,
    trl_min: r.trl_min,
    trl_max: r.trl_max,
    query: r.query,
    created_at: r.created_at,
    updated_at: r.updated_at,
  }))
}

const COLUMNS = [
  'id',
  'name',
  'for_test_beds',
  'for_calls',
  'for_initiatives',
  'county_code',
  'municipality_code',
  'procedure',
  'trl_min',
  'trl_max',
  'query',
  'created_at',
  'updated_at',
] as const

/** The owner's search `id` with its criteria; anyone else's: not_found. */
export async function getSavedSearch(db: DB, id: number, userId: number): Promise<SavedSearch> {
  const row = await db
    .selectFrom('saved_searches')
    .select(COLUMNS)
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!row) throw new DomainError('not_found')
  const [search] = await withCriteria(db, [row])
  return search as SavedSearch
}

/** The search `id` of its owner as the edit form shows it, with its CPV codes' names. */
export async function getSavedSearchForEdit(db: DB, id: number, userId: number, locale: Locale) {
  const search = await getSavedSearch(db, id, userId)
  return { search, cpvLabels: await getCpvLabels(db, search.cpv_codes, locale) }
}

/** Every saved search of `userId`, newest first, with how many items each has matched. */
export async function listSavedSearches(db: DB, userId: number) {
  const rows = await db
    .selectFrom('saved_searches')
    .select(COLUMNS)
    .select((eb) =>
      eb
        .selectFrom('saved_search_matches as m')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('m.saved_search_id', '=', 'saved_searches.id')
        .as('match_count'),
    )
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .execute()
  const searches = await withCriteria(db, rows)
  return searches.map((s, i) => ({ ...s, match_count: Number(rows[i]?.match_count ?? 0) }))
}

/** The list page: the person's searches, and the names their criteria are shown with. */
export async function getSavedSearchesPage(db: DB, userId: number, locale: Locale) {
  const [searches, options] = await Promise.all([
    listSavedSearches(db, userId),
    getSavedSearchFormOptions(db, locale),
  ])
  const codes = searches.flatMap((s) => s.cpv_codes)
  const cpv = await getCpvLabels(db, codes, locale)
  const used = (codesUsed: Array<string | null>) => new Set(codesUsed.filter(Boolean))
  const themes = used(searches.flatMap((s) => s.themes))
  const counties = used(searches.map((s) => s.county_code))
  const municipalities = used(searches.map((s) => s.municipality_code))
  return {
    searches,
    limit: SAVED_SEARCH_LIMIT,
    names: {
      themes: Object.fromEntries(
        options.themes.filter((t) => themes.has(t.code)).map((t) => [t.code, t.name]),
      ),
      counties: Object.fromEntries(
        options.counties.filter((c) => counties.has(c.code)).map((c) => [c.code, c.name]),
      ),
      municipalities: Object.fromEntries(
        options.municipalities
          .filter((m) => municipalities.has(m.code))
          .map((m) => [m.code, m.short_name]),
      ),
      cpv: Object.fromEntries(cpv.map((c) => [c.code, c.label])),
    },
  }
}
