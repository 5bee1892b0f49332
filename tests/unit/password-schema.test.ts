import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { isCommonPassword } from '~/auth/password.server'
import { DEMO_PASSWORD } from '~/seed'
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
    expect(newPassword().safeParse('fjäll-'.repeat(21) + 'ok').success).toBe(true)
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

  test('one character or one short block repeated is refused, in the browser too', () => {
    for (const password of [
      'aaaaaaaa',
      'AAAAaaaa',
      '11111111111',
      'abababab',
      '12341234',
      'xyzxyzxy',
    ]) {
      expect(errorsOf(clientForm.safeParse({ name: 'A', password, confirm: password }))).toEqual({
        password: ['auth.passwordRule.repeated'],
      })
    }
  })

  test('characters in a row, from the alphabet, the digits or the keyboard, are refused', () => {
    for (const password of [
      'abcdefgh',
      'ABCDEFGHIJ',
      '87654321',
      'qwertyuiopå',
      'asdfghjklöä',
      'abcd1234',
      '9876zyxw',
      'mnbvcxzlkj',
    ]) {
      expect(
        newPassword()
          .safeParse(password)
          .error?.issues.map((i) => i.message),
      ).toEqual(['auth.passwordRule.sequence'])
    }
  })

  test('a password that only contains a short run among other characters is accepted', () => {
    for (const password of ['abc-fjäll-kanel', 'defghi12', '1234 blåbär i skogen']) {
      expect(newPassword().safeParse(password).success).toBe(true)
    }
  })

  test('a too short repeated password gets one message, about its length', () => {
    expect(
      newPassword()
        .safeParse('aaaa')
        .error?.issues.map((i) => i.message),
    ).toEqual(['errors.passwordTooShort'])
  })

  const signupLike = withNewPassword(
    { name: z.string(), email: z.string() },
    { isCommon: isCommonPassword },
  )

  test("a password equal to the form's e-mail address, its name part or the name is refused", () => {
    for (const password of [
      'Karin.Stromberg@Vardkraft.test',
      'karin.stromberg',
      'Karin Strömberg',
      'karinströmberg',
    ]) {
      const result = signupLike.safeParse({
        name: 'Karin Strömberg',
        email: 'karin.stromberg@vardkraft.test',
        password,
        confirm: password,
      })
      expect(errorsOf(result)).toEqual({ password: ['auth.passwordRule.personal'] })
    }
  })

  test('the e-mail address and name given by the server count where the form has no such fields', () => {
    const reset = withNewPassword(
      {},
      { isCommon: isCommonPassword, personal: ['Lars Ek', 'lars.ek@norrbotten.test'] },
    )
    expect(
      errorsOf(
        reset.safeParse({
          password: 'lars.ek@norrbotten.test',
          confirm: 'lars.ek@norrbotten.test',
        }),
      ),
    ).toEqual({
      password: ['auth.passwordRule.personal'],
    })
    expect(
      reset.safeParse({ password: 'lars-ek-i-norrbotten', confirm: 'lars-ek-i-norrbotten' })
        .success,
    ).toBe(true)
  })

  test('the demo password is still accepted for a demo user', () => {
    expect(DEMO_PASSWORD).toBe('testarena-demo')
    const result = signupLike.safeParse({
      name: 'Anna Lindqvist',
      email: 'anna.lindqvist@norrbotten.test',
      password: DEMO_PASSWORD,
      confirm: DEMO_PASSWORD,
    })
    expect(result.success).toBe(true)
  })
})
