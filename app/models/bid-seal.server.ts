import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { DB } from '#db/connection'
import { getEnv } from '~/utils/env.server'
import { createKeyFile, decodeKey as decodeKeyText, KEY_BYTES } from '~/utils/key-file.server'
import { DomainError } from './errors.server'

// Bid content is stored encrypted so that nobody reading the database (a platform admin with raw
// SQL, a leaked backup) can see a bid before the opening. The app decrypts only when the caller
// may read it; the rules for *who* may are in the calls model, not here.
//
// Layout: version (1 byte) | IV (12) | GCM tag (16) | ciphertext of JSON.stringify(content).
// The call and company ids are authenticated data, so a blob copied into another row won't open.
//
// Keys (decision 023): a key ring, newest first. The first key seals; every key opens. Each
// sealed bid stores the id of its key (bids.seal_key_id, first 16 hex characters of SHA-256 of
// the key); NULL means a bid sealed before key ids existed, which is tried with every key.
// The ring is BID_SEAL_KEY (if set), then the lines of `bid-seal.keys` next to the database
// (written by `npm run keys:rotate`), then the single-key file `bid-seal.key` of earlier versions.

const VERSION = 1
const IV_BYTES = 12
const TAG_BYTES = 16
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES
/** The key file of earlier versions (one key), still read and still created on first use. */
export const KEY_FILE = 'bid-seal.key'
/** The key ring written by rotation: one key per line, newest first. */
export const RING_FILE = 'bid-seal.keys'

/** The row a sealed bid belongs to. */
export interface SealBinding {
  callId: number
  companyId: number
}

/** Why a sealed bid did not open. */
export type SealProblem = 'key_missing' | 'tampered' | 'content_mismatch'

export interface RingKey {
  id: string
  key: Buffer
  /** The file the key came from, or null for BID_SEAL_KEY and an in-memory key. */
  location: string | null
}

interface KeyRing {
  keys: RingKey[]
  /** Changes whenever a key file changes, so a rotation by another process is picked up. */
  stamp: string
}

let cached: KeyRing | undefined
let memoryKey: Buffer | undefined

/** The short, public id of a key: the first 16 hex characters of its SHA-256. */
export function sealKeyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16)
}

/** Encrypts a JSON value for the bid of `binding.companyId` to `binding.callId`. */
export function sealBid(content: unknown, binding: SealBinding): Buffer {
  return sealWithKey(content, binding).sealed
}

/** Like sealBid, with the id of the (current) key to store in bids.seal_key_id. */
export function sealWithKey(
  content: unknown,
  binding: SealBinding,
  key: RingKey = currentKey(),
): { sealed: Buffer; keyId: string } {
  const json = JSON.stringify(content) as string | undefined
  if (json === undefined) throw new TypeError('A sealed bid must be a JSON value')
  return { sealed: encrypt(Buffer.from(json, 'utf8'), binding, key.key), keyId: key.id }
}

/** Seals plaintext bytes (from openSealed) again under `key`, for rotation. */
export function resealPlaintext(plaintext: Buffer, binding: SealBinding, key: RingKey): Buffer {
  return encrypt(plaintext, binding, key.key)
}

function encrypt(plaintext: Buffer, binding: SealBinding, key: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
  cipher.setAAD(additionalData(binding))
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()])
  return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), ciphertext])
}

function decrypt(blob: Buffer, binding: SealBinding, key: Buffer): Buffer | null {
  if (blob.length < HEADER_BYTES || blob[0] !== VERSION) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(1, 1 + IV_BYTES), {
      authTagLength: TAG_BYTES,
    })
    decipher.setAAD(additionalData(binding))
    decipher.setAuthTag(blob.subarray(1 + IV_BYTES, HEADER_BYTES))
    return Buffer.concat([decipher.update(blob.subarray(HEADER_BYTES)), decipher.final()])
  } catch {
    return null
  }
}

export type OpenResult =
  { ok: true; plaintext: Buffer; keyId: string } | { ok: false; problem: SealProblem }

/**
 * Opens a stored blob with the key ring: the key named by `keyId` first, then every other key (a
 * NULL id is a bid sealed before key ids). With `contentHash`, the plaintext must also hash to it
 * (bids.content_hash, which the receipt covers), so a blob re-sealed with other content under a
 * valid key is caught. The plaintext never leaves this process; callers zero it when done.
 */
export function openSealed(
  sealed: Uint8Array,
  binding: SealBinding,
  keyId: string | null,
  contentHash?: string,
): OpenResult {
  const blob = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength)
  const keys = ringKeys()
  const ordered = [...keys.filter((k) => k.id === keyId), ...keys.filter((k) => k.id !== keyId)]
  for (const key of ordered) {
    const plaintext = decrypt(blob, binding, key.key)
    if (!plaintext) continue
    if (contentHash !== undefined && sha256Hex(plaintext) !== contentHash) {
      plaintext.fill(0)
      return { ok: false, problem: 'content_mismatch' }
    }
    return { ok: true, plaintext, keyId: key.id }
  }
  // A recorded key that is not in the ring: restore the key. Otherwise the bytes were changed
  // (or, for a bid sealed before key ids, its key is missing: the start-up check says which).
  if (keyId !== null && !keys.some((k) => k.id === keyId))
    return { ok: false, problem: 'key_missing' }
  return { ok: false, problem: 'tampered' }
}

/**
 * Decrypts a sealed bid. Anything that does not authenticate (changed bytes, another call or
 * company, a key not in the ring) throws DomainError('seal_broken').
 */
export function unsealBid(
  sealed: Uint8Array,
  binding: SealBinding,
  keyId: string | null = null,
): unknown {
  const result = openSealed(sealed, binding, keyId)
  if (!result.ok) throw new DomainError('seal_broken')
  return JSON.parse(result.plaintext.toString('utf8')) as unknown
}

function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

/** Where the current key is kept, or null for BID_SEAL_KEY / in-memory. */
export function sealKeyLocation(): string | null {
  return currentKey().location
}

/** The id of the key new seals use. */
export function currentSealKeyId(): string {
  return currentKey().id
}

/** Forgets the cached keys so a test can switch DATABASE_PATH or BID_SEAL_KEY. */
export function __resetSealKeyForTests(): void {
  cached = undefined
  memoryKey = undefined
}

function additionalData({ callId, companyId }: SealBinding): Buffer {
  // Integers only, so `${callId}:${companyId}` can never be read two ways.
  if (!Number.isSafeInteger(callId) || !Number.isSafeInteger(companyId)) {
    throw new TypeError('A seal binding needs integer ids')
  }
  return Buffer.from(`testarena-bid:v${VERSION}:${callId}:${companyId}`, 'utf8')
}

// ---------------------------------------------------------------------------------------------
// The key ring

/** The key files next to the database (null for an in-memory database). */
export function keyFiles(): { ring: string; single: string } | null {
  const path = getEnv().DATABASE_PATH
  if (path === ':memory:') return null
  return { ring: resolve(dirname(path), RING_FILE), single: resolve(dirname(path), KEY_FILE) }
}

function fileStamp(file: string): string {
  try {
    const s = statSync(file)
    return `${s.mtimeMs}:${s.size}:${s.ino}`
  } catch {
    return '-'
  }
}

/** Every key that opens, newest first; creates the single-key file on first use. */
export function ringKeys(): RingKey[] {
  const files = keyFiles()
  const stamp = files ? `${fileStamp(files.ring)}|${fileStamp(files.single)}` : 'memory'
  if (!cached || cached.stamp !== stamp) cached = { keys: loadKeys({ create: false }), stamp }
  if (cached.keys.length === 0) {
    const keys = loadKeys({ create: true })
    cached = {
      keys,
      stamp: files ? `${fileStamp(files.ring)}|${fileStamp(files.single)}` : 'memory',
    }
  }
  return cached.keys
}

function currentKey(): RingKey {
  const key = ringKeys()[0]
  if (!key) throw new Error('No bid seal key')
  return key
}

/** Reads the ring; with `create`, makes the single-key file when there is no key at all. */
export function loadKeys(options: { create: boolean }): RingKey[] {
  const env = getEnv()
  const keys: RingKey[] = []
  const add = (key: Buffer, location: string | null) => {
    const id = sealKeyId(key)
    if (!keys.some((k) => k.id === id)) keys.push({ id, key, location })
  }
  if (env.BID_SEAL_KEY) add(decodeKey(env.BID_SEAL_KEY, 'BID_SEAL_KEY'), null)
  const files = keyFiles()
  if (!files) {
    // An in-memory database disappears with the process, and so may its key.
    if (keys.length === 0 && options.create) memoryKey ??= randomBytes(KEY_BYTES)
    if (keys.length === 0 && memoryKey) add(memoryKey, null)
    return keys
  }
  for (const line of readLines(files.ring)) add(decodeKey(line, files.ring), files.ring)
  for (const line of readLines(files.single)) add(decodeKey(line, files.single), files.single)
  if (keys.length === 0 && options.create) {
    const created = createKeyFile(files.single)
    if (created) add(created, files.single)
    else
      for (const line of readLines(files.single)) add(decodeKey(line, files.single), files.single)
  }
  return keys
}

function readLines(file: string): string[] {
  if (!existsSync(file)) return []
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
}

/** A key as written to a key file. */
export function encodeKey(key: Buffer): string {
  return key.toString('base64')
}

/** A new random key. */
export function newSealKey(): Buffer {
  return randomBytes(KEY_BYTES)
}

function decodeKey(text: string, source: string): Buffer {
  return decodeKeyText(text, source, 'the bid seal key')
}

// ---------------------------------------------------------------------------------------------
// The start-up check

export interface SealKeyReport {
  /** Sealed bids in the database. */
  bids: number
  /** Key ids that bids name but the ring lacks, with how many bids each. */
  missing: { keyId: string; bids: number }[]
  /** Bids sealed before key ids that open with no key in the ring. */
  legacyUnreadable: number
}

/**
 * Checks that the ring can open the database's bids without creating a key: every recorded key
 * id must be in the ring, and every bid without a key id (sealed before ids) must open with one
 * of its keys. Reads no plaintext beyond decrypting legacy bids in memory.
 */
export async function checkSealKeys(db: DB): Promise<SealKeyReport> {
  const keys = loadKeys({ create: false })
  const ids = new Set(keys.map((k) => k.id))
  const byKey = await db
    .selectFrom('bids')
    .select(['seal_key_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('seal_key_id')
    .execute()
  const missing = byKey
    .filter((r): r is typeof r & { seal_key_id: string } => r.seal_key_id !== null)
    .filter((r) => !ids.has(r.seal_key_id))
    .map((r) => ({ keyId: r.seal_key_id, bids: Number(r.n) }))
  let legacyUnreadable = 0
  if (byKey.some((r) => r.seal_key_id === null)) {
    const legacy = await db
      .selectFrom('bids')
      .select(['call_id', 'company_id', 'sealed'])
      .where('seal_key_id', 'is', null)
      .execute()
    // Every bid from before key ids was sealed with the one key there was: once one opens, the
    // ring has it (a bid altered since is refused at its opening), so the start stays cheap.
    for (const row of legacy) {
      const blob = Buffer.from(row.sealed)
      const binding = { callId: row.call_id, companyId: row.company_id }
      const opened = keys.map((k) => decrypt(blob, binding, k.key)).find((p) => p !== null)
      if (opened) {
        opened.fill(0)
        legacyUnreadable = 0
        break
      }
      legacyUnreadable += 1
    }
  }
  return { bids: byKey.reduce((n, r) => n + Number(r.n), 0), missing, legacyUnreadable }
}

/**
 * The server's start-up check (decision 023): refuses to start when bids cannot be opened with
 * the key ring, unless BID_SEAL_ALLOW_MISSING_KEYS is set, in which case it logs the same loud
 * error and starts (bid pages then show that the bid cannot be decrypted).
 */
export async function assertSealKeys(db: DB, log: (message: string) => void = console.error) {
  const report = await checkSealKeys(db)
  if (report.missing.length === 0 && report.legacyUnreadable === 0) return report
  const files = keyFiles()
  const lines = [
    'BID SEAL KEY ERROR: sealed bids in the database cannot be opened with the bid seal keys.',
    ...report.missing.map(
      (m) => `  - ${m.bids} bid(s) sealed with key id ${m.keyId}, not in the key ring`,
    ),
    ...(report.legacyUnreadable > 0
      ? [`  - ${report.legacyUnreadable} bid(s) sealed before key ids open with no key in the ring`]
      : []),
    `  Keys read: ${getEnv().BID_SEAL_KEY ? 'BID_SEAL_KEY, ' : ''}${
      files ? `${files.ring}, ${files.single}` : '(in-memory database)'
    }.`,
    '  Restore the key file from its backup (or set BID_SEAL_KEY to the old key) and start again.',
    '  If the key is lost for good, set BID_SEAL_ALLOW_MISSING_KEYS=true to start anyway: those',
    '  bids then show as not decryptable and cannot be opened (decision record 023).',
  ]
  const message = lines.join('\n')
  if (!getEnv().BID_SEAL_ALLOW_MISSING_KEYS) throw new Error(message)
  log(message)
  return report
}
