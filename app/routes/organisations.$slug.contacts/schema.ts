import { z } from 'zod'

// Recording a contact with a company (decision record 029). Messages are i18n keys; the database
// checks again (migration 2026-12-07-12-contact-ledger).

export const CONTACT_KIND_VALUES = [
  'visit',
  'demo',
  'dialogue_meeting',
  'pilot_talk',
  'event',
] as const

const id = z
  .string({ required_error: 'errors.required' })
  .regex(/^[1-9]\d{0,11}$/, 'errors.required')
  .transform(Number)

/** The company search (?q=…): a name or the first digits of an organisation number. */
export const companySearchSchema = z.string().trim().max(200).optional().catch(undefined)

/** The company chosen in the address (?company=…); anything else shows the choice again. */
export const companyParamSchema = z
  .string()
  .regex(/^[1-9]\d{0,11}$/)
  .transform(Number)

/** What a contact says: its date, kind and purpose (recorded, and corrected by its author). */
export const contactFields = {
  contacted_on: z
    .string({ required_error: 'errors.required' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'contacts.form.error.date')
    .refine(
      (v) =>
        !Number.isNaN(Date.parse(`${v}T12:00:00Z`)) &&
        new Date(`${v}T12:00:00Z`).toISOString().slice(0, 10) === v,
      'contacts.form.error.date',
    ),
  kind: z.enum(CONTACT_KIND_VALUES, { required_error: 'errors.required' }),
  purpose: z
    .string({ required_error: 'errors.required' })
    .trim()
    .min(10, 'errors.tooShort')
    .max(1000, 'errors.tooLong'),
}

export const contactSchema = z.object({
  company_id: id,
  ...contactFields,
  initiative_id: z
    .string()
    .regex(/^[1-9]\d{0,11}$/)
    .transform(Number)
    .optional(),
  acknowledged: z
    .boolean({ required_error: 'contacts.form.error.acknowledge' })
    .refine((v) => v, 'contacts.form.error.acknowledge'),
})
