import { z } from 'zod'
import { parseStockholmDate } from '~/utils/stockholm-time'
import { slugSchema } from '~/utils/slug'

// Client-safe: used by the form in the browser and by the action. Never import .server here.

/** The :offerId (or :applicationId) in the address: digits only, else the page does not exist. */
export const idParamSchema = z
  .string()
  .regex(/^[1-9]\d{0,15}$/)
  .transform(Number)
  .pipe(z.number().int().positive().max(Number.MAX_SAFE_INTEGER))

/** `?company=<slug>`: which of the user's companies applies. */
export const companyParamSchema = slugSchema.optional().catch(undefined)

export const INTENTS = ['save', 'submit'] as const

const text = (max: number) => z.string().trim().max(max, 'errors.tooLong').optional()

// A date stays a string here (a refinement, not a transform, so the other checks still run);
// `toSeconds` turns it into Stockholm midnight for the model.
const dateField = z
  .string()
  .trim()
  .optional()
  .refine((value) => value === undefined || parseStockholmDate(value) !== null, {
    message: 'applications.errors.date',
  })

/** A date field's value as unix seconds (midnight in Stockholm), null when empty or invalid. */
export function toSeconds(value: string | undefined): number | null {
  return value === undefined ? null : parseStockholmDate(value)
}

const REQUIRED_FOR_SUBMIT = [
  'product_name',
  'product_description',
  'trl',
  'test_goals',
  'proposed_start',
  'proposed_end',
  'test_user_count',
  'test_user_description',
  'data_needs',
  'contribution',
] as const

/**
 * The application form. "Spara utkast" (intent save) accepts anything incomplete but well-formed;
 * "Skicka in ansökan" (intent submit) needs every field, a TRL in the offer's range and both
 * declarations. The database checks the same again when the application is submitted.
 */
export function applicationSchema(trl: { min: number; max: number }) {
  return z
    .object({
      intent: z.enum(INTENTS).catch('save'),
      company: slugSchema.optional(),
      product_name: text(200),
      product_description: text(4000),
      trl: z
        .number({ invalid_type_error: 'errors.invalid' })
        .int('errors.invalid')
        .min(1, 'errors.invalid')
        .max(9, 'errors.invalid')
        .optional(),
      test_goals: text(4000),
      proposed_start: dateField,
      proposed_end: dateField,
      test_user_count: z
        .number({ invalid_type_error: 'applications.errors.count' })
        .int('applications.errors.count')
        .min(0, 'applications.errors.count')
        .max(1_000_000, 'applications.errors.count')
        .optional(),
      test_user_description: text(4000),
      data_needs: text(4000),
      contribution: text(4000),
      declares_requirements: z.boolean().optional(),
      declares_no_conflict: z.boolean().optional(),
    })
    .superRefine((value, ctx) => {
      const start = toSeconds(value.proposed_start)
      const end = toSeconds(value.proposed_end)
      if (start !== null && end !== null && end <= start) {
        ctx.addIssue({
          code: 'custom',
          path: ['proposed_end'],
          message: 'applications.errors.endBeforeStart',
        })
      }
      if (value.intent !== 'submit') return
      for (const field of REQUIRED_FOR_SUBMIT) {
        if (value[field] === undefined) {
          ctx.addIssue({ code: 'custom', path: [field], message: `applications.required.${field}` })
        }
      }
      if (value.trl !== undefined && (value.trl < trl.min || value.trl > trl.max)) {
        ctx.addIssue({
          code: 'custom',
          path: ['trl'],
          message: `applications.errors.trlRange|${JSON.stringify(trl)}`,
        })
      }
      for (const field of ['declares_requirements', 'declares_no_conflict'] as const) {
        if (!value[field]) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: 'applications.errors.declaration',
          })
        }
      }
    })
}

export type ApplicationFormValue = z.output<ReturnType<typeof applicationSchema>>
