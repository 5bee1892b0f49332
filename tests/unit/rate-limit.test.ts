import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import {
  loginRetryAfterMs,
  recordLoginFailure,
  recordLoginSuccess,
  resetLimiters,
} from '~/auth/limits.server'
import { RateLimiter } from '~/auth/rate-limit.server'
import { resetEnvCache } from '~/utils/env.server'

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

const LOGIN_KEYS = ['LOGIN_LIMIT_PER_IP', 'LOGIN_LIMIT_PER_ACCOUNT', 'LOGIN_LIMIT_PER_IP_ACCOUNT']

describe('login limits with the default sizes', () => {
  let saved: Record<string, string | undefined>
  beforeEach(() => {
    saved = Object.fromEntries(LOGIN_KEYS.map((k) => [k, process.env[k]]))
    for (const k of LOGIN_KEYS) delete process.env[k]
    resetEnvCache()
    resetLimiters()
    // Time stands still, so no token comes back during a test.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-07T08:00:00Z') })
  })
  afterEach(() => {
    vi.useRealTimers()
    for (const k of LOGIN_KEYS) {
      if (saved[k] === undefined) delete process.env[k]
      else process.env[k] = saved[k]
    }
    resetEnvCache()
    resetLimiters()
  })

  const office = '192.0.2.10'
  const person = (i: number) => `person-${i}@kommun.test`

  /** One login: a failure when `wrong`, else a success; false when it was throttled. */
  function attempt(ip: string, account: string, wrong: boolean): boolean {
    if (loginRetryAfterMs(ip, account) !== null) return false
    if (wrong) recordLoginFailure(ip, account)
    else recordLoginSuccess(ip, account)
    return true
  }

  test('200 people behind one address all get in, though each mistypes once and every fourth twice, in the same quarter hour', () => {
    const refused: string[] = []
    for (let i = 0; i < 200; i++) {
      const tries = i % 4 === 0 ? [true, true, false] : [true, false]
      for (const wrong of tries) if (!attempt(office, person(i), wrong)) refused.push(person(i))
    }
    expect(refused).toEqual([])
  })

  test('one person who keeps failing is stopped after 10 tries, while a colleague on the same address gets in', () => {
    const results = Array.from({ length: 11 }, () => attempt(office, person(1), true))
    expect(results.filter(Boolean)).toHaveLength(10)
    expect(results.at(-1)).toBe(false)
    expect(loginRetryAfterMs(office, person(1))).toBe(90_000)
    expect(attempt(office, person(2), false)).toBe(true)
  })

  test('a guesser at one address does not lock the owner out at another', () => {
    for (let i = 0; i < 10; i++) attempt('198.51.100.7', person(1), true)
    expect(attempt('198.51.100.7', person(1), false)).toBe(false)
    expect(attempt(office, person(1), false)).toBe(true)
  })

  test('guessing one account from many addresses is stopped after 25 failures', () => {
    const results = Array.from({ length: 26 }, (_, i) => attempt(`203.0.113.${i}`, person(1), true))
    expect(results.filter(Boolean)).toHaveLength(25)
    expect(loginRetryAfterMs('203.0.113.200', person(1))).toBe(36_000)
  })

  test('one address trying many accounts is stopped after 300 failures, and a valid login does not reset it', () => {
    const attacker = '198.51.100.99'
    const results = Array.from({ length: 301 }, (_, i) => {
      if (i === 150) attempt(attacker, 'own@account.test', false)
      return attempt(attacker, `stuffed-${i}@example.test`, true)
    })
    expect(results.filter(Boolean)).toHaveLength(300)
    expect(results.at(-1)).toBe(false)
    expect(loginRetryAfterMs(attacker, 'anyone@example.test')).toBe(3_000)
    expect(attempt(office, 'anyone@example.test', false)).toBe(true)
  })

  test('a successful login forgets the account’s failures', () => {
    for (let i = 0; i < 9; i++) attempt(office, person(1), true)
    expect(attempt(office, person(1), false)).toBe(true)
    expect(Array.from({ length: 10 }, () => attempt(office, person(1), true)).every(Boolean)).toBe(
      true,
    )
  })
})
