import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

// The keys kept outside the database (the bid seal key ring, the audit key): 32 random bytes,
// written as base64 to a file of their own next to the database, or given as base64 or hex in an
// environment variable.

export const KEY_BYTES = 32

/** A key from its text; `what` names it in the error ("the audit key"). */
export function decodeKey(text: string, source: string, what: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text)
    ? Buffer.from(text, 'hex')
    : /^[A-Za-z0-9+/]{43}=?$/.test(text)
      ? Buffer.from(text, 'base64')
      : undefined
  if (key?.length !== KEY_BYTES) {
    throw new Error(`${source}: ${what} must be 32 bytes as base64 or 64 hex characters`)
  }
  return key
}

/**
 * Writes a new random key to `file` (mode 0600) and returns it, or returns null when the file is
 * already there: 'wx' creates it only if it is missing, so two processes starting at once agree
 * on whichever key was written first instead of overwriting each other.
 */
export function createKeyFile(file: string): Buffer | null {
  const created = randomBytes(KEY_BYTES)
  try {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, `${created.toString('base64')}\n`, { mode: 0o600, flag: 'wx' })
    return created
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    return null
  }
}
