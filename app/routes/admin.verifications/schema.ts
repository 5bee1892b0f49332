import { z } from 'zod'
import { isMeaningfulReason, REASON_NOT_MEANINGFUL } from '~/utils/reason'

export const REASON_MAX_LENGTH = 1000

/** One decision on one organisation: the button pressed (intent) and, for a rejection, why. */
export const schema = z
  .object({
    organisationId: z.coerce
      .number({ invalid_type_error: 'errors.invalid' })
      .int('errors.invalid')
      .positive('errors.invalid'),
    intent: z.enum(['verify', 'reject'], {
      required_error: 'errors.choose',
      invalid_type_error: 'errors.choose',
    }),
    reason: z
      .string()
      .trim()
      .max(REASON_MAX_LENGTH, 'errors.tooLong')
      .refine((v) => v.length === 0 || isMeaningfulReason(v), REASON_NOT_MEANINGFUL)
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (value.intent === 'reject' && !value.reason) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['reason'],
        message: 'admin.verifications.reasonRequired',
      })
    }
  })
