import { z } from 'zod'

/** The pilot id in the address; anything else is simply not found. */
export const pilotIdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const INTENTS = ['message', 'report', 'response'] as const
export const intentSchema = z.enum(INTENTS)

function text(max: number) {
  return z
    .string({ required_error: 'errors.required' })
    .trim()
    .min(1, 'errors.required')
    .max(max, 'errors.tooLong')
}

/** A message in the pilot's private thread. */
export const messageSchema = z.object({ body: text(5000) })

/** The host's test report: every part is required. */
export const reportSchema = z.object({
  what_tested: text(8000),
  with_whom: text(4000),
  results: text(8000),
  recommendations: text(8000),
})

/** The company's one answer to the report. */
export const responseSchema = z.object({ response: text(8000) })

export const NOTICES = ['messagePosted', 'reportFiled', 'responded'] as const
