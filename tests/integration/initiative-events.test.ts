import { afterEach, expect, test } from 'vitest'
import { cancelEvent } from '~/models/events.server'
import { createInitiative } from '~/models/initiatives.server'
import { loader as pageLoader } from '~/routes/initiatives.$initiativeId._index/route'
import { now, setClockOffset } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { DAY, createTestEvent } from '../helpers/event-factories'
import { INPUT } from '../helpers/initiative-factories'
import { getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf } from '../helpers/responses'
import { createHost } from '../helpers/test-bed-factories'

// An initiative's page lists its events (decision record 031), for anyone: the next ten upcoming
// soonest first and the five latest past ones, a cancelled one marked; other events are not there.

const db = getDb()
afterEach(() => setClockOffset(0))

type Party = Awaited<ReturnType<typeof createHost>>

const initiativeOf = (owner: Party) =>
  createInitiative(db, {
    organisation: { id: owner.org.id, kind: 'public_body', verification_status: 'verified' },
    userId: owner.user.id,
    input: INPUT,
  })

async function eventsOnPage(id: number) {
  const result = await run(() =>
    pageLoader(loaderArgs(getRequest(`/initiatives/${id}`), { initiativeId: String(id) })),
  )
  return dataOf(result).events as {
    upcoming: Array<{ id: number; title: string; status: string }>
    past: Array<{ id: number; title: string; status: string }>
    full: boolean
  }
}

test('a visitor sees the initiative’s events, upcoming and past, bounded, cancelled marked', async () => {
  const host = await createHost(db)
  const initiative = await initiativeOf(host)
  const other = await initiativeOf(host)
  expect(await eventsOnPage(initiative.id)).toEqual({ upcoming: [], past: [], full: false })

  const at = now()
  const event = (title: string, startsIn: number, initiativeId: number | null = initiative.id) =>
    createTestEvent(db, host, {
      title,
      initiative_id: initiativeId,
      starts_at: at + startsIn,
      ends_at: at + startsIn + 3600,
      registration_deadline: at + Math.min(startsIn, 3600),
    })
  // Six that will be past once the clock moves two days on, latest first on the page.
  const past = []
  for (let hour = 1; hour <= 6; hour++) past.push(await event(`Seminarium ${hour}`, hour * 3600))
  // Eleven upcoming, the later first, so the order comes from the query and not the ids.
  const upcoming = []
  for (let day = 20; day >= 10; day--) upcoming.push(await event(`Forum dag ${day}`, day * DAY))
  await event('Annat initiativ', 12 * DAY, other.id)
  await event('Utan initiativ', 12 * DAY, null)
  const cancelled = upcoming.at(-1)!
  await cancelEvent(db, { eventId: cancelled.id, userId: host.user.id, reason: 'Lokalen brann.' })

  setClockOffset(2 * DAY)
  const events = await eventsOnPage(initiative.id)
  expect(events.upcoming.map((e) => e.title)).toEqual(
    Array.from({ length: 10 }, (_, i) => `Forum dag ${10 + i}`),
  )
  expect(events.upcoming[0]).toMatchObject({ id: cancelled.id, status: 'cancelled' })
  expect(events.upcoming.slice(1).every((e) => e.status === 'published')).toBe(true)
  expect(events.past.map((e) => e.title)).toEqual([6, 5, 4, 3, 2].map((h) => `Seminarium ${h}`))
  expect(events.full).toBe(true)
  expect(await eventsOnPage(other.id)).toMatchObject({
    upcoming: [expect.objectContaining({ title: 'Annat initiativ' })],
    past: [],
    full: false,
  })
})
