import type { DB } from '#db/connection'
import { compareSv } from '~/i18n/format'
import type { CallCriterionKind, Procedure } from '#db/schema'
import type { Locale } from '~/i18n/locales'
import { now } from '~/utils/clock.server'
import { audit } from './audit.server'
import {
  cpvCodesOf,
  type CriterionInput,
  getCallForBuyer,
  memberCall,
  termsInForce,
} from './calls.server'
import { DomainError, withRules } from './errors.server'
import { listCounties, listMunicipalities, listThemes } from './reference.server'

// A buyer's draft calls: the form's options, the draft as its editor shows it, saving,
// publishing and deleting a draft.

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
      .sort((a, b) => compareSv(a.name, b.name)),
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
    cpvCodesOf(db, callId),
    termsInForce(db, callId),
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
    cpv,
    criteria,
    pilotLinks: links.flatMap((l) => (l.pilot_id === null ? [] : [l.pilot_id])),
    dialogueLinks: links.flatMap((l) => (l.linked_call_id === null ? [] : [l.linked_call_id])),
    involved,
  }
}

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
  return withRules(() => db.transaction().execute((tx) => insertCallDraft(tx, args)))
}

/** Inserts a new draft inside the caller's transaction (the overlap check records beside it). */
export async function insertCallDraft(
  tx: DB,
  args: { organisationId: number; userId: number; input: CallDraftInput; ip?: string | null },
) {
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
