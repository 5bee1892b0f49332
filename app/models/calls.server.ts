import type { DB } from '#db/connection'
import type { Call } from '#db/schema'
import type { Locale } from '~/i18n/locales'
import { getCpvLabels } from './cpv.server'
import { DomainError } from './errors.server'
import { isMemberCondition } from './memberships.server'

// A buyer's calls: drafts, publication and amendments. The database (migration
// 2026-11-25-03-calls) enforces the equal-treatment rules; these modules write each change with
// its audit row in one transaction and turn the database's refusals into DomainErrors.
//
// This module holds the reads of a call that the others share: the buyer's own call, its terms
// in force and its published amendments. Drafts and publication live in call-drafts, amendments
// in call-amendments (*.server.ts).

export interface CriterionInput {
  title: string
  description: string
  /** 1–100 for a weighted criterion; null for a must-have. */
  weight: number | null
}

/** The call, for a member of its buyer; anyone else gets DomainError 'not_found'. */
export async function memberCall(db: DB, callId: number, userId: number): Promise<Call> {
  const call = await db
    .selectFrom('calls as c')
    .innerJoin('memberships as m', (join) =>
      join.onRef('m.organisation_id', '=', 'c.organisation_id').on('m.user_id', '=', userId),
    )
    .selectAll('c')
    .where('c.id', '=', callId)
    .executeTakeFirst()
  if (!call) throw new DomainError('not_found')
  return call
}

/** A call with its buyer, for a member of the buyer; anyone else gets DomainError 'not_found'. */
export async function getCallForBuyer(db: DB, callId: number, userId: number) {
  const call = await memberCall(db, callId, userId)
  const buyer = await db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name', 'verification_status'])
    .where('id', '=', call.organisation_id)
    .executeTakeFirstOrThrow()
  return { call, buyer }
}

/** A body's calls, drafts included, newest first; only for its members. */
export async function listBuyerCalls(db: DB, organisationId: number, userId: number) {
  return db
    .selectFrom('calls as c')
    .select([
      'c.id',
      'c.title',
      'c.procedure',
      'c.status',
      'c.question_deadline',
      'c.tender_deadline',
      'c.published_at',
      'c.updated_at',
    ])
    .where('c.organisation_id', '=', organisationId)
    .where(isMemberCondition(organisationId, userId))
    .orderBy('c.updated_at', 'desc')
    .orderBy('c.id', 'desc')
    .execute()
}

/** The call's CPV codes, in code order. */
export async function cpvCodesOf(db: DB, callId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('call_cpv_codes')
    .select('cpv_code')
    .where('call_id', '=', callId)
    .orderBy('cpv_code')
    .execute()
  return rows.map((r) => r.cpv_code)
}

/** The must-haves and criteria in force for a call, in order. */
export async function termsInForce(db: DB, callId: number) {
  return db
    .selectFrom('call_criteria_current')
    .select(['id', 'kind', 'position', 'title', 'description', 'weight'])
    .where('call_id', '=', callId)
    .orderBy('kind', 'desc')
    .orderBy('position')
    .orderBy('id')
    .execute()
}

/**
 * The terms in force of a call (after every published amendment): must-haves then weighted
 * criteria by position, themes, CPV codes with names, what it builds on and the companies named
 * as involved. For public pages: check the call is visible before calling.
 */
export async function getCallTerms(db: DB, callId: number, locale: Locale = 'sv') {
  const [criteria, themes, cpv, pilots, dialogues, involved] = await Promise.all([
    db
      .selectFrom('call_criteria_current')
      .select(['id', 'kind', 'position', 'title', 'description', 'weight', 'added_in'])
      .where('call_id', '=', callId)
      // 'requirement' sorts after 'criterion': descending puts must-haves first.
      .orderBy('kind', 'desc')
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('call_themes as ct')
      .innerJoin('themes as t', 't.code', 'ct.theme_code')
      .select(['t.code', 't.name_sv', 't.name_en'])
      .where('ct.call_id', '=', callId)
      .orderBy('t.position')
      .execute(),
    cpvCodesOf(db, callId),
    db
      .selectFrom('call_links as l')
      .innerJoin('pilots as p', 'p.id', 'l.pilot_id')
      .innerJoin('test_bed_offers as o', 'o.id', 'p.offer_id')
      .innerJoin('organisations as co', 'co.id', 'p.company_id')
      .select(['p.id', 'o.title as offer_title', 'co.name as company_name'])
      .where('l.call_id', '=', callId)
      .execute(),
    db
      .selectFrom('call_links as l')
      .innerJoin('calls as d', 'd.id', 'l.linked_call_id')
      .select(['d.id', 'd.title'])
      .where('l.call_id', '=', callId)
      .execute(),
    db
      .selectFrom('call_involved_companies as i')
      .innerJoin('organisations as co', 'co.id', 'i.organisation_id')
      .select(['co.id', 'co.name', 'co.slug', 'i.involvement'])
      .where('i.call_id', '=', callId)
      .orderBy('co.name')
      .execute(),
  ])
  return {
    requirements: criteria.filter((c) => c.kind === 'requirement'),
    criteria: criteria.filter((c) => c.kind === 'criterion'),
    themes: themes.map((t) => ({ code: t.code, name: locale === 'en' ? t.name_en : t.name_sv })),
    cpv: await getCpvLabels(db, cpv, locale),
    pilots,
    dialogues,
    involved,
  }
}
export type CallTerms = Awaited<ReturnType<typeof getCallTerms>>

/** The published amendments of a call, oldest first, each with the rows it added and removed. */
export async function listAmendments(db: DB, callId: number) {
  const amendments = await db
    .selectFrom('call_amendments')
    .select([
      'id',
      'number',
      'summary',
      'question_deadline',
      'tender_deadline',
      'changes_terms',
      'published_at',
    ])
    .where('call_id', '=', callId)
    .where('state', '=', 'published')
    .orderBy('number')
    .execute()
  if (amendments.length === 0) return []
  const ids = amendments.map((a) => a.id)
  const [criteria, documents] = await Promise.all([
    db
      .selectFrom('call_criteria')
      .select(['id', 'kind', 'title', 'weight', 'added_in', 'removed_in'])
      .where('call_id', '=', callId)
      .where((eb) => eb.or([eb('added_in', 'in', ids), eb('removed_in', 'in', ids)]))
      .orderBy('id')
      .execute(),
    db
      .selectFrom('call_documents')
      .select(['id', 'title', 'file_name', 'added_in', 'removed_in'])
      .where('call_id', '=', callId)
      .where((eb) => eb.or([eb('added_in', 'in', ids), eb('removed_in', 'in', ids)]))
      .orderBy('id')
      .execute(),
  ])
  return amendments.map((a) => ({
    ...a,
    published_at: a.published_at ?? 0,
    changes_terms: a.changes_terms === 1,
    criteriaAdded: criteria.filter((c) => c.added_in === a.id),
    criteriaRemoved: criteria.filter((c) => c.removed_in === a.id),
    documentsAdded: documents.filter((d) => d.added_in === a.id),
    documentsRemoved: documents.filter((d) => d.removed_in === a.id),
  }))
}
export type CallAmendmentView = Awaited<ReturnType<typeof listAmendments>>[number]
