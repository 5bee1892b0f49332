import { type SqlBool, sql } from 'kysely'
import type { DB } from '#db/connection'
import type { CompetitionPlacement, OfferStatus, SizeClass } from '#db/schema'
import type { ReferenceCardData } from '~/components/reference-card'
import type { Locale } from '~/i18n/locales'
import { shownCallStatus } from '~/utils/call-status'
import { now } from '~/utils/clock.server'
import { parseStockholmDate } from '~/utils/stockholm-time'
import {
  ftsMatchExpression,
  ftsRowids,
  ftsWindowFull,
  likeTerms,
  countRows,
  LIST_COUNT_CAP,
  paged,
  outerLoop,
} from './catalogue-query.server'
import { DomainError } from './errors.server'
import { parseResults } from './reference-cases.server'

// The public side of reference cases (issue 5): the gallery with its filters and search, a
// company's reference portfolio, what a public body stands behind, and the home page's newest
// cases. Read-only, and only ever published cases: drafts and withdrawn cases are for the parties.

export const REFERENCE_PAGE_SIZE = 12

export interface ReferenceFilters {
  q?: string | undefined
  theme?: string | undefined
  county?: string | undefined
  /** The public body's slug. */
  publicBody?: string | undefined
  /** The company's slug. */
  company?: string | undefined
  size?: SizeClass | undefined
  /** The Stockholm calendar year the case was first published. */
  year?: number | undefined
  page?: number | undefined
}

/**
 * The Stockholm calendar year of a stamp, in SQL. New Year is always in winter time (UTC+1), so
 * one hour's shift is exact at the only boundary that matters.
 */
export const stockholmYear = (column: string) =>
  sql<string>`strftime('%Y', ${sql.ref(column)} + 3600, 'unixepoch')`

/** The published reference cases, to select from. */
export function publishedCases(db: DB) {
  return db.selectFrom('reference_cases').where('reference_cases.status', '=', 'published')
}
type CaseQuery = ReturnType<typeof publishedCases>

/**
 * A case's county is where its source took place: the test-bed offer's county for a pilot, the
 * call's for an award, and the public body's only if neither says.
 */
export const sourceCounty = sql<string>`coalesce(
  (SELECT o.county_code FROM pilots p JOIN test_bed_offers o ON o.id = p.offer_id
    WHERE p.id = reference_cases.pilot_id),
  (SELECT c.county_code FROM calls c WHERE c.id = reference_cases.call_id),
  (SELECT b.county_code FROM organisations b WHERE b.id = reference_cases.public_body_id))`

/** What a search looks in when every word is too short for the index. */
const CASE_TEXT = [
  'reference_cases.title_sv',
  'reference_cases.summary_sv',
  'reference_cases.title_en',
  'reference_cases.summary_en',
]

export function filtered(db: DB, filters: ReferenceFilters): CaseQuery {
  let query = publishedCases(db)
  const theme = filters.theme
  if (theme) {
    // Themes come from the source: the pilot's offer or the call.
    query = query.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('pilots')
            .innerJoin('test_bed_offer_themes', 'test_bed_offer_themes.offer_id', 'pilots.offer_id')
            .select('pilots.id')
            .whereRef('pilots.id', '=', 'reference_cases.pilot_id')
            .where('test_bed_offer_themes.theme_code', '=', theme),
        ),
        eb.exists(
          eb
            .selectFrom('call_themes')
            .select('call_themes.call_id')
            .whereRef('call_themes.call_id', '=', 'reference_cases.call_id')
            .where('call_themes.theme_code', '=', theme),
        ),
      ]),
    )
  }
  if (filters.county) query = query.where(sql<SqlBool>`${sourceCounty} = ${filters.county}`)
  const publicBody = filters.publicBody
  if (publicBody) {
    query = query.where('reference_cases.public_body_id', 'in', (eb) =>
      eb.selectFrom('organisations').select('id').where('slug', '=', publicBody),
    )
  }
  const company = filters.company
  if (company) {
    query = query.where('reference_cases.company_id', 'in', (eb) =>
      eb.selectFrom('organisations').select('id').where('slug', '=', company),
    )
  }
  const size = filters.size
  if (size) {
    query = query.where('reference_cases.company_id', 'in', (eb) =>
      eb.selectFrom('organisations').select('id').where('size_class', '=', size),
    )
  }
  if (filters.year !== undefined) {
    const from = parseStockholmDate(`${filters.year}-01-01`)
    const to = parseStockholmDate(`${filters.year + 1}-01-01`)
    if (from !== null && to !== null) {
      query = query
        .where('reference_cases.first_published_at', '>=', from)
        .where('reference_cases.first_published_at', '<', to)
    }
  }
  const q = filters.q?.trim() ?? ''
  const match = q ? ftsMatchExpression(q) : null
  if (match) {
    query = query.where('reference_cases.id', 'in', ftsRowids(db, 'reference_cases_fts', match))
  } else if (q) {
    // Every word is shorter than a trigram ("AI", "5G", "Åre"): LIKE on titles and summaries.
    for (const term of likeTerms(q, CASE_TEXT, { foldCase: true })) query = query.where(term)
  }
  return query
}

/** Cards for a query of published cases: newest first, with names, first result and themes. */
async function cardsOf(
  db: DB,
  query: CaseQuery,
  options: { limit: number; offset: number; locale: Locale },
): Promise<ReferenceCardData[]> {
  const rows = await query
    .innerJoin('organisations as pb', 'pb.id', 'reference_cases.public_body_id')
    .innerJoin('organisations as co', 'co.id', 'reference_cases.company_id')
    .select([
      'reference_cases.id',
      'reference_cases.pilot_id',
      'reference_cases.call_id',
      'reference_cases.title_sv',
      'reference_cases.title_en',
      'reference_cases.summary_sv',
      'reference_cases.summary_en',
      'reference_cases.started_on',
      'reference_cases.ended_on',
      'reference_cases.results_json',
      'reference_cases.first_published_at',
      'pb.name as public_body_name',
      'pb.slug as public_body_slug',
      'co.name as company_name',
      'co.slug as company_slug',
      'co.size_class as company_size_class',
    ])
    .orderBy('reference_cases.first_published_at', 'desc')
    .orderBy('reference_cases.id', 'desc')
    .limit(options.limit)
    .offset(options.offset)
    .execute()
  const themes = await themesOf(db, rows, options.locale)
  return rows.map((r) => ({
    id: r.id,
    firstPublishedAt: r.first_published_at,
    titleSv: r.title_sv,
    titleEn: r.title_en,
    summarySv: r.summary_sv,
    summaryEn: r.summary_en,
    publicBodyName: r.public_body_name,
    publicBodySlug: r.public_body_slug,
    companyName: r.company_name,
    companySlug: r.company_slug,
    companySizeClass: r.company_size_class,
    startedOn: r.started_on,
    endedOn: r.ended_on,
    firstResult: parseResults(r.results_json)[0] ?? null,
    themes: themes.get(r.id) ?? [],
  }))
}

/** Each case's themes, from its source (the pilot's offer or the call), in display order. */
export async function themesOf(
  db: DB,
  rows: { id: number; pilot_id: number | null; call_id: number | null }[],
  locale: Locale,
) {
  const byCase = new Map<number, { code: string; name: string }[]>()
  const ids = rows.map((r) => r.id)
  if (ids.length === 0) return byCase
  const [fromPilots, fromCalls] = await Promise.all([
    db
      .selectFrom('reference_cases')
      .innerJoin('pilots', 'pilots.id', 'reference_cases.pilot_id')
      .innerJoin('test_bed_offer_themes', 'test_bed_offer_themes.offer_id', 'pilots.offer_id')
      .innerJoin('themes', 'themes.code', 'test_bed_offer_themes.theme_code')
      .select([
        'reference_cases.id as case_id',
        'themes.code',
        'themes.name_sv',
        'themes.name_en',
        'themes.position',
      ])
      .where('reference_cases.id', 'in', ids)
      .execute(),
    db
      .selectFrom('reference_cases')
      .innerJoin('call_themes', 'call_themes.call_id', 'reference_cases.call_id')
      .innerJoin('themes', 'themes.code', 'call_themes.theme_code')
      .select([
        'reference_cases.id as case_id',
        'themes.code',
        'themes.name_sv',
        'themes.name_en',
        'themes.position',
      ])
      .where('reference_cases.id', 'in', ids)
      .execute(),
  ])
  const all = [...fromPilots, ...fromCalls].sort((a, b) => a.position - b.position)
  for (const r of all) {
    const list = byCase.get(r.case_id) ?? []
    list.push({ code: r.code, name: locale === 'en' ? r.name_en : r.name_sv })
    byCase.set(r.case_id, list)
  }
  return byCase
}

/** The gallery: published cases, filtered and searched, newest first, a page at a time. */
export async function searchReferences(db: DB, filters: ReferenceFilters, locale: Locale) {
  const query = filtered(db, filters)
  const match = ftsMatchExpression(filters.q?.trim() ?? '')
  const { total, capped, page, pages, limit, offset } = await paged(
    db,
    query,
    filters.page,
    REFERENCE_PAGE_SIZE,
    undefined,
    match === null ? undefined : () => ftsWindowFull(db, 'reference_cases_fts', match),
  )
  const items = await cardsOf(db, query, { limit, offset, locale })
  return { items, total, capped, page, pages }
}
export type ReferenceSearchResult = Awaited<ReturnType<typeof searchReferences>>

/** The newest published cases, for the home page. */
export async function listNewestReferences(db: DB, locale: Locale, limit = 3) {
  return cardsOf(db, publishedCases(db), { limit, offset: 0, locale })
}

// ---------------------------------------------------------------------------------------------
// Organisations

/** A company's published cases, newest first (its profile page). */
export async function listCompanyReferences(db: DB, companyId: number, locale: Locale) {
  return cardsOf(db, publishedCases(db).where('reference_cases.company_id', '=', companyId), {
    limit: 100,
    offset: 0,
    locale,
  })
}

/**
 * A company's reference portfolio: its published cases, the pilots it completed, the contracts it
 * won and its good-example placements. Only what is public anyway: offer titles, hosts and
 * periods, call titles, buyers and decision dates. A public body or an unknown slug is
 * 'not_found'.
 */
export async function getCompanyPortfolio(db: DB, slug: string, locale: Locale) {
  const company = await db
    .selectFrom('organisations')
    .innerJoin('counties', (join) =>
      join.on('counties.code', '=', outerLoop('organisations.county_code')),
    )
    .leftJoin('municipalities', 'municipalities.code', 'organisations.municipality_code')
    .select([
      'organisations.id',
      'organisations.slug',
      'organisations.name',
      'organisations.size_class',
      'organisations.website',
      'organisations.description',
      'counties.name as county_name',
      'municipalities.name as municipality_name',
    ])
    .where('organisations.slug', '=', slug)
    .where('organisations.kind', '=', 'company')
    .executeTakeFirst()
  if (!company) throw new DomainError('not_found')

  const [references, pilots, awards, placements] = await Promise.all([
    listCompanyReferences(db, company.id, locale),
    db
      .selectFrom('pilots')
      .innerJoin('test_bed_offers as offer', 'offer.id', 'pilots.offer_id')
      .innerJoin('organisations as host', 'host.id', 'pilots.host_id')
      .select([
        'pilots.id',
        'pilots.starts_on',
        'pilots.ends_on',
        'pilots.completed_at',
        'offer.id as offer_id',
        'offer.title as offer_title',
        'host.name as host_name',
        'host.slug as host_slug',
      ])
      .where('pilots.company_id', '=', company.id)
      .where('pilots.status', '=', 'completed')
      .orderBy('pilots.ends_on', 'desc')
      .orderBy('pilots.id', 'desc')
      .execute(),
    db
      .selectFrom('call_awards')
      .innerJoin('bids', 'bids.id', 'call_awards.bid_id')
      .innerJoin('calls', 'calls.id', 'call_awards.call_id')
      .innerJoin('organisations as buyer', 'buyer.id', 'calls.organisation_id')
      .select([
        'calls.id as call_id',
        'calls.title',
        'calls.decided_at',
        'calls.contract_signed_at',
        'buyer.name as buyer_name',
        'buyer.slug as buyer_slug',
      ])
      .where('bids.company_id', '=', company.id)
      .where('calls.status', '=', 'awarded')
      .orderBy('calls.decided_at', 'desc')
      .orderBy('calls.id', 'desc')
      .execute(),
    db
      .selectFrom('competition_results')
      .innerJoin(
        'competition_nominations',
        'competition_nominations.id',
        'competition_results.nomination_id',
      )
      .innerJoin(
        'competition_categories',
        'competition_categories.id',
        'competition_results.category_id',
      )
      .innerJoin('competitions', 'competitions.id', 'competition_categories.competition_id')
      .innerJoin('reference_cases', 'reference_cases.id', 'competition_nominations.reference_id')
      .select([
        'competitions.year',
        'competition_categories.name_sv',
        'competition_categories.name_en',
        'competition_categories.position',
        'competition_results.placement',
        'reference_cases.id as reference_id',
        'reference_cases.title_sv',
        'reference_cases.title_en',
      ])
      .where('reference_cases.company_id', '=', company.id)
      .where('reference_cases.status', '=', 'published')
      .where('competitions.status', '=', 'published')
      .orderBy('competitions.year', 'desc')
      .orderBy('competition_categories.position')
      .execute(),
  ])
  const placementOrder: Record<CompetitionPlacement, number> = {
    winner: 0,
    honourable_mention: 1,
  }
  return {
    company,
    references,
    pilots,
    awards: awards.map(({ contract_signed_at, ...a }) => ({
      ...a,
      contract_signed: contract_signed_at !== null,
    })),
    placements: placements
      .sort(
        (a, b) =>
          b.year - a.year ||
          placementOrder[a.placement] - placementOrder[b.placement] ||
          a.position - b.position,
      )
      .map((p) => ({
        year: p.year,
        category: locale === 'en' ? p.name_en : p.name_sv,
        placement: p.placement,
        referenceId: p.reference_id,
        titleSv: p.title_sv,
        titleEn: p.title_en,
      })),
  }
}
export type CompanyPortfolio = Awaited<ReturnType<typeof getCompanyPortfolio>>

/** How many of each list a public body's profile shows before pointing elsewhere. */
export const PROFILE_LIST_SIZE = 5

const PROFILE_OFFER_STATUSES: OfferStatus[] = ['published', 'paused']

/**
 * What a public body's profile shows: the published cases it stands behind, its published and
 * paused test-bed offers and its calls past the draft stage (newest first, five of each, with
 * how many there are in all, counted up to LIST_COUNT_CAP).
 */
export async function getPublicBodyShowcase(db: DB, orgId: number, locale: Locale) {
  const at = now()
  const offersQuery = db
    .selectFrom('test_bed_offers')
    .where('test_bed_offers.organisation_id', '=', orgId)
    .where('test_bed_offers.status', 'in', PROFILE_OFFER_STATUSES)
  const callsQuery = db
    .selectFrom('calls')
    .where('calls.organisation_id', '=', orgId)
    .where('calls.status', '<>', 'draft')
  const casesQuery = publishedCases(db).where('reference_cases.public_body_id', '=', orgId)
  const [references, referenceCount, offers, offerCount, calls, callCount] = await Promise.all([
    cardsOf(db, casesQuery, { limit: PROFILE_LIST_SIZE, offset: 0, locale }),
    countRows(db, casesQuery, LIST_COUNT_CAP),
    offersQuery
      .select([
        'test_bed_offers.id',
        'test_bed_offers.title',
        'test_bed_offers.status',
        'test_bed_offers.published_at',
      ])
      .orderBy('test_bed_offers.published_at', 'desc')
      .orderBy('test_bed_offers.id', 'desc')
      .limit(PROFILE_LIST_SIZE)
      .execute(),
    countRows(db, offersQuery, LIST_COUNT_CAP),
    callsQuery
      .select([
        'calls.id',
        'calls.title',
        'calls.status',
        'calls.tender_deadline',
        'calls.published_at',
      ])
      .orderBy('calls.published_at', 'desc')
      .orderBy('calls.id', 'desc')
      .limit(PROFILE_LIST_SIZE)
      .execute(),
    countRows(db, callsQuery, LIST_COUNT_CAP),
  ])
  return {
    references,
    referenceCount,
    offers,
    offerCount,
    calls: calls.map((c) => ({
      id: c.id,
      title: c.title,
      published_at: c.published_at,
      shown_status: shownCallStatus(c, at),
    })),
    callCount,
  }
}
export type PublicBodyShowcase = Awaited<ReturnType<typeof getPublicBodyShowcase>>
