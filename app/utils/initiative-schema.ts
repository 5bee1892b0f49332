import { z } from 'zod'
import { SIZE_CLASSES } from '~/domain/vocabularies'
import { cpvCodesField } from './cpv'

// The initiative form (new and edit), checked the same way in the browser and on the server
// (client-safe). Messages are i18n keys. The database checks again (migration
// 2026-12-07-10-initiatives).

export const INITIATIVE_KINDS = [
  'programme',
  'project',
  'planned_call',
  'planned_test_bed',
  'event_series',
] as const
export const INITIATIVE_STATUSES = ['idea', 'planned', 'active', 'finished'] as const
export const BUDGET_BANDS = [
  'undecided',
  'under_1m',
  '1m_5m',
  '5m_20m',
  '20m_100m',
  'over_100m',
] as const

/** An initiative id in an address; anything else is simply not found. */
export const initiativeIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,11}$/)
  .transform(Number)

export interface InitiativeReferenceCodes {
  themes: ReadonlyArray<{ code: string }>
  sectors: ReadonlyArray<{ code: string }>
  counties: ReadonlyArray<{ code: string }>
  municipalities: ReadonlyArray<{ code: string }>
}

function text(min: number, max: number) {
  return z
    .string({ required_error: 'errors.required' })
    .trim()
    .min(min, min <= 1 ? 'errors.required' : 'errors.tooShort')
    .max(max, 'errors.tooLong')
}

const date = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null
    const ok = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T12:00:00Z`))
    if (ok && new Date(`${value}T12:00:00Z`).toISOString().slice(0, 10) === value) return value
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'initiativeForm.error.date' })
    return z.NEVER
  })

const codes = (allowed: ReadonlyArray<{ code: string }>) => {
  const known = new Set(allowed.map((a) => a.code))
  return z
    .array(z.string())
    .optional()
    .transform((values, ctx) => {
      const list = [...new Set(values ?? [])]
      if (list.some((v) => !known.has(v))) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'errors.choose' })
        return z.NEVER
      }
      return list
    })
}

export function initiativeSchema(options: InitiativeReferenceCodes) {
  return z
    .object({
      kind: z.enum(INITIATIVE_KINDS, { required_error: 'errors.choose' }),
      title: text(3, 200),
      summary: text(10, 600),
      description: z.string().trim().max(8000, 'errors.tooLong').optional().default(''),
      starts_on: date,
      ends_on: date,
      budget_band: z.enum(BUDGET_BANDS, { required_error: 'errors.choose' }),
      contact_role: text(2, 120),
      contact_email: z
        .string({ required_error: 'errors.required' })
        .trim()
        .max(254, 'errors.tooLong')
        .email('errors.email'),
      themes: codes(options.themes),
      cpv_codes: cpvCodesField,
      size_classes: z.array(z.enum(SIZE_CLASSES)).optional().default([]),
      sectors: codes(options.sectors),
      counties: codes(options.counties),
      municipalities: codes(options.municipalities),
    })
    .superRefine((value, ctx) => {
      if (value.starts_on && value.ends_on && value.ends_on < value.starts_on) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['ends_on'],
          message: 'initiativeForm.error.endBeforeStart',
        })
      }
    })
}
export type InitiativeFormInput = z.input<ReturnType<typeof initiativeSchema>>
export type InitiativeFormValue = z.output<ReturnType<typeof initiativeSchema>>

export const statusSchema = z.object({
  intent: z.literal('status'),
  status: z.enum(INITIATIVE_STATUSES, { required_error: 'errors.choose' }),
})
export const requestSchema = z.object({
  intent: z.literal('request'),
  organisation_id: z.coerce.number().int().positive(),
})
export const decideSchema = z.object({
  intent: z.enum(['accept', 'decline']),
  organisation_id: z.coerce.number().int().positive(),
  reason: z.string().trim().max(1000, 'errors.tooLong').optional(),
})
