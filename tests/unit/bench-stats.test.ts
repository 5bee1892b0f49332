import { describe, expect, test } from 'vitest'
import {
  allPass,
  atLeast,
  atMost,
  describeTarget,
  figure,
  growthFactor,
  median,
  medianRatio,
  meets,
  percentile,
  TARGETS,
} from '../bench/stats'

// The arithmetic of `npm run bench` (decision 047): it decides OK or MISS, so it is tested.

describe('median and percentile', () => {
  test('the median of an odd and an even count, unsorted input left alone', () => {
    const values = [5, 1, 3]
    expect(median(values)).toBe(3)
    expect(values).toEqual([5, 1, 3])
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNaN()
  })

  test('nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i) // 100 … 1
    expect(percentile(values, 95)).toBe(95)
    expect(percentile(values, 50)).toBe(50)
    expect(percentile(values, 100)).toBe(100)
    expect(percentile(values, 0)).toBe(1)
    expect(percentile([7], 95)).toBe(7)
    expect(percentile([], 95)).toBeNaN()
  })
})

describe('the same-run ratio', () => {
  test('is the median of each round’s app over the baseline measured with it', () => {
    // The machine halves its speed in round 2: each round's ratio stays 0.5.
    expect(medianRatio([500, 250, 500], [1000, 500, 1000])).toBe(0.5)
    // Not the ratio of the medians (which would be 300 / 1000 = 0.3).
    expect(medianRatio([300, 300, 600], [1000, 500, 1000])).toBe(0.6)
  })

  test('needs one baseline per app measurement, and a dead baseline counts as 0', () => {
    expect(() => medianRatio([1, 2], [1])).toThrow()
    expect(() => medianRatio([], [])).toThrow()
    expect(medianRatio([100], [0])).toBe(0)
  })
})

describe('targets', () => {
  test('a minimum and a maximum, inclusive; NaN never passes', () => {
    expect(meets(0.5, atLeast(0.5))).toBe(true)
    expect(meets(0.49, atLeast(0.5))).toBe(false)
    expect(meets(50, atMost(50))).toBe(true)
    expect(meets(50.1, atMost(50))).toBe(false)
    expect(meets(Number.NaN, atMost(50))).toBe(false)
    expect(meets(Number.NaN, atLeast(0))).toBe(false)
  })

  test('the issue’s targets, and how they print', () => {
    expect(TARGETS.cachedRatio).toEqual(atLeast(0.5))
    expect(TARGETS.uncachedRatio).toEqual(atLeast(0.15))
    expect(TARGETS.loggedInRatio).toEqual(atLeast(0.15))
    expect(TARGETS.p99Ms).toEqual(atMost(50))
    expect(TARGETS.searchP95Ms).toEqual(atMost(15))
    expect(TARGETS.bidCommitP95Ms).toEqual(atMost(5))
    expect(TARGETS.startupMs).toEqual(atMost(3000))
    expect(TARGETS.rssMb).toEqual(atMost(250))
    expect(describeTarget(TARGETS.cachedRatio, '×')).toBe('≥ 0.5×')
    expect(describeTarget(TARGETS.rssMb, ' MB')).toBe('≤ 250 MB')
  })

  test('a figure carries its pass flag, and the run passes only when all do', () => {
    const ok = figure('bid commit p95', 4.2, 'ms', TARGETS.bidCommitP95Ms)
    const miss = figure('RSS', 300, 'MB', TARGETS.rssMb, { phase: 'after load' })
    expect(ok).toMatchObject({ value: 4.2, pass: true })
    expect(miss).toMatchObject({ pass: false, detail: { phase: 'after load' } })
    expect(allPass([ok])).toBe(true)
    expect(allPass([ok, miss])).toBe(false)
    expect(allPass([])).toBe(true)
  })

  test('growth with matches: a common word’s time over a rare word’s, noise floored', () => {
    expect(growthFactor(12, 1)).toBe(12)
    expect(meets(growthFactor(12, 1), TARGETS.growth)).toBe(false)
    expect(growthFactor(0.2, 0.1)).toBe(1) // both below the 0.5 ms floor
    expect(growthFactor(1.2, 0.8)).toBeCloseTo(1.5)
  })
})
