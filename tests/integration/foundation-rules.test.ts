import { beforeEach, describe, expect, test } from 'vitest'
import type { DB } from '#db/connection'
import { audit, verifyAuditChain } from '~/models/audit.server'
import { DomainError, withRules } from '~/models/errors.server'
import { createTestDb } from '../helpers/db'
import { addMember, createOrganisation, createUser } from '../helpers/factories'
import type Database from 'better-sqlite3'

let db: DB
let sqlite: Database.Database
beforeEach(async () => {
  ;({ db, sqlite } = await createTestDb())
})

describe('the database enforces', () => {
  test('a public body cannot be inserted as already verified', async () => {
    await expect(
      withRules(() =>
        db
          .insertInto('organisations')
          .values({
            slug: 'fake-region',
            kind: 'public_body',
            public_body_type: 'region',
            name: 'Region Falsk',
            org_number: '2321000180',
            county_code: '25',
            municipality_code: null,
            size_class: null,
            website: null,
            description: '',
            verification_status: 'verified',
            verification_note: null,
            verified_at: null,
            verified_by: null,
            created_at: 1,
            updated_at: 1,
          })
          .execute(),
      ),
    ).rejects.toEqual(new DomainError('verification_by_admin_only'))
  })

  test('only a platform administrator can verify a public body, even through raw SQL', async () => {
    const member = await createUser(db)
    const region = await createOrganisation(db, { kind: 'public_body', adminUserId: member.id })
    expect(() =>
      sqlite
        .prepare(
          `UPDATE organisations SET verification_status = 'verified', verified_by = ? WHERE id = ?`,
        )
        .run(member.id, region.id),
    ).toThrow(/verification_by_admin_only/)
    expect(() =>
      sqlite
        .prepare(`UPDATE organisations SET verification_status = 'verified' WHERE id = ?`)
        .run(region.id),
    ).toThrow(/verification_by_admin_only/)

    const admin = await createUser(db, { isPlatformAdmin: true })
    sqlite
      .prepare(
        `UPDATE organisations SET verification_status = 'verified', verified_by = ? WHERE id = ?`,
      )
      .run(admin.id, region.id)
    const row = sqlite
      .prepare('SELECT verification_status FROM organisations WHERE id = ?')
      .get(region.id)
    expect(row).toEqual({ verification_status: 'verified' })
  })

  test('a rejection needs a reason', async () => {
    const admin = await createUser(db, { isPlatformAdmin: true })
    const region = await createOrganisation(db, { kind: 'public_body' })
    expect(() =>
      sqlite
        .prepare(
          `UPDATE organisations SET verification_status = 'rejected', verified_by = ? WHERE id = ?`,
        )
        .run(admin.id, region.id),
    ).toThrow(/CHECK constraint failed/)
  })

  test('an organisation number is unique and its check digit is not the database’s job but its format is', async () => {
    const org = await createOrganisation(db)
    const row = sqlite.prepare('SELECT org_number FROM organisations WHERE id = ?').get(org.id) as {
      org_number: string
    }
    expect(() =>
      sqlite
        .prepare(
          `INSERT INTO organisations (slug, kind, name, org_number, county_code, size_class, verification_status, created_at, updated_at)
           VALUES ('copy', 'company', 'Kopia AB', ?, '25', 'micro', 'not_required', 1, 1)`,
        )
        .run(row.org_number),
    ).toThrow(/UNIQUE constraint failed: organisations.org_number/)
    expect(() =>
      sqlite
        .prepare(
          `INSERT INTO organisations (slug, kind, name, org_number, county_code, size_class, verification_status, created_at, updated_at)
           VALUES ('bad', 'company', 'Fel AB', '55-01', '25', 'micro', 'not_required', 1, 1)`,
        )
        .run(),
    ).toThrow(/CHECK constraint failed/)
  })

  test('the municipality must lie in the chosen county', async () => {
    expect(() =>
      sqlite
        .prepare(
          `INSERT INTO organisations (slug, kind, name, org_number, county_code, municipality_code, size_class, verification_status, created_at, updated_at)
           VALUES ('wrong-place', 'company', 'Fel Plats AB', '5594123456', '01', '2580', 'micro', 'not_required', 1, 1)`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY constraint failed/)
  })

  test('an organisation always keeps an administrator', async () => {
    const a = await createUser(db)
    const b = await createUser(db)
    const org = await createOrganisation(db, { adminUserId: a.id })
    await addMember(db, org.id, b.id, 'member')
    expect(() =>
      sqlite
        .prepare('DELETE FROM memberships WHERE organisation_id = ? AND user_id = ?')
        .run(org.id, a.id),
    ).toThrow(/last_admin/)
    expect(() =>
      sqlite
        .prepare(`UPDATE memberships SET role = 'member' WHERE organisation_id = ? AND user_id = ?`)
        .run(org.id, a.id),
    ).toThrow(/last_admin/)
    sqlite
      .prepare(`UPDATE memberships SET role = 'admin' WHERE organisation_id = ? AND user_id = ?`)
      .run(org.id, b.id)
    sqlite
      .prepare('DELETE FROM memberships WHERE organisation_id = ? AND user_id = ?')
      .run(org.id, a.id)
  })

  test('the outbox never loses a message', async () => {
    sqlite
      .prepare(
        `INSERT INTO outbox (to_address, subject, text_body, template, created_at, next_attempt_at) VALUES ('a@b.se', 's', 't', 'x', 1, 1)`,
      )
      .run()
    expect(() => sqlite.prepare('DELETE FROM outbox').run()).toThrow(/outbox_append_only/)
    expect(() => sqlite.prepare(`UPDATE outbox SET text_body = 'changed'`).run()).toThrow(
      /outbox_append_only/,
    )
  })

  test('the audit log is append-only and its chain shows any edit', async () => {
    const user = await createUser(db)
    await audit(db, {
      actorUserId: user.id,
      action: 'test.one',
      entityType: 'user',
      entityId: user.id,
    })
    await audit(db, {
      actorUserId: user.id,
      action: 'test.two',
      entityType: 'user',
      entityId: user.id,
      after: { a: 1 },
    })
    expect((await verifyAuditChain(db)).ok).toBe(true)

    expect(() => sqlite.prepare(`UPDATE audit_log SET action = 'test.forged'`).run()).toThrow(
      /audit_log_append_only/,
    )
    expect(() => sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/audit_log_append_only/)
    expect(() =>
      sqlite
        .prepare(
          `INSERT INTO audit_log (at, action, entity_type, prev_hash, hash) VALUES (1, 'test.forged', 'user', ?, ?)`,
        )
        .run('0'.repeat(64), 'f'.repeat(64)),
    ).toThrow(/audit_chain_broken/)

    // Someone with the file and the triggers dropped edits a row: verification finds exactly it.
    sqlite.exec('DROP TRIGGER audit_log_no_update')
    const first = sqlite.prepare('SELECT id FROM audit_log ORDER BY id LIMIT 1').get() as {
      id: number
    }
    sqlite.prepare(`UPDATE audit_log SET action = 'test.forged' WHERE id = ?`).run(first.id)
    const report = await verifyAuditChain(db)
    expect(report.ok).toBe(false)
    expect(report.brokenAt).toBe(first.id)
  })
})
