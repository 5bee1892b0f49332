import type { DB } from '#db/connection'
import type { AccessModel, CriterionKind, Intake, OfferStatus, TestBedOffer } from '#db/schema'
import type { Locale } from '~/i18n/locales'
import { now } from '~/utils/clock.server'
import { toStockholmDateInput } from '~/utils/stockholm-time'
import { EDITABLE_STATUSES } from '~/utils/test-bed-offer-schema'
import { audit } from './audit.server'
import { DomainError, withRules } from './errors.server'
import {
  isMunicipalityInCounty,
  listCounties,
  listMunicipalities,
  listThemes,
} from './reference.server'

// A public body's test-bed offers: drafts, edits, the lifecycle and the public history. The
// database (migration 2026-11-25-02) enforces the rules again; this module keeps its errors
// translatable (DomainError) and writes every change with its audit row in one transaction.

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

export type OfferAction = 'publish' | 'pause' | 'resume' | 'close' | 'archive'

const TRANSITIONS: Record<OfferAction, { from: OfferStatus[]; to: OfferStatus }> = {
  publish: { from: ['draft'], to: 'published' },
  pause: { from: ['published'], to: 'paused' },
  resume: { from: ['paused'], to: 'published' },
  close: { from: ['published', 'paused'], to: 'closed' },
  archive: { from: ['closed'], to: 'archived' },
}

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
    .innerJoin('memberships as m', (join) =>
      join.onRef('m.organisation_id', '=', 'o.organisation_id').on('m.user_id', '=', userId),
    )
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
    .orderBy('o.updated_at', 'desc')
    .orderBy('o.id', 'desc')
    .execute()
  return rows.map((r) => ({
    ...r,
    applications: Number(r.applications ?? 0),
    running_pilots: Number(r.running_pilots ?? 0),
  }))
}

async function offerForMember(db: DB, offerId: number, userId: number): Promise<TestBedOffer> {
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

async function themeCodes(db: DB, offerId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('test_bed_offer_themes')
    .select('theme_code')
    .where('offer_id', '=', offerId)
    .orderBy('theme_code')
    .execute()
  return rows.map((r) => r.theme_code)
}

async function criteriaOf(db: DB, offerId: number) {
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

// ---------------------------------------------------------------------------------------------
// Writing

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
export async function createOfferDraft(
  db: DB,
  options: { organisationId: number; userId: number; input: NewOfferInput; ip?: string | null },
): Promise<{ id: number }> {
  const { organisationId, userId, input } = options
  return withRules(() =>
    db.transaction().execute(async (tx) => {
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
    }),
  )
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

// ---------------------------------------------------------------------------------------------
// Public history

/** The recorded content of an offer, in the order the history shows it. */
export const HISTORY_FIELDS = [
  'title',
  'summary',
  'description',
  'themes',
  'county_code',
  'municipality_code',
  'places',
  'environments',
  'test_users',
  'test_user_count',
  'staff_time',
  'data_access',
  'premises',
  'equipment',
  'trl_min',
  'trl_max',
  'requires_ce_marking',
  'requires_dpia',
  'requires_insurance',
  'other_requirements',
  'capacity',
  'available_from',
  'available_until',
  'intake',
  'deadline',
  'access_model',
  'market_value_sek',
  'price_sek',
  'contact_role',
  'contact_email',
] as const
export type HistoryField = (typeof HISTORY_FIELDS)[number]

/** Long texts are only marked as changed; the current text is on the offer's page. */
const LONG_FIELDS = new Set<HistoryField>([
  'summary',
  'description',
  'places',
  'environments',
  'test_users',
  'staff_time',
  'data_access',
  'premises',
  'equipment',
  'other_requirements',
])

export type HistoryValue =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; at: number }
  | { kind: 'dateTime'; at: number }
  | { kind: 'money'; sek: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'intake'; value: Intake }
  | { kind: 'access'; value: AccessModel }
  | { kind: 'empty' }

export type HistoryChange =
  | { field: HistoryField; long: true }
  | { field: HistoryField; long: false; before: HistoryValue; after: HistoryValue }

type Snapshot = Record<string, unknown>

interface Names {
  counties: Map<string, string>
  municipalities: Map<string, string>
  themes: Map<string, string>
}

function displayValue(field: HistoryField, raw: unknown, names: Names): HistoryValue {
  if (raw === null || raw === undefined || raw === '') return { kind: 'empty' }
  switch (field) {
    case 'themes': {
      const codes = Array.isArray(raw) ? (raw as string[]) : []
      if (codes.length === 0) return { kind: 'empty' }
      return { kind: 'text', text: codes.map((c) => names.themes.get(c) ?? c).join(', ') }
    }
    case 'county_code':
      return { kind: 'text', text: names.counties.get(String(raw)) ?? String(raw) }
    case 'municipality_code':
      return { kind: 'text', text: names.municipalities.get(String(raw)) ?? String(raw) }
    case 'test_user_count':
    case 'trl_min':
    case 'trl_max':
    case 'capacity':
      return { kind: 'number', value: Number(raw) }
    case 'requires_ce_marking':
    case 'requires_dpia':
    case 'requires_insurance':
      return { kind: 'bool', value: Number(raw) === 1 }
    case 'available_from':
    case 'available_until':
      return { kind: 'date', at: Number(raw) }
    case 'deadline':
      return { kind: 'dateTime', at: Number(raw) }
    case 'market_value_sek':
    case 'price_sek':
      return { kind: 'money', sek: Number(raw) }
    case 'intake':
      return { kind: 'intake', value: raw as Intake }
    case 'access_model':
      return { kind: 'access', value: raw as AccessModel }
    default:
      return { kind: 'text', text: String(raw) }
  }
}

/** Which recorded fields differ between two snapshots, with old and new values for short ones. */
export function diffSnapshots(previous: Snapshot, next: Snapshot, names: Names): HistoryChange[] {
  const changes: HistoryChange[] = []
  for (const field of HISTORY_FIELDS) {
    if (JSON.stringify(previous[field] ?? null) === JSON.stringify(next[field] ?? null)) continue
    if (LONG_FIELDS.has(field)) changes.push({ field, long: true })
    else {
      changes.push({
        field,
        long: false,
        before: displayValue(field, previous[field], names),
        after: displayValue(field, next[field], names),
      })
    }
  }
  return changes
}

/**
 * The public history of an offer: every published version, newest first, with who changed it,
 * the note and what changed. Null for offers that were never published (the page answers 404).
 */
export async function getOfferHistory(db: DB, offerId: number, locale: Locale) {
  const offer = await db
    .selectFrom('test_bed_offers as o')
    .innerJoin('organisations as h', 'h.id', 'o.organisation_id')
    .select(['o.id', 'o.status', 'h.name as host_name', 'h.slug as host_slug'])
    .where('o.id', '=', offerId)
    .executeTakeFirst()
  if (!offer) return null
  const rows = await db
    .selectFrom('test_bed_offer_versions as v')
    .innerJoin('users as u', 'u.id', 'v.changed_by')
    .select(['v.version', 'v.at', 'v.change_note', 'v.snapshot_json', 'u.name as changed_by_name'])
    .where('v.offer_id', '=', offerId)
    .orderBy('v.version')
    .execute()
  if (rows.length === 0) return null
  const [counties, municipalities, themes] = await Promise.all([
    listCounties(db),
    listMunicipalities(db),
    listThemes(db, locale),
  ])
  const names: Names = {
    counties: new Map(counties.map((c) => [c.code, c.name])),
    municipalities: new Map(municipalities.map((m) => [m.code, m.name])),
    themes: new Map(themes.map((t) => [t.code, t.name])),
  }
  const snapshots = rows.map((r) => JSON.parse(r.snapshot_json) as Snapshot)
  const versions = rows.map((row, i) => {
    const previous = i > 0 ? snapshots[i - 1] : undefined
    const snapshot = snapshots[i] ?? {}
    return {
      version: row.version,
      at: row.at,
      changedBy: row.changed_by_name,
      changeNote: row.change_note,
      changes: previous ? diffSnapshots(previous, snapshot, names) : null,
    }
  })
  const latest = snapshots[snapshots.length - 1] ?? {}
  return {
    offer: {
      id: offer.id,
      status: offer.status,
      title: String(latest.title ?? ''),
      hostName: offer.host_name,
      hostSlug: offer.host_slug,
    },
    versions: versions.reverse(),
  }
}
