import { z } from 'zod'

/** The county in the address (?county=25); anything else shows the organisation's own county. */
export const countyParamSchema = z.string().regex(/^\d{2}$/)
