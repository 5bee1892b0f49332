import { z } from 'zod'

/** An organisation's address; anything else is simply not found. */
export const slugSchema = z.string().regex(/^[a-z0-9-]{2,80}$/)
