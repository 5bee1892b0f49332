/**
 * `npm run restore -- <backup.sqlite> [--target <database>] [--force]`: puts a backup in place of
 * DATABASE_PATH (or --target). Refuses while the target looks in use (the server must be stopped)
 * and refuses a backup that fails PRAGMA integrity_check; refuses one whose audit log does not
 * verify unless --force. The database it replaces is kept as <target>.before-restore-<time>.
 */
import { existsSync, renameSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import SQLite from 'better-sqlite3'
import { openDatabase } from '../db/connection'
import {
  anchorLogFile,
  describeVerification,
  hasAnchorTable,
  readAnchorLog,
  syncAnchorLog,
} from '../app/models/audit-anchors.server'
import { getEnv } from '../app/utils/env.server'
import { backupDatabase, integrityCheck, utcStamp, verifyAuditFile } from './backup'

/** True when another connection holds the database open (an exclusive lock cannot be had). */
export function databaseInUse(file: string): boolean {
  if (!existsSync(file)) return false
  const sqlite = new SQLite(file, { fileMustExist: true })
  try {
    sqlite.pragma('busy_timeout = 0')
    sqlite.pragma('locking_mode = EXCLUSIVE')
    sqlite.exec('BEGIN EXCLUSIVE; COMMIT')
    return false
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true
    throw error
  } finally {
    sqlite.close()
  }
}

export interface RestoreOptions {
  source: string
  target: string
  force?: boolean
  log?: (line: string) => void
}

/** Restores `source` over `target`; throws with a plain reason when it refuses. */
export async function restoreDatabase(options: RestoreOptions): Promise<{ ok: boolean }> {
  const log = options.log ?? console.log
  const source = resolve(options.source)
  const target = resolve(options.target)
  const stamp = utcStamp()
  if (!existsSync(source)) throw new Error(`No such backup: ${source}`)
  if (source === target) throw new Error('The backup and the target are the same file.')
  if (databaseInUse(target)) {
    if (!options.force) {
      throw new Error(
        `${target} is in use (is the server running?). Stop it first, or pass --force.`,
      )
    }
    log('WARNING: the target is in use; restoring anyway (--force). Restart the server NOW.')
  }

  const sourceIntegrity = integrityCheck(source)
  if (sourceIntegrity !== 'ok')
    throw new Error(`The backup fails integrity_check: ${sourceIntegrity}`)

  // A private copy first: checked in full before anything is replaced.
  const staged = `${target}.restoring`
  rmSync(staged, { force: true })
  await backupDatabase(source, staged)
  const integrity = integrityCheck(staged)
  log(`integrity_check: ${integrity}`)
  if (integrity !== 'ok') {
    rmSync(staged, { force: true })
    throw new Error(`The restored copy fails integrity_check: ${integrity}`)
  }
  const audit = await verifyAuditFile(staged, { keyFor: target })
  for (const line of describeVerification(audit)) log(line)
  if (!audit.ok && !options.force) {
    rmSync(staged, { force: true })
    throw new Error(
      "The backup's audit log does not verify with this installation's audit key (see above). " +
        'Check AUDIT_KEY / audit.key, or pass --force to restore it anyway.',
    )
  }

  if (existsSync(target)) {
    // The online backup includes what is still in the -wal file, unlike a rename.
    const previous = `${target}.before-restore-${stamp}`
    await backupDatabase(target, previous)
    log(`The database it replaces is kept as ${previous}`)
    for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true })
  }
  renameSync(staged, target)
  log(`Restored ${source} to ${target}`)

  // Anchors written after the backup cover audit rows the backup does not have: the anchor log
  // that lists them is kept aside and a new one is written from the restored anchors.
  const logFile = anchorLogFile(target)
  const { db } = openDatabase(target)
  let ok = integrity === 'ok' && audit.ok
  try {
    if (logFile && existsSync(logFile)) {
      const restored = new Set(
        (await hasAnchorTable(db))
          ? (await db.selectFrom('audit_anchors').select('id').execute()).map((a) => a.id)
          : [],
      )
      const later = readAnchorLog(logFile).anchors.filter((a) => !restored.has(a.id))
      if (later.length > 0) {
        const kept = `${logFile}.before-restore-${stamp}`
        renameSync(logFile, kept)
        log(
          `${later.length} anchor(s) were written after this backup: the audit rows they cover ` +
            `(up to row ${Math.max(...later.map((a) => a.head_id))}) are not in it. The old anchor ` +
            `log is kept as ${kept}; publish a note that these anchors end with the restore.`,
        )
      }
    }
    await syncAnchorLog(db, logFile)
    const bids = await db
      .selectFrom('bids')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    log(
      `This database holds ${bids.n} sealed bid(s). They open only with the bid seal key of the ` +
        'installation the backup came from (BID_SEAL_KEY, or bid-seal.keys / bid-seal.key ' +
        'beside the database): without the matching key they cannot be opened by anyone, and ' +
        'the server refuses to start. Restore the key files from their own backup first.',
    )
  } finally {
    await db.destroy()
  }
  const final = await verifyAuditFile(target, { keyFor: target, logFile })
  for (const line of describeVerification(final)) log(line)
  ok &&= final.ok
  return { ok }
}

async function main(args: string[]) {
  const force = args.includes('--force')
  const targetAt = args.indexOf('--target')
  const target = targetAt >= 0 ? args[targetAt + 1] : getEnv().DATABASE_PATH
  const positional = args.filter(
    (a, i) => !a.startsWith('--') && (targetAt < 0 || i !== targetAt + 1),
  )
  const source = positional[0]
  if (!source || !target) {
    console.error('Usage: npm run restore -- <backup.sqlite> [--target <database>] [--force]')
    process.exit(2)
  }
  const { ok } = await restoreDatabase({ source, target, force })
  if (!ok) process.exitCode = 1
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
