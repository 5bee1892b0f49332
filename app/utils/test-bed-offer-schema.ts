import { z } from 'zod'
import type { Intake, OfferStatus } from '#db/schema'
import { ACCESS_MODELS, CRITERION_KINDS, INTAKES } from '~/domain/vocabularies'
import { parseStockholmDate, parseStockholmDateTime } from './stockholm-time'

// The test-bed offer form, checked the same way in the browser and on the server (client-safe:
// no server imports). Messages are i18n keys. The database checks the same rules again.

/** An offer id in an address (`/test-beds/:offerId/…`); anything else is simply not found. */
export const offerIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,11}$/)
  .transform(Number)

/** Offers whose content may still be edited; closed and archived offers stay as they were. */
export const EDITABLE_STATUSES: readonly OfferStatus[] = ['draft', 'published', 'paused']

/** How many criterion rows the form shows; blank rows are ignored. */
export const CRITERION_ROWS = 8

/** The reference data the form offers and checks against. */
export interface OfferReferenceCodes {
  themes: ReadonlyArray<{ code: string }>
  municipalities: ReadonlyArray<{ code: string; county_code: string }>
}

/** What a published offer's form may still change, given its frozen terms. */
export interface PublishedTerms {
  intake: Intake
  deadline: number | null
}

const choose = { errorMap: () => ({ message: 'errors.choose' }) }

function text(min: number, max: number) {
  return z
    .string({ required_error: 'errors.required' })
    .trim()
    .min(min, min <= 1 ? 'errors.required' : 'errors.tooShort')
    .max(max, 'errors.tooLong')
}

function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, 'errors.tooLong')
    .optional()
    .transform((v) => v ?? '')
}

/** A whole number typed by a person: "40 000" and "40000" are the same. */
function wholeNumber(message: string) {
  return z
    .string({ required_error: 'errors.required' })
    .transform((value, ctx) => {
      const digits = value.replace(/[\s\u00a0]/g, '')
      const n = /^-?\d+$/.test(digits) ? Number(digits) : Number.NaN
      if (!Number.isSafeInteger(n)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'offers.error.wholeNumber' })
        return z.NEVER
      }
      return n
    })
    .pipe(z.number().int().min(0, message))
}

const date = z.string({ required_error: 'errors.required' }).transform((value, ctx) => {
  const seconds = parseStockholmDate(value)
  if (seconds === null) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'offers.error.date' })
    return z.NEVER
  }
  return seconds
})

const dateTime = z.string({ required_error: 'errors.required' }).transform((value, ctx) => {
  const seconds = parseStockholmDateTime(value)
  if (seconds === null) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'offers.error.dateTime' })
    return z.NEVER
  }
  return seconds
})

const trl = z
  .number({ required_error: 'errors.choose', invalid_type_error: 'offers.error.trl' })
  .int('offers.error.trl')
  .min(1, 'offers.error.trl')
  .max(9, 'offers.error.trl')

const checkbox = z
  .boolean()
  .optional()
  .transform((v) => v === true)

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000)
}

/**
 * The content that stays editable after publication. Cross-field rules sit in their own parts so
 * that they are reported together with every other mistake, not only once the rest is valid.
 */
function contentParts(ref: OfferReferenceCodes) {
  const themeCodes = new Set(ref.themes.map((t) => t.code))
  const countyOf = new Map(ref.municipalities.map((m) => [m.code, m.county_code]))
  const counties = new Set(countyOf.values())

  const about = z.object({
    title: text(3, 200),
    summary: text(10, 600),
    description: text(1, 20000),
    themes: z
      .array(
        z.string().refine((c) => themeCodes.has(c), 'errors.invalid'),
        {
          required_error: 'offers.error.themes',
        },
      )
      .min(1, 'offers.error.themes')
      .max(themeCodes.size, 'errors.invalid')
      .transform((v) => [...new Set(v)].sort()),
    places: optionalText(1000),
    environments: optionalText(4000),
    test_users: optionalText(4000),
    test_user_count: wholeNumber('offers.error.count')
      .pipe(z.number().max(1_000_000, 'offers.error.count'))
      .optional()
      .transform((v) => v ?? null),
    staff_time: optionalText(4000),
    data_access: optionalText(4000),
    premises: optionalText(4000),
    equipment: optionalText(4000),
    requires_ce_marking: checkbox,
    requires_dpia: checkbox,
    requires_insurance: checkbox,
    other_requirements: optionalText(4000),
    capacity: wholeNumber('offers.error.capacity').pipe(
      z.number().min(1, 'offers.error.capacity').max(1000, 'offers.error.capacity'),
    ),
    contact_role: text(2, 200),
    contact_email: z
      .string({ required_error: 'errors.required' })
      .trim()
      .toLowerCase()
      .max(254, 'errors.tooLong')
      .email('errors.email'),
  })

  const location = z
    .object({
      county_code: z
        .string({ required_error: 'errors.choose' })
        .refine((c) => counties.has(c), 'errors.choose'),
      municipality_code: z
        .string()
        .refine((m) => countyOf.has(m), 'errors.choose')
        .optional()
        .transform((v) => v ?? null),
    })
    .superRefine((value, ctx) => {
      if (value.municipality_code && countyOf.get(value.municipality_code) !== value.county_code) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['municipality_code'],
          message: 'errors.municipalityNotInCounty',
        })
      }
    })

  const levels = z.object({ trl_min: trl, trl_max: trl }).superRefine((value, ctx) => {
    if (value.trl_min > value.trl_max) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['trl_max'],
        message: 'offers.error.trlOrder',
      })
    }
  })

  const period = z
    .object({ available_from: date, available_until: date.optional() })
    .transform((value, ctx) => {
      const until = value.available_until ?? null
      if (until !== null && until <= value.available_from) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['available_until'],
          message: 'offers.error.untilBeforeFrom',
        })
        return z.NEVER
      }
      return { available_from: value.available_from, available_until: until }
    })

  return about.and(location).and(levels).and(period)
}

const criterionRow = z.object({
  title: z.string().trim().max(200, 'errors.tooLong').optional(),
  description: z.string().trim().max(2000, 'errors.tooLong').optional(),
  kind: z.enum(CRITERION_KINDS, choose).optional(),
})

/** The criterion rows; a row with neither title nor description is left out. */
const criteria = z.object({
  criteria: z
    .array(criterionRow)
    .max(CRITERION_ROWS, 'errors.invalid')
    .optional()
    .superRefine((rows, ctx) => {
      for (const [i, row] of (rows ?? []).entries()) {
        if (!row.title && !row.description) continue
        if (!row.title || row.title.length < 2) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [i, 'title'],
            message: 'offers.error.criterionTitle',
          })
        }
        if (!row.kind) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: [i, 'kind'], message: 'errors.choose' })
        }
      }
    })
    .transform((rows) =>
      (rows ?? []).flatMap((row) =>
        row.title && row.kind
          ? [{ title: row.title, description: row.description ?? '', kind: row.kind }]
          : [],
      ),
    ),
})

const money = wholeNumber('offers.error.marketValue')

/** Intake, deadline and access terms of a draft. The price follows from the access model. */
const terms = z
  .object({
    intake: z.enum(INTAKES, choose),
    deadline: dateTime.optional(),
    access_model: z.enum(ACCESS_MODELS, choose),
    market_value_sek: money.pipe(
      z.number().min(1, 'offers.error.marketValue').max(1_000_000_000, 'offers.error.marketValue'),
    ),
    price_sek: money.optional(),
  })
  .transform((value, ctx) => {
    let ok = true
    let deadline: number | null = null
    if (value.intake === 'round') {
      if (value.deadline === undefined) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['deadline'],
          message: 'offers.error.deadlineRequired',
        })
        ok = false
      } else if (value.deadline <= nowSeconds()) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['deadline'],
          message: 'offers.error.deadlinePast',
        })
        ok = false
      } else {
        deadline = value.deadline
      }
    }
    const value_ = value.market_value_sek
    let price = 0
    if (value.access_model === 'paid') price = value_
    if (value.access_model === 'cost_sharing') {
      price = value.price_sek ?? 0
      if (!(price > 0 && price < value_)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['price_sek'],
          message: 'offers.error.priceRange',
        })
        ok = false
      }
    }
    if (!ok) return z.NEVER
    return {
      intake: value.intake,
      deadline,
      access_model: value.access_model,
      market_value_sek: value_,
      price_sek: price,
    }
  })

/** A new offer or a draft: everything, including terms and criteria. */
export function draftOfferSchema(ref: OfferReferenceCodes) {
  return contentParts(ref).and(terms).and(criteria)
}

/**
 * A published (or paused) offer: content stays editable, a round's deadline may move later while
 * it is open, and every save carries an optional note for the public history. Terms and criteria
 * are not in this form; if a request sends them anyway they are passed on so the model refuses.
 */
export function publishedOfferSchema(ref: OfferReferenceCodes, current: PublishedTerms) {
  const deadlineOpen =
    current.intake === 'round' && current.deadline !== null && current.deadline > nowSeconds()
  const edits = z
    .object({
      deadline: dateTime.optional(),
      change_note: z.string().trim().max(1000, 'errors.tooLong').optional(),
      intake: z.enum(INTAKES, choose).optional(),
      access_model: z.enum(ACCESS_MODELS, choose).optional(),
      market_value_sek: money.optional(),
      price_sek: money.optional(),
    })
    .transform((value, ctx) => {
      let deadline: number | undefined
      // The input shows minutes; a deadline stored with seconds comes back a little earlier.
      const shown = current.deadline === null ? null : Math.floor(current.deadline / 60) * 60
      if (value.deadline !== undefined && value.deadline !== shown) {
        const message = !deadlineOpen
          ? 'errors.domain.deadline_frozen'
          : value.deadline <= nowSeconds()
            ? 'offers.error.deadlinePast'
            : value.deadline < (current.deadline ?? 0)
              ? 'offers.error.deadlineEarlier'
              : null
        if (message) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['deadline'], message })
          return z.NEVER
        }
        deadline = value.deadline
      }
      return {
        deadline,
        change_note: value.change_note ? value.change_note : null,
        intake: value.intake,
        access_model: value.access_model,
        market_value_sek: value.market_value_sek,
        price_sek: value.price_sek,
      }
    })
  return contentParts(ref).and(edits).and(criteria)
}

export type DraftOfferValue = z.output<ReturnType<typeof draftOfferSchema>>
export type PublishedOfferValue = z.output<ReturnType<typeof publishedOfferSchema>>
export type DraftOfferInput = z.input<ReturnType<typeof draftOfferSchema>>
export type PublishedOfferInput = z.input<ReturnType<typeof publishedOfferSchema>>
