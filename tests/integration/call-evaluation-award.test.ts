import { sql } from 'kysely'
import { afterEach, describe, expect, test } from 'vitest'
import { getDb } from '~/utils/db.server'
import {
  act,
  AWARD_REASON,
  bidPage,
  callRow,
  evaluated,
  opened,
  page,
  setup,
} from '../helpers/call-evaluation-setup'
import { advanceClock, createBuyer, createCall, DAY, resetClock } from '../helpers/call-factories'
import { auditActions, mailsTo, rawError } from '../helpers/inspect'
import { dataOf, formResult, statusOf } from '../helpers/responses'
import { createMemberOf } from '../helpers/test-bed-factories'

// Ending a call's evaluation: the award, or ending without one.

afterEach(() => resetClock())

describe('the award', () => {
  test('an award to a lower-scored bid is refused: award_not_by_score, through the app and SQL', async () => {
    const db = getDb()
    const { call, bidB, buyerId } = await evaluated()
    const refused = await act(
      call.id,
      { intent: 'award', bid_ids: [String(bidB.id)], reason: AWARD_REASON },
      buyerId,
    )
    expect(statusOf(refused)).toBe(400)
    expect(formResult(refused).error?.['']).toEqual(['errors.domain.award_not_by_score'])
    expect(
      await db.selectFrom('call_awards').selectAll().where('call_id', '=', call.id).execute(),
    ).toEqual([])
    expect((await callRow(call.id)).status).toBe('evaluated')

    const message = await rawError(() =>
      sql`INSERT INTO call_awards (call_id, bid_id, created_at)
        VALUES (${call.id}, ${bidB.id}, unixepoch())`.execute(db),
    )
    expect(message).toContain('testarena:award_not_by_score')
  })

  test('unsuccessful is refused while a bid passes: passing_bids_exist', async () => {
    const { call, buyerId } = await evaluated()
    const refused = await act(
      call.id,
      { intent: 'unsuccessful', reason: 'Vi vill inte gå vidare med någon.' },
      buyerId,
    )
    expect(statusOf(refused)).toBe(400)
    expect(formResult(refused).error?.['']).toEqual(['errors.domain.passing_bids_exist'])
    expect((await callRow(call.id)).status).toBe('evaluated')
  })

  test('the award tells every bidder at once with the same scores; the standstill is set', async () => {
    const db = getDb()
    const { call, bidA, alpha, beta, drafter, buyer, buyerId } = await evaluated()
    const colleague = await createMemberOf(db, beta.org.id)
    await db.updateTable('users').set({ locale: 'en' }).where('id', '=', colleague.id).execute()

    const noReason = await act(
      call.id,
      { intent: 'award', bid_ids: [String(bidA.id)], reason: 'kort' },
      buyerId,
    )
    expect(statusOf(noReason)).toBe(400)
    expect(formResult(noReason).error?.reason).toEqual(['evaluation.errors.reasonTooShort'])

    const done = await act(
      call.id,
      { intent: 'award', bid_ids: [String(bidA.id)], reason: AWARD_REASON },
      buyerId,
    )
    expect(statusOf(done)).toBe(302)
    const row = await callRow(call.id)
    expect(row.status).toBe('awarded')
    expect(row.decided_by).toBe(buyer.user.id)
    expect(row.outcome_reason).toBe(AWARD_REASON)
    expect(row.standstill_ends_at).toBe((row.decided_at ?? 0) + 10 * DAY)
    expect(await auditActions(db, 'call', call.id)).toContain('call.awarded')

    const [toAlpha] = await mailsTo(db, alpha.user.email, 'call_outcome')
    const [toBeta] = await mailsTo(db, beta.user.email, 'call_outcome')
    const [toColleague] = await mailsTo(db, colleague.email, 'call_outcome')
    expect(toAlpha && toBeta && toColleague).toBeTruthy()
    // The same moment and the same decision for everyone.
    expect(new Set([toAlpha!.created_at, toBeta!.created_at, toColleague!.created_at]).size).toBe(1)
    expect(toAlpha!.text_body).toBe(toBeta!.text_body)
    expect(toAlpha!.text_body).toContain(`${alpha.org.name} (vinnare): 80 poäng`)
    expect(toAlpha!.text_body).toContain(`${beta.org.name}: 50 poäng`)
    expect(toAlpha!.text_body).toContain(AWARD_REASON)
    expect(toAlpha!.text_body).toMatch(/Avtalsspärren löper ut .*(CET|CEST)/)
    expect(toColleague!.text_body).toContain(`${alpha.org.name} (winner): 80 points`)
    // A company whose bid was never submitted is not a bidder.
    expect(await mailsTo(db, drafter.user.email, 'call_outcome')).toEqual([])
    // The award cannot be made twice.
    expect(
      statusOf(
        await act(
          call.id,
          { intent: 'award', bid_ids: [String(bidA.id)], reason: AWARD_REASON },
          buyerId,
        ),
      ),
    ).toBe(400)
  })

  test('the contract waits for the standstill: refused before, accepted after 10 days', async () => {
    const db = getDb()
    const { call, bidA, buyer, buyerId } = await evaluated()
    await act(
      call.id,
      { intent: 'award', bid_ids: [String(bidA.id)], reason: AWARD_REASON },
      buyerId,
    )

    const early = await act(call.id, { intent: 'sign' }, buyerId)
    expect(statusOf(early)).toBe(400)
    expect(formResult(early).error?.['']).toEqual(['errors.domain.standstill_running'])
    expect((await callRow(call.id)).contract_signed_at).toBeNull()
    const message = await rawError(() =>
      sql`UPDATE calls SET contract_signed_at = unixepoch(), contract_signed_by = ${buyer.user.id},
        updated_by = ${buyer.user.id} WHERE id = ${call.id}`.execute(db),
    )
    expect(message).toContain('testarena:standstill_running')

    advanceClock(10 * DAY)
    expect(statusOf(await act(call.id, { intent: 'sign' }, buyerId))).toBe(302)
    const row = await callRow(call.id)
    expect(row.contract_signed_at).not.toBeNull()
    expect(row.contract_signed_by).toBe(buyer.user.id)
    expect(await auditActions(db, 'call', call.id)).toContain('call.contract_signed')
  })
})

describe('ending without an award', () => {
  test('cancel before the deadline needs a reason and the confirmation, and tells the interested', async () => {
    const db = getDb()
    const { call, drafter, alpha, buyerId } = await setup()
    const unconfirmed = await act(
      call.id,
      { intent: 'cancel', reason: 'Behovet har försvunnit efter en omorganisation.' },
      buyerId,
    )
    expect(statusOf(unconfirmed)).toBe(400)
    expect(formResult(unconfirmed).error?.confirm).toEqual(['evaluation.errors.confirm'])
    const noReason = await act(call.id, { intent: 'cancel', reason: '', confirm: 'on' }, buyerId)
    expect(formResult(noReason).error?.reason).toEqual(['errors.required'])
    expect((await callRow(call.id)).status).toBe('published')

    const done = await act(
      call.id,
      {
        intent: 'cancel',
        reason: 'Behovet har försvunnit efter en omorganisation.',
        confirm: 'on',
      },
      buyerId,
    )
    expect(statusOf(done)).toBe(302)
    const row = await callRow(call.id)
    expect(row.status).toBe('cancelled')
    expect(row.outcome_reason).toBe('Behovet har försvunnit efter en omorganisation.')
    expect(row.decided_at).not.toBeNull()
    expect(await auditActions(db, 'call', call.id)).toContain('call.cancelled')
    // Bidders in progress (a draft too) are among the interested.
    expect(await mailsTo(db, drafter.user.email, 'call_cancelled')).toHaveLength(1)
    expect(await mailsTo(db, alpha.user.email, 'call_cancelled')).toHaveLength(1)
  })

  test('no valid bids: unsuccessful straight after the opening', async () => {
    const db = getDb()
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer)
    const buyerId = buyer.user.id
    advanceClock(41 * DAY)
    await act(call.id, { intent: 'open' }, buyerId)
    expect(dataOf(await page(call.id, buyerId)).submittedCount).toBe(0)
    const done = await act(
      call.id,
      { intent: 'unsuccessful', reason: 'Inga anbud kom in före sista anbudsdag.' },
      buyerId,
    )
    expect(statusOf(done)).toBe(302)
    expect((await callRow(call.id)).status).toBe('unsuccessful')
  })

  test('a market dialogue concludes with what was learnt; it cannot be scored', async () => {
    const db = getDb()
    const { call, bidA, buyerId } = await opened({
      procedure: 'market_dialogue',
      tenderDeadlineIn: 20 * DAY,
      questionDeadlineIn: 10 * DAY,
    })
    expect(dataOf(await bidPage(call.id, bidA.id, buyerId)).editable).toBe(false)
    expect(statusOf(await act(call.id, { intent: 'complete' }, buyerId))).toBe(400)
    const done = await act(
      call.id,
      { intent: 'conclude', reason: 'Marknaden erbjuder sensorer; en upphandling följer i vår.' },
      buyerId,
    )
    expect(statusOf(done)).toBe(302)
    const row = await callRow(call.id)
    expect(row.status).toBe('concluded')
    expect(await auditActions(db, 'call', call.id)).toContain('call.concluded')
  })
})
