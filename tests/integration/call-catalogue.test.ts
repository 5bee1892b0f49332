import { afterEach, describe, expect, test } from 'vitest'
import type { SizeClass } from '#db/schema'
import { loader as callLoader } from '~/routes/calls.$callId._index/route'
import { action as followAction } from '~/routes/follow/route'
import { loader as homeLoader } from '~/routes/_index/route'
import { loader as listLoader } from '~/routes/calls._index/route'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { createBid } from '../helpers/bid-factories'
import {
  advanceClock,
  awardRaw,
  completeEvaluationRaw,
  createBuyer,
  createCall,
  DAY,
  declareEvaluatorRaw,
  openBidsRaw,
  resetClock,
  scoreBidRaw,
} from '../helpers/call-factories'
import { sessionCookieFor, unique } from '../helpers/factories'
import { auditActions, rawError } from '../helpers/inspect'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, headerOf, statusOf } from '../helpers/responses'
import { createCompany } from '../helpers/test-bed-factories'

afterEach(() => resetClock())

type Buyer = Awaited<ReturnType<typeof createBuyer>>
type Company = Awaited<ReturnType<typeof createCompany>>

function list(query = '') {
  return run(() => listLoader(loaderArgs(getRequest(`/calls${query}`))))
}

function page(callId: number | string, cookie?: string) {
  return run(() =>
    callLoader(loaderArgs(getRequest(`/calls/${callId}`, { cookie }), { callId: String(callId) })),
  )
}

function follow(callId: number, intent: string, cookie?: string) {
  const fields = { type: 'call', id: String(callId), intent, redirectTo: `/calls/${callId}` }
  return run(() => followAction(actionArgs(formRequest('/follow', fields, { cookie }))))
}

async function titles(query: string) {
  const result = await list(query)
  expect(statusOf(result)).toBe(200)
  return dataOf(result).result.items.map((i: { title: string }) => i.title) as string[]
}

async function companyOfSize(size: SizeClass) {
  const company = await createCompany(getDb())
  await getDb()
    .updateTable('organisations')
    .set({ size_class: size })
    .where('id', '=', company.org.id)
    .execute()
  return company
}

async function submitBid(callId: number, company: Company) {
  const bid = await createBid(getDb(), { call: { id: callId }, company })
  return bid.id
}

/**
 * After the deadline: the opening record (the migration's expression), the buyer's declaration,
 * scores on every criterion in force, the evaluation, and the award to the best passing bid.
 * `scores` gives each bid its score on every weighted criterion and whether it meets the must-haves.
 */
async function awardByScores(
  buyer: Buyer,
  callId: number,
  scores: { bidId: number; score: number; passes: boolean }[],
) {
  const db = getDb()
  const me = buyer.user.id
  await openBidsRaw(db, callId, me)
  await declareEvaluatorRaw(db, callId, me)
  for (const s of scores) await scoreBidRaw(db, s.bidId, me, s.score, s.passes ? 1 : 0)
  await completeEvaluationRaw(db, callId, me)
  const best = [...scores].filter((s) => s.passes).sort((a, b) => b.score - a.score)[0]
  if (!best) throw new Error('No passing bid to award')
  await awardRaw(db, callId, [best.bidId], me)
}

async function cancel(buyer: Buyer, callId: number) {
  const at = now()
  await getDb()
    .updateTable('calls')
    .set({
      status: 'cancelled',
      decided_at: at,
      decided_by: buyer.user.id,
      updated_by: buyer.user.id,
      updated_at: at,
      outcome_reason: 'Behovet har förändrats och upphandlingen avbryts.',
    })
    .where('id', '=', callId)
    .execute()
}

describe('the list of calls', () => {
  test('lists published calls newest first and never drafts', async () => {
    const db = getDb()
    const buyer = await createBuyer(db)
    const word = unique('lista')
    await createCall(db, buyer, { title: `Äldre ${word}` })
    advanceClock(60)
    await createCall(db, buyer, { title: `Nyare ${word}` })
    await createCall(db, buyer, { title: `Utkast ${word}`, status: 'draft' })
    expect(await titles(`?q=${word}`)).toEqual([`Nyare ${word}`, `Äldre ${word}`])
  })

  test('searches with å, ä and ö in any case, and short words through LIKE', async () => {
    const db = getDb()
    const buyer = await createBuyer(db)
    const word = unique('sök')
    await createCall(db, buyer, { title: `Trygg nattillsyn i hemtjänsten ${word}` })
    await createCall(db, buyer, { title: `AI för skolskjutsar ${word}` })
    expect(await titles(`?q=${encodeURIComponent(`HEMTJÄNST ${word}`)}`)).toEqual([
      `Trygg nattillsyn i hemtjänsten ${word}`,
    ])
    expect(await titles(`?q=${encodeURIComponent('Ä')}&status=open`)).toContain(
      `Trygg nattillsyn i hemtjänsten ${word}`,
    )
    const short = await titles('?q=AI')
    expect(short).toContain(`AI för skolskjutsar ${word}`)
    expect(short).not.toContain(`Trygg nattillsyn i hemtjänsten ${word}`)
    // FTS operators are plain text, not syntax errors.
    expect(await titles(`?q=${encodeURIComponent('"NEAR( hemtj*')}`)).toEqual([])
  })

  test('filters by procedure, theme, county and CPV prefix', async () => {
    const db = getDb()
    const buyer = await createBuyer(db)
    const word = unique('filter')
    await createCall(db, buyer, {
      title: `IT ${word}`,
      cpv: ['72212000'],
      themes: ['ehealth'],
    })
    await createCall(db, buyer, {
      title: `Vård ${word}`,
      cpv: ['85000000'],
      procedure: 'innovation_partnership',
    })
    expect(await titles(`?q=${word}&cpv=72`)).toEqual([`IT ${word}`])
    expect(await titles(`?q=${word}&cpv=72000000`)).toEqual([`IT ${word}`])
    expect(await titles(`?q=${word}&cpv=722`)).toEqual([`IT ${word}`])
    expect(await titles(`?q=${word}&cpv=723`)).toEqual([])
    expect(await titles(`?q=${word}&procedure=innovation_partnership`)).toEqual([`Vård ${word}`])
    expect(await titles(`?q=${word}&theme=ehealth`)).toEqual([`IT ${word}`])
    expect(await titles(`?q=${word}&county=25`)).toHaveLength(2)
    expect(await titles(`?q=${word}&county=01`)).toEqual([])
    // The chosen CPV code is named.
    const named = dataOf(await list(`?q=${word}&cpv=72`))
    expect(named.result.cpvLabel.code).toBe('72000000')
    expect(named.result.cpvLabel.label).toMatch(/IT-tjänster/)
    // Nonsense filters are ignored, not errors.
    expect(await titles(`?q=${word}&cpv=abc&procedure=x&status=y`)).toHaveLength(2)
  })

  test('filters by status and by closing within 14 days', async () => {
    const db = getDb()
    const buyer = await createBuyer(db)
    const word = unique('läge')
    const { call: soon } = await createCall(db, buyer, {
      title: `Snart ${word}`,
      procedure: 'market_dialogue',
      tenderDeadlineIn: 12 * DAY,
      questionDeadlineIn: 5 * DAY,
    })
    await createCall(db, buyer, { title: `Senare ${word}` })
    const { call: cancelled } = await createCall(db, buyer, { title: `Avbruten ${word}` })
    await cancel(buyer, cancelled.id)
    expect(await titles(`?q=${word}&closing=1`)).toEqual([`Snart ${word}`])
    expect(await titles(`?q=${word}&status=cancelled`)).toEqual([`Avbruten ${word}`])
    expect(await titles(`?q=${word}&status=open`)).toEqual([`Senare ${word}`, `Snart ${word}`])
    expect(await titles(`?q=${word}&status=closed`)).toEqual([])
    advanceClock(13 * DAY)
    expect(await titles(`?q=${word}&status=closed`)).toEqual([`Snart ${word}`])
    const card = dataOf(await list(`?q=${word}&status=closed`)).result.items[0]
    expect(card.shown_status).toBe('closed')
    expect(card.id).toBe(soon.id)
  })
})

describe('the public page of a call', () => {
  test('a draft is 404 to visitors and other users, and shown with a notice to the buyer', async () => {
    const db = getDb()
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer, { status: 'draft' })
    const other = await createCompany(db)
    expect(statusOf(await page(call.id))).toBe(404)
    expect(statusOf(await page(call.id, await sessionCookieFor(db, other.user.id)))).toBe(404)
    const own = dataOf(await page(call.id, await sessionCookieFor(db, buyer.user.id)))
    expect(own.call.status).toBe('draft')
    expect(statusOf(await page('abc'))).toBe(404)
    expect(statusOf(await page(999999))).toBe(404)
  })

  test('shows the terms in force, dates and what a company can do', async () => {
    const db = getDb()
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer, { cpv: ['72212000'] })
    const company = await createCompany(db)
    const shown = dataOf(await page(call.id, await sessionCookieFor(db, company.user.id))).call
    expect(shown.requirements.map((c: { title: string }) => c.title)).toEqual([
      'Uppfyller GDPR och har DPIA',
    ])
    expect(shown.criteria.map((c: { weight: number }) => c.weight)).toEqual([60, 40])
    expect(shown.answers_due_at).toBe(call.tender_deadline - 6 * DAY)
    expect(shown.cpv[0].label).toMatch(/Programmering/)
    expect(shown.viewer.companies.map((c: { id: number }) => c.id)).toEqual([company.org.id])
    expect(shown.viewer.ask_block).toBeNull()
    const visitor = dataOf(await page(call.id)).call
    expect(visitor.viewer.ask_block).toBe('login')
    const asBuyer = dataOf(await page(call.id, await sessionCookieFor(db, buyer.user.id))).call
    expect(asBuyer.viewer.ask_block).toBe('buyer')
    expect(asBuyer.viewer.companies).toEqual([])
  })

  test('says nothing about bids before the deadline and counts them by size class after it', async () => {
    const db = getDb()
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer)
    const micro = await companyOfSize('micro')
    const medium = await companyOfSize('medium')
    const large = await companyOfSize('large')
    const withdrawn = await companyOfSize('small')
    for (const c of [micro, medium, large, withdrawn]) await submitBid(call.id, c)
    await db
      .updateTable('bids')
      .set({ status: 'withdrawn', withdrawn_at: now(), updated_by: withdrawn.user.id })
      .where('company_id', '=', withdrawn.org.id)
      .execute()
    const before = dataOf(await page(call.id))
    expect(before.bidCounts).toBeNull()
    expect(JSON.stringify(before)).not.toMatch(/bid_count|"sme"|"large"/)
    advanceClock(40 * DAY)
    const after = dataOf(await page(call.id))
    expect(after.call.shown_status).toBe('closed')
    expect(after.bidCounts).toEqual({
      micro: 1,
      small: 0,
      medium: 1,
      sme: 2,
      large: 1,
      unknown: 0,
      total: 3,
    })
  })

  test('after the award: winners by name with size class and score, the others anonymised', async () => {
    const db = getDb()
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer)
    const winner = await companyOfSize('small')
    const runnerUp = await companyOfSize('large')
    const failing = await companyOfSize('micro')
    const winnerBid = await submitBid(call.id, winner)
    const runnerUpBid = await submitBid(call.id, runnerUp)
    const failingBid = await submitBid(call.id, failing)
    advanceClock(40 * DAY + 60)
    await awardByScores(buyer, call.id, [
      { bidId: winnerBid, score: 8, passes: true },
      { bidId: runnerUpBid, score: 6, passes: true },
      { bidId: failingBid, score: 10, passes: false },
    ])
    const result = dataOf(await page(call.id))
    expect(result.call.shown_status).toBe('awarded')
    const outcome = result.outcome
    expect(outcome.status).toBe('awarded')
    expect(outcome.reason).toMatch(/Högst viktad poäng/)
    expect(outcome.standstill_over).toBe(false)
    expect(outcome.contract_signed_at).toBeNull()
    expect(outcome.failed_count).toBe(1)
    expect(outcome.bids).toEqual([
      {
        company_name: winner.org.name,
        company_slug: winner.org.slug,
        size_class: 'small',
        winner: true,
        number: 1,
        score: 80,
        criterion_scores: [8, 8],
      },
      {
        company_name: null,
        company_slug: null,
        size_class: null,
        winner: false,
        number: 2,
        score: 60,
        criterion_scores: [6, 6],
      },
    ])
    const json = JSON.stringify(result)
    expect(json).not.toContain(runnerUp.org.name)
    expect(json).not.toContain(failing.org.name)
    expect(result.bidCounts.total).toBe(3)
  })

  test('a cancelled call shows the reason', async () => {
    const db = getDb()
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer)
    await cancel(buyer, call.id)
    const result = dataOf(await page(call.id))
    expect(result.outcome).toEqual({
      status: 'cancelled',
      decided_at: expect.any(Number),
      reason: 'Behovet har förändrats och upphandlingen avbryts.',
    })
    expect(result.bidCounts).toBeNull()
  })
})

describe('following a call', () => {
  test('follow and unfollow are audited and shown on the page', async () => {
    const db = getDb()
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer)
    const company = await createCompany(db)
    const cookie = await sessionCookieFor(db, company.user.id)
    const followed = await follow(call.id, 'follow', cookie)
    expect(headerOf(followed, 'Location')).toBe(`/calls/${call.id}?follow=added#follow`)
    await follow(call.id, 'follow', cookie)
    expect(dataOf(await page(call.id, cookie)).call.viewer.following).toBe(true)
    await follow(call.id, 'unfollow', cookie)
    expect(dataOf(await page(call.id, cookie)).call.viewer.following).toBe(false)
    expect(await auditActions(db, 'call', call.id)).toEqual(['call.followed', 'call.unfollowed'])
  })

  test('a visitor is sent to log in; a draft cannot be followed (app and database)', async () => {
    const db = getDb()
    const buyer = await createBuyer(db)
    const { call: published } = await createCall(db, buyer)
    const anonymous = await follow(published.id, 'follow')
    expect(statusOf(anonymous)).toBe(302)
    expect(headerOf(anonymous, 'Location')).toMatch(/^\/login/)
    const { call: draft } = await createCall(db, buyer, { status: 'draft' })
    const company = await createCompany(db)
    const cookie = await sessionCookieFor(db, company.user.id)
    expect(statusOf(await follow(draft.id, 'follow', cookie))).toBe(404)
    expect(statusOf(await follow(published.id, 'nonsense', cookie))).toBe(404)
    const followers = await db
      .selectFrom('follows')
      .selectAll()
      .where('target_type', '=', 'call')
      .where('target_id', '=', draft.id)
      .execute()
    expect(followers).toEqual([])
    expect(
      await rawError(() =>
        db
          .insertInto('follows')
          .values({
            user_id: company.user.id,
            target_type: 'call',
            target_id: draft.id,
            created_at: now(),
          })
          .execute(),
      ),
    ).toMatch('testarena:follow_target_not_found')
  })
})

describe('home page', () => {
  test('lists the newest calls open for bids: no drafts, closed or cancelled calls', async () => {
    const db = getDb()
    const buyer = await createBuyer(db)
    const closing = await createCall(db, buyer, { title: 'Stänger snart för anbud' })
    const draft = await createCall(db, buyer, {
      status: 'draft',
      title: 'Ett utkast till upphandling',
    })
    const cancelled = await createCall(db, buyer, { title: 'En avbruten upphandling' })
    await cancel(buyer, cancelled.call.id)
    advanceClock(60)
    const fresh = await createCall(db, buyer, { title: 'Den nyaste öppna upphandlingen' })
    const data = dataOf<Awaited<ReturnType<typeof homeLoader>>>(
      await run(() => homeLoader(loaderArgs(getRequest('/')))),
    )
    const ids = data.calls.map((c) => c.id)
    expect(ids[0]).toBe(fresh.call.id)
    expect(ids.length).toBeLessThanOrEqual(3)
    expect(ids).not.toContain(draft.call.id)
    expect(ids).not.toContain(cancelled.call.id)
    expect(data.calls.every((c) => c.shown_status === 'open')).toBe(true)
    // After its deadline a call leaves the home page.
    advanceClock(41 * DAY)
    const later = dataOf<Awaited<ReturnType<typeof homeLoader>>>(
      await run(() => homeLoader(loaderArgs(getRequest('/')))),
    )
    expect(later.calls.map((c) => c.id)).not.toContain(closing.call.id)
  })
})
