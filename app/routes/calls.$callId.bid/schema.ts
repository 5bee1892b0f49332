import { z } from 'zod'
import { slugSchema } from '~/utils/slug'

// Client-safe: the address parameters of the bid page. The form itself is ~/utils/bid-schema.

/** The :callId in the address: digits only, else the page does not exist. */
export const idParamSchema = z
  .string()
  .regex(/^[1-9]\d{0,15}$/)
  .transform(Number)
  .pipe(z.number().int().positive().max(Number.MAX_SAFE_INTEGER))

/** `?company=<slug>`: which of the user's companies bids. */
export const companyParamSchema = slugSchema.optional().catch(undefined)

export const NOTICES = ['saved', 'submitted', 'reconfirmed', 'withdrawn', 'unchanged'] as const

/** `?notice=…` after a write; anything else is ignored. */
export const noticeSchema = z.enum(NOTICES).nullable().catch(null)

/** `?step=withdraw` asks to confirm the withdrawal first. */
export const stepSchema = z.enum(['withdraw']).nullable().catch(null)
