import { z } from 'zod'
import { isMeaningfulReason, REASON_NOT_MEANINGFUL } from '~/utils/reason'
import type { ReferenceResult } from '#db/schema'
import { parseStockholmDate, toStockholmDateInput } from './stockholm-time'

// The reference-case forms (draft, edit) and the case page's actions, checked the same way in
// the browser and on the server (client-safe: no server imports). Messages are i18n keys. The
// database checks the same shape again (migration 2026-11-26-04-references).

/** A reference id in an address; anything else is simply not found. */
export const referenceIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,11}$/)
  .transform(Number)

/** Where a new draft comes from: ?pilot=ID, or ?call=ID&company=ID. */
export const referenceSourceSchema = z.union([
  z.object({ pilot: referenceIdSchema }).transform((v) => ({ pilotId: v.pilot })),
  z
    .object({ call: referenceIdSchema, company: referenceIdSchema })
    .transform((v) => ({ callId: v.call, companyId: v.company })),
])
export type ReferenceSource = z.output<typeof referenceSourceSchema>

/** Rows of measured results the form shows; blank rows are ignored (the database allows 8). */
export const RESULT_ROWS = 8

/** The English version's fields: all filled in when the English version is ticked, else none. */
export const ENGLISH_FIELDS = [
  'title_en',
  'summary_en',
  'challenge_en',
  'solution_en',
  'deployment_en',
  'participants_en',
] as const

function text(min: number, max: number) {
  return z
    .string({ required_error: 'errors.required' })
    .trim()
    .min(1, 'errors.required')
    .max(max, 'errors.tooLong')
    .refine((v) => v.length === 0 || v.length >= min, 'errors.tooShort')
}

function optionalText(max: number) {
  return z.string().trim().max(max, 'errors.tooLong').optional()
}

const checkbox = z
  .boolean()
  .optional()
  .transform((v) => v === true)

/**
 * A number as a person types it: "1 250,5" (Swedish: spaces between thousands, decimal comma),
 * "1250.5" and "−3" are all read; anything else is null.
 */
export function parseDecimal(value: string): number | null {
  const compact = value
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/\u2212/g, '-')
    .replace(',', '.')
  if (!/^-?\d{1,15}(\.\d{1,6})?$/.test(compact)) return null
  const n = Number(compact)
  return Number.isFinite(n) ? n : null
}

/** A stored number for the form: decimal comma, no thousands separators ("1250,5"). */
export function decimalInput(value: number | null): string {
  return value === null ? '' : String(value).replace('.', ',')
}

const resultRow = z.object({
  label_sv: optionalText(200),
  label_en: optionalText(200),
  value: optionalText(40),
  unit: optionalText(40),
  baseline: optionalText(40),
})
type ResultRowInput = z.output<typeof resultRow>

function isBlankRow(row: ResultRowInput): boolean {
  return !row.label_sv && !row.label_en && !row.value && !row.unit && !row.baseline
}

const date = z.string({ required_error: 'errors.required' }).transform((value, ctx) => {
  const seconds = parseStockholmDate(value)
  if (seconds === null) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'reference.error.date' })
    return z.NEVER
  }
  return seconds
})

const optionalDate = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null
    const seconds = parseStockholmDate(value)
    if (seconds === null) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'reference.error.date' })
      return z.NEVER
    }
    return seconds
  })

/** The text of a case as the model writes it. */
export interface ReferenceInput {
  title_sv: string
  summary_sv: string
  challenge_sv: string
  solution_sv: string
  deployment_sv: string
  participants_sv: string
  quote_sv: string
  title_en: string | null
  summary_en: string | null
  challenge_en: string | null
  solution_en: string | null
  deployment_en: string | null
  participants_en: string | null
  /** '' when there is no quote; null when there is no English version. */
  quote_en: string | null
  quote_by_role: string
  place: string
  started_on: number
  ended_on: number | null
  results: ReferenceResult[]
  would_use_again: boolean
  takes_reference_calls: boolean
  contact_role: string
}

// Three parts parsed side by side, so a missing Swedish text does not hide a mistake in the
// English version or the results: every problem is reported at once.
const swedish = z.object({
  title_sv: text(3, 200),
  summary_sv: text(10, 600),
  challenge_sv: text(1, 8000),
  solution_sv: text(1, 8000),
  deployment_sv: text(1, 8000),
  participants_sv: text(1, 4000),
  place: text(2, 300),
  would_use_again: z.enum(['yes', 'no'], {
    required_error: 'reference.error.wouldUseAgain',
    invalid_type_error: 'reference.error.wouldUseAgain',
  }),
})

const period = z.object({ started_on: date, ended_on: optionalDate }).superRefine((v, ctx) => {
  if (v.ended_on !== null && v.ended_on < v.started_on) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['ended_on'],
      message: 'reference.error.endedBeforeStart',
    })
  }
})

const MIN_LENGTH: Record<(typeof ENGLISH_FIELDS)[number], number> = {
  title_en: 3,
  summary_en: 10,
  challenge_en: 1,
  solution_en: 1,
  deployment_en: 1,
  participants_en: 1,
}

const rest = z
  .object({
    quote_sv: optionalText(1000),
    quote_by_role: optionalText(200),
    has_english: checkbox,
    title_en: optionalText(200),
    summary_en: optionalText(600),
    challenge_en: optionalText(8000),
    solution_en: optionalText(8000),
    deployment_en: optionalText(8000),
    participants_en: optionalText(4000),
    quote_en: optionalText(1000),
    results: z.array(resultRow).max(RESULT_ROWS, 'errors.invalid').optional(),
    takes_reference_calls: checkbox,
    contact_role: optionalText(200),
  })
  .superRefine((v, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: z.ZodIssueCode.custom, path, message })
    if (v.has_english) {
      for (const name of ENGLISH_FIELDS) {
        const value = v[name] ?? ''
        if (!value) issue([name], 'reference.error.englishRequired')
        else if (value.length < MIN_LENGTH[name]) issue([name], 'errors.tooShort')
      }
      if (v.quote_sv && !v.quote_en) issue(['quote_en'], 'reference.error.quoteEnRequired')
      if (!v.quote_sv && v.quote_en) issue(['quote_en'], 'reference.error.quoteEnWithoutSv')
    }
    if (v.quote_sv && (v.quote_by_role ?? '').length < 2) {
      issue(['quote_by_role'], 'reference.error.quoteByRole')
    }
    if (v.takes_reference_calls && (v.contact_role ?? '').length < 2) {
      issue(['contact_role'], 'reference.error.contactRole')
    }
    for (const [i, row] of (v.results ?? []).entries()) {
      if (isBlankRow(row)) continue
      if (!row.label_sv) issue(['results', i, 'label_sv'], 'reference.error.resultLabel')
      if (v.has_english && !row.label_en) {
        issue(['results', i, 'label_en'], 'reference.error.resultLabelEn')
      }
      if (!row.value) issue(['results', i, 'value'], 'reference.error.resultValue')
      else if (parseDecimal(row.value) === null) {
        issue(['results', i, 'value'], 'reference.error.number')
      }
      if (row.baseline && parseDecimal(row.baseline) === null) {
        issue(['results', i, 'baseline'], 'reference.error.number')
      }
    }
  })

/**
 * A draft or an edit of a case: the Swedish version always, the English one whole or not at all
 * (a quote in both languages or neither), results as measured numbers.
 */
export const referenceFormSchema = swedish
  .and(period)
  .and(rest)
  .transform((v): ReferenceInput => {
    const en = v.has_english
    return {
      title_sv: v.title_sv,
      summary_sv: v.summary_sv,
      challenge_sv: v.challenge_sv,
      solution_sv: v.solution_sv,
      deployment_sv: v.deployment_sv,
      participants_sv: v.participants_sv,
      quote_sv: v.quote_sv ?? '',
      title_en: en ? v.title_en! : null,
      summary_en: en ? v.summary_en! : null,
      challenge_en: en ? v.challenge_en! : null,
      solution_en: en ? v.solution_en! : null,
      deployment_en: en ? v.deployment_en! : null,
      participants_en: en ? v.participants_en! : null,
      quote_en: en ? (v.quote_sv ? v.quote_en! : '') : null,
      quote_by_role: v.quote_sv ? (v.quote_by_role ?? '') : '',
      place: v.place,
      started_on: v.started_on,
      ended_on: v.ended_on,
      results: (v.results ?? []).flatMap((row) =>
        isBlankRow(row)
          ? []
          : [
              {
                label_sv: row.label_sv!,
                label_en: en ? row.label_en! : null,
                value: parseDecimal(row.value!)!,
                unit: row.unit ?? '',
                baseline: row.baseline ? parseDecimal(row.baseline) : null,
              },
            ],
      ),
      would_use_again: v.would_use_again === 'yes',
      takes_reference_calls: v.takes_reference_calls,
      contact_role: v.takes_reference_calls ? (v.contact_role ?? '') : '',
    }
  })
export type ReferenceFormInput = z.input<typeof referenceFormSchema>
export type ReferenceFormValue = z.output<typeof referenceFormSchema>

/** Form values as strings, as the form shows them (a new draft's prefill, or a stored case). */
export interface ReferenceFormDefaults {
  title_sv: string
  summary_sv: string
  challenge_sv: string
  solution_sv: string
  deployment_sv: string
  participants_sv: string
  quote_sv: string
  quote_by_role: string
  has_english: boolean
  title_en: string
  summary_en: string
  challenge_en: string
  solution_en: string
  deployment_en: string
  participants_en: string
  quote_en: string
  place: string
  started_on: string
  ended_on: string
  results: { label_sv: string; label_en: string; value: string; unit: string; baseline: string }[]
  would_use_again: 'yes' | 'no' | ''
  takes_reference_calls: boolean
  contact_role: string
}

const blankRow = () => ({ label_sv: '', label_en: '', value: '', unit: '', baseline: '' })

/** Stored results as form rows, padded with blank rows to RESULT_ROWS. */
export function resultRows(results: ReferenceResult[]): ReferenceFormDefaults['results'] {
  const rows = results.slice(0, RESULT_ROWS).map((r) => ({
    label_sv: r.label_sv,
    label_en: r.label_en ?? '',
    value: decimalInput(r.value),
    unit: r.unit,
    baseline: decimalInput(r.baseline),
  }))
  while (rows.length < RESULT_ROWS) rows.push(blankRow())
  return rows
}

/** A stored case (or a prefill shaped like one) as form values. */
export function referenceFormDefaults(c: {
  title_sv: string
  summary_sv: string
  challenge_sv: string
  solution_sv: string
  deployment_sv: string
  participants_sv: string
  quote_sv: string
  quote_by_role: string
  title_en: string | null
  summary_en: string | null
  challenge_en: string | null
  solution_en: string | null
  deployment_en: string | null
  participants_en: string | null
  quote_en: string | null
  place: string
  started_on: number | null
  ended_on: number | null
  results: ReferenceResult[]
  would_use_again: boolean | null
  takes_reference_calls: boolean
  contact_role: string
}): ReferenceFormDefaults {
  return {
    title_sv: c.title_sv,
    summary_sv: c.summary_sv,
    challenge_sv: c.challenge_sv,
    solution_sv: c.solution_sv,
    deployment_sv: c.deployment_sv,
    participants_sv: c.participants_sv,
    quote_sv: c.quote_sv,
    quote_by_role: c.quote_by_role,
    has_english: c.title_en !== null,
    title_en: c.title_en ?? '',
    summary_en: c.summary_en ?? '',
    challenge_en: c.challenge_en ?? '',
    solution_en: c.solution_en ?? '',
    deployment_en: c.deployment_en ?? '',
    participants_en: c.participants_en ?? '',
    quote_en: c.quote_en ?? '',
    place: c.place,
    started_on: c.started_on === null ? '' : toStockholmDateInput(c.started_on),
    ended_on: c.ended_on === null ? '' : toStockholmDateInput(c.ended_on),
    results: resultRows(c.results),
    would_use_again: c.would_use_again === null ? '' : c.would_use_again ? 'yes' : 'no',
    takes_reference_calls: c.takes_reference_calls,
    contact_role: c.contact_role,
  }
}

/** What the case page's buttons do. */
export const REFERENCE_INTENTS = [
  'approve',
  'withdraw',
  'delete',
  'consent',
  'withdrawConsent',
] as const
export type ReferenceIntent = (typeof REFERENCE_INTENTS)[number]
export const referenceIntentSchema = z.enum(REFERENCE_INTENTS)

/** Withdrawing a published case: the reason is told to the other side and kept on record. */
export const withdrawSchema = z.object({
  reason: text(2, 2000).refine((v) => v.length < 2 || isMeaningfulReason(v), REASON_NOT_MEANINGFUL),
})

/** The confirmation steps the case page shows (?confirm=…), which also work without JavaScript. */
export const REFERENCE_CONFIRMS = ['withdraw', 'delete'] as const
export type ReferenceConfirm = (typeof REFERENCE_CONFIRMS)[number]

/** The notices after a redirect (?notice=…). */
export const REFERENCE_NOTICES = [
  'created',
  'saved',
  'savedReset',
  'unchanged',
  'approved',
  'published',
  'withdrawn',
  'consented',
  'consentWithdrawn',
] as const
export type ReferenceNotice = (typeof REFERENCE_NOTICES)[number]

/** Approving: the revision the viewer read, so a text changed meanwhile is not approved unseen. */
export const approveSchema = z.object({
  revision: z.coerce.number({ invalid_type_error: 'errors.invalid' }).int().positive(),
})

/** Intents that carry nothing but themselves (delete, consent). */
export const emptySchema = z.object({})
