// A seeded pseudo-random generator for `npm run seed:scale` (decision record 046): the same seed
// gives the same database, run after run. mulberry32 is small, fast and good enough for test data.

export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T
  /** True with probability p. */
  chance(p: number): boolean
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  }
}

/**
 * Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1 + offset)^s (Zipf's law, with
 * Mandelbrot's offset flattening the head): rank 0 is the most frequent. The cumulative weights
 * are computed once; a draw is a binary search.
 */
export function zipf(n: number, s: number, offset = 0): (random: Random) => number {
  if (n < 1) throw new RangeError('zipf needs at least one rank')
  const cumulative = new Float64Array(n)
  let total = 0
  for (let rank = 0; rank < n; rank++) {
    total += 1 / Math.pow(rank + 1 + offset, s)
    cumulative[rank] = total
  }
  return (random) => {
    const target = random.next() * total
    let low = 0
    let high = n - 1
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((cumulative[middle] as number) < target) low = middle + 1
      else high = middle
    }
    return low
  }
}
