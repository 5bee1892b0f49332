import { z } from 'zod'

// Client-safe: the request for a reference call. Limits follow the database's CHECKs.

export const referenceIdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)

const text = (min: number, max: number) =>
  z
    .string({ required_error: 'errors.required' })
    .trim()
    .min(min, 'errors.tooShort')
    .max(max, 'errors.tooLong')

export const contactSchema = z.object({
  name: text(2, 200),
  email: z
    .string({ required_error: 'errors.required' })
    .trim()
    .toLowerCase()
    .max(254, 'errors.tooLong')
    .email('errors.email'),
  organisation: text(2, 200),
  country: z.string().trim().max(100, 'errors.tooLong').optional(),
  message: text(10, 3000),
  consent: z.literal('on', {
    errorMap: () => ({ message: 'showcase.contact.consentRequired' }),
  }),
})
export type ContactValues = z.infer<typeof contactSchema>
