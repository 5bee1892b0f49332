import { z } from 'zod'

// The regional agenda's forms (decision record 033), checked the same way in the browser and on
// the server (client-safe). Messages are i18n keys. The database checks again (migration
// 2026-12-07-16-agenda).

export const AGENDA_METRICS = [
  'sme_pilots_completed',
  'references_published',
  'sme_award_share',
  'first_time_participants',
] as const
export const INDICATOR_SOURCES = ['live', 'manual'] as const
export const INDICATOR_UNITS = ['count', 'percent'] as const

/** An id in an address or a form field; anything else is simply not found. */
export const idSchema = z
  .string()
  .regex(/^[1-9]\d{0,11}$/)
  .transform(Number)

function text(min: number, max: number) {
  return z
    .string({ required_error: 'errors.required' })
    .trim()
    .min(min, 'errors.tooShort')
    .max(max, 'errors.tooLong')
}

const isoDate = z
  .string({ required_error: 'errors.required' })
  .trim()
  .refine((value) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
    const at = new Date(`${value}T12:00:00Z`)
    return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value
  }, 'agenda.error.date')

const amount = z
  .number({ required_error: 'errors.required', invalid_type_error: 'agenda.error.number' })
  .min(0, 'agenda.error.number')
  .max(1_000_000_000, 'agenda.error.number')

const choice = z
  .string({ required_error: 'errors.choose' })
  .regex(/^[1-9]\d{0,11}$/, 'errors.choose')

export const agendaSchema = z.object({
  intent: z.literal('save'),
  title: text(3, 200),
  summary: text(10, 2000),
  starts_on: isoDate,
})

export const coOwnerSchema = z.object({
  intent: z.literal('co_owner'),
  organisation_id: choice.transform(Number),
})

export const goalSchema = z.object({
  intent: z.literal('goal'),
  title: text(3, 200),
  description: z.string().trim().max(4000, 'errors.tooLong').optional().default(''),
})

export function indicatorSchema(themes: ReadonlyArray<{ code: string }>) {
  const known = new Set(themes.map((t) => t.code))
  return z
    .object({
      intent: z.literal('indicator'),
      label: text(3, 200),
      source_kind: z.enum(INDICATOR_SOURCES, { required_error: 'errors.choose' }),
      metric: z.enum(AGENDA_METRICS).optional(),
      theme_code: z
        .string()
        .optional()
        .refine((v) => v === undefined || known.has(v), 'errors.choose'),
      unit: z.enum(INDICATOR_UNITS).optional(),
      target_value: amount,
      target_date: isoDate,
    })
    .superRefine((value, ctx) => {
      if (value.source_kind === 'live' && !value.metric) {
        ctx.addIssue({ code: 'custom', path: ['metric'], message: 'agenda.error.metric' })
      }
      if (value.source_kind === 'manual' && !value.unit) {
        ctx.addIssue({ code: 'custom', path: ['unit'], message: 'agenda.error.unit' })
      }
      const percent =
        value.source_kind === 'live' ? value.metric === 'sme_award_share' : value.unit === 'percent'
      if (percent && value.target_value > 100) {
        ctx.addIssue({ code: 'custom', path: ['target_value'], message: 'agenda.error.percent' })
      }
    })
}

export const targetSchema = z.object({
  intent: z.literal('target'),
  indicator_id: choice.transform(Number),
  target_value: amount,
  target_date: isoDate,
  reason: z.string().trim().max(1000, 'errors.tooLong').optional(),
})

export const measurementSchema = z.object({
  intent: z.literal('measurement'),
  indicator_id: choice.transform(Number),
  measured_on: isoDate,
  value: amount,
  source: text(3, 300),
  corrects: choice.transform(Number).optional(),
})

export const linkSchema = z.object({
  intent: z.literal('link'),
  initiative_id: choice.transform(Number),
})

export const publishSchema = z.object({ intent: z.literal('publish') })
