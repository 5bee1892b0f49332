import { type ChildProcess, spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { audit, auditKeyFile } from '~/models/audit.server'
import { anchorLogFile, writeAnchor } from '~/models/audit-anchors.server'
import { getDb } from '~/utils/db.server'
import { backupDatabase, integrityCheck, verifyAuditFile } from '../../scripts/backup'
import { databaseInUse, restoreDatabase } from '../../scripts/restore'

const scratch = mkdtempSync(join(tmpdir(), 'testarena-backup-'))
const children: ChildProcess[] = []
afterAll(() => {
  for (const child of children) child.kill('SIGKILL')
  rmSync(scratch, { recursive: true, force: true })
})

function sleep(ms: number) {
  return new Promise((done) => setTimeout(done, ms))
}

/** Starts a process that appends audit rows to the test database until killed. */
function startWriter() {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', resolve('tests/durability/audit-writer.ts')],
    { env: { ...process.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  children.push(child)
  let out = ''
  let err = ''
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
  const written = () => Number(out.trim().split('\n').pop() || 0)
  return {
    child,
    written,
    async waitFor(count: number) {
      while (written() < count) {
        if (child.exitCode !== null) throw new Error(`writer exited: ${err}`)
        await sleep(10)
      }
    },
  }
}

/** Some megabytes of audit rows, in one transaction, so a backup has pages to copy. */
async function fillDatabase(rows: number) {
  const filler = 'y'.repeat(4000)
  await getDb()
    .transaction()
    .execute(async (tx) => {
      for (let i = 0; i < rows; i++) {
        await audit(tx, {
          actorUserId: null,
          action: 'test.fill',
          entityType: 'probe',
          after: { filler },
        })
      }
    })
}

describe('backup and restore', () => {
  test('a backup taken while another process writes is consistent: integrity and audit verify', async () => {
    await fillDatabase(1500)
    await writeAnchor(getDb())
    const writer = startWriter()
    try {
      await writer.waitFor(20)
      for (let round = 1; round <= 3; round++) {
        const before = writer.written()
        const copy = join(scratch, `during-${round}.sqlite`)
        await backupDatabase(process.env.DATABASE_PATH!, copy)
        expect(existsSync(`${copy}-wal`)).toBe(false)
        expect(integrityCheck(copy)).toBe('ok')
        const report = await verifyAuditFile(copy, { keyFor: process.env.DATABASE_PATH! })
        expect(report.problems).toEqual([])
        expect(report.anchors).toBeGreaterThan(0)
        // The writer was still going: the copy is a moment of a database that kept changing.
        await writer.waitFor(before + 5)
      }
    } finally {
      writer.child.kill('SIGKILL')
    }
  }, 60_000)

  test("restore refuses a database in use, and a backup the installation's audit key cannot verify", async () => {
    const backup = join(scratch, 'for-restore.sqlite')
    await backupDatabase(process.env.DATABASE_PATH!, backup)

    // The test database is open in this process, as a running server's would be.
    expect(databaseInUse(process.env.DATABASE_PATH!)).toBe(true)
    await expect(
      restoreDatabase({ source: backup, target: process.env.DATABASE_PATH!, log: () => {} }),
    ).rejects.toThrow(/in use/)

    // A new installation without the audit key: the keyed rows cannot be vouched for.
    const dir = mkdtempSync(join(scratch, 'install-'))
    const target = join(dir, 'testarena.sqlite')
    await expect(restoreDatabase({ source: backup, target, log: () => {} })).rejects.toThrow(
      /audit log does not verify/,
    )
    expect(existsSync(target)).toBe(false)

    // With the key restored beside it (kept apart from the database backups), it goes through.
    copyFileSync(auditKeyFile(process.env.DATABASE_PATH!), auditKeyFile(target))
    const lines: string[] = []
    const result = await restoreDatabase({ source: backup, target, log: (l) => lines.push(l) })
    expect(result.ok).toBe(true)
    expect(integrityCheck(target)).toBe('ok')
    const text = lines.join('\n')
    expect(text).toMatch(/integrity_check: ok/)
    expect(text).toMatch(/bid seal key/)
    expect(text).toMatch(/cannot be opened/)
    // The anchor log beside the restored database is written from its anchors.
    expect(readFileSync(anchorLogFile(target)!, 'utf8')).toMatch(/"head_hash"/)
    const report = await verifyAuditFile(target, { keyFor: target, logFile: anchorLogFile(target) })
    expect(report.problems).toEqual([])
  }, 60_000)
})
