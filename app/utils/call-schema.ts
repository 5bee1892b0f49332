import { z } from 'zod'
import { PROCEDURES } from '~/domain/vocabularies'
import { cpvCodesField } from './cpv'
import { parseStockholmDateTime } from './stockholm-time'

// The buyer's call forms (new, edit draft, amend), checked the same way in the browser and on the
// server (client-safe: no server imports). Messages are i18n keys. The database checks the
// publication and amendment rules again (migration 2026-11-25-03-calls).

/** A call id (or document id) in an address; anything else is simply not found. */
export const callIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,11}$/)
  .transform(Number)

/** Rows of must-haves and of weighted criteria the form shows; blank rows are ignored. */
export const CRITERION_ROWS = 10
/** New rows an amendment form offers per kind. */
export const AMENDMENT_ROWS = 3

const DAY = 86400
const ANSWER_MARGIN = 6 * DAY

/** The reference data the form offers and checks against. */
export interface CallReferenceCodes {
  themes: ReadonlyArray<{ code: string }>
  municipalities: ReadonlyArray<{ code: string; county_code: string }>
  pilots: ReadonlyArray<{ id: number }>
  dialogues: ReadonlyArray<{ id: number }>
  companies: ReadonlyArray<{ id: number }>
}

function text(min: number, max: number) {
  return z
    .string({ required_error: 'errors.required' })
    .trim()
    .min(min, min <= 1 ? 'errors.required' : 'errors.tooShort')
    .max(max, 'errors.tooLong')
}

const checkbox = z
  .boolean()
  .optional()
  .transform((v) => v === true)

/** A whole number typed by a person: "2 000 000" and "2000000" are the same. */
function wholeNumber(message: string) {
  return z.string({ required_error: 'errors.required' }).transform((value, ctx) => {
    const digits = value.replace(/[\s\u00a0]/g, '')
    const n = /^\d+$/.test(digits) ? Number(digits) : Number.NaN
    if (!Number.isSafeInteger(n)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message })
      return z.NEVER
    }
    return n
  })
}

const dateTime = z.string({ required_error: 'errors.required' }).transform((value, ctx) => {
  const seconds = parseStockholmDateTime(value)
  if (seconds === null) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'callEdit.error.dateTime' })
    return z.NEVER
  }
  return seconds
})

const idList = (allowed: Set<number>) =>
  z
    .array(z.string())
    .optional()
    .transform((values, ctx) => {
      const ids = [...new Set((values ?? []).map(Number))]
      if (ids.some((id) => !allowed.has(id))) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'errors.invalid' })
        return z.NEVER
      }
      return ids
    })

/** Question and tender deadlines: questions close at least 6 days before the tender deadline. */
const deadlines = z
  .object({ question_deadline: dateTime, tender_deadline: dateTime })
  .superRefine((value, ctx) => {
    if (value.question_deadline > value.tender_deadline - ANSWER_MARGIN) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['question_deadline'],
        message: 'callEdit.error.questionDeadline',
      })
    }
  })

// One row shape for both kinds, so one form component renders them; a must-have's weight is ignored.
const criterionRow = z.object({
  title: z.string().trim().max(200, 'errors.tooLong').optional(),
  description: z.string().trim().max(4000, 'errors.tooLong').optional(),
  weight: z.string().trim().optional(),
})
const requirementRow = criterionRow

export interface CriterionValue {
  title: string
  description: string
  weight: number | null
}

function requirementRows(max: number) {
  return z
    .array(requirementRow)
    .max(max, 'errors.invalid')
    .optional()
    .superRefine((rows, ctx) => {
      for (const [i, row] of (rows ?? []).entries()) {
        if (!row.title && !row.description) continue
        if (!row.title || row.title.length < 2) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [i, 'title'],
            message: 'callEdit.error.rowTitle',
          })
        }
      }
    })
    .transform((rows): CriterionValue[] =>
      (rows ?? []).flatMap((row) =>
        row.title ? [{ title: row.title, description: row.description ?? '', weight: null }] : [],
      ),
    )
}

function parseWeight(value: string | undefined): number | null {
  if (!value || !/^\d{1,3}$/.test(value)) return null
  const n = Number(value)
  return n >= 1 && n <= 100 ? n : null
}

function criterionRows(max: number) {
  return z
    .array(criterionRow)
    .max(max, 'errors.invalid')
    .optional()
    .superRefine((rows, ctx) => {
      for (const [i, row] of (rows ?? []).entries()) {
        if (!row.title && !row.description && !row.weight) continue
        if (!row.title || row.title.length < 2) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [i, 'title'],
            message: 'callEdit.error.rowTitle',
          })
        }
        if (parseWeight(row.weight) === null) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [i, 'weight'],
            message: 'callEdit.error.weight',
          })
        }
      }
    })
    .transform((rows): CriterionValue[] =>
      (rows ?? []).flatMap((row) => {
        const weight = parseWeight(row.weight)
        return row.title && weight !== null
          ? [{ title: row.title, description: row.description ?? '', weight }]
          : []
      }),
    )
}

function sum(rows: CriterionValue[]): number {
  return rows.reduce((total, row) => total + (row.weight ?? 0), 0)
}

/**
 * A new call or a draft: everything. Cross-field rules sit in their own parts so they are
 * reported together with every other mistake. The minimum period to the tender deadline is a
 * publication rule (shown as a hint, checked when publishing), since a draft may wait.
 */
export function callDraftSchema(ref: CallReferenceCodes) {
  const themeCodes = new Set(ref.themes.map((t) => t.code))
  const countyOf = new Map(ref.municipalities.map((m) => [m.code, m.county_code]))
  const counties = new Set(countyOf.values())

  const about = z.object({
    title: text(3, 200),
    summary: text(10, 600),
    need: text(1, 20000),
    functional_requirements: checkbox,
    novel_to_market: checkbox,
    includes_rnd: checkbox,
    themes: z
      .array(
        z.string().refine((c) => themeCodes.has(c), 'errors.invalid'),
        {
          required_error: 'callEdit.error.themes',
        },
      )
      .min(1, 'callEdit.error.themes')
      .transform((v) => [...new Set(v)].sort()),
    cpv_codes: cpvCodesField,
    standstill_days: wholeNumber('callEdit.error.standstill').pipe(
      z.number().min(10, 'callEdit.error.standstill').max(60, 'callEdit.error.standstill'),
    ),
    pilot_links: idList(new Set(ref.pilots.map((p) => p.id))),
    dialogue_links: idList(new Set(ref.dialogues.map((d) => d.id))),
    prior_involvement: z
      .string()
      .trim()
      .max(8000, 'errors.tooLong')
      .optional()
      .transform((v) => v ?? ''),
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

  const companyIds = new Set(ref.companies.map((c) => String(c.id)))
  const involved = z.object({
    involved: z
      .array(
        z.object({
          organisation_id: z.string().refine((id) => companyIds.has(id), 'errors.invalid'),
          involvement: z.string().trim().max(1000, 'errors.tooLong').optional(),
        }),
      )
      .optional()
      .superRefine((rows, ctx) => {
        for (const [i, row] of (rows ?? []).entries()) {
          if (row.involvement && row.involvement.length < 3) {
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              path: [i, 'involvement'],
              message: 'errors.tooShort',
            })
          }
        }
      })
      .transform((rows) =>
        (rows ?? []).flatMap((row) =>
          row.involvement
            ? [{ organisation_id: Number(row.organisation_id), involvement: row.involvement }]
            : [],
        ),
      ),
  })

  // Procedure, value, winners and criteria depend on each other.
  const terms = z
    .object({
      procedure: z.enum(PROCEDURES, { errorMap: () => ({ message: 'errors.choose' }) }),
      estimated_value_sek: z.string().trim().optional(),
      max_winners: z.string().trim().optional(),
      requirements: requirementRows(CRITERION_ROWS),
      criteria: criterionRows(CRITERION_ROWS),
    })
    .transform((value, ctx) => {
      let ok = true
      const issue = (path: string, message: string) => {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message })
        ok = false
      }
      const dialogue = value.procedure === 'market_dialogue'
      let estimated: number | null = null
      if (!dialogue) {
        const digits = (value.estimated_value_sek ?? '').replace(/[\s\u00a0]/g, '')
        const n = /^\d{1,12}$/.test(digits) ? Number(digits) : Number.NaN
        if (!digits) issue('estimated_value_sek', 'callEdit.error.valueRequired')
        else if (!(n >= 1 && n <= 100_000_000_000))
          issue('estimated_value_sek', 'callEdit.error.value')
        else estimated = n
      }
      let winners = 1
      if (!dialogue) {
        const n = /^\d{1,2}$/.test(value.max_winners ?? '') ? Number(value.max_winners) : Number.NaN
        if (!(n >= 1 && n <= 10)) issue('max_winners', 'callEdit.error.maxWinners')
        else if (value.procedure === 'pcp' && n < 2)
          issue('max_winners', 'callEdit.error.pcpWinners')
        else winners = n
      }
      if (dialogue && value.criteria.length > 0)
        issue('criteria', 'callEdit.error.dialogueCriteria')
      if (!dialogue) {
        const total = sum(value.criteria)
        if (total !== 100) issue('criteria', `callEdit.error.weightsSum|{"sum":${total}}`)
      }
      if (!ok) return z.NEVER
      return {
        procedure: value.procedure,
        estimated_value_sek: estimated,
        max_winners: winners,
        requirements: value.requirements,
        criteria: dialogue ? [] : value.criteria,
      }
    })

  return about.and(location).and(involved).and(deadlines).and(terms)
}

/** The publish, delete and document buttons of the draft editor (saving is intent "save"). */
export const draftIntentSchema = z.object({
  intent: z.enum(['save', 'publish', 'delete', 'upload', 'remove_document']),
})

/** A document's title on the upload form; the file itself is read from the same form. */
export const documentTitleSchema = z.object({
  title: text(2, 200),
})

export const removeDocumentSchema = z.object({
  document_id: z
    .string()
    .regex(/^\d{1,12}$/)
    .transform(Number),
})

/**
 * An amendment: what changes and why, the resulting deadlines (prefilled with the current ones),
 * existing rows to retire, new rows, and documents to remove. New documents travel as files.
 * Whether the deadline had to be extended is the database's rule (extension_required).
 */
export function amendmentSchema(current: {
  criteriaIds: ReadonlyArray<number>
  documentIds: ReadonlyArray<number>
  dialogue: boolean
}) {
  const criteriaIds = new Set(current.criteriaIds)
  const documentIds = new Set(current.documentIds)
  return z
    .object({
      summary: text(10, 8000),
      retire_criteria: idList(criteriaIds),
      remove_documents: idList(documentIds),
      new_requirements: requirementRows(AMENDMENT_ROWS),
      new_criteria: criterionRows(AMENDMENT_ROWS),
      document_title: z.string().trim().max(200, 'errors.tooLong').optional(),
    })
    .and(deadlines)
    .superRefine((value, ctx) => {
      if (current.dialogue && value.new_criteria.length > 0) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['new_criteria'],
          message: 'callEdit.error.dialogueCriteria',
        })
      }
    })
}

export type CallDraftValue = z.output<ReturnType<typeof callDraftSchema>>
export type CallDraftInput = z.input<ReturnType<typeof callDraftSchema>>
export type AmendmentValue = z.output<ReturnType<typeof amendmentSchema>>
export type AmendmentInput = z.input<ReturnType<typeof amendmentSchema>>
