import type { DB } from '#db/connection'
import type { AccessModel, CriterionKind, Intake, TestBedOffer } from '#db/schema'
import type { Locale } from '~/i18n/locales'
import { DomainError } from './errors.server'
import { isMemberCondition } from './memberships.server'
import { listCounties, listMunicipalities, listThemes } from './reference.server'

// A public body's test-bed offers: drafts, edits, the lifecycle and the public history. The
// database (migration 2026-11-25-02) enforces the rules again; these modules keep its errors
// translatable (DomainError) and write every change with its audit row in one transaction.
//
// This module holds the offer's input types and the host's reads; the writes are in
// test-bed-offer-editing, the public history in test-bed-offer-history (*.server.ts).

/** What a host writes about an offer and may keep editing after publication. */
export interface OfferContent {
  title: string
  summary: string
  description: string
  themes: string[]
  county_code: string
  municipality_code: string | null
  places: string
  environments: string
  test_users: string
  test_user_count: number | null
  staff_time: string
  data_access: string
  premises: string
  equipment: string
  trl_min: number
  trl_max: number
  requires_ce_marking: boolean
  requires_dpia: boolean
  requires_insurance: boolean
  other_requirements: string
  capacity: number
  available_from: number
  available_until: number | null
  contact_role: string
  contact_email: string
}

/** The terms applicants rely on: fixed once published, except that a deadline may move later. */
export interface OfferTerms {
  intake: Intake
  /** Round intake only; null for rolling. */
  deadline: number | null
  access_model: AccessModel
  market_value_sek: number
  price_sek: number
}

export interface CriterionInput {
  title: string
  description: string
  kind: CriterionKind
}

export type NewOfferInput = OfferContent & OfferTerms & { criteria: CriterionInput[] }

/**
 * An edit. For a published offer, leave terms undefined (kept) and criteria empty; anything else
 * is refused. `change_note` is the public "what changed" note of a published offer.
 */
export type OfferUpdateInput = OfferContent & {
  [K in keyof OfferTerms]?: OfferTerms[K] | undefined
} & { criteria?: CriterionInput[] | undefined; change_note?: string | null | undefined }

// ---------------------------------------------------------------------------------------------
// Reading

/** Themes, counties and municipalities for the offer form, named in the given language. */
export async function getOfferFormOptions(db: DB, locale: Locale) {
  const [themes, counties, municipalities] = await Promise.all([
    listThemes(db, locale),
    listCounties(db),
    listMunicipalities(db),
  ])
  return { themes, counties, municipalities }
}
export type OfferFormOptions = Awaited<ReturnType<typeof getOfferFormOptions>>

/**
 * Every offer of an organisation, drafts included, with the counts its host follows: applications
 * received (submitted at some point) and running pilots. Only for the organisation's members.
 */
export async function listHostOffers(db: DB, organisationId: number, userId: number) {
  const rows = await db
    .selectFrom('test_bed_offers as o')
    .select((eb) => [
      'o.id',
      'o.title',
      'o.status',
      'o.intake',
      'o.deadline',
      'o.published_at',
      'o.updated_at',
      eb
        .selectFrom('pilot_applications as a')
        .select((s) => s.fn.countAll<number>().as('n'))
        .whereRef('a.offer_id', '=', 'o.id')
        .where('a.submitted_at', 'is not', null)
        .as('applications'),
      eb
        .selectFrom('pilots as p')
        .select((s) => s.fn.countAll<number>().as('n'))
        .whereRef('p.offer_id', '=', 'o.id')
        .where('p.status', '=', 'active')
        .as('running_pilots'),
    ])
    .where('o.organisation_id', '=', organisationId)
    .where(isMemberCondition(organisationId, userId))
    .orderBy('o.updated_at', 'desc')
    .orderBy('o.id', 'desc')
    .execute()
  return rows.map((r) => ({
    ...r,
    applications: Number(r.applications ?? 0),
    running_pilots: Number(r.running_pilots ?? 0),
  }))
}

/** The offer, for a member of its host; anyone else gets DomainError 'not_found'. */
export async function offerForMember(
  db: DB,
  offerId: number,
  userId: number,
): Promise<TestBedOffer> {
  const offer = await db
    .selectFrom('test_bed_offers as o')
    .innerJoin('memberships as m', (join) =>
      join.onRef('m.organisation_id', '=', 'o.organisation_id').on('m.user_id', '=', userId),
    )
    .selectAll('o')
    .where('o.id', '=', offerId)
    .executeTakeFirst()
  if (!offer) throw new DomainError('not_found')
  return offer
}

export async function themeCodes(db: DB, offerId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('test_bed_offer_themes')
    .select('theme_code')
    .where('offer_id', '=', offerId)
    .orderBy('theme_code')
    .execute()
  return rows.map((r) => r.theme_code)
}

export async function criteriaOf(db: DB, offerId: number) {
  return db
    .selectFrom('test_bed_criteria')
    .select(['id', 'position', 'title', 'description', 'kind'])
    .where('offer_id', '=', offerId)
    .orderBy('position')
    .execute()
}

/**
 * An offer as its host edits it: every column, its themes and criteria, and the host. Anyone who
 * is not a member of the host gets DomainError 'not_found'.
 */
export async function getOfferForEditing(db: DB, offerId: number, userId: number) {
  const offer = await offerForMember(db, offerId, userId)
  const [host, themes, criteria] = await Promise.all([
    db
      .selectFrom('organisations')
      .select(['id', 'slug', 'name', 'verification_status'])
      .where('id', '=', offer.organisation_id)
      .executeTakeFirstOrThrow(),
    themeCodes(db, offer.id),
    criteriaOf(db, offer.id),
  ])
  return { offer, host, themes, criteria }
}
