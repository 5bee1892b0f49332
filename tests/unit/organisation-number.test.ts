import { describe, expect, test } from 'vitest'
import { slugify } from '~/models/organisation-slugs.server'
import { isPersonalIdentityNumber, normaliseOrgNumber } from '~/utils/org-number'

describe('organisation numbers', () => {
  test('a valid number is stored as its ten digits, however it was typed', () => {
    expect(normaliseOrgNumber('556016-0680')).toBe('5560160680')
    expect(normaliseOrgNumber('5560160680')).toBe('5560160680')
    expect(normaliseOrgNumber(' 556016-0680 ')).toBe('5560160680')
    expect(normaliseOrgNumber('16556016-0680')).toBe('5560160680')
    expect(normaliseOrgNumber('165560160680')).toBe('5560160680')
    expect(normaliseOrgNumber('212000-2403')).toBe('2120002403')
  })

  test('a wrong check digit is refused', () => {
    expect(normaliseOrgNumber('556016-0681')).toBeNull()
    expect(normaliseOrgNumber('2120002404')).toBeNull()
  })

  test('malformed input is refused', () => {
    for (const input of [
      '',
      'abc',
      '556016',
      '55601606800000',
      '556016_0680',
      '17556016-0680',
      '5510160680',
    ]) {
      expect(normaliseOrgNumber(input), input).toBeNull()
    }
  })
})

test('a personal identity number is refused, so it is never published on a profile', () => {
  expect(isPersonalIdentityNumber('19121212-1212')).toBe(true)
  expect(normaliseOrgNumber('121212-1212')).toBeNull()
  expect(normaliseOrgNumber('19121212-1212')).toBeNull()
  expect(isPersonalIdentityNumber('556016-0680')).toBe(false)
})

describe('slugs', () => {
  test('Swedish letters lose their dots and rings, everything else becomes dashes', () => {
    expect(slugify('Vårdkraft Digital AB')).toBe('vardkraft-digital-ab')
    expect(slugify('Åre Öl & Ärtor AB')).toBe('are-ol-artor-ab')
    expect(slugify('  --Luleå kommun--  ')).toBe('lulea-kommun')
    expect(slugify('Café Ørsted')).toBe('cafe-orsted')
  })

  test('a slug always has at least two characters and at most sixty', () => {
    expect(slugify('!!')).toBe('organisation')
    expect(slugify('Ö')).toBe('organisation-o')
    expect(slugify('a'.repeat(100)).length).toBe(60)
    expect(slugify(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59))
  })
})
