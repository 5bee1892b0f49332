import { hash, verify } from '@node-rs/argon2'
import { dictionary } from '@zxcvbn-ts/language-common'
import pLimit from 'p-limit'

// argon2id with the OWASP/ASVS parameters: t=2, m=19 MiB, p=1 (~12 ms of CPU per hash here).
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const

// Hashing is the most expensive thing a request can make the server do: cap how many run at once
// so a burst of logins cannot starve every other request (see docs/decisions).
const hashing = pLimit(4)

export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 128

export function hashPassword(password: string): Promise<string> {
  return hashing(() => hash(password, ARGON2))
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await hashing(() => verify(passwordHash, password))
  } catch {
    return false
  }
}

// A hash of a random password, verified when the account does not exist, so that "no such user"
// takes as long as "wrong password" and response times do not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword(crypto.randomUUID())
  await verifyPassword(await dummyHash, password)
}

let common: Set<string> | undefined

/** True when the password is among the ~49,000 most common (zxcvbn's list), case-insensitively. */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(
    (dictionary['passwords-common'] as readonly string[]).map((p) => p.toLowerCase()),
  )
  return common.has(password.toLowerCase())
}
