import type { DB } from '#db/connection'
import type { Locale } from '~/i18n/locales'
import { now } from '~/utils/clock.server'
import { describeUpdates, pathOf, type UpdateItem } from './update-items.server'

// A person's notifications in the app (decision record 035): newest first, a page at a time; the
// unread count in the header is capped so its cost does not grow with the backlog.

export const NOTIFICATIONS_PER_PAGE = 25
export const UNREAD_CAP = 99

export interface NotificationRow extends UpdateItem {
  id: number
  unread: boolean
  viaSearch: boolean
}

export async function listNotifications(
  db: DB,
  userId: number,
  locale: Locale,
  page = 1,
): Promise<{ rows: NotificationRow[]; hasMore: boolean }> {
  const rows = await db
    .selectFrom('notifications')
    .select(['id', 'update_id', 'read_at', 'reason'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(NOTIFICATIONS_PER_PAGE + 1)
    .offset((page - 1) * NOTIFICATIONS_PER_PAGE)
    .execute()
  const shown = rows.slice(0, NOTIFICATIONS_PER_PAGE)
  const items = new Map(
    (
      await describeUpdates(
        db,
        shown.map((r) => r.update_id),
        locale,
      )
    ).map((i) => [i.updateId, i] as const),
  )
  return {
    rows: shown.flatMap((r) => {
      const item = items.get(r.update_id)
      return item
        ? [
            {
              ...item,
              id: r.id,
              unread: r.read_at === null,
              viaSearch: r.reason.startsWith('search:'),
            },
          ]
        : []
    }),
    hasMore: rows.length > NOTIFICATIONS_PER_PAGE,
  }
}

/** Unread notifications, counted up to UNREAD_CAP + 1 (shown as "99+"). */
export async function unreadCount(db: DB, userId: number): Promise<number> {
  const row = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('notifications')
        .select('id')
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .limit(UNREAD_CAP + 1)
        .as('unread'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function markAllRead(db: DB, userId: number): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: now() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Marks one of the person's notifications read and returns the page it is about; else null. */
export async function openNotification(
  db: DB,
  userId: number,
  notificationId: number,
): Promise<string | null> {
  const row = await db
    .selectFrom('notifications')
    .innerJoin('updates', 'updates.id', 'notifications.update_id')
    .select([
      'notifications.id',
      'notifications.read_at',
      'updates.subject_type',
      'updates.subject_id',
    ])
    .where('notifications.id', '=', notificationId)
    .where('notifications.user_id', '=', userId)
    .executeTakeFirst()
  if (!row) return null
  if (row.read_at === null) {
    await db
      .updateTable('notifications')
      .set({ read_at: now() })
      .where('id', '=', row.id)
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .execute()
  }
  return pathOf(row.subject_type, row.subject_id)
}
