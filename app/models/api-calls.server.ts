import { outerLoop } from './catalogue-query.server'
import type { DB } from '#db/connection'
import type { Procedure } from '#db/schema'
import { API_BASE, type Cursor, isoInstant } from '~/utils/api.server'
import { shownCallStatus } from '~/utils/call-status'
import { now } from '~/utils/clock.server'
import { getEnv } from '~/utils/env.server'
import {
  afterCursor,
  apiUrl,
  instantOrNull,
  money,
  pageUrl,
  themesByRow,
} from './api-shared.server'
import { type CallStatusFilter, getPublicCall, listQuery } from './call-catalogue.server'
import { DomainError } from './errors.server'
import { ocidOf } from './ocds-build.server'

// Calls in the read API (issue 17 part 5, decision record 041): exactly what a visitor sees on
// the public pages (getPublicCall, the list's own filters): never a draft, never anything from a
// bid. The OCDS record of a call (another part of issue 17) is linked by its ocid.

export const CALL_API_STATUSES = [
  'open',
  'closed',
  'awarded',
  'cancelled',
] as const satisfies readonly CallStatusFilter[]
export const PROCEDURES = [
  'market_dialogue',
  'open',
  'innovation_partnership',
  'pcp',
] as const satisfies readonly Procedure[]

export interface ApiCallFilters {
  county?: string | undefined
  theme?: string | undefined
  status?: (typeof CALL_API_STATUSES)[number] | undefined
  procedure?: Procedure | undefined
}

function ocdsLinks(id: number) {
  const ocid = ocidOf(id)
  return { ocid, recordUrl: `${getEnv().APP_ORIGIN}${API_BASE}/ocds/records/${ocid}` }
}

/** One page of public calls, newest published first, `limit + 1` rows (see pageOfRows). */
export async function listApiCalls(
  db: DB,
  filters: ApiCallFilters,
  page: { limit: number; cursor: Cursor | null; since: number | null },
) {
  const at = now()
  let query = listQuery(db, filters, at)
    .innerJoin('organisations as buyer', 'buyer.id', 'calls.organisation_id')
    .innerJoin('counties', (join) => join.on('counties.code', '=', outerLoop('calls.county_code')))
    .select([
      'calls.id',
      'calls.title',
      'calls.summary',
      'calls.status',
      'calls.procedure',
      'calls.tender_deadline',
      'calls.estimated_value_sek',
      'calls.published_at',
      'calls.county_code',
      'buyer.name as buyer_name',
      'buyer.slug as buyer_slug',
      'counties.name as county_name',
    ])
    .where('calls.published_at', 'is not', null)
    .where(afterCursor(page.cursor, 'calls.published_at', 'calls.id'))
  if (page.since !== null) query = query.where('calls.published_at', '>=', page.since)
  const rows = await query
    .orderBy('calls.published_at', 'desc')
    .orderBy('calls.id', 'desc')
    .limit(page.limit + 1)
    .execute()
  const themes = await themesByRow(
    db,
    'call_themes',
    rows.map((r) => r.id),
  )
  return rows.map((r) => ({
    id: r.id,
    url: pageUrl(`/calls/${r.id}`),
    apiUrl: apiUrl(`/calls/${r.id}`),
    title: r.title,
    summary: r.summary,
    status: shownCallStatus(r, at),
    procedure: r.procedure,
    buyer: buyerOf(r.buyer_name, r.buyer_slug),
    county: { code: r.county_code, name: r.county_name },
    themes: themes.get(r.id) ?? [],
    estimatedValue: r.estimated_value_sek === null ? null : money(r.estimated_value_sek),
    tenderDeadline: isoInstant(r.tender_deadline),
    publishedAt: instantOrNull(r.published_at),
    ocds: ocdsLinks(r.id),
    cursor: { at: r.published_at ?? 0, id: r.id } satisfies Cursor,
  }))
}

const buyerOf = (name: string, slug: string) => ({
  name,
  slug,
  url: pageUrl(`/organisations/${slug}`),
  apiUrl: apiUrl(`/organisations/${slug}`),
})

/** One public call as its page shows it to a visitor; null when unknown or a draft. */
export async function getApiCall(db: DB, id: number) {
  let call
  try {
    call = await getPublicCall(db, id, null, 'en')
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') return null
    throw error
  }
  const themes = await themesByRow(db, 'call_themes', [call.id])
  return {
    id: call.id,
    url: pageUrl(`/calls/${call.id}`),
    apiUrl: apiUrl(`/calls/${call.id}`),
    title: call.title,
    summary: call.summary,
    status: call.shown_status,
    procedure: call.procedure,
    buyer: buyerOf(call.buyer_name, call.buyer_slug),
    county: { code: call.county_code, name: call.county_name },
    municipality:
      call.municipality_code && call.municipality_name
        ? { code: call.municipality_code, name: call.municipality_name }
        : null,
    themes: themes.get(call.id) ?? [],
    estimatedValue: call.estimated_value_sek === null ? null : money(call.estimated_value_sek),
    need: call.need,
    functionalRequirements: call.functional_requirements,
    novelToMarket: call.novel_to_market,
    includesRnd: call.includes_rnd,
    maxWinners: call.max_winners,
    questionDeadline: isoInstant(call.question_deadline),
    tenderDeadline: isoInstant(call.tender_deadline),
    standstillDays: call.standstill_days,
    priorInvolvement: call.prior_involvement,
    cpv: call.cpv.map((c) => ({ code: c.code, label: c.label })),
    requirements: call.requirements.map((r) => ({ title: r.title, description: r.description })),
    criteria: call.criteria.map((c) => ({
      title: c.title,
      description: c.description,
      weight: c.weight,
    })),
    documents: call.documents
      .filter((d) => !d.superseded)
      .map((d) => ({
        title: d.title,
        fileName: d.file_name,
        contentType: d.content_type,
        size: d.size,
        url: pageUrl(`/calls/${call.id}/documents/${d.id}`),
      })),
    amendments: call.amendments.length,
    publishedAt: instantOrNull(call.published_at),
    decidedAt: instantOrNull(call.decided_at),
    ocds: ocdsLinks(call.id),
  }
}
