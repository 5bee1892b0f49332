import { z } from 'zod'

export const INTENTS = [
  'update',
  'addCategory',
  'updateCategory',
  'deleteCategory',
  'appointJuror',
  'removeJuror',
  'startJudging',
  'recordResult',
  'removeResult',
  'publish',
] as const
export type Intent = (typeof INTENTS)[number]
export const intentSchema = z.enum(INTENTS)

/** The forms that are only a button (delete, remove, start judging, publish). */
export const buttonSchema = z.object({ intent: intentSchema })

/** The row a button acts on (a category, a juror, a nomination); anything else is not found. */
export const targetSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const jurorSchema = z.object({
  email: z
    .string({ required_error: 'errors.required' })
    .trim()
    .toLowerCase()
    .email('errors.email')
    .max(254, 'errors.tooLong'),
})

function motivation() {
  return z
    .string({ required_error: 'errors.required' })
    .trim()
    .min(20, 'competition.error.motivationShort')
    .max(3000, 'errors.tooLong')
}

export const resultSchema = z.object({
  nomination_id: z.number({ required_error: 'errors.choose', invalid_type_error: 'errors.choose' }),
  placement: z.enum(['winner', 'honourable_mention'], {
    required_error: 'errors.choose',
    invalid_type_error: 'errors.choose',
  }),
  motivation_sv: motivation(),
  motivation_en: motivation(),
})

export const NOTICES = [
  'created',
  'updated',
  'categoryAdded',
  'categoryUpdated',
  'categoryDeleted',
  'jurorAppointed',
  'jurorRemoved',
  'judgingStarted',
  'resultRecorded',
  'resultRemoved',
  'published',
] as const
export type Notice = (typeof NOTICES)[number]
