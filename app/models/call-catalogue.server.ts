import type { DB } from '#db/connection'
import type { Procedure } from '#db/schema'
import type { Locale } from '~/i18n/locales'
import { answersDueAt, shownCallStatus } from '~/utils/call-status'
import { now } from '~/utils/clock.server'
import { listCallDocuments } from './call-documents.server'
import { listAmendments } from './calls.server'
import { getCpvLabels } from './cpv.server'
import {
  ftsMatchExpression,
  ftsRowids,
  ftsWindowFull,
  likeTerms,
  paged,
  outerLoop,
} from './catalogue-query.server'
import { DomainError } from './errors.server'

// The public side of procurement calls (issue 4, rule 2 "same information to all"): the list with
// its filters and search, and one call's public page. Everything here is what any visitor sees;
// the asker of a question is never selected.

export const CALL_PAGE_SIZE = 20
export const CLOSING_SOON_DAYS = 14
const DAY = 86400

/** The status filter: what a visitor means, not the stored status ("closed" is not stored). */
export const CALL_STATUS_FILTERS = ['open', 'closed', 'awarded', 'cancelled', 'all'] as const
export type CallStatusFilter = (typeof CALL_STATUS_FILTERS)[number]

export interface CallFilters {
  q?: string | undefined
  procedure?: Procedure | undefined
  theme?: string | undefined
  /** A CPV code or its leading digits: `72` matches every code 72xxxxxx. */
  cpv?: string | undefined
  county?: string | undefined
  status?: CallStatusFilter | undefined
  /** Only calls open for bids whose tender deadline is within 14 days. */
  closing?: boolean | undefined
  page?: number | undefined
}

/** The significant digits of a CPV code: trailing zeros only pad the code to eight digits. */
export function cpvPrefix(code: string): string {
  const trimmed = code.replace(/0+$/u, '')
  return trimmed.length >= 2 ? trimmed : code.slice(0, 2)
}

/** The list's rows before order and paging: visibility, filters and search (also the CSV export). */
export function listQuery(db: DB, filters: CallFilters, at: number) {
  let query = db.selectFrom('calls').where('calls.status', '<>', 'draft')
  switch (filters.status ?? 'all') {
    case 'open':
      query = query.where('calls.status', '=', 'published').where('calls.tender_deadline', '>', at)
      break
    case 'closed':
      // Past the deadline and still without an outcome.
      query = query.where((eb) =>
        eb.or([
          eb.and([eb('calls.status', '=', 'published'), eb('calls.tender_deadline', '<=', at)]),
          eb('calls.status', 'in', ['opened', 'evaluated']),
        ]),
      )
      break
    case 'awarded':
      query = query.where('calls.status', '=', 'awarded')
      break
    case 'cancelled':
      query = query.where('calls.status', '=', 'cancelled')
      break
    case 'all':
      break
  }
  if (filters.closing) {
    query = query
      .where('calls.status', '=', 'published')
      .where('calls.tender_deadline', '>', at)
      .where('calls.tender_deadline', '<=', at + CLOSING_SOON_DAYS * DAY)
  }
  if (filters.procedure) query = query.where('calls.procedure', '=', filters.procedure)
  if (filters.county) query = query.where('calls.county_code', '=', filters.county)
  const theme = filters.theme
  if (theme) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('call_themes')
          .select('call_themes.call_id')
          .whereRef('call_themes.call_id', '=', 'calls.id')
          .where('call_themes.theme_code', '=', theme),
      ),
    )
  }
  const cpv = filters.cpv
  if (cpv) {
    // Codes are digits only (the filter schema), so the prefix needs no LIKE escaping; the index
    // on call_cpv_codes(cpv_code) serves a range.
    const prefix = cpvPrefix(cpv)
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('call_cpv_codes')
          .select('call_cpv_codes.call_id')
          .whereRef('call_cpv_codes.call_id', '=', 'calls.id')
          .where('call_cpv_codes.cpv_code', '>=', prefix)
          .where('call_cpv_codes.cpv_code', '<', `${prefix}:`),
      ),
    )
  }
  const q = filters.q?.trim() ?? ''
  const match = q ? ftsMatchExpression(q) : null
  if (match) query = query.where('calls.id', 'in', ftsRowids(db, 'calls_fts', match))
  else if (q) {
    // Every word is shorter than a trigram ("AI", "5G", "Åre"): LIKE on title and summary instead.
    const columns = ['calls.title', 'calls.summary']
    for (const term of likeTerms(q, columns, { foldCase: true })) query = query.where(term)
  }
  return query
}

/**
 * The public list: every call that is not a draft, filtered and searched, newest published first,
 * 20 a page.
 */
export async function searchCalls(db: DB, filters: CallFilters, locale: Locale) {
  const at = now()
  const query = listQuery(db, filters, at)
  const match = ftsMatchExpression(filters.q?.trim() ?? '')
  const { total, capped, page, pages, limit, offset } = await paged(
    db,
    query,
    filters.page,
    CALL_PAGE_SIZE,
    undefined,
    match === null ? undefined : () => ftsWindowFull(db, 'calls_fts', match),
  )
  const items = await callCards(db, query, { limit, offset, at, locale })
  const cpvLabel = filters.cpv
    ? ((await getCpvLabels(db, [cpvPrefix(filters.cpv).padEnd(8, '0')], locale))[0] ?? null)
    : null
  return { items, total, capped, page, pages, cpvLabel }
}
export type CallListResult = Awaited<ReturnType<typeof searchCalls>>

/** The newest calls open for bids, for the home page. */
export async function listNewestOpenCalls(db: DB, locale: Locale, limit = 3) {
  const at = now()
  return callCards(db, listQuery(db, { status: 'open' }, at), { limit, offset: 0, at, locale })
}

/** One page of cards from a filtered query: newest published first, with themes. */
async function callCards(
  db: DB,
  query: ReturnType<typeof listQuery>,
  options: { limit: number; offset: number; at: number; locale: Locale },
) {
  const rows = await query
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
      'buyer.name as buyer_name',
      'counties.name as county_name',
    ])
    .orderBy('calls.published_at', 'desc')
    .orderBy('calls.id', 'desc')
    .limit(options.limit)
    .offset(options.offset)
    .execute()
  const themes = await themesOf(
    db,
    rows.map((r) => r.id),
    options.locale,
  )
  return rows.map((r) => ({
    ...r,
    shown_status: shownCallStatus(r, options.at),
    themes: themes.get(r.id) ?? [],
  }))
}
export type CallListItem = CallListResult['items'][number]

export async function themesOf(db: DB, callIds: number[], locale: Locale) {
  const byCall = new Map<number, { code: string; name: string }[]>()
  if (callIds.length === 0) return byCall
  const rows = await db
    .selectFrom('call_themes')
    .innerJoin('themes', 'themes.code', 'call_themes.theme_code')
    .select(['call_themes.call_id', 'themes.code', 'themes.name_sv', 'themes.name_en'])
    .where('call_themes.call_id', 'in', callIds)
    .orderBy('themes.position')
    .execute()
  for (const r of rows) {
    const list = byCall.get(r.call_id) ?? []
    list.push({ code: r.code, name: locale === 'en' ? r.name_en : r.name_sv })
    byCall.set(r.call_id, list)
  }
  return byCall
}

export interface CallViewer {
  id: number
}

/** Why the viewer cannot ask a question now; null when they can. */
export type AskBlock = 'login' | 'buyer' | 'deadline' | 'not_open'

/**
 * One call as its public page shows it, with what the viewer may do. A draft exists only for the
 * buyer's members; to anyone else it, and an unknown id, is 'not_found'.
 */
export async function getPublicCall(
  db: DB,
  callId: number,
  viewer: CallViewer | null,
  locale: Locale,
) {
  const viewerId = viewer?.id ?? -1
  const call = await db
    .selectFrom('calls')
    .innerJoin('organisations as buyer', 'buyer.id', 'calls.organisation_id')
    .innerJoin('counties', (join) => join.on('counties.code', '=', outerLoop('calls.county_code')))
    .leftJoin('municipalities', 'municipalities.code', 'calls.municipality_code')
    .leftJoin('memberships as mine', (join) =>
      join.onRef('mine.organisation_id', '=', 'buyer.id').on('mine.user_id', '=', viewerId),
    )
    .leftJoin('follows as follow', (join) =>
      join
        .onRef('follow.target_id', '=', 'calls.id')
        .on('follow.target_type', '=', 'call')
        .on('follow.user_id', '=', viewerId),
    )
    .select([
      'calls.id',
      'calls.status',
      'calls.procedure',
      'calls.title',
      'calls.summary',
      'calls.need',
      'calls.functional_requirements',
      'calls.novel_to_market',
      'calls.includes_rnd',
      'calls.estimated_value_sek',
      'calls.max_winners',
      'calls.question_deadline',
      'calls.tender_deadline',
      'calls.standstill_days',
      'calls.prior_involvement',
      'calls.published_at',
      'calls.decided_at',
      'calls.standstill_ends_at',
      'calls.county_code',
      'calls.municipality_code',
      'buyer.name as buyer_name',
      'buyer.slug as buyer_slug',
      'counties.name as county_name',
      'municipalities.name as municipality_name',
      'mine.role as viewer_buyer_role',
      'follow.created_at as followed_at',
    ])
    .where('calls.id', '=', callId)
    .where((eb) => eb.or([eb('calls.status', '<>', 'draft'), eb('mine.user_id', 'is not', null)]))
    .executeTakeFirst()
  if (!call) throw new DomainError('not_found')

  const [themes, cpvCodes, criteria, documents, amendments, involved, links, answers, companies] =
    await Promise.all([
      themesOf(db, [call.id], locale),
      db
        .selectFrom('call_cpv_codes')
        .select('cpv_code')
        .where('call_id', '=', call.id)
        .orderBy('cpv_code')
        .execute(),
      db
        .selectFrom('call_criteria_current')
        .select(['id', 'kind', 'position', 'title', 'description', 'weight'])
        .where('call_id', '=', call.id)
        .orderBy('kind', 'desc')
        .orderBy('position')
        .orderBy('id')
        .execute(),
      listCallDocuments(db, call.id),
      listAmendments(db, call.id),
      db
        .selectFrom('call_involved_companies')
        .innerJoin('organisations', 'organisations.id', 'call_involved_companies.organisation_id')
        .select(['organisations.name', 'organisations.slug', 'call_involved_companies.involvement'])
        .where('call_involved_companies.call_id', '=', call.id)
        .orderBy('organisations.name')
        .execute(),
      listLinks(db, call.id),
      listPublicAnswers(db, call.id),
      viewer ? viewerCompanies(db, viewer.id) : Promise.resolve([]),
    ])
  const cpvLabels = await getCpvLabels(
    db,
    cpvCodes.map((c) => c.cpv_code),
    locale,
  )
  const labelOf = new Map(cpvLabels.map((c) => [c.code, c.label]))
  const at = now()
  const isBuyerMember = call.viewer_buyer_role !== null
  const open = call.status === 'published' && at < call.tender_deadline
  const askBlock: AskBlock | null =
    viewer === null
      ? 'login'
      : isBuyerMember
        ? 'buyer'
        : call.status !== 'published'
          ? 'not_open'
          : at > call.question_deadline
            ? 'deadline'
            : null
  const { viewer_buyer_role: _role, followed_at, ...rest } = call
  return {
    ...rest,
    functional_requirements: call.functional_requirements === 1,
    novel_to_market: call.novel_to_market === 1,
    includes_rnd: call.includes_rnd === 1,
    answers_due_at: answersDueAt(call.tender_deadline),
    shown_status: shownCallStatus(call, at),
    deadline_passed: at >= call.tender_deadline,
    open,
    themes: themes.get(call.id) ?? [],
    cpv: cpvCodes.map((c) => ({ code: c.cpv_code, label: labelOf.get(c.cpv_code) ?? null })),
    requirements: criteria.filter((c) => c.kind === 'requirement'),
    criteria: criteria.filter((c) => c.kind === 'criterion'),
    documents,
    amendments,
    involved,
    links,
    answers,
    viewer: {
      signed_in: viewer !== null,
      is_buyer_member: isBuyerMember,
      following: followed_at !== null,
      ask_block: askBlock,
      /** The viewer's companies: each may bid while the call is open. */
      companies: isBuyerMember ? [] : companies,
    },
  }
}
export type PublicCall = Awaited<ReturnType<typeof getPublicCall>>

/** What the call builds on: the buyer's pilots (by offer title) and earlier market dialogues. */
async function listLinks(db: DB, callId: number) {
  const rows = await db
    .selectFrom('call_links')
    .leftJoin('pilots', 'pilots.id', 'call_links.pilot_id')
    .leftJoin('test_bed_offers', 'test_bed_offers.id', 'pilots.offer_id')
    .leftJoin('organisations as pilot_company', 'pilot_company.id', 'pilots.company_id')
    .leftJoin('calls as linked', 'linked.id', 'call_links.linked_call_id')
    .select([
      'call_links.id',
      'call_links.pilot_id',
      'test_bed_offers.title as offer_title',
      'pilot_company.name as pilot_company_name',
      'call_links.linked_call_id',
      'linked.title as linked_title',
    ])
    .where('call_links.call_id', '=', callId)
    .orderBy('call_links.id')
    .execute()
  return rows
}

/**
 * The public questions and answers, in the order they were published, numbered 1, 2 … A
 * correction is its own dated entry that names the entry it corrects. Who asked is not selected.
 */
export interface PublicAnswer {
  id: number
  /** 1, 2 … in publication order, as the page and corrections refer to entries. */
  number: number
  kind: 'answer' | 'clarification' | 'correction'
  /** The question as the buyer published it; null for a clarification or a correction. */
  question_text: string | null
  body: string
  published_at: number
  corrects_number: number | null
  /** The numbers of the entries that correct this one. */
  corrected_by: number[]
}

export async function listPublicAnswers(db: DB, callId: number): Promise<PublicAnswer[]> {
  const rows = await db
    .selectFrom('call_answers')
    .select(['id', 'question_text', 'body', 'corrects_id', 'published_at'])
    .where('call_id', '=', callId)
    .orderBy('published_at')
    .orderBy('id')
    .execute()
  const numberOf = new Map(rows.map((r, i) => [r.id, i + 1]))
  const correctedBy = new Map<number, number[]>()
  for (const r of rows) {
    if (r.corrects_id === null) continue
    const list = correctedBy.get(r.corrects_id) ?? []
    list.push(numberOf.get(r.id) ?? 0)
    correctedBy.set(r.corrects_id, list)
  }
  return rows.map((r) => ({
    id: r.id,
    number: numberOf.get(r.id) ?? 0,
    kind:
      r.corrects_id !== null ? 'correction' : r.question_text !== null ? 'answer' : 'clarification',
    question_text: r.question_text,
    body: r.body,
    published_at: r.published_at,
    corrects_number: r.corrects_id === null ? null : (numberOf.get(r.corrects_id) ?? null),
    corrected_by: correctedBy.get(r.id) ?? [],
  }))
}

async function viewerCompanies(db: DB, userId: number) {
  return db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['organisations.id', 'organisations.slug', 'organisations.name'])
    .where('memberships.user_id', '=', userId)
    .where('organisations.kind', '=', 'company')
    .orderBy('organisations.name')
    .execute()
}
