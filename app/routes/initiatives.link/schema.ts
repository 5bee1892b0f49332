import { z } from 'zod'

/** The "belongs to initiative" form of a call's or offer's edit page. */
export const initiativeLinkSchema = z.object({
  kind: z.enum(['call', 'offer']),
  id: z
    .string()
    .regex(/^[1-9]\d{0,11}$/)
    .transform(Number),
  initiative_id: z
    .string()
    .regex(/^([1-9]\d{0,11})?$/)
    .transform((v) => (v ? Number(v) : null)),
})
