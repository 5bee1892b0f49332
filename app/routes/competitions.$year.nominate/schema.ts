import { z } from 'zod'

export const INTENTS = ['nominate', 'withdraw'] as const
export type Intent = (typeof INTENTS)[number]
export const intentSchema = z.enum(INTENTS)

const id = z
  .number({ required_error: 'errors.choose', invalid_type_error: 'errors.choose' })
  .int('errors.choose')
  .positive('errors.choose')

export const MOTIVATION_MIN = 20
export const MOTIVATION_MAX = 2000

export const nominateSchema = z.object({
  category_id: id,
  reference_id: id,
  motivation: z
    .string({ required_error: 'errors.required' })
    .trim()
    .min(MOTIVATION_MIN, 'competition.error.motivationShort')
    .max(MOTIVATION_MAX, 'errors.tooLong'),
})

export const withdrawSchema = z.object({ nomination_id: id })

export const NOTICES = ['nominated', 'withdrawn'] as const
export type Notice = (typeof NOTICES)[number]
