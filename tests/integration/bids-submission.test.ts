import { sql } from 'kysely'
import { afterEach, describe, expect, test } from 'vitest'
import { isMessageKey } from '~/i18n/messages'
import {
  bidReceipt,
  canonicalBidReceipt,
  contentHash,
  sealContent,
  unsealContent,
} from '~/models/bid-content.server'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { completeBidContent } from '../helpers/bid-factories'
import {
  bidOf,
  bidPage,
  bidPost,
  companyBids,
  complete,
  SECRET,
  setup,
} from '../helpers/bids-setup'
import { createCall, DAY, resetClock } from '../helpers/call-factories'
import { createOrganisation, createUser, sessionCookieFor } from '../helpers/factories'
import { auditActions, mailsTo, rawError } from '../helpers/inspect'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import { createCompany } from '../helpers/test-bed-factories'

// Bids: who may open the bid page, sealing before the deadline, drafts, submission and the receipt.

afterEach(() => resetClock())

describe('who may open the bid page', () => {
  test('a visitor is sent to log in, for the page, the form and the company list', async () => {
    const { call, criteria, company } = await setup()
    const page = await bidPage(call.id)
    expect(statusOf(page)).toBe(302)
    expect(headerOf(page, 'Location')).toBe(
      `/login?redirectTo=${encodeURIComponent(`/calls/${call.id}/bid`)}`,
    )
    expect(statusOf(await bidPost(call.id, complete(criteria)))).toBe(302)
    expect(statusOf(await companyBids(company.org.slug))).toBe(302)
    expect(await bidOf(call.id, company)).toBeUndefined()
  })

  test('draft, unknown and malformed calls do not exist (404)', async () => {
    const { buyer, cookie, company } = await setup()
    const { call: draft, criteria } = await createCall(getDb(), buyer, { status: 'draft' })
    for (const id of [draft.id, 999999, '12abc', '1e3']) {
      expect(statusOf(await bidPage(id, cookie))).toBe(404)
    }
    expect(statusOf(await bidPost(draft.id, complete(criteria), cookie))).toBe(404)
    expect(await bidOf(draft.id, company)).toBeUndefined()
  })

  test('someone in no company is told that companies bid, and cannot bid', async () => {
    const { call, criteria } = await setup()
    const loner = await createUser(getDb())
    const cookie = await sessionCookieFor(getDb(), loner.id)
    const page = dataOf(await bidPage(call.id, cookie))
    expect(page.companies).toEqual([])
    expect(page.bid).toBeNull()
    const result = await bidPost(call.id, complete(criteria, { intent: 'save' }), cookie)
    expect(statusOf(result)).toBe(400)
    expect(formResult(result).error).toEqual({ '': ['errors.domain.not_company_member'] })
  })

  test('a member of several companies chooses one; a company the user is not in is refused', async () => {
    const db = getDb()
    const { call, criteria, company, cookie } = await setup()
    const second = await createOrganisation(db, { kind: 'company', adminUserId: company.user.id })
    const stranger = await createCompany(db)
    const page = dataOf(await bidPage(call.id, cookie))
    expect(page.companies).toHaveLength(2)
    expect(page.company).toBeNull()
    expect(dataOf(await bidPage(call.id, cookie, `?company=${second.slug}`)).company.slug).toBe(
      second.slug,
    )
    const unnamed = await bidPost(call.id, complete(criteria, { intent: 'save' }), cookie)
    expect(formResult(unnamed).error).toEqual({ '': ['errors.domain.not_company_member'] })
    const foreign = await bidPost(
      call.id,
      complete(criteria, { intent: 'save', company: stranger.org.slug }),
      cookie,
    )
    expect(formResult(foreign).error).toEqual({ '': ['errors.domain.not_company_member'] })
    expect(await bidOf(call.id, stranger)).toBeUndefined()
    const saved = await bidPost(
      call.id,
      complete(criteria, { intent: 'save', company: second.slug }),
      cookie,
    )
    expect(headerOf(saved, 'Location')).toBe(
      `/calls/${call.id}/bid?company=${second.slug}&notice=saved`,
    )
  })
})

describe('sealed: nobody but the bidder reads a bid before the deadline', () => {
  test('buyer members and platform admins get no content from any bid page', async () => {
    const db = getDb()
    const { buyer, call, criteria, company, cookie } = await setup()
    expect(statusOf(await bidPost(call.id, complete(criteria), cookie))).toBe(302)
    const bid = (await bidOf(call.id, company))!

    const buyerCookie = await sessionCookieFor(db, buyer.user.id)
    const asBuyer = await bidPage(call.id, buyerCookie, `?company=${company.org.slug}`)
    expect(statusOf(asBuyer)).toBe(403)
    expect(dataOf(asBuyer).bid).toBeNull()
    expect(JSON.stringify(dataOf(asBuyer))).not.toContain(SECRET)
    expect(statusOf(await companyBids(company.org.slug, buyerCookie))).toBe(404)

    const admin = await createUser(db, { isPlatformAdmin: true })
    const adminCookie = await sessionCookieFor(db, admin.id)
    const asAdmin = dataOf(await bidPage(call.id, adminCookie, `?company=${company.org.slug}`))
    expect(asAdmin.bid).toBeNull()
    expect(JSON.stringify(asAdmin)).not.toContain(SECRET)
    expect(statusOf(await companyBids(company.org.slug, adminCookie))).toBe(404)

    // Another company's member sees its own (empty) state, never this bid.
    const rival = await createCompany(db)
    const rivalCookie = await sessionCookieFor(db, rival.user.id)
    const asRival = dataOf(await bidPage(call.id, rivalCookie, `?company=${company.org.slug}`))
    expect(asRival.company.slug).toBe(rival.org.slug)
    expect(asRival.bid).toBeNull()
    expect(statusOf(await companyBids(company.org.slug, rivalCookie))).toBe(404)

    // None of them caused a read of the content.
    expect(await auditActions(db, 'bid', bid.id)).not.toContain('bid.read')
  })

  test('the raw sealed column does not contain the plaintext; the bidder reads it back', async () => {
    const db = getDb()
    const { call, criteria, company, cookie } = await setup()
    await bidPost(call.id, complete(criteria), cookie)
    const raw = await sql<{
      sealed: Uint8Array
      hex: string
    }>`SELECT sealed, hex(sealed) AS hex FROM bids
      WHERE call_id = ${call.id} AND company_id = ${company.org.id}`.execute(db)
    const row = raw.rows[0]!
    expect(Buffer.from(row.sealed).toString('latin1')).not.toContain(SECRET)
    expect(row.hex).not.toContain(Buffer.from(SECRET).toString('hex').toUpperCase())
    const found = await sql<{ n: number }>`SELECT count(*) AS n FROM bids
      WHERE CAST(sealed AS TEXT) LIKE ${`%${SECRET}%`}`.execute(db)
    expect(found.rows[0]!.n).toBe(0)
    const page = dataOf(await bidPage(call.id, cookie))
    expect(page.bid.content.solution_summary).toContain(SECRET)
  })

  test('a buyer member cannot bid: the app refuses, and so does the database', async () => {
    const db = getDb()
    const { buyer, call, criteria } = await setup()
    // The buyer's user is also in a company, which is the only way the rule can be tested.
    const sideline = await createOrganisation(db, { kind: 'company', adminUserId: buyer.user.id })
    const cookie = await sessionCookieFor(db, buyer.user.id)
    const result = await bidPost(call.id, complete(criteria, { company: sideline.slug }), cookie)
    expect(statusOf(result)).toBe(400)
    expect(formResult(result).error).toEqual({ '': ['errors.domain.buyer_cannot_bid'] })
    const content = await completeBidContent(db, call.id)
    const { sealed, content_hash } = sealContent(content, {
      callId: call.id,
      companyId: sideline.id,
    })
    const message = await rawError(() =>
      db
        .insertInto('bids')
        .values({
          call_id: call.id,
          company_id: sideline.id,
          sealed,
          content_hash,
          created_by: buyer.user.id,
          created_at: now(),
          updated_by: buyer.user.id,
          updated_at: now(),
          submitted_at: null,
          submitted_by: null,
          receipt_hash: null,
          withdrawn_at: null,
        })
        .execute(),
    )
    expect(message).toContain('testarena:buyer_cannot_bid')
    const rows = await db.selectFrom('bids').select('id').where('call_id', '=', call.id).execute()
    expect(rows).toEqual([])
  })
})

describe('drafts, submission and the receipt', () => {
  test('an incomplete submission is refused per field and nothing is stored', async () => {
    const { call, criteria, company, cookie } = await setup()
    const requirement = criteria.find((c) => c.kind === 'requirement')!
    const result = await bidPost(
      call.id,
      complete(criteria, { [`req_${requirement.id}_met`]: '', price_sek: '', contact_role: '' }),
      cookie,
    )
    expect(statusOf(result)).toBe(400)
    const errors = formResult(result).error!
    expect(errors[`req_${requirement.id}_met`]).toEqual(['bids.required.met'])
    expect(errors.price_sek).toEqual(['bids.required.price_sek'])
    expect(errors.contact_role).toEqual(['bids.required.contact_role'])
    for (const messages of Object.values(errors)) {
      for (const m of messages ?? []) expect(isMessageKey(m)).toBe(true)
    }
    expect(await bidOf(call.id, company)).toBeUndefined()
    const malformed = await bidPost(call.id, complete(criteria, { price_sek: '12,5 kr' }), cookie)
    expect(formResult(malformed).error!.price_sek).toEqual(['bids.errors.price'])
  })

  test('a partial draft is saved sealed and audited; reading it back is audited too', async () => {
    const db = getDb()
    const { call, company, cookie } = await setup()
    const saved = await bidPost(
      call.id,
      { intent: 'save', solution_summary: `Utkast med ${SECRET}` },
      cookie,
    )
    expect(headerOf(saved, 'Location')).toBe(
      `/calls/${call.id}/bid?company=${company.org.slug}&notice=saved`,
    )
    const bid = (await bidOf(call.id, company))!
    expect(bid.status).toBe('draft')
    expect(bid.receipt_hash).toBeNull()
    expect(unsealContent(bid).solution_summary).toBe(`Utkast med ${SECRET}`)
    expect(bid.content_hash).toBe(contentHash(unsealContent(bid)))
    expect(await auditActions(db, 'bid', bid.id)).toEqual(['bid.saved'])

    const page = dataOf(await bidPage(call.id, cookie))
    expect(page.bid.status).toBe('draft')
    expect(page.defaults.solution_summary).toBe(`Utkast med ${SECRET}`)
    await bidPage(call.id, cookie)
    expect(await auditActions(db, 'bid', bid.id)).toEqual(['bid.saved', 'bid.read', 'bid.read'])
    const read = await db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'organisation_id'])
      .where('action', '=', 'bid.read')
      .where('entity_id', '=', String(bid.id))
      .execute()
    expect(read.every((r) => r.actor_user_id === company.user.id)).toBe(true)
    expect(read.every((r) => r.organisation_id === company.org.id)).toBe(true)
  })

  test('submission: stamped now, receipt rebuildable, mailed to the submitter in their language', async () => {
    const db = getDb()
    const { call, criteria, company, cookie } = await setup()
    await db.updateTable('users').set({ locale: 'en' }).where('id', '=', company.user.id).execute()
    const before = now()
    const result = await bidPost(call.id, complete(criteria), cookie)
    expect(headerOf(result, 'Location')).toBe(
      `/calls/${call.id}/bid?company=${company.org.slug}&notice=submitted`,
    )
    const bid = (await bidOf(call.id, company))!
    expect(bid.status).toBe('submitted')
    expect(bid.submitted_by).toBe(company.user.id)
    expect(bid.submitted_at).toBeGreaterThanOrEqual(before)
    expect(bid.submitted_at).toBeLessThanOrEqual(now())
    const fields = {
      call_id: call.id,
      company_id: company.org.id,
      content_hash: bid.content_hash,
      submitted_at: bid.submitted_at!,
    }
    // Anyone can rebuild it: SHA-256 of the documented canonical JSON.
    expect(canonicalBidReceipt(fields)).toBe(
      `{"call_id":${call.id},"company_id":${company.org.id},"content_hash":"${bid.content_hash}","submitted_at":${bid.submitted_at}}`,
    )
    expect(bid.receipt_hash).toBe(bidReceipt(fields))
    expect(bid.content_hash).toBe(contentHash(unsealContent(bid)))
    expect(unsealContent(bid).price_sek).toBe(1_250_000)

    const mails = await mailsTo(db, company.user.email, 'bid_receipt')
    expect(mails).toHaveLength(1)
    const mail = mails[0]!
    // In the submitter's language, with the exact time (zone included) and the fingerprint.
    expect(mail.subject).toBe(`Receipt: your bid in ${call.title} has been received`)
    expect(mail.text_body).toContain(company.org.name)
    expect(mail.text_body).toContain(bid.receipt_hash!)
    expect(mail.text_body).toContain(new Date(bid.submitted_at! * 1000).toISOString())
    expect(mail.text_body).toMatch(/Received: .*\d{4}.*(CET|CEST|GMT\+1|GMT\+2)/)
    expect(await auditActions(db, 'bid', bid.id)).toEqual(['bid.submitted'])

    const page = dataOf(await bidPage(call.id, cookie, `?notice=submitted`))
    expect(page.notice).toBe('submitted')
    expect(page.bid.receipt_hash).toBe(bid.receipt_hash)
    expect(page.bid.submitted_at).toBe(bid.submitted_at)
  })

  test('a market dialogue asks no price', async () => {
    const { call, criteria, company, cookie } = await setup({
      procedure: 'market_dialogue',
      tenderDeadlineIn: 20 * DAY,
      questionDeadlineIn: 10 * DAY,
    })
    const result = await bidPost(call.id, complete(criteria, { price_sek: '' }), cookie)
    expect(statusOf(result)).toBe(302)
    const bid = (await bidOf(call.id, company))!
    expect(bid.status).toBe('submitted')
    expect(unsealContent(bid).price_sek).toBeNull()
  })
})
