import { expect, test } from 'vitest'
import { notifyCall } from '~/models/call-notifications.server'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { createBuyer, createCall } from '../helpers/call-factories'
import { mailsTo } from '../helpers/inspect'
import { createCompany } from '../helpers/test-bed-factories'

const db = getDb()

test('each interested user hears each event of each call once', async () => {
  const buyer = await createBuyer(db)
  const follower = await createCompany(db)
  const email = (
    await db
      .selectFrom('users')
      .select('email')
      .where('id', '=', follower.user.id)
      .executeTakeFirstOrThrow()
  ).email
  const calls = [(await createCall(db, buyer)).call, (await createCall(db, buyer)).call]
  for (const call of calls) {
    await db
      .insertInto('call_downloads')
      .values({ call_id: call.id, user_id: follower.user.id, first_at: now() })
      .execute()
  }
  const outcome = (callId: number) =>
    notifyCall(db, 'interested', {
      callId,
      event: 'outcome',
      template: 'call_cancelled',
      params: () => ({ title: 'Upphandling', reason: 'Behovet har ändrats.', url: '/calls' }),
    })
  // The same event twice on one call: one mail. The same event name on another call: its own mail.
  expect(await outcome(calls[0]!.id)).toBe(1)
  expect(await outcome(calls[0]!.id)).toBe(0)
  expect(await outcome(calls[1]!.id)).toBe(1)
  expect(await mailsTo(db, email, 'call_cancelled')).toHaveLength(2)
})
