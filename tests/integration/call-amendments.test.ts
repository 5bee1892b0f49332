import { afterEach, describe, expect, test } from 'vitest'
import { listCallDocuments } from '~/models/call-documents.server'
import { getCallTerms, listAmendments } from '~/models/calls.server'
import { action as amendAction, loader as amendLoader } from '~/routes/calls.$callId.amend/route'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { toStockholmDateTimeInput } from '~/utils/stockholm-time'
import { createBid } from '../helpers/bid-factories'
import { advanceClock, createBuyer, createCall, DAY, resetClock } from '../helpers/call-factories'
import { sessionCookieFor } from '../helpers/factories'
import { auditActions, mailsTo } from '../helpers/inspect'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import { createCompany, createMemberOf } from '../helpers/test-bed-factories'

// Amendments through the app: one transaction that either publishes everything (rows, deadlines,
// re-confirmation, one mail per interested person) or nothing. The raw-SQL attacks on the same
// triggers are in call-rules-*.test.ts.

const db = getDb()
afterEach(resetClock)

type Buyer = Awaited<ReturnType<typeof createBuyer>>
type Party = Awaited<ReturnType<typeof createCompany>>

function fields(
  call: { question_deadline: number; tender_deadline: number },
  overrides: Record<string, string | string[]> = {},
) {
  return {
    summary: 'Vi förtydligar kraven på larmfunktionen och förlänger anbudstiden.',
    question_deadline: toStockholmDateTimeInput(call.question_deadline),
    tender_deadline: toStockholmDateTimeInput(call.tender_deadline),
    ...overrides,
  }
}

function amend(callId: number, body: Record<string, string | string[]>, cookie: string) {
  return run(() =>
    amendAction(
      actionArgs(formRequest(`/calls/${callId}/amend`, body, { cookie }), {
        callId: String(callId),
      }),
    ),
  )
}

async function setup() {
  const buyer = await createBuyer(db)
  const { call, criteria } = await createCall(db, buyer)
  return { buyer, call, criteria, cookie: await sessionCookieFor(db, buyer.user.id) }
}

/** A submitted bid, inserted as the bid page would leave it. */
async function submittedBid(callId: number, company: Party) {
  const bid = await createBid(db, { call: { id: callId }, company })
  return bid.id
}

async function unchanged(call: { id: number; tender_deadline: number }, criteriaCount: number) {
  const row = await db
    .selectFrom('calls')
    .select('tender_deadline')
    .where('id', '=', call.id)
    .executeTakeFirstOrThrow()
  expect(row.tender_deadline).toBe(call.tender_deadline)
  const amendments = await db
    .selectFrom('call_amendments')
    .select('id')
    .where('call_id', '=', call.id)
    .execute()
  expect(amendments).toEqual([])
  const all = await db
    .selectFrom('call_criteria')
    .select(['id', 'removed_in'])
    .where('call_id', '=', call.id)
    .execute()
  expect(all).toHaveLength(criteriaCount)
  expect(all.every((c) => c.removed_in === null)).toBe(true)
}

describe('amendments that break the rules are refused whole', () => {
  test('changed terms without an extension', async () => {
    const { call, criteria, cookie } = await setup()
    const result = await amend(
      call.id,
      fields(call, {
        'new_requirements[0].title': 'Fungerar utan wifi',
      }),
      cookie,
    )
    expect(statusOf(result)).toBe(400)
    expect(formResult(result).error?.tender_deadline).toEqual(['errors.domain.extension_required'])
    await unchanged(call, criteria.length)
  })

  test('a shortened deadline', async () => {
    const { call, criteria, cookie } = await setup()
    const result = await amend(
      call.id,
      fields(call, { tender_deadline: toStockholmDateTimeInput(call.tender_deadline - DAY) }),
      cookie,
    )
    expect(statusOf(result)).toBe(400)
    expect(formResult(result).error?.tender_deadline).toEqual(['errors.domain.deadline_shortened'])
    await unchanged(call, criteria.length)
  })

  test('weights that no longer sum to 100', async () => {
    const { call, criteria, cookie } = await setup()
    const price = criteria.find((c) => c.title === 'Pris')
    const result = await amend(
      call.id,
      fields(call, {
        tender_deadline: toStockholmDateTimeInput(call.tender_deadline + 7 * DAY),
        retire_criteria: [String(price?.id)],
        'new_criteria[0].title': 'Pris per brukare',
        'new_criteria[0].weight': '30',
      }),
      cookie,
    )
    expect(statusOf(result)).toBe(400)
    expect(formResult(result).error?.new_criteria).toEqual(['errors.domain.weights_not_100'])
    await unchanged(call, criteria.length)
  })

  test('an amendment within 6 days of the deadline must extend it', async () => {
    const { call, criteria, buyer } = await setup()
    advanceClock(35 * DAY)
    const cookie = await sessionCookieFor(db, buyer.user.id)
    const result = await amend(call.id, fields(call), cookie)
    expect(statusOf(result)).toBe(400)
    expect(formResult(result).error?.tender_deadline).toEqual(['errors.domain.extension_required'])
    await unchanged(call, criteria.length)
  })

  test('after the deadline, or for another organisation, there is no amendment', async () => {
    const { call, criteria, buyer } = await setup()
    const other = await createBuyer(db)
    const otherCookie = await sessionCookieFor(db, other.user.id)
    const page = await run(() =>
      amendLoader(
        loaderArgs(getRequest(`/calls/${call.id}/amend`, { cookie: otherCookie }), {
          callId: String(call.id),
        }),
      ),
    )
    expect(statusOf(page)).toBe(404)
    const later = {
      tender_deadline: toStockholmDateTimeInput(call.tender_deadline + 10 * DAY),
    }
    expect(statusOf(await amend(call.id, fields(call, later), otherCookie))).toBe(404)

    advanceClock(41 * DAY)
    const cookie = await sessionCookieFor(db, buyer.user.id)
    const closed = await amend(call.id, fields(call, later), cookie)
    expect(statusOf(closed)).toBe(400)
    expect(formResult(closed).error?.['']).toEqual(['errors.domain.amendment_not_allowed'])
    await unchanged(call, criteria.length)
  })
})

describe('a published amendment', () => {
  test('changes the terms, extends the deadline, asks for re-confirmation and mails each once', async () => {
    const { call, criteria, cookie, buyer } = await setup()
    // A follower who also downloaded, a downloader, and a bidding company with two members.
    const company = await createCompany(db)
    const colleague = await createMemberOf(db, company.org.id)
    const follower = await createCompany(db)
    const at = now()
    await db
      .insertInto('follows')
      .values({
        user_id: follower.user.id,
        target_type: 'call',
        target_id: call.id,
        created_at: at,
      })
      .execute()
    await db
      .insertInto('call_downloads')
      .values({ call_id: call.id, user_id: follower.user.id, first_at: at })
      .execute()
    const bidId = await submittedBid(call.id, company)

    const price = criteria.find((c) => c.title === 'Pris')
    const newDeadline = call.tender_deadline + 7 * DAY
    const page = dataOf(
      await run(() =>
        amendLoader(
          loaderArgs(getRequest(`/calls/${call.id}/amend`, { cookie }), {
            callId: String(call.id),
          }),
        ),
      ),
    )
    expect(page.audience).toBe(3)
    const result = await amend(
      call.id,
      fields(call, {
        tender_deadline: toStockholmDateTimeInput(newDeadline),
        retire_criteria: [String(price?.id)],
        'new_criteria[0].title': 'Pris per brukare och år',
        'new_criteria[0].weight': '40',
      }),
      cookie,
    )
    expect(headerOf(result, 'Location')).toBe(`/calls/${call.id}/edit?notice=amended`)

    const stored = await db
      .selectFrom('calls')
      .select(['tender_deadline', 'question_deadline'])
      .where('id', '=', call.id)
      .executeTakeFirstOrThrow()
    expect(stored.tender_deadline).toBe(Math.floor(newDeadline / 60) * 60)
    expect(stored.question_deadline).toBe(call.question_deadline)
    const terms = await getCallTerms(db, call.id)
    expect(terms.criteria.map((c) => [c.title, c.weight])).toEqual([
      ['Funktion och nytta för brukaren', 60],
      ['Pris per brukare och år', 40],
    ])
    const bid = await db
      .selectFrom('bids')
      .select('status')
      .where('id', '=', bidId)
      .executeTakeFirstOrThrow()
    expect(bid.status).toBe('needs_reconfirmation')

    const [amendment] = await listAmendments(db, call.id)
    expect(amendment).toMatchObject({ number: 1, changes_terms: true })
    expect(amendment?.criteriaRemoved.map((c) => c.title)).toEqual(['Pris'])
    expect(amendment?.criteriaAdded.map((c) => c.title)).toEqual(['Pris per brukare och år'])
    expect(await auditActions(db, 'call', call.id)).toEqual(['call.amended'])

    for (const user of [follower.user, company.user, colleague]) {
      const mails = await mailsTo(db, user.email, 'call_amendment')
      expect(mails).toHaveLength(1)
      expect(mails[0]?.text_body).toContain('bekräfta det igen')
      expect(mails[0]?.text_body).toMatch(/Sista anbudsdag: .*\d{4}.*(CET|CEST)/)
    }
    expect(await mailsTo(db, buyer.user.email, 'call_amendment')).toHaveLength(0)
  })

  test('a clarification that changes no terms keeps deadlines and submitted bids', async () => {
    const { call, cookie } = await setup()
    const company = await createCompany(db)
    const bidId = await submittedBid(call.id, company)
    const result = await amend(call.id, fields(call), cookie)
    expect(statusOf(result)).toBe(302)
    const bid = await db
      .selectFrom('bids')
      .select('status')
      .where('id', '=', bidId)
      .executeTakeFirstOrThrow()
    expect(bid.status).toBe('submitted')
    const row = await db
      .selectFrom('calls')
      .select('tender_deadline')
      .where('id', '=', call.id)
      .executeTakeFirstOrThrow()
    expect(row.tender_deadline).toBe(call.tender_deadline)
    const [amendment] = await listAmendments(db, call.id)
    expect(amendment?.changes_terms).toBe(false)
    const [mail] = await mailsTo(db, company.user.email, 'call_amendment')
    expect(mail?.text_body).not.toContain('bekräfta det igen')
  })

  test('replaces a document: the old one stays listed as superseded', async () => {
    const buyer: Buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer, { status: 'draft' })
    const cookie = await sessionCookieFor(db, buyer.user.id)
    const { action: editAction } = await import('~/routes/calls.$callId.edit/route')
    const upload = (title: string, text: string, callId: number, intent: string) => {
      const body = new FormData()
      body.append('intent', intent)
      body.append('title', title)
      body.append('file', new File([text], 'underlag.txt'))
      return new Request(`http://localhost:3000/calls/${callId}/edit`, {
        method: 'POST',
        body,
        headers: { Origin: 'http://localhost:3000', Cookie: cookie },
      })
    }
    await editAction(
      actionArgs(upload('Underlag v1', 'Version 1\n', call.id, 'upload'), {
        callId: String(call.id),
      }),
    )
    await db
      .updateTable('calls')
      .set({ status: 'published', published_at: now() })
      .where('id', '=', call.id)
      .execute()
    const [first] = await listCallDocuments(db, call.id)

    const body = new FormData()
    for (const [k, v] of Object.entries(
      fields(call, {
        tender_deadline: toStockholmDateTimeInput(call.tender_deadline + 7 * DAY),
        document_title: 'Underlag v2',
      }),
    )) {
      body.append(k, String(v))
    }
    body.append('remove_documents', String(first?.id))
    body.append('file', new File(['Version 2\n'], 'underlag-v2.txt'))
    const result = await run(() =>
      amendAction(
        actionArgs(
          new Request(`http://localhost:3000/calls/${call.id}/amend`, {
            method: 'POST',
            body,
            headers: { Origin: 'http://localhost:3000', Cookie: cookie },
          }),
          { callId: String(call.id) },
        ),
      ),
    )
    expect(statusOf(result)).toBe(302)
    const documents = await listCallDocuments(db, call.id)
    expect(documents.map((d) => [d.title, d.superseded, d.added_in, d.removed_in])).toEqual([
      ['Underlag v1', true, null, 1],
      ['Underlag v2', false, 1, null],
    ])
  })
})
