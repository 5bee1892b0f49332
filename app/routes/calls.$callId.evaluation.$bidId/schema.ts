import { z } from 'zod'
import type { CallCriterionKind } from '#db/schema'

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)

/** The ids in the address; anything else is simply not found. */
export const paramsSchema = z.object({ callId: id, bidId: id })

/** 0–10 on a weighted criterion. */
export const SCORES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const
/** 1 = met, 0 = not met on a must-have. */
export const MET = ['1', '0'] as const

export interface FormCriterion {
  id: number
  kind: CallCriterionKind
}

/** The form's field names for one criterion: its score (or met/not met) and the justification. */
export function scoreFields(criterionId: number) {
  return { score: `score_${criterionId}`, justification: `justification_${criterionId}` }
}

const choose = { errorMap: () => ({ message: 'errors.choose' }) }

/**
 * The score form, built from the terms in force in order: every must-have met or not, every
 * weighted criterion 0–10, each with a justification (the database wants at least 3 characters).
 */
export function scoreSchema(criteria: FormCriterion[]) {
  const shape: Record<string, z.ZodTypeAny> = {}
  for (const c of criteria) {
    const names = scoreFields(c.id)
    shape[names.score] = c.kind === 'requirement' ? z.enum(MET, choose) : z.enum(SCORES, choose)
    shape[names.justification] = z
      .string({ required_error: 'errors.required' })
      .trim()
      .min(1, 'errors.required')
      .min(3, 'errors.tooShort')
      .max(4000, 'errors.tooLong')
  }
  return z.object(shape).transform((value) => ({
    scores: criteria.map((c) => {
      const names = scoreFields(c.id)
      return {
        criterionId: c.id,
        score: Number(value[names.score]),
        justification: value[names.justification] as string,
      }
    }),
  }))
}
