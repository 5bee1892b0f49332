import { z } from 'zod'

// Password rules shared by sign-up, password change and password reset. This module is also used
// in the browser (Conform validates as you type), so it must not import server code: the check
// against the list of common passwords is passed in by the server (`isCommonPassword`) and only
// runs there.

export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 128

export interface PasswordRuleOptions {
  /** Server only: true when the password is too common to allow. */
  isCommon?: (password: string) => boolean
}

/** A new password: 8–128 characters and, on the server, not among the common ones. */
export function newPassword(options: PasswordRuleOptions = {}) {
  const rule = z
    .string({ required_error: 'errors.required' })
    .min(PASSWORD_MIN, 'errors.passwordTooShort')
    .max(PASSWORD_MAX, 'errors.passwordTooLong')
  const { isCommon } = options
  return isCommon ? rule.refine((p) => !isCommon(p), 'errors.passwordCommon') : rule
}

/**
 * A form with a new password typed twice (`password` and `confirm`) and any other fields;
 * a confirmation that differs is an error on `confirm`.
 */
export function withNewPassword<T extends z.ZodRawShape>(
  shape: T,
  options: PasswordRuleOptions = {},
) {
  return z
    .object({
      ...shape,
      password: newPassword(options),
      confirm: z.string({ required_error: 'errors.required' }),
    })
    .superRefine((value, ctx) => {
      if (value.password !== value.confirm) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['confirm'],
          message: 'errors.passwordMismatch',
        })
      }
    })
}
