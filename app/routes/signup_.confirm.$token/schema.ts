import { z } from 'zod'

/** Tokens are 32 base32 characters (see app/auth/tokens.server.ts); anything else is not a link we sent. */
export const tokenSchema = z.string().regex(/^[a-z2-7]{32}$/)
