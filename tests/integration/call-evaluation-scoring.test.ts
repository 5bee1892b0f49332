import { sql } from 'kysely'
import { afterEach, describe, expect, test } from 'vitest'
import { getDb } from '~/utils/db.server'
import {
  act,
  bidPage,
  callRow,
  criteriaOf,
  evaluated,
  opened,
  page,
  score,
  scoreFields,
  setup,
} from '../helpers/call-evaluation-setup'
import { advanceClock, createBuyer, DAY, resetClock } from '../helpers/call-factories'
import { addMember, createUser } from '../helpers/factories'
import { auditActions, rawError } from '../helpers/inspect'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import { createMemberOf } from '../helpers/test-bed-factories'

// Evaluating a call's bids: sealed until the deadline, opening, declarations and reading bids,
// scoring and completing.

afterEach(() => resetClock())

describe('sealed until the deadline', () => {
  test('before the deadline no page shows bids or a count, and opening is refused', async () => {
    const { call, bidA, buyerId, alpha } = await setup()
    const view = dataOf(await page(call.id, buyerId))
    expect(view.opening).toBeNull()
    expect(view.bids).toBeNull()
    expect(view.ranking).toBeNull()
    expect(view.submittedCount).toBe(0)
    expect(view.pastDeadline).toBe(false)
    // Nothing in the page's data names a bidder or counts bids.
    const text = JSON.stringify(view)
    expect(text).not.toContain(alpha.org.name)
    expect(text).not.toContain('receipt')
    expect(text).not.toMatch(/"bids":\[/)

    const refused = await act(call.id, { intent: 'open' }, buyerId)
    expect(statusOf(refused)).toBe(400)
    expect(formResult(refused).error?.['']).toEqual(['errors.domain.deadline_not_passed'])
    const openings = await getDb().selectFrom('bid_openings').selectAll().execute()
    expect(openings.filter((o) => o.call_id === call.id)).toEqual([])
    expect((await callRow(call.id)).status).toBe('published')
    // Not even a declared reading is possible: there is no opening, so no bid page.
    expect(statusOf(await bidPage(call.id, bidA.id, buyerId))).toBe(404)
  })

  test('raw SQL cannot open before the deadline', async () => {
    const { call, buyer } = await setup()
    const message = await rawError(() =>
      // A faithful record, so only the deadline stands in the way.
      sql`INSERT INTO bid_openings (call_id, opened_by, opened_at, record_json)
        SELECT ${call.id}, ${buyer.user.id}, unixepoch(), (SELECT json_group_array(json_object(
          'bid_id', id, 'company_id', company_id, 'submitted_at', submitted_at,
          'receipt_hash', receipt_hash))
          FROM (SELECT id, company_id, submitted_at, receipt_hash FROM bids
            WHERE call_id = ${call.id} AND status = 'submitted' ORDER BY id))`.execute(getDb()),
    )
    expect(message).toContain('testarena:deadline_not_passed')
  })

  test('nobody outside the buyer gets the page or the actions: 404; anonymous: login', async () => {
    const db = getDb()
    const { call, alpha, bidA } = await setup()
    advanceClock(41 * DAY)
    const otherBuyer = await createBuyer(db)
    const stranger = await createUser(db)
    for (const userId of [alpha.user.id, otherBuyer.user.id, stranger.id]) {
      const c = userId
      expect(statusOf(await page(call.id, c))).toBe(404)
      expect(statusOf(await act(call.id, { intent: 'open' }, c))).toBe(404)
      expect(statusOf(await bidPage(call.id, bidA.id, c))).toBe(404)
    }
    expect((await callRow(call.id)).status).toBe('published')
    const anonymous = await page(call.id)
    expect(statusOf(anonymous)).toBe(302)
    expect(headerOf(anonymous, 'Location')).toMatch(/^\/login\?redirectTo=/)
    expect(statusOf(await page('abc', stranger.id))).toBe(404)
  })
})

describe('opening', () => {
  test('after the deadline the opening lists exactly the submitted bids', async () => {
    const { call, bidA, bidB, buyerId, alpha, beta } = await setup()
    advanceClock(41 * DAY)
    const before = dataOf(await page(call.id, buyerId))
    expect(before.pastDeadline).toBe(true)
    expect(before.opening).toBeNull()

    const done = await act(call.id, { intent: 'open' }, buyerId)
    expect(statusOf(done)).toBe(302)
    expect(headerOf(done, 'Location')).toBe(`/calls/${call.id}/evaluation?notice=opened`)
    const row = await callRow(call.id)
    expect(row.status).toBe('opened')
    expect(row.opened_at).not.toBeNull()

    const view = dataOf(await page(call.id, buyerId))
    expect(view.opening.openedByName).toBe('Test Person')
    expect(view.opening.bids.map((b: { bidId: number }) => b.bidId)).toEqual([bidA.id, bidB.id])
    expect(view.opening.bids.map((b: { companyName: string }) => b.companyName)).toEqual([
      alpha.org.name,
      beta.org.name,
    ])
    expect(view.opening.bids[0].receiptHash).toBe(bidA.receipt_hash)
    expect(view.opening.notOpened).toEqual({ drafts: 1, notReconfirmed: 0 })
    expect(await auditActions(getDb(), 'call', call.id)).toContain('call.opened')
    const audited = await getDb()
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'call.opened')
      .where('entity_id', '=', String(call.id))
      .executeTakeFirstOrThrow()
    expect(JSON.parse(audited.after_json ?? '{}').record).toHaveLength(2)

    // Opening happens once.
    expect(statusOf(await act(call.id, { intent: 'open' }, buyerId))).toBe(400)
  })

  test('raw SQL cannot write an opening record that leaves out a bid', async () => {
    const { call, bidA, buyer } = await setup()
    advanceClock(41 * DAY)
    const partial = JSON.stringify([
      {
        bid_id: bidA.id,
        company_id: bidA.company_id,
        submitted_at: bidA.submitted_at,
        receipt_hash: bidA.receipt_hash,
      },
    ])
    const message = await rawError(() =>
      sql`INSERT INTO bid_openings (call_id, opened_by, opened_at, record_json)
        VALUES (${call.id}, ${buyer.user.id}, unixepoch(), ${partial})`.execute(getDb()),
    )
    expect(message).toContain('testarena:opening_record_mismatch')
  })
})

describe('declarations and reading bids', () => {
  test('a member of a bidding company cannot declare: evaluator_conflict, through the app and SQL', async () => {
    const db = getDb()
    const { call, buyer, alpha, bidA } = await setup()
    // Alpha's bidder joins the buyer organisation after the deadline (before it, the database
    // refuses: member_of_bidder).
    advanceClock(41 * DAY)
    await addMember(db, buyer.org.id, alpha.user.id, 'member')
    const conflicted = alpha.user.id
    expect(statusOf(await act(call.id, { intent: 'open' }, conflicted))).toBe(302)

    const view = dataOf(await page(call.id, conflicted))
    expect(view.me).toMatchObject({ declared: false, conflict: true })
    const refused = await act(call.id, { intent: 'declare', no_conflict: 'on' }, conflicted)
    expect(statusOf(refused)).toBe(400)
    expect(formResult(refused).error?.['']).toEqual(['errors.domain.evaluator_conflict'])
    const declarations = await db
      .selectFrom('evaluator_declarations')
      .selectAll()
      .where('call_id', '=', call.id)
      .execute()
    expect(declarations).toEqual([])
    expect(statusOf(await bidPage(call.id, bidA.id, conflicted))).toBe(404)

    const message = await rawError(() =>
      sql`INSERT INTO evaluator_declarations (call_id, user_id, declared_at)
        VALUES (${call.id}, ${alpha.user.id}, unixepoch())`.execute(db),
    )
    expect(message).toContain('testarena:evaluator_conflict')
  })

  test('the declaration needs the box ticked', async () => {
    const { call, buyerId } = await setup()
    advanceClock(41 * DAY)
    await act(call.id, { intent: 'open' }, buyerId)
    const refused = await act(call.id, { intent: 'declare' }, buyerId)
    expect(statusOf(refused)).toBe(400)
    expect(formResult(refused).error?.no_conflict).toEqual(['evaluation.errors.confirm'])
  })

  test('an undeclared buyer member gets 404 on a bid; a declared one reads it, every read audited', async () => {
    const db = getDb()
    const { call, buyer, bidA, draft, alpha } = await opened()
    const colleague = await createMemberOf(db, buyer.org.id)
    const colleagueId = colleague.id
    expect(statusOf(await bidPage(call.id, bidA.id, colleagueId))).toBe(404)
    const list = dataOf(await page(call.id, colleagueId))
    expect(list.bids).toBeNull()
    expect(list.me.declared).toBe(false)

    const buyerId = buyer.user.id
    const first = dataOf(await bidPage(call.id, bidA.id, buyerId))
    expect(first.bid.companyName).toBe(alpha.org.name)
    expect(first.bid.priceSek).toBe(1_500_000)
    expect(first.editable).toBe(true)
    expect(first.criteria.every((c: { answer: unknown }) => c.answer !== null)).toBe(true)
    await bidPage(call.id, bidA.id, buyerId)
    const reads = await db
      .selectFrom('audit_log')
      .select(['actor_user_id'])
      .where('action', '=', 'bid.read')
      .where('entity_id', '=', String(bidA.id))
      .execute()
    expect(reads).toEqual([{ actor_user_id: buyer.user.id }, { actor_user_id: buyer.user.id }])

    // A draft was never opened; another call's bid is not this call's.
    expect(statusOf(await bidPage(call.id, draft.id, buyerId))).toBe(404)
    const other = await setup()
    expect(statusOf(await bidPage(call.id, other.bidA.id, buyerId))).toBe(404)
  })
})

describe('scoring and completing', () => {
  test('scores need a justification each; saved scores are audited and editable', async () => {
    const db = getDb()
    const { call, bidA, buyerId, buyer } = await opened()
    const fields = await scoreFields(call.id, 7)
    const [first] = await criteriaOf(call.id)
    const missing = await score(
      call.id,
      bidA.id,
      { ...fields, [`justification_${first!.id}`]: '' },
      buyerId,
    )
    expect(statusOf(missing)).toBe(400)
    expect(formResult(missing).error?.[`justification_${first!.id}`]).toEqual(['errors.required'])

    expect(statusOf(await score(call.id, bidA.id, fields, buyerId))).toBe(302)
    expect(statusOf(await score(call.id, bidA.id, await scoreFields(call.id, 9), buyerId))).toBe(
      302,
    )
    const rows = await db
      .selectFrom('bid_scores')
      .select(['score', 'evaluator_id'])
      .where('bid_id', '=', bidA.id)
      .execute()
    expect(rows).toHaveLength(3)
    expect(rows.map((r) => r.score).sort()).toEqual([1, 9, 9])
    expect(rows.every((r) => r.evaluator_id === buyer.user.id)).toBe(true)
    expect(await auditActions(db, 'bid', bidA.id)).toEqual(['bid.scored', 'bid.scored'])
    const progress = dataOf(await page(call.id, buyerId))
    expect(progress.evaluators[0]).toMatchObject({ scored: 3, required: 6 })
  })

  test('completing with scores missing is refused: scores_incomplete, through the app and SQL', async () => {
    const db = getDb()
    const { call, bidA, buyer, buyerId } = await opened()
    await score(call.id, bidA.id, await scoreFields(call.id, 7), buyerId)
    const refused = await act(call.id, { intent: 'complete' }, buyerId)
    expect(statusOf(refused)).toBe(400)
    expect(formResult(refused).error?.['']).toEqual(['errors.domain.scores_incomplete'])
    expect((await callRow(call.id)).status).toBe('opened')

    const message = await rawError(() =>
      sql`UPDATE calls SET status = 'evaluated', evaluated_at = unixepoch(),
        updated_by = ${buyer.user.id} WHERE id = ${call.id}`.execute(db),
    )
    expect(message).toContain('testarena:scores_incomplete')
  })

  test('a complete evaluation locks the scores and ranks the bids', async () => {
    const { call, bidA, bidB, buyerId } = await evaluated()
    const row = await callRow(call.id)
    expect(row.status).toBe('evaluated')
    expect(row.evaluated_at).not.toBeNull()
    const view = dataOf(await page(call.id, buyerId))
    expect(view.ranking.map((r: { bidId: number }) => r.bidId)).toEqual([bidA.id, bidB.id])
    expect(view.ranking.map((r: { score: number }) => r.score)).toEqual([80, 50])
    const locked = await score(call.id, bidA.id, await scoreFields(call.id, 2), buyerId)
    expect(statusOf(locked)).toBe(400)
    expect(formResult(locked).error?.['']).toEqual(['errors.domain.score_not_allowed'])
    expect(dataOf(await bidPage(call.id, bidA.id, buyerId)).editable).toBe(false)
  })
})
