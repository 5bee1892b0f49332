import { sql } from 'kysely'
import type { DB } from '#db/connection'
import type { ReferenceResult, ReferenceStatus, SizeClass } from '#db/schema'
import type { Locale } from '~/i18n/locales'
import { now } from '~/utils/clock.server'
import { getEnv } from '~/utils/env.server'
import type { ReferenceInput, ReferenceSource } from '~/utils/reference-schema'
import { audit } from './audit.server'
import { DomainError, withRules } from './errors.server'
import { memberFlag } from './memberships.server'
import { type MailTemplate, queueMail } from './outbox.server'

// Reference cases (issue 5): a completed pilot or an award, written up by either party and
// published only while both have approved the exact text. The database holds the rules
// (migration 2026-11-26-04-references); this module finds who is asking, writes in one
// transaction with the audit row and the mail, and re-reads what the triggers changed.

export type ReferenceSide = 'public_body' | 'company'

function referenceLink(referenceId: number): string {
  return `${getEnv().APP_ORIGIN}/references/${referenceId}`
}

function titleIn(locale: Locale, c: { title_sv: string; title_en: string | null }): string {
  return locale === 'en' && c.title_en ? c.title_en : c.title_sv
}

/** A case's results from its JSON column (the database checks the shape on write). */
export function parseResults(json: string): ReferenceResult[] {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? (value as ReferenceResult[]) : []
  } catch {
    return []
  }
}

/**
 * The case and the side the user is on, when the user is a member of its public body or its
 * company; anyone else gets 'not_found'. Someone in both organisations speaks for the public body.
 */
async function caseForParty(db: DB, referenceId: number, userId: number) {
  const row = await db
    .selectFrom('reference_cases as r')
    .innerJoin('organisations as pb', 'pb.id', 'r.public_body_id')
    .innerJoin('organisations as co', 'co.id', 'r.company_id')
    .selectAll('r')
    .select([
      'pb.name as public_body_name',
      'co.name as company_name',
      memberFlag('r.public_body_id', userId).as('is_public_body'),
      memberFlag('r.company_id', userId).as('is_company'),
    ])
    .where('r.id', '=', referenceId)
    .executeTakeFirst()
  if (!row || (!row.is_public_body && !row.is_company)) throw new DomainError('not_found')
  const side: ReferenceSide = row.is_public_body ? 'public_body' : 'company'
  return {
    ...row,
    is_public_body: Boolean(row.is_public_body),
    is_company: Boolean(row.is_company),
    side,
    sideOrganisationId: side === 'public_body' ? row.public_body_id : row.company_id,
    otherOrganisationId: side === 'public_body' ? row.company_id : row.public_body_id,
    sideName: side === 'public_body' ? row.public_body_name : row.company_name,
  }
}
type PartyCase = Awaited<ReturnType<typeof caseForParty>>

/** One mail per member of the organisation (except `exceptUserId`), each in their own language. */
async function mailMembers(
  db: DB,
  organisationId: number,
  exceptUserId: number | null,
  template: MailTemplate,
  params: (locale: Locale) => Record<string, string | number>,
) {
  let query = db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.email', 'users.locale'])
    .where('memberships.organisation_id', '=', organisationId)
    .orderBy('users.id')
  if (exceptUserId !== null) query = query.where('users.id', '<>', exceptUserId)
  for (const r of await query.execute()) {
    await queueMail(db, { to: r.email, locale: r.locale, template, params: params(r.locale) })
  }
}

// ---------------------------------------------------------------------------------------------
// Sources: completed pilots with a report, and won awards, that have no case yet.

export interface ReferenceSourceItem {
  kind: 'pilot' | 'call'
  pilotId: number | null
  callId: number | null
  companyId: number
  title: string
  counterpartName: string
  /** When the pilot was completed, or the award decided. */
  at: number | null
}

/**
 * What the organisation could write a reference from: for a public body its completed pilots as
 * host and its awarded calls' winners; for a company its completed pilots and its won awards.
 * Only for a member of the organisation (else nothing).
 */
export async function listSources(
  db: DB,
  input: { organisationId: number; userId: number },
): Promise<ReferenceSourceItem[]> {
  // Only a member of the organisation sees what it could write about.
  const isMember = sql<boolean>`EXISTS (SELECT 1 FROM memberships
    WHERE organisation_id = ${input.organisationId} AND user_id = ${input.userId})`
  const pilots = await db
    .selectFrom('pilots as p')
    .innerJoin('pilot_reports as rep', 'rep.pilot_id', 'p.id')
    .innerJoin('test_bed_offers as o', 'o.id', 'p.offer_id')
    .innerJoin('organisations as h', 'h.id', 'p.host_id')
    .innerJoin('organisations as c', 'c.id', 'p.company_id')
    .leftJoin('reference_cases as r', 'r.pilot_id', 'p.id')
    .select([
      'p.id',
      'p.host_id',
      'p.company_id',
      'p.completed_at',
      'o.title',
      'h.name as host_name',
      'c.name as company_name',
    ])
    .where('p.status', '=', 'completed')
    .where('r.id', 'is', null)
    .where((eb) =>
      eb.or([
        eb('p.host_id', '=', input.organisationId),
        eb('p.company_id', '=', input.organisationId),
      ]),
    )
    .where(isMember)
    .orderBy('p.completed_at', 'desc')
    .orderBy('p.id', 'desc')
    .execute()
  const awards = await db
    .selectFrom('call_awards as a')
    .innerJoin('calls as ca', 'ca.id', 'a.call_id')
    .innerJoin('bids as b', 'b.id', 'a.bid_id')
    .innerJoin('organisations as buyer', 'buyer.id', 'ca.organisation_id')
    .innerJoin('organisations as c', 'c.id', 'b.company_id')
    .leftJoin('reference_cases as r', (join) =>
      join.onRef('r.call_id', '=', 'ca.id').onRef('r.company_id', '=', 'b.company_id'),
    )
    .select([
      'ca.id as call_id',
      'ca.organisation_id',
      'b.company_id',
      'ca.title',
      'ca.decided_at',
      'buyer.name as buyer_name',
      'c.name as company_name',
    ])
    .where('ca.status', '=', 'awarded')
    .where('r.id', 'is', null)
    .where((eb) =>
      eb.or([
        eb('ca.organisation_id', '=', input.organisationId),
        eb('b.company_id', '=', input.organisationId),
      ]),
    )
    .where(isMember)
    .orderBy('ca.decided_at', 'desc')
    .orderBy('ca.id', 'desc')
    .execute()
  return [
    ...pilots.map((p): ReferenceSourceItem => ({
      kind: 'pilot',
      pilotId: p.id,
      callId: null,
      companyId: p.company_id,
      title: p.title,
      counterpartName: p.host_id === input.organisationId ? p.company_name : p.host_name,
      at: p.completed_at,
    })),
    ...awards.map((a): ReferenceSourceItem => ({
      kind: 'call',
      pilotId: null,
      callId: a.call_id,
      companyId: a.company_id,
      title: a.title,
      counterpartName: a.organisation_id === input.organisationId ? a.company_name : a.buyer_name,
      at: a.decided_at,
    })),
  ]
}

/** What a draft starts from, shaped like the stored text (empty where the source says nothing). */
export interface ReferencePrefill {
  title_sv: string
  summary_sv: string
  challenge_sv: string
  solution_sv: string
  deployment_sv: string
  participants_sv: string
  quote_sv: string
  quote_by_role: string
  title_en: null
  summary_en: null
  challenge_en: null
  solution_en: null
  deployment_en: null
  participants_en: null
  quote_en: null
  place: string
  started_on: number | null
  ended_on: number | null
  results: ReferenceResult[]
  would_use_again: null
  takes_reference_calls: boolean
  contact_role: string
}

function emptyPrefill(): ReferencePrefill {
  return {
    title_sv: '',
    summary_sv: '',
    challenge_sv: '',
    solution_sv: '',
    deployment_sv: '',
    participants_sv: '',
    quote_sv: '',
    quote_by_role: '',
    title_en: null,
    summary_en: null,
    challenge_en: null,
    solution_en: null,
    deployment_en: null,
    participants_en: null,
    quote_en: null,
    place: '',
    started_on: null,
    ended_on: null,
    results: [],
    would_use_again: null,
    takes_reference_calls: false,
    contact_role: '',
  }
}

const clip = (value: string, max: number) => (value.length > max ? value.slice(0, max) : value)

export interface DraftSource {
  source:
    | { kind: 'pilot'; pilotId: number; offerId: number; title: string }
    | { kind: 'call'; callId: number; title: string }
  publicBody: { id: number; name: string; slug: string }
  company: { id: number; name: string; slug: string }
  side: ReferenceSide
  /** The case already written from this source, if any (one per source). */
  existingId: number | null
  prefill: ReferencePrefill
}

/**
 * The source of a new draft, for one of its parties: a completed pilot with its test report, or
 * an award the company won. Anything else, or anyone else, gets 'not_found'.
 */
export async function getSourceForDraft(
  db: DB,
  source: ReferenceSource,
  userId: number,
): Promise<DraftSource> {
  return 'pilotId' in source
    ? pilotSource(db, source.pilotId, userId)
    : callSource(db, source.callId, source.companyId, userId)
}

async function pilotSource(db: DB, pilotId: number, userId: number): Promise<DraftSource> {
  const row = await db
    .selectFrom('pilots as p')
    .innerJoin('pilot_reports as rep', 'rep.pilot_id', 'p.id')
    .innerJoin('pilot_applications as app', 'app.id', 'p.application_id')
    .innerJoin('test_bed_offers as o', 'o.id', 'p.offer_id')
    .innerJoin('organisations as h', 'h.id', 'p.host_id')
    .innerJoin('organisations as c', 'c.id', 'p.company_id')
    .innerJoin('counties as county', 'county.code', 'o.county_code')
    .leftJoin('municipalities as m', 'm.code', 'o.municipality_code')
    .leftJoin('reference_cases as r', 'r.pilot_id', 'p.id')
    .select([
      'p.id',
      'p.starts_on',
      'p.ends_on',
      'p.completed_at',
      'o.id as offer_id',
      'o.title',
      'o.summary',
      'o.places',
      'app.product_name',
      'app.product_description',
      'rep.what_tested',
      'rep.with_whom',
      'rep.results',
      'h.id as host_id',
      'h.name as host_name',
      'h.slug as host_slug',
      'c.id as company_id',
      'c.name as company_name',
      'c.slug as company_slug',
      'county.name as county_name',
      'm.name as municipality_name',
      'r.id as reference_id',
      memberFlag('p.host_id', userId).as('is_host'),
      memberFlag('p.company_id', userId).as('is_company'),
    ])
    .where('p.id', '=', pilotId)
    .where('p.status', '=', 'completed')
    .executeTakeFirst()
  if (!row || (!row.is_host && !row.is_company)) throw new DomainError('not_found')
  const solution = [row.product_name, row.product_description].filter(Boolean).join('\n\n')
  return {
    source: { kind: 'pilot', pilotId: row.id, offerId: row.offer_id, title: row.title },
    publicBody: { id: row.host_id, name: row.host_name, slug: row.host_slug },
    company: { id: row.company_id, name: row.company_name, slug: row.company_slug },
    side: row.is_host ? 'public_body' : 'company',
    existingId: row.reference_id,
    prefill: {
      ...emptyPrefill(),
      title_sv: clip(row.title, 200),
      summary_sv: clip(row.results, 600),
      challenge_sv: row.summary,
      solution_sv: clip(solution, 8000),
      deployment_sv: clip(row.what_tested, 8000),
      participants_sv: clip(row.with_whom, 4000),
      place: clip(
        row.places.trim() ||
          (row.municipality_name
            ? `${row.municipality_name}, ${row.county_name}`
            : row.county_name),
        300,
      ),
      started_on: row.starts_on,
      // A pilot completed early (its report filed) ended then.
      ended_on:
        row.completed_at !== null && row.completed_at < row.ends_on
          ? Math.max(row.completed_at, row.starts_on)
          : row.ends_on,
    },
  }
}

async function callSource(
  db: DB,
  callId: number,
  companyId: number,
  userId: number,
): Promise<DraftSource> {
  const row = await db
    .selectFrom('calls as ca')
    .innerJoin('call_awards as a', 'a.call_id', 'ca.id')
    .innerJoin('bids as b', 'b.id', 'a.bid_id')
    .innerJoin('organisations as buyer', 'buyer.id', 'ca.organisation_id')
    .innerJoin('organisations as c', 'c.id', 'b.company_id')
    .innerJoin('counties as county', 'county.code', 'ca.county_code')
    .leftJoin('municipalities as m', 'm.code', 'ca.municipality_code')
    .leftJoin('reference_cases as r', (join) =>
      join.onRef('r.call_id', '=', 'ca.id').onRef('r.company_id', '=', 'b.company_id'),
    )
    .select([
      'ca.id',
      'ca.title',
      'ca.summary',
      'ca.need',
      'ca.decided_at',
      'ca.contract_signed_at',
      'buyer.id as buyer_id',
      'buyer.name as buyer_name',
      'buyer.slug as buyer_slug',
      'c.id as company_id',
      'c.name as company_name',
      'c.slug as company_slug',
      'county.name as county_name',
      'm.name as municipality_name',
      'r.id as reference_id',
      memberFlag('ca.organisation_id', userId).as('is_buyer'),
      memberFlag('b.company_id', userId).as('is_company'),
    ])
    .where('ca.id', '=', callId)
    .where('ca.status', '=', 'awarded')
    .where('b.company_id', '=', companyId)
    .executeTakeFirst()
  if (!row || (!row.is_buyer && !row.is_company)) throw new DomainError('not_found')
  return {
    source: { kind: 'call', callId: row.id, title: row.title },
    publicBody: { id: row.buyer_id, name: row.buyer_name, slug: row.buyer_slug },
    company: { id: row.company_id, name: row.company_name, slug: row.company_slug },
    side: row.is_buyer ? 'public_body' : 'company',
    existingId: row.reference_id,
    prefill: {
      ...emptyPrefill(),
      title_sv: clip(row.title, 200),
      summary_sv: clip(row.summary, 600),
      challenge_sv: clip(row.need, 8000),
      participants_sv: clip(`${row.buyer_name}, ${row.company_name}`, 4000),
      place: clip(
        row.municipality_name ? `${row.municipality_name}, ${row.county_name}` : row.county_name,
        300,
      ),
      started_on: row.contract_signed_at ?? row.decided_at,
    },
  }
}

function textColumns(input: ReferenceInput) {
  return {
    title_sv: input.title_sv,
    summary_sv: input.summary_sv,
    challenge_sv: input.challenge_sv,
    solution_sv: input.solution_sv,
    deployment_sv: input.deployment_sv,
    participants_sv: input.participants_sv,
    quote_sv: input.quote_sv,
    title_en: input.title_en,
    summary_en: input.summary_en,
    challenge_en: input.challenge_en,
    solution_en: input.solution_en,
    deployment_en: input.deployment_en,
    participants_en: input.participants_en,
    quote_en: input.quote_en,
    quote_by_role: input.quote_by_role,
    place: input.place,
    started_on: input.started_on,
    ended_on: input.ended_on,
    results_json: JSON.stringify(input.results),
    would_use_again: input.would_use_again ? (1 as const) : (0 as const),
    takes_reference_calls: input.takes_reference_calls ? (1 as const) : (0 as const),
    contact_role: input.contact_role,
  }
}

/**
 * A party writes the first draft from its source. Nobody has approved it yet; the other side's
 * members are asked to read it. Returns the new case's id.
 */
export async function createReference(
  db: DB,
  input: { source: ReferenceSource; userId: number; text: ReferenceInput; ip?: string | null },
): Promise<number> {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const draft = await getSourceForDraft(tx, input.source, input.userId)
      if (draft.existingId !== null) throw new DomainError('reference_exists')
      const at = now()
      const row = await tx
        .insertInto('reference_cases')
        .values({
          public_body_id: draft.publicBody.id,
          company_id: draft.company.id,
          pilot_id: draft.source.kind === 'pilot' ? draft.source.pilotId : null,
          call_id: draft.source.kind === 'call' ? draft.source.callId : null,
          ...textColumns(input.text),
          created_by: input.userId,
          updated_by: input.userId,
          created_at: at,
          updated_at: at,
        })
        .returning(['id', 'title_sv', 'title_en'])
        .executeTakeFirstOrThrow()
      const sideOrg = draft.side === 'public_body' ? draft.publicBody : draft.company
      const otherOrg = draft.side === 'public_body' ? draft.company : draft.publicBody
      await audit(tx, {
        actorUserId: input.userId,
        organisationId: sideOrg.id,
        action: 'reference.created',
        entityType: 'reference_case',
        entityId: row.id,
        after: {
          status: 'draft',
          revision: 1,
          pilot_id: draft.source.kind === 'pilot' ? draft.source.pilotId : null,
          call_id: draft.source.kind === 'call' ? draft.source.callId : null,
          public_body_id: draft.publicBody.id,
          company_id: draft.company.id,
        },
        ip: input.ip ?? null,
      })
      await mailMembers(tx, otherOrg.id, input.userId, 'reference_approval_requested', (l) => ({
        title: titleIn(l, row),
        organisation: sideOrg.name,
        revision: 1,
        link: referenceLink(row.id),
      }))
      return row.id
    }),
  )
}

// ---------------------------------------------------------------------------------------------
// Reading a case.

export interface ReferenceApproval {
  revision: number
  byName: string
  at: number
}

export interface ReferenceView extends ReferenceInput {
  id: number
  status: ReferenceStatus
  revision: number
  /** The consenting contact's name (never an address), when the case takes reference calls. */
  contact_name: string | null
  first_published_at: number | null
  published_at: number | null
  publicBody: { id: number; name: string; slug: string }
  company: { id: number; name: string; slug: string; size_class: SizeClass | null }
  source:
    | { kind: 'pilot'; pilotId: number; offerId: number; title: string }
    | { kind: 'call'; callId: number; title: string }
}

export interface ReferencePartyView {
  side: ReferenceSide
  isPublicBodyMember: boolean
  isCompanyMember: boolean
  approvals: { public_body: ReferenceApproval | null; company: ReferenceApproval | null }
  /** The viewer's own side has approved the current text. */
  ownApproved: boolean
  canApprove: boolean
  canWithdraw: boolean
  /** Never published: a draft can still be deleted. */
  canDelete: boolean
  /** The viewer is the named contact. */
  isContact: boolean
  contactUserId: number | null
  contactName: string | null
  withdrawn: { at: number; byName: string; organisationName: string; reason: string } | null
  updatedAt: number
  updatedByName: string
}

/**
 * A case as the viewer may see it: published → anyone; a draft or a withdrawn case → only the
 * members of its two parties (anyone else gets 'not_found'). `party` is the approval panel's
 * data, for the parties only.
 */
export async function getReferenceForViewer(
  db: DB,
  referenceId: number,
  userId: number | null,
): Promise<{ reference: ReferenceView; party: ReferencePartyView | null }> {
  const viewer = userId ?? 0
  const row = await db
    .selectFrom('reference_cases as r')
    .innerJoin('organisations as pb', 'pb.id', 'r.public_body_id')
    .innerJoin('organisations as co', 'co.id', 'r.company_id')
    .leftJoin('pilots as p', 'p.id', 'r.pilot_id')
    .leftJoin('test_bed_offers as o', 'o.id', 'p.offer_id')
    .leftJoin('calls as ca', 'ca.id', 'r.call_id')
    .leftJoin('users as contact', 'contact.id', 'r.contact_user_id')
    .leftJoin('users as pba', 'pba.id', 'r.public_body_approved_by')
    .leftJoin('users as coa', 'coa.id', 'r.company_approved_by')
    .leftJoin('users as wb', 'wb.id', 'r.withdrawn_by')
    .leftJoin('organisations as wo', 'wo.id', 'r.withdrawn_by_organisation_id')
    .innerJoin('users as ub', 'ub.id', 'r.updated_by')
    .selectAll('r')
    .select([
      'pb.name as public_body_name',
      'pb.slug as public_body_slug',
      'co.name as company_name',
      'co.slug as company_slug',
      'co.size_class as company_size_class',
      'o.id as offer_id',
      'o.title as offer_title',
      'ca.title as call_title',
      'contact.name as contact_name',
      'pba.name as public_body_approver',
      'coa.name as company_approver',
      'wb.name as withdrawn_by_name',
      'wo.name as withdrawn_by_organisation',
      'ub.name as updated_by_name',
      memberFlag('r.public_body_id', viewer).as('is_public_body'),
      memberFlag('r.company_id', viewer).as('is_company'),
    ])
    .where('r.id', '=', referenceId)
    .executeTakeFirst()
  if (!row) throw new DomainError('not_found')
  const isParty = Boolean(row.is_public_body) || Boolean(row.is_company)
  if (row.status !== 'published' && !isParty) throw new DomainError('not_found')
  const takesCalls = row.takes_reference_calls === 1
  const reference: ReferenceView = {
    id: row.id,
    status: row.status,
    revision: row.revision,
    title_sv: row.title_sv,
    summary_sv: row.summary_sv,
    challenge_sv: row.challenge_sv,
    solution_sv: row.solution_sv,
    deployment_sv: row.deployment_sv,
    participants_sv: row.participants_sv,
    quote_sv: row.quote_sv,
    title_en: row.title_en,
    summary_en: row.summary_en,
    challenge_en: row.challenge_en,
    solution_en: row.solution_en,
    deployment_en: row.deployment_en,
    participants_en: row.participants_en,
    quote_en: row.quote_en,
    quote_by_role: row.quote_by_role,
    place: row.place,
    started_on: row.started_on,
    ended_on: row.ended_on,
    results: parseResults(row.results_json),
    would_use_again: row.would_use_again === 1,
    takes_reference_calls: takesCalls,
    contact_role: row.contact_role,
    contact_name: takesCalls ? row.contact_name : null,
    first_published_at: row.first_published_at,
    published_at: row.published_at,
    publicBody: { id: row.public_body_id, name: row.public_body_name, slug: row.public_body_slug },
    company: {
      id: row.company_id,
      name: row.company_name,
      slug: row.company_slug,
      size_class: row.company_size_class,
    },
    source:
      row.pilot_id !== null
        ? {
            kind: 'pilot',
            pilotId: row.pilot_id,
            offerId: row.offer_id ?? 0,
            title: row.offer_title ?? '',
          }
        : { kind: 'call', callId: row.call_id ?? 0, title: row.call_title ?? '' },
  }
  if (!isParty) return { reference, party: null }

  const side: ReferenceSide = row.is_public_body ? 'public_body' : 'company'
  const approval = (
    revision: number | null,
    byName: string | null,
    at: number | null,
  ): ReferenceApproval | null =>
    revision !== null && byName !== null && at !== null ? { revision, byName, at } : null
  const approvals = {
    public_body: approval(
      row.public_body_approved_revision,
      row.public_body_approver,
      row.public_body_approved_at,
    ),
    company: approval(row.company_approved_revision, row.company_approver, row.company_approved_at),
  }
  const own = approvals[side]
  const otherApprovedBy =
    side === 'public_body' ? row.company_approved_by : row.public_body_approved_by
  const party: ReferencePartyView = {
    side,
    isPublicBodyMember: Boolean(row.is_public_body),
    isCompanyMember: Boolean(row.is_company),
    approvals,
    ownApproved: own !== null,
    // One person does not approve for both sides.
    canApprove: own === null && otherApprovedBy !== userId,
    canWithdraw: row.status === 'published',
    canDelete: row.first_published_at === null,
    isContact: row.contact_user_id !== null && row.contact_user_id === userId,
    contactUserId: row.contact_user_id,
    contactName: row.contact_name,
    withdrawn:
      row.status === 'withdrawn' && row.withdrawn_at !== null
        ? {
            at: row.withdrawn_at,
            byName: row.withdrawn_by_name ?? '',
            organisationName: row.withdrawn_by_organisation ?? '',
            reason: row.withdrawal_reason ?? '',
          }
        : null,
    updatedAt: row.updated_at,
    updatedByName: row.updated_by_name,
  }
  return { reference, party }
}

/** The case for its edit form: parties only, in any state. */
export async function getReferenceForEdit(db: DB, referenceId: number, userId: number) {
  const view = await getReferenceForViewer(db, referenceId, userId)
  if (!view.party) throw new DomainError('not_found')
  return { reference: view.reference, party: view.party }
}

/** The case written from a pilot, if any (for the pilot page's link). */
export async function findReferenceForPilot(db: DB, pilotId: number): Promise<number | null> {
  const row = await db
    .selectFrom('reference_cases')
    .select('id')
    .where('pilot_id', '=', pilotId)
    .executeTakeFirst()
  return row?.id ?? null
}

// ---------------------------------------------------------------------------------------------
// Changes.

/**
 * A party edits the text. The database then makes a new revision, clears both approvals and
 * turns a published case back into a draft (an AFTER trigger), so the row is read again and the
 * people whose approval was cleared are told. An unchanged text changes nothing.
 */
export async function updateReference(
  db: DB,
  input: { referenceId: number; userId: number; text: ReferenceInput; ip?: string | null },
): Promise<{ revision: number; status: ReferenceStatus; changed: boolean; reset: boolean }> {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const before = await caseForParty(tx, input.referenceId, input.userId)
      const at = now()
      await tx
        .updateTable('reference_cases')
        .set({ ...textColumns(input.text), updated_by: input.userId, updated_at: at })
        .where('id', '=', before.id)
        .execute()
      const after = await tx
        .selectFrom('reference_cases')
        .select(['revision', 'status', 'title_sv', 'title_en'])
        .where('id', '=', before.id)
        .executeTakeFirstOrThrow()
      const changed = after.revision !== before.revision
      if (!changed) return { revision: after.revision, status: after.status, changed, reset: false }
      await audit(tx, {
        actorUserId: input.userId,
        organisationId: before.sideOrganisationId,
        action: 'reference.edited',
        entityType: 'reference_case',
        entityId: before.id,
        before: {
          revision: before.revision,
          status: before.status,
          public_body_approved: before.public_body_approved_revision !== null,
          company_approved: before.company_approved_revision !== null,
        },
        after: { revision: after.revision, status: after.status },
        ip: input.ip ?? null,
      })
      const cleared = [before.public_body_approved_by, before.company_approved_by].filter(
        (id): id is number => id !== null && id !== input.userId,
      )
      if (cleared.length > 0) {
        const people = await tx
          .selectFrom('users')
          .select(['email', 'locale'])
          .where('id', 'in', cleared)
          .orderBy('id')
          .execute()
        for (const person of people) {
          await queueMail(tx, {
            to: person.email,
            locale: person.locale,
            template: 'reference_approval_reset',
            params: {
              title: titleIn(person.locale, after),
              organisation: before.sideName,
              revision: after.revision,
              link: referenceLink(before.id),
            },
          })
        }
      }
      const reset = before.public_body_approved_by !== null || before.company_approved_by !== null
      return { revision: after.revision, status: after.status, changed, reset }
    }),
  )
}

/**
 * The viewer approves the current text for their side. When the other side has approved the same
 * revision, the same statement publishes the case (the database insists on both). `revision` is
 * the one the viewer read: a text changed since then is not approved unseen.
 */
export async function approveReference(
  db: DB,
  input: { referenceId: number; userId: number; revision: number; ip?: string | null },
): Promise<{ published: boolean }> {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const c = await caseForParty(tx, input.referenceId, input.userId)
      if (c.revision !== input.revision) throw new DomainError('reference_approval_invalid')
      const own = c.side === 'public_body' ? c.public_body_approved_by : c.company_approved_by
      if (own !== null) throw new DomainError('invalid_transition')
      const other = c.side === 'public_body' ? c.company_approved_by : c.public_body_approved_by
      if (other === input.userId) throw new DomainError('reference_approval_invalid')
      const otherRevision =
        c.side === 'public_body' ? c.company_approved_revision : c.public_body_approved_revision
      const publish = otherRevision === c.revision
      const at = now()
      const approval =
        c.side === 'public_body'
          ? {
              public_body_approved_revision: c.revision,
              public_body_approved_by: input.userId,
              public_body_approved_at: at,
            }
          : {
              company_approved_revision: c.revision,
              company_approved_by: input.userId,
              company_approved_at: at,
            }
      const result = await tx
        .updateTable('reference_cases')
        .set({
          ...approval,
          ...(publish
            ? {
                status: 'published' as const,
                published_at: at,
                first_published_at: c.first_published_at ?? at,
              }
            : {}),
          updated_by: input.userId,
          updated_at: at,
        })
        .where('id', '=', c.id)
        .where('revision', '=', c.revision)
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) !== 1) throw new DomainError('reference_approval_invalid')
      await audit(tx, {
        actorUserId: input.userId,
        organisationId: c.sideOrganisationId,
        action: publish ? 'reference.published' : 'reference.approved',
        entityType: 'reference_case',
        entityId: c.id,
        before: { status: c.status, revision: c.revision },
        after: { status: publish ? 'published' : c.status, revision: c.revision, side: c.side },
        ip: input.ip ?? null,
      })
      if (publish) {
        for (const org of [c.public_body_id, c.company_id]) {
          await mailMembers(tx, org, input.userId, 'reference_published', (l) => ({
            title: titleIn(l, c),
            link: referenceLink(c.id),
          }))
        }
      } else {
        await mailMembers(tx, c.otherOrganisationId, null, 'reference_approval_requested', (l) => ({
          title: titleIn(l, c),
          organisation: c.sideName,
          revision: c.revision,
          link: referenceLink(c.id),
        }))
      }
      return { published: publish }
    }),
  )
}

/**
 * Either side withdraws a published case at once, with a reason the other side is told. Both
 * approvals go; to publish it again, both approve again.
 */
export async function withdrawReference(
  db: DB,
  input: { referenceId: number; userId: number; reason: string; ip?: string | null },
): Promise<void> {
  await withRules(() =>
    db.transaction().execute(async (tx) => {
      const c = await caseForParty(tx, input.referenceId, input.userId)
      if (c.status !== 'published') throw new DomainError('invalid_transition')
      const reason = input.reason.trim()
      if (reason.length < 2) throw new DomainError('reason_required')
      const at = now()
      await tx
        .updateTable('reference_cases')
        .set({
          status: 'withdrawn',
          public_body_approved_revision: null,
          public_body_approved_by: null,
          public_body_approved_at: null,
          company_approved_revision: null,
          company_approved_by: null,
          company_approved_at: null,
          published_at: null,
          withdrawn_at: at,
          withdrawn_by: input.userId,
          withdrawn_by_organisation_id: c.sideOrganisationId,
          withdrawal_reason: reason,
          updated_by: input.userId,
          updated_at: at,
        })
        .where('id', '=', c.id)
        .execute()
      await audit(tx, {
        actorUserId: input.userId,
        organisationId: c.sideOrganisationId,
        action: 'reference.withdrawn',
        entityType: 'reference_case',
        entityId: c.id,
        before: { status: c.status, revision: c.revision },
        after: { status: 'withdrawn', revision: c.revision, side: c.side },
        ip: input.ip ?? null,
      })
      await mailMembers(tx, c.otherOrganisationId, null, 'reference_withdrawn', (l) => ({
        title: titleIn(l, c),
        organisation: c.sideName,
        reason,
        link: referenceLink(c.id),
      }))
    }),
  )
}

/** A draft that was never published can be deleted by either party; what was public stays. */
export async function deleteDraftReference(
  db: DB,
  input: { referenceId: number; userId: number; ip?: string | null },
): Promise<{ organisationSlug: string }> {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const c: PartyCase = await caseForParty(tx, input.referenceId, input.userId)
      if (c.first_published_at !== null) throw new DomainError('reference_published_once')
      await tx.deleteFrom('reference_cases').where('id', '=', c.id).execute()
      await audit(tx, {
        actorUserId: input.userId,
        organisationId: c.sideOrganisationId,
        action: 'reference.deleted',
        entityType: 'reference_case',
        entityId: c.id,
        before: { status: c.status, revision: c.revision },
        ip: input.ip ?? null,
      })
      const org = await tx
        .selectFrom('organisations')
        .select('slug')
        .where('id', '=', c.sideOrganisationId)
        .executeTakeFirstOrThrow()
      return { organisationSlug: org.slug }
    }),
  )
}

/**
 * A member of the public body agrees to be named as the contact for reference calls, or takes
 * that back. Only for themself (the database insists), and only one named person at a time: a
 * colleague takes over once the current contact has withdrawn.
 */
export async function setContactConsent(
  db: DB,
  input: { referenceId: number; userId: number; consent: boolean; ip?: string | null },
): Promise<void> {
  await withRules(() =>
    db.transaction().execute(async (tx) => {
      const c = await caseForParty(tx, input.referenceId, input.userId)
      if (!c.is_public_body) throw new DomainError('contact_consent_required')
      const at = now()
      if (input.consent) {
        if (c.contact_user_id === input.userId) return
        if (c.contact_user_id !== null) throw new DomainError('invalid_transition')
        await tx
          .updateTable('reference_cases')
          .set({
            contact_user_id: input.userId,
            contact_consented_at: at,
            updated_by: input.userId,
            updated_at: at,
          })
          .where('id', '=', c.id)
          .execute()
      } else {
        if (c.contact_user_id !== input.userId) throw new DomainError('contact_consent_required')
        await tx
          .updateTable('reference_cases')
          .set({
            contact_user_id: null,
            contact_consented_at: null,
            updated_by: input.userId,
            updated_at: at,
          })
          .where('id', '=', c.id)
          .execute()
      }
      await audit(tx, {
        actorUserId: input.userId,
        organisationId: c.public_body_id,
        action: input.consent ? 'reference.contact_consented' : 'reference.contact_withdrawn',
        entityType: 'reference_case',
        entityId: c.id,
        ip: input.ip ?? null,
      })
    }),
  )
}

// ---------------------------------------------------------------------------------------------
// The organisation's list.

export interface OrganisationReferenceRow {
  id: number
  status: ReferenceStatus
  revision: number
  title_sv: string
  title_en: string | null
  counterpartName: string
  side: ReferenceSide
  ownApproved: boolean
  otherApproved: boolean
  updatedAt: number
  firstPublishedAt: number | null
}

/** The organisation's cases, for its members only (anyone else gets an empty list). */
export async function listOrganisationReferences(
  db: DB,
  input: { organisationId: number; userId: number },
): Promise<OrganisationReferenceRow[]> {
  const rows = await db
    .selectFrom('reference_cases as r')
    .innerJoin('organisations as pb', 'pb.id', 'r.public_body_id')
    .innerJoin('organisations as co', 'co.id', 'r.company_id')
    .innerJoin('memberships as m', (join) =>
      join.on('m.organisation_id', '=', input.organisationId).on('m.user_id', '=', input.userId),
    )
    .select([
      'r.id',
      'r.status',
      'r.revision',
      'r.title_sv',
      'r.title_en',
      'r.public_body_id',
      'r.public_body_approved_revision',
      'r.company_approved_revision',
      'r.updated_at',
      'r.first_published_at',
      'pb.name as public_body_name',
      'co.name as company_name',
    ])
    .where((eb) =>
      eb.or([
        eb('r.public_body_id', '=', input.organisationId),
        eb('r.company_id', '=', input.organisationId),
      ]),
    )
    // By state (drafts need attention first), then the latest change first.
    .orderBy(sql`CASE r.status WHEN 'draft' THEN 0 WHEN 'published' THEN 1 ELSE 2 END`)
    .orderBy('r.updated_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute()
  return rows.map((r) => {
    const side: ReferenceSide =
      r.public_body_id === input.organisationId ? 'public_body' : 'company'
    const pb = r.public_body_approved_revision !== null
    const co = r.company_approved_revision !== null
    return {
      id: r.id,
      status: r.status,
      revision: r.revision,
      title_sv: r.title_sv,
      title_en: r.title_en,
      counterpartName: side === 'public_body' ? r.company_name : r.public_body_name,
      side,
      ownApproved: side === 'public_body' ? pb : co,
      otherApproved: side === 'public_body' ? co : pb,
      updatedAt: r.updated_at,
      firstPublishedAt: r.first_published_at,
    }
  })
}
