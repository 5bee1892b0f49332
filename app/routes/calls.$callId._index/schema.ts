import { z } from 'zod'

// Client-safe: used by the forms in the browser and by the action. Never import .server here.

/** A call's id in its address; anything else is simply not found. */
export const callIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,15}$/)
  .transform(Number)
  .pipe(z.number().int().positive().max(Number.MAX_SAFE_INTEGER))

export const QUESTION_MIN = 10
export const QUESTION_MAX = 4000

/** A question about the call (the same limits as the database's). */
export const askSchema = z.object({
  intent: z.literal('ask'),
  body: z
    .string({ required_error: 'callPublic.ask.required' })
    .trim()
    .min(QUESTION_MIN, 'callPublic.ask.tooShort')
    .max(QUESTION_MAX, 'errors.tooLong'),
})

export const NOTICES = ['asked'] as const
export type Notice = (typeof NOTICES)[number]
