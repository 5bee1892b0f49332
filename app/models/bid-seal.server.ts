import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { getEnv } from '~/utils/env.server'
import { DomainError } from './errors.server'

// Bid content is stored encrypted so that nobody reading the database (a platform admin with raw
// SQL, a leaked backup) can see a bid before the opening. The app decrypts only when the caller
// may read it; the rules for *who* may are in the calls model, not here.
//
// Layout: version (1 byte) | IV (12) | GCM tag (16) | ciphertext of JSON.stringify(content).
// The call and company ids are authenticated data, so a blob copied into another row won't open.

const VERSION = 1
const IV_BYTES = 12
const TAG_BYTES = 16
const KEY_BYTES = 32
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES
const KEY_FILE = 'bid-seal.key'

/** The row a sealed bid belongs to. */
export interface SealBinding {
  callId: number
  companyId: number
}

interface SealKey {
  key: Buffer
  /** The key file, or null when the key comes from BID_SEAL_KEY or lives only in memory. */
  location: string | null
}

let cached: SealKey | undefined

/** Encrypts a JSON value for the bid of `binding.companyId` to `binding.callId`. */
export function sealBid(content: unknown, binding: SealBinding): Buffer {
  const json = JSON.stringify(content) as string | undefined
  if (json === undefined) throw new TypeError('A sealed bid must be a JSON value')
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', sealKey().key, iv, { authTagLength: TAG_BYTES })
  cipher.setAAD(additionalData(binding))
  const ciphertext = Buffer.concat([cipher.update(json, 'utf8'), cipher.final()])
  return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), ciphertext])
}

/**
 * Decrypts a sealed bid. Anything that does not authenticate (changed bytes, another call or
 * company, another key) throws DomainError('seal_broken').
 */
export function unsealBid(sealed: Uint8Array, binding: SealBinding): unknown {
  const aad = additionalData(binding)
  const blob = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength)
  if (blob.length < HEADER_BYTES || blob[0] !== VERSION) throw new DomainError('seal_broken')
  const iv = blob.subarray(1, 1 + IV_BYTES)
  const tag = blob.subarray(1 + IV_BYTES, HEADER_BYTES)
  let json: string
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealKey().key, iv, {
      authTagLength: TAG_BYTES,
    })
    decipher.setAAD(aad)
    decipher.setAuthTag(tag)
    json = Buffer.concat([decipher.update(blob.subarray(HEADER_BYTES)), decipher.final()]).toString(
      'utf8',
    )
  } catch {
    throw new DomainError('seal_broken')
  }
  return JSON.parse(json) as unknown
}

/** Where the key file is (for operators and the README), or null for BID_SEAL_KEY / in-memory. */
export function sealKeyLocation(): string | null {
  return sealKey().location
}

/** Forgets the cached key so a test can switch DATABASE_PATH or BID_SEAL_KEY. */
export function __resetSealKeyForTests(): void {
  cached = undefined
}

function additionalData({ callId, companyId }: SealBinding): Buffer {
  // Integers only, so `${callId}:${companyId}` can never be read two ways.
  if (!Number.isSafeInteger(callId) || !Number.isSafeInteger(companyId)) {
    throw new TypeError('A seal binding needs integer ids')
  }
  return Buffer.from(`testarena-bid:v${VERSION}:${callId}:${companyId}`, 'utf8')
}

function sealKey(): SealKey {
  cached ??= loadKey()
  return cached
}

function loadKey(): SealKey {
  const env = getEnv()
  if (env.BID_SEAL_KEY) return { key: decodeKey(env.BID_SEAL_KEY, 'BID_SEAL_KEY'), location: null }
  // An in-memory database disappears with the process, and so may its key.
  if (env.DATABASE_PATH === ':memory:') return { key: randomBytes(KEY_BYTES), location: null }

  const file = resolve(dirname(env.DATABASE_PATH), KEY_FILE)
  const created = randomBytes(KEY_BYTES)
  try {
    mkdirSync(dirname(file), { recursive: true })
    // 'wx' creates the file only if it is missing, so two processes starting at once agree on
    // whichever key was written first instead of overwriting each other.
    writeFileSync(file, `${created.toString('base64')}\n`, { mode: 0o600, flag: 'wx' })
    return { key: created, location: file }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  return { key: decodeKey(readFileSync(file, 'utf8').trim(), file), location: file }
}

function decodeKey(text: string, source: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : decodeBase64(text)
  if (key?.length !== KEY_BYTES) {
    throw new Error(`${source}: the bid seal key must be 32 bytes as base64 or 64 hex characters`)
  }
  return key
}

function decodeBase64(text: string): Buffer | undefined {
  return /^[A-Za-z0-9+/]{43}=?$/.test(text) ? Buffer.from(text, 'base64') : undefined
}
