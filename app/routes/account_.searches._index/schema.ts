import { z } from 'zod'

/** The list's one form: delete a saved search by its id. */
export const deleteSchema = z.object({
  intent: z.literal('delete'),
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
})

export const NOTICES = ['created', 'updated', 'deleted'] as const
