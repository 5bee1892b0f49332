import type { DB } from '#db/connection'
import type { DeliveryMode, NotificationChannel } from '#db/schema'
import { now } from '~/utils/clock.server'
import { audit } from './audit.server'
import { inTransaction } from './initiatives.server'

// How a person wants each kind of notification by e-mail (decision record 035). Every kind always
// appears in the app; 'off' only stops the mail. Without a choice, changes to what one follows and
// deadlines come at once, new items and saved-search alerts in a daily digest.

export type Modes = Record<NotificationChannel, DeliveryMode>

export const DEFAULT_MODES: Modes = {
  changes: 'immediate',
  deadlines: 'immediate',
  new_items: 'daily',
  searches: 'daily',
}

/** Each person's delivery per kind, defaults filled in. */
export async function modesOf(db: DB, userIds: readonly number[]): Promise<Map<number, Modes>> {
  const out = new Map<number, Modes>(userIds.map((id) => [id, { ...DEFAULT_MODES }]))
  if (userIds.length === 0) return out
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['user_id', 'channel', 'mode'])
    .where('user_id', 'in', [...userIds])
    .execute()
  for (const r of rows) out.get(r.user_id)![r.channel] = r.mode
  return out
}

export async function getModes(db: DB, userId: number): Promise<Modes> {
  return (await modesOf(db, [userId])).get(userId)!
}

/** Sets the delivery of the given kinds (one transaction, audited). */
export async function setModes(
  db: DB,
  input: { userId: number; modes: Partial<Modes>; ip?: string | null; via?: 'settings' | 'link' },
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const at = now()
    for (const [channel, mode] of Object.entries(input.modes) as Array<
      [NotificationChannel, DeliveryMode]
    >) {
      await tx
        .insertInto('notification_preferences')
        .values({ user_id: input.userId, channel, mode, updated_at: at })
        .onConflict((oc) =>
          oc.columns(['user_id', 'channel']).doUpdateSet({ mode, updated_at: at }),
        )
        .execute()
    }
    await audit(tx, {
      actorUserId: input.userId,
      action: input.via === 'link' ? 'notifications.unsubscribed' : 'notifications.settings',
      entityType: 'user',
      entityId: input.userId,
      after: input.modes,
      ip: input.ip ?? null,
    })
  })
}

/** The unsubscribe link's one write: mail of `channel` off for the person the link names, if any. */
export async function unsubscribe(
  db: DB,
  input: { userId: number; channel: NotificationChannel; ip?: string | null },
): Promise<void> {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', input.userId)
    .executeTakeFirst()
  if (!user) return
  await setModes(db, {
    userId: user.id,
    modes: { [input.channel]: 'off' },
    ip: input.ip ?? null,
    via: 'link',
  })
}
