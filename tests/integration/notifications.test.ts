import Database from 'better-sqlite3'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { publishAnswer } from '~/models/call-questions.server'
import { follow } from '~/models/follows.server'
import { queueDeadlineReminders, sendDueDigests } from '~/models/notification-digests.server'
import { fanOutPending } from '~/models/notification-fanout.server'
import { setModes } from '~/models/notification-preferences.server'
import { listNotifications, markAllRead, unreadCount } from '~/models/notifications.server'
import { unsubscribeToken } from '~/models/signed-links.server'
import {
  action as unsubscribeAction,
  loader as unsubscribeLoader,
} from '~/routes/unsubscribe.$token/route'
import { parseStockholmDateTime, toStockholmDateInput } from '~/utils/stockholm-time'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { advanceClock, createBuyer, createCall, resetClock } from '../helpers/call-factories'
import { mailsTo, rawError } from '../helpers/inspect'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { statusOf } from '../helpers/responses'
import { createCompany } from '../helpers/test-bed-factories'

const db = getDb()
const DAY = 86400
let plain: Database.Database

beforeAll(() => {
  plain = new Database(process.env.DATABASE_PATH!)
})
afterAll(() => plain.close())
afterEach(() => resetClock())

async function clarify(call: { id: number }, buyer: { user: { id: number } }, body: string) {
  return publishAnswer(db, {
    callId: call.id,
    userId: buyer.user.id,
    entry: { kind: 'clarification', body },
  })
}

async function notificationsOf(userId: number) {
  return db
    .selectFrom('notifications')
    .innerJoin('updates', 'updates.id', 'notifications.update_id')
    .select(['notifications.id', 'updates.kind', 'notifications.mail', 'notifications.channel'])
    .where('notifications.user_id', '=', userId)
    .orderBy('notifications.id')
    .execute()
}

describe('updates, written by the database', () => {
  test('publishing a call and answering in it write one update each, whatever the code path', async () => {
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer)
    await clarify(call, buyer, 'Anbud lämnas på svenska.')
    const kinds = await db
      .selectFrom('updates')
      .select(['kind', 'legal_event'])
      .where('subject_type', '=', 'call')
      .where('subject_id', '=', call.id)
      .orderBy('id')
      .execute()
    expect(kinds.map((k) => k.kind)).toEqual(['call_published', 'call_answered'])
    expect(kinds[1]?.legal_event).toMatch(/^answer:\d+$/)
  })

  test('an update is never changed or deleted, and REPLACE or UPSERT cannot rewrite it', async () => {
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer)
    const update = await db
      .selectFrom('updates')
      .selectAll()
      .where('key', '=', `call_published:${call.id}`)
      .executeTakeFirstOrThrow()
    const attempts = [
      `UPDATE updates SET kind = 'call_cancelled' WHERE id = ${update.id}`,
      `DELETE FROM updates WHERE id = ${update.id}`,
      `INSERT OR REPLACE INTO updates (id, kind, subject_type, subject_id, organisation_id, key, created_at)
        VALUES (${update.id}, 'call_cancelled', 'call', ${call.id}, ${update.organisation_id}, 'x:${update.id}', 1)`,
      `REPLACE INTO updates (kind, subject_type, subject_id, organisation_id, key, created_at)
        VALUES ('call_cancelled', 'call', ${call.id}, ${update.organisation_id}, '${update.key}', 1)`,
      `INSERT INTO updates (kind, subject_type, subject_id, organisation_id, key, created_at)
        VALUES ('call_cancelled', 'call', ${call.id}, ${update.organisation_id}, '${update.key}', 1)
        ON CONFLICT (key) DO UPDATE SET fanned_out_at = NULL`,
    ]
    for (const statement of attempts) {
      expect(() => plain.prepare(statement).run()).toThrow(/testarena:/)
    }
    await fanOutPending(db)
    expect(() =>
      plain.prepare(`UPDATE updates SET fanned_out_at = NULL WHERE id = ${update.id}`).run(),
    ).toThrow(/update_fixed/)
  })
})

describe('fan-out', () => {
  test('one notification per person however many follows match; immediate mail with HTML and one-click unsubscribe', async () => {
    const buyer = await createBuyer(db)
    const company = await createCompany(db)
    await follow(db, {
      userId: company.user.id,
      target: { type: 'organisation', id: buyer.org.id },
    })
    const { call } = await createCall(db, buyer, { title: 'Nattillsyn <script>alert(1)</script>' })
    await follow(db, { userId: company.user.id, target: { type: 'call', id: call.id } })
    await fanOutPending(db)
    await fanOutPending(db)
    // New call from a followed organisation: daily by default.
    expect((await notificationsOf(company.user.id)).map((n) => [n.kind, n.mail])).toEqual([
      ['call_published', 'daily'],
    ])
    advanceClock(60)
    await clarify(call, buyer, 'Anbud lämnas på svenska.')
    await fanOutPending(db)
    await fanOutPending(db)
    const rows = await notificationsOf(company.user.id)
    expect(rows.map((n) => [n.kind, n.mail])).toEqual([
      ['call_published', 'daily'],
      ['call_answered', 'immediate'],
    ])
    const [mail] = await mailsTo(db, company.user.email, 'notification')
    expect(mail?.subject).toBe('Nytt svar på en fråga: Nattillsyn <script>alert(1)</script>')
    expect(mail?.text_body).toContain(`/calls/${call.id}`)
    expect(mail?.html_body).toContain('Nattillsyn &lt;script&gt;alert(1)&lt;/script&gt;')
    expect(mail?.html_body).not.toContain('<script>')
    expect(mail?.list_unsubscribe).toMatch(/\/unsubscribe\/u\d+\.changes\.[A-Za-z0-9_-]{32}$/)
    expect(mail?.text_body).toContain(mail?.list_unsubscribe)
    // The buyer's own members are not told of their own call.
    expect(await notificationsOf(buyer.user.id)).toEqual([])
    expect(await unreadCount(db, company.user.id)).toBe(2)
    const list = await listNotifications(db, company.user.id, 'sv')
    expect(list.rows.map((r) => r.title)).toEqual([call.title, call.title])
    await markAllRead(db, company.user.id)
    expect(await unreadCount(db, company.user.id)).toBe(0)
  })

  test('a follow made after the update does not hear of it', async () => {
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer)
    const company = await createCompany(db)
    advanceClock(60)
    await follow(db, { userId: company.user.id, target: { type: 'call', id: call.id } })
    await fanOutPending(db)
    expect(await notificationsOf(company.user.id)).toEqual([])
  })

  test('a second notification for the same person and update is refused by the database', async () => {
    const buyer = await createBuyer(db)
    const company = await createCompany(db)
    await follow(db, {
      userId: company.user.id,
      target: { type: 'organisation', id: buyer.org.id },
    })
    await createCall(db, buyer)
    await fanOutPending(db)
    const [row] = await db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', company.user.id)
      .execute()
    const columns = `user_id, update_id, channel, reason, mail, created_at`
    const values = `${row!.user_id}, ${row!.update_id}, 'changes', 'follow:x:1', 'off', 1`
    for (const statement of [
      `INSERT INTO notifications (${columns}) VALUES (${values})`,
      `INSERT OR REPLACE INTO notifications (${columns}) VALUES (${values})`,
      `INSERT INTO notifications (${columns}) VALUES (${values}) ON CONFLICT DO UPDATE SET read_at = NULL`,
    ]) {
      expect(() => plain.prepare(statement).run()).toThrow(/testarena:row_exists|UNIQUE/)
    }
    plain.prepare(`UPDATE notifications SET read_at = 5 WHERE id = ${row!.id}`).run()
    expect(() =>
      plain.prepare(`UPDATE notifications SET read_at = NULL WHERE id = ${row!.id}`).run(),
    ).toThrow(/notification_fixed/)
    expect(() => plain.prepare(`DELETE FROM notifications WHERE id = ${row!.id}`).run()).toThrow(
      /notification_fixed/,
    )
  })

  test('only what the public sees can be followed (app and database)', async () => {
    const buyer = await createBuyer(db)
    const { call: draft } = await createCall(db, buyer, { status: 'draft' })
    const company = await createCompany(db)
    await expect(
      follow(db, { userId: company.user.id, target: { type: 'call', id: draft.id } }),
    ).rejects.toThrow('not_found')
    for (const [type, id] of [
      ['call', draft.id],
      ['organisation', 999_999],
      ['agenda', 999_999],
      ['initiative', 999_999],
      ['test_bed', 999_999],
    ] as const) {
      expect(
        await rawError(() =>
          db
            .insertInto('follows')
            .values({
              user_id: company.user.id,
              target_type: type,
              target_id: id,
              created_at: now(),
            })
            .execute(),
        ),
      ).toMatch('testarena:follow_target_not_found')
    }
  })
})

describe('digests', () => {
  const morning = (day: number, time = '07:05') =>
    parseStockholmDateTime(`${toStockholmDateInput(now() + day * DAY)}T${time}`)!

  test('a digest goes once per person, kind and day; a second run and a rolled-back run send nothing twice', async () => {
    const buyer = await createBuyer(db)
    const readers = [await createCompany(db), await createCompany(db)]
    for (const reader of readers) {
      await follow(db, {
        userId: reader.user.id,
        target: { type: 'organisation', id: buyer.org.id },
      })
    }
    await createCall(db, buyer, { title: 'Digital nattillsyn' })
    await createCall(db, buyer, { title: 'Sensorer i trapphus' })
    await fanOutPending(db)
    const sendAt = morning(1)
    const digestsOf = () =>
      db
        .selectFrom('notification_digests')
        .selectAll()
        .where(
          'user_id',
          'in',
          readers.map((r) => r.user.id),
        )
        .execute()
    // Before 07:00 nothing is due.
    await sendDueDigests(db, morning(1, '06:30'))
    expect(await digestsOf()).toEqual([])
    // A run that fails half-way leaves nothing behind.
    await expect(
      db.transaction().execute(async (tx) => {
        await sendDueDigests(tx, sendAt, 1)
        throw new Error('the server stopped')
      }),
    ).rejects.toThrow('the server stopped')
    expect(await digestsOf()).toEqual([])
    // A few at a time (as if the process restarted in between), then a run with nothing left.
    while ((await sendDueDigests(db, sendAt, 1)).digests > 0) {
      // The demo marketplace's own digests go too.
    }
    expect(await digestsOf()).toHaveLength(2)
    expect(await sendDueDigests(db, sendAt)).toEqual({ digests: 0, notifications: 0 })
    expect(await sendDueDigests(db, sendAt + 3600)).toEqual({ digests: 0, notifications: 0 })
    for (const reader of readers) {
      const mails = await mailsTo(db, reader.user.email, 'notification_digest')
      expect(mails).toHaveLength(1)
      expect(mails[0]?.subject).toBe('Testarena: dagens sammandrag (2)')
      expect(mails[0]?.text_body).toContain('Digital nattillsyn')
      expect(mails[0]?.html_body).toContain('Sensorer i trapphus')
      expect(mails[0]?.list_unsubscribe).toMatch(/\.new_items\./)
    }
    const [digest] = await digestsOf()
    expect(() =>
      plain
        .prepare(`UPDATE notification_digests SET item_count = 9 WHERE id = ${digest!.id}`)
        .run(),
    ).toThrow(/digest_fixed/)
    expect(() =>
      plain.prepare(`DELETE FROM notification_digests WHERE id = ${digest!.id}`).run(),
    ).toThrow(/digest_fixed/)
    expect(() =>
      plain
        .prepare(
          `INSERT OR REPLACE INTO notification_digests (user_id, channel, period, period_start, outbox_id, item_count, created_at)
           VALUES (${digest!.user_id}, '${digest!.channel}', 'daily', ${digest!.period_start}, ${digest!.outbox_id}, 1, 1)`,
        )
        .run(),
    ).toThrow(/row_exists/)
  })

  test('weekly readers get Monday’s digest; immediate ones none', async () => {
    const buyer = await createBuyer(db)
    const reader = await createCompany(db)
    await setModes(db, { userId: reader.user.id, modes: { new_items: 'weekly' } })
    await follow(db, { userId: reader.user.id, target: { type: 'organisation', id: buyer.org.id } })
    await createCall(db, buyer)
    await fanOutPending(db)
    let day = 1
    while (new Date(morning(day) * 1000).getUTCDay() !== 1) day++
    // Sent on no other day than Monday, and then once.
    await sendDueDigests(db, morning(day - 1))
    expect(await mailsTo(db, reader.user.email, 'notification_digest')).toEqual([])
    await sendDueDigests(db, morning(day))
    await sendDueDigests(db, morning(day, '18:00'))
    const mails = await mailsTo(db, reader.user.email, 'notification_digest')
    expect(mails.map((m) => m.subject)).toEqual(['Testarena: veckans sammandrag (1)'])
  })
})

describe('deadline reminders', () => {
  test('7 days and 1 day before the tender deadline, each once; an extended deadline reminds again', async () => {
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer, { tenderDeadlineIn: 40 * DAY })
    const reader = await createCompany(db)
    await follow(db, { userId: reader.user.id, target: { type: 'call', id: call.id } })
    const kinds = async () =>
      (
        await db
          .selectFrom('updates')
          .select('kind')
          .where('subject_id', '=', call.id)
          .where('kind', 'in', ['call_deadline_7d', 'call_deadline_1d'])
          .orderBy('id')
          .execute()
      ).map((r) => r.kind)
    expect(await queueDeadlineReminders(db, now() + 30 * DAY)).toBe(0)
    expect(await queueDeadlineReminders(db, now() + 34 * DAY)).toBeGreaterThanOrEqual(1)
    expect(await queueDeadlineReminders(db, now() + 35 * DAY)).toBe(0)
    expect(await queueDeadlineReminders(db, now() + 39.5 * DAY)).toBeGreaterThanOrEqual(1)
    expect(await kinds()).toEqual(['call_deadline_7d', 'call_deadline_1d'])
    advanceClock(39.5 * DAY)
    await fanOutPending(db)
    const rows = await notificationsOf(reader.user.id)
    expect(rows.filter((r) => r.channel === 'deadlines').map((r) => r.kind)).toEqual([
      'call_deadline_7d',
      'call_deadline_1d',
    ])
  })
})

describe('unsubscribe', () => {
  const get = (token: string) =>
    run(() => unsubscribeLoader(loaderArgs(getRequest(`/unsubscribe/${token}`), { token })))
  const post = (token: string, fields: Record<string, string> = {}) =>
    run(() =>
      unsubscribeAction(actionArgs(formRequest(`/unsubscribe/${token}`, fields), { token })),
    )

  test('the signed link asks first, then stops that kind of mail, logged out; RFC 8058 one-click works', async () => {
    const reader = await createCompany(db)
    const token = unsubscribeToken(reader.user.id, 'changes')
    expect(statusOf(await get(token))).toBe(200)
    const modes = () =>
      db
        .selectFrom('notification_preferences')
        .select(['channel', 'mode'])
        .where('user_id', '=', reader.user.id)
        .execute()
    expect(await modes()).toEqual([])
    expect(statusOf(await post(token, { 'List-Unsubscribe': 'One-Click' }))).toBe(200)
    expect(await modes()).toEqual([{ channel: 'changes', mode: 'off' }])
    // Again: still fine, still off.
    expect(statusOf(await post(token))).toBe(200)
    expect(await modes()).toEqual([{ channel: 'changes', mode: 'off' }])
  })

  test('a forged, cut or foreign token is a 400, never a 500, and changes nothing', async () => {
    const reader = await createCompany(db)
    const other = await createCompany(db)
    const real = unsubscribeToken(reader.user.id, 'changes')
    const forged = [
      real.slice(0, -1),
      real.replace(`u${reader.user.id}.`, `u${other.user.id}.`),
      real.replace('.changes.', '.searches.'),
      'u1.changes.' + 'A'.repeat(32),
      'nonsense',
      '%00',
      'x'.repeat(5000),
    ]
    for (const token of forged) {
      expect(statusOf(await get(token))).toBe(400)
      expect(statusOf(await post(token))).toBe(400)
    }
    expect(
      await db
        .selectFrom('notification_preferences')
        .selectAll()
        .where('user_id', 'in', [reader.user.id, other.user.id])
        .execute(),
    ).toEqual([])
  })
})
