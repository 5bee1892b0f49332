import { describe, expect, test } from 'vitest'
import {
  compareSv,
  formatCount,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatMoney,
  formatOrgNumber,
} from '~/i18n/format'

// 2026-11-25 22:59:00 UTC is 23:59 in Stockholm (CET, UTC+1); 2026-06-30 21:59 UTC is 23:59 CEST.
const winter = Date.UTC(2026, 10, 25, 22, 59) / 1000
const summer = Date.UTC(2026, 5, 30, 21, 59) / 1000

describe('Swedish formats', () => {
  test('a deadline is shown in Stockholm time with its zone, in winter and in summer', () => {
    expect(formatDateTime(winter, 'sv')).toBe('25 november 2026 kl. 23:59 CET')
    expect(formatDateTime(summer, 'sv')).toBe('30 juni 2026 kl. 23:59 CEST')
    expect(formatDateTime(winter, 'en')).toMatch(/^25 November 2026 at 23:59 (CET|GMT\+1)$/)
  })

  test('a date near midnight UTC falls on the Stockholm day', () => {
    expect(formatDate(Date.UTC(2026, 11, 31, 23, 30) / 1000, 'sv')).toBe('1 januari 2027')
  })

  test('money is whole kronor with Swedish grouping', () => {
    expect(formatMoney(1250000, 'sv').replace(/\s/g, ' ')).toBe('1 250 000 kr')
    expect(formatMoney(1250000, 'en').replace(/\s/g, ' ')).toBe('SEK 1,250,000')
  })

  test('an organisation number gets its dash', () => {
    expect(formatOrgNumber('5560160680')).toBe('556016-0680')
  })
})

test('formatDecimal keeps at most the given decimals, in each language', () => {
  expect(formatDecimal(4.756, 'sv', 2)).toBe('4,76')
  expect(formatDecimal(4.756, 'en', 2)).toBe('4.76')
  expect(formatDecimal(12.25, 'sv', 1)).toBe('12,3')
  expect(formatDecimal(3, 'en', 1)).toBe('3')
})

test('a capped count is the cap with a plus, in each language’s digits (decision 045)', () => {
  expect(formatCount({ total: 1000, capped: true }, 'sv')).toBe('1\u00a0000+')
  expect(formatCount({ total: 1000, capped: true }, 'en')).toBe('1,000+')
  expect(formatCount({ total: 999, capped: false }, 'sv')).toBe('999')
  expect(formatCount({ total: 1000, capped: false }, 'en')).toBe('1,000')
})

test('Swedish order puts å, ä and ö after z', () => {
  expect(['Örebro', 'Ale', 'Åre', 'Zeta', 'Älvdalen'].sort(compareSv)).toEqual([
    'Ale',
    'Zeta',
    'Åre',
    'Älvdalen',
    'Örebro',
  ])
})
