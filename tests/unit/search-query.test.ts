import { describe, expect, test } from 'vitest'
import {
  fold,
  ftsExpression,
  holdsAll,
  markWords,
  parseSearchQuery,
  SEARCH_MAX_LENGTH,
  SEARCH_MAX_TERMS,
  snippetOf,
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

describe('folding and highlights', () => {
  test('case and diacritics fold as the index folds them', () => {
    expect(fold('LULEÅ Äldre Öst')).toBe('lulea aldre ost')
    expect(holdsAll('Smart hemtjänst i Luleå', ['lulea', fold('HEMTJÄNST')])).toBe(true)
    expect(holdsAll('Smart hemtjänst i Luleå', ['lulea', 'skola'])).toBe(false)
  })

  test('matches are marked in the original text, whatever was typed', () => {
    expect(markWords('Luleå kommun och LULEÅ hamn', ['lulea'])).toEqual([
      { text: 'Luleå', mark: true },
      { text: ' kommun och ', mark: false },
      { text: 'LULEÅ', mark: true },
      { text: ' hamn', mark: false },
    ])
    expect(markWords('Ny AI-tjänst', ['ai', 'tjänst'])).toEqual([
      { text: 'Ny ', mark: false },
      { text: 'AI', mark: true },
      { text: '-', mark: false },
      { text: 'tjänst', mark: true },
    ])
  })

  test('text stays text: markup in content is a segment like any other', () => {
    expect(markWords('<script>alert(1)</script>', ['script'])).toEqual([
      { text: '<', mark: false },
      { text: 'script', mark: true },
      { text: '>alert(1)</', mark: false },
      { text: 'script', mark: true },
      { text: '>', mark: false },
    ])
  })

  test('a snippet is cut around the first match', () => {
    const body = `${'Inledning. '.repeat(40)}Här testas drönare i Kiruna. ${'Slut. '.repeat(40)}`
    const snippet = snippetOf(body, ['dronare'])
    const text = snippet.map((s) => s.text).join('')
    expect(text.startsWith('…')).toBe(true)
    expect(text.endsWith('…')).toBe(true)
    expect(snippet.filter((s) => s.mark).map((s) => s.text)).toEqual(['drönare'])
    expect(text.length).toBeLessThanOrEqual(224)
  })
})
