import Database from 'better-sqlite3'
import { Migrator } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openDatabase } from '#db/connection'
import { migrations } from '#db/migrations/index'
import { getDb } from '~/utils/db.server'
import { createCall } from '../helpers/call-factories'
import { createOrganisation, createUser } from '../helpers/factories'
import { rawError } from '../helpers/inspect'
import {
  createCompany,
  createDraftApplication,
  createHost,
  createOffer,
} from '../helpers/test-bed-factories'
import { createBid } from '../helpers/bid-factories'
import { now } from '~/utils/clock.server'

// Intermediaries (migration 2026-12-07-09-intermediaries, decision 026): the rebuild of
// organisations keeps every schema object and row, and the rules hold through a plain connection
// (foreign keys and recursive triggers off, like a sqlite3 shell) as well as the app's.

const db = getDb()
let plain: Database.Database

beforeAll(() => {
  plain = new Database(process.env.DATABASE_PATH!)
  plain.pragma('foreign_keys = OFF')
})
afterAll(() => plain.close())

function plainError(statement: string, ...params: unknown[]): string {
  try {
    plain.prepare(statement).run(...params)
  } catch (error) {
    return (error as Error).message
  }
  throw new Error(`The database accepted: ${statement}`)
}

/** A verified intermediary with one admin, verified by a fresh platform administrator. */
async function verifiedIntermediary() {
  const user = await createUser(db)
  const admin = await createUser(db, { isPlatformAdmin: true })
  const org = await createOrganisation(db, { kind: 'intermediary', adminUserId: user.id })
  await db
    .updateTable('organisations')
    .set({ verification_status: 'verified', verified_by: admin.id, verified_at: now() })
    .where('id', '=', org.id)
    .execute()
  return { org, user }
}

const INSERT = `INSERT INTO organisations (slug, kind, public_body_type, intermediary_type, name,
  org_number, county_code, municipality_code, size_class, verification_status, created_at, updated_at)
  VALUES (?, ?, ?, ?, 'Testorganisation', ?, '25', '2580', ?, ?, unixepoch(), unixepoch())`

describe('the migration', () => {
  test('rebuilds organisations keeping every index and trigger word for word, every row and id', async () => {
    const { db: memory, sqlite } = openDatabase(':memory:')
    const migrator = new Migrator({
      db: memory,
      provider: { getMigrations: async () => migrations },
    })
    const before = await migrator.migrateTo('2026-12-07-08-conflict-guards')
    expect(before.error).toBeUndefined()
    sqlite.exec(`
      INSERT INTO users (id, email, name, password_hash, created_at, updated_at, password_changed_at)
        VALUES (7, 'a@b.test', 'A', '$argon2id$x', 1, 1, 1);
      INSERT INTO organisations (id, slug, kind, public_body_type, name, org_number, county_code,
        municipality_code, verification_status, created_at, updated_at)
        VALUES (41, 'region-x', 'public_body', 'region', 'Region X', '2321000230', '25', '2580', 'pending', 1, 1);
      INSERT INTO organisations (id, slug, kind, size_class, name, org_number, county_code,
        verification_status, created_at, updated_at)
        VALUES (42, 'bolaget', 'company', 'small', 'Bolaget AB', '5594123456', '25', 'not_required', 1, 1);
      INSERT INTO memberships VALUES (41, 7, 'admin', 1), (42, 7, 'admin', 1);
      INSERT INTO organisation_sectors VALUES (42, 'J');`)
    const schema = () =>
      sqlite
        .prepare(`SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name`)
        .all() as Array<{ type: string; name: string; tbl_name: string; sql: string | null }>
    const rows = () => sqlite.prepare(`SELECT * FROM organisations ORDER BY id`).all()
    const schemaBefore = schema()
    const rowsBefore = rows()

    // This migration alone: later ones change other tables.
    expect((await migrator.migrateTo('2026-12-07-09-intermediaries')).error).toBeUndefined()

    const schemaAfter = schema()
    const key = (o: object) => JSON.stringify(o)
    const after = new Set(schemaAfter.map(key))
    // Only the table's own CREATE TABLE changed; every index and trigger, on organisations and
    // on every other table that names it, is there with the same SQL.
    expect(schemaBefore.filter((o) => !after.has(key(o))).map((o) => o.name)).toEqual([
      'organisations',
    ])
    const beforeSet = new Set(schemaBefore.map(key))
    expect(schemaAfter.filter((o) => !beforeSet.has(key(o))).map((o) => o.name)).toEqual([
      'organisations',
      'organisations_intermediary_rename_needs_review',
      'organisations_intermediary_starts_pending',
      'organisations_log_insert',
      'organisations_log_verification',
    ])
    expect(
      schemaBefore.filter((o) => o.tbl_name === 'organisations' && o.type !== 'table').length,
    ).toBeGreaterThan(15)
    expect(rows()).toEqual(rowsBefore.map((r) => ({ ...(r as object), intermediary_type: null })))
    expect(sqlite.prepare(`SELECT count(*) AS n FROM memberships`).get()).toEqual({ n: 2 })
    expect(sqlite.prepare(`SELECT count(*) AS n FROM organisation_sectors`).get()).toEqual({ n: 1 })
    expect(sqlite.pragma('foreign_key_check')).toEqual([])
    expect(sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }])
    // The connection is as it was: foreign keys on, modern ALTER TABLE.
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(sqlite.pragma('legacy_alter_table', { simple: true })).toBe(0)
    await memory.destroy()
  })
})

describe('the database', () => {
  test('an intermediary needs its type, and only its type; it starts pending', () => {
    const n = (s: string) => `55${s}`
    expect(
      plainError(INSERT, 'x-a', 'intermediary', null, null, n('21234567'), null, 'pending'),
    ).toMatch(/CHECK constraint failed/)
    expect(
      plainError(
        INSERT,
        'x-b',
        'intermediary',
        'region',
        'cluster',
        n('21234568'),
        null,
        'pending',
      ),
    ).toMatch(/CHECK constraint failed/)
    expect(
      plainError(INSERT, 'x-c', 'intermediary', null, 'cluster', n('21234569'), 'small', 'pending'),
    ).toMatch(/CHECK constraint failed/)
    expect(
      plainError(INSERT, 'x-d', 'company', null, 'cluster', n('21234570'), 'small', 'not_required'),
    ).toMatch(/CHECK constraint failed/)
    expect(
      plainError(INSERT, 'x-e', 'intermediary', null, 'think_tank', n('21234571'), null, 'pending'),
    ).toMatch(/CHECK constraint failed/)
    for (const status of ['verified', 'not_required', 'rejected']) {
      expect(
        plainError(
          INSERT,
          `x-${status}`,
          'intermediary',
          null,
          'cluster',
          n('21234572'),
          null,
          status,
        ),
      ).toMatch(/verification_by_admin_only|CHECK constraint failed/)
    }
    plain
      .prepare(INSERT)
      .run('x-ok', 'intermediary', null, 'science_park', n('21234573'), null, 'pending')
  })

  test('only a platform administrator verifies an intermediary; kind and number stay; a verified one is renamed only back to pending', async () => {
    const user = await createUser(db)
    const org = await createOrganisation(db, { kind: 'intermediary', adminUserId: user.id })
    expect(
      plainError(
        `UPDATE organisations SET verification_status = 'verified', verified_by = ?, verified_at = unixepoch() WHERE id = ?`,
        user.id,
        org.id,
      ),
    ).toContain('testarena:verification_by_admin_only')
    expect(
      plainError(
        `UPDATE organisations SET kind = 'public_body', public_body_type = 'agency', intermediary_type = NULL WHERE id = ?`,
        org.id,
      ),
    ).toContain('testarena:organisation_identity_fixed')
    expect(plainError(`DELETE FROM organisations WHERE id = ?`, org.id)).toContain(
      'testarena:organisation_permanent',
    )

    const { org: verified } = await verifiedIntermediary()
    expect(
      plainError(`UPDATE organisations SET name = 'Vinnova' WHERE id = ?`, verified.id),
    ).toContain('testarena:rename_needs_review')
    plain
      .prepare(
        `UPDATE organisations SET name = 'Nytt namn', verification_status = 'pending' WHERE id = ?`,
      )
      .run(verified.id)
    // Whoever writes it, the database logs the state change.
    expect(
      plain
        .prepare(
          `SELECT from_status, to_status FROM status_log WHERE entity_type = 'organisations' AND entity_id = ? ORDER BY id`,
        )
        .all(verified.id),
    ).toEqual([
      { from_status: null, to_status: 'pending' },
      { from_status: 'pending', to_status: 'verified' },
      { from_status: 'verified', to_status: 'pending' },
    ])
  })

  test('REPLACE, INSERT OR REPLACE and both UPSERTs cannot turn a pending intermediary into a verified one', async () => {
    const user = await createUser(db)
    const org = await createOrganisation(db, { kind: 'intermediary', adminUserId: user.id })
    const copy = `SELECT id, slug, kind, public_body_type, name, org_number, county_code,
      municipality_code, size_class, website, description, 'verified', verification_note,
      unixepoch(), ${user.id}, created_at, updated_at, intermediary_type FROM organisations WHERE id = ${org.id}`
    for (const verb of ['REPLACE INTO', 'INSERT OR REPLACE INTO']) {
      expect(plainError(`${verb} organisations ${copy}`)).toMatch(/testarena:/)
    }
    expect(
      plainError(
        `INSERT INTO organisations ${copy} ON CONFLICT(id) DO UPDATE SET verification_status = 'verified'`,
      ),
    ).toMatch(/testarena:/)
    expect(plainError(`INSERT INTO organisations ${copy} ON CONFLICT DO NOTHING`)).toMatch(
      /testarena:/,
    )
    expect(
      plainError(
        `UPDATE OR REPLACE organisations SET intermediary_type = NULL WHERE id = ?`,
        org.id,
      ),
    ).toMatch(/CHECK constraint failed/)
    const row = await db
      .selectFrom('organisations')
      .select(['verification_status', 'kind', 'intermediary_type'])
      .where('id', '=', org.id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({
      verification_status: 'pending',
      kind: 'intermediary',
      intermediary_type: 'cluster',
    })
  })

  test('a verified intermediary publishes no test-bed offer or call, and neither applies nor bids', async () => {
    const intermediary = await verifiedIntermediary()
    expect(await rawError(() => createOffer(db, intermediary, { status: 'draft' }))).toContain(
      'testarena:host_not_public_body',
    )
    expect(await rawError(() => createCall(db, intermediary, { status: 'draft' }))).toContain(
      'testarena:buyer_not_public_body',
    )
    const host = await createHost(db)
    const offer = await createOffer(db, host)
    expect(await rawError(() => createDraftApplication(db, offer.id, intermediary))).toContain(
      'testarena:applicant_not_company',
    )
    const { call } = await createCall(db, host)
    expect(await rawError(() => createBid(db, { call, company: intermediary }))).toContain(
      'testarena:bidder_not_company',
    )
    // Through a plain connection too, and an intermediary has no SNI sectors (companies only).
    expect(
      plainError(
        `INSERT INTO organisation_sectors (organisation_id, sector_code) VALUES (?, 'J')`,
        intermediary.org.id,
      ),
    ).toContain('testarena:sectors_for_companies_only')
    // A company's own rows still go in (the checks are about kind, not about this test).
    const company = await createCompany(db)
    await createDraftApplication(db, offer.id, company)
  })
})
