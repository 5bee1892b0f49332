import type { DB } from '#db/connection'
import type { OfferStatus, TestBedOffer } from '#db/schema'
import { now } from '~/utils/clock.server'
import { toStockholmDateInput } from '~/utils/stockholm-time'
import { EDITABLE_STATUSES } from '~/utils/test-bed-offer-schema'
import { audit } from './audit.server'
import { DomainError, withRules } from './errors.server'
import { isMunicipalityInCounty } from './reference.server'
import {
  criteriaOf,
  type CriterionInput,
  type NewOfferInput,
  type OfferContent,
  offerForMember,
  type OfferUpdateInput,
  themeCodes,
} from './test-bed-offers.server'

// A host's writes to its test-bed offers: creating a draft, editing, the lifecycle (publish,
// pause, resume, close, archive) and deleting a draft.

export type OfferAction = 'publish' | 'pause' | 'resume' | 'close' | 'archive'

const TRANSITIONS: Record<OfferAction, { from: OfferStatus[]; to: OfferStatus }> = {
  publish: { from: ['draft'], to: 'published' },
  pause: { from: ['published'], to: 'paused' },
  resume: { from: ['paused'], to: 'published' },
  close: { from: ['published', 'paused'], to: 'closed' },
  archive: { from: ['closed'], to: 'archived' },
}

async function checkLocation(db: DB, input: OfferContent) {
  if (
    input.municipality_code !== null &&
    !(await isMunicipalityInCounty(db, input.municipality_code, input.county_code))
  ) {
    throw new DomainError('municipality_not_in_county')
  }
}

/** A date input shows the day only; the same day keeps the stored instant (no false change). */
function sameDay(next: number, previous: number | null | undefined): number {
  if (previous != null && toStockholmDateInput(next) === toStockholmDateInput(previous)) {
    return previous
  }
  return next
}

function contentColumns(input: OfferContent, previous?: TestBedOffer) {
  const until = input.available_until
  return {
    title: input.title.trim(),
    summary: input.summary.trim(),
    description: input.description.trim(),
    county_code: input.county_code,
    municipality_code: input.municipality_code,
    places: input.places,
    environments: input.environments,
    test_users: input.test_users,
    test_user_count: input.test_user_count,
    staff_time: input.staff_time,
    data_access: input.data_access,
    premises: input.premises,
    equipment: input.equipment,
    trl_min: input.trl_min,
    trl_max: input.trl_max,
    requires_ce_marking: input.requires_ce_marking ? 1 : 0,
    requires_dpia: input.requires_dpia ? 1 : 0,
    requires_insurance: input.requires_insurance ? 1 : 0,
    other_requirements: input.other_requirements,
    capacity: input.capacity,
    available_from: sameDay(input.available_from, previous?.available_from),
    available_until: until === null ? null : sameDay(until, previous?.available_until),
    contact_role: input.contact_role.trim(),
    contact_email: input.contact_email.trim(),
  } as const
}

/** Changes only the theme rows that differ, so an unchanged list leaves the history alone. */
async function replaceThemes(db: DB, offerId: number, wanted: string[]) {
  const current = await themeCodes(db, offerId)
  const next = [...new Set(wanted)]
  const remove = current.filter((c) => !next.includes(c))
  const add = next.filter((c) => !current.includes(c))
  if (remove.length > 0) {
    await db
      .deleteFrom('test_bed_offer_themes')
      .where('offer_id', '=', offerId)
      .where('theme_code', 'in', remove)
      .execute()
  }
  if (add.length > 0) {
    await db
      .insertInto('test_bed_offer_themes')
      .values(add.map((theme_code) => ({ offer_id: offerId, theme_code })))
      .execute()
  }
}

async function replaceCriteria(db: DB, offerId: number, criteria: CriterionInput[]) {
  await db.deleteFrom('test_bed_criteria').where('offer_id', '=', offerId).execute()
  if (criteria.length === 0) return
  await db
    .insertInto('test_bed_criteria')
    .values(
      criteria.map((c, i) => ({
        offer_id: offerId,
        position: i + 1,
        title: c.title.trim(),
        description: c.description.trim(),
        kind: c.kind,
      })),
    )
    .execute()
}

/**
 * Creates a draft offer for a public body the user is a member of, with its themes and criteria.
 * Throws 'not_found' for non-members; the database refuses hosts that are not public bodies
 * ('host_not_public_body').
 */
export async function createOfferDraft(db: DB, options: NewOfferDraft): Promise<{ id: number }> {
  return withRules(() => db.transaction().execute((tx) => insertOfferDraft(tx, options)))
}

export interface NewOfferDraft {
  organisationId: number
  userId: number
  input: NewOfferInput
  ip?: string | null
}

/** The draft's rows and audit inside the caller's transaction (the overlap check saves with it). */
export async function insertOfferDraft(tx: DB, options: NewOfferDraft): Promise<{ id: number }> {
  const { organisationId, userId, input } = options
  const member = await tx
    .selectFrom('memberships')
    .select('organisation_id')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!member) throw new DomainError('not_found')
  await checkLocation(tx, input)
  const at = now()
  const values = {
    organisation_id: organisationId,
    ...contentColumns(input),
    intake: input.intake,
    deadline: input.intake === 'round' ? input.deadline : null,
    access_model: input.access_model,
    market_value_sek: input.market_value_sek,
    price_sek: input.price_sek,
    change_note: null,
    created_by: userId,
    updated_by: userId,
    created_at: at,
    updated_at: at,
    published_at: null,
    closed_at: null,
  }
  const offer = await tx
    .insertInto('test_bed_offers')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow()
  await replaceThemes(tx, offer.id, input.themes)
  await replaceCriteria(tx, offer.id, input.criteria)
  await audit(tx, {
    actorUserId: userId,
    organisationId,
    action: 'test_bed_offer.create',
    entityType: 'test_bed_offer',
    entityId: offer.id,
    after: { ...values, themes: input.themes, criteria: input.criteria },
    ip: options.ip ?? null,
  })
  return { id: offer.id }
}

/**
 * Saves an edit. A draft changes freely (criteria are replaced). A published or paused offer keeps
 * its criteria ('criteria_frozen') and terms ('terms_frozen'); its deadline only moves later while
 * open ('deadline_frozen'); and the edit's note goes to the public history, which the database
 * writes from the updated row. Closed and archived offers do not change ('offer_closed').
 */
export async function updateOffer(
  db: DB,
  options: { offerId: number; userId: number; input: OfferUpdateInput; ip?: string | null },
): Promise<{ status: OfferStatus }> {
  const { offerId, userId, input } = options
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const offer = await offerForMember(tx, offerId, userId)
      if (!EDITABLE_STATUSES.includes(offer.status)) throw new DomainError('offer_closed')
      const draft = offer.status === 'draft'
      if (!draft && input.criteria && input.criteria.length > 0) {
        throw new DomainError('criteria_frozen')
      }
      await checkLocation(tx, input)
      const beforeThemes = await themeCodes(tx, offer.id)
      const beforeCriteria = await criteriaOf(tx, offer.id)
      // Themes first: the history trigger on the offer row reads them.
      await replaceThemes(tx, offer.id, input.themes)
      if (draft && input.criteria) await replaceCriteria(tx, offer.id, input.criteria)
      const intake = input.intake ?? offer.intake
      const values = {
        ...contentColumns(input, offer),
        intake,
        deadline: input.deadline === undefined ? offer.deadline : input.deadline,
        access_model: input.access_model ?? offer.access_model,
        market_value_sek: input.market_value_sek ?? offer.market_value_sek,
        price_sek: input.price_sek ?? offer.price_sek,
        // Set on every update: the trigger copies whatever the row holds into the history.
        change_note: draft ? null : input.change_note?.trim() || null,
        updated_by: userId,
        updated_at: now(),
      }
      if (draft && intake === 'rolling') values.deadline = null
      await tx.updateTable('test_bed_offers').set(values).where('id', '=', offer.id).execute()
      const { id: _id, ...before } = offer
      await audit(tx, {
        actorUserId: userId,
        organisationId: offer.organisation_id,
        action: 'test_bed_offer.update',
        entityType: 'test_bed_offer',
        entityId: offer.id,
        before: { ...before, themes: beforeThemes, criteria: beforeCriteria },
        after: {
          ...values,
          themes: [...new Set(input.themes)].sort(),
          ...(draft && input.criteria ? { criteria: input.criteria } : {}),
        },
        ip: options.ip ?? null,
      })
      return { status: offer.status }
    }),
  )
}

/**
 * Moves an offer along its lifecycle: publish (draft → published; the database insists on a
 * verified host, at least one criterion and an open round), pause, resume, close, archive.
 * Anything else is 'invalid_transition'.
 */
export async function changeOfferStatus(
  db: DB,
  options: { offerId: number; userId: number; action: OfferAction; ip?: string | null },
): Promise<{ status: OfferStatus }> {
  const { offerId, userId, action } = options
  const rule = TRANSITIONS[action]
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const offer = await offerForMember(tx, offerId, userId)
      if (!rule.from.includes(offer.status)) throw new DomainError('invalid_transition')
      const at = now()
      await tx
        .updateTable('test_bed_offers')
        .set({
          status: rule.to,
          change_note: null,
          updated_by: userId,
          updated_at: at,
          ...(action === 'publish' ? { published_at: at } : {}),
          ...(action === 'close' ? { closed_at: at } : {}),
        })
        .where('id', '=', offer.id)
        .execute()
      await audit(tx, {
        actorUserId: userId,
        organisationId: offer.organisation_id,
        action: `test_bed_offer.${action}`,
        entityType: 'test_bed_offer',
        entityId: offer.id,
        before: { status: offer.status },
        after: { status: rule.to },
        ip: options.ip ?? null,
      })
      return { status: rule.to }
    }),
  )
}

/** Deletes a draft with its themes and criteria. Published offers stay ('offer_not_draft'). */
export async function deleteDraftOffer(
  db: DB,
  options: { offerId: number; userId: number; ip?: string | null },
): Promise<{ hostSlug: string }> {
  const { offerId, userId } = options
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const offer = await offerForMember(tx, offerId, userId)
      if (offer.status !== 'draft') throw new DomainError('offer_not_draft')
      const themes = await themeCodes(tx, offer.id)
      const criteria = await criteriaOf(tx, offer.id)
      // Themes and criteria go with it (ON DELETE CASCADE).
      await tx.deleteFrom('test_bed_offers').where('id', '=', offer.id).execute()
      await audit(tx, {
        actorUserId: userId,
        organisationId: offer.organisation_id,
        action: 'test_bed_offer.delete',
        entityType: 'test_bed_offer',
        entityId: offer.id,
        before: { ...offer, themes, criteria },
        ip: options.ip ?? null,
      })
      const host = await tx
        .selectFrom('organisations')
        .select('slug')
        .where('id', '=', offer.organisation_id)
        .executeTakeFirstOrThrow()
      return { hostSlug: host.slug }
    }),
  )
}
