import { z } from 'zod'
import type { OrganisationKind } from '#db/schema'
import { type ReferenceCodes, settingsSchema } from '~/utils/organisation-schema'

export { slugSchema } from '~/utils/slug'

/**
 * Which button was pressed: save, save and ask for a new review after a rejection, or save the
 * company's contact-ledger settings or its theme interests (forms of their own).
 */
export const intentSchema = z.enum(['save', 'review', 'contacts', 'themes']).catch('save')

/** The company's theme interests (decision record 032, Revision): known theme codes only. */
export function themeInterestsSchema(themes: ReadonlyArray<{ code: string }>) {
  const codes = new Set(themes.map((t) => t.code))
  return z.object({
    theme_codes: z
      .array(z.string().refine((c) => codes.has(c), 'errors.invalid'))
      .optional()
      .transform((v) => [...new Set(v ?? [])]),
  })
}

export function schema(ref: ReferenceCodes, kind: OrganisationKind) {
  return settingsSchema(ref, kind)
}

export const CHANNEL_VALUES = ['no_preference', 'through_intermediary', 'testarena_only'] as const

export const contactSettingsSchema = z.object({
  share_contacts: z
    .boolean()
    .optional()
    .transform((v) => v ?? false),
  preferred_channel: z.enum(CHANNEL_VALUES, { required_error: 'errors.required' }),
  preference_note: z
    .string()
    .trim()
    .max(500, 'errors.tooLong')
    .optional()
    .transform((v) => v ?? ''),
  not_before: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'contacts.form.error.date')
    .refine(
      (v) =>
        !Number.isNaN(Date.parse(`${v}T12:00:00Z`)) &&
        new Date(`${v}T12:00:00Z`).toISOString().slice(0, 10) === v,
      'contacts.form.error.date',
    )
    .optional()
    .transform((v) => v ?? null),
})
