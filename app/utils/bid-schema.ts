import { z } from 'zod'
import { slugSchema } from './slug'

// Client-safe: the bid form's schema, used in the browser and by the action, and the one check of
// what a complete bid is (also run by the model inside the submitting transaction).

/** A must-have in force, answered: met or not, and how. */
export interface RequirementAnswer {
  criterion_id: number
  met: boolean | null
  explanation: string
}

/** A weighted criterion in force, answered in free text. */
export interface CriterionResponse {
  criterion_id: number
  response: string
}

/** What a bid says. Sealed as a whole; a draft may leave anything empty. */
export interface BidContent {
  requirements: RequirementAnswer[]
  criteria: CriterionResponse[]
  /** SEK, whole kronor; null in a market dialogue (no prices there) or an unfinished draft. */
  price_sek: number | null
  solution_summary: string
  contact_role: string
}

/** The terms a form is built for: the ids of the must-haves and criteria in force. */
export interface BidTerms {
  requirements: number[]
  criteria: number[]
  /** False for a market dialogue: no price is asked. */
  priced: boolean
}

export const BID_INTENTS = ['save', 'submit', 'reconfirm', 'withdraw'] as const
export type BidIntent = (typeof BID_INTENTS)[number]

/** The highest price the form takes: 100 billion SEK, the call's own ceiling. */
export const MAX_PRICE_SEK = 100_000_000_000

export const metField = (id: number) => `req_${id}_met`
export const explanationField = (id: number) => `req_${id}_explanation`
export const responseField = (id: number) => `crit_${id}`

/** What a submission still lacks, as message keys per form field (empty when complete). */
export type MissingAnswers = Record<string, string>

/** Every must-have answered (met or not, and how), every criterion answered, and a price. */
export function missingAnswers(content: BidContent, terms: BidTerms): MissingAnswers {
  const missing: MissingAnswers = {}
  for (const id of terms.requirements) {
    const answer = content.requirements.find((r) => r.criterion_id === id)
    if (answer?.met == null) missing[metField(id)] = 'bids.required.met'
    if (!answer?.explanation.trim()) missing[explanationField(id)] = 'bids.required.explanation'
  }
  for (const id of terms.criteria) {
    if (!content.criteria.find((c) => c.criterion_id === id)?.response.trim()) {
      missing[responseField(id)] = 'bids.required.response'
    }
  }
  if (terms.priced && content.price_sek === null) missing.price_sek = 'bids.required.price_sek'
  if (!content.solution_summary.trim()) missing.solution_summary = 'bids.required.solution_summary'
  if (!content.contact_role.trim()) missing.contact_role = 'bids.required.contact_role'
  return missing
}

const text = (max: number) => z.string().trim().max(max, 'errors.tooLong').optional()

/** "1 500 000", "1500000" → 1500000; anything else is null. */
export function parsePrice(value: string | undefined): number | null {
  if (value === undefined) return null
  const digits = value.replace(/[\s\u00a0\u202f]/g, '')
  if (!/^\d{1,12}$/.test(digits)) return null
  const price = Number(digits)
  return price <= MAX_PRICE_SEK ? price : null
}

type FormValue = Record<string, string | undefined>

/** The bid content a form value describes, for the given terms. */
export function toBidContent(value: FormValue, terms: BidTerms): BidContent {
  const met = (v: string | undefined) => (v === 'yes' ? true : v === 'no' ? false : null)
  return {
    requirements: terms.requirements.map((id) => ({
      criterion_id: id,
      met: met(value[metField(id)]),
      explanation: value[explanationField(id)] ?? '',
    })),
    criteria: terms.criteria.map((id) => ({
      criterion_id: id,
      response: value[responseField(id)] ?? '',
    })),
    price_sek: terms.priced ? parsePrice(value.price_sek) : null,
    solution_summary: value.solution_summary ?? '',
    contact_role: value.contact_role ?? '',
  }
}

/** The form's values for stored content (a draft continued, a bid edited). */
export function toFormValue(content: BidContent): FormValue {
  const value: FormValue = {
    solution_summary: content.solution_summary,
    contact_role: content.contact_role,
    price_sek: content.price_sek === null ? undefined : String(content.price_sek),
  }
  for (const r of content.requirements) {
    value[metField(r.criterion_id)] = r.met === null ? undefined : r.met ? 'yes' : 'no'
    value[explanationField(r.criterion_id)] = r.explanation
  }
  for (const c of content.criteria) value[responseField(c.criterion_id)] = c.response
  return value
}

/**
 * The bid form for `terms`. "Spara utkast" (save) takes anything well-formed; "Lämna anbud"
 * (submit) needs every answer (missingAnswers). Re-confirming and withdrawing carry no content.
 */
export function bidSchema(terms: BidTerms) {
  const shape: Record<string, z.ZodTypeAny> = {
    intent: z.enum(BID_INTENTS).catch('save'),
    company: slugSchema.optional(),
    solution_summary: text(8000),
    contact_role: text(200),
    price_sek: z
      .string()
      .trim()
      .optional()
      .refine((v) => v === undefined || parsePrice(v) !== null, { message: 'bids.errors.price' }),
  }
  for (const id of terms.requirements) {
    shape[metField(id)] = z.enum(['yes', 'no'], { message: 'errors.invalid' }).optional()
    shape[explanationField(id)] = text(4000)
  }
  for (const id of terms.criteria) shape[responseField(id)] = text(8000)
  return z
    .object(shape)
    .transform((value) => value as FormValue & { intent: BidIntent; company?: string })
    .superRefine((value, ctx) => {
      if (value.intent !== 'submit') return
      for (const [path, message] of Object.entries(
        missingAnswers(toBidContent(value, terms), terms),
      )) {
        // A malformed price already has its own message.
        if (path === 'price_sek' && value.price_sek !== undefined) continue
        ctx.addIssue({ code: 'custom', path: [path], message })
      }
    })
}
