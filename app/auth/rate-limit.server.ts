/**
 * Token buckets keyed by IP or account. Refill advances by whole intervals (never reset to "now",
 * the bug in the Lucia guide's first version), and the map is bounded so a flood of distinct keys
 * cannot exhaust memory.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; refilledAt: number }>()
  constructor(
    private readonly max: number,
    private readonly refillIntervalMs: number,
    private readonly maxKeys = 10_000,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Takes one token; false when the bucket is empty. */
  consume(key: string): boolean {
    const bucket = this.refill(key)
    if (bucket.tokens <= 0) return false
    bucket.tokens--
    return true
  }

  /** True if a token is left, without taking it. */
  check(key: string): boolean {
    return this.refill(key).tokens > 0
  }

  /** Forgets a key (after a successful login, the account's failures no longer count). */
  reset(key: string): void {
    this.buckets.delete(key)
  }

  /** Milliseconds until the next token arrives. */
  retryAfterMs(key: string): number {
    const bucket = this.buckets.get(key)
    if (!bucket || bucket.tokens > 0) return 0
    return Math.max(0, bucket.refilledAt + this.refillIntervalMs - this.clock())
  }

  get size(): number {
    return this.buckets.size
  }

  private refill(key: string) {
    const time = this.clock()
    let bucket = this.buckets.get(key)
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) {
        // Evict the oldest key (Map keeps insertion order).
        const oldest = this.buckets.keys().next().value
        if (oldest !== undefined) this.buckets.delete(oldest)
      }
      bucket = { tokens: this.max, refilledAt: time }
      this.buckets.set(key, bucket)
      return bucket
    }
    const intervals = Math.floor((time - bucket.refilledAt) / this.refillIntervalMs)
    if (intervals > 0) {
      bucket.tokens = Math.min(this.max, bucket.tokens + intervals)
      bucket.refilledAt += intervals * this.refillIntervalMs
      if (bucket.tokens === this.max) bucket.refilledAt = time
    }
    return bucket
  }
}
