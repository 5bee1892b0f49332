/**
 * `npm run backup [-- <file.sqlite | directory>]`: a consistent copy of the live database made with
 * SQLite's online backup API (the server may keep writing), then PRAGMA integrity_check and the
 * audit verification on the copy. Default: data/backups/testarena-<UTC timestamp>.sqlite beside
 * DATABASE_PATH. The copy holds sealed bids but never the keys: back those up apart
 * (docs/operations/backup-and-keys.md).
 */
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { Database } from '../db/schema'
import { readAuditKey } from '../app/models/audit.server'
import {
  type AuditVerification,
  describeVerification,
  verifyAudit,
} from '../app/models/audit-anchors.server'
import { getEnv } from '../app/utils/env.server'

/** e.g. 20261207T053812Z */
export function utcStamp(date = new Date()): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
}

/** Where a backup goes: `target` if it names a .sqlite file, else a new file in that directory. */
export function backupPath(databasePath: string, target?: string): string {
  if (target && /\.sqlite3?$/.test(target)) return resolve(target)
  const dir = target ? resolve(target) : join(dirname(resolve(databasePath)), 'backups')
  return join(dir, `testarena-${utcStamp()}.sqlite`)
}

/**
 * Copies `source` to `destination` with the online backup API. The first step copies 100 pages;
 * the rest goes in one step under one read transaction, so writers in WAL mode never restart it.
 */
export async function backupDatabase(source: string, destination: string): Promise<void> {
  if (existsSync(destination)) throw new Error(`${destination} already exists; not overwriting it.`)
  mkdirSync(dirname(destination), { recursive: true })
  const sqlite = new SQLite(source, { fileMustExist: true })
  try {
    sqlite.pragma('busy_timeout = 5000')
    await sqlite.backup(destination, { progress: () => 0x7fffffff })
  } finally {
    sqlite.close()
  }
  // One self-contained file: no -wal or -shm beside the copy.
  const copy = new SQLite(destination)
  try {
    copy.pragma('journal_mode = DELETE')
  } finally {
    copy.close()
  }
}

/** PRAGMA integrity_check on a file: 'ok' or the first problems SQLite names. */
export function integrityCheck(file: string): string {
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true })
  try {
    const rows = sqlite.pragma('integrity_check(20)') as { integrity_check: string }[]
    return rows.map((r) => r.integrity_check).join('; ')
  } finally {
    sqlite.close()
  }
}

/**
 * The audit verification of a database file, read-only, with the audit key of `keyFor` (AUDIT_KEY,
 * or the audit.key beside it); `logFile` compares an anchor log too.
 */
export async function verifyAuditFile(
  file: string,
  options: { keyFor: string; logFile?: string | null },
): Promise<AuditVerification> {
  const key = readAuditKey(options.keyFor)
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true })
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  try {
    return await verifyAudit(db, { key: key?.key ?? null, logFile: options.logFile ?? null })
  } finally {
    await db.destroy()
  }
}

async function main(args: string[]) {
  const env = getEnv()
  const destination = backupPath(env.DATABASE_PATH, args[0])
  await backupDatabase(env.DATABASE_PATH, destination)
  console.log(`Backup written: ${destination}`)
  const integrity = integrityCheck(destination)
  console.log(`integrity_check: ${integrity}`)
  const audit = await verifyAuditFile(destination, { keyFor: env.DATABASE_PATH })
  for (const line of describeVerification(audit)) console.log(line)
  console.log(
    'The backup holds sealed bids and keyed audit rows but no keys: keep the bid seal key and ' +
      'audit.key backed up apart from it (docs/operations/backup-and-keys.md).',
  )
  if (integrity !== 'ok' || !audit.ok) {
    console.error('The backup was kept, but it did NOT pass the checks above.')
    process.exitCode = 1
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
