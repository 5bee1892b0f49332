import { z } from 'zod'
import { type PasswordRuleOptions, withNewPassword } from '~/auth/password-schema'

/** Tokens are 32 base32 characters (see app/auth/tokens.server.ts); anything else is not a link we sent. */
export const tokenSchema = z.string().regex(/^[a-z2-7]{32}$/)

export function resetSchema(options: PasswordRuleOptions = {}) {
  return withNewPassword({}, options)
}
