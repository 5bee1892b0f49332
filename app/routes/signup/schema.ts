import { z } from 'zod'
import { type PasswordRuleOptions, withNewPassword } from '~/auth/password-schema'

/** The sign-up form; the server passes `isCommon` so common passwords are refused. */
export function signupSchema(options: PasswordRuleOptions = {}) {
  return withNewPassword(
    {
      name: z
        .string({ required_error: 'errors.required' })
        .trim()
        .min(1, 'errors.required')
        .max(200, 'errors.tooLong'),
      email: z
        .string({ required_error: 'errors.required' })
        .trim()
        .max(254, 'errors.tooLong')
        .email('errors.email'),
      redirectTo: z.string().optional(),
    },
    options,
  )
}

/**
 * The invitation token when the sign-up continues to an invitation page (`/invitations/<token>`,
 * the link the invitation mail carried); null otherwise.
 */
export function invitationTokenIn(redirectTo: string): string | null {
  return /^\/invitations\/([a-z2-7]{32})$/.exec(redirectTo)?.[1] ?? null
}
