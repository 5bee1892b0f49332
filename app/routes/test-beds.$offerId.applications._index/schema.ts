import { z } from 'zod'

/** The offer id in the address; anything else is simply not found. */
export const offerIdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)
