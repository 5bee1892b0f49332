import { z } from 'zod'

// The calendar and feed address page's one form: what to do, and with which saved search.
export const feedTokenFormSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('calendar_create') }),
  z.object({ intent: z.literal('calendar_revoke') }),
  z.object({
    intent: z.literal('search_create'),
    searchId: z
      .string()
      .regex(/^[1-9]\d{0,11}$/)
      .transform(Number),
  }),
  z.object({
    intent: z.literal('search_revoke'),
    searchId: z
      .string()
      .regex(/^[1-9]\d{0,11}$/)
      .transform(Number),
  }),
])
