import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { describe, expect, test } from 'vitest'
import { normaliseOrgNumber } from '~/utils/org-number'
import { DEFAULT_SIZES, parseOptions, refusal } from '../../scripts/seed-scale/options'
import { luhnCheckDigit, orgNumber } from '../../scripts/seed-scale/org-numbers'
import { createRandom, zipf } from '../../scripts/seed-scale/random'
import {
  companyName,
  DOMAIN_WORDS,
  RAREST_WORD,
  VOCABULARY,
  word,
} from '../../scripts/seed-scale/vocabulary'

// The generators of `npm run seed:scale` (decision record 046).

describe('organisation numbers', () => {
  test('the check digit is Luhn over the first nine digits', () => {
    expect(luhnCheckDigit('556016068')).toBe(0) // 556016-0680
    expect(luhnCheckDigit('212000240')).toBe(3) // 212000-2403
    expect(() => luhnCheckDigit('12345')).toThrow(RangeError)
  })

  test('every generated number is valid for the app, distinct, and no personal number', () => {
    const numbers = new Set<string>()
    for (const prefix of ['2321', '2120', '559'] as const) {
      for (let serial = 0; serial < 2000; serial += 7) {
        const number = orgNumber(prefix, serial)
        expect(normaliseOrgNumber(number)).toBe(number)
        numbers.add(number)
      }
    }
    expect(numbers.size).toBe(3 * Math.ceil(2000 / 7))
    expect(() => orgNumber('559', 1_000_000)).toThrow(RangeError)
  })
})

describe('random draws', () => {
  test('the same seed gives the same sequence; another seed another', () => {
    const a = createRandom(5)
    const b = createRandom(5)
    const c = createRandom(6)
    const take = (r: ReturnType<typeof createRandom>) => Array.from({ length: 5 }, () => r.next())
    const first = take(a)
    expect(take(b)).toEqual(first)
    expect(take(c)).not.toEqual(first)
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true)
  })

  test('Zipf ranks: the first is the most frequent, frequencies fall with the rank', () => {
    const random = createRandom(1)
    const draw = zipf(100, 1.2)
    const counts = new Array<number>(100).fill(0)
    for (let i = 0; i < 50_000; i++) counts[draw(random)]!++
    expect(counts[0]!).toBeGreaterThan(counts[1]!)
    expect(counts[1]!).toBeGreaterThan(counts[9]!)
    expect(counts[9]!).toBeGreaterThan(counts[99]!)
    // 1 / (r + 1)^1.2: rank 0 is 2^1.2 ≈ 2.3 times rank 1.
    expect(counts[0]! / counts[1]!).toBeGreaterThan(1.9)
    expect(counts[0]! / counts[1]!).toBeLessThan(2.7)
  })
})

describe('Swedish vocabulary', () => {
  test('common domain words are drawn thousands of times more often than the long tail', () => {
    const random = createRandom(2)
    const seen = new Map<string, number>()
    for (let i = 0; i < 200_000; i++) {
      const w = word(random)
      seen.set(w, (seen.get(w) ?? 0) + 1)
    }
    expect(VOCABULARY.length).toBeGreaterThan(10_000)
    expect(VOCABULARY[0]).toBe('digital')
    expect(seen.get('digital')!).toBeGreaterThan(4_000)
    expect(seen.get(RAREST_WORD) ?? 0).toBeLessThan(5)
    expect(new Set(VOCABULARY).size).toBe(VOCABULARY.length)
    for (const domain of DOMAIN_WORDS) expect(VOCABULARY).toContain(domain)
  })

  test('company names end in AB', () => {
    const random = createRandom(3)
    for (let i = 0; i < 50; i++) expect(companyName(random, 'Umeå')).toMatch(/^\S.* AB$/)
  })
})

describe('options', () => {
  test('defaults are issue 18 sizes; --scale multiplies them; an explicit flag wins', () => {
    expect(parseOptions([]).sizes).toEqual(DEFAULT_SIZES)
    const small = parseOptions(['--scale', '0.01', '--bids=500', '--out', 'x.sqlite'])
    expect(small.sizes).toEqual({
      calls: 1000,
      testBeds: 100,
      companies: 2000,
      bids: 500,
      references: 200,
      applications: 500,
    })
    expect(small.out).toBe('x.sqlite')
  })

  test('bad flags are refused with the usage', () => {
    expect(() => parseOptions(['--calls', '-5'])).toThrow(/--calls/)
    expect(() => parseOptions(['--calls', 'many'])).toThrow(/Usage/)
    expect(() => parseOptions(['--colls', '5'])).toThrow(/Usage/)
    expect(() => parseOptions(['--scale', '0'])).toThrow(/--scale/)
    expect(() => parseOptions(['--companies', '0', '--bids', '10'])).toThrow(/--bids/)
    expect(() => parseOptions(['--calls', '2', '--companies', '3', '--bids', '7'])).toThrow(
      /--bids/,
    )
    expect(() => parseOptions(['--test-beds', '0', '--applications', '1'])).toThrow(
      /--applications/,
    )
  })

  test('the demo database is refused however its path is written, and an existing file without --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seed-scale-'))
    const demo = join(dir, 'testarena.sqlite')
    expect(refusal(demo, demo, true)).toMatch(/npm start/)
    expect(refusal(relative(process.cwd(), demo), demo, true)).toMatch(/npm start/)
    expect(refusal(join(dir, '.', 'sub', '..', 'testarena.sqlite'), demo, true)).toMatch(
      /npm start/,
    )
    const other = join(dir, 'scale.sqlite')
    expect(refusal(other, demo, false)).toBeNull()
    writeFileSync(other, '')
    expect(refusal(other, demo, false)).toMatch(/--force/)
    expect(refusal(other, demo, true)).toBeNull()
  })
})
