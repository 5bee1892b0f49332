import { z } from 'zod'
import { SIZE_CLASSES } from '~/domain/vocabularies'
import type { ReferenceCodes } from '~/utils/organisation-schema'

// An outreach to every company matching stated criteria (decision record 032). Messages are i18n
// keys; the database checks the criteria again (migration 2026-12-07-15-outreach).

const count = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number)
  .optional()

export function outreachSchema(
  ref: ReferenceCodes & {
    counties: ReadonlyArray<{ code: string }>
    themes: ReadonlyArray<{ code: string }>
  },
) {
  const themeCodes = new Set(ref.themes.map((t) => t.code))
  const counties = new Set(ref.counties.map((c) => c.code))
  const countyOf = new Map(ref.municipalities.map((m) => [m.code, m.county_code]))
  const sectorCodes = new Set(ref.sectors.map((s) => s.code))
  return z
    .object({
      intent: z.enum(['preview', 'send']).catch('preview'),
      subject: z
        .string({ required_error: 'errors.required' })
        .trim()
        .min(5, 'errors.tooShort')
        .max(150, 'errors.tooLong'),
      body: z
        .string({ required_error: 'errors.required' })
        .trim()
        .min(20, 'errors.tooShort')
        .max(5000, 'errors.tooLong'),
      size_classes: z
        .array(z.enum(SIZE_CLASSES), { required_error: 'outreach.form.error.sizes' })
        .min(1, 'outreach.form.error.sizes')
        .transform((v) => SIZE_CLASSES.filter((s) => v.includes(s))),
      sector_codes: z
        .array(z.string().refine((s) => sectorCodes.has(s), 'errors.invalid'))
        .optional()
        .transform((v) => [...new Set(v ?? [])].sort()),
      theme_codes: z
        .array(z.string().refine((s) => themeCodes.has(s), 'errors.invalid'))
        .optional()
        .transform((v) => [...new Set(v ?? [])].sort()),
      county_code: z
        .string()
        .refine((c) => counties.has(c), 'errors.choose')
        .optional()
        .transform((v) => v ?? null),
      municipality_code: z
        .string()
        .refine((m) => countyOf.has(m), 'outreach.form.error.municipality')
        .optional(),
      confirmed_count: count,
      confirmed_criteria: z.string().max(20000).optional(),
    })
    .superRefine((value, ctx) => {
      if (value.municipality_code && countyOf.get(value.municipality_code) !== value.county_code) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['municipality_code'],
          message: 'outreach.form.error.municipality',
        })
      }
    })
}
