import Database from 'better-sqlite3'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  decideCoOwnership,
  requestCoOwnership,
  setInitiativeLink,
} from '~/models/initiative-owners.server'
import { createInitiative } from '~/models/initiatives.server'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { createCall } from '../helpers/call-factories'
import { createOrganisation, createUser } from '../helpers/factories'
import { INPUT } from '../helpers/initiative-factories'
import { rawError } from '../helpers/inspect'
import {
  createCompany,
  createHost,
  createMemberOf,
  createOffer,
} from '../helpers/test-bed-factories'

// The initiatives register's rules (migration 2026-12-07-10-initiatives), attacked with SQL no
// model wrote: through Kysely, and through a plain connection (foreign keys and recursive triggers
// off, like a sqlite3 shell) with UPDATE, DELETE, REPLACE and ON CONFLICT.

const db = getDb()
let plain: Database.Database
beforeAll(() => {
  plain = new Database(process.env.DATABASE_PATH!)
})
afterAll(() => plain.close())

type Party = Awaited<ReturnType<typeof createHost>>

async function initiativeOf(owner: Party, status?: 'idea' | 'planned' | 'active' | 'finished') {
  return createInitiative(db, {
    organisation: { id: owner.org.id, kind: 'public_body', verification_status: 'verified' },
    userId: owner.user.id,
    input: INPUT,
    status,
  })
}

function rawInsert(orgId: number, userId: number, status = 'idea') {
  const at = now()
  return sql`INSERT INTO initiatives (organisation_id, kind, title, summary, status, contact_role,
    contact_email, created_at, created_by, updated_at, updated_by)
    VALUES (${orgId}, 'project', 'Ett projekt', 'En sammanfattning om projektet.', ${status},
    'Projektledare', 'projekt@example.test', ${at}, ${userId}, ${at}, ${userId})`.execute(db)
}

describe('who owns', () => {
  test('a company, an unverified public body and a non-member cannot own an initiative', async () => {
    const company = await createCompany(db)
    expect(await rawError(() => rawInsert(company.org.id, company.user.id))).toMatch(
      /initiative_owner_not_verified/,
    )
    const user = await createUser(db)
    const pending = await createOrganisation(db, { kind: 'public_body', adminUserId: user.id })
    expect(await rawError(() => rawInsert(pending.id, user.id))).toMatch(
      /initiative_owner_not_verified/,
    )
    const host = await createHost(db)
    const outsider = await createUser(db)
    expect(await rawError(() => rawInsert(host.org.id, outsider.id))).toMatch(
      /initiative_not_member/,
    )
    await rawInsert(host.org.id, host.user.id)
  })

  test('the owner never changes, and creation stamps never move', async () => {
    const host = await createHost(db)
    const other = await createHost(db)
    const { id } = await initiativeOf(host)
    expect(
      await rawError(() =>
        sql`UPDATE initiatives SET organisation_id = ${other.org.id} WHERE id = ${id}`.execute(db),
      ),
    ).toMatch(/initiative_owner_fixed/)
    expect(
      await rawError(() =>
        sql`UPDATE initiatives SET created_at = created_at - 10 WHERE id = ${id}`.execute(db),
      ),
    ).toMatch(/stamp_fixed/)
  })

  test('only members of the owner or an accepted co-owner update it', async () => {
    const host = await createHost(db)
    const { id } = await initiativeOf(host)
    const outsider = await createHost(db)
    expect(
      await rawError(() =>
        sql`UPDATE initiatives SET title = 'Kapat', updated_by = ${outsider.user.id}
          WHERE id = ${id}`.execute(db),
      ),
    ).toMatch(/initiative_not_member/)
  })
})

describe('status', () => {
  test('moves only forward, and every status is logged by the database', async () => {
    const host = await createHost(db)
    const { id } = await initiativeOf(host, 'planned')
    await sql`UPDATE initiatives SET status = 'finished' WHERE id = ${id}`.execute(db)
    expect(
      await rawError(() =>
        sql`UPDATE initiatives SET status = 'active' WHERE id = ${id}`.execute(db),
      ),
    ).toMatch(/initiative_status_backwards/)
    const log = await db
      .selectFrom('status_log')
      .select(['from_status', 'to_status'])
      .where('entity_type', '=', 'initiatives')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute()
    expect(log).toEqual([
      { from_status: null, to_status: 'planned' },
      { from_status: 'planned', to_status: 'finished' },
    ])
  })

  test('an initiative is deleted only as an idea without links', async () => {
    const host = await createHost(db)
    const idea = await initiativeOf(host)
    const planned = await initiativeOf(host, 'planned')
    expect(
      await rawError(() => sql`DELETE FROM initiatives WHERE id = ${planned.id}`.execute(db)),
    ).toMatch(/initiative_not_deletable/)
    const offer = await createOffer(db, host)
    await setInitiativeLink(db, {
      table: 'test_bed_offers',
      id: offer.id,
      userId: host.user.id,
      initiativeId: idea.id,
    })
    expect(
      await rawError(() => sql`DELETE FROM initiatives WHERE id = ${idea.id}`.execute(db)),
    ).toMatch(/initiative_not_deletable/)
  })
})

describe('co-owners', () => {
  test('a request comes from a member of another verified body, starts pending, and only the owner decides, once', async () => {
    const host = await createHost(db)
    const other = await createHost(db)
    const { id } = await initiativeOf(host)
    const at = now()
    const insert = (orgId: number, userId: number, state = 'pending') =>
      sql`INSERT INTO initiative_co_owners (initiative_id, organisation_id, state, requested_at,
        requested_by, decided_at, decided_by) VALUES (${id}, ${orgId}, ${state}, ${at}, ${userId},
        ${state === 'pending' ? null : at}, ${state === 'pending' ? null : userId})`.execute(db)
    expect(await rawError(() => insert(host.org.id, host.user.id))).toMatch(
      /initiative_co_owner_is_owner/,
    )
    expect(await rawError(() => insert(other.org.id, host.user.id))).toMatch(
      /initiative_not_member/,
    )
    expect(await rawError(() => insert(other.org.id, other.user.id, 'accepted'))).toMatch(
      /initiative_co_owner_decided_by_owner/,
    )
    const company = await createCompany(db)
    expect(await rawError(() => insert(company.org.id, company.user.id))).toMatch(
      /initiative_owner_not_verified/,
    )
    await insert(other.org.id, other.user.id)
    // The asking side cannot accept itself.
    expect(
      await rawError(() =>
        sql`UPDATE initiative_co_owners SET state = 'accepted', decided_at = ${at},
          decided_by = ${other.user.id} WHERE initiative_id = ${id}`.execute(db),
      ),
    ).toMatch(/initiative_co_owner_decided_by_owner/)
    await decideCoOwnership(db, {
      initiativeId: id,
      organisationId: other.org.id,
      userId: host.user.id,
      accept: true,
      reason: null,
    })
    // Decided once: no update, no delete, no REPLACE, no upsert — through any connection.
    const where = `initiative_id = ${id} AND organisation_id = ${other.org.id}`
    expect(() =>
      plain
        .prepare(
          `UPDATE initiative_co_owners SET state = 'pending', decided_at = NULL, decided_by = NULL WHERE ${where}`,
        )
        .run(),
    ).toThrow(/initiative_co_owner_decided/)
    expect(() => plain.prepare(`DELETE FROM initiative_co_owners WHERE ${where}`).run()).toThrow(
      /initiative_co_owner_decided/,
    )
    expect(() =>
      plain
        .prepare(
          `REPLACE INTO initiative_co_owners (initiative_id, organisation_id, requested_at, requested_by) VALUES (${id}, ${other.org.id}, ${at}, ${other.user.id})`,
        )
        .run(),
    ).toThrow(/row_exists/)
    expect(() =>
      plain
        .prepare(
          `INSERT INTO initiative_co_owners (initiative_id, organisation_id, requested_at, requested_by) VALUES (${id}, ${other.org.id}, ${at}, ${other.user.id}) ON CONFLICT DO UPDATE SET state = 'pending'`,
        )
        .run(),
    ).toThrow(/row_exists/)
    const row = await db
      .selectFrom('initiative_co_owners')
      .select('state')
      .where('initiative_id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.state).toBe('accepted')
  })

  test('a co-owner’s members may edit; declining needs a reason', async () => {
    const host = await createHost(db)
    const other = await createHost(db)
    const third = await createHost(db)
    const { id } = await initiativeOf(host)
    await requestCoOwnership(db, {
      initiativeId: id,
      organisationId: other.org.id,
      userId: other.user.id,
    })
    await requestCoOwnership(db, {
      initiativeId: id,
      organisationId: third.org.id,
      userId: third.user.id,
    })
    await decideCoOwnership(db, {
      initiativeId: id,
      organisationId: other.org.id,
      userId: host.user.id,
      accept: true,
      reason: null,
    })
    await sql`UPDATE initiatives SET title = 'Gemensamt program', updated_by = ${other.user.id}
      WHERE id = ${id}`.execute(db)
    const at = now()
    expect(
      await rawError(() =>
        sql`UPDATE initiative_co_owners SET state = 'declined', decided_at = ${at},
          decided_by = ${host.user.id}, decline_reason = '...' WHERE initiative_id = ${id}
          AND organisation_id = ${third.org.id}`.execute(db),
      ),
    ).toMatch(/CHECK constraint failed/)
  })
})

describe('the initiatives table against conflict-resolving writes', () => {
  test('REPLACE, INSERT OR REPLACE and ON CONFLICT cannot reset a status or an owner', async () => {
    const host = await createHost(db)
    const { id } = await initiativeOf(host, 'active')
    const at = now()
    const values = `(${id}, ${host.org.id}, 'project', 'Nytt namn', 'En ny sammanfattning här.', 'idea', 'Roll', 'a@example.test', ${at}, ${host.user.id}, ${at}, ${host.user.id})`
    const cols = `(id, organisation_id, kind, title, summary, status, contact_role, contact_email, created_at, created_by, updated_at, updated_by)`
    for (const statement of [
      `REPLACE INTO initiatives ${cols} VALUES ${values}`,
      `INSERT OR REPLACE INTO initiatives ${cols} VALUES ${values}`,
      `INSERT INTO initiatives ${cols} VALUES ${values} ON CONFLICT DO UPDATE SET status = 'idea'`,
      `INSERT INTO initiatives ${cols} VALUES ${values} ON CONFLICT DO NOTHING`,
    ]) {
      expect(() => plain.prepare(statement).run(), statement).toThrow(/row_exists/)
    }
    expect(() =>
      plain.prepare(`UPDATE initiatives SET status = 'idea' WHERE id = ${id}`).run(),
    ).toThrow(/initiative_status_backwards/)
    expect(() => plain.prepare(`DELETE FROM initiatives WHERE id = ${id}`).run()).toThrow(
      /initiative_not_deletable/,
    )
    const row = await db
      .selectFrom('initiatives')
      .select(['status', 'title'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ status: 'active', title: INPUT.title })
  })
})

describe('links from calls and test-bed offers', () => {
  test('only an owner’s or accepted co-owner’s call or offer links to an initiative', async () => {
    const host = await createHost(db)
    const other = await createHost(db)
    const { id } = await initiativeOf(host)
    const { call: foreignCall } = await createCall(db, other)
    const foreignOffer = await createOffer(db, other)
    expect(
      await rawError(() =>
        sql`UPDATE calls SET initiative_id = ${id} WHERE id = ${foreignCall.id}`.execute(db),
      ),
    ).toMatch(/initiative_link_not_owner/)
    expect(() =>
      plain
        .prepare(`UPDATE test_bed_offers SET initiative_id = ${id} WHERE id = ${foreignOffer.id}`)
        .run(),
    ).toThrow(/initiative_link_not_owner/)
    await expect(
      setInitiativeLink(db, {
        table: 'calls',
        id: foreignCall.id,
        userId: other.user.id,
        initiativeId: id,
      }),
    ).rejects.toMatchObject({ code: 'initiative_link_not_owner' })
    // Once the other body co-owns it, its call may belong to it.
    await requestCoOwnership(db, {
      initiativeId: id,
      organisationId: other.org.id,
      userId: other.user.id,
    })
    await decideCoOwnership(db, {
      initiativeId: id,
      organisationId: other.org.id,
      userId: host.user.id,
      accept: true,
      reason: null,
    })
    await setInitiativeLink(db, {
      table: 'calls',
      id: foreignCall.id,
      userId: other.user.id,
      initiativeId: id,
    })
    const member = await createMemberOf(db, host.org.id)
    // Another organisation's call is not found for a member of the owner.
    await expect(
      setInitiativeLink(db, {
        table: 'calls',
        id: foreignCall.id,
        userId: member.id,
        initiativeId: null,
      }),
    ).rejects.toMatchObject({ code: 'not_found' })
  })
})
