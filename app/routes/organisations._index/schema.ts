import { z } from 'zod'
import { ORGANISATION_KINDS } from '#db/schema'

/** The directory's GET filters. A value that makes no sense is ignored rather than refused. */
export const filtersSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  kind: z.enum(ORGANISATION_KINDS).optional().catch(undefined),
  county: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
})
