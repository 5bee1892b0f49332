import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getDb } from '~/utils/db.server'
import {
  createPlacedCompany,
  createRegion,
  createVerifiedIntermediary,
} from '../helpers/outreach-factories'
import { createOrganisation, createUser } from '../helpers/factories'
import { createHost } from '../helpers/test-bed-factories'

// The outreach rules (migration 2026-12-07-15-outreach, decision record 032), attacked with SQL no
// model wrote, through a plain connection (foreign keys and recursive triggers off, like a sqlite3
// shell): the database picks every match, nobody adds, removes or changes a recipient, a sent
// outreach never changes, REPLACE and ON CONFLICT undo nothing.

const db = getDb()
let plain: Database.Database
let region: Awaited<ReturnType<typeof createRegion>>
let small: Awaited<ReturnType<typeof createPlacedCompany>>
let micro: Awaited<ReturnType<typeof createPlacedCompany>>
let medium: Awaited<ReturnType<typeof createPlacedCompany>>
let optedOut: Awaited<ReturnType<typeof createPlacedCompany>>
let elsewhere: Awaited<ReturnType<typeof createPlacedCompany>>

beforeAll(async () => {
  plain = new Database(process.env.DATABASE_PATH!)
  plain.pragma('foreign_keys = OFF')
  region = await createRegion(db)
  small = await createPlacedCompany(db, { county: '03', municipality: '0380', size: 'small' })
  micro = await createPlacedCompany(db, { county: '03', municipality: '0381', size: 'micro' })
  medium = await createPlacedCompany(db, { county: '03', municipality: '0380', size: 'medium' })
  optedOut = await createPlacedCompany(db, { county: '03', municipality: '0380', size: 'small' })
  elsewhere = await createPlacedCompany(db, { county: '04', municipality: '0480', size: 'small' })
  plain
    .prepare(
      `INSERT INTO company_outreach_settings (company_id, opted_out, updated_at, updated_by)
       VALUES (?, 1, unixepoch(), ?)`,
    )
    .run(optedOut.org.id, optedOut.user.id)
})
afterAll(() => plain.close())

function send(
  orgId: number,
  userId: number,
  criteria: {
    sizes?: string
    sectors?: string
    county?: string | null
    municipalities?: string
  } = {},
) {
  return plain
    .prepare(
      `INSERT INTO outreaches (organisation_id, subject, body, size_classes, sector_codes,
        county_code, municipality_codes, sent_by, sent_at)
       VALUES (?, 'Inbjudan till testbädd', 'Ett meddelande till alla små företag i länet.', ?, ?, ?, ?, ?, unixepoch())`,
    )
    .run(
      orgId,
      criteria.sizes ?? '["micro","small"]',
      criteria.sectors ?? '[]',
      criteria.county === undefined ? '03' : criteria.county,
      criteria.municipalities ?? '[]',
      userId,
    ).lastInsertRowid as number
}

const recipients = (id: number) =>
  (
    plain
      .prepare(
        'SELECT company_id FROM outreach_recipients WHERE outreach_id = ? ORDER BY company_id',
      )
      .pluck()
      .all(id) as number[]
  ).sort((a, b) => a - b)
const row = (id: number) =>
  plain.prepare('SELECT * FROM outreaches WHERE id = ?').get(id) as Record<string, unknown>
const attempt =
  (statement: string, ...params: unknown[]) =>
  () =>
    plain.prepare(statement).run(...params)

describe('the database picks the recipients', () => {
  test('every matching company that has not opted out, sealed with the true counts', () => {
    const id = send(region.org.id, region.user.id)
    expect(recipients(id)).toEqual([small.org.id, micro.org.id].sort((a, b) => a - b))
    expect(row(id)).toMatchObject({
      sealed: 1,
      matched_count: 3,
      opted_out_count: 1,
      recipient_count: 2,
    })
    expect(
      plain
        .prepare(
          `SELECT to_status FROM status_log WHERE entity_type = 'outreach' AND entity_id = ?`,
        )
        .pluck()
        .all(id),
    ).toEqual(['sent'])
  })

  test('municipalities and sectors narrow the match; no county reaches all of Sweden', () => {
    plain
      .prepare(`INSERT INTO organisation_sectors (organisation_id, sector_code) VALUES (?, 'J')`)
      .run(micro.org.id)
    expect(recipients(send(region.org.id, region.user.id, { municipalities: '["0381"]' }))).toEqual(
      [micro.org.id],
    )
    expect(recipients(send(region.org.id, region.user.id, { sectors: '["J","Q"]' }))).toEqual([
      micro.org.id,
    ])
    const national = recipients(
      send(region.org.id, region.user.id, { county: null, sizes: '["small"]' }),
    )
    expect(national).toEqual(expect.arrayContaining([small.org.id, elsewhere.org.id]))
    expect(national).not.toContain(optedOut.org.id)
    expect(national).not.toContain(medium.org.id)
  })

  test('an outreach that cannot be sealed honestly is not sent: forged counts or seal at insert', () => {
    expect(
      attempt(
        `INSERT INTO outreaches (organisation_id, subject, body, size_classes, sector_codes,
          county_code, municipality_codes, sent_by, sent_at, sealed, recipient_count, matched_count)
         VALUES (?, 'Inbjudan till testbädd', 'Ett meddelande till alla små företag i länet.',
          '["small"]', '[]', '03', '[]', ?, unixepoch(), 1, 1, 1)`,
        region.org.id,
        region.user.id,
      ),
    ).toThrow(/testarena:outreach_fixed/)
  })
})

describe('no hand-picked list', () => {
  test('a recipient cannot be added: not a match, already there, or after the seal', async () => {
    const id = send(region.org.id, region.user.id)
    const before = recipients(id)
    expect(
      attempt(
        'INSERT INTO outreach_recipients (outreach_id, company_id) VALUES (?, ?)',
        id,
        elsewhere.org.id,
      ),
    ).toThrow(/testarena:outreach_hand_picked/)
    expect(
      attempt(
        'INSERT INTO outreach_recipients (outreach_id, company_id) VALUES (?, ?)',
        id,
        medium.org.id,
      ),
    ).toThrow(/testarena:outreach_hand_picked/)
    expect(
      attempt(
        'INSERT INTO outreach_recipients (outreach_id, company_id) VALUES (?, ?)',
        id,
        optedOut.org.id,
      ),
    ).toThrow(/testarena:outreach_hand_picked/)
    // A company that registers afterwards matches, but the outreach is sealed.
    const late = await createPlacedCompany(db, {
      county: '03',
      municipality: '0380',
      size: 'small',
    })
    expect(
      attempt(
        'INSERT INTO outreach_recipients (outreach_id, company_id) VALUES (?, ?)',
        id,
        late.org.id,
      ),
    ).toThrow(/testarena:outreach_hand_picked/)
    expect(
      attempt(
        'INSERT INTO outreach_recipients (outreach_id, company_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
        id,
        late.org.id,
      ),
    ).toThrow(/testarena:outreach_hand_picked/)
    expect(recipients(id)).toEqual(before)
  })

  test('a recipient cannot be removed or swapped: DELETE, UPDATE, REPLACE, ON CONFLICT', () => {
    const id = send(region.org.id, region.user.id)
    const before = recipients(id)
    expect(attempt('DELETE FROM outreach_recipients WHERE outreach_id = ?', id)).toThrow(
      /testarena:outreach_fixed/,
    )
    expect(
      attempt(
        'UPDATE outreach_recipients SET company_id = ? WHERE outreach_id = ? AND company_id = ?',
        elsewhere.org.id,
        id,
        small.org.id,
      ),
    ).toThrow(/testarena:outreach_fixed/)
    expect(
      attempt(
        'REPLACE INTO outreach_recipients (outreach_id, company_id) VALUES (?, ?)',
        id,
        small.org.id,
      ),
    ).toThrow(/testarena:row_exists/)
    expect(
      attempt(
        `INSERT INTO outreach_recipients (outreach_id, company_id) VALUES (?, ?)
         ON CONFLICT DO UPDATE SET company_id = ?`,
        id,
        small.org.id,
        elsewhere.org.id,
      ),
    ).toThrow(/testarena:row_exists/)
    expect(recipients(id)).toEqual(before)
  })
})

describe('a sent outreach is fixed', () => {
  test('UPDATE of text, criteria, counts or seal and DELETE are refused', () => {
    const id = send(region.org.id, region.user.id)
    const before = JSON.stringify(row(id))
    for (const change of [
      `subject = 'Ny rubrik på utskicket'`,
      `size_classes = '["micro","small","medium"]'`,
      `county_code = '04'`,
      'recipient_count = recipient_count - 1, matched_count = matched_count - 1',
      'sealed = 0',
    ]) {
      expect(attempt(`UPDATE outreaches SET ${change} WHERE id = ?`, id), change).toThrow(
        /testarena:outreach_fixed/,
      )
    }
    expect(attempt('DELETE FROM outreaches WHERE id = ?', id)).toThrow(/testarena:outreach_fixed/)
    expect(JSON.stringify(row(id))).toBe(before)
  })

  test('REPLACE, INSERT OR REPLACE and UPSERT cannot rewrite it', () => {
    const id = send(region.org.id, region.user.id)
    const before = JSON.stringify(row(id))
    expect(attempt('REPLACE INTO outreaches SELECT * FROM outreaches WHERE id = ?', id)).toThrow(
      /testarena:row_exists/,
    )
    expect(
      attempt('INSERT OR REPLACE INTO outreaches SELECT * FROM outreaches WHERE id = ?', id),
    ).toThrow(/testarena:row_exists/)
    expect(
      attempt(
        `INSERT INTO outreaches SELECT * FROM outreaches WHERE id = ? AND true
         ON CONFLICT (id) DO UPDATE SET subject = 'Omskriven rubrik'`,
        id,
      ),
    ).toThrow(/testarena:row_exists/)
    expect(JSON.stringify(row(id))).toBe(before)
  })
})

describe('who sends, and with which criteria', () => {
  test('only a member of a verified region or intermediary', async () => {
    const municipality = await createHost(db)
    expect(() => send(municipality.org.id, municipality.user.id)).toThrow(
      /testarena:outreach_sender_not_allowed/,
    )
    const someone = await createUser(db)
    const pending = await createOrganisation(db, { kind: 'intermediary', adminUserId: someone.id })
    expect(() => send(pending.id, someone.id)).toThrow(/testarena:outreach_sender_not_allowed/)
    expect(() => send(small.org.id, small.user.id)).toThrow(/testarena:outreach_sender_not_allowed/)
    expect(() => send(region.org.id, someone.id)).toThrow(/testarena:outreach_not_member/)
    const cluster = await createVerifiedIntermediary(db)
    expect(recipients(send(cluster.org.id, cluster.user.id))).toContain(small.org.id)
  })

  test('criteria are stored, known and consistent', () => {
    expect(() => send(region.org.id, region.user.id, { sizes: '[]' })).toThrow(/CHECK constraint/)
    expect(() => send(region.org.id, region.user.id, { sizes: '"small"' })).toThrow(
      /CHECK constraint/,
    )
    expect(() => send(region.org.id, region.user.id, { sizes: '["huge"]' })).toThrow(
      /testarena:outreach_criteria_invalid/,
    )
    expect(() => send(region.org.id, region.user.id, { sectors: '["ZZ"]' })).toThrow(
      /testarena:outreach_criteria_invalid/,
    )
    expect(() => send(region.org.id, region.user.id, { municipalities: '["0480"]' })).toThrow(
      /testarena:outreach_criteria_invalid/,
    )
    expect(() =>
      send(region.org.id, region.user.id, { county: null, municipalities: '["0380"]' }),
    ).toThrow(/testarena:outreach_criteria_invalid/)
  })
})

describe('opting out', () => {
  test('only the company’s own members, each change in status_log', () => {
    expect(
      attempt(
        `INSERT INTO company_outreach_settings (company_id, opted_out, updated_at, updated_by)
         VALUES (?, 1, unixepoch(), ?)`,
        small.org.id,
        region.user.id,
      ),
    ).toThrow(/testarena:outreach_settings_not_member/)
    expect(
      attempt(
        `INSERT INTO company_outreach_settings (company_id, opted_out, updated_at, updated_by)
         VALUES (?, 1, unixepoch(), ?)`,
        region.org.id,
        region.user.id,
      ),
    ).toThrow(/testarena:outreach_settings_not_member/)
    expect(
      attempt(
        'UPDATE company_outreach_settings SET opted_out = 0, updated_by = ? WHERE company_id = ?',
        small.user.id,
        optedOut.org.id,
      ),
    ).toThrow(/testarena:outreach_settings_not_member/)
    plain
      .prepare(
        'UPDATE company_outreach_settings SET opted_out = 0, updated_by = ? WHERE company_id = ?',
      )
      .run(optedOut.user.id, optedOut.org.id)
    expect(
      plain
        .prepare(
          `SELECT coalesce(from_status, '-') || '>' || to_status FROM status_log
           WHERE entity_type = 'outreach_consent' AND entity_id = ? ORDER BY id`,
        )
        .pluck()
        .all(optedOut.org.id),
    ).toEqual(['->opted_out', 'opted_out>opted_in'])
    expect(recipients(send(region.org.id, region.user.id))).toContain(optedOut.org.id)
    plain
      .prepare(
        'UPDATE company_outreach_settings SET opted_out = 1, updated_by = ? WHERE company_id = ?',
      )
      .run(optedOut.user.id, optedOut.org.id)
  })
})
