import { describe, expect, test } from 'vitest'
import {
  parseStockholmDate,
  parseStockholmDateTime,
  toStockholmDateInput,
  toStockholmDateTimeInput,
} from '~/utils/stockholm-time'

describe('Stockholm form times', () => {
  test('a winter deadline at 23:59 is 22:59 UTC', () => {
    expect(parseStockholmDateTime('2026-12-01T23:59')).toBe(Date.UTC(2026, 11, 1, 22, 59) / 1000)
  })
  test('a summer date starts at 22:00 UTC the day before', () => {
    expect(parseStockholmDate('2026-07-01')).toBe(Date.UTC(2026, 5, 30, 22, 0) / 1000)
  })
  test('impossible dates and the skipped spring hour are refused', () => {
    expect(parseStockholmDate('2026-02-30')).toBeNull()
    expect(parseStockholmDate('1 december')).toBeNull()
    expect(parseStockholmDateTime('2026-03-29T02:30')).toBeNull()
  })
  test('values round-trip into form inputs', () => {
    const s = parseStockholmDateTime('2026-10-25T02:30')!
    expect(toStockholmDateTimeInput(s)).toBe('2026-10-25T02:30')
    expect(toStockholmDateInput(parseStockholmDate('2027-01-31')!)).toBe('2027-01-31')
  })
})
