import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { isCommonPassword } from '~/auth/password.server'
import { newPassword, withNewPassword } from '~/auth/password-schema'

const serverForm = withNewPassword({ name: z.string() }, { isCommon: isCommonPassword })
const clientForm = withNewPassword({ name: z.string() })

function errorsOf(result: z.SafeParseReturnType<unknown, unknown>) {
  return result.success ? {} : result.error.flatten().fieldErrors
}

describe('password rules', () => {
  test('a long uncommon password typed twice is accepted', () => {
    const result = serverForm.safeParse({
      name: 'A',
      password: 'fjällräv-kanel-8-blå',
      confirm: 'fjällräv-kanel-8-blå',
    })
    expect(result.success).toBe(true)
  })

  test('fewer than 8 characters is too short and 8 is enough', () => {
    expect(newPassword().safeParse('kort-7!').error?.issues[0]?.message).toBe(
      'errors.passwordTooShort',
    )
    expect(newPassword().safeParse('åtta-8!!').success).toBe(true)
  })

  test('more than 128 characters is too long and 128 is allowed', () => {
    expect(newPassword().safeParse('x'.repeat(129)).error?.issues[0]?.message).toBe(
      'errors.passwordTooLong',
    )
    expect(newPassword().safeParse('x'.repeat(128)).success).toBe(true)
  })

  test('a common password is refused on the server, whatever its case', () => {
    expect(isCommonPassword('Password1')).toBe(true)
    const result = serverForm.safeParse({ name: 'A', password: 'PASSWORD1', confirm: 'PASSWORD1' })
    expect(errorsOf(result)).toEqual({ password: ['errors.passwordCommon'] })
  })

  test('the browser copy of the rules does without the list of common passwords', () => {
    expect(
      clientForm.safeParse({ name: 'A', password: 'password1', confirm: 'password1' }).success,
    ).toBe(true)
  })

  test('a confirmation that differs is an error on the confirmation field', () => {
    const result = serverForm.safeParse({
      name: 'A',
      password: 'fjällräv-kanel-8-blå',
      confirm: 'fjällräv-kanel-8-blä',
    })
    expect(errorsOf(result)).toEqual({ confirm: ['errors.passwordMismatch'] })
  })

  test('a missing password or confirmation is required', () => {
    expect(errorsOf(serverForm.safeParse({ name: 'A' }))).toEqual({
      password: ['errors.required'],
      confirm: ['errors.required'],
    })
  })
})
