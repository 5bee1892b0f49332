import { sha256 } from '@oslojs/crypto/sha2'
import { encodeHexLowerCase } from '@oslojs/encoding'
import type { DB } from '#db/connection'
import type { ApplicationStatus, Bool } from '#db/schema'
import { now } from '~/utils/clock.server'
import { getEnv } from '~/utils/env.server'
import { DomainError } from './errors.server'
import { listMemberCompanies, memberCompany } from './memberships.server'

// A company's side of pilot applications: drafts, submission with a receipt, withdrawal, and the
// company's own view of the outcome. The fairness rules themselves are triggers in migration
// 2026-11-25-02; these modules only add membership checks and the receipt.
//
// This module holds the content, the receipt and the company's reads; the writes (drafts,
// submission, withdrawal) are in pilot-application-submission.server.ts.

/** Statuses that hold the company's one place per offer (the unique index in the migration). */
export const LIVE_STATUSES: ApplicationStatus[] = ['draft', 'submitted', 'accepted']

/** What a company writes in an application. Everything is optional while it is a draft. */
export interface ApplicationContent {
  product_name: string
  product_description: string
  trl: number | null
  test_goals: string
  proposed_start: number | null
  proposed_end: number | null
  test_user_count: number | null
  test_user_description: string
  data_needs: string
  contribution: string
  declares_requirements: boolean
  declares_no_conflict: boolean
}

export type ApplicationInput = Partial<{
  [K in keyof ApplicationContent]: ApplicationContent[K] | undefined
}>

export function contentColumns(input: ApplicationInput) {
  const text = (value: string | undefined) => value?.trim() ?? ''
  return {
    product_name: text(input.product_name),
    product_description: text(input.product_description),
    trl: input.trl ?? null,
    test_goals: text(input.test_goals),
    proposed_start: input.proposed_start ?? null,
    proposed_end: input.proposed_end ?? null,
    test_user_count: input.test_user_count ?? null,
    test_user_description: text(input.test_user_description),
    data_needs: text(input.data_needs),
    contribution: text(input.contribution),
    declares_requirements: (input.declares_requirements ? 1 : 0) as Bool,
    declares_no_conflict: (input.declares_no_conflict ? 1 : 0) as Bool,
  }
}
type ContentColumns = ReturnType<typeof contentColumns>
export const CONTENT_COLUMNS = [
  'product_name',
  'product_description',
  'trl',
  'test_goals',
  'proposed_start',
  'proposed_end',
  'test_user_count',
  'test_user_description',
  'data_needs',
  'contribution',
  'declares_requirements',
  'declares_no_conflict',
] as const satisfies readonly (keyof ContentColumns)[]

// ---------------------------------------------------------------------------------------------
// The receipt

/** Exactly what the receipt hash covers, as stored in the database. */
export type ReceiptFields = ContentColumns & {
  offer_id: number
  company_id: number
  submitted_at: number
}

const RECEIPT_KEYS = [
  'company_id',
  'contribution',
  'data_needs',
  'declares_no_conflict',
  'declares_requirements',
  'offer_id',
  'product_description',
  'product_name',
  'proposed_end',
  'proposed_start',
  'submitted_at',
  'test_goals',
  'test_user_count',
  'test_user_description',
  'trl',
] as const satisfies readonly (keyof ReceiptFields)[]

/**
 * The canonical form of a submitted application: a JSON object with its keys in alphabetical
 * order, no white space, texts as stored, dates as unix seconds, declarations as 0/1. Anyone
 * with the stored row can rebuild it and check the hash on the receipt.
 */
export function canonicalReceipt(fields: ReceiptFields): string {
  return JSON.stringify(Object.fromEntries(RECEIPT_KEYS.map((key) => [key, fields[key] ?? null])))
}

/** SHA-256 (lower-case hex) of the canonical application: the receipt's fingerprint. */
export function receiptHash(fields: ReceiptFields): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(canonicalReceipt(fields))))
}

export function applicationLink(applicationId: number): string {
  return `${getEnv().APP_ORIGIN}/applications/${applicationId}`
}

// ---------------------------------------------------------------------------------------------
// Applying

/** A published offer as an applicant sees it, with its host and criteria; null otherwise. */
export async function getOfferForApplying(db: DB, offerId: number) {
  const offer = await db
    .selectFrom('test_bed_offers')
    .innerJoin('organisations as host', 'host.id', 'test_bed_offers.organisation_id')
    .select([
      'test_bed_offers.id',
      'test_bed_offers.title',
      'test_bed_offers.intake',
      'test_bed_offers.deadline',
      'test_bed_offers.trl_min',
      'test_bed_offers.trl_max',
      'test_bed_offers.requires_ce_marking',
      'test_bed_offers.requires_dpia',
      'test_bed_offers.requires_insurance',
      'test_bed_offers.other_requirements',
      'test_bed_offers.available_from',
      'test_bed_offers.available_until',
      'host.id as host_id',
      'host.name as host_name',
      'host.slug as host_slug',
    ])
    .where('test_bed_offers.id', '=', offerId)
    .where('test_bed_offers.status', '=', 'published')
    .executeTakeFirst()
  if (!offer) return null
  const criteria = await db
    .selectFrom('test_bed_criteria')
    .select(['id', 'position', 'title', 'description', 'kind'])
    .where('offer_id', '=', offerId)
    .orderBy('position')
    .execute()
  return {
    ...offer,
    requires_ce_marking: offer.requires_ce_marking === 1,
    requires_dpia: offer.requires_dpia === 1,
    requires_insurance: offer.requires_insurance === 1,
    // A round takes applications until its deadline (server time), rolling intake always.
    open: offer.deadline === null || offer.deadline > now(),
    criteria,
  }
}

function toContent(row: ContentColumns): ApplicationContent {
  return {
    ...row,
    declares_requirements: row.declares_requirements === 1,
    declares_no_conflict: row.declares_no_conflict === 1,
  }
}

/**
 * Everything the apply page needs: the published offer, the user's companies, the company
 * applying (the chosen one, or the only one) and its live application to the offer, if any.
 * Throws 'not_found' for an unknown or unpublished offer.
 */
export async function getApplyContext(
  db: DB,
  options: { offerId: number; userId: number; companySlug?: string | undefined },
) {
  const offer = await getOfferForApplying(db, options.offerId)
  if (!offer) throw new DomainError('not_found')
  const companies = await listMemberCompanies(db, options.userId)
  const company =
    companies.find((c) => c.slug === options.companySlug) ??
    (companies.length === 1 ? companies[0] : undefined) ??
    null
  const live = company ? await findLiveApplication(db, offer.id, company.id) : undefined
  return {
    offer,
    companies,
    company,
    application: live
      ? {
          id: live.id,
          status: live.status,
          updated_at: live.updated_at,
          content: toContent(live),
        }
      : null,
  }
}

export async function findLiveApplication(db: DB, offerId: number, companyId: number) {
  return db
    .selectFrom('pilot_applications')
    .select(['id', 'status', 'updated_at', ...CONTENT_COLUMNS])
    .where('offer_id', '=', offerId)
    .where('company_id', '=', companyId)
    .where('status', 'in', LIVE_STATUSES)
    .executeTakeFirst()
}

// ---------------------------------------------------------------------------------------------
// One application, as its company sees it

/**
 * The application, if the user is a member of the applying company (anyone else: 'not_found'),
 * with its offer, and once decided the assessment per criterion and the pilot.
 */
export async function getApplicationForCompany(db: DB, applicationId: number, userId: number) {
  const row = await db
    .selectFrom('pilot_applications as a')
    .innerJoin('memberships as m', (join) =>
      join.onRef('m.organisation_id', '=', 'a.company_id').on('m.user_id', '=', userId),
    )
    .innerJoin('organisations as company', 'company.id', 'a.company_id')
    .innerJoin('test_bed_offers as o', 'o.id', 'a.offer_id')
    .innerJoin('organisations as host', 'host.id', 'o.organisation_id')
    .leftJoin('users as submitter', 'submitter.id', 'a.submitted_by')
    .select([
      'a.id',
      'a.status',
      'a.product_name',
      'a.product_description',
      'a.trl',
      'a.test_goals',
      'a.proposed_start',
      'a.proposed_end',
      'a.test_user_count',
      'a.test_user_description',
      'a.data_needs',
      'a.contribution',
      'a.declares_requirements',
      'a.declares_no_conflict',
      'a.created_at',
      'a.updated_at',
      'a.submitted_at',
      'a.receipt_hash',
      'a.withdrawn_at',
      'a.decided_at',
      'a.decision_reason',
      'a.pilot_starts_on',
      'a.pilot_ends_on',
      'submitter.name as submitter_name',
      'company.id as company_id',
      'company.slug as company_slug',
      'company.name as company_name',
      'o.id as offer_id',
      'o.title as offer_title',
      'o.status as offer_status',
      'o.intake as offer_intake',
      'o.deadline as offer_deadline',
      'o.trl_min as offer_trl_min',
      'o.trl_max as offer_trl_max',
      'host.name as host_name',
      'host.slug as host_slug',
    ])
    .where('a.id', '=', applicationId)
    .executeTakeFirst()
  if (!row) throw new DomainError('not_found')
  const decided = row.status === 'accepted' || row.status === 'declined'
  const [assessment, pilot] = await Promise.all([
    decided
      ? db
          .selectFrom('pilot_application_scores as s')
          .innerJoin('test_bed_criteria as c', 'c.id', 's.criterion_id')
          .select(['c.id', 'c.position', 'c.title', 'c.kind', 's.score', 's.met', 's.comment'])
          .where('s.application_id', '=', row.id)
          .orderBy('c.position')
          .execute()
      : Promise.resolve([]),
    row.status === 'accepted'
      ? db
          .selectFrom('pilots')
          .select(['id', 'status', 'starts_on', 'ends_on'])
          .where('application_id', '=', row.id)
          .executeTakeFirst()
      : Promise.resolve(undefined),
  ])
  return {
    ...row,
    declares_requirements: row.declares_requirements === 1,
    declares_no_conflict: row.declares_no_conflict === 1,
    assessment: assessment.map((s) => ({ ...s, met: s.met === null ? null : s.met === 1 })),
    pilot: pilot ?? null,
  }
}

// ---------------------------------------------------------------------------------------------
// All of a company's applications

/**
 * Every application of a company, for its members only ('not_found' for anyone else): live ones
 * (draft, submitted, accepted) first, each group newest first.
 */
export async function listCompanyApplications(db: DB, companyId: number, userId: number) {
  await memberCompany(db, { id: companyId }, userId)
  const rows = await db
    .selectFrom('pilot_applications as a')
    .innerJoin('test_bed_offers as o', 'o.id', 'a.offer_id')
    .innerJoin('organisations as host', 'host.id', 'o.organisation_id')
    .select([
      'a.id',
      'a.status',
      'a.product_name',
      'a.updated_at',
      'a.submitted_at',
      'a.decided_at',
      'o.id as offer_id',
      'o.title as offer_title',
      'host.name as host_name',
    ])
    .where('a.company_id', '=', companyId)
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute()
  return {
    live: rows.filter((r) => LIVE_STATUSES.includes(r.status)),
    closed: rows.filter((r) => !LIVE_STATUSES.includes(r.status)),
  }
}
