/**
 * The arithmetic of `npm run bench` (decision 047), pure so the unit tests can check it: medians,
 * percentiles, the same-run ratio and the evaluation of a figure against its target.
 */

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** The nearest-rank percentile (p in 0..100) of `values`. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[Math.min(rank, sorted.length) - 1]!
}

/** Each round's app req/s over the baseline req/s measured just before it (0 if none). */
export function roundRatios(app: number[], baseline: number[]): number[] {
  if (app.length !== baseline.length || app.length === 0) {
    throw new Error('one baseline measurement per app measurement')
  }
  return app.map((a, i) => (baseline[i]! > 0 ? a / baseline[i]! : 0))
}

/**
 * The app's share of the baseline: the median of the rounds' ratios (robust to the machine
 * slowing down mid-run, which moves both sides of a round alike).
 */
export function medianRatio(app: number[], baseline: number[]): number {
  return median(roundRatios(app, baseline))
}

export interface Target {
  /** 'min': the value must be at least `value`; 'max': at most. */
  kind: 'min' | 'max'
  value: number
}

export const atLeast = (value: number): Target => ({ kind: 'min', value })
export const atMost = (value: number): Target => ({ kind: 'max', value })

export function meets(value: number, target: Target): boolean {
  if (!Number.isFinite(value)) return false
  return target.kind === 'min' ? value >= target.value : value <= target.value
}

export function describeTarget(target: Target, unit = ''): string {
  return `${target.kind === 'min' ? '≥' : '≤'} ${target.value}${unit}`
}

/** One figure of the summary, with its target and whether it met it. */
export interface Figure {
  name: string
  value: number
  unit: string
  target: Target
  pass: boolean
  detail?: Record<string, unknown>
}

export function figure(
  name: string,
  value: number,
  unit: string,
  target: Target,
  detail?: Record<string, unknown>,
): Figure {
  return { name, value, unit, target, pass: meets(value, target), ...(detail ? { detail } : {}) }
}

/**
 * How much more a query costs with many matches than with few: the common word's median time over
 * the rare word's. Below a floor the times are noise, so both are raised to it first.
 */
export function growthFactor(commonMs: number, rareMs: number, floorMs = 0.5): number {
  return Math.max(commonMs, floorMs) / Math.max(rareMs, floorMs)
}

/** Whether the whole run passed: every figure met its target. */
export function allPass(figures: { pass: boolean }[]): boolean {
  return figures.every((f) => f.pass)
}

/** Issue 18's targets, all checked here and none by a timed test. */
export const TARGETS = {
  /** Anonymous pages, page cache on (PAGE_CACHE=on), with or without gzip. */
  cachedRatio: atLeast(0.5),
  /** Anonymous pages, page cache off. */
  uncachedRatio: atLeast(0.15),
  loggedInRatio: atLeast(0.15),
  /** Every page at 50 connections. */
  p99Ms: atMost(50),
  /** Database time of any query a user can type, at the scale sizes. */
  searchP95Ms: atMost(15),
  /** A common word's SQL time over a rare word's: cost follows the page size, not the matches. */
  growth: atMost(3),
  /** submitBid, with its seal, receipt, audit row and mail, per commit. */
  bidCommitP95Ms: atMost(5),
  /** Spawn to the first 200. */
  startupMs: atMost(3000),
  /** Resident set of the server process after the load. */
  rssMb: atMost(250),
} as const
