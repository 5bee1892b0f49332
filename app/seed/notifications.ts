import { sendDueDigests } from '~/models/notification-digests.server'
import { fanOutUpdate } from '~/models/notification-fanout.server'
import { setModes } from '~/models/notification-preferences.server'
import { setClockOffset } from '~/utils/clock.server'
import { DAY, type SeedIds, type Tx, calendar, keys, travel } from './shared'

// Follows and notifications (decision record 035). Companies follow the public bodies they sell to
// and the region's agenda; an intermediary's member firms follow the intermediary. The history is
// replayed day by day: each update is fanned out a minute after it happened, and at 07:05 every
// morning the digests that are due go out, so the outbox holds immediate notifications and daily
// and weekly digests, and the demo users find recent notifications unread.

const follows: Array<{
  user: string
  type: 'organisation' | 'agenda'
  target: string
  day: number
}> = [
  { user: 'sara', type: 'organisation', target: 'norrbotten', day: -220 },
  { user: 'johan', type: 'organisation', target: 'lulea', day: -220 },
  { user: 'karin', type: 'organisation', target: 'pitea', day: -200 },
  { user: 'aino', type: 'organisation', target: 'norrbotten', day: -60 },
  { user: 'nils', type: 'organisation', target: 'iuc_norrbotten', day: -50 },
  { user: 'malin', type: 'organisation', target: 'norrbotten', day: -45 },
  { user: 'sara', type: 'agenda', target: 'norrbotten', day: -2 },
  { user: 'aino', type: 'agenda', target: 'norrbotten', day: -2 },
]

export async function seedNotifications(tx: Tx, ids: SeedIds): Promise<void> {
  const { user, org } = keys(ids)
  const { at } = calendar(ids.at)
  for (const f of follows) {
    const target =
      f.type === 'organisation'
        ? org(f.target)
        : (
            await tx
              .selectFrom('agendas')
              .select('id')
              .where('organisation_id', '=', org(f.target))
              .executeTakeFirstOrThrow()
          ).id
    await tx
      .insertInto('follows')
      .values({
        user_id: user(f.user),
        target_type: f.type,
        target_id: target,
        created_at: at(f.day, '08:30'),
      })
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
  // Johan reads English and wants changes once a day; Nils a weekly round-up of news.
  travel(at(-230, '09:00'))
  await setModes(tx, { userId: user('johan'), modes: { changes: 'daily' } })
  await setModes(tx, { userId: user('nils'), modes: { new_items: 'weekly' } })

  const updates = await tx
    .selectFrom('updates')
    .select(['id', 'created_at'])
    .where('fanned_out_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  const first = updates[0]?.created_at ?? ids.at
  const latest = ids.at - 120
  let next = 0
  for (let day = Math.floor((first - ids.at) / DAY) - 1; day <= 0; day++) {
    const morning = at(day, '07:05')
    while (next < updates.length && updates[next]!.created_at < Math.min(morning, latest)) {
      const update = updates[next++]!
      travel(Math.min(update.created_at + 60, latest))
      await fanOutUpdate(tx, update.id)
    }
    if (morning > latest) break
    travel(morning)
    await sendDueDigests(tx, morning)
  }
  for (const update of updates.slice(next)) {
    travel(Math.min(update.created_at + 60, latest))
    await fanOutUpdate(tx, update.id)
  }
  // Read up to a week ago; the last week's notifications wait unread.
  await tx
    .updateTable('notifications')
    .set((eb) => ({ read_at: eb.ref('created_at') }))
    .where('created_at', '<', ids.at - 7 * DAY)
    .where('read_at', 'is', null)
    .execute()
  setClockOffset(0)
}
