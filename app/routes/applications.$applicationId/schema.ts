import { z } from 'zod'

// Client-safe: never import .server here.

/** :applicationId: digits only, else the page does not exist. */
export const applicationIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,15}$/)
  .transform(Number)
  .pipe(z.number().int().positive().max(Number.MAX_SAFE_INTEGER))

/** The buttons on the page: withdraw a submitted application, or delete a draft. */
export const actionSchema = z.object({ intent: z.enum(['withdraw', 'delete']) })

/** `?confirm=…`: the confirmation step, a page of its own so it works without JavaScript. */
export const confirmSchema = z.enum(['withdraw', 'delete']).nullable().catch(null)

export const NOTICES = ['submitted', 'withdrawn'] as const
export const noticeSchema = z.enum(NOTICES).nullable().catch(null)
