import { describe, expect, test } from 'vitest'
import { ftsMatchExpression } from '~/models/catalogue-query.server'
import { pageWindow } from '~/components/pagination'
import { catalogueHref } from '~/routes/test-beds._index/schema'

describe('ftsMatchExpression', () => {
  test('quotes each term and ANDs them', () => {
    expect(ftsMatchExpression('äldreomsorg Luleå')).toBe('"äldreomsorg" AND "Luleå"')
  })

  test('drops terms shorter than a trigram; null when none is left', () => {
    expect(ftsMatchExpression('AI i vården')).toBe('"vården"')
    expect(ftsMatchExpression('AI 5G')).toBeNull()
    expect(ftsMatchExpression('   ')).toBeNull()
    // Letters, not UTF-16 units: "åäö" is three characters.
    expect(ftsMatchExpression('åäö')).toBe('"åäö"')
  })

  test('operators and quotes become plain text', () => {
    expect(ftsMatchExpression('NEAR(a b) title:x "q"uote OR')).toBe(
      '"NEAR(a" AND "title:x" AND """q""uote"',
    )
    expect(ftsMatchExpression('omsorg*')).toBe('"omsorg*"')
    expect(ftsMatchExpression('a\u0000bcd')).toBe('"bcd"')
  })
})

describe('pageWindow', () => {
  test('first, last and two either side of the current page', () => {
    expect(pageWindow(1, 1)).toEqual([1])
    expect(pageWindow(1, 4)).toEqual([1, 2, 3, 4])
    expect(pageWindow(6, 12)).toEqual([1, 'gap', 4, 5, 6, 7, 8, 'gap', 12])
    expect(pageWindow(12, 12)).toEqual([1, 'gap', 10, 11, 12])
  })
})

describe('catalogueHref', () => {
  test('keeps the filters, leaves out empty ones and page 1', () => {
    expect(catalogueHref({})).toBe('/test-beds')
    expect(catalogueHref({ q: 'omsorg', open: true, trl: 5 }, 1)).toBe(
      '/test-beds?q=omsorg&trl=5&open=1',
    )
    expect(catalogueHref({ county: '25' }, 3)).toBe('/test-beds?county=25&page=3')
  })
})
