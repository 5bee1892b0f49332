import { z } from 'zod'
import { isMeaningfulReason, REASON_NOT_MEANINGFUL } from '~/utils/reason'

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)

/** The id in the address; anything else is simply not found. */
export const paramsSchema = z.object({ callId: id })

/** A published reason: the database wants at least 10 characters (after trimming). */
const reason = z
  .string({ required_error: 'errors.required' })
  .trim()
  .min(1, 'errors.required')
  .min(10, 'evaluation.errors.reasonTooShort')
  .max(8000, 'errors.tooLong')
  .refine((v) => v.length < 10 || isMeaningfulReason(v), REASON_NOT_MEANINGFUL)

export const cancelSchema = z.object({
  intent: z.literal('cancel'),
  reason,
  confirm: z.literal('on', { errorMap: () => ({ message: 'evaluation.errors.confirm' }) }),
})
export const openSchema = z.object({ intent: z.literal('open') })
export const declareSchema = z.object({
  intent: z.literal('declare'),
  no_conflict: z.literal('on', { errorMap: () => ({ message: 'evaluation.errors.confirm' }) }),
})
export const completeSchema = z.object({ intent: z.literal('complete') })
export const unsuccessfulSchema = z.object({ intent: z.literal('unsuccessful'), reason })
export const concludeSchema = z.object({ intent: z.literal('conclude'), reason })
export const awardSchema = z.object({
  intent: z.literal('award'),
  bid_ids: z.array(id, { required_error: 'errors.choose' }).min(1, 'errors.choose'),
  reason,
})
export const signSchema = z.object({ intent: z.literal('sign') })

/** One schema per form on the page, chosen by the submitted `intent`. */
export const INTENT_SCHEMAS = {
  cancel: cancelSchema,
  open: openSchema,
  declare: declareSchema,
  complete: completeSchema,
  unsuccessful: unsuccessfulSchema,
  conclude: concludeSchema,
  award: awardSchema,
  sign: signSchema,
} as const
export type Intent = keyof typeof INTENT_SCHEMAS

export function isIntent(value: unknown): value is Intent {
  return typeof value === 'string' && Object.hasOwn(INTENT_SCHEMAS, value)
}

/** The notice after each act (?notice=…). */
export const NOTICES = [
  'opened',
  'opened_unreadable',
  'declared',
  'scored',
  'evaluated',
  'awarded',
  'unsuccessful',
  'cancelled',
  'concluded',
  'signed',
] as const
export type Notice = (typeof NOTICES)[number]
