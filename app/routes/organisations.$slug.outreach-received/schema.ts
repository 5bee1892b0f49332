import { z } from 'zod'

// The company's choice to receive no outreach (decision record 032).
export const optOutSchema = z.object({
  opted_out: z
    .boolean()
    .optional()
    .transform((v) => v ?? false),
})
