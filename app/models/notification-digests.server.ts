import { TZDate } from '@date-fns/tz'
import type { DB } from '#db/connection'
import type { DigestPeriod, NotificationChannel } from '#db/schema'
import { TIME_ZONE } from '~/i18n/locales'
import { now } from '~/utils/clock.server'
import { queueNotificationMail } from './notification-mail.server'
import { describeUpdates } from './update-items.server'
import { inTransaction } from './initiatives.server'

// Digests and deadline reminders, run by the scheduler (decision record 035).
//
// A digest goes out once per person, kind and period, at 07:00 Stockholm time (Mondays for the
// weekly one). Each is one transaction: the digest row (UNIQUE per person, kind, period and period
// start), its mail in the outbox and the marks on its notifications commit together or not at all,
// so a run that stops half-way and starts again sends nothing twice and leaves nothing out.

const SEND_HOUR = 7
const DAY = 24 * 60 * 60

/**
 * The digest period at `at`: its start (midnight, or Monday's) and its send time (07:00 that day),
 * or null before the send time. A digest holds what arrived before its send time; what arrives
 * later waits for the next one.
 */
export function digestPeriod(
  period: DigestPeriod,
  at: number,
): { start: number; sendAt: number } | null {
  const local = new TZDate(at * 1000, TIME_ZONE)
  const midnight = new TZDate(
    local.getFullYear(),
    local.getMonth(),
    local.getDate(),
    0,
    0,
    0,
    TIME_ZONE,
  )
  let start = Math.floor(midnight.getTime() / 1000)
  if (period === 'weekly') {
    const sinceMonday = (local.getDay() + 6) % 7
    const monday = new TZDate(
      local.getFullYear(),
      local.getMonth(),
      local.getDate() - sinceMonday,
      0,
      0,
      0,
      TIME_ZONE,
    )
    start = Math.floor(monday.getTime() / 1000)
  }
  const send = new TZDate(start * 1000, TIME_ZONE)
  send.setHours(SEND_HOUR)
  const sendAt = Math.floor(send.getTime() / 1000)
  return at >= sendAt ? { start, sendAt } : null
}

export interface DigestRun {
  digests: number
  notifications: number
}

/** Sends every digest that is due at `at` (default: now). Safe to run at any time, any number of times. */
export async function sendDueDigests(db: DB, at = now(), batch = 200): Promise<DigestRun> {
  const run: DigestRun = { digests: 0, notifications: 0 }
  for (const period of ['daily', 'weekly'] as const) {
    const current = digestPeriod(period, at)
    if (current === null) continue
    const { start, sendAt } = current
    const due = await db
      .selectFrom('notifications')
      .select(['user_id', 'channel'])
      .distinct()
      .where('mail', '=', period)
      .where('mailed_at', 'is', null)
      .where('created_at', '<', sendAt)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('notification_digests as d')
              .select('d.id')
              .whereRef('d.user_id', '=', 'notifications.user_id')
              .whereRef('d.channel', '=', 'notifications.channel')
              .where('d.period', '=', period)
              .where('d.period_start', '=', start),
          ),
        ),
      )
      .limit(batch)
      .execute()
    for (const { user_id, channel } of due) {
      const sent = await sendDigest(db, user_id, channel, period, start, sendAt)
      if (sent > 0) {
        run.digests++
        run.notifications += sent
      }
    }
  }
  return run
}

async function sendDigest(
  db: DB,
  userId: number,
  channel: NotificationChannel,
  period: DigestPeriod,
  start: number,
  sendAt: number,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const done = await tx
      .selectFrom('notification_digests')
      .select('id')
      .where('user_id', '=', userId)
      .where('channel', '=', channel)
      .where('period', '=', period)
      .where('period_start', '=', start)
      .executeTakeFirst()
    if (done) return 0
    const pending = await tx
      .selectFrom('notifications')
      .select(['id', 'update_id'])
      .where('user_id', '=', userId)
      .where('channel', '=', channel)
      .where('mail', '=', period)
      .where('mailed_at', 'is', null)
      .where('created_at', '<', sendAt)
      .orderBy('id')
      .limit(100)
      .execute()
    const user = await tx
      .selectFrom('users')
      .select(['id', 'email', 'locale'])
      .where('id', '=', userId)
      .executeTakeFirst()
    if (!user || pending.length === 0) return 0
    const items = await describeUpdates(
      tx,
      pending.map((p) => p.update_id),
      user.locale,
    )
    const outboxId = await queueNotificationMail(tx, user, channel, items, period)
    const digest = await tx
      .insertInto('notification_digests')
      .values({
        user_id: userId,
        channel,
        period,
        period_start: start,
        outbox_id: outboxId,
        item_count: pending.length,
        created_at: now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await tx
      .updateTable('notifications')
      .set({ mailed_at: now(), outbox_id: outboxId, digest_id: digest.id })
      .where(
        'id',
        'in',
        pending.map((p) => p.id),
      )
      .execute()
    return pending.length
  })
}

/**
 * Writes the deadline reminders that are due: 7 days and 1 day before the tender deadline of a
 * published call and the round deadline of a published test-bed offer. The key names the deadline,
 * so an extended deadline reminds again and a second run writes nothing.
 */
export async function queueDeadlineReminders(db: DB, at = now()): Promise<number> {
  let written = 0
  for (const [days, suffix] of [
    [7, '7d'],
    [1, '1d'],
  ] as const) {
    // The 7-day reminder stops where the 1-day one starts; a deadline already passed has none.
    const from = suffix === '7d' ? at + DAY : at
    const calls = await db
      .selectFrom('calls')
      .select(['id', 'organisation_id', 'tender_deadline as deadline'])
      .where('status', '=', 'published')
      .where('tender_deadline', '>', from)
      .where('tender_deadline', '<=', at + days * DAY)
      .execute()
    const offers = await db
      .selectFrom('test_bed_offers')
      .select(['id', 'organisation_id', 'deadline'])
      .where('status', '=', 'published')
      .where('intake', '=', 'round')
      .where('deadline', '>', from)
      .where('deadline', '<=', at + days * DAY)
      .execute()
    const rows = [
      ...calls.map((c) => ({ ...c, type: 'call' as const })),
      ...offers.map((o) => ({ ...o, type: 'test_bed' as const })),
    ]
    for (const row of rows) {
      const kind = `${row.type}_deadline_${suffix}` as const
      const key = `${kind}:${row.id}:${row.deadline}`
      written += await inTransaction(db, async (tx) => {
        const there = await tx
          .selectFrom('updates')
          .select('id')
          .where('key', '=', key)
          .executeTakeFirst()
        if (there) return 0
        await tx
          .insertInto('updates')
          .values({
            kind,
            subject_type: row.type,
            subject_id: row.id,
            organisation_id: row.organisation_id,
            key,
            created_at: at,
          })
          .execute()
        return 1
      })
    }
  }
  return written
}
