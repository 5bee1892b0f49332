import { z } from 'zod'

/** An organisation slug as the database allows it (see the organisations table). */
export const slugSchema = z.string().regex(/^[a-z0-9-]{2,80}$/)
