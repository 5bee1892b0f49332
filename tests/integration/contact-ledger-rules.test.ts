import Database from 'better-sqlite3'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { recordContact } from '~/models/contacts.server'
import { createInitiative } from '~/models/initiatives.server'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { createCall } from '../helpers/call-factories'
import { INPUT } from '../helpers/initiative-factories'
import { rawError } from '../helpers/inspect'
import { createCompany, createHost, createMemberOf } from '../helpers/test-bed-factories'

// The contact ledger's rules (migration 2026-12-07-12-contact-ledger), attacked with SQL no model
// wrote: through Kysely and through a plain connection (foreign keys and recursive triggers off,
// like a sqlite3 shell) with INSERT, UPDATE, DELETE, REPLACE and ON CONFLICT.

const db = getDb()
let plain: Database.Database
let contactId: number
let callId: number
let author: Awaited<ReturnType<typeof createHost>>
let company: Awaited<ReturnType<typeof createCompany>>

beforeAll(async () => {
  plain = new Database(process.env.DATABASE_PATH!)
  plain.pragma('foreign_keys = OFF')
  author = await createHost(db)
  company = await createCompany(db)
  const initiative = await createInitiative(db, {
    organisation: { id: author.org.id, kind: 'public_body', verification_status: 'verified' },
    userId: author.user.id,
    input: INPUT,
    status: 'active',
  })
  const contact = await recordContact(db, {
    authorOrganisationId: author.org.id,
    userId: author.user.id,
    companyId: company.org.id,
    initiativeId: initiative.id,
    acknowledgedAt: now(),
    input: { contacted_on: '2026-11-02', kind: 'demo', purpose: 'Demonstration av larmknappar.' },
  })
  contactId = contact.id
  const { call } = await createCall(db, author, { status: 'draft' })
  await db
    .updateTable('calls')
    .set({ initiative_id: initiative.id })
    .where('id', '=', call.id)
    .execute()
  await db
    .updateTable('calls')
    .set({ status: 'published', published_at: now(), updated_at: now() })
    .where('id', '=', call.id)
    .execute()
  callId = call.id
})
afterAll(() => plain.close())

const run = (statement: string) => () => Promise.resolve(plain.prepare(statement).run())

function rawInsert(authorId: number, userId: number, companyId: number, on = '2026-11-01') {
  return sql`INSERT INTO company_contacts (author_organisation_id, company_id, contacted_on, kind,
    purpose, recorded_by, recorded_at, acknowledged_at)
    VALUES (${authorId}, ${companyId}, ${on}, 'event', 'Träff på B2B-forumet i Luleå.', ${userId},
    unixepoch(), unixepoch())`.execute(db)
}

describe('recording', () => {
  test('only a verified body’s member records, only about a company, never in the future', async () => {
    expect(
      await rawError(() => rawInsert(company.org.id, company.user.id, company.org.id)),
    ).toMatch(/contact_author_not_verified/)
    const stranger = await createCompany(db)
    expect(
      await rawError(() => rawInsert(author.org.id, stranger.user.id, company.org.id)),
    ).toMatch(/contact_not_member/)
    expect(await rawError(() => rawInsert(author.org.id, author.user.id, author.org.id))).toMatch(
      /contact_not_company/,
    )
    expect(
      await rawError(() => rawInsert(author.org.id, author.user.id, company.org.id, '2099-01-01')),
    ).toMatch(/contact_in_future/)
  })

  test('the acknowledgement is stored, at most a day before recording', async () => {
    expect(
      await rawError(
        run(`INSERT INTO company_contacts (author_organisation_id, company_id,
        contacted_on, kind, purpose, recorded_by, recorded_at, acknowledged_at)
        VALUES (${author.org.id}, ${company.org.id}, '2026-11-01', 'event', 'Träff på forumet.',
        ${author.user.id}, unixepoch(), unixepoch() - 3 * 86400)`),
      ),
    ).toMatch(/CHECK constraint failed/)
  })

  test('another organisation’s initiative cannot be named', async () => {
    const other = await createHost(db)
    const theirs = await createInitiative(db, {
      organisation: { id: other.org.id, kind: 'public_body', verification_status: 'verified' },
      userId: other.user.id,
      input: INPUT,
    })
    expect(
      await rawError(() =>
        sql`INSERT INTO company_contacts (author_organisation_id, company_id, contacted_on, kind,
          purpose, initiative_id, recorded_by, recorded_at, acknowledged_at)
          VALUES (${author.org.id}, ${company.org.id}, '2026-11-01', 'event',
          'Träff på B2B-forumet i Luleå.', ${theirs.id}, ${author.user.id}, unixepoch(),
          unixepoch())`.execute(db),
      ),
    ).toMatch(/initiative_link_not_owner/)
  })
})

describe('append-only with corrections', () => {
  test('a contact is never deleted, and who, whom and when never change', async () => {
    expect(await rawError(run(`DELETE FROM company_contacts WHERE id = ${contactId}`))).toMatch(
      /contact_append_only/,
    )
    for (const set of [
      `company_id = ${author.org.id}`,
      `author_organisation_id = ${company.org.id}`,
      'initiative_id = NULL',
      'recorded_at = recorded_at - 86400',
    ]) {
      expect(
        await rawError(run(`UPDATE company_contacts SET ${set} WHERE id = ${contactId}`)),
      ).toMatch(/contact_append_only/)
    }
  })

  test('an edit that is no numbered correction is refused', async () => {
    expect(
      await rawError(
        run(`UPDATE company_contacts SET purpose = 'Något helt annat.' WHERE id = ${contactId}`),
      ),
    ).toMatch(/contact_append_only/)
  })

  test('a correction by someone outside the author is refused', async () => {
    expect(
      await rawError(
        run(`UPDATE company_contacts SET purpose = 'Något helt annat än förut.',
          revision = revision + 1, corrected_at = unixepoch(), corrected_by = ${company.user.id}
          WHERE id = ${contactId}`),
      ),
    ).toMatch(/contact_not_member/)
  })

  test('a raw correction by the author writes the old text to the history itself', async () => {
    const colleague = await createMemberOf(db, author.org.id)
    plain
      .prepare(
        `UPDATE company_contacts SET purpose = 'Demonstration av larmknappar och dörrlarm.',
        revision = revision + 1, corrected_at = unixepoch(), corrected_by = ?
        WHERE id = ?`,
      )
      .run(colleague.id, contactId)
    const history = plain
      .prepare(`SELECT revision, purpose FROM company_contact_revisions WHERE contact_id = ?`)
      .all(contactId)
    expect(history).toEqual([{ revision: 1, purpose: 'Demonstration av larmknappar.' }])
  })

  test('the history cannot be changed, deleted or forged', async () => {
    const where = `WHERE contact_id = ${contactId}`
    expect(
      await rawError(run(`UPDATE company_contact_revisions SET purpose = 'x' ${where}`)),
    ).toMatch(/contact_append_only/)
    expect(await rawError(run(`DELETE FROM company_contact_revisions ${where}`))).toMatch(
      /contact_append_only/,
    )
    expect(
      await rawError(
        run(`INSERT INTO company_contact_revisions VALUES (${contactId}, 7, '2026-01-01', 'demo',
          'Påhittad historik.', 1, ${author.user.id}, 1)`),
      ),
    ).toMatch(/contact_append_only/)
  })

  test.each(['company_contacts', 'company_contact_revisions', 'call_contact_disclosures'])(
    '%s: REPLACE and ON CONFLICT cannot overwrite a row',
    async (table) => {
      const first = `SELECT * FROM ${table} ORDER BY rowid LIMIT 1`
      const firstWithoutRowid = `SELECT * FROM ${table} LIMIT 1`
      const source = table === 'company_contacts' ? first : firstWithoutRowid
      for (const statement of [
        `REPLACE INTO ${table} ${source}`,
        `INSERT OR REPLACE INTO ${table} ${source}`,
        `INSERT INTO ${table} ${source} ON CONFLICT DO UPDATE SET purpose = 'x'`,
      ]) {
        expect(await rawError(run(statement))).toMatch(/row_exists/)
      }
    },
  )
})

describe('the disclosure rule', () => {
  test('the published call disclosed the contact; nobody removes, changes or forges it', async () => {
    const rows = plain
      .prepare(`SELECT contact_id FROM call_contact_disclosures WHERE call_id = ?`)
      .pluck()
      .all(callId)
    expect(rows).toEqual([contactId])
    const where = `WHERE call_id = ${callId}`
    expect(await rawError(run(`DELETE FROM call_contact_disclosures ${where}`))).toMatch(
      /disclosure_fixed/,
    )
    expect(
      await rawError(
        run(`UPDATE call_contact_disclosures SET purpose = 'Inget särskilt.' ${where}`),
      ),
    ).toMatch(/disclosure_fixed/)
    const other = await createCompany(db)
    expect(
      await rawError(
        run(`INSERT INTO call_contact_disclosures VALUES (${callId}, ${contactId + 1000},
          ${other.org.id}, ${author.org.id}, '2026-11-01', 'demo', 'Påhittad kontakt.', unixepoch())`),
      ),
    ).toMatch(/disclosure_fixed/)
  })

  test('a contact recorded later against the initiative is disclosed at once', async () => {
    const initiativeId = plain
      .prepare(`SELECT initiative_id FROM calls WHERE id = ?`)
      .pluck()
      .get(callId) as number
    const { lastInsertRowid } = plain
      .prepare(
        `INSERT INTO company_contacts (author_organisation_id, company_id, contacted_on, kind,
        purpose, initiative_id, recorded_by, recorded_at, acknowledged_at)
        VALUES (?, ?, '2026-11-03', 'pilot_talk', 'Samtal om en pilot i hemtjänsten.', ?, ?,
        unixepoch(), unixepoch())`,
      )
      .run(author.org.id, company.org.id, initiativeId, author.user.id)
    const rows = plain
      .prepare(`SELECT contact_id FROM call_contact_disclosures WHERE call_id = ? ORDER BY 1`)
      .pluck()
      .all(callId)
    expect(rows).toEqual([contactId, Number(lastInsertRowid)])
  })
})
