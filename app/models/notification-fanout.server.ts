import type { DB } from '#db/connection'
import type { DeliveryMode, NotificationChannel, NotificationMail, Update } from '#db/schema'
import { now } from '~/utils/clock.server'
import { type Recipient, queueNotificationMail } from './notification-mail.server'
import { modesOf } from './notification-preferences.server'
import { matchSavedSearches } from './saved-search-matching.server'
import type { Locale } from '~/i18n/locales'
import { channelOf, describeUpdates, type UpdateItem } from './update-items.server'
import { inTransaction } from './initiatives.server'

// The fan-out (decision record 035): outside the request that made an update, one transaction per
// update finds everyone it concerns — followers of the subject, of the organisation, of the
// initiative, of an agenda the initiative serves, and the owners of matching saved searches —
// writes one notification per person (the UNIQUE key makes a second one impossible), mails those
// who chose "immediately", and marks the update fanned out. A crash before the commit leaves the
// update pending; after it, nothing is repeated.

interface Audience {
  userId: number
  channel: NotificationChannel
  reason: string
}

const NEW_ITEM_KINDS = {
  call_published: 'call',
  test_bed_published: 'test_bed',
  initiative_created: 'initiative',
} as const

/** Who followed the target before the update happened. */
async function followersOf(db: DB, type: string, id: number, before: number) {
  return db
    .selectFrom('follows')
    .select('user_id')
    .where('target_type', '=', type as never)
    .where('target_id', '=', id)
    .where('created_at', '<=', before)
    .execute()
}

/** The initiative a new item belongs to, if any. */
async function initiativeOf(db: DB, update: Update): Promise<number | null> {
  const table =
    update.subject_type === 'call'
      ? 'calls'
      : update.subject_type === 'test_bed'
        ? 'test_bed_offers'
        : update.subject_type === 'event'
          ? 'events'
          : null
  if (update.subject_type === 'initiative') return update.subject_id
  if (!table) return null
  const row = await db
    .selectFrom(table)
    .select('initiative_id')
    .where('id', '=', update.subject_id)
    .executeTakeFirst()
  return row?.initiative_id ?? null
}

async function audienceOf(db: DB, update: Update): Promise<Audience[]> {
  const channel = channelOf(update.kind)
  const out: Audience[] = []
  const add = (rows: Array<{ user_id: number }>, reason: string, ch = channel) =>
    rows.forEach((r) => out.push({ userId: r.user_id, channel: ch, reason }))

  if (channel !== 'new_items') {
    const type = update.subject_type
    add(
      await followersOf(db, type, update.subject_id, update.created_at),
      `follow:${type}:${update.subject_id}`,
    )
    return out
  }
  add(
    await followersOf(db, 'organisation', update.organisation_id, update.created_at),
    `follow:organisation:${update.organisation_id}`,
  )
  if (update.subject_type === 'reference') {
    const ref = await db
      .selectFrom('reference_cases')
      .select(['company_id', 'call_id', 'pilot_id'])
      .where('id', '=', update.subject_id)
      .executeTakeFirst()
    if (ref) {
      add(
        await followersOf(db, 'organisation', ref.company_id, update.created_at),
        `follow:organisation:${ref.company_id}`,
      )
      if (ref.call_id)
        add(
          await followersOf(db, 'call', ref.call_id, update.created_at),
          `follow:call:${ref.call_id}`,
        )
    }
  }
  const initiative = await initiativeOf(db, update)
  if (initiative !== null) {
    if (update.subject_type !== 'initiative') {
      add(
        await followersOf(db, 'initiative', initiative, update.created_at),
        `follow:initiative:${initiative}`,
      )
    }
    const agendas = await db
      .selectFrom('follows')
      .innerJoin('agenda_goals as goal', 'goal.agenda_id', 'follows.target_id')
      .innerJoin('agenda_goal_initiatives as link', 'link.goal_id', 'goal.id')
      .select(['follows.user_id', 'follows.target_id'])
      .where('follows.target_type', '=', 'agenda')
      .where('link.initiative_id', '=', initiative)
      .where('follows.created_at', '<=', update.created_at)
      .execute()
    agendas.forEach((r) =>
      out.push({ userId: r.user_id, channel, reason: `follow:agenda:${r.target_id}` }),
    )
  }
  const itemKind = NEW_ITEM_KINDS[update.kind as keyof typeof NEW_ITEM_KINDS]
  if (itemKind) {
    // Records the new matches (decision record 037); every recorded match of a search saved
    // before the update counts, so a match recorded earlier (the demo seed) is not lost.
    await matchSavedSearches(db, { kind: itemKind, id: update.subject_id })
    const matches = await db
      .selectFrom('saved_search_matches as m')
      .innerJoin('saved_searches as s', 's.id', 'm.saved_search_id')
      .select(['s.user_id', 's.id'])
      .where('m.item_kind', '=', itemKind)
      .where('m.item_id', '=', update.subject_id)
      .where('s.created_at', '<=', update.created_at)
      .orderBy('s.id')
      .execute()
    for (const match of matches) {
      out.push({ userId: match.user_id, channel: 'searches', reason: `search:${match.id}` })
    }
  }
  return out
}

/** Fans out one pending update; returns the number of notifications written. */
export async function fanOutUpdate(db: DB, updateId: number): Promise<number> {
  return inTransaction(db, async (tx) => {
    const update = await tx
      .selectFrom('updates')
      .selectAll()
      .where('id', '=', updateId)
      .where('fanned_out_at', 'is', null)
      .executeTakeFirst()
    if (!update) return 0
    const at = now()
    // The publisher's own members know already; someone already told of it is not told again.
    const skip = new Set(
      (
        await tx
          .selectFrom('memberships')
          .select('user_id')
          .where('organisation_id', '=', update.organisation_id)
          .union(
            tx.selectFrom('notifications').select('user_id').where('update_id', '=', update.id),
          )
          .execute()
      ).map((r) => r.user_id),
    )
    const chosen = new Map<number, Audience>()
    for (const a of await audienceOf(tx, update)) {
      if (!skip.has(a.userId) && !chosen.has(a.userId)) chosen.set(a.userId, a)
    }
    const audience = [...chosen.values()]
    let written = 0
    for (let i = 0; i < audience.length; i += 200) {
      written += await writeBatch(tx, update, audience.slice(i, i + 200), at)
    }
    await tx.updateTable('updates').set({ fanned_out_at: at }).where('id', '=', update.id).execute()
    return written
  })
}

async function writeBatch(db: DB, update: Update, batch: Audience[], at: number) {
  if (batch.length === 0) return 0
  const ids = batch.map((a) => a.userId)
  const users = new Map(
    (
      await db
        .selectFrom('users')
        .select(['id', 'email', 'locale'])
        .where('id', 'in', ids)
        .execute()
    ).map((u) => [u.id, u] as const),
  )
  const modes = await modesOf(db, ids)
  // Those the call's procurement mail told already (same call, same event) are not mailed twice.
  const covered = new Set<number>()
  if (update.legal_event && update.subject_type === 'call') {
    const rows = await db
      .selectFrom('call_notifications')
      .select('user_id')
      .where('call_id', '=', update.subject_id)
      .where('event', '=', update.legal_event)
      .where('user_id', 'in', ids)
      .execute()
    rows.forEach((r) => covered.add(r.user_id))
  }
  const described: Partial<Record<Locale, UpdateItem[]>> = {}
  let written = 0
  for (const a of batch) {
    const user = users.get(a.userId)
    if (!user) continue
    const mode: DeliveryMode = modes.get(a.userId)?.[a.channel] ?? 'off'
    const mail: NotificationMail = covered.has(a.userId) ? 'covered' : mode
    const row = await db
      .insertInto('notifications')
      .values({
        user_id: a.userId,
        update_id: update.id,
        channel: a.channel,
        reason: a.reason,
        mail,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    written++
    if (mail !== 'immediate') continue
    const recipient: Recipient = { id: user.id, email: user.email, locale: user.locale }
    // The update described once per language, not once per person.
    const items = (described[user.locale] ??= await describeUpdates(db, [update.id], user.locale))
    if (items.length === 0) continue
    const outboxId = await queueNotificationMail(db, recipient, a.channel, items, null)
    await db
      .updateTable('notifications')
      .set({ mailed_at: at, outbox_id: outboxId })
      .where('id', '=', row.id)
      .execute()
  }
  return written
}

/** Fans out pending updates, oldest first, at most `limit`; returns how many were done. */
export async function fanOutPending(db: DB, limit = 50): Promise<number> {
  const pending = await db
    .selectFrom('updates')
    .select('id')
    .where('fanned_out_at', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute()
  for (const { id } of pending) await fanOutUpdate(db, id)
  return pending.length
}
