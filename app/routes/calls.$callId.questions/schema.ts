import { z } from 'zod'

// Client-safe: the buyer's three forms on the questions page, each also checked by the action.

export { callIdSchema } from '~/routes/calls.$callId._index/schema'

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)

const answerBody = z
  .string({ required_error: 'callPublic.answer.bodyRequired' })
  .trim()
  .min(2, 'errors.tooShort')
  .max(8000, 'errors.tooLong')

/** An answer to a question: the question as it will be published, and the answer. */
export const answerSchema = z.object({
  intent: z.literal('answer'),
  question_id: id,
  question_text: z
    .string({ required_error: 'callPublic.answer.questionRequired' })
    .trim()
    .min(10, 'callPublic.answer.questionTooShort')
    .max(4000, 'errors.tooLong'),
  body: answerBody,
})

/** A clarification: published to everyone without a question. */
export const clarifySchema = z.object({ intent: z.literal('clarify'), body: answerBody })

/** A correction: a new dated entry that names the one it corrects. */
export const correctSchema = z.object({
  intent: z.literal('correct'),
  corrects_id: id,
  body: answerBody,
})

export const INTENTS = ['answer', 'clarify', 'correct'] as const
export type Intent = (typeof INTENTS)[number]

/** The form an action result belongs to: one answer form per question, one correction per entry. */
export function formIdOf(intent: Intent, targetId?: number): string {
  return intent === 'clarify' ? 'clarify' : `${intent}-${targetId ?? 0}`
}

export const NOTICES = ['answer', 'clarify', 'correct'] as const
