import { z } from 'zod'

/** generateToken(): 20 random bytes in lower-case base32, 32 characters. */
export const tokenSchema = z.string().regex(/^[a-z2-7]{32}$/)
