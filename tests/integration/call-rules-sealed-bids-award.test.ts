import { afterEach, describe, expect, test } from 'vitest'
import { sealBid } from '~/models/bid-seal.server'
import { now } from '~/utils/clock.server'
import { advanceClock, createBuyer, createCall, DAY, resetClock } from '../helpers/call-factories'
import {
  award,
  bid,
  db,
  declare,
  openBids,
  openedCall,
  scoreAll,
  setStatus,
  submitBid,
} from '../helpers/call-rules-setup'
import { addMember } from '../helpers/factories'
import { rawError } from '../helpers/inspect'
import { createCompany, createMemberOf } from '../helpers/test-bed-factories'

// The equal-treatment rules of issue 4, attacked with SQL that no model wrote: whatever code runs,
// the database says no. The app-level attempts live next to each feature's tests.
// This file: rule 4 (sealed bids) and rule 5 (award follows the published criteria).

afterEach(resetClock)

describe('rule 4: sealed bids', () => {
  test('bids are received only before the deadline, and frozen after it', async () => {
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer)
    const early = await createCompany(db)
    const draft = await bid(call, early, false)
    advanceClock(40 * DAY)
    const late = await createCompany(db)
    expect(await rawError(() => bid(call, late))).toContain('testarena:deadline_passed')
    expect(await rawError(() => submitBid(draft.id, early.user.id))).toContain(
      'testarena:deadline_passed',
    )
    expect(
      await rawError(() =>
        db
          .updateTable('bids')
          .set({ sealed: Buffer.alloc(40) })
          .where('id', '=', draft.id)
          .execute(),
      ),
    ).toContain('testarena:deadline_passed')
    expect(
      await rawError(() => db.deleteFrom('bids').where('id', '=', draft.id).execute()),
    ).toContain('testarena:bid_not_draft')
  })

  test('a submission is stamped with the server time and receipted, never backdated', async () => {
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer)
    const company = await createCompany(db)
    const draft = await bid(call, company, false)
    expect(await rawError(() => submitBid(draft.id, company.user.id, now() - 3600))).toContain(
      'testarena:receipt_required',
    )
    await submitBid(draft.id, company.user.id)
    // Changing the sealed content without a new stamp and receipt is refused.
    expect(
      await rawError(() =>
        db
          .updateTable('bids')
          .set({
            sealed: sealBid({ price: 1 }, { callId: call.id, companyId: company.org.id }),
            updated_by: company.user.id,
          })
          .where('id', '=', draft.id)
          .execute(),
      ),
    ).toContain('testarena:receipt_required')
  })

  test('one bid per company per call', async () => {
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer)
    const company = await createCompany(db)
    await bid(call, company)
    const colleague = await createMemberOf(db, company.org.id)
    expect(await rawError(() => bid(call, { org: company.org, user: colleague }))).toContain(
      'UNIQUE constraint failed: bids',
    )
  })

  test('opening comes only after the deadline, by the buyer, with a true record', async () => {
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer)
    const a = await createCompany(db)
    const b = await createCompany(db)
    await bid(call, a)
    await bid(call, b, false)
    expect(await rawError(() => openBids(call.id, buyer.user.id))).toContain(
      'testarena:deadline_not_passed',
    )
    expect(
      await rawError(() => setStatus(call.id, buyer.user.id, 'opened', { opened_at: now() })),
    ).toContain('testarena:opening_required')
    advanceClock(40 * DAY)
    expect(
      await rawError(() =>
        db
          .insertInto('bid_openings')
          .values({
            call_id: call.id,
            opened_by: buyer.user.id,
            opened_at: now(),
            record_json: '[]',
          })
          .execute(),
      ),
    ).toContain('testarena:opening_record_mismatch')
    expect(await rawError(() => openBids(call.id, a.user.id))).toContain(
      'testarena:not_buyer_member',
    )
    await openBids(call.id, buyer.user.id)
    const opening = await db
      .selectFrom('bid_openings')
      .selectAll()
      .where('call_id', '=', call.id)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(opening.record_json)).toHaveLength(1)
    const status = await db
      .selectFrom('calls')
      .select('status')
      .where('id', '=', call.id)
      .executeTakeFirstOrThrow()
    expect(status.status).toBe('opened')
    expect(
      await rawError(() =>
        db
          .updateTable('bid_openings')
          .set({ record_json: '[]' })
          .where('call_id', '=', call.id)
          .execute(),
      ),
    ).toContain('testarena:opening_fixed')
  })
})

describe('rule 5: award follows the published criteria', () => {
  test('evaluators declare first, and a member of a bidding company never evaluates', async () => {
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer)
    const company = await createCompany(db)
    const submitted = await bid(call, company)
    const conflicted = await createMemberOf(db, buyer.org.id)
    await addMember(db, company.org.id, conflicted.id, 'member')
    advanceClock(40 * DAY)
    expect(await rawError(() => declare(call.id, buyer.user.id))).toContain(
      'testarena:not_buyer_member',
    )
    await openBids(call.id, buyer.user.id)
    expect(await rawError(() => scoreAll(submitted.id, buyer.user.id, 5))).toContain(
      'testarena:score_not_allowed',
    )
    expect(await rawError(() => declare(call.id, conflicted.id))).toContain(
      'testarena:evaluator_conflict',
    )
    const outsider = await createCompany(db)
    expect(await rawError(() => declare(call.id, outsider.user.id))).toContain(
      'testarena:not_buyer_member',
    )
    await declare(call.id, buyer.user.id)
    await scoreAll(submitted.id, buyer.user.id, 5)
  })

  test('the evaluation is complete only when every bid is scored on every criterion', async () => {
    const { buyer, call, bidA } = await openedCall()
    await scoreAll(bidA.id, buyer.user.id, 7)
    expect(
      await rawError(() => setStatus(call.id, buyer.user.id, 'evaluated', { evaluated_at: now() })),
    ).toContain('testarena:scores_incomplete')
  })

  test('the award goes to the best passing bid, once, and scores lock', async () => {
    const { buyer, call, bidA, bidB, a } = await openedCall()
    await scoreAll(bidA.id, buyer.user.id, 9)
    await scoreAll(bidB.id, buyer.user.id, 5)
    await setStatus(call.id, buyer.user.id, 'evaluated', { evaluated_at: now() })
    expect(
      await rawError(() =>
        db
          .updateTable('bid_scores')
          .set({ score: 10, scored_at: now() })
          .where('bid_id', '=', bidB.id)
          .execute(),
      ),
    ).toContain('testarena:score_not_allowed')
    expect(await rawError(() => award(call.id, [bidB.id], buyer.user.id))).toContain(
      'testarena:award_not_by_score',
    )
    expect(await rawError(() => setStatus(call.id, buyer.user.id, 'awarded'))).toBeTruthy()
    expect(
      await rawError(() =>
        setStatus(call.id, buyer.user.id, 'unsuccessful', {
          decided_at: now(),
          decided_by: buyer.user.id,
          outcome_reason: 'Inga anbud var tillräckligt bra.',
        }),
      ),
    ).toContain('testarena:passing_bids_exist')
    await award(call.id, [bidA.id], buyer.user.id)
    const results = await db
      .selectFrom('bid_results')
      .selectAll()
      .where('call_id', '=', call.id)
      .orderBy('score', 'desc')
      .execute()
    expect(results.map((r) => [r.company_id, r.score])).toEqual([
      [a.org.id, 90],
      [expect.any(Number), 50],
    ])
    expect(
      await rawError(() => db.deleteFrom('call_awards').where('call_id', '=', call.id).execute()),
    ).toContain('testarena:decision_final')
    expect(
      await rawError(() =>
        db
          .updateTable('calls')
          .set({ outcome_reason: 'En annan motivering i efterhand.', updated_by: buyer.user.id })
          .where('id', '=', call.id)
          .execute(),
      ),
    ).toContain('testarena:decision_final')
  })

  test('a bid that fails a must-have cannot win, however high it scores', async () => {
    const { buyer, call, bidA, bidB } = await openedCall()
    await scoreAll(bidA.id, buyer.user.id, 10, 0)
    await scoreAll(bidB.id, buyer.user.id, 3, 1)
    await setStatus(call.id, buyer.user.id, 'evaluated', { evaluated_at: now() })
    expect(await rawError(() => award(call.id, [bidA.id], buyer.user.id))).toContain(
      'testarena:award_not_by_score',
    )
    await award(call.id, [bidB.id], buyer.user.id)
  })

  test('no contract before the standstill has ended', async () => {
    const { buyer, call, bidA, bidB } = await openedCall()
    await scoreAll(bidA.id, buyer.user.id, 8)
    await scoreAll(bidB.id, buyer.user.id, 6)
    await setStatus(call.id, buyer.user.id, 'evaluated', { evaluated_at: now() })
    await award(call.id, [bidA.id], buyer.user.id)
    const sign = () =>
      db
        .updateTable('calls')
        .set({
          contract_signed_at: now(),
          contract_signed_by: buyer.user.id,
          updated_by: buyer.user.id,
        })
        .where('id', '=', call.id)
        .execute()
    expect(await rawError(sign)).toContain('testarena:standstill_running')
    advanceClock(10 * DAY)
    await sign()
  })

  test('status moves only along the lifecycle', async () => {
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer)
    for (const status of ['draft', 'evaluated', 'awarded', 'concluded']) {
      expect(await rawError(() => setStatus(call.id, buyer.user.id, status))).toBeTruthy()
    }
    expect(
      await rawError(() => db.deleteFrom('calls').where('id', '=', call.id).execute()),
    ).toContain('testarena:call_not_draft')
  })
})
