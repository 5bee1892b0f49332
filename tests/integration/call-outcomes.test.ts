import { afterEach, describe, expect, test } from 'vitest'
import { listPendingOutcomes, remindPendingOutcomes } from '~/models/call-outcomes.server'
import { action as evaluationAction } from '~/routes/calls.$callId.evaluation._index/route'
import { getDb } from '~/utils/db.server'
import { createBid } from '../helpers/bid-factories'
import { advanceClock, createBuyer, createCall, DAY, resetClock } from '../helpers/call-factories'
import { sessionCookieFor } from '../helpers/factories'
import { auditActions, mailsTo } from '../helpers/inspect'
import { actionArgs, formRequest, run } from '../helpers/requests'
import { statusOf } from '../helpers/responses'
import { createCompany, createMemberOf } from '../helpers/test-bed-factories'

afterEach(() => resetClock())

async function act(callId: number, fields: Record<string, string>, userId: number) {
  const cookie = await sessionCookieFor(getDb(), userId)
  const path = `/calls/${callId}/evaluation`
  return run(() =>
    evaluationAction(actionArgs(formRequest(path, fields, { cookie }), { callId: String(callId) })),
  )
}

async function reminderRow(callId: number) {
  return getDb()
    .selectFrom('call_outcome_reminders')
    .selectAll()
    .where('call_id', '=', callId)
    .executeTakeFirst()
}

describe('reminders until every closed call has an outcome', () => {
  test('each buyer member is reminded once per 7 days, and never after the outcome', async () => {
    const db = getDb()
    const buyer = await createBuyer(db)
    const colleague = await createMemberOf(db, buyer.org.id)
    const { call } = await createCall(db, buyer)
    const company = await createCompany(db)
    await createBid(db, { call, company })

    // Before the deadline nothing is pending.
    expect(await listPendingOutcomes(db, buyer.org.id)).toEqual([])
    await remindPendingOutcomes(db)
    expect(await mailsTo(db, buyer.user.email, 'call_outcome_reminder')).toEqual([])

    advanceClock(41 * DAY)
    expect((await listPendingOutcomes(db, buyer.org.id)).map((p) => p.id)).toEqual([call.id])
    await remindPendingOutcomes(db)
    const [first] = await mailsTo(db, buyer.user.email, 'call_outcome_reminder')
    expect(first?.text_body).toContain(`http://localhost:3000/calls/${call.id}/evaluation`)
    expect(await mailsTo(db, colleague.email, 'call_outcome_reminder')).toHaveLength(1)
    // The bidder is not the buyer: no reminder for them.
    expect(await mailsTo(db, company.user.email, 'call_outcome_reminder')).toEqual([])
    expect(await reminderRow(call.id)).toMatchObject({ count: 1 })
    expect(await auditActions(db, 'call', call.id)).toEqual(['call.outcome_reminded'])

    // Within the week: nothing more, however often the job runs.
    await remindPendingOutcomes(db)
    advanceClock(6 * DAY)
    await remindPendingOutcomes(db)
    expect(await mailsTo(db, buyer.user.email, 'call_outcome_reminder')).toHaveLength(1)

    // A week after the first: the second. Opened but undecided still counts as pending.
    advanceClock(1 * DAY)
    expect(statusOf(await act(call.id, { intent: 'open' }, buyer.user.id))).toBe(302)
    await remindPendingOutcomes(db)
    expect(await mailsTo(db, buyer.user.email, 'call_outcome_reminder')).toHaveLength(2)
    expect(await reminderRow(call.id)).toMatchObject({ count: 2 })

    // The outcome ends the reminders.
    const cancelled = await act(
      call.id,
      { intent: 'cancel', reason: 'Budgeten drogs in av regionfullmäktige.', confirm: 'on' },
      buyer.user.id,
    )
    expect(statusOf(cancelled)).toBe(302)
    expect(await listPendingOutcomes(db, buyer.org.id)).toEqual([])
    advanceClock(8 * DAY)
    await remindPendingOutcomes(db)
    expect(await mailsTo(db, buyer.user.email, 'call_outcome_reminder')).toHaveLength(2)
  })

  test('pending outcomes are per organisation; drafts and calls before the deadline are not', async () => {
    const db = getDb()
    const buyer = await createBuyer(db)
    const other = await createBuyer(db)
    const { call: closed } = await createCall(db, buyer)
    await createCall(db, buyer, { tenderDeadlineIn: 60 * DAY, questionDeadlineIn: 30 * DAY })
    await createCall(db, buyer, { status: 'draft' })
    const { call: theirs } = await createCall(db, other)
    advanceClock(41 * DAY)
    const pending = await listPendingOutcomes(db, buyer.org.id)
    expect(pending.map((p) => p.id)).toEqual([closed.id])
    expect(pending[0]).toMatchObject({ status: 'published', title: closed.title })
    expect((await listPendingOutcomes(db, other.org.id)).map((p) => p.id)).toEqual([theirs.id])
  })
})
