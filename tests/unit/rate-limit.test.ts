import { describe, expect, test } from 'vitest'
import { RateLimiter } from '~/auth/rate-limit.server'

describe('RateLimiter', () => {
  test('refuses once the bucket is empty and refills one token per whole interval', () => {
    let time = 0
    const limiter = new RateLimiter(3, 1000, 100, () => time)
    expect([limiter.consume('ip'), limiter.consume('ip'), limiter.consume('ip')]).toEqual([
      true,
      true,
      true,
    ])
    expect(limiter.consume('ip')).toBe(false)
    expect(limiter.retryAfterMs('ip')).toBe(1000)
    time = 999
    expect(limiter.consume('ip')).toBe(false)
    time = 1000
    expect(limiter.consume('ip')).toBe(true)
    expect(limiter.consume('ip')).toBe(false)
  })

  test('keeps partial progress towards the next token (the refill is not reset to now)', () => {
    let time = 0
    const limiter = new RateLimiter(2, 1000, 100, () => time)
    limiter.consume('k')
    limiter.consume('k')
    time = 1500 // one token back, half way to the next
    expect(limiter.consume('k')).toBe(true)
    time = 2000 // the second token arrives at 2000, not at 2500
    expect(limiter.consume('k')).toBe(true)
  })

  test('never holds more than maxKeys keys', () => {
    const limiter = new RateLimiter(1, 1000, 50)
    for (let i = 0; i < 500; i++) limiter.consume(`ip-${i}`)
    expect(limiter.size).toBe(50)
  })

  test('keys are independent', () => {
    const limiter = new RateLimiter(1, 60_000)
    expect(limiter.consume('a')).toBe(true)
    expect(limiter.consume('a')).toBe(false)
    expect(limiter.consume('b')).toBe(true)
  })
})
