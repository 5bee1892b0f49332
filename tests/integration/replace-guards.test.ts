import Database from 'better-sqlite3'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seed } from '~/seed'
import { writeAnchor } from '~/models/audit-anchors.server'
import { createInvitation } from '~/models/invitations.server'
import { postPilotMessage } from '~/models/pilots.server'
import { requestReferenceCall } from '~/models/reference-call-requests.server'
import { signUp } from '~/models/signup.server'
import { now } from '~/utils/clock.server'
import { requestPasswordReset } from '~/models/users.server'
import { getDb } from '~/utils/db.server'
import { createCall } from '../helpers/call-factories'
import { TEST_PASSWORD } from '../helpers/factories'
import { FROZEN, type FrozenAttack } from '../helpers/frozen-attacks'

// Issue 13: a write that resolves a conflict (REPLACE in any spelling, UPSERT, UPDATE OR REPLACE)
// must not undo frozen state. Every attack runs on the seeded demo marketplace, through a plain
// connection (no recursive_triggers, no foreign keys: a sqlite3 shell) and through the app's.
// Data-driven: a table is either guarded or named below as holding nothing frozen, so a new table
// without a rule fails the first test.

const EXEMPT: Record<string, string> = {
  counties: 'reference data, written only by migrations',
  municipalities: 'reference data, written only by migrations',
  sectors: 'reference data, written only by migrations',
  themes: 'reference data, written only by migrations',
  cpv_codes: 'reference data, written only by migrations',
  sessions: 'login sessions: replaceable by design, nothing frozen',
  follows:
    'what a person follows: a preference, nothing frozen (a trigger checks the target on every insert)',
  notification_preferences: 'a person’s own delivery choices, edited freely',
  calendar_tokens: 'a person’s own secret calendar address: replaced and revoked at will',
  saved_search_feed_tokens: 'a saved search’s secret feed address: replaced and revoked at will',
  call_downloads: 'first download per user: a mailing list, nothing frozen',
  call_notifications: 'which mail went out once: deduplication, nothing frozen',
  call_outcome_reminders: 'reminder bookkeeping, upserted by the hourly job',
  organisation_sectors: 'a company profile field, edited freely',
  reference_call_request_mails: 'links an erasable request to its mail, nothing frozen',
  initiative_themes: 'an initiative’s targets: edited freely by its owners, nothing frozen',
  initiative_cpv_codes: 'an initiative’s targets: edited freely by its owners, nothing frozen',
  initiative_size_classes: 'an initiative’s targets: edited freely by its owners, nothing frozen',
  initiative_sectors: 'an initiative’s targets: edited freely by its owners, nothing frozen',
  initiative_counties: 'an initiative’s targets: edited freely by its owners, nothing frozen',
  initiative_municipalities: 'an initiative’s targets: edited freely by its owners, nothing frozen',
  company_contact_settings:
    'a company’s own sharing choice and preference, edited freely by its members',
  company_outreach_settings:
    'a company’s own opt-out of outreach, edited freely by its members (each change in status_log)',
  company_theme_interests:
    'a company’s own theme interests, edited freely by its members: every write, REPLACE and UPSERT included, passes the member check of its insert and update triggers',
  saved_search_themes: 'a saved search’s criteria: edited freely by its owner, nothing frozen',
  saved_search_cpv_codes: 'a saved search’s criteria: edited freely by its owner, nothing frozen',
  saved_search_terms: 'a saved search’s criteria: edited freely by its owner, nothing frozen',
  search_documents:
    'the search index (decision 036): derived from the public rows by triggers, holds nothing frozen',
  kysely_migration: 'the migrator’s own bookkeeping',
  kysely_migration_lock: 'the migrator’s own bookkeeping',
  marketplace_counts: 'the home page figures (decision 045): derived by triggers, nothing frozen',
}
const isDerived = (name: string) => /_fts(_|$)/.test(name) || name.startsWith('sqlite_')

const db = getDb()
const path = process.env.DATABASE_PATH!
let plain: Database.Database

beforeAll(async () => {
  await seed(db)
  // Rows for two tables the seed leaves empty, written through the app: a reset and its mail.
  await requestPasswordReset(db, 'sara.berg@nattugglan.test', 'http://localhost:3000')
  // And an anchor of the audit log, as the server writes daily.
  await writeAnchor(db, { logFile: null })
  // And a message held by the quiet period: Anna writes in Nattugglan's running pilot while
  // Nattugglan bids in Region Norrbotten's fall-prevention call.
  const anna = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'anna.lindqvist@norrbotten.test')
    .executeTakeFirstOrThrow()
  const pilot = await db
    .selectFrom('pilots')
    .select('id')
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow()
  await postPilotMessage(db, { pilotId: pilot.id, userId: anna.id, body: 'Hur går det?' })
  // And a row in each guarded table the demo leaves empty, so the conflict attacks reach them: a
  // pending sign-up, an open invitation, a request for a reference call, a draft call's document.
  await signUp(
    db,
    { email: 'ny.person@example.test', name: 'Ny Person', password: TEST_PASSWORD, locale: 'sv' },
    { origin: 'http://localhost:3000' },
  )
  const norrbotten = await db
    .selectFrom('organisations')
    .select('id')
    .where('slug', '=', 'region-norrbotten')
    .executeTakeFirstOrThrow()
  await createInvitation(db, {
    organisationId: norrbotten.id,
    inviter: { id: anna.id, name: 'Anna Lindqvist' },
    email: 'kollega@norrbotten.test',
    role: 'member',
    locale: 'sv',
  })
  const takesCalls = await db
    .selectFrom('reference_cases')
    .select('id')
    .where('status', '=', 'published')
    .where('takes_reference_calls', '=', 1)
    .executeTakeFirstOrThrow()
  await requestReferenceCall(db, {
    referenceId: takesCalls.id,
    name: 'Karin Ek',
    email: 'karin.ek@example.test',
    organisation: 'Region Gävleborg',
    country: null,
    message: 'Vi vill gärna höra hur piloten gick för personalen.',
    locale: 'sv',
  })
  const { call } = await createCall(db, { org: norrbotten, user: anna }, { status: 'draft' })
  await db
    .insertInto('call_documents')
    .values({
      call_id: call.id,
      title: 'Kravspecifikation',
      file_name: 'krav.pdf',
      content_type: 'application/pdf',
      extension: 'pdf',
      size: 1234,
      sha256: 'a'.repeat(64),
      uploaded_by: anna.id,
      created_at: now(),
    })
    .execute()
  plain = new Database(path)
  // As a sqlite3 shell opens it: better-sqlite3 turns foreign keys on by default.
  plain.pragma('foreign_keys = OFF')
})
afterAll(() => plain.close())

interface TableInfo {
  name: string
  columns: string[]
  pk: string[]
}

function tables(): TableInfo[] {
  const names = plain
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .pluck()
    .all() as string[]
  return names
    .filter((n) => !isDerived(n))
    .map((name) => {
      const info = plain.prepare(`SELECT name, pk FROM pragma_table_info(?)`).all(name) as Array<{
        name: string
        pk: number
      }>
      return {
        name,
        columns: info.map((c) => c.name),
        pk: info
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name),
      }
    })
}

const guarded = () =>
  tables().filter((t) => {
    const trigger = plain
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?`)
      .get(`${t.name}_no_conflict_insert_1`)
    return Boolean(trigger)
  })

const snapshot = (conn: Database.Database, t: TableInfo) =>
  JSON.stringify(
    conn
      .prepare(`SELECT * FROM ${t.name} ORDER BY ${t.pk.join(', ')}`)
      .raw()
      .all(),
  )

function attacks(t: TableInfo): string[] {
  const last = t.columns[t.columns.length - 1]!
  const first = `SELECT * FROM ${t.name} WHERE true ORDER BY ${t.pk.join(', ')} LIMIT 1`
  return [
    `INSERT OR REPLACE INTO ${t.name} ${first}`,
    `REPLACE INTO ${t.name} ${first}`,
    `INSERT INTO ${t.name} ${first} ON CONFLICT DO UPDATE SET ${last} = excluded.${last}`,
    `INSERT INTO ${t.name} ${first} ON CONFLICT DO NOTHING`,
  ]
}

/** Moves the last row onto the first row's primary key, replacing it if the database let it. */
function updateOrReplace(conn: Database.Database, t: TableInfo) {
  const order = t.pk.join(', ')
  const firstRow = conn
    .prepare(`SELECT ${order} FROM ${t.name} ORDER BY ${order} LIMIT 1`)
    .raw()
    .get() as unknown[]
  const lastRow = conn
    .prepare(`SELECT ${order} FROM ${t.name} ORDER BY ${order} DESC LIMIT 1`)
    .raw()
    .get() as unknown[]
  conn
    .prepare(
      `UPDATE OR REPLACE ${t.name} SET ${t.pk.map((c) => `${c} = ?`).join(', ')}
       WHERE ${t.pk.map((c) => `${c} = ?`).join(' AND ')}`,
    )
    .run(...firstRow, ...lastRow)
}

test('every table holds nothing frozen by name, or refuses conflicting writes', () => {
  const unclassified = tables()
    .map((t) => t.name)
    .filter((name) => !(name in EXEMPT) && !guarded().some((g) => g.name === name))
  expect(unclassified).toEqual([])
  // And no exempt table is named for nothing.
  const names = new Set(tables().map((t) => t.name))
  expect(Object.keys(EXEMPT).filter((name) => !names.has(name))).toEqual([])
})

describe.each([
  ['a plain connection', () => plain],
  [
    'the app’s connection',
    () => {
      const conn = new Database(path)
      conn.pragma('recursive_triggers = ON')
      conn.pragma('foreign_keys = ON')
      return conn
    },
  ],
])('through %s', (_label, connect) => {
  test('REPLACE, INSERT OR REPLACE and UPSERT of an existing row are refused on every guarded table', () => {
    const conn = connect()
    const empty: string[] = []
    for (const t of guarded()) {
      if (!conn.prepare(`SELECT 1 FROM ${t.name} LIMIT 1`).get()) {
        empty.push(t.name)
        continue
      }
      const before = snapshot(conn, t)
      for (const statement of attacks(t)) {
        expect(() => conn.prepare(statement).run(), statement).toThrow(/testarena:row_exists/)
      }
      if (t.pk.length) {
        const rows = conn.prepare(`SELECT count(*) FROM ${t.name}`).pluck().get() as number
        if (rows > 1) {
          expect(() => updateOrReplace(conn, t), `UPDATE OR REPLACE ${t.name}`).toThrow(
            /testarena:/,
          )
        }
      }
      expect(snapshot(conn, t), t.name).toBe(before)
    }
    // A tampered bid's refusal record: tests/integration/bid-seal-keys.test.ts makes one and
    // attacks it the same way.
    expect(empty).toEqual(['bid_seal_failures'])
    if (conn !== plain) conn.close()
  })
})

describe('UPDATE and DELETE of frozen rows, table by table, through a plain connection', () => {
  test('every guarded table has its attacks, or says why it has none', () => {
    const missing = guarded()
      .map((t) => t.name)
      .filter((name) => !(name in FROZEN))
    expect(missing).toEqual([])
  })

  test.each(Object.entries(FROZEN).filter(([, a]) => typeof a !== 'string'))(
    '%s',
    (table, attack) => {
      const a = attack as FrozenAttack
      const where = a.where ? ` WHERE ${a.where}` : ''
      if (a.prepare) plain.prepare(a.prepare).run()
      const t = tables().find((x) => x.name === table)!
      const before = snapshot(plain, t)
      expect(plain.prepare(`SELECT count(*) FROM ${table}${where}`).pluck().get()).toBeGreaterThan(
        0,
      )
      if (a.update) {
        expect(() => plain.prepare(`UPDATE ${table} SET ${a.update}${where}`).run()).toThrow(
          a.updateError!,
        )
      }
      if (typeof a.deleteError !== 'string') {
        expect(() => plain.prepare(`DELETE FROM ${table}${where}`).run()).toThrow(a.deleteError)
      }
      expect(snapshot(plain, t)).toBe(before)
    },
  )
})

describe('the attacks of issue 13, by name, through a plain connection', () => {
  const raw =
    (statement: string, ...params: unknown[]) =>
    () =>
      plain.prepare(statement).run(...params)
  const one = <T>(statement: string, ...params: unknown[]) =>
    plain.prepare(statement).get(...params) as T

  test('a company cannot replace a rival’s submitted bid with its own draft', () => {
    const rival = one<{ id: number; call_id: number }>(
      `SELECT id, call_id FROM bids WHERE status = 'submitted' ORDER BY id LIMIT 1`,
    )
    expect(
      raw(
        `INSERT OR REPLACE INTO bids (id, call_id, company_id, status, created_by, updated_by, created_at, updated_at)
         SELECT ?, call_id, 7, 'draft', 8, 8, unixepoch(), unixepoch() FROM bids WHERE id = ?`,
        rival.id,
        rival.id,
      ),
    ).toThrow(/testarena:/)
    expect(one<{ status: string }>(`SELECT status FROM bids WHERE id = ?`, rival.id).status).toBe(
      'submitted',
    )
  })

  test('a published call with bids cannot go back to draft by REPLACE', () => {
    const call = one<{ id: number }>(
      `SELECT c.id FROM calls c WHERE c.status = 'published' AND EXISTS (SELECT 1 FROM bids WHERE call_id = c.id)`,
    )
    expect(
      raw(
        `REPLACE INTO calls SELECT * FROM calls WHERE id = ?`.replace(
          'SELECT *',
          `SELECT ${callColumnsWithDraft()}`,
        ),
        call.id,
      ),
    ).toThrow(/testarena:row_exists/)
  })

  test('a host cannot score a sealed round’s application before the deadline', () => {
    const application = one<{ id: number; criterion: number; host_user: number }>(
      `SELECT a.id, c.id AS criterion, m.user_id AS host_user FROM pilot_applications a
       JOIN test_bed_offers o ON o.id = a.offer_id AND o.intake = 'round' AND o.deadline > unixepoch()
       JOIN test_bed_criteria c ON c.offer_id = o.id AND c.kind = 'score'
       JOIN memberships m ON m.organisation_id = o.organisation_id
       WHERE a.status = 'submitted' LIMIT 1`,
    )
    expect(
      raw(
        `INSERT INTO pilot_application_scores (application_id, criterion_id, score, scored_by, scored_at)
         VALUES (?, ?, 5, ?, unixepoch())`,
        application.id,
        application.criterion,
        application.host_user,
      ),
    ).toThrow(/testarena:round_still_open/)
  })

  test('a published round’s eligibility is fixed once applications are in', () => {
    const offer = one<{ id: number }>(
      `SELECT o.id FROM test_bed_offers o WHERE o.intake = 'round' AND o.status = 'published'
       AND EXISTS (SELECT 1 FROM pilot_applications WHERE offer_id = o.id AND status = 'submitted')`,
    )
    for (const change of [
      'trl_min = trl_min + 1',
      'requires_ce_marking = 1 - requires_ce_marking',
      'requires_dpia = 1 - requires_dpia',
      'requires_insurance = 1 - requires_insurance',
    ]) {
      expect(raw(`UPDATE test_bed_offers SET ${change} WHERE id = ?`, offer.id), change).toThrow(
        /testarena:(eligibility_frozen|not_host_member)/,
      )
    }
  })

  test('no pilot thread between a buyer and a bidder carries a message while the call runs', () => {
    // Nattugglan's running pilot with Region Norrbotten is not linked to Norrbotten's fall
    // prevention call, in which Nattugglan bids: the message is kept but held, not refused (a
    // refusal would tell the buyer who bids before the opening).
    const pilot = one<{ id: number; host_id: number; user_id: number }>(
      `SELECT p.id, p.host_id, m.user_id FROM pilots p
       JOIN memberships m ON m.organisation_id = p.host_id
       WHERE p.status = 'active' AND NOT EXISTS (SELECT 1 FROM call_links WHERE pilot_id = p.id)
         AND EXISTS (SELECT 1 FROM calls c JOIN bids b ON b.call_id = c.id
           WHERE c.organisation_id = p.host_id AND b.company_id = p.company_id
             AND c.status IN ('published', 'opened', 'evaluated'))`,
    )
    const { lastInsertRowid } = plain
      .prepare(
        `INSERT INTO pilot_messages (pilot_id, organisation_id, author_id, body, created_at)
         VALUES (?, ?, ?, 'Ring mig om upphandlingen', unixepoch())`,
      )
      .run(pilot.id, pilot.host_id, pilot.user_id)
    expect(
      one<{ held: number }>(`SELECT held FROM pilot_messages_visible WHERE id = ?`, lastInsertRowid)
        .held,
    ).toBe(1)
    // The hold cannot be lifted by hand.
    expect(raw(`DELETE FROM pilot_message_holds WHERE message_id = ?`, lastInsertRowid)).toThrow(
      /testarena:messages_append_only/,
    )
    expect(
      raw(`UPDATE pilot_message_holds SET call_id = 1 WHERE message_id = ?`, lastInsertRowid),
    ).toThrow(/testarena:messages_append_only/)
  })

  test('a bidder’s employee cannot silently join the buyer of an open call', () => {
    // Johan (Polarsensor) while Polarsensor bids in Region Norrbotten's open partnership.
    const johan = one<{ id: number }>(
      `SELECT id FROM users WHERE email = 'johan.lundberg@polarsensor.test'`,
    )
    expect(
      raw(
        `INSERT INTO memberships (organisation_id, user_id, role, created_at) VALUES (1, ?, 'member', unixepoch())`,
        johan.id,
      ),
    ).toThrow(/testarena:member_of_bidder/)
  })

  test('cancelling a call by a plain UPDATE leaves a status row written by the database', async () => {
    const call = one<{ id: number; updated_by: number }>(
      `SELECT id, updated_by FROM calls WHERE status = 'published' ORDER BY id DESC LIMIT 1`,
    )
    plain
      .prepare(
        `UPDATE calls SET status = 'cancelled', decided_at = unixepoch(), decided_by = updated_by,
         outcome_reason = 'Behovet har förändrats i grunden.' WHERE id = ?`,
      )
      .run(call.id)
    const rows = await sql<{ from_status: string; to_status: string; actor_user_id: number }>`
      SELECT from_status, to_status, actor_user_id FROM status_log
      WHERE entity_type = 'calls' AND entity_id = ${call.id} ORDER BY id DESC LIMIT 1`.execute(db)
    expect(rows.rows[0]).toEqual({
      from_status: 'published',
      to_status: 'cancelled',
      actor_user_id: call.updated_by,
    })
    expect(raw(`UPDATE status_log SET to_status = 'published'`)).toThrow(
      /testarena:status_log_append_only/,
    )
    expect(raw(`DELETE FROM status_log`)).toThrow(/testarena:status_log_append_only/)
  })

  test('".........." is not a reason', () => {
    const call = one<{ id: number }>(
      `SELECT id FROM calls WHERE status = 'published' ORDER BY id LIMIT 1`,
    )
    expect(
      raw(
        `UPDATE calls SET status = 'cancelled', decided_at = unixepoch(), decided_by = updated_by,
         outcome_reason = '..........' WHERE id = ?`,
        call.id,
      ),
    ).toThrow(/testarena:reason_not_meaningful/)
  })

  test('an organisation is never deleted, even with foreign keys off', () => {
    expect(raw(`DELETE FROM organisations WHERE id = 3`)).toThrow(
      /testarena:organisation_permanent/,
    )
  })

  test('verification is stamped now, never 0', () => {
    expect(raw(`UPDATE organisations SET verified_at = 0 WHERE verified_at IS NOT NULL`)).toThrow(
      /testarena:timestamp_implausible/,
    )
  })
})

/** The call's columns as a SELECT list, with its status set back to draft. */
function callColumnsWithDraft(): string {
  const columns = plain
    .prepare(`SELECT name FROM pragma_table_info('calls')`)
    .pluck()
    .all() as string[]
  return columns.map((c) => (c === 'status' ? `'draft' AS status` : c)).join(', ')
}
