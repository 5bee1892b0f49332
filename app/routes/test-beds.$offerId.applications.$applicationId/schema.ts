import { z } from 'zod'
import { isMeaningfulReason, REASON_NOT_MEANINGFUL } from '~/utils/reason'
import type { CriterionKind } from '#db/schema'
import { parseStockholmDate } from '~/utils/stockholm-time'

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)

/** The ids in the address; anything else is simply not found. */
export const paramsSchema = z.object({ offerId: id, applicationId: id })

export const DECISIONS = ['accept', 'decline'] as const
export const SCORES = ['0', '1', '2', '3', '4', '5'] as const
export const MET = ['met', 'not_met'] as const

export interface FormCriterion {
  id: number
  kind: CriterionKind
}

/** The form's field names for one criterion: a score or met/not met, and a comment. */
export function criterionFields(criterionId: number) {
  return {
    score: `score_${criterionId}`,
    met: `met_${criterionId}`,
    comment: `comment_${criterionId}`,
  }
}

const choose = { errorMap: () => ({ message: 'errors.choose' }) }
const optionalDate = z.string().trim().optional()

/**
 * The assessment and decision form, built from the offer's published criteria in order: each one
 * scored 0–5 or ticked met/not met, with an optional comment; then the decision, its reason (the
 * applicant reads it) and, to accept, the pilot's first and last day (Stockholm dates).
 */
export function assessmentSchema(criteria: FormCriterion[]) {
  const shape: Record<string, z.ZodTypeAny> = {
    decision: z.enum(DECISIONS, choose),
    reason: z
      .string({ required_error: 'errors.required' })
      .trim()
      .min(1, 'errors.required')
      .max(4000, 'errors.tooLong')
      .refine((v) => v.length === 0 || isMeaningfulReason(v), REASON_NOT_MEANINGFUL),
    starts_on: optionalDate,
    ends_on: optionalDate,
  }
  for (const c of criteria) {
    const names = criterionFields(c.id)
    if (c.kind === 'score') shape[names.score] = z.enum(SCORES, choose)
    else shape[names.met] = z.enum(MET, choose)
    shape[names.comment] = z.string().trim().max(2000, 'errors.tooLong').optional()
  }
  return z
    .object(shape)
    .superRefine((value, ctx) => {
      if (value.decision !== 'accept') return
      const starts = value.starts_on ? parseStockholmDate(value.starts_on) : null
      const ends = value.ends_on ? parseStockholmDate(value.ends_on) : null
      for (const [path, raw, parsed] of [
        ['starts_on', value.starts_on, starts],
        ['ends_on', value.ends_on, ends],
      ] as const) {
        if (parsed !== null) continue
        const message = raw ? 'errors.invalid' : 'pilots.assess.datesRequired'
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message })
      }
      if (starts !== null && ends !== null && ends <= starts) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['ends_on'],
          message: 'pilots.assess.endAfterStart',
        })
      }
    })
    .transform((value) => {
      const decision = value.decision as (typeof DECISIONS)[number]
      const accept = decision === 'accept'
      return {
        decision,
        reason: value.reason as string,
        startsOn: accept ? parseStockholmDate(value.starts_on as string) : null,
        endsOn: accept ? parseStockholmDate(value.ends_on as string) : null,
        scores: criteria.map((c) => {
          const names = criterionFields(c.id)
          return {
            criterionId: c.id,
            score: c.kind === 'score' ? Number(value[names.score]) : null,
            met: c.kind === 'pass_fail' ? value[names.met] === 'met' : null,
            comment: (value[names.comment] as string | undefined) ?? '',
          }
        }),
      }
    })
}
