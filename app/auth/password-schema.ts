import { z } from 'zod'

// Password rules shared by sign-up, password change and password reset. This module is also used
// in the browser (Conform validates as you type), so it must not import server code: the check
// against the list of common passwords is passed in by the server (`isCommonPassword`) and only
// runs there. The other rules (one repeated character or block, a run such as "abcd1234", the
// user's own e-mail or name) are plain functions and run in both places.

export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 128

export interface PasswordRuleOptions {
  /** Server only: true when the password is too common to allow. */
  isCommon?: (password: string) => boolean
  /**
   * What the password may not be: the user's e-mail address and name when the form does not ask
   * for them (password change and reset). A form with `email` and `name` fields is checked
   * against them anyway.
   */
  personal?: readonly (string | null | undefined)[]
}

// Characters in an order anyone would guess: the alphabet (Swedish, so å ä ö follow z), the digits
// and the rows of a Swedish keyboard. Read forwards or backwards.
const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyzåäö',
  '01234567890',
  'qwertyuiopå',
  'asdfghjklöä',
  'zxcvbnm',
].flatMap((s) => [s, [...s].reverse().join('')])

/** The shortest run that counts as part of a sequence ("abc", "123", "qwe"). */
const MIN_RUN = 3

/** True when the password is one character or one short block repeated ("aaaaaaaa", "abababab"). */
export function isRepeated(password: string): boolean {
  const chars = [...password.toLowerCase()]
  for (let block = 1; block <= 4 && block < chars.length; block++) {
    if (chars.every((c, i) => i < block || c === chars[i - block])) return true
  }
  return false
}

/**
 * True when the password is made only of runs of at least three characters in a known order
 * ("abcdefgh", "87654321", "qwertyui", "abcd1234").
 */
export function isSequence(password: string): boolean {
  const chars = [...password.toLowerCase()]
  const inSequence = (from: number, to: number) => {
    const run = chars.slice(from, to).join('')
    return SEQUENCES.some((s) => s.includes(run))
  }
  let start = 0
  while (start < chars.length) {
    // Grow the run while it is still part of some sequence, read either way.
    let end = start + 1
    while (end < chars.length && inSequence(start, end + 1)) end++
    if (end - start < MIN_RUN) return false
    start = end
  }
  return chars.length > 0
}

const squash = (s: string) => s.toLowerCase().replace(/\s+/g, '')

/**
 * True when the password is, whatever its case and spaces, one of the personal values given or
 * the part of an e-mail address before the @.
 */
export function isPersonal(
  password: string,
  personal: readonly (string | null | undefined)[],
): boolean {
  const typed = squash(password)
  return personal.some((value) => {
    if (!value?.trim()) return false
    const whole = squash(value)
    const local = whole.includes('@') ? whole.slice(0, whole.lastIndexOf('@')) : whole
    return typed === whole || (local.length > 0 && typed === local)
  })
}

/** The message key of the first rule the password breaks (length aside), or null. */
function weakness(password: string, options: PasswordRuleOptions): string | null {
  if (options.isCommon?.(password)) return 'errors.passwordCommon'
  if (isRepeated(password)) return 'auth.passwordRule.repeated'
  if (isSequence(password)) return 'auth.passwordRule.sequence'
  return null
}

const hasLength = (p: string) => p.length >= PASSWORD_MIN && p.length <= PASSWORD_MAX

/**
 * A new password: 8–128 characters, not one repeated character or block, not a run such as
 * "12345678" and, on the server, not among the common ones. One message at a time.
 */
export function newPassword(options: PasswordRuleOptions = {}) {
  return z
    .string({ required_error: 'errors.required' })
    .min(PASSWORD_MIN, 'errors.passwordTooShort')
    .max(PASSWORD_MAX, 'errors.passwordTooLong')
    .superRefine((password, ctx) => {
      const problem = hasLength(password) ? weakness(password, options) : null
      if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem })
    })
}

/**
 * A form with a new password typed twice (`password` and `confirm`) and any other fields;
 * a confirmation that differs is an error on `confirm`, and a password equal to the form's
 * `email` or `name` (or to `options.personal`) is an error on `password`.
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
      const { password } = value
      const fields = value as Record<string, unknown>
      const personal = [fields.email, fields.name]
        .filter((v): v is string => typeof v === 'string')
        .concat((options.personal ?? []).filter((v): v is string => typeof v === 'string'))
      if (
        typeof password === 'string' &&
        hasLength(password) &&
        !weakness(password, options) &&
        isPersonal(password, personal)
      ) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['password'],
          message: 'auth.passwordRule.personal',
        })
      }
      if (value.password !== value.confirm) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['confirm'],
          message: 'errors.passwordMismatch',
        })
      }
    })
}
