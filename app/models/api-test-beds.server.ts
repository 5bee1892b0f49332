import { outerLoop } from './catalogue-query.server'
import { sql, type SqlBool } from 'kysely'
import type { DB } from '#db/connection'
import type { AccessModel, Intake } from '#db/schema'
import { type Cursor, isoInstant } from '~/utils/api.server'
import { now } from '~/utils/clock.server'
import {
  afterCursor,
  apiUrl,
  dateOf,
  instantOrNull,
  money,
  pageUrl,
  themesByRow,
} from './api-shared.server'
import { PUBLIC_STATUSES } from './test-bed-catalogue.server'

// Test-bed offers in the read API (issue 17 parts 5 and 7, decision record 041): every offer
// anyone may open by its address (PUBLIC_STATUSES; drafts never), in a documented shape that also
// carries the fields service catalogues such as the EOSC service profile use: provider, access
// mode, TRL, pricing model and contact point.

export const OFFER_STATUS_FILTERS = ['published', 'paused', 'closed', 'archived'] as const
export const ACCESS_MODES = ['rounds', 'continuous'] as const
export const PRICING_MODELS = ['free', 'subsidised', 'paid'] as const

export interface TestBedFilters {
  county?: string | undefined
  theme?: string | undefined
  status?: (typeof OFFER_STATUS_FILTERS)[number] | undefined
  pricingModel?: (typeof PRICING_MODELS)[number] | undefined
  trl?: number | undefined
}

const PRICING: Record<AccessModel, (typeof PRICING_MODELS)[number]> = {
  free: 'free',
  cost_sharing: 'subsidised',
  paid: 'paid',
}
const ACCESS_MODEL_OF = Object.fromEntries(
  Object.entries(PRICING).map(([k, v]) => [v, k as AccessModel]),
) as Record<(typeof PRICING_MODELS)[number], AccessModel>
const ACCESS: Record<Intake, (typeof ACCESS_MODES)[number]> = {
  round: 'rounds',
  rolling: 'continuous',
}

// `+` keeps SQLite from choosing test_bed_offers_by_status (a sort over four statuses) for the
// newest-first list; test_bed_offers_newest serves its ORDER BY instead.
const isPublic = sql<SqlBool>`+test_bed_offers.status IN ('published', 'paused', 'closed', 'archived')`

function baseQuery(db: DB) {
  return db
    .selectFrom('test_bed_offers')
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
      'test_bed_offers.market_value_sek',
      'test_bed_offers.price_sek',
      'test_bed_offers.published_at',
      'test_bed_offers.county_code',
      'test_bed_offers.municipality_code',
      'host.name as host_name',
      'host.slug as host_slug',
      'host.org_number as host_org_number',
      'host.website as host_website',
      'counties.name as county_name',
      'municipalities.name as municipality_name',
    ])
    .where(isPublic)
}
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number]

function summaryOf(r: Row, themes: Map<number, { code: string }[]>, at: number) {
  const openNow = r.status === 'published' && (r.intake === 'rolling' || (r.deadline ?? 0) > at)
  return {
    id: r.id,
    url: pageUrl(`/test-beds/${r.id}`),
    apiUrl: apiUrl(`/test-beds/${r.id}`),
    title: r.title,
    summary: r.summary,
    status: r.status,
    openNow,
    provider: {
      name: r.host_name,
      slug: r.host_slug,
      organisationNumber: r.host_org_number,
      url: r.host_website ?? pageUrl(`/organisations/${r.host_slug}`),
      apiUrl: apiUrl(`/organisations/${r.host_slug}`),
    },
    accessMode: ACCESS[r.intake],
    trl: { min: r.trl_min, max: r.trl_max },
    pricingModel: PRICING[r.access_model],
    price: money(r.price_sek),
    marketValue: money(r.market_value_sek),
    themes: themes.get(r.id) ?? [],
    location: {
      county: { code: r.county_code, name: r.county_name },
      municipality:
        r.municipality_code && r.municipality_name
          ? { code: r.municipality_code, name: r.municipality_name }
          : null,
    },
    publishedAt: instantOrNull(r.published_at),
  }
}

/** One page of public offers, newest published first, `limit + 1` rows (see pageOfRows). */
export async function listApiTestBeds(
  db: DB,
  filters: TestBedFilters,
  page: { limit: number; cursor: Cursor | null; since: number | null },
) {
  let query = baseQuery(db)
    .where('test_bed_offers.published_at', 'is not', null)
    .where(afterCursor(page.cursor, 'test_bed_offers.published_at', 'test_bed_offers.id'))
  if (page.since !== null) query = query.where('test_bed_offers.published_at', '>=', page.since)
  if (filters.status) query = query.where('test_bed_offers.status', '=', filters.status)
  if (filters.county) query = query.where('test_bed_offers.county_code', '=', filters.county)
  if (filters.pricingModel)
    query = query.where('test_bed_offers.access_model', '=', ACCESS_MODEL_OF[filters.pricingModel])
  if (filters.trl !== undefined)
    query = query
      .where('test_bed_offers.trl_min', '<=', filters.trl)
      .where('test_bed_offers.trl_max', '>=', filters.trl)
  const theme = filters.theme
  if (theme)
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('test_bed_offer_themes')
          .select('test_bed_offer_themes.offer_id')
          .whereRef('test_bed_offer_themes.offer_id', '=', 'test_bed_offers.id')
          .where('test_bed_offer_themes.theme_code', '=', theme),
      ),
    )
  const rows = await query
    .orderBy('test_bed_offers.published_at', 'desc')
    .orderBy('test_bed_offers.id', 'desc')
    .limit(page.limit + 1)
    .execute()
  const themes = await themesByRow(
    db,
    'test_bed_offer_themes',
    rows.map((r) => r.id),
  )
  const at = now()
  return rows.map((r) => ({ ...summaryOf(r, themes, at), cursor: cursorOf(r) }))
}

const cursorOf = (r: Row): Cursor => ({ at: r.published_at ?? 0, id: r.id })

/** One public offer in the documented test-bed shape; null when unknown or a draft. */
export async function getApiTestBed(db: DB, id: number) {
  const row = await baseQuery(db)
    .select([
      'test_bed_offers.description',
      'test_bed_offers.places',
      'test_bed_offers.environments',
      'test_bed_offers.test_users',
      'test_bed_offers.test_user_count',
      'test_bed_offers.staff_time',
      'test_bed_offers.data_access',
      'test_bed_offers.premises',
      'test_bed_offers.equipment',
      'test_bed_offers.requires_ce_marking',
      'test_bed_offers.requires_dpia',
      'test_bed_offers.requires_insurance',
      'test_bed_offers.other_requirements',
      'test_bed_offers.capacity',
      'test_bed_offers.available_from',
      'test_bed_offers.available_until',
      'test_bed_offers.contact_role',
      'test_bed_offers.contact_email',
      'test_bed_offers.closed_at',
    ])
    .where('test_bed_offers.id', '=', id)
    .where('test_bed_offers.status', 'in', PUBLIC_STATUSES)
    .executeTakeFirst()
  if (!row) return null
  const [themes, criteria] = await Promise.all([
    themesByRow(db, 'test_bed_offer_themes', [row.id]),
    db
      .selectFrom('test_bed_criteria')
      .select(['title', 'description', 'kind'])
      .where('offer_id', '=', row.id)
      .orderBy('position')
      .execute(),
  ])
  const at = now()
  const summary = summaryOf(row, themes, at)
  return {
    ...summary,
    description: row.description,
    offers: {
      places: row.places,
      environments: row.environments,
      testUsers: row.test_users,
      testUserCount: row.test_user_count,
      staffTime: row.staff_time,
      dataAccess: row.data_access,
      premises: row.premises,
      equipment: row.equipment,
    },
    requirements: {
      ceMarking: row.requires_ce_marking === 1,
      dpia: row.requires_dpia === 1,
      insurance: row.requires_insurance === 1,
      other: row.other_requirements,
    },
    criteria: criteria.map((c) => ({ title: c.title, description: c.description, kind: c.kind })),
    capacity: row.capacity,
    availability: { from: dateOf(row.available_from), until: dateOf(row.available_until) },
    // One offer is one round (decision record 011): a round offer has one intake, rolling none.
    intakeRounds:
      row.intake === 'round' && row.deadline !== null
        ? [{ closesAt: isoInstant(row.deadline), open: summary.openNow }]
        : [],
    contactPoint: { role: row.contact_role, email: row.contact_email },
    closedAt: instantOrNull(row.closed_at),
  }
}
