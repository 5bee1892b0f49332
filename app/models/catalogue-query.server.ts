import { type Expression, type SelectQueryBuilder, type SqlBool, sql } from 'kysely'
import type { DB } from '#db/connection'
import type { Database } from '#db/schema'

// What the public lists share (the test-bed catalogue, the call list, the reference gallery and
// the organisation directory): the search through the trigram index with its LIKE fallback, the
// count and the page. Decision 012 explains the index; a list adds its own filters and order.

/**
 * The right side of a join from a big list table to a small reference table (counties): `+` keeps
 * the list table the outer loop, read in its index's order. Otherwise SQLite may start from the
 * 21 counties through a (county_code, published_at) index and sort every row of the list
 * (0.25 s a page at 100,000 calls): `.innerJoin('counties', (j) => j.on('counties.code', '=',
 * outerLoop('calls.county_code')))`.
 */
export function outerLoop(column: string) {
  return sql<string>`+${sql.ref(column)}`
}

/** The trigram tokenizer indexes three characters at a time: shorter terms match nothing. */
const MIN_FTS_TERM = 3
const MAX_TERMS = 12

function termsOf(q: string): string[] {
  return (
    q
      // Control characters have no place in a search and NUL would cut the FTS5 query short.
      .replace(/\p{Cc}/gu, ' ')
      .split(/\s+/u)
      .filter(Boolean)
      .slice(0, MAX_TERMS)
  )
}

/**
 * A safe FTS5 MATCH expression for what a visitor typed: each term of three or more characters
 * becomes a quoted FTS5 string (inner quotes doubled), so operators (AND, NEAR, *, ^, column:)
 * are plain text, and the terms are ANDed. Null when no term is long enough.
 */
export function ftsMatchExpression(q: string): string | null {
  const terms = ftsTerms(q)
  return terms.length === 0 ? null : terms.join(' AND ')
}

/** Each term of three or more characters as its own quoted FTS5 string. */
function ftsTerms(q: string): string[] {
  return termsOf(q)
    .filter((t) => [...t].length >= MIN_FTS_TERM)
    .map((t) => `"${t.replaceAll('"', '""')}"`)
}

/** The external-content FTS5 indexes (trigram tokens); each one's rowid is its row's id. */
export type FtsTable =
  'test_bed_offers_fts' | 'calls_fts' | 'reference_cases_fts' | 'initiatives_fts'

/** `<index> MATCH <expression>`, for a query that joins the index (to rank by bm25). */
export function ftsMatches(index: FtsTable, match: string) {
  return sql<SqlBool>`${sql.table(index)} MATCH ${match}`
}

/**
 * How many rows a list counts before it says "1 000+" (decision record 045): counting every match
 * of a common word, or every row of a big table, costs more than the figure helps.
 */
export const LIST_COUNT_CAP = 1000

/**
 * How many matches a free-text search considers: the newest (highest rowid) this many. The
 * window is read off the index in rowid order and stops there, so a very common word costs no
 * more than a rare one; the filters, the count and bm25 then work on this bounded set only. One
 * more than the count cap, so a full window still shows as "1 000+".
 */
export const FTS_WINDOW = LIST_COUNT_CAP + 1

/**
 * The newest FTS_WINDOW matches of the index with their bm25 rank, as a derived table:
 * `innerJoin(ftsHits(…).as('hits'), 'hits.rowid', '<table>.id')`. bm25 reads the whole list of
 * documents of every term (to weigh it), so rank only when ftsRankable says that list is short.
 */
export function ftsHits(db: DB, index: FtsTable, match: string) {
  return db
    .selectFrom(index)
    .select([`${index}.rowid`, sql<number>`${sql.table(index)}.rank`.as('rank')])
    .where(ftsMatches(index, match))
    .orderBy(`${index}.rowid`, 'desc')
    .limit(FTS_WINDOW)
}

/** The ids of the newest FTS_WINDOW matches: `where('<table>.id', 'in', ftsRowids(…))`. */
export function ftsRowids(db: DB, index: FtsTable, match: string) {
  return db
    .selectFrom(index)
    .select(`${index}.rowid`)
    .where(ftsMatches(index, match))
    .orderBy(`${index}.rowid`, 'desc')
    .limit(FTS_WINDOW)
}

/**
 * Whether ranking by bm25 stays cheap: no term of the search is in FTS_WINDOW documents or more
 * (each term's window read, the most common first to stop early). A common word ("för", "digital")
 * makes a search list its newest matches first instead.
 */
export async function ftsRankable(db: DB, index: FtsTable, q: string): Promise<boolean> {
  for (const term of ftsTerms(q)) if (await ftsWindowFull(db, index, term)) return false
  return true
}

/**
 * Whether a search's window is full (FTS_WINDOW matches or more): the list then shows its count
 * as "N+", since the filters only saw the newest matches. Reads at most FTS_WINDOW rowids.
 */
export async function ftsWindowFull(db: DB, index: FtsTable, match: string): Promise<boolean> {
  const { n } = await db
    .selectFrom(ftsRowids(db, index, match).as('window'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(n) >= FTS_WINDOW
}

/** Escapes LIKE's wildcards so a search for "50%" means the characters "50%". */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/**
 * The search when every word is shorter than a trigram ("AI", "5G", "Åre"): one condition a
 * word, each true when one of `columns` contains it. SQLite's LIKE folds ASCII case only, so with
 * `foldCase` a word is also tried in Swedish lower and upper case (Å/Ä/Ö). With `withoutRings` a
 * word typed without å, ä or ö ("Vardkraft") also finds the name that has them: each a and o may
 * stand for any one letter.
 */
export function likeTerms(
  q: string,
  columns: readonly string[],
  options: { foldCase: boolean; withoutRings?: boolean },
): Expression<SqlBool>[] {
  return termsOf(q).map((term) => {
    const variants = options.foldCase
      ? [...new Set([term, term.toLocaleLowerCase('sv'), term.toLocaleUpperCase('sv')])]
      : [term]
    const patterns = variants.map((variant) => `%${escapeLike(variant)}%`)
    if (options.withoutRings && !/[åäöÅÄÖ]/u.test(term))
      patterns.push(`%${escapeLike(term).replace(/[aoAO]/g, '_')}%`)
    const tests = patterns.flatMap((pattern) =>
      columns.map((column) => sql`${sql.ref(column)} LIKE ${pattern} ESCAPE '\\'`),
    )
    return sql<SqlBool>`(${sql.join(tests, sql` OR `)})`
  })
}

/**
 * How many rows a list's query finds. With a cap it counts no further than `cap + 1` and says
 * whether there were more (`total` is then `cap`): counting every match of a common word costs
 * more than it helps.
 */
export async function countRows<TB extends keyof Database>(
  db: DB,
  query: SelectQueryBuilder<Database, TB, object>,
  cap?: number,
): Promise<{ total: number; capped: boolean }> {
  const counted =
    cap === undefined
      ? query.select((eb) => eb.fn.countAll<number>().as('total'))
      : db
          .selectFrom(
            query
              .select(sql`1`.as('one'))
              .limit(cap + 1)
              .as('matches'),
          )
          .select((eb) => eb.fn.countAll<number>().as('total'))
  const { total } = await counted.executeTakeFirstOrThrow()
  const found = Number(total)
  return cap !== undefined && found > cap
    ? { total: cap, capped: true }
    : { total: found, capped: false }
}

export interface PageOf {
  /** The page shown: the one asked for, kept within 1 … pages. */
  page: number
  /** At least 1, so an empty list still has its one (empty) page. */
  pages: number
  limit: number
  offset: number
}

/**
 * The capped count of a list's query and the page to show of it (countRows, then pageOf). Every
 * public list counts through here, at most `cap + 1` rows; `windowFull` (ftsWindowFull), asked only
 * below the cap, marks the count as a lower bound too. With the count capped, the last page is the cap's: OFFSET walks at
 * most `cap` rows.
 */
export async function paged<TB extends keyof Database>(
  db: DB,
  query: SelectQueryBuilder<Database, TB, object>,
  requested: number | undefined,
  pageSize: number,
  cap = LIST_COUNT_CAP,
  windowFull?: () => Promise<boolean>,
) {
  const counted = await countRows(db, query, cap)
  // Below the cap, a full search window still means there may be more matches than counted.
  const capped = counted.capped || (windowFull !== undefined && (await windowFull()))
  return { total: counted.total, capped, ...pageOf(counted.total, requested, pageSize) }
}

/** Which rows a page of `pageSize` shows, for `total` rows and the page the address asks for. */
export function pageOf(total: number, requested: number | undefined, pageSize: number): PageOf {
  const pages = Math.max(1, Math.ceil(total / pageSize))
  const page = Math.min(Math.max(1, requested ?? 1), pages)
  return { page, pages, limit: pageSize, offset: (page - 1) * pageSize }
}
