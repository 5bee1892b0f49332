import { createHash } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// Migrations are frozen, and so is the reference data they read when they run: a database migrated
// next year must get the rows one migrated today got. New or corrected reference data goes into a
// new file read by a new migration (db/data/README.md); these fingerprints never change.
const FROZEN: Record<string, string> = {
  'counties.csv': '1d8eccc083da1ecb6c39a3998b2aba16dfc8a93710b3ae1466052053c3228d15',
  'municipalities.csv': 'bcfa1b5b35af9a3c609590ddb5cd4704e93efff6dc46095370c15a4333bd65bc',
  'sectors.csv': 'fc91fb5a1797aa78d1688f9e49851fc9acff8f1ddc8ff06e484efd777a1bbbb9',
  'themes.csv': 'fa2570315f277bab0392fd9ffa3d71da4e7f58655c353367e3a1f134532b37bd',
  'cpv-2008.csv': '9f1959eb4205df31d1fe86ae89998814fde53079066a86fa1251059b46ffcbcb',
}

const migrations = fileURLToPath(new URL('../../db/migrations/', import.meta.url))
const data = fileURLToPath(new URL('../../db/data/', import.meta.url))

/** Every CSV file named in a migration's source. */
function csvFilesMigrationsRead(): string[] {
  const names = new Set<string>()
  for (const file of readdirSync(migrations)) {
    const source = readFileSync(migrations + file, 'utf8')
    for (const match of source.matchAll(/['"`]([\w.-]+\.csv)['"`]/g)) names.add(match[1]!)
  }
  return [...names].sort()
}

describe('reference data read by migrations', () => {
  it('has a recorded fingerprint for every CSV file a migration reads', () => {
    const read = csvFilesMigrationsRead()
    expect(read).toContain('counties.csv')
    expect(read).toEqual(Object.keys(FROZEN).sort())
  })

  it.each(Object.entries(FROZEN))('%s is unchanged since its migration landed', (file, sha256) => {
    const actual = createHash('sha256')
      .update(readFileSync(data + file))
      .digest('hex')
    expect(actual, `${file} changed: add a new file and a new migration instead`).toBe(sha256)
  })
})
