import { z } from 'zod'
import { type PasswordRuleOptions, withNewPassword } from '~/auth/password-schema'

export const INTENTS = ['name', 'password', 'revoke', 'revokeOthers'] as const

export const intentSchema = z.object({ intent: z.enum(INTENTS) })

export const nameSchema = z.object({
  name: z
    .string({ required_error: 'errors.required' })
    .trim()
    .min(1, 'errors.required')
    .max(200, 'errors.tooLong'),
})

export function passwordSchema(options: PasswordRuleOptions = {}) {
  return withNewPassword(
    {
      currentPassword: z.string({ required_error: 'errors.required' }).max(1024, 'errors.tooLong'),
    },
    options,
  )
}

export const revokeSchema = z.object({ sessionId: z.string().regex(/^[0-9a-f]{64}$/) })
