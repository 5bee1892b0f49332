import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { openDatabase } from '#db/connection'
import { loader } from '~/routes/transparency/route'
import {
  anchorIfDue,
  anchorLogFile,
  compareAnchorLog,
  verifyAudit,
  writeAnchor,
} from '~/models/audit-anchors.server'
import { audit, auditKey, auditKeyFile, rowMac } from '~/models/audit.server'
import { getDb } from '~/utils/db.server'
import { advanceClock, resetClock } from '../helpers/call-factories'
import { createUser } from '../helpers/factories'

const scratch = mkdtempSync(join(tmpdir(), 'testarena-anchors-'))
afterAll(() => {
  resetClock()
  rmSync(scratch, { recursive: true, force: true })
})

async function someAudit(n: number) {
  const user = await createUser(getDb())
  for (let i = 0; i < n; i++) {
    await audit(getDb(), {
      actorUserId: user.id,
      action: 'test.event',
      entityType: 'user',
      entityId: user.id,
      after: { i },
    })
  }
}

const key = () => auditKey().key

/** A copy of the app's database (online backup), to tamper with as someone holding the file. */
async function copyOfDatabase() {
  const path = join(scratch, `copy-${randomBytes(4).toString('hex')}.sqlite`)
  const { sqlite } = openDatabase(process.env.DATABASE_PATH!)
  await sqlite.backup(path)
  sqlite.close()
  return openDatabase(path)
}

describe('keyed, anchored audit log', () => {
  test('every new row carries a MAC, made with a key kept beside the database with mode 0600', async () => {
    await someAudit(3)
    const rows = await getDb().selectFrom('audit_log').select(['hash', 'mac']).execute()
    expect(rows.length).toBeGreaterThanOrEqual(3)
    for (const row of rows) expect(row.mac).toBe(rowMac(key(), row.hash))
    const file = auditKeyFile(process.env.DATABASE_PATH!)
    expect(auditKey().location).toBe(file)
    expect(readFileSync(file, 'utf8').trim()).toMatch(/^[A-Za-z0-9+/]{43}=$/)
    expect(readFileSync(file).length).toBeGreaterThan(0)
    const { statSync } = await import('node:fs')
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  test('an anchor is recorded in the table and the log file, listed publicly, and verifies', async () => {
    await someAudit(2)
    const anchor = await writeAnchor(getDb())
    expect(anchor).not.toBeNull()
    const head = await getDb()
      .selectFrom('audit_log')
      .select(['id', 'hash'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(anchor).toMatchObject({ head_id: head.id, head_hash: head.hash })

    const logFile = anchorLogFile()!
    const lines = readFileSync(logFile, 'utf8').trim().split('\n')
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ id: anchor!.id, head_hash: head.hash })

    const page = await loader()
    expect(page.anchors[0]).toMatchObject({
      id: anchor!.id,
      head_id: head.id,
      head_hash: head.hash,
    })
    expect(page.anchors[0]).not.toHaveProperty('mac')

    const report = await verifyAudit(getDb(), { key: key(), logFile })
    expect(report.problems).toEqual([])
    expect(report.ok).toBe(true)
  })

  test('the anchor table is append-only and only records the true head', async () => {
    await someAudit(1)
    const anchor = (await writeAnchor(getDb()))!
    const { sqlite } = openDatabase(process.env.DATABASE_PATH!)
    try {
      expect(() => sqlite.prepare('UPDATE audit_anchors SET row_count = 1').run()).toThrow(
        /audit_log_append_only/,
      )
      expect(() => sqlite.prepare('DELETE FROM audit_anchors').run()).toThrow(
        /audit_log_append_only/,
      )
      const values = [anchor.id, anchor.at, anchor.head_id, anchor.head_hash, anchor.row_count]
      expect(
        () =>
          sqlite
            .prepare(
              `INSERT OR REPLACE INTO audit_anchors (id, at, head_id, head_hash, row_count, mac) VALUES (?, ?, ?, ?, ?, ?)`,
            )
            .run(...values, 'f'.repeat(64)),
        // Migration 08's generic conflict guard may answer first; either way the anchor stays.
      ).toThrow(/audit_log_append_only|row_exists/)
      expect(sqlite.prepare('SELECT mac FROM audit_anchors WHERE id = ?').get(anchor.id)).toEqual({
        mac: anchor.mac,
      })
      const insert = sqlite.prepare(
        `INSERT INTO audit_anchors (at, head_id, head_hash, row_count, mac) VALUES (unixepoch(), ?, ?, ?, ?)`,
      )
      // A hash the row does not have, a wrong count, a head that goes back.
      expect(() =>
        insert.run(anchor.head_id, 'a'.repeat(64), anchor.row_count, 'f'.repeat(64)),
      ).toThrow(/audit_chain_broken/)
      expect(() =>
        insert.run(anchor.head_id, anchor.head_hash, anchor.row_count + 1, 'f'.repeat(64)),
      ).toThrow(/audit_chain_broken/)
      const earlier = sqlite
        .prepare('SELECT id, hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1')
        .get(anchor.head_id) as { id: number; hash: string }
      const earlierCount = (
        sqlite.prepare('SELECT count(*) AS n FROM audit_log WHERE id <= ?').get(earlier.id) as {
          n: number
        }
      ).n
      expect(() => insert.run(earlier.id, earlier.hash, earlierCount, 'f'.repeat(64))).toThrow(
        /audit_chain_broken/,
      )
      // After a keyed row, a row without a MAC is refused.
      const last = sqlite.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as {
        hash: string
      }
      expect(() =>
        sqlite
          .prepare(
            `INSERT INTO audit_log (at, action, entity_type, prev_hash, hash) VALUES (unixepoch(), 'test.forged', 'user', ?, ?)`,
          )
          .run(last.hash, 'e'.repeat(64)),
      ).toThrow(/audit_chain_broken/)
    } finally {
      sqlite.close()
    }
  })

  test('cutting the tail after an anchor is detected, though the shorter chain still links', async () => {
    await someAudit(3)
    await writeAnchor(getDb())
    const copy = await copyOfDatabase()
    try {
      copy.sqlite.exec('DROP TRIGGER audit_log_no_delete')
      copy.sqlite.pragma('foreign_keys = OFF')
      copy.sqlite.exec('DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)')
      const report = await verifyAudit(copy.db, { key: key(), logFile: null })
      expect(report.chain.ok).toBe(true)
      expect(report.ok).toBe(false)
      expect(report.problems.join('\n')).toMatch(/anchored row \d+ is missing/)
    } finally {
      await copy.db.destroy()
    }
  })

  test('a chain recomputed without the key fails on the first row it rewrote', async () => {
    await someAudit(3)
    await writeAnchor(getDb())
    const copy = await copyOfDatabase()
    try {
      const victim = copy.sqlite
        .prepare('SELECT id FROM audit_log ORDER BY id DESC LIMIT 1 OFFSET 1')
        .get() as { id: number }
      copy.sqlite.exec('DROP TRIGGER audit_log_no_update')
      // Whoever rewrites a row must give it a MAC: without the key, any MAC is wrong.
      copy.sqlite
        .prepare(`UPDATE audit_log SET mac = ? WHERE id = ?`)
        .run(rowMac(randomBytes(32), 'x'), victim.id)
      const report = await verifyAudit(copy.db, { key: key(), logFile: null })
      expect(report.ok).toBe(false)
      expect(report.chain.brokenAt).toBe(victim.id)
      expect(report.problems[0]).toMatch(/MAC does not match/)

      // Stripping the MAC instead: a MAC-less row after keyed rows fails too.
      copy.sqlite.prepare(`UPDATE audit_log SET mac = NULL WHERE id = ?`).run(victim.id)
      const stripped = await verifyAudit(copy.db, { key: key(), logFile: null })
      expect(stripped.chain.brokenAt).toBe(victim.id)
      expect(stripped.problems[0]).toMatch(/no MAC after keyed rows/)

      // Without the key nothing keyed can be vouched for.
      const keyless = await verifyAudit(copy.db, { key: null, logFile: null })
      expect(keyless.ok).toBe(false)
    } finally {
      await copy.db.destroy()
    }
  })

  test('rows from before the keyed log (no MAC) are accepted only before the first keyed row', async () => {
    await someAudit(2)
    const copy = await copyOfDatabase()
    try {
      const ids = copy.sqlite
        .prepare('SELECT id FROM audit_log ORDER BY id')
        .pluck()
        .all() as number[]
      expect(ids.length).toBeGreaterThan(3)
      copy.sqlite.exec('DROP TRIGGER audit_log_no_update')
      copy.sqlite.prepare('UPDATE audit_log SET mac = NULL WHERE id <= ?').run(ids[1])
      const legacy = await verifyAudit(copy.db, { key: key(), logFile: null })
      expect(legacy.problems).toEqual([])
      expect(legacy.chain.keyedRows).toBe(ids.length - 2)
    } finally {
      await copy.db.destroy()
    }
  })

  test('the log file and the table must agree', async () => {
    await someAudit(1)
    await writeAnchor(getDb())
    const anchors = await getDb().selectFrom('audit_anchors').selectAll().orderBy('id').execute()
    const real = anchorLogFile()!
    const file = join(scratch, 'edited-anchors.log')

    const lines = readFileSync(real, 'utf8').trim().split('\n')
    const last = JSON.parse(lines.pop()!) as Record<string, unknown>
    writeFileSync(
      file,
      [...lines, JSON.stringify({ ...last, head_hash: 'b'.repeat(64) })].join('\n'),
    )
    expect(compareAnchorLog(anchors, file).join('\n')).toMatch(/differs/)

    writeFileSync(file, lines.join('\n') + '\n')
    expect(compareAnchorLog(anchors, file).join('\n')).toMatch(/not in the anchor log/)

    rmSync(file)
    expect(existsSync(file)).toBe(false)
    expect(compareAnchorLog(anchors, file).join('\n')).toMatch(/missing/)

    // An anchor whose line was lost (a crash right after its commit) is written with the next one.
    writeFileSync(real, lines.join('\n') + '\n')
    await someAudit(1)
    await writeAnchor(getDb())
    const all = await getDb().selectFrom('audit_anchors').selectAll().orderBy('id').execute()
    expect(compareAnchorLog(all, real)).toEqual([])
  })
  // Last: anchors never go back in time, so after this test the clock stays a day ahead.
  test('the daily job anchors once per Swedish day', async () => {
    await someAudit(1)
    await writeAnchor(getDb())
    expect(await anchorIfDue(getDb())).toBeNull()
    advanceClock(86_400)
    await someAudit(1)
    expect(await anchorIfDue(getDb())).not.toBeNull()
    expect(await anchorIfDue(getDb())).toBeNull()
  })
})
