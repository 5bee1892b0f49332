import { sql, type SqlBool } from 'kysely'
import { z } from 'zod'
import type { DB } from '#db/connection'
import { API_BASE, badParameters, type Cursor, isoInstant, pageParams } from '~/utils/api.server'
import { getEnv } from '~/utils/env.server'

// What every resource of the read API shares (issue 17 part 5, decision record 041): absolute
// addresses, the keyset condition for a newest-first page, filter parsing (400 for unknown
// values), money and localised names. The queries themselves live in the api-*.server.ts files.

/** The public HTML page at `path`, absolute. */
export const pageUrl = (path: string) => `${getEnv().APP_ORIGIN}${path}`
/** The API resource at `path` under /api/v1, absolute. */
export const apiUrl = (path: string) => `${getEnv().APP_ORIGIN}${API_BASE}${path}`

/** Rows strictly after the cursor in a `(at DESC, id DESC)` order; SQLite serves it off the index. */
export function afterCursor(cursor: Cursor | null, at: string, id: string) {
  return cursor
    ? sql<SqlBool>`(${sql.ref(at)}, ${sql.ref(id)}) < (${cursor.at}, ${cursor.id})`
    : sql<SqlBool>`1`
}

export const money = (amount: number) => ({ amount, currency: 'SEK' as const })
export const instantOrNull = (seconds: number | null) =>
  seconds === null ? null : isoInstant(seconds)
/** A calendar date (YYYY-MM-DD, UTC) of unix seconds. */
export const dateOf = (seconds: number | null) =>
  seconds === null ? null : isoInstant(seconds).slice(0, 10)

export interface Named {
  code: string
  nameSv: string
  nameEn: string
}

/**
 * A list request's paging and filters: `filters` are validated by `schema` (unknown values → 400
 * problem naming the parameter) and codes of `counties`/`themes` must exist.
 */
export async function listParams<S extends z.ZodRawShape>(
  db: DB,
  request: Request,
  shape: S,
  options: { allowSince?: boolean } = {},
) {
  const page = pageParams(request, {
    allowSince: options.allowSince ?? false,
    known: Object.keys(shape),
  })
  const query = Object.fromEntries(new URL(request.url).searchParams)
  const parsed = z.object(shape).safeParse(query)
  const errors: { parameter: string; detail: string }[] = []
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      errors.push({ parameter: String(issue.path[0]), detail: issue.message })
  } else {
    const data = parsed.data as Record<string, unknown>
    for (const [key, table] of [
      ['county', 'counties'],
      ['theme', 'themes'],
    ] as const) {
      const code = data[key]
      if (typeof code !== 'string') continue
      const row = await db
        .selectFrom(table)
        .select('code')
        .where('code', '=', code)
        .executeTakeFirst()
      if (!row) errors.push({ parameter: key, detail: `Unknown ${key} code.` })
    }
  }
  if (errors.length || !parsed.success) throw badParameters(request, errors)
  return { ...page, filters: parsed.data as z.infer<z.ZodObject<S>> }
}

/** Filters shared by several lists. */
export const countyParam = z
  .string()
  .regex(/^\d{2}$/, 'A county code of two digits, e.g. 25 (Norrbotten).')
  .optional()
export const themeParam = z
  .string()
  .regex(/^[a-z_]{2,60}$/, 'A theme code, e.g. active_healthy_ageing.')
  .optional()
export function enumParam<T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { message: `One of: ${values.join(', ')}.` }).optional()
}

/** Themes of rows by id, in display order, from a `(owner id, theme_code)` link table. */
export async function themesByRow(
  db: DB,
  table: 'test_bed_offer_themes' | 'call_themes',
  ids: number[],
): Promise<Map<number, Named[]>> {
  const byRow = new Map<number, Named[]>()
  if (ids.length === 0) return byRow
  const owner = table === 'call_themes' ? 'call_id' : 'offer_id'
  const { rows } = await sql<{ owner: number; code: string; name_sv: string; name_en: string }>`
    SELECT ${sql.ref(`link.${owner}`)} AS owner, themes.code, themes.name_sv, themes.name_en
    FROM ${sql.table(table)} AS link JOIN themes ON themes.code = link.theme_code
    WHERE ${sql.ref(`link.${owner}`)} IN (${sql.join(ids)})
    ORDER BY themes.position`.execute(db)
  for (const r of rows) {
    const list = byRow.get(r.owner) ?? []
    list.push({ code: r.code, nameSv: r.name_sv, nameEn: r.name_en })
    byRow.set(r.owner, list)
  }
  return byRow
}
