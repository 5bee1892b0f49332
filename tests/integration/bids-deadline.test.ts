import { afterEach, describe, expect, test } from 'vitest'
import { bidReceipt, sealContent, unsealContent } from '~/models/bid-content.server'
import { fromDbError } from '~/models/errors.server'
import { getDb } from '~/utils/db.server'
import { completeBidContent, createBid } from '../helpers/bid-factories'
import {
  amend,
  bidOf,
  bidPage,
  bidPost,
  companyBids,
  complete,
  SECRET,
  setup,
} from '../helpers/bids-setup'
import { advanceClock, createCall, DAY, resetClock } from '../helpers/call-factories'
import { addMember, createUser, sessionCookieFor } from '../helpers/factories'
import { auditActions, mailsTo, rawError } from '../helpers/inspect'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import { createCompany } from '../helpers/test-bed-factories'

// Bids: one per company and editable until the deadline, after the deadline, re-confirmation after
// an amendment, and a company's list of bids.

afterEach(() => resetClock())

describe('one bid per company, editable and withdrawable until the deadline', () => {
  test('a second bid row for the company is refused by the database; the app edits the one bid', async () => {
    const db = getDb()
    const { call, criteria, company, cookie } = await setup()
    const first = await createBid(db, { call, company })
    const message = await rawError(() =>
      createBid(db, { call, company, submit: false, price: 900_000 }),
    )
    expect(fromDbError(new Error(message)).code).toBe('bid_exists')

    // Through the app: a new submission replaces the content of the same row.
    advanceClock(5)
    const result = await bidPost(call.id, complete(criteria, { price_sek: '990000' }), cookie)
    expect(statusOf(result)).toBe(302)
    const rows = await db.selectFrom('bids').selectAll().where('call_id', '=', call.id).execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]!.id).toBe(first.id)
    expect(unsealContent(rows[0]!).price_sek).toBe(990_000)
    // Saving a draft over a submitted bid would silently un-submit it: refused.
    const draft = await bidPost(call.id, complete(criteria, { intent: 'save' }), cookie)
    expect(statusOf(draft)).toBe(400)
    expect(formResult(draft).error).toEqual({ '': ['bids.errors.bid_exists'] })
    expect((await bidOf(call.id, company))!.status).toBe('submitted')
  })

  test('edit, withdraw (after confirming) and bid again, each with its own receipt', async () => {
    const db = getDb()
    const { call, criteria, company, cookie } = await setup()
    await bidPost(call.id, complete(criteria), cookie)
    const first = (await bidOf(call.id, company))!

    advanceClock(3)
    await bidPost(call.id, complete(criteria, { contact_role: 'VD' }), cookie)
    const replaced = (await bidOf(call.id, company))!
    expect(replaced.status).toBe('submitted')
    expect(replaced.submitted_at).toBeGreaterThan(first.submitted_at!)
    expect(replaced.receipt_hash).not.toBe(first.receipt_hash)
    expect(replaced.receipt_hash).toBe(
      bidReceipt({
        call_id: call.id,
        company_id: company.org.id,
        content_hash: replaced.content_hash,
        submitted_at: replaced.submitted_at!,
      }),
    )
    expect(await mailsTo(db, company.user.email, 'bid_receipt')).toHaveLength(2)

    // The same content again changes nothing and keeps the receipt.
    const same = await bidPost(call.id, complete(criteria, { contact_role: 'VD' }), cookie)
    expect(headerOf(same, 'Location')).toContain('notice=unchanged')
    expect((await bidOf(call.id, company))!.receipt_hash).toBe(replaced.receipt_hash)

    // Withdrawal asks first (a GET step), then happens on the POST.
    const confirm = dataOf(await bidPage(call.id, cookie, '?step=withdraw'))
    expect(confirm.step).toBe('withdraw')
    expect((await bidOf(call.id, company))!.status).toBe('submitted')
    const withdrawn = await bidPost(
      call.id,
      { intent: 'withdraw', company: company.org.slug },
      cookie,
    )
    expect(headerOf(withdrawn, 'Location')).toContain('notice=withdrawn')
    const gone = (await bidOf(call.id, company))!
    expect(gone.status).toBe('withdrawn')
    expect(gone.withdrawn_at).not.toBeNull()
    const twice = await bidPost(call.id, { intent: 'withdraw' }, cookie)
    expect(formResult(twice).error).toEqual({ '': ['errors.domain.invalid_transition'] })

    advanceClock(3)
    await bidPost(call.id, complete(criteria, { contact_role: 'Projektledare' }), cookie)
    const again = (await bidOf(call.id, company))!
    expect(again.id).toBe(first.id)
    expect(again.status).toBe('submitted')
    expect(again.withdrawn_at).toBeNull()
    expect(unsealContent(again).contact_role).toBe('Projektledare')
    const actions = await auditActions(db, 'bid', first.id)
    expect(actions.filter((a) => a !== 'bid.read')).toEqual([
      'bid.submitted',
      'bid.submitted',
      'bid.withdrawn',
      'bid.submitted',
    ])
  })
})

describe('after the deadline', () => {
  test('every write is refused through the app, the data does not change, the bid is read-only', async () => {
    const db = getDb()
    const { call, criteria, company, ...rest } = await setup()
    let cookie = rest.cookie
    await bidPost(call.id, complete(criteria), cookie)
    const before = (await bidOf(call.id, company))!
    advanceClock(41 * DAY)
    // Sessions do not last 41 days: log in again.
    cookie = await sessionCookieFor(db, company.user.id)
    for (const fields of [
      complete(criteria, { intent: 'save' }),
      complete(criteria, { price_sek: '1' }),
      { intent: 'withdraw', company: company.org.slug },
      { intent: 'reconfirm', company: company.org.slug },
    ]) {
      const result = await bidPost(call.id, fields, cookie)
      expect(statusOf(result)).toBe(400)
    }
    const late = await bidPost(call.id, complete(criteria, { price_sek: '1' }), cookie)
    expect(formResult(late).error).toEqual({ '': ['bids.errors.deadline_passed'] })
    expect(await bidOf(call.id, company)).toEqual(before)
    expect(await mailsTo(db, company.user.email, 'bid_receipt')).toHaveLength(1)

    const page = dataOf(await bidPage(call.id, cookie))
    expect(page.call.open).toBe(false)
    expect(page.shownStatus).toBe('closed')
    expect(page.bid.receipt_hash).toBe(before.receipt_hash)
    expect(page.bid.content.solution_summary).toContain(SECRET)
    expect(await auditActions(db, 'bid', before.id)).toContain('bid.read')

    // A company that never bid cannot start now.
    const late2 = await createCompany(db)
    const late2Cookie = await sessionCookieFor(db, late2.user.id)
    const refused = await bidPost(call.id, complete(criteria), late2Cookie)
    expect(formResult(refused).error).toEqual({ '': ['bids.errors.deadline_passed'] })
    expect(await bidOf(call.id, late2)).toBeUndefined()
  })

  test('the database refuses a submission stamped before the deadline that lands after it', async () => {
    const db = getDb()
    const { call, company } = await setup()
    const draft = await createBid(db, { call, company, submit: false })
    const stamped = call.tender_deadline - 1
    advanceClock(40 * DAY)
    const message = await rawError(() =>
      db
        .updateTable('bids')
        .set({
          status: 'submitted',
          submitted_at: stamped,
          submitted_by: company.user.id,
          updated_by: company.user.id,
          receipt_hash: bidReceipt({
            call_id: call.id,
            company_id: company.org.id,
            content_hash: draft.content_hash,
            submitted_at: stamped,
          }),
        })
        .where('id', '=', draft.id)
        .execute(),
    )
    expect(message).toContain('testarena:deadline_passed')
    expect((await bidOf(call.id, company))!.status).toBe('draft')
  })

  test('the database refuses a submission without a new stamp and receipt', async () => {
    const db = getDb()
    const { call, company } = await setup()
    const bid = await createBid(db, { call, company })
    const { sealed, content_hash } = sealContent(
      { ...(await completeBidContent(db, call.id)), price_sek: 1 },
      { callId: call.id, companyId: company.org.id },
    )
    const message = await rawError(() =>
      db
        .updateTable('bids')
        .set({ sealed, content_hash, updated_by: company.user.id })
        .where('id', '=', bid.id)
        .execute(),
    )
    expect(message).toContain('testarena:receipt_required')
    expect((await bidOf(call.id, company))!.content_hash).toBe(bid.content_hash)
  })
})

describe('re-confirmation after an amendment that changed the terms', () => {
  test('confirming unchanged gives a new stamp and receipt; it shows the amendments', async () => {
    const db = getDb()
    const { buyer, call, criteria, company, cookie } = await setup()
    await bidPost(call.id, complete(criteria), cookie)
    const first = (await bidOf(call.id, company))!
    advanceClock(60)
    const requirement = criteria.find((c) => c.kind === 'requirement')!
    const amendmentId = await amend(buyer, call, { retire: requirement.id })
    expect((await bidOf(call.id, company))!.status).toBe('needs_reconfirmation')

    const page = dataOf(await bidPage(call.id, cookie))
    expect(page.bid.status).toBe('needs_reconfirmation')
    expect(page.bid.amendments.map((a: { id: number }) => a.id)).toEqual([amendmentId])
    expect(page.bid.amendments[0].criteriaRemoved.map((c: { id: number }) => c.id)).toEqual([
      requirement.id,
    ])
    expect(page.terms.map((t: { id: number }) => t.id)).not.toContain(requirement.id)

    advanceClock(5)
    const confirmed = await bidPost(
      call.id,
      { intent: 'reconfirm', company: company.org.slug },
      cookie,
    )
    expect(headerOf(confirmed, 'Location')).toContain('notice=reconfirmed')
    const after = (await bidOf(call.id, company))!
    expect(after.status).toBe('submitted')
    expect(after.content_hash).toBe(first.content_hash)
    expect(after.submitted_at).toBeGreaterThan(first.submitted_at!)
    expect(after.receipt_hash).not.toBe(first.receipt_hash)
    expect(after.receipt_hash).toBe(
      bidReceipt({
        call_id: call.id,
        company_id: company.org.id,
        content_hash: after.content_hash,
        submitted_at: after.submitted_at!,
      }),
    )
    expect(await auditActions(db, 'bid', after.id)).toContain('bid.reconfirmed')
    expect(await mailsTo(db, company.user.email, 'bid_receipt')).toHaveLength(2)
  })

  test('a new must-have needs an answer before the bid can stand again', async () => {
    const db = getDb()
    const { buyer, call, criteria, company, cookie } = await setup()
    await bidPost(call.id, complete(criteria), cookie)
    advanceClock(60)
    await amend(buyer, call, { addRequirement: 'Drift dygnet runt' })
    const added = await db
      .selectFrom('call_criteria_current')
      .select(['id', 'kind'])
      .where('call_id', '=', call.id)
      .where('title', '=', 'Drift dygnet runt')
      .executeTakeFirstOrThrow()

    const refused = await bidPost(
      call.id,
      { intent: 'reconfirm', company: company.org.slug },
      cookie,
    )
    expect(statusOf(refused)).toBe(400)
    const errors = formResult(refused).error!
    expect(errors['']).toEqual(['bids.errors.reconfirmIncomplete'])
    expect(errors[`req_${added.id}_met`]).toEqual(['bids.required.met'])
    // The bid form keeps the stored answers (the confirm button's form carries none).
    expect(formResult(refused).initialValue).toBeUndefined()
    expect((await bidOf(call.id, company))!.status).toBe('needs_reconfirmation')

    const all = await db
      .selectFrom('call_criteria_current')
      .select(['id', 'kind'])
      .where('call_id', '=', call.id)
      .execute()
    const result = await bidPost(call.id, complete(all), cookie)
    expect(statusOf(result)).toBe(302)
    const bid = (await bidOf(call.id, company))!
    expect(bid.status).toBe('submitted')
    expect(unsealContent(bid).requirements.map((r) => r.criterion_id)).toContain(added.id)
  })

  test('not re-confirmed by the deadline: read-only, marked as not to be opened', async () => {
    const { buyer, call, criteria, company, ...rest } = await setup()
    let cookie = rest.cookie
    await bidPost(call.id, complete(criteria), cookie)
    advanceClock(60)
    await amend(buyer, call, { retire: criteria.find((c) => c.kind === 'requirement')!.id })
    advanceClock(60 * DAY)
    cookie = await sessionCookieFor(getDb(), company.user.id)
    const page = dataOf(await bidPage(call.id, cookie))
    expect(page.call.open).toBe(false)
    expect(page.bid.status).toBe('needs_reconfirmation')
    const result = await bidPost(
      call.id,
      { intent: 'reconfirm', company: company.org.slug },
      cookie,
    )
    expect(formResult(result).error).toEqual({ '': ['bids.errors.deadline_passed'] })
    expect((await bidOf(call.id, company))!.status).toBe('needs_reconfirmation')
  })
})

describe("a company's bids", () => {
  test('members see every bid with call, status, deadline and submission time', async () => {
    const db = getDb()
    const { buyer, call, criteria, company, cookie } = await setup()
    const { call: other } = await createCall(db, buyer, { title: 'Digital läkemedelsdispenser' })
    await bidPost(call.id, complete(criteria), cookie)
    await bidPost(other.id, { intent: 'save', solution_summary: 'Utkast' }, cookie)
    const colleague = await createUser(db)
    await addMember(db, company.org.id, colleague.id, 'member')
    const result = dataOf(
      await companyBids(company.org.slug, await sessionCookieFor(db, colleague.id)),
    )
    const byTitle = Object.fromEntries(
      result.bids.map((b: { call_title: string }) => [b.call_title, b]),
    )
    expect(byTitle[call.title].status).toBe('submitted')
    expect(byTitle[call.title].submitted_at).not.toBeNull()
    expect(byTitle[call.title].tender_deadline).toBe(call.tender_deadline)
    expect(byTitle[call.title].shownStatus).toBe('open')
    expect(byTitle['Digital läkemedelsdispenser'].status).toBe('draft')
    expect(JSON.stringify(result)).not.toContain(SECRET)
    // A public body has no bids page.
    expect(
      statusOf(await companyBids(buyer.org.slug, await sessionCookieFor(db, buyer.user.id))),
    ).toBe(404)
  })
})
