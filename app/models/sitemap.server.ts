import { sql } from 'kysely'
import type { DB } from '#db/connection'
import { PUBLICLY_VISIBLE } from './organisations.server'
import { PUBLIC_STATUSES } from './test-bed-catalogue.server'

// The sitemap (decision 039): every public page, and never a draft or anything private. Each kind
// of page is split into parts by ranges of its primary key (PART_SIZE ids a part), so a part is
// one range scan of the key, at most PART_SIZE pages (twice as many <url>s, one per language:
// under the 50,000 a sitemap may hold), and a part's address always covers the same rows.

/** Ids per part: each page is listed once per language, so a part holds at most 50,000 URLs. */
export const PART_SIZE = 25_000

/** The public lists and fixed pages, in the part `pages-0`. */
export const STATIC_PAGES = [
  '/',
  '/test-beds',
  '/calls',
  '/initiatives',
  '/events',
  '/references',
  '/competitions',
  '/organisations',
  '/search',
  '/agendas',
  '/analytics',
  '/transparency',
  '/accessibility',
] as const

const list = (values: readonly string[]) => values.map((v) => `'${v.replace(/'/g, "''")}'`).join()
const visibleOrg = `verification_status IN (${list(PUBLICLY_VISIBLE)})`

/**
 * What is public of each kind, as the public pages themselves decide it: published, paused,
 * closed and archived offers (test-bed-catalogue), every call but a draft (call-catalogue),
 * published reference cases (showcase), verified organisations and companies (organisations),
 * every initiative and every event, published or cancelled (the registers are public, decisions 027
 * and 031), a published regional agenda of a visible region (agenda-reads), every competition year.
 * Trusted constants only: nothing here comes from a request.
 */
const KINDS = {
  'test-beds': {
    from: 'test_bed_offers t',
    path: `'/test-beds/' || t.id`,
    lastmod: 't.updated_at',
    where: `t.status IN (${list(PUBLIC_STATUSES)})`,
  },
  calls: {
    from: 'calls t',
    path: `'/calls/' || t.id`,
    lastmod: 't.updated_at',
    where: `t.status <> 'draft'`,
  },
  references: {
    from: 'reference_cases t',
    path: `'/references/' || t.id`,
    lastmod: 't.updated_at',
    where: `t.status = 'published'`,
  },
  organisations: {
    from: 'organisations t',
    path: `'/organisations/' || t.slug`,
    lastmod: 't.updated_at',
    where: `t.${visibleOrg}`,
  },
  initiatives: {
    from: 'initiatives t',
    path: `'/initiatives/' || t.id`,
    lastmod: 't.updated_at',
    where: '1',
  },
  events: {
    from: 'events t',
    path: `'/events/' || t.id`,
    lastmod: 't.updated_at',
    where: '1',
  },
  agendas: {
    from: 'agendas t JOIN organisations o ON o.id = t.organisation_id',
    path: `'/organisations/' || o.slug || '/agenda'`,
    lastmod: 't.updated_at',
    where: `t.status = 'published' AND o.${visibleOrg}`,
  },
  competitions: {
    from: 'competitions t',
    path: `'/competitions/' || t.year`,
    lastmod: 'max(t.created_at, coalesce(t.judging_started_at, 0), coalesce(t.published_at, 0))',
    where: '1',
  },
} as const

export type SitemapKind = keyof typeof KINDS | 'pages'

export function isSitemapKind(value: string): value is SitemapKind {
  return value === 'pages' || Object.hasOwn(KINDS, value)
}

export interface SitemapPart {
  kind: SitemapKind
  part: number
  /** The newest change of a page in the part (Unix seconds), null when unknown. */
  lastmod: number | null
}

export interface SitemapEntry {
  path: string
  lastmod: number | null
}

/** Every non-empty part, in a fixed order (kinds as listed, parts ascending). */
export async function listSitemapParts(db: DB): Promise<SitemapPart[]> {
  const parts: SitemapPart[] = [{ kind: 'pages', part: 0, lastmod: null }]
  for (const [kind, k] of Object.entries(KINDS)) {
    const { rows } = await sql<{ part: number; lastmod: number | null }>`
      SELECT t.id / ${sql.lit(PART_SIZE)} AS part, max(${sql.raw(k.lastmod)}) AS lastmod
      FROM ${sql.raw(k.from)} WHERE ${sql.raw(k.where)}
      GROUP BY part ORDER BY part`.execute(db)
    for (const row of rows) parts.push({ kind: kind as SitemapKind, ...row })
  }
  return parts
}

/** The public pages of one part, by id; null for a part that does not exist. */
export async function sitemapEntries(
  db: DB,
  kind: SitemapKind,
  part: number,
): Promise<SitemapEntry[] | null> {
  if (kind === 'pages') {
    return part === 0 ? STATIC_PAGES.map((path) => ({ path, lastmod: null })) : null
  }
  const k = KINDS[kind]
  const { rows } = await sql<SitemapEntry>`
    SELECT ${sql.raw(k.path)} AS path, ${sql.raw(k.lastmod)} AS lastmod
    FROM ${sql.raw(k.from)}
    WHERE t.id >= ${part * PART_SIZE} AND t.id < ${(part + 1) * PART_SIZE}
      AND ${sql.raw(k.where)}
    ORDER BY t.id`.execute(db)
  return rows.length > 0 ? rows : null
}
