import { z } from 'zod'
import { contactFields } from '~/routes/organisations.$slug.contacts/schema'

// Correcting a recorded contact (decision record 029): the same fields as recording it; the
// company, the initiative and the acknowledgement stay as they were.

export const contactIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,11}$/)
  .transform(Number)

export const correctionSchema = z.object(contactFields)
