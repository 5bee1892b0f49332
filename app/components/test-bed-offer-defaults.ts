import type { FieldMeta } from './forms'
import type { AccessModel, CriterionKind, Intake, TestBedOffer } from '#db/schema'
import { CRITERION_ROWS } from '~/utils/test-bed-offer-schema'
import { toStockholmDateInput, toStockholmDateTimeInput } from '~/utils/stockholm-time'

// The test-bed offer form's field names, the options and frozen terms it is given, and its
// starting values (a new offer's, or a stored offer's).

interface CriterionRowValue {
  title?: string
  description?: string
  kind?: CriterionKind
}

/** The form's fields as both the draft and the published schema name them. */
export interface OfferFields {
  title: FieldMeta
  summary: FieldMeta
  description: FieldMeta
  themes: FieldMeta
  county_code: FieldMeta
  municipality_code: FieldMeta
  places: FieldMeta
  environments: FieldMeta
  test_users: FieldMeta
  test_user_count: FieldMeta
  staff_time: FieldMeta
  data_access: FieldMeta
  premises: FieldMeta
  equipment: FieldMeta
  trl_min: FieldMeta
  trl_max: FieldMeta
  requires_ce_marking: FieldMeta
  requires_dpia: FieldMeta
  requires_insurance: FieldMeta
  other_requirements: FieldMeta
  capacity: FieldMeta
  available_from: FieldMeta
  available_until: FieldMeta
  intake: FieldMeta
  deadline: FieldMeta
  access_model: FieldMeta
  market_value_sek: FieldMeta
  price_sek: FieldMeta
  contact_role: FieldMeta
  contact_email: FieldMeta
  criteria: FieldMeta<CriterionRowValue[] | undefined>
}

export interface OfferFormOptionsData {
  themes: ReadonlyArray<{ code: string; name: string }>
  counties: ReadonlyArray<{ code: string; name: string }>
  municipalities: ReadonlyArray<{ code: string; short_name: string; county_code: string }>
}

/** What a published offer shows instead of inputs for its fixed terms and criteria. */
export interface FrozenOffer {
  intake: Intake
  deadline: number | null
  access_model: AccessModel
  market_value_sek: number
  price_sek: number
  /** A round whose deadline is still ahead may move it later. */
  deadlineOpen: boolean
  criteria: ReadonlyArray<{ id: number; title: string; description: string; kind: CriterionKind }>
}

function blankCriteria(count: number): CriterionRowValue[] {
  return Array.from({ length: count }, () => ({ kind: 'score' as const }))
}

/** Starting values for a new offer: the host's own county and municipality, free rolling intake. */
export function newOfferDefaults(host: { county_code: string; municipality_code: string | null }) {
  return {
    county_code: host.county_code,
    municipality_code: host.municipality_code ?? undefined,
    intake: 'rolling',
    access_model: 'free',
    criteria: blankCriteria(CRITERION_ROWS),
  }
}

/** The stored columns the edit form shows. */
type StoredOffer = Omit<
  TestBedOffer,
  | 'id'
  | 'organisation_id'
  | 'status'
  | 'change_note'
  | 'created_by'
  | 'updated_by'
  | 'created_at'
  | 'updated_at'
  | 'published_at'
  | 'closed_at'
>

/** The stored offer as form values (dates in Stockholm time, booleans as checkbox values). */
export function offerDefaults(
  offer: StoredOffer,
  themes: string[],
  criteria: ReadonlyArray<{ title: string; description: string; kind: CriterionKind }>,
) {
  const rows: CriterionRowValue[] = criteria.map((c) => ({
    title: c.title,
    description: c.description,
    kind: c.kind,
  }))
  return {
    title: offer.title,
    summary: offer.summary,
    description: offer.description,
    themes,
    county_code: offer.county_code,
    municipality_code: offer.municipality_code ?? undefined,
    places: offer.places,
    environments: offer.environments,
    test_users: offer.test_users,
    test_user_count: offer.test_user_count === null ? undefined : String(offer.test_user_count),
    staff_time: offer.staff_time,
    data_access: offer.data_access,
    premises: offer.premises,
    equipment: offer.equipment,
    trl_min: String(offer.trl_min),
    trl_max: String(offer.trl_max),
    requires_ce_marking: offer.requires_ce_marking ? 'on' : undefined,
    requires_dpia: offer.requires_dpia ? 'on' : undefined,
    requires_insurance: offer.requires_insurance ? 'on' : undefined,
    other_requirements: offer.other_requirements,
    capacity: String(offer.capacity),
    available_from: toStockholmDateInput(offer.available_from),
    available_until:
      offer.available_until === null ? undefined : toStockholmDateInput(offer.available_until),
    intake: offer.intake,
    deadline: offer.deadline === null ? undefined : toStockholmDateTimeInput(offer.deadline),
    access_model: offer.access_model,
    market_value_sek: String(offer.market_value_sek),
    price_sek: offer.access_model === 'cost_sharing' ? String(offer.price_sek) : undefined,
    contact_role: offer.contact_role,
    contact_email: offer.contact_email,
    criteria: [...rows, ...blankCriteria(Math.max(0, CRITERION_ROWS - rows.length))],
  }
}
