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
import { fromDbError } from '~/models/errors.server'
import { action as bidAction, loader as bidLoader } from '~/routes/calls.$callId.bid/route'
import { loader as companyBidsLoader } from '~/routes/organisations.$slug.bids/route'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { completeBidContent, createBid } from '../helpers/bid-factories'
import { advanceClock, createBuyer, createCall, DAY, resetClock } from '../helpers/call-factories'
import { addMember, createOrganisation, createUser, sessionCookieFor } from '../helpers/factories'
import { auditActions, mailsTo, rawError } from '../helpers/inspect'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import { createCompany } from '../helpers/test-bed-factories'

afterEach(() => resetClock())

// A phrase that appears only in the bid's plaintext, to look for in the raw database.
const SECRET = 'Ugglans-hemliga-sensorfusion-7731'

type Company = Awaited<ReturnType<typeof createCompany>>
type Criterion = Awaited<ReturnType<typeof createCall>>['criteria'][number]

async function setup(options: Parameters<typeof createCall>[2] = {}) {
  const db = getDb()
  const buyer = await createBuyer(db)
  const { call, criteria } = await createCall(db, buyer, options)
  const company = await createCompany(db)
  return { buyer, call, criteria, company, cookie: await sessionCookieFor(db, company.user.id) }
}

/** Every field of a complete bid for `criteria` (the call factory's default terms). */
function complete(
  criteria: Pick<Criterion, 'id' | 'kind'>[],
  overrides: Record<string, string> = {},
): Record<string, string> {
  const fields: Record<string, string> = {
    intent: 'submit',
    solution_summary: `Nattsensorer med ${SECRET} som larmar utan kamera.`,
    price_sek: '1 250 000',
    contact_role: 'Säljansvarig',
  }
  for (const c of criteria) {
    if (c.kind === 'requirement') {
      fields[`req_${c.id}_met`] = 'yes'
      fields[`req_${c.id}_explanation`] = 'DPIA klar, data lagras i Sverige.'
    } else {
      fields[`crit_${c.id}`] = `Vårt svar på kriterium ${c.id}.`
    }
  }
  return { ...fields, ...overrides }
}

function bidPage(callId: number | string, cookie?: string, query = '') {
  return run(() =>
    bidLoader(
      loaderArgs(getRequest(`/calls/${callId}/bid${query}`, { cookie }), {
        callId: String(callId),
      }),
    ),
  )
}

function bidPost(callId: number | string, fields: Record<string, string>, cookie?: string) {
  return run(() =>
    bidAction(
      actionArgs(formRequest(`/calls/${callId}/bid`, fields, { cookie }), {
        callId: String(callId),
      }),
    ),
  )
}

function companyBids(slug: string, cookie?: string) {
  return run(() =>
    companyBidsLoader(loaderArgs(getRequest(`/organisations/${slug}/bids`, { cookie }), { slug })),
  )
}

async function bidOf(callId: number, company: Company) {
  return getDb()
    .selectFrom('bids')
    .selectAll()
    .where('call_id', '=', callId)
    .where('company_id', '=', company.org.id)
    .executeTakeFirst()
}

/**
 * Publishes an amendment by raw SQL, following the migration's steps: open amendment with the
 * resulting deadlines, new rows added_in / old rows removed_in, then published in one go.
 */
async function amend(
  buyer: { user: { id: number } },
  call: { id: number },
  change: { addRequirement?: string; retire?: number } = {},
) {
  const db = getDb()
  return db.transaction().execute(async (tx) => {
    const current = await tx
      .selectFrom('calls')
      .select(['tender_deadline', 'question_deadline'])
      .where('id', '=', call.id)
      .executeTakeFirstOrThrow()
    const at = now()
    const tender = Math.max(current.tender_deadline, at + 6 * DAY) + 7 * DAY
    const amendment = await tx
      .insertInto('call_amendments')
      .values({
        call_id: call.id,
        number: 1,
        summary: 'Nytt skall-krav om drift dygnet runt; sista anbudsdag flyttas.',
        question_deadline: current.question_deadline,
        tender_deadline: tender,
        created_by: buyer.user.id,
        created_at: at,
        published_at: null,
        published_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (change.addRequirement) {
      await tx
        .insertInto('call_criteria')
        .values({
          call_id: call.id,
          kind: 'requirement',
          position: 9,
          title: change.addRequirement,
          weight: null,
          added_in: amendment.id,
        })
        .execute()
    }
    if (change.retire) {
      await tx
        .updateTable('call_criteria')
        .set({ removed_in: amendment.id })
        .where('id', '=', change.retire)
        .execute()
    }
    await tx
      .updateTable('call_amendments')
      .set({
        state: 'published',
        published_at: now(),
        published_by: buyer.user.id,
        changes_terms: change.addRequirement || change.retire ? 1 : 0,
      })
      .where('id', '=', amendment.id)
      .execute()
    return amendment.id
  })
}

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
