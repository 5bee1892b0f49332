import { z } from 'zod'
import { parseStockholmDateTime } from '~/utils/stockholm-time'

// Publishing an event (decision record 031). Times are Stockholm wall time (decision record 013).
// Messages are i18n keys; the database checks again (migration 2026-12-07-14-events).

export const EVENT_KIND_VALUES = ['b2b_forum', 'study_visit', 'seminar', 'round_table'] as const

const dateTime = z.string({ required_error: 'errors.required' }).transform((value, ctx) => {
  const seconds = parseStockholmDateTime(value)
  if (seconds === null) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'events.form.error.dateTime' })
    return z.NEVER
  }
  return seconds
})

export const eventSchema = z
  .object({
    kind: z.enum(EVENT_KIND_VALUES, { required_error: 'errors.choose' }),
    title: z
      .string({ required_error: 'errors.required' })
      .trim()
      .min(3, 'errors.tooShort')
      .max(200, 'errors.tooLong'),
    description: z
      .string({ required_error: 'errors.required' })
      .trim()
      .min(10, 'errors.tooShort')
      .max(8000, 'errors.tooLong'),
    starts_at: dateTime,
    ends_at: dateTime,
    registration_deadline: dateTime,
    venue: z.string().trim().max(300, 'errors.tooLong').default(''),
    online: z.boolean().default(false),
    capacity: z
      .string({ required_error: 'errors.required' })
      .regex(/^\d{1,4}$/, 'events.form.error.capacity')
      .transform(Number)
      .refine((n) => n >= 1 && n <= 5000, 'events.form.error.capacity'),
    initiative_id: z
      .string()
      .regex(/^[1-9]\d{0,11}$/)
      .transform(Number)
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (value.ends_at <= value.starts_at) {
      ctx.addIssue({
        code: 'custom',
        path: ['ends_at'],
        message: 'events.form.error.endBeforeStart',
      })
    }
    if (value.registration_deadline > value.starts_at) {
      ctx.addIssue({
        code: 'custom',
        path: ['registration_deadline'],
        message: 'events.form.error.deadlineAfterStart',
      })
    }
    if (value.venue.length < 2 && !value.online) {
      ctx.addIssue({ code: 'custom', path: ['venue'], message: 'events.form.error.place' })
    }
  })
