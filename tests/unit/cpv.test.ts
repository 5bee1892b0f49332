import { describe, expect, test } from 'vitest'
import { getTranslator } from '~/i18n/messages'
import { translateError } from '~/i18n/use-t'
import {
  CPV_MAX_CODES,
  cpvCodesField,
  cpvCodesText,
  cpvHref,
  cpvSearchHref,
  formatCpv,
  normaliseCpvCode,
  parseCpvList,
  unknownCpvMessage,
} from '~/utils/cpv'

function codes(n: number): string[] {
  return Array.from({ length: n }, (_, i) => String(72000000 + i * 100000))
}

describe('one CPV code as typed', () => {
  test('eight digits, with or without the check digit after a hyphen', () => {
    expect(normaliseCpvCode('72000000')).toBe('72000000')
    expect(normaliseCpvCode('72000000-5')).toBe('72000000')
    expect(normaliseCpvCode(' 03000000-1 ')).toBe('03000000')
    // A dash from a word processor is still a hyphen.
    expect(normaliseCpvCode('72000000–5')).toBe('72000000')
  })

  test('anything else is not a code', () => {
    for (const input of [
      '',
      '7200000',
      '720000000',
      '72000000-',
      '72000000-55',
      '72 000 000',
      '７２０００００００',
      'abcdefgh',
      '-72000000',
      '72000000x',
    ]) {
      expect(normaliseCpvCode(input), input).toBeNull()
    }
  })
})

describe('the CPV codes field', () => {
  test('commas, spaces and newlines separate codes; check digits go; repeats count once', () => {
    const parsed = cpvCodesField.parse('72000000-5, 48000000\n72000000;  30200000-1\r\n48000000-8')
    expect(parsed).toEqual(['72000000', '48000000', '30200000'])
  })

  test('an empty or missing field is no codes', () => {
    expect(cpvCodesField.parse(undefined)).toEqual([])
    expect(cpvCodesField.parse('')).toEqual([])
    expect(cpvCodesField.parse(' ,\n ')).toEqual([])
  })

  test(`at most ${CPV_MAX_CODES} different codes`, () => {
    expect(cpvCodesField.parse(codes(CPV_MAX_CODES).join(' '))).toHaveLength(CPV_MAX_CODES)
    // Repeats do not count towards the limit.
    expect(
      cpvCodesField.parse([...codes(CPV_MAX_CODES), ...codes(CPV_MAX_CODES)].join(',')),
    ).toHaveLength(CPV_MAX_CODES)
    const result = cpvCodesField.safeParse(codes(CPV_MAX_CODES + 1).join(' '))
    expect(result.success).toBe(false)
    const message = result.error?.issues[0]?.message ?? ''
    expect(message.startsWith('cpv.error_too_many|')).toBe(true)
    expect(translateError(getTranslator('sv'), message)).toBe(
      `Välj högst ${CPV_MAX_CODES} CPV-koder. Nu är det ${CPV_MAX_CODES + 1}.`,
    )
  })

  test('a token that is not a code is named in the translated error', () => {
    const result = cpvCodesField.safeParse('72000000, IT-tjänster')
    expect(result.success).toBe(false)
    const message = result.error?.issues[0]?.message ?? ''
    expect(message.startsWith('cpv.error_format|')).toBe(true)
    expect(translateError(getTranslator('en'), message)).toMatch(/^“IT-tjänster” is not a CPV code/)
  })

  test('what someone typed cannot break the message apart', () => {
    const result = cpvCodesField.safeParse('a|b"}{' + 'x'.repeat(100))
    const message = result.error?.issues[0]?.message ?? ''
    const text = translateError(getTranslator('sv'), message)
    expect(text).toMatch(/^”ab"\}\{x+” är inte en CPV-kod/)
    expect(text).not.toContain('{code}')
  })

  test('a very long text is refused before it is split', () => {
    const result = cpvCodesField.safeParse('72000000 '.repeat(200))
    expect(result.error?.issues[0]?.message).toBe('errors.tooLong')
  })

  test('parseCpvList reports what went wrong', () => {
    expect(parseCpvList('72000000 7200')).toEqual({ ok: false, error: 'format', token: '7200' })
    expect(parseCpvList(codes(12).join(' '))).toEqual({ ok: false, error: 'too_many', count: 12 })
  })
})

describe('showing codes', () => {
  test('formatCpv shows the eight digits, with the name when given', () => {
    expect(formatCpv('72000000')).toBe('72000000')
    expect(formatCpv('72000000', null)).toBe('72000000')
    expect(formatCpv('72000000', 'IT-tjänster')).toBe('72000000 – IT-tjänster')
  })

  test('the field text for saved codes parses back to the same codes', () => {
    const saved = ['72000000', '48000000']
    expect(cpvCodesField.parse(cpvCodesText(saved))).toEqual(saved)
  })

  test('addresses and the unknown-codes message', () => {
    expect(cpvHref('72000000')).toBe('/cpv?parent=72000000')
    expect(cpvSearchHref('hälsa & vård')).toBe('/cpv?q=h%C3%A4lsa+%26+v%C3%A5rd')
    expect(translateError(getTranslator('sv'), unknownCpvMessage(['99999999', '12345678']))).toBe(
      'Koden eller koderna 99999999, 12345678 finns inte i CPV-listan. Sök fram rätt kod.',
    )
  })
})
