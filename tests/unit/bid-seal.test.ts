import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest'
import {
  __resetSealKeyForTests,
  currentSealKeyId,
  loadKeys,
  openSealed,
  ringKeys,
  sealBid,
  sealKeyId,
  sealKeyLocation,
  sealWithKey,
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

describe('the key ring', () => {
  const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
  const writeRing = (dir: string, keys: Buffer[]) =>
    writeFileSync(
      join(dir, 'bid-seal.keys'),
      `# newest first\n${keys.map((k) => k.toString('base64')).join('\n')}\n`,
    )

  test('a key id is the first 16 hex characters of the SHA-256 of the key', () => {
    const key = Buffer.alloc(32, 7)
    expect(sealKeyId(key)).toBe(createHash('sha256').update(key).digest('hex').slice(0, 16))
    expect(sealKeyId(key)).toMatch(/^[0-9a-f]{16}$/)
    expect(sealKeyId(Buffer.alloc(32, 8))).not.toBe(sealKeyId(key))
  })

  test('the first key of the ring seals; every key opens, the named key or any other', () => {
    const dir = tempDir()
    const [newer, older] = [randomBytes(32), randomBytes(32)]
    writeRing(dir, [older])
    useDatabaseIn(dir)
    const old = sealWithKey(bid, binding)
    expect(old.keyId).toBe(sealKeyId(older))

    // A rotation by another process rewrites the ring: picked up without a restart.
    writeRing(dir, [newer, older])
    const fresh = sealWithKey(bid, binding)
    expect(fresh.keyId).toBe(sealKeyId(newer))
    expect(currentSealKeyId()).toBe(sealKeyId(newer))
    expect(sealKeyLocation()).toBe(join(dir, 'bid-seal.keys'))
    expect(ringKeys().map((k) => k.id)).toEqual([sealKeyId(newer), sealKeyId(older)])
    expect(unsealBid(old.sealed, binding, old.keyId)).toEqual(bid)
    expect(unsealBid(fresh.sealed, binding, fresh.keyId)).toEqual(bid)
    // Sealed before key ids (NULL): every key is tried.
    expect(unsealBid(old.sealed, binding, null)).toEqual(bid)
  })

  test('the single-key file of earlier versions stays in the ring, after the ring file', () => {
    const dir = tempDir()
    useDatabaseIn(dir)
    const legacy = sealWithKey(bid, binding) // creates bid-seal.key
    const newer = randomBytes(32)
    writeRing(dir, [newer])
    expect(ringKeys().map((k) => k.id)).toEqual([sealKeyId(newer), legacy.keyId])
    expect(unsealBid(legacy.sealed, binding, null)).toEqual(bid)
  })

  test('BID_SEAL_KEY is the current key; the key files still open older bids', () => {
    const dir = tempDir()
    useDatabaseIn(dir)
    const before = sealWithKey(bid, binding)
    process.env.BID_SEAL_KEY = Buffer.alloc(32, 0xcd).toString('hex')
    resetEnvCache()
    __resetSealKeyForTests()
    expect(currentSealKeyId()).toBe(sealKeyId(Buffer.alloc(32, 0xcd)))
    expect(unsealBid(before.sealed, binding, before.keyId)).toEqual(bid)
  })

  test('openSealed says why: key missing, tampered, or content not matching its hash', () => {
    const json = JSON.stringify(bid)
    const { sealed, keyId } = sealWithKey(bid, binding)
    const opened = openSealed(sealed, binding, keyId, sha(json))
    expect(opened.ok && opened.plaintext.toString('utf8')).toBe(json)

    expect(openSealed(sealed, binding, keyId, sha('something else'))).toEqual({
      ok: false,
      problem: 'content_mismatch',
    })
    const tampered = Buffer.from(sealed)
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 0x01
    expect(openSealed(tampered, binding, keyId)).toEqual({ ok: false, problem: 'tampered' })
    // Another key, named by an id the ring does not have: the key is missing, not the bid broken.
    useDatabaseIn(tempDir())
    expect(openSealed(sealed, binding, keyId)).toEqual({ ok: false, problem: 'key_missing' })
    expect(openSealed(sealed, binding, null)).toEqual({ ok: false, problem: 'tampered' })
  })

  test('reading the ring without `create` makes no key file', () => {
    const dir = tempDir()
    useDatabaseIn(dir)
    expect(loadKeys({ create: false })).toEqual([])
    expect(existsSync(join(dir, 'bid-seal.key'))).toBe(false)
    expect(() => {
      writeFileSync(join(dir, 'bid-seal.keys'), 'not a key\n')
      __resetSealKeyForTests()
      ringKeys()
    }).toThrow(/32 bytes/)
  })
})
