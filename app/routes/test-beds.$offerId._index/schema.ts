import { z } from 'zod'

/** An offer's id in its address; anything else is simply not found. */
export const offerIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,11}$/)
  .transform(Number)
