import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { DB } from '#db/connection'
import type Database from 'better-sqlite3'
import { getMarketplaceStats } from '~/models/organisations.server'
import { createTestDb } from '../helpers/db'
import { createOrganisation, createUser } from '../helpers/factories'
import { now } from '~/utils/clock.server'

// The home page's figures come from marketplace_counts, kept by triggers on organisations
// (migration 2026-12-07-28, decision record 045). After every kind of write they must equal what
// counting every organisation says.

let db: DB
let sqlite: Database.Database

beforeEach(async () => {
  ;({ db, sqlite } = await createTestDb())
})
afterEach(async () => {
  await db.destroy()
})

function counted() {
  return sqlite
    .prepare(
      `SELECT
        count(*) FILTER (WHERE kind = 'public_body' AND verification_status = 'verified')
          AS publicBodies,
        count(*) FILTER (WHERE kind = 'company') AS companies,
        count(DISTINCT county_code) FILTER (WHERE verification_status IN ('verified', 'not_required'))
          AS counties
      FROM organisations`,
    )
    .get() as { publicBodies: number; companies: number; counties: number }
}

async function expectTrue() {
  expect(await getMarketplaceStats(db)).toEqual(counted())
}

describe('the home page figures kept by triggers', () => {
  test('an INSERT counts the new organisation', async () => {
    const before = await getMarketplaceStats(db)
    await createOrganisation(db, { kind: 'company' })
    await createOrganisation(db, { kind: 'public_body' })
    const after = await getMarketplaceStats(db)
    expect(after.companies).toBe(before.companies + 1)
    // A public body counts once it is verified.
    expect(after.publicBodies).toBe(before.publicBodies)
    await expectTrue()
  })

  test('an UPDATE of the verification status or the county moves the counts', async () => {
    const body = await createOrganisation(db, { kind: 'public_body' })
    const admin = await createUser(db, { isPlatformAdmin: true })
    const before = await getMarketplaceStats(db)
    sqlite
      .prepare(
        `UPDATE organisations SET verification_status = 'verified', verified_at = ?, verified_by = ?
          WHERE id = ?`,
      )
      .run(now(), admin.id, body.id)
    expect((await getMarketplaceStats(db)).publicBodies).toBe(before.publicBodies + 1)
    await expectTrue()
    // A county no one else is in: the number of counties grows, then shrinks back.
    const empty = sqlite
      .prepare(
        `SELECT county_code, code FROM municipalities WHERE county_code NOT IN (
          SELECT county_code FROM organisations
          WHERE verification_status IN ('verified', 'not_required')) LIMIT 1`,
      )
      .get() as { county_code: string; code: string }
    sqlite
      .prepare(`UPDATE organisations SET county_code = ?, municipality_code = ? WHERE id = ?`)
      .run(empty.county_code, empty.code, body.id)
    expect((await getMarketplaceStats(db)).counties).toBe(before.counties + 1)
    await expectTrue()
    sqlite
      .prepare(
        `UPDATE organisations SET verification_status = 'rejected', verification_note = 'Organisationsnumret tillhör inte en kommun.'
          WHERE id = ?`,
      )
      .run(body.id)
    expect(await getMarketplaceStats(db)).toEqual(before)
    await expectTrue()
  })

  test('a DELETE is refused (organisations are permanent) and leaves the counts true', async () => {
    const company = await createOrganisation(db, { kind: 'company' })
    const before = await getMarketplaceStats(db)
    expect(() => sqlite.prepare(`DELETE FROM organisations WHERE id = ?`).run(company.id)).toThrow(
      'testarena:organisation_permanent',
    )
    expect(await getMarketplaceStats(db)).toEqual(before)
    await expectTrue()
  })

  test('the delete trigger subtracts what the row counted', async () => {
    // Organisations are permanent today; should a later migration allow erasure, the count follows.
    const company = await createOrganisation(db, { kind: 'company' })
    const before = await getMarketplaceStats(db)
    sqlite.exec('DROP TRIGGER organisations_no_delete')
    sqlite.prepare(`DELETE FROM organisations WHERE id = ?`).run(company.id)
    expect((await getMarketplaceStats(db)).companies).toBe(before.companies - 1)
    await expectTrue()
  })

  test.each([
    ['with recursive triggers (the app)', 'ON'],
    ['without them (a plain sqlite3 client)', 'OFF'],
  ])('a REPLACE leaves the counts true %s', async (_, recursive) => {
    const company = await createOrganisation(db, { kind: 'company' })
    sqlite.pragma(`recursive_triggers = ${recursive}`)
    try {
      sqlite
        .prepare(`REPLACE INTO organisations SELECT * FROM organisations WHERE id = ?`)
        .run(company.id)
    } catch {
      // The conflict guards may refuse it: then nothing changed.
    }
    sqlite.pragma('recursive_triggers = ON')
    await expectTrue()
  })
})
