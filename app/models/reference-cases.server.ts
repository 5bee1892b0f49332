import { sql } from 'kysely'
import type { DB } from '#db/connection'
import type { ReferenceResult, ReferenceStatus, SizeClass } from '#db/schema'
import type { Locale } from '~/i18n/locales'
import { getEnv } from '~/utils/env.server'
import type { ReferenceInput } from '~/utils/reference-schema'
import { DomainError } from './errors.server'
import { memberFlag } from './memberships.server'
import { type MailTemplate, queueMail } from './outbox.server'

// Reference cases (issue 5): a completed pilot or an award, written up by either party and
// published only while both have approved the exact text. The database holds the rules
// (migration 2026-11-26-04-references); these modules find who is asking, write in one
// transaction with the audit row and the mail, and re-read what the triggers changed.
//
// This file holds the shared types and helpers and the reads (the case page, the organisation's
// list). Sources and prefill: reference-sources.server.ts; writing and editing:
// reference-editing.server.ts; approving, withdrawing and the contact's consent:
// reference-approval.server.ts.

export type ReferenceSide = 'public_body' | 'company'

export function referenceLink(referenceId: number): string {
  return `${getEnv().APP_ORIGIN}/references/${referenceId}`
}

export function titleIn(locale: Locale, c: { title_sv: string; title_en: string | null }): string {
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
export async function caseForParty(db: DB, referenceId: number, userId: number) {
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
export type PartyCase = Awaited<ReturnType<typeof caseForParty>>

/** One mail per member of the organisation (except `exceptUserId`), each in their own language. */
export async function mailMembers(
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
