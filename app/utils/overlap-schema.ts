import { z } from 'zod'

// The second step of the new-initiative form (decision record 030), checked the same way in the
// browser and on the server (client-safe). Messages are i18n keys. `overlap_shown` carries the ids
// of the similar initiatives the first step showed; with it, a choice is required.

const CHOICE = /^(?:(join|related):([1-9]\d{0,11})|continue)$/

export type OverlapChoiceValue =
  { choice: 'join' | 'related'; chosenId: number } | { choice: 'continue' }

/** 'join:12' → join initiative 12; 'continue' → continue; anything else null. */
export function parseOverlapChoice(value: string | undefined): OverlapChoiceValue | null {
  const match = value ? CHOICE.exec(value) : null
  if (!match) return null
  if (!match[1]) return { choice: 'continue' }
  return { choice: match[1] as 'join' | 'related', chosenId: Number(match[2]) }
}

export const overlapFields = z
  .object({
    overlap_shown: z
      .string()
      .optional()
      .transform((value) =>
        (value ?? '')
          .split(',')
          .filter((id) => /^[1-9]\d{0,11}$/.test(id))
          .map(Number)
          .slice(0, 10),
      ),
    overlap_choice: z.string().regex(CHOICE, 'overlap.error.choose').optional(),
    overlap_reason: z.string().trim().max(1000, 'errors.tooLong').optional(),
  })
  .superRefine((value, ctx) => {
    if (value.overlap_shown.length === 0) return
    if (!value.overlap_choice) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['overlap_choice'],
        message: 'overlap.error.choose',
      })
    } else if (
      value.overlap_choice === 'continue' &&
      (value.overlap_reason ?? '').replace(/[^\p{L}]/gu, '').length < 5
    ) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['overlap_reason'],
        message: 'errors.domain.overlap_reason_required',
      })
    }
  })

/** Whether the similar ones found now are the ones the first step showed (else show them again). */
export function sameAsShown(ids: readonly number[], shown: readonly number[]): boolean {
  return ids.length === shown.length && ids.every((id) => shown.includes(id))
}
