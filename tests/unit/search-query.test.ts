import { describe, expect, test } from 'vitest'
import {
  ftsExpression,
  MARK_END,
  MARK_START,
  markWords,
  parseSearchQuery,
  SEARCH_MAX_LENGTH,
  SEARCH_MAX_TERMS,
  segmentsOf,
} from '~/utils/search-query'

// The search box's sanitiser (decision record 036): user text is never FTS5 syntax.

describe('parseSearchQuery', () => {
  test('words of three letters or more go to the index, shorter ones to the titles', () => {
    expect(parseSearchQuery('  Luleå  AI hemtjänst ')).toEqual({
      text: 'Luleå AI hemtjänst',
      truncated: false,
      long: ['Luleå', 'hemtjänst'],
      short: ['AI'],
    })
  })

  test.each([
    ['"unbalanced', ['unbalanced']],
    ['NEAR(luleå hemtjänst, 5)', ['NEAR', 'luleå', 'hemtjänst']],
    ['title:luleå', ['title', 'luleå']],
    ['lul* ^äldre', ['lul', 'äldre']],
    ['{title body}: drönare', ['title', 'body', 'drönare']],
    ['e-hälsa', ['e-hälsa']],
    ['--- ...', []],
  ])('%j → %j', (input, long) => {
    expect(parseSearchQuery(input).long).toEqual(long)
  })

  test('control and zero-width characters separate words; NUL never reaches SQLite', () => {
    const q = parseSearchQuery('luleå\u0000hemtjänst\u200bäldre\u0007')
    expect(q.long).toEqual(['luleå', 'hemtjänst', 'äldre'])
    expect(q.text).not.toMatch(/\p{Cc}/u)
  })

  test('a long input is cut at SEARCH_MAX_LENGTH characters (not bytes) and says so', () => {
    const q = parseSearchQuery('å'.repeat(SEARCH_MAX_LENGTH + 50))
    expect(q.truncated).toBe(true)
    expect([...q.text]).toHaveLength(SEARCH_MAX_LENGTH)
    expect(parseSearchQuery('å'.repeat(SEARCH_MAX_LENGTH)).truncated).toBe(false)
  })

  test('repeated words count once, and at most SEARCH_MAX_TERMS words count', () => {
    expect(parseSearchQuery('äldre äldre äldre').long).toEqual(['äldre'])
    const many = Array.from({ length: 20 }, (_, i) => `ord${i}`).join(' ')
    expect(parseSearchQuery(many).long).toHaveLength(SEARCH_MAX_TERMS)
  })

  test('nothing typed is nothing to search', () => {
    expect(parseSearchQuery(undefined)).toEqual({ text: '', truncated: false, long: [], short: [] })
    expect(parseSearchQuery(' \t\n ').long).toEqual([])
  })
})

describe('ftsExpression', () => {
  test('each word a quoted string, inner quotes doubled, ANDed', () => {
    expect(ftsExpression(['luleå', 'AND', 'it"s'])).toBe('"luleå" AND "AND" AND "it""s"')
    expect(ftsExpression([])).toBeNull()
  })
})

describe('highlight segments', () => {
  test('marks from SQLite become segments; text stays text', () => {
    expect(segmentsOf(`a ${MARK_START}<b>${MARK_END} c`)).toEqual([
      { text: 'a ', mark: false },
      { text: '<b>', mark: true },
      { text: ' c', mark: false },
    ])
  })

  test('short words are marked case-insensitively', () => {
    expect(markWords('Ny AI-tjänst för ai', ['ai'])).toEqual([
      { text: 'Ny ', mark: false },
      { text: 'AI', mark: true },
      { text: '-tjänst för ', mark: false },
      { text: 'ai', mark: true },
    ])
  })
})
