import { parse } from 'csv-parse/sync'
import { describe, expect, test } from 'vitest'
import { csvCell, csvDocument, csvFileName, csvStream, filterParts } from '~/utils/csv.server'
import { csvHref } from '~/utils/csv-links'

// The shared CSV idiom (decision record 042).

describe('the formula guard (OWASP CSV injection)', () => {
  test.each(['=1+1', '+46 70', '-2', '@SUM(A1)', '\tx', '\rx'])('%j gets an apostrophe', (v) => {
    expect(csvCell(v)).toBe(`'${v}`)
  })

  test('ordinary text, numbers and empty cells are left as they are', () => {
    expect(csvCell('Åre kommun')).toBe('Åre kommun')
    expect(csvCell('a=b')).toBe('a=b')
    expect(csvCell(-5)).toBe('-5')
    expect(csvCell(1250000)).toBe('1250000')
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
  })
})

test('a document: BOM, semicolons, CRLF, quoting; parses back with å, ä, ö', () => {
  const text = csvDocument([
    ['Namn', 'Län'],
    ['Mölndal; "Västra"', 'Västra Götalands län'],
    ['=cmd', 'rad\nbrytning'],
  ])
  expect(text.startsWith('\uFEFFNamn;Län\r\n')).toBe(true)
  expect(parse(text, { bom: true, delimiter: ';' })).toEqual([
    ['Namn', 'Län'],
    ['Mölndal; "Västra"', 'Västra Götalands län'],
    ["'=cmd", 'rad\nbrytning'],
  ])
})

test('a stream: the header with the BOM first, then one chunk per batch', async () => {
  async function* batches() {
    yield [[1, 'Ödeshög']]
    yield []
    yield [[2, '-Kiruna']]
  }
  const reader = csvStream(['Id', 'Ort'], batches()).getReader()
  const chunks: string[] = []
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(decoder.decode(value))
  }
  expect(chunks).toEqual(['\uFEFFId;Ort\r\n', '1;Ödeshög\r\n', "2;'-Kiruna\r\n"])
})

describe('file names', () => {
  test('the list and the filters that are set, in order', () => {
    expect(csvFileName('calls', ['energy', undefined, '25', true, false])).toBe(
      'testarena-calls-energy-25-1.csv',
    )
    expect(csvFileName('pipeline', ['25', 'welfare_technology'])).toBe(
      'testarena-pipeline-25-welfare_technology.csv',
    )
  })

  test('a ticked flag gives its name; unset filters nothing', () => {
    const keys = ['q', 'trl', 'open', 'past'] as const
    expect(filterParts(keys, { q: 'Värme', trl: 6, open: undefined, past: true })).toEqual([
      'Värme',
      '6',
      'past',
    ])
    expect(csvFileName('test-beds', filterParts(keys, { past: true }))).toBe(
      'testarena-test-beds-past.csv',
    )
  })

  test('only safe characters: accents dropped, quotes, slashes and line breaks gone', () => {
    const name = csvFileName('references', ['Vård & omsorg "i" Umeå\r\n/../x'])
    expect(name).toBe('testarena-references-vard-omsorg-i-umea-x.csv')
    expect(csvFileName('calls', ['x'.repeat(500)]).length).toBeLessThanOrEqual(160)
  })
})

test('the link keeps the list’s filters and drops the page', () => {
  expect(csvHref('/calls', '?theme=energy&page=3&lang=en')).toBe('/calls.csv?theme=energy&lang=en')
  expect(csvHref('/events', '')).toBe('/events.csv')
})
