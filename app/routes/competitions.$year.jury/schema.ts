import { z } from 'zod'

export const INTENTS = ['declare', 'score'] as const
export type Intent = (typeof INTENTS)[number]
export const intentSchema = z.enum(INTENTS)

const nominationId = z
  .number({ required_error: 'errors.invalid', invalid_type_error: 'errors.invalid' })
  .int('errors.invalid')
  .positive('errors.invalid')

/** Per nomination: a conflict of interest or not; a conflict needs a note (what it is). */
export const declareSchema = z
  .object({
    nomination_id: nominationId,
    has_conflict: z.enum(['no', 'yes'], {
      required_error: 'errors.choose',
      invalid_type_error: 'errors.choose',
    }),
    note: z.string().trim().max(1000, 'errors.tooLong').optional(),
  })
  .superRefine((value, ctx) => {
    if (value.has_conflict === 'yes' && (value.note ?? '').length < 2) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['note'],
        message: 'competition.error.conflictNote',
      })
    }
  })

export const SCORES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const

export const scoreSchema = z.object({
  nomination_id: nominationId,
  score: z
    .number({ required_error: 'errors.choose', invalid_type_error: 'competition.error.score' })
    .int('competition.error.score')
    .min(1, 'competition.error.score')
    .max(10, 'competition.error.score'),
  comment: z
    .string({ required_error: 'errors.required' })
    .trim()
    .min(2, 'errors.tooShort')
    .max(2000, 'errors.tooLong'),
})

export const NOTICES = ['declared', 'scored'] as const
export type Notice = (typeof NOTICES)[number]
