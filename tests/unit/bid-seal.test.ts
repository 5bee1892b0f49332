import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest'
import {
  __resetSealKeyForTests,
  sealBid,
  sealKeyLocation,
  unsealBid,
} from '~/models/bid-seal.server'
import { DomainError } from '~/models/errors.server'
import { resetEnvCache } from '~/utils/env.server'

const KEYS = ['DATABASE_PATH', 'BID_SEAL_KEY'] as const
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]))
const dirs: string[] = []

function useDatabaseIn(dir: string) {
  delete process.env.BID_SEAL_KEY
  process.env.DATABASE_PATH = join(dir, 'testarena.sqlite')
  resetEnvCache()
  __resetSealKeyForTests()
}

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'testarena-seal-'))
  dirs.push(dir)
  return dir
}

function expectSealBroken(fn: () => unknown) {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError)
    expect((error as DomainError).code).toBe('seal_broken')
    return
  }
  expect.fail('expected seal_broken')
}

const binding = { callId: 7, companyId: 12 }
const bid = { price: 125000, summary: 'Sensorer för översvämningsvarning', parts: [1, 2] }

beforeEach(() => useDatabaseIn(tempDir()))
afterEach(() => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k]
    else process.env[k] = saved[k]
  }
  resetEnvCache()
  __resetSealKeyForTests()
})
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

describe('sealBid / unsealBid', () => {
  test('round trip returns the same JSON value', () => {
    const sealed = sealBid(bid, binding)
    expect(unsealBid(sealed, binding)).toEqual(bid)
    // Also from a plain Uint8Array view, as a driver might hand back.
    expect(unsealBid(new Uint8Array(sealed), binding)).toEqual(bid)
  })

  test('the stored bytes do not contain the plaintext and start with version 1', () => {
    const sealed = sealBid(bid, binding)
    expect(sealed[0]).toBe(1)
    expect(sealed.length).toBe(1 + 12 + 16 + Buffer.byteLength(JSON.stringify(bid)))
    expect(sealed.toString('utf8')).not.toContain('översvämning')
    expect(sealed.toString('latin1')).not.toContain('price')
  })

  test('each seal uses a fresh IV', () => {
    const a = sealBid(bid, binding)
    const b = sealBid(bid, binding)
    expect(a.subarray(1, 13).equals(b.subarray(1, 13))).toBe(false)
    expect(a.equals(b)).toBe(false)
  })

  test('a changed byte anywhere breaks the seal', () => {
    const sealed = sealBid(bid, binding)
    for (const index of [0, 5, 20, sealed.length - 1]) {
      const tampered = Buffer.from(sealed)
      tampered[index] = (tampered[index] ?? 0) ^ 0x01
      expectSealBroken(() => unsealBid(tampered, binding))
    }
    expectSealBroken(() => unsealBid(sealed.subarray(0, 20), binding))
  })

  test('a blob copied to another company or call does not open', () => {
    const sealed = sealBid(bid, binding)
    expectSealBroken(() => unsealBid(sealed, { callId: 7, companyId: 13 }))
    expectSealBroken(() => unsealBid(sealed, { callId: 8, companyId: 12 }))
    // Not confusable by moving digits between the ids.
    const other = sealBid(bid, { callId: 71, companyId: 2 })
    expectSealBroken(() => unsealBid(other, { callId: 7, companyId: 12 }))
  })

  test('another key does not open it', () => {
    const sealed = sealBid(bid, binding)
    useDatabaseIn(tempDir())
    expectSealBroken(() => unsealBid(sealed, binding))
  })
})

describe('the key', () => {
  test('a key file is created next to the database with mode 0600 and reused', () => {
    const dir = tempDir()
    useDatabaseIn(dir)
    const sealed = sealBid(bid, binding)
    const file = join(dir, 'bid-seal.key')
    expect(sealKeyLocation()).toBe(file)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const written = readFileSync(file, 'utf8')
    expect(Buffer.from(written.trim(), 'base64')).toHaveLength(32)

    // A new process (simulated by dropping the cache) reads the same file back.
    __resetSealKeyForTests()
    expect(unsealBid(sealed, binding)).toEqual(bid)
    expect(readFileSync(file, 'utf8')).toBe(written)
  })

  test('BID_SEAL_KEY wins over the key file, as hex or base64', () => {
    const key = Buffer.alloc(32, 0xab)
    process.env.BID_SEAL_KEY = key.toString('hex')
    resetEnvCache()
    __resetSealKeyForTests()
    const sealed = sealBid(bid, binding)
    expect(sealKeyLocation()).toBeNull()

    process.env.BID_SEAL_KEY = key.toString('base64')
    resetEnvCache()
    __resetSealKeyForTests()
    expect(unsealBid(sealed, binding)).toEqual(bid)
  })

  test('an in-memory database gets a key that lives only in the process', () => {
    process.env.DATABASE_PATH = ':memory:'
    resetEnvCache()
    __resetSealKeyForTests()
    expect(unsealBid(sealBid(bid, binding), binding)).toEqual(bid)
    expect(sealKeyLocation()).toBeNull()
  })
})
