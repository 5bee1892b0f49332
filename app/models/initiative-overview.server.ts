import type { SelectQueryBuilder } from 'kysely'
import type { DB } from '#db/connection'
import type { Database, InitiativeStatus } from '#db/schema'
import type { Locale } from '~/i18n/locales'
import { cpvPrefix } from './call-catalogue.server'
import {
  ftsMatchExpression,
  ftsRowids,
  ftsWindowFull,
  likeTerms,
  LIST_COUNT_CAP,
  paged,
} from './catalogue-query.server'
import { getCpvLabels } from './cpv.server'
import { ownersOf } from './initiative-reads.server'
import { listCounties } from './reference.server'

// The public overview of every initiative (issue 15, part 3): one set of filters — a search, a
// theme, a CPV subtree, a county, a municipality, a status, the kind of the owner or a co-owner
// and a period — shown as a list or as counts per county. The register is public (decision 027).

export const OVERVIEW_PAGE_SIZE = 20
/** The list's count stops here ("1 000+"): counting every match costs more than it helps. */
export const OVERVIEW_COUNT_CAP = LIST_COUNT_CAP

export interface OverviewFilters {
  q?: string | undefined
  theme?: string | undefined
  /** A CPV code or its leading digits: `85` matches every code 85xxxxxx. */
  cpv?: string | undefined
  county?: string | undefined
  municipality?: string | undefined
  status?: InitiativeStatus | undefined
  /** The kind of organisation that owns or co-owns (accepted) the initiative. */
  owner?: 'public_body' | 'intermediary' | undefined
  /** A period (YYYY-MM-DD): initiatives whose own period overlaps it. */
  from?: string | undefined
  to?: string | undefined
  page?: number | undefined
}

type OverviewQuery = SelectQueryBuilder<Database, 'initiatives', object>

/** The counties an initiative is about: those it names and those of the municipalities it names. */
function areas(db: DB) {
  return db
    .selectFrom('initiative_counties')
    .select(['initiative_counties.initiative_id', 'initiative_counties.county_code'])
    .union(
      db
        .selectFrom('initiative_municipalities')
        .innerJoin(
          'municipalities',
          'municipalities.code',
          'initiative_municipalities.municipality_code',
        )
        .select(['initiative_municipalities.initiative_id', 'municipalities.county_code']),
    )
}

/** Every initiative the filters let through (the county view counts these per county). */
export function overviewQuery(db: DB, filters: OverviewFilters): OverviewQuery {
  let query = db.selectFrom('initiatives')
  const q = filters.q
  if (q) {
    const match = ftsMatchExpression(q)
    if (match !== null) {
      // The search reads its newest FTS_WINDOW matches before the other filters apply.
      query = query.where('initiatives.id', 'in', ftsRowids(db, 'initiatives_fts', match))
    } else {
      const columns = ['initiatives.title', 'initiatives.summary']
      for (const term of likeTerms(q, columns, { foldCase: true })) query = query.where(term)
    }
  }
  const { theme, cpv, county, municipality, status, owner, from, to } = filters
  if (theme) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('initiative_themes')
          .select('initiative_themes.initiative_id')
          .whereRef('initiative_themes.initiative_id', '=', 'initiatives.id')
          .where('initiative_themes.theme_code', '=', theme),
      ),
    )
  }
  if (cpv) {
    // A subtree is a range of codes: the index on initiative_cpv_codes(cpv_code) serves it.
    const prefix = cpvPrefix(cpv)
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('initiative_cpv_codes')
          .select('initiative_cpv_codes.initiative_id')
          .whereRef('initiative_cpv_codes.initiative_id', '=', 'initiatives.id')
          .where('initiative_cpv_codes.cpv_code', '>=', prefix)
          .where('initiative_cpv_codes.cpv_code', '<', `${prefix}:`),
      ),
    )
  }
  if (county) {
    query = query.where('initiatives.id', 'in', (eb) =>
      eb
        .selectFrom(areas(db).as('areas'))
        .select('areas.initiative_id')
        .where('areas.county_code', '=', county),
    )
  }
  if (municipality) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('initiative_municipalities')
          .select('initiative_municipalities.initiative_id')
          .whereRef('initiative_municipalities.initiative_id', '=', 'initiatives.id')
          .where('initiative_municipalities.municipality_code', '=', municipality),
      ),
    )
  }
  if (status) query = query.where('initiatives.status', '=', status)
  if (owner) {
    query = query.where(({ or, exists, selectFrom }) =>
      or([
        exists(
          selectFrom('organisations')
            .select('organisations.id')
            .whereRef('organisations.id', '=', 'initiatives.organisation_id')
            .where('organisations.kind', '=', owner),
        ),
        exists(
          selectFrom('initiative_co_owners')
            .innerJoin('organisations', 'organisations.id', 'initiative_co_owners.organisation_id')
            .select('initiative_co_owners.initiative_id')
            .whereRef('initiative_co_owners.initiative_id', '=', 'initiatives.id')
            .where('initiative_co_owners.state', '=', 'accepted')
            .where('organisations.kind', '=', owner),
        ),
      ]),
    )
  }
  // A period overlaps when the initiative neither ends before it nor starts after it; an
  // initiative without any date is left out, one open at one end counts as open there.
  if (from || to) {
    query = query.where((eb) =>
      eb.or([
        eb('initiatives.starts_on', 'is not', null),
        eb('initiatives.ends_on', 'is not', null),
      ]),
    )
  }
  if (from) {
    query = query.where((eb) =>
      eb.or([eb('initiatives.ends_on', 'is', null), eb('initiatives.ends_on', '>=', from)]),
    )
  }
  if (to) {
    query = query.where((eb) =>
      eb.or([eb('initiatives.starts_on', 'is', null), eb('initiatives.starts_on', '<=', to)]),
    )
  }
  return query
}

/** The list view: a page of the matching initiatives, newest first, with their owners. */
export async function searchInitiatives(db: DB, filters: OverviewFilters, locale: Locale) {
  const query = overviewQuery(db, filters)
  const match = filters.q ? ftsMatchExpression(filters.q) : null
  const { total, capped, page, pages, limit, offset } = await paged(
    db,
    query,
    filters.page,
    OVERVIEW_PAGE_SIZE,
    OVERVIEW_COUNT_CAP,
    match === null ? undefined : () => ftsWindowFull(db, 'initiatives_fts', match),
  )
  const rows = await query
    .select([
      'initiatives.id',
      'initiatives.kind',
      'initiatives.title',
      'initiatives.summary',
      'initiatives.status',
      'initiatives.starts_on',
      'initiatives.ends_on',
      'initiatives.created_at',
    ])
    .orderBy('initiatives.created_at', 'desc')
    .orderBy('initiatives.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()
  const owners = await ownersOf(
    db,
    rows.map((r) => r.id),
  )
  const items = rows.map((r) => ({ ...r, owners: owners.get(r.id) ?? [] }))
  const cpvLabel = filters.cpv
    ? ((await getCpvLabels(db, [cpvPrefix(filters.cpv).padEnd(8, '0')], locale))[0] ?? null)
    : null
  return { items, total, capped, page, pages, cpvLabel }
}

/** The county view: every county (all 21, zeros included) with how many initiatives match. */
export async function countByCounty(db: DB, filters: OverviewFilters) {
  const matching = overviewQuery(db, filters).select('initiatives.id')
  const counted = await db
    .selectFrom(areas(db).as('areas'))
    .select(['areas.county_code', (eb) => eb.fn.countAll<number>().as('count')])
    .where('areas.initiative_id', 'in', matching)
    .groupBy('areas.county_code')
    .execute()
  const byCode = new Map(counted.map((c) => [c.county_code, Number(c.count)]))
  const counties = await listCounties(db)
  const [total, withoutArea] = await Promise.all([
    matching
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    overviewQuery(db, filters)
      .where('initiatives.id', 'not in', db.selectFrom(areas(db).as('a')).select('a.initiative_id'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return {
    counties: counties.map((c) => ({ code: c.code, name: c.name, count: byCode.get(c.code) ?? 0 })),
    total: Number(total.n),
    withoutArea: Number(withoutArea.n),
  }
}

/** The timeline shows at most this many initiatives: past that, filters narrow it. */
export const TIMELINE_LIMIT = 60

/**
 * The timeline view: the matching initiatives with a period (at least one date), in the order
 * they start, at most TIMELINE_LIMIT of them, and whether there were more.
 */
export async function timelineOf(db: DB, filters: OverviewFilters) {
  const rows = await overviewQuery(db, filters)
    .where((eb) =>
      eb.or([
        eb('initiatives.starts_on', 'is not', null),
        eb('initiatives.ends_on', 'is not', null),
      ]),
    )
    .select([
      'initiatives.id',
      'initiatives.title',
      'initiatives.status',
      'initiatives.starts_on',
      'initiatives.ends_on',
    ])
    .orderBy((eb) => eb.fn.coalesce('initiatives.starts_on', 'initiatives.ends_on'))
    .orderBy('initiatives.id')
    .limit(TIMELINE_LIMIT + 1)
    .execute()
  return { items: rows.slice(0, TIMELINE_LIMIT), more: rows.length > TIMELINE_LIMIT }
}
