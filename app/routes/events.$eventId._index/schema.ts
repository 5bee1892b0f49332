import { z } from 'zod'

// The event page's forms (decision record 031). Messages are i18n keys; the database checks again
// (migration 2026-12-07-14-events).

const id = z
  .string()
  .regex(/^[1-9]\d{0,11}$/)
  .transform(Number)

/** The event in the address; anything else is 404. */
export const eventIdSchema = id

export const registerSchema = z.object({ intent: z.literal('register'), company_id: id })

export const cancelRegistrationSchema = z.object({
  intent: z.literal('cancel_registration'),
  registration_id: id,
})

export const cancelEventSchema = z.object({
  intent: z.literal('cancel_event'),
  reason: z
    .string({ required_error: 'errors.required' })
    .trim()
    .min(10, 'errors.tooShort')
    .max(1000, 'errors.tooLong')
    .regex(/(\p{L}.*){5}/su, 'errors.domain.reason_not_meaningful'),
})
