import { sql } from 'kysely'
import type { DB } from '#db/connection'
import type { SavedSearchItemKind } from '#db/schema'
import { foldedWords, MAX_WORD_LENGTH } from '~/utils/folded-words'
import { withRules } from './errors.server'
import { inTransaction } from './initiatives.server'

// Matching a new public item against every saved search (issue 16 part 2, decision record 037),
// for the notification fan-out to call outside the request that published the item. One
// set-based query over the normalised criteria:
// - kinds: the search watches the item's kind;
// - themes: none saved, or one of the item's themes;
// - CPV codes (calls and initiatives; test beds have none and ignore it): none saved, or one that
//   is the item's code or an ancestor of it — a saved code covers its whole subtree;
// - county and municipality: the item lies there; an item for a whole county (no municipality)
//   matches a search for any municipality in it; an initiative with no county is national and
//   matches every place;
// - procedure (calls only) and TRL range (test beds only: the ranges overlap);
// - words: every saved word occurs in the item's folded title, summary and description, looked up
//   as one of the substrings of the item's words (a saved word is letters and digits only, so it
//   occurs in the text exactly when it lies inside one of the text's words).
// Each match is recorded append-only in saved_search_matches, once; the new ones are returned.

export interface MatchItem {
  kind: SavedSearchItemKind
  id: number
}

interface ItemFacts {
  text: string
  themes: string[]
  cpv: string[]
  counties: string[]
  municipalities: string[]
  /** Counties the item covers whole (no municipality of it named). */
  wholeCounties: string[]
  national: boolean
  procedure: string | null
  trl: [number, number] | null
}

/** The item's facts, or null when it is not public (a draft, an unpublished offer, missing). */
async function factsOf(db: DB, item: MatchItem): Promise<ItemFacts | null> {
  if (item.kind === 'call') {
    const call = await db
      .selectFrom('calls')
      .select(['title', 'summary', 'need', 'county_code', 'municipality_code', 'procedure'])
      .where('id', '=', item.id)
      .where('status', '<>', 'draft')
      .executeTakeFirst()
    if (!call) return null
    const [themes, cpv] = await Promise.all([
      db.selectFrom('call_themes').select('theme_code').where('call_id', '=', item.id).execute(),
      db.selectFrom('call_cpv_codes').select('cpv_code').where('call_id', '=', item.id).execute(),
    ])
    return {
      text: `${call.title}\n${call.summary}\n${call.need}`,
      themes: themes.map((t) => t.theme_code),
      cpv: cpv.map((c) => c.cpv_code),
      counties: [call.county_code],
      municipalities: call.municipality_code ? [call.municipality_code] : [],
      wholeCounties: call.municipality_code ? [] : [call.county_code],
      national: false,
      procedure: call.procedure,
      trl: null,
    }
  }
  if (item.kind === 'test_bed') {
    const offer = await db
      .selectFrom('test_bed_offers')
      .select(['title', 'summary', 'description', 'county_code', 'municipality_code'])
      .select(['trl_min', 'trl_max'])
      .where('id', '=', item.id)
      .where('status', '=', 'published')
      .executeTakeFirst()
    if (!offer) return null
    const themes = await db
      .selectFrom('test_bed_offer_themes')
      .select('theme_code')
      .where('offer_id', '=', item.id)
      .execute()
    return {
      text: `${offer.title}\n${offer.summary}\n${offer.description}`,
      themes: themes.map((t) => t.theme_code),
      cpv: [],
      counties: [offer.county_code],
      municipalities: offer.municipality_code ? [offer.municipality_code] : [],
      wholeCounties: offer.municipality_code ? [] : [offer.county_code],
      national: false,
      procedure: null,
      trl: [offer.trl_min, offer.trl_max],
    }
  }
  const initiative = await db
    .selectFrom('initiatives')
    .select(['title', 'summary', 'description'])
    .where('id', '=', item.id)
    .executeTakeFirst()
  if (!initiative) return null
  const [themes, cpv, counties, municipalities] = await Promise.all([
    db
      .selectFrom('initiative_themes')
      .select('theme_code')
      .where('initiative_id', '=', item.id)
      .execute(),
    db
      .selectFrom('initiative_cpv_codes')
      .select('cpv_code')
      .where('initiative_id', '=', item.id)
      .execute(),
    db
      .selectFrom('initiative_counties')
      .select('county_code')
      .where('initiative_id', '=', item.id)
      .execute(),
    db
      .selectFrom('initiative_municipalities as im')
      .innerJoin('municipalities as m', 'm.code', 'im.municipality_code')
      .select(['im.municipality_code', 'm.county_code'])
      .where('im.initiative_id', '=', item.id)
      .execute(),
  ])
  const countyCodes = counties.map((c) => c.county_code)
  return {
    text: `${initiative.title}\n${initiative.summary}\n${initiative.description}`,
    themes: themes.map((t) => t.theme_code),
    cpv: cpv.map((c) => c.cpv_code),
    counties: countyCodes,
    municipalities: municipalities.map((m) => m.municipality_code),
    wholeCounties: countyCodes.filter((c) => !municipalities.some((m) => m.county_code === c)),
    national: countyCodes.length === 0,
    procedure: null,
    trl: null,
  }
}

/** Every substring (up to the longest saved word) of the folded words of `text`. */
export function substringsOf(text: string): string[] {
  const found = new Set<string>()
  for (const word of foldedWords(text)) {
    const chars = [...word]
    for (let start = 0; start < chars.length; start++) {
      let part = ''
      for (let end = start; end < Math.min(chars.length, start + MAX_WORD_LENGTH); end++) {
        part += chars[end]
        found.add(part)
      }
    }
  }
  return [...found]
}

const KIND_FLAG = {
  test_bed: sql.ref('s.for_test_beds'),
  call: sql.ref('s.for_calls'),
  initiative: sql.ref('s.for_initiatives'),
} as const

/**
 * Finds every saved search the public item matches, records each new match (append-only, once)
 * and returns the matches recorded now: a second call for the same item returns none. A draft,
 * an unpublished offer or a missing item matches nothing.
 */
export async function matchSavedSearches(
  db: DB,
  item: MatchItem,
): Promise<Array<{ savedSearchId: number; userId: number }>> {
  const facts = await factsOf(db, item)
  if (!facts) return []
  const json = (value: unknown) => JSON.stringify(value)
  const [trlMin, trlMax] = facts.trl ?? [0, 0]
  const candidates = await sql<{ id: number; user_id: number }>`
    WITH RECURSIVE item_cpv(code) AS (
      SELECT value FROM json_each(${json(facts.cpv)})
      UNION SELECT c.parent FROM cpv_codes c JOIN item_cpv i ON c.code = i.code
        WHERE c.parent IS NOT NULL
    )
    SELECT s.id, s.user_id FROM saved_searches s
    WHERE ${KIND_FLAG[item.kind]} = 1
      AND (s.county_code IS NULL OR ${facts.national ? 1 : 0} = 1
        OR s.county_code IN (SELECT value FROM json_each(${json(facts.counties)})))
      AND (s.municipality_code IS NULL OR ${facts.national ? 1 : 0} = 1
        OR s.municipality_code IN (SELECT value FROM json_each(${json(facts.municipalities)}))
        OR s.county_code IN (SELECT value FROM json_each(${json(facts.wholeCounties)})))
      AND (s.procedure IS NULL OR ${item.kind} <> 'call' OR s.procedure = ${facts.procedure})
      AND (s.trl_min IS NULL OR ${item.kind} <> 'test_bed'
        OR (s.trl_min <= ${trlMax} AND s.trl_max >= ${trlMin}))
      AND (NOT EXISTS (SELECT 1 FROM saved_search_themes t WHERE t.saved_search_id = s.id)
        OR EXISTS (SELECT 1 FROM saved_search_themes t WHERE t.saved_search_id = s.id
          AND t.theme_code IN (SELECT value FROM json_each(${json(facts.themes)}))))
      AND (${item.kind} = 'test_bed'
        OR NOT EXISTS (SELECT 1 FROM saved_search_cpv_codes c WHERE c.saved_search_id = s.id)
        OR EXISTS (SELECT 1 FROM saved_search_cpv_codes c WHERE c.saved_search_id = s.id
          AND c.cpv_code IN (SELECT code FROM item_cpv)))
      AND NOT EXISTS (SELECT 1 FROM saved_search_terms w WHERE w.saved_search_id = s.id
        AND w.term NOT IN (SELECT value FROM json_each(${json(substringsOf(facts.text))})))
  `.execute(db)
  if (candidates.rows.length === 0) return []
  const userOf = new Map(candidates.rows.map((r) => [r.id, r.user_id]))
  return withRules(() =>
    inTransaction(db, async (tx) => {
      const inserted = await sql<{ saved_search_id: number }>`
        INSERT INTO saved_search_matches (saved_search_id, item_kind, item_id, matched_at)
        SELECT c.value, ${item.kind}, ${item.id}, unixepoch() FROM json_each(${json([...userOf.keys()])}) c
        WHERE NOT EXISTS (SELECT 1 FROM saved_search_matches m WHERE m.saved_search_id = c.value
            AND m.item_kind = ${item.kind} AND m.item_id = ${item.id})
          AND EXISTS (SELECT 1 FROM saved_searches s WHERE s.id = c.value)
        RETURNING saved_search_id`.execute(tx)
      return inserted.rows
        .map((r) => ({ savedSearchId: r.saved_search_id, userId: userOf.get(r.saved_search_id)! }))
        .sort((a, b) => a.savedSearchId - b.savedSearchId)
    }),
  )
}

export interface RecentMatch {
  kind: SavedSearchItemKind
  id: number
  title: string
  summary: string
  /** When the item was published (an initiative: created). */
  publishedAt: number
  matchedAt: number
  /** The item's public page. */
  path: string
}

const PATHS: Record<SavedSearchItemKind, string> = {
  test_bed: '/test-beds/',
  call: '/calls/',
  initiative: '/initiatives/',
}

/**
 * The newest `limit` matches of one saved search that are still public, newest first (for the
 * search's Atom feed). The caller checks who may read the search.
 */
export async function recentMatches(
  db: DB,
  savedSearchId: number,
  limit: number,
): Promise<RecentMatch[]> {
  const max = Math.min(Math.max(Math.trunc(limit) || 0, 0), 200)
  if (max === 0) return []
  const rows = await sql<{
    item_kind: SavedSearchItemKind
    item_id: number
    matched_at: number
    title: string
    summary: string
    published_at: number
  }>`
    SELECT m.item_kind, m.item_id, m.matched_at,
      coalesce(o.title, c.title, i.title) AS title,
      coalesce(o.summary, c.summary, i.summary) AS summary,
      coalesce(o.published_at, c.published_at, i.created_at) AS published_at
    FROM saved_search_matches m
    LEFT JOIN test_bed_offers o ON m.item_kind = 'test_bed' AND o.id = m.item_id
      AND o.status <> 'draft'
    LEFT JOIN calls c ON m.item_kind = 'call' AND c.id = m.item_id AND c.status <> 'draft'
    LEFT JOIN initiatives i ON m.item_kind = 'initiative' AND i.id = m.item_id
    WHERE m.saved_search_id = ${savedSearchId}
      AND coalesce(o.id, c.id, i.id) IS NOT NULL
    ORDER BY m.matched_at DESC, m.id DESC
    LIMIT ${max}`.execute(db)
  return rows.rows.map((r) => ({
    kind: r.item_kind,
    id: r.item_id,
    title: r.title,
    summary: r.summary,
    publishedAt: r.published_at,
    matchedAt: r.matched_at,
    path: `${PATHS[r.item_kind]}${r.item_id}`,
  }))
}
