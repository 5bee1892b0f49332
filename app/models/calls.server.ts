import type { DB } from '#db/connection'
import type { Call, CallCriterionKind, Procedure } from '#db/schema'
import { formatDateTime } from '~/i18n/format'
import type { Locale } from '~/i18n/locales'
import { getTranslator } from '~/i18n/messages'
import { now } from '~/utils/clock.server'
import { getEnv } from '~/utils/env.server'
import type { StoredDocument } from '~/utils/file-store.server'
import { audit } from './audit.server'
import { notifyCall } from './call-notifications.server'
import { getCpvLabels } from './cpv.server'
import { DomainError, withRules } from './errors.server'
import { listCounties, listMunicipalities, listThemes } from './reference.server'

// A buyer's calls: drafts, publication and amendments. The database (migration
// 2026-11-25-03-calls) enforces the equal-treatment rules; this module writes each change with
// its audit row in one transaction and turns the database's refusals into DomainErrors.

export interface CriterionInput {
  title: string
  description: string
  /** 1–100 for a weighted criterion; null for a must-have. */
  weight: number | null
}

export interface CallDraftInput {
  procedure: Procedure
  title: string
  summary: string
  need: string
  functional_requirements: boolean
  novel_to_market: boolean
  includes_rnd: boolean
  estimated_value_sek: number | null
  max_winners: number
  county_code: string
  municipality_code: string | null
  themes: string[]
  cpv_codes: string[]
  question_deadline: number
  tender_deadline: number
  standstill_days: number
  requirements: CriterionInput[]
  criteria: CriterionInput[]
  pilot_links: number[]
  dialogue_links: number[]
  prior_involvement: string
  involved: { organisation_id: number; involvement: string }[]
}

// ---------------------------------------------------------------------------------------------
// Reading

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

/**
 * What the buyer may link a call to and name as involved: its own pilots, its own published
 * market dialogues, and the companies of both (pilot companies, dialogue respondents).
 */
async function linkOptions(db: DB, organisationId: number, excludeCallId: number | null) {
  const pilots = await db
    .selectFrom('pilots as p')
    .innerJoin('test_bed_offers as o', 'o.id', 'p.offer_id')
    .innerJoin('organisations as co', 'co.id', 'p.company_id')
    .select(['p.id', 'p.company_id', 'o.title as offer_title', 'co.name as company_name'])
    .where('p.host_id', '=', organisationId)
    .orderBy('p.id', 'desc')
    .execute()
  let dialogueQuery = db
    .selectFrom('calls')
    .select(['id', 'title'])
    .where('organisation_id', '=', organisationId)
    .where('procedure', '=', 'market_dialogue')
    .where('status', '<>', 'draft')
  if (excludeCallId !== null) dialogueQuery = dialogueQuery.where('id', '<>', excludeCallId)
  const dialogues = await dialogueQuery.orderBy('id', 'desc').execute()
  const respondents =
    dialogues.length === 0
      ? []
      : await db
          .selectFrom('bids as b')
          .innerJoin('organisations as co', 'co.id', 'b.company_id')
          .select(['b.company_id', 'co.name as company_name'])
          .where(
            'b.call_id',
            'in',
            dialogues.map((d) => d.id),
          )
          .where('b.status', '=', 'submitted')
          .execute()
  const companies = new Map<number, string>()
  for (const p of pilots) companies.set(p.company_id, p.company_name)
  for (const r of respondents) companies.set(r.company_id, r.company_name)
  return {
    pilots: pilots.map((p) => ({ id: p.id, label: `${p.offer_title} – ${p.company_name}` })),
    dialogues,
    companies: [...companies]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
  }
}

/** Everything the call form offers and checks its choices against. */
export async function getCallFormOptions(
  db: DB,
  organisationId: number,
  locale: Locale,
  excludeCallId: number | null = null,
) {
  const [themes, counties, municipalities, links] = await Promise.all([
    listThemes(db, locale),
    listCounties(db),
    listMunicipalities(db),
    linkOptions(db, organisationId, excludeCallId),
  ])
  return { themes, counties, municipalities, ...links }
}
export type CallFormOptions = Awaited<ReturnType<typeof getCallFormOptions>>

/** A body's calls, drafts included, newest first; only for its members. */
export async function listBuyerCalls(db: DB, organisationId: number, userId: number) {
  return db
    .selectFrom('calls as c')
    .innerJoin('memberships as m', (join) =>
      join.onRef('m.organisation_id', '=', 'c.organisation_id').on('m.user_id', '=', userId),
    )
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
    .orderBy('c.updated_at', 'desc')
    .orderBy('c.id', 'desc')
    .execute()
}

/** The draft as its editor shows it: the call, its rows, links, named companies and documents. */
export async function getCallForEditing(db: DB, callId: number, userId: number) {
  const { call, buyer } = await getCallForBuyer(db, callId, userId)
  const [themes, cpv, criteria, links, involved] = await Promise.all([
    db
      .selectFrom('call_themes')
      .select('theme_code')
      .where('call_id', '=', callId)
      .orderBy('theme_code')
      .execute(),
    db
      .selectFrom('call_cpv_codes')
      .select('cpv_code')
      .where('call_id', '=', callId)
      .orderBy('cpv_code')
      .execute(),
    db
      .selectFrom('call_criteria_current')
      .select(['id', 'kind', 'position', 'title', 'description', 'weight'])
      .where('call_id', '=', callId)
      .orderBy('kind', 'desc')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('call_links')
      .select(['pilot_id', 'linked_call_id'])
      .where('call_id', '=', callId)
      .execute(),
    db
      .selectFrom('call_involved_companies')
      .select(['organisation_id', 'involvement'])
      .where('call_id', '=', callId)
      .execute(),
  ])
  return {
    call,
    buyer,
    themes: themes.map((t) => t.theme_code),
    cpv: cpv.map((c) => c.cpv_code),
    criteria,
    pilotLinks: links.flatMap((l) => (l.pilot_id === null ? [] : [l.pilot_id])),
    dialogueLinks: links.flatMap((l) => (l.linked_call_id === null ? [] : [l.linked_call_id])),
    involved,
  }
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
    db
      .selectFrom('call_cpv_codes')
      .select('cpv_code')
      .where('call_id', '=', callId)
      .orderBy('cpv_code')
      .execute(),
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
    cpv: await getCpvLabels(
      db,
      cpv.map((c) => c.cpv_code),
      locale,
    ),
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

// ---------------------------------------------------------------------------------------------
// Writing drafts

function callColumns(input: CallDraftInput) {
  const dialogue = input.procedure === 'market_dialogue'
  return {
    procedure: input.procedure,
    title: input.title.trim(),
    summary: input.summary.trim(),
    need: input.need.trim(),
    functional_requirements: input.functional_requirements ? 1 : 0,
    novel_to_market: input.novel_to_market ? 1 : 0,
    includes_rnd: input.includes_rnd ? 1 : 0,
    estimated_value_sek: dialogue ? null : input.estimated_value_sek,
    max_winners: dialogue ? 1 : input.max_winners,
    county_code: input.county_code,
    municipality_code: input.municipality_code,
    question_deadline: input.question_deadline,
    tender_deadline: input.tender_deadline,
    standstill_days: input.standstill_days,
    prior_involvement: input.prior_involvement.trim(),
  } as const
}

/** Replaces every row of a draft that belongs to it: criteria, themes, codes, links, named firms. */
async function replaceDraftRows(db: DB, callId: number, input: CallDraftInput) {
  for (const table of [
    'call_criteria',
    'call_themes',
    'call_cpv_codes',
    'call_links',
    'call_involved_companies',
  ] as const) {
    await db.deleteFrom(table).where('call_id', '=', callId).execute()
  }
  const rows: { kind: CallCriterionKind; row: CriterionInput }[] = [
    ...input.requirements.map((row) => ({ kind: 'requirement' as const, row })),
    ...(input.procedure === 'market_dialogue' ? [] : input.criteria).map((row) => ({
      kind: 'criterion' as const,
      row,
    })),
  ]
  const positions: Record<CallCriterionKind, number> = { requirement: 0, criterion: 0 }
  for (const { kind, row } of rows) {
    positions[kind]++
    await db
      .insertInto('call_criteria')
      .values({
        call_id: callId,
        kind,
        position: positions[kind],
        title: row.title.trim(),
        description: row.description.trim(),
        weight: kind === 'criterion' ? row.weight : null,
      })
      .execute()
  }
  for (const theme_code of new Set(input.themes)) {
    await db.insertInto('call_themes').values({ call_id: callId, theme_code }).execute()
  }
  for (const cpv_code of new Set(input.cpv_codes)) {
    await db.insertInto('call_cpv_codes').values({ call_id: callId, cpv_code }).execute()
  }
  for (const pilot_id of new Set(input.pilot_links)) {
    await db.insertInto('call_links').values({ call_id: callId, pilot_id }).execute()
  }
  for (const linked_call_id of new Set(input.dialogue_links)) {
    await db.insertInto('call_links').values({ call_id: callId, linked_call_id }).execute()
  }
  const named = new Map(input.involved.map((i) => [i.organisation_id, i.involvement.trim()]))
  for (const [organisation_id, involvement] of named) {
    await db
      .insertInto('call_involved_companies')
      .values({ call_id: callId, organisation_id, involvement })
      .execute()
  }
}

function auditable(input: CallDraftInput) {
  return { ...input, need: undefined, prior_involvement: input.prior_involvement.length }
}

/** A new draft call by a member of a public body (verified or not: publishing needs it). */
export async function createCallDraft(
  db: DB,
  args: { organisationId: number; userId: number; input: CallDraftInput; ip?: string | null },
) {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const at = now()
      const call = await tx
        .insertInto('calls')
        .values({
          organisation_id: args.organisationId,
          ...callColumns(args.input),
          created_by: args.userId,
          updated_by: args.userId,
          created_at: at,
          updated_at: at,
        })
        .returning(['id'])
        .executeTakeFirstOrThrow()
      await replaceDraftRows(tx, call.id, args.input)
      await audit(tx, {
        actorUserId: args.userId,
        organisationId: args.organisationId,
        action: 'call.created',
        entityType: 'call',
        entityId: call.id,
        after: auditable(args.input),
        ip: args.ip ?? null,
      })
      return call
    }),
  )
}

/** Saves a draft; a published call changes only by amendment ('terms_frozen'). */
export async function updateCallDraft(
  db: DB,
  args: { callId: number; userId: number; input: CallDraftInput; ip?: string | null },
) {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const call = await memberCall(tx, args.callId, args.userId)
      if (call.status !== 'draft') throw new DomainError('terms_frozen')
      await tx
        .updateTable('calls')
        .set({ ...callColumns(args.input), updated_by: args.userId, updated_at: now() })
        .where('id', '=', call.id)
        .execute()
      await replaceDraftRows(tx, call.id, args.input)
      await audit(tx, {
        actorUserId: args.userId,
        organisationId: call.organisation_id,
        action: 'call.updated',
        entityType: 'call',
        entityId: call.id,
        after: auditable(args.input),
        ip: args.ip ?? null,
      })
    }),
  )
}

/**
 * Publishes a draft now. The database checks the rest: a verified buyer, the minimum period,
 * weights that sum to 100, the disclosure and the named companies.
 */
export async function publishCall(
  db: DB,
  args: { callId: number; userId: number; ip?: string | null },
) {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const call = await memberCall(tx, args.callId, args.userId)
      if (call.status !== 'draft') throw new DomainError('call_not_draft')
      const at = now()
      await tx
        .updateTable('calls')
        .set({ status: 'published', published_at: at, updated_by: args.userId, updated_at: at })
        .where('id', '=', call.id)
        .execute()
      await audit(tx, {
        actorUserId: args.userId,
        organisationId: call.organisation_id,
        action: 'call.published',
        entityType: 'call',
        entityId: call.id,
        after: { tender_deadline: call.tender_deadline, question_deadline: call.question_deadline },
        ip: args.ip ?? null,
      })
    }),
  )
}

/** Deletes a draft and everything it holds; returns the buyer's slug for the way back. */
export async function deleteDraftCall(
  db: DB,
  args: { callId: number; userId: number; ip?: string | null },
) {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const { call, buyer } = await getCallForBuyer(tx, args.callId, args.userId)
      if (call.status !== 'draft') throw new DomainError('call_not_draft')
      await tx.deleteFrom('calls').where('id', '=', call.id).execute()
      await audit(tx, {
        actorUserId: args.userId,
        organisationId: call.organisation_id,
        action: 'call.deleted',
        entityType: 'call',
        entityId: call.id,
        before: { title: call.title, procedure: call.procedure },
        ip: args.ip ?? null,
      })
      return { buyerSlug: buyer.slug }
    }),
  )
}

// ---------------------------------------------------------------------------------------------
// Amendments

export interface AmendmentInput {
  summary: string
  question_deadline: number
  tender_deadline: number
  retire_criteria: number[]
  remove_documents: number[]
  new_requirements: CriterionInput[]
  new_criteria: CriterionInput[]
  new_documents: { title: string; file: StoredDocument }[]
}

/** A datetime input shows minutes; the same minute keeps the stored instant (no false change). */
function sameMinute(next: number, previous: number): number {
  return Math.floor(next / 60) === Math.floor(previous / 60) ? previous : next
}

/**
 * Publishes an amendment in one transaction: open it, add and retire rows, publish it. The
 * database then moves the deadlines and asks submitted bids for re-confirmation when terms
 * changed, and refuses (rolling everything back) an amendment that shortens a deadline, changes
 * terms without extending it, or leaves weights that do not sum to 100. Everyone interested is
 * mailed once, in the same transaction.
 */
export async function amendCall(
  db: DB,
  args: { callId: number; userId: number; input: AmendmentInput; ip?: string | null },
) {
  const { input } = args
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const call = await memberCall(tx, args.callId, args.userId)
      if (call.status !== 'published' || now() >= call.tender_deadline) {
        throw new DomainError('amendment_not_allowed')
      }
      const at = now()
      const last = await tx
        .selectFrom('call_amendments')
        .select((eb) => eb.fn.max('number').as('n'))
        .where('call_id', '=', call.id)
        .executeTakeFirst()
      const tenderDeadline = sameMinute(input.tender_deadline, call.tender_deadline)
      const questionDeadline = sameMinute(input.question_deadline, call.question_deadline)
      const amendment = await tx
        .insertInto('call_amendments')
        .values({
          call_id: call.id,
          number: Number(last?.n ?? 0) + 1,
          summary: input.summary.trim(),
          question_deadline: questionDeadline,
          tender_deadline: tenderDeadline,
          created_by: args.userId,
          created_at: at,
        })
        .returning(['id', 'number'])
        .executeTakeFirstOrThrow()

      let changes = 0
      if (input.retire_criteria.length > 0) {
        const retired = await tx
          .updateTable('call_criteria')
          .set({ removed_in: amendment.id })
          .where('call_id', '=', call.id)
          .where('id', 'in', input.retire_criteria)
          .where('removed_in', 'is', null)
          .executeTakeFirst()
        changes += Number(retired.numUpdatedRows)
      }
      const positions = await tx
        .selectFrom('call_criteria')
        .select(['kind', (eb) => eb.fn.max('position').as('max')])
        .where('call_id', '=', call.id)
        .groupBy('kind')
        .execute()
      const next: Record<CallCriterionKind, number> = { requirement: 0, criterion: 0 }
      for (const p of positions) next[p.kind] = Number(p.max ?? 0)
      const added = [
        ...input.new_requirements.map((row) => ({ kind: 'requirement' as const, row })),
        ...input.new_criteria.map((row) => ({ kind: 'criterion' as const, row })),
      ]
      for (const { kind, row } of added) {
        next[kind]++
        await tx
          .insertInto('call_criteria')
          .values({
            call_id: call.id,
            kind,
            position: next[kind],
            title: row.title.trim(),
            description: row.description.trim(),
            weight: kind === 'criterion' ? row.weight : null,
            added_in: amendment.id,
          })
          .execute()
        changes++
      }
      if (input.remove_documents.length > 0) {
        const removed = await tx
          .updateTable('call_documents')
          .set({ removed_in: amendment.id })
          .where('call_id', '=', call.id)
          .where('id', 'in', input.remove_documents)
          .where('removed_in', 'is', null)
          .executeTakeFirst()
        changes += Number(removed.numUpdatedRows)
      }
      for (const doc of input.new_documents) {
        await tx
          .insertInto('call_documents')
          .values({
            call_id: call.id,
            title: doc.title.trim(),
            file_name: doc.file.fileName,
            content_type: doc.file.contentType,
            extension: doc.file.extension,
            size: doc.file.size,
            sha256: doc.file.sha256,
            uploaded_by: args.userId,
            created_at: at,
            added_in: amendment.id,
          })
          .execute()
        changes++
      }
      const changesTerms = changes > 0
      await tx
        .updateTable('call_amendments')
        .set({
          state: 'published',
          published_at: now(),
          published_by: args.userId,
          changes_terms: changesTerms ? 1 : 0,
        })
        .where('id', '=', amendment.id)
        .execute()

      await audit(tx, {
        actorUserId: args.userId,
        organisationId: call.organisation_id,
        action: 'call.amended',
        entityType: 'call',
        entityId: call.id,
        before: {
          tender_deadline: call.tender_deadline,
          question_deadline: call.question_deadline,
        },
        after: {
          amendment: amendment.number,
          tender_deadline: tenderDeadline,
          question_deadline: questionDeadline,
          changes_terms: changesTerms,
          retire_criteria: input.retire_criteria,
          new_criteria: added.length,
          remove_documents: input.remove_documents,
          new_documents: input.new_documents.map((d) => d.file.sha256),
        },
        ip: args.ip ?? null,
      })

      const link = `${getEnv().APP_ORIGIN}/calls/${call.id}`
      await notifyCall(tx, 'interested', {
        callId: call.id,
        event: `amendment:${amendment.id}`,
        template: 'call_amendment',
        params: (locale) => {
          const t = getTranslator(locale)
          return {
            call: call.title,
            number: amendment.number,
            summary: input.summary.trim(),
            deadline: formatDateTime(tenderDeadline, locale),
            reconfirm: changesTerms ? t('callEdit.mail.reconfirm') : '',
            link,
          }
        },
      })
      return { id: amendment.id, number: amendment.number, changesTerms }
    }),
  )
}
