import { type SqlBool, sql } from 'kysely'
import type { DB } from '#db/connection'
import type { AccessModel, ApplicationStatus, OfferStatus } from '#db/schema'
import type { Locale } from '~/i18n/locales'
import { now } from '~/utils/clock.server'
import {
  ftsHits,
  ftsMatchExpression,
  ftsRankable,
  ftsRowids,
  ftsWindowFull,
  likeTerms,
  LIST_COUNT_CAP,
  paged,
  outerLoop,
} from './catalogue-query.server'
import { DomainError } from './errors.server'

// The public test-bed catalogue and an offer's public page (issue 3). Read-only: every write to
// offers lives in the offers and applications models.

export const CATALOGUE_PAGE_SIZE = 20
/**
 * The catalogue counts matches up to this many and then says "1 000+" (LIST_COUNT_CAP, decision
 * 045): past this a search lists the newest first and asks for a narrower search.
 */
export const COUNT_CAP = LIST_COUNT_CAP

export type CatalogueOrder = 'relevance' | 'published' | 'added'

/** Statuses whose offer anyone may open by its address; drafts are for the host only. */
export const PUBLIC_STATUSES: OfferStatus[] = ['published', 'paused', 'closed', 'archived']
/** What the catalogue lists when asked to show more than the published offers. */
const LISTED_WITH_PAST: OfferStatus[] = ['published', 'paused', 'closed']
/** Applications that block a new one from the same company (the database's unique index). */
const LIVE_APPLICATION: ApplicationStatus[] = ['draft', 'submitted', 'accepted']

export interface CatalogueFilters {
  q?: string | undefined
  theme?: string | undefined
  county?: string | undefined
  trl?: number | undefined
  access?: AccessModel | undefined
  /** Only offers that take applications now. */
  open?: boolean | undefined
  /** Also paused and closed offers, not only published ones. */
  past?: boolean | undefined
  page?: number | undefined
}

function openNowCondition(at: number) {
  return sql<SqlBool>`(test_bed_offers.status = 'published' AND (test_bed_offers.intake = 'rolling'
    OR test_bed_offers.deadline > ${at}))`
}

/**
 * The catalogue's rows before paging: filters, search and visibility, with the search's match.
 * `ranked` joins the search's window with its bm25 rank (only when ftsRankable said so).
 */
export function catalogueQuery(db: DB, filters: CatalogueFilters, at: number, ranked = false) {
  // No joins here: the count runs on this query, and only the page of cards needs the names.
  let query = db.selectFrom('test_bed_offers')
  query =
    filters.past && !filters.open
      ? // Three statuses would need a sort of all their rows: `+status` keeps the status index out,
        // so the walk follows test_bed_offers_newest (every offer ever published) and stops at
        // the page. The list is a literal (LISTED_WITH_PAST's values are fixed words).
        query
          .where('test_bed_offers.published_at', 'is not', null)
          .where(
            sql<SqlBool>`+test_bed_offers.status IN (${sql.join(LISTED_WITH_PAST.map((s) => sql.lit(s)))})`,
          )
      : query.where('test_bed_offers.status', 'in', ['published'])
  if (filters.open) query = query.where(openNowCondition(at))
  if (filters.county) query = query.where('test_bed_offers.county_code', '=', filters.county)
  if (filters.access) query = query.where('test_bed_offers.access_model', '=', filters.access)
  if (filters.trl !== undefined) {
    query = query
      .where('test_bed_offers.trl_min', '<=', filters.trl)
      .where('test_bed_offers.trl_max', '>=', filters.trl)
  }
  const theme = filters.theme
  if (theme) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('test_bed_offer_themes')
          .select('test_bed_offer_themes.offer_id')
          .whereRef('test_bed_offer_themes.offer_id', '=', 'test_bed_offers.id')
          .where('test_bed_offer_themes.theme_code', '=', theme),
      ),
    )
  }

  const q = filters.q?.trim() ?? ''
  const match = q ? ftsMatchExpression(q) : null
  if (match) {
    // Driven by the search index's bounded window (its newest matches), which also gives bm25
    // for those rows and a cheap newest-added order.
    query = query.innerJoin(
      (ranked
        ? ftsHits(db, 'test_bed_offers_fts', match)
        : ftsRowids(db, 'test_bed_offers_fts', match)
      ).as('hits'),
      'hits.rowid',
      'test_bed_offers.id',
    )
  } else if (q) {
    // Every word is shorter than a trigram. ASCII case folding is what "AI" or "5G" need.
    const columns = ['test_bed_offers.title', 'test_bed_offers.summary']
    for (const term of likeTerms(q, columns, { foldCase: false })) query = query.where(term)
  }
  return { query, match }
}

type CatalogueQuery = ReturnType<typeof catalogueQuery>['query']

/** One page of cards: the columns a card shows, its themes and whether it takes applications. */
async function cardsOf(
  db: DB,
  query: CatalogueQuery,
  options: {
    /**
     * 'relevance' (bm25, a `ranked` query) and 'added' (newest row first, read off the index)
     * need a query that joins the search window; 'published' is the catalogue's usual newest-published order.
     */
    order: CatalogueOrder
    limit: number
    offset: number
    at: number
    locale: Locale
  },
) {
  let ordered = query
    .innerJoin('organisations as host', 'host.id', 'test_bed_offers.organisation_id')
    .innerJoin('counties', (join) =>
      join.on('counties.code', '=', outerLoop('test_bed_offers.county_code')),
    )
    .leftJoin('municipalities', 'municipalities.code', 'test_bed_offers.municipality_code')
    .select([
      'test_bed_offers.id',
      'test_bed_offers.title',
      'test_bed_offers.summary',
      'test_bed_offers.status',
      'test_bed_offers.intake',
      'test_bed_offers.deadline',
      'test_bed_offers.trl_min',
      'test_bed_offers.trl_max',
      'test_bed_offers.access_model',
      'test_bed_offers.published_at',
      'host.name as host_name',
      'host.slug as host_slug',
      'counties.name as county_name',
      'municipalities.name as municipality_name',
    ])
  if (options.order === 'relevance') ordered = ordered.orderBy(sql`hits.rank`)
  // Nothing after the index's own order, or SQLite sorts every match instead of stopping early.
  ordered =
    options.order === 'added'
      ? ordered.orderBy(sql`hits.rowid`, 'desc')
      : ordered
          .orderBy('test_bed_offers.published_at', 'desc')
          .orderBy('test_bed_offers.id', 'desc')
  const rows = await ordered.limit(options.limit).offset(options.offset).execute()
  const themes = await themesOf(
    db,
    rows.map((r) => r.id),
    options.locale,
  )
  return rows.map((r) => ({
    ...r,
    open_now: isOpenNow(r, options.at),
    themes: themes.get(r.id) ?? [],
  }))
}

/**
 * The public catalogue: published offers (and, with `past`, paused and closed ones), filtered and
 * searched, 20 a page. A search ranks by relevance (bm25) when each of its words is in fewer than
 * FTS_WINDOW offers, else lists its newest matches first; no search: the newest published first.
 */
export async function searchCatalogue(db: DB, filters: CatalogueFilters, locale: Locale) {
  const at = now()
  const q = filters.q?.trim() ?? ''
  const ranked = ftsMatchExpression(q) !== null && (await ftsRankable(db, 'test_bed_offers_fts', q))
  const { query, match } = catalogueQuery(db, filters, at, ranked)
  const { total, capped, page, pages, limit, offset } = await paged(
    db,
    query,
    filters.page,
    CATALOGUE_PAGE_SIZE,
    COUNT_CAP,
    match === null ? undefined : () => ftsWindowFull(db, 'test_bed_offers_fts', match),
  )
  const order: CatalogueOrder =
    match === null ? 'published' : ranked && !capped ? 'relevance' : 'added'
  const items = await cardsOf(db, query, { order, limit, offset, at, locale })
  return { items, total, capped, page, pages, order }
}
export type CatalogueResult = Awaited<ReturnType<typeof searchCatalogue>>
export type CatalogueItem = CatalogueResult['items'][number]

/** The newest offers that take applications now, for the home page (no count needed). */
export async function listNewestOpenOffers(db: DB, locale: Locale, limit = 3) {
  const at = now()
  const { query } = catalogueQuery(db, { open: true }, at)
  return cardsOf(db, query, { order: 'published', limit, offset: 0, at, locale })
}

export async function themesOf(db: DB, offerIds: number[], locale: Locale) {
  const byOffer = new Map<number, { code: string; name: string }[]>()
  if (offerIds.length === 0) return byOffer
  const rows = await db
    .selectFrom('test_bed_offer_themes')
    .innerJoin('themes', 'themes.code', 'test_bed_offer_themes.theme_code')
    .select(['test_bed_offer_themes.offer_id', 'themes.code', 'themes.name_sv', 'themes.name_en'])
    .where('test_bed_offer_themes.offer_id', 'in', offerIds)
    .orderBy('themes.position')
    .execute()
  for (const r of rows) {
    const list = byOffer.get(r.offer_id) ?? []
    list.push({ code: r.code, name: locale === 'en' ? r.name_en : r.name_sv })
    byOffer.set(r.offer_id, list)
  }
  return byOffer
}

function isOpenNow(
  offer: { status: OfferStatus; intake: string; deadline: number | null },
  at: number,
): boolean {
  return (
    offer.status === 'published' &&
    (offer.intake === 'rolling' || (offer.deadline !== null && offer.deadline > at))
  )
}

/** Why an offer takes no applications now; null when it does. */
export type ClosedReason = 'draft' | 'paused' | 'closed' | 'deadline_passed'

function closedReason(
  offer: { status: OfferStatus; intake: string; deadline: number | null },
  at: number,
): ClosedReason | null {
  if (isOpenNow(offer, at)) return null
  if (offer.status === 'draft') return 'draft'
  if (offer.status === 'paused') return 'paused'
  if (offer.status === 'published') return 'deadline_passed'
  return 'closed'
}

export interface CatalogueViewer {
  id: number
}

/**
 * One offer as its public page shows it, with what the viewer may do there. Drafts exist only for
 * members of the host organisation; to anyone else they, and unknown ids, are 'not_found'.
 */
export async function getPublicOffer(
  db: DB,
  offerId: number,
  viewer: CatalogueViewer | null,
  locale: Locale,
) {
  const viewerId = viewer?.id ?? -1
  const offer = await db
    .selectFrom('test_bed_offers')
    .innerJoin('organisations as host', 'host.id', 'test_bed_offers.organisation_id')
    .innerJoin('counties', (join) =>
      join.on('counties.code', '=', outerLoop('test_bed_offers.county_code')),
    )
    .leftJoin('municipalities', 'municipalities.code', 'test_bed_offers.municipality_code')
    .leftJoin('memberships as mine', (join) =>
      join.onRef('mine.organisation_id', '=', 'host.id').on('mine.user_id', '=', viewerId),
    )
    .select((eb) => [
      'test_bed_offers.id',
      'test_bed_offers.status',
      'test_bed_offers.title',
      'test_bed_offers.summary',
      'test_bed_offers.description',
      'test_bed_offers.places',
      'test_bed_offers.environments',
      'test_bed_offers.test_users',
      'test_bed_offers.test_user_count',
      'test_bed_offers.staff_time',
      'test_bed_offers.data_access',
      'test_bed_offers.premises',
      'test_bed_offers.equipment',
      'test_bed_offers.trl_min',
      'test_bed_offers.trl_max',
      'test_bed_offers.requires_ce_marking',
      'test_bed_offers.requires_dpia',
      'test_bed_offers.requires_insurance',
      'test_bed_offers.other_requirements',
      'test_bed_offers.capacity',
      'test_bed_offers.available_from',
      'test_bed_offers.available_until',
      'test_bed_offers.intake',
      'test_bed_offers.deadline',
      'test_bed_offers.access_model',
      'test_bed_offers.market_value_sek',
      'test_bed_offers.price_sek',
      'test_bed_offers.contact_role',
      'test_bed_offers.contact_email',
      'test_bed_offers.published_at',
      'test_bed_offers.closed_at',
      'host.name as host_name',
      'host.slug as host_slug',
      'counties.name as county_name',
      'municipalities.name as municipality_name',
      'mine.role as viewer_host_role',
      eb
        .selectFrom('pilots')
        .select((p) => p.fn.countAll<number>().as('n'))
        .whereRef('pilots.offer_id', '=', 'test_bed_offers.id')
        .where('pilots.status', '=', 'active')
        .as('running_pilots'),
      eb
        .selectFrom('pilot_applications')
        .select((a) => a.fn.countAll<number>().as('n'))
        .whereRef('pilot_applications.offer_id', '=', 'test_bed_offers.id')
        .where('pilot_applications.submitted_at', 'is not', null)
        .as('applications_received'),
    ])
    .where('test_bed_offers.id', '=', offerId)
    .where((eb) =>
      eb.or([
        eb('test_bed_offers.status', 'in', PUBLIC_STATUSES),
        eb('mine.user_id', 'is not', null),
      ]),
    )
    .executeTakeFirst()
  if (!offer) throw new DomainError('not_found')

  const [criteria, themes, companies] = await Promise.all([
    db
      .selectFrom('test_bed_criteria')
      .select(['id', 'position', 'title', 'description', 'kind'])
      .where('offer_id', '=', offer.id)
      .orderBy('position')
      .execute(),
    themesOf(db, [offer.id], locale),
    viewer ? viewerCompanies(db, offer.id, viewer.id) : Promise.resolve([]),
  ])
  const at = now()
  const { viewer_host_role, running_pilots, applications_received, ...rest } = offer
  return {
    ...rest,
    requires_ce_marking: offer.requires_ce_marking === 1,
    requires_dpia: offer.requires_dpia === 1,
    requires_insurance: offer.requires_insurance === 1,
    aid_sek: offer.market_value_sek - offer.price_sek,
    themes: themes.get(offer.id) ?? [],
    criteria,
    running_pilots: Number(running_pilots ?? 0),
    applications_received: Number(applications_received ?? 0),
    open_now: isOpenNow(offer, at),
    closed_reason: closedReason(offer, at),
    viewer: {
      signed_in: viewer !== null,
      is_host_member: viewer_host_role !== null,
      /** The viewer's companies, each with its live application to this offer, if any. */
      companies,
    },
  }
}
export type PublicOffer = Awaited<ReturnType<typeof getPublicOffer>>

/** The companies the user belongs to, with each one's live application to the offer. */
async function viewerCompanies(db: DB, offerId: number, userId: number) {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .leftJoin('pilot_applications as live', (join) =>
      join
        .onRef('live.company_id', '=', 'organisations.id')
        .on('live.offer_id', '=', offerId)
        .on('live.status', 'in', LIVE_APPLICATION),
    )
    .select([
      'organisations.id',
      'organisations.slug',
      'organisations.name',
      'live.id as application_id',
      'live.status as application_status',
    ])
    .where('memberships.user_id', '=', userId)
    .where('organisations.kind', '=', 'company')
    .orderBy('organisations.name')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    application:
      r.application_id !== null && r.application_status !== null
        ? { id: r.application_id, status: r.application_status }
        : null,
  }))
}
