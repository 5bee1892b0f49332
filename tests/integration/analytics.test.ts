import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { loader as csvLoader } from '~/routes/analytics[.csv]/route'
import { loader } from '~/routes/analytics/route'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { createBid } from '../helpers/bid-factories'
import {
  advanceClock,
  awardRaw,
  completeEvaluationRaw,
  createCall,
  DAY,
  declareEvaluatorRaw,
  openBidsRaw,
  resetClock,
  scoreBidRaw,
} from '../helpers/call-factories'
import { createReference } from '../helpers/reference-factories'
import { getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, headerOf, statusOf } from '../helpers/responses'
import {
  createCompany,
  createHost,
  createOffer,
  createSubmittedApplication,
} from '../helpers/test-bed-factories'

// The public analytics page (issue 15, part 9; decision record 034): every figure against data
// made here (this file's database starts empty), the filters, the median, SME shares, repeat
// purchases, the sealed-bid rule and the CSV download.

const db = getDb()
const calls: Record<'dialogue' | 'sealed', number> = { dialogue: 0, sealed: 0 }
let sealedBuyer = 0

beforeAll(async () => {
  // A completed pilot that became a published reference (offer theme: active and healthy ageing).
  const fromPilot = await createReference(db, { status: 'published' })
  // Two more offers (energy): one rolling without applications; the round comes later.
  await createOffer(db, fromPilot.host, { themes: ['energy'] })
  // The pilot's host runs a market dialogue that discloses the pilot as its background.
  const { call: dialogue } = await createCall(db, fromPilot.host, {
    status: 'draft',
    procedure: 'market_dialogue',
    tenderDeadlineIn: 20 * DAY,
    questionDeadlineIn: 10 * DAY,
  })
  await db
    .insertInto('call_links')
    .values({ call_id: dialogue.id, pilot_id: fromPilot.pilotId })
    .execute()
  await db
    .insertInto('call_involved_companies')
    .values({
      call_id: dialogue.id,
      organisation_id: fromPilot.company.org.id,
      involvement: 'Piloterade nattillsyn i hemtjänsten hos oss.',
    })
    .execute()
  await db
    .updateTable('calls')
    .set({
      status: 'published',
      published_at: now(),
      updated_at: now(),
      prior_involvement: 'Piloten visade att nattillsyn med sensorer minskar nattbesöken.',
    })
    .where('id', '=', dialogue.id)
    .execute()
  calls.dialogue = dialogue.id

  // An awarded call (40 days from publication to award) that became a published reference.
  const fromCall = await createReference(db, { status: 'published', source: 'call' })
  // The same buyer awards the same company again, 50 days after publication: a repeat purchase
  // by a company that already has a published reference.
  const { call: again } = await createCall(db, fromCall.buyer, {
    themes: ['active_healthy_ageing', 'ehealth'],
  })
  const bid = await createBid(db, { call: again, company: fromCall.company })
  advanceClock(50 * DAY)
  await openBidsRaw(db, again.id, fromCall.buyer.user.id)
  await declareEvaluatorRaw(db, again.id, fromCall.buyer.user.id)
  await scoreBidRaw(db, bid.id, fromCall.buyer.user.id, 8)
  await completeEvaluationRaw(db, again.id, fromCall.buyer.user.id)
  await awardRaw(db, again.id, [bid.id], fromCall.buyer.user.id)

  // A call past its deadline whose bids (a small and a large company) are still sealed.
  const buyer = await createHost(db)
  sealedBuyer = buyer.user.id
  const { call: sealed } = await createCall(db, buyer)
  const large = await createCompany(db)
  await db
    .updateTable('organisations')
    .set({ size_class: 'large' })
    .where('id', '=', large.org.id)
    .execute()
  await createBid(db, { call: sealed, company: large })
  await createBid(db, { call: sealed, company: await createCompany(db) })
  advanceClock(41 * DAY)
  calls.sealed = sealed.id

  // A round of test-bed offers with an application before its deadline.
  const round = await createOffer(db, buyer, {
    intake: 'round',
    deadlineIn: 14 * DAY,
    themes: ['energy'],
  })
  await createSubmittedApplication(db, round.id, await createCompany(db))
})

afterAll(() => resetClock())

async function page(query = '') {
  return dataOf(await run(() => loader(loaderArgs(getRequest(`/analytics${query}`)))))
}

describe('the pipeline', () => {
  test('counts each stage and the links between them', async () => {
    const { pipeline, empty } = await page()
    expect(empty).toBe(false)
    expect(pipeline.totals).toEqual({ offers: 3, pilots: 1, calls: 4, awards: 2, references: 2 })
    expect(pipeline.conversions).toEqual([
      { from: 'offers', to: 'pilots', part: 1, of: 3 },
      { from: 'pilots', to: 'calls', part: 1, of: 1 },
      // The market dialogue cannot be awarded: two awards of three calls that can be.
      { from: 'calls', to: 'awards', part: 2, of: 3 },
      { from: 'awards', to: 'references', part: 1, of: 2 },
    ])
  })

  test('the years add up to the totals', async () => {
    const { pipeline } = await page()
    for (const stage of ['offers', 'pilots', 'calls', 'awards', 'references'] as const) {
      const sum = pipeline.years.reduce(
        (n: number, y: { counts: Record<string, number> }) => n + y.counts[stage]!,
        0,
      )
      expect(sum, stage).toBe(pipeline.totals[stage])
    }
  })

  test('the median time from publication to award is the middle of the awarded calls', async () => {
    const all = await page()
    // 40 and 50 days: the mean of the two middle values.
    expect(all.pipeline.median.calls).toBe(2)
    expect(all.pipeline.median.days).toBeCloseTo(45, 2)
    const one = await page('?theme=ehealth')
    expect(one.pipeline.median.calls).toBe(1)
    expect(one.pipeline.median.days).toBeCloseTo(50, 2)
  })
})

describe('filters', () => {
  test('a county counts what is attributed to it; another county has no data yet', async () => {
    const norrbotten = await page('?county=25')
    expect(norrbotten.filters).toEqual({ county: '25', theme: undefined })
    expect(norrbotten.pipeline.totals).toEqual({
      offers: 3,
      pilots: 1,
      calls: 4,
      awards: 2,
      references: 2,
    })
    expect(norrbotten.pipeline.counties).toHaveLength(1)
    const stockholm = await page('?county=01')
    expect(stockholm.empty).toBe(true)
    expect(stockholm.pipeline.median).toBeNull()
    expect(stockholm.companies.shares.every((s: { companies: number }) => s.companies === 0)).toBe(
      true,
    )
  })

  test('a theme counts what carries it, references through their source', async () => {
    const ageing = await page('?theme=active_healthy_ageing')
    expect(ageing.pipeline.totals).toEqual({
      offers: 1,
      pilots: 1,
      calls: 2,
      awards: 2,
      references: 2,
    })
    const energy = await page('?theme=energy')
    expect(energy.pipeline.totals).toEqual({
      offers: 2,
      pilots: 0,
      calls: 0,
      awards: 0,
      references: 0,
    })
  })

  test('the county and theme tables list every county and theme, zeros too', async () => {
    const { pipeline } = await page()
    expect(pipeline.counties).toHaveLength(21)
    const row = (code: string) => pipeline.counties.find((c: { code: string }) => c.code === code)
    expect(row('25').counts).toEqual(pipeline.totals)
    expect(row('01').counts).toEqual({ offers: 0, pilots: 0, calls: 0, awards: 0, references: 0 })
    const theme = (code: string) => pipeline.themes.find((t: { code: string }) => t.code === code)
    expect(theme('welfare_technology').counts).toEqual({
      offers: 0,
      pilots: 0,
      calls: 2,
      awards: 0,
      references: 0,
    })
    expect(theme('ehealth').counts.awards).toBe(1)
  })

  test('the page has one stable address per filter; unknown values are dropped', async () => {
    const to = async (query: string) =>
      headerOf(await run(() => loader(loaderArgs(getRequest(`/analytics${query}`)))), 'Location')
    // The GET form sends empty fields; the order of the address is fixed.
    expect(await to('?county=25&theme=')).toBe('/analytics?county=25')
    expect(await to('?theme=energy&county=25')).toBe('/analytics?county=25&theme=energy')
    expect(await to('?county=99&theme=no_such_theme')).toBe('/analytics')
    expect(await to('?county=&theme=')).toBe('/analytics')
  })
})

describe('companies', () => {
  test('repeat purchases: the same buyer again, and a company with a published reference', async () => {
    const { companies } = await page()
    expect(companies.repeat).toEqual({
      awards: 2,
      sameBuyer: 1,
      afterPilot: 0,
      referenceCompany: 1,
    })
  })

  test('SME shares count each company once per role', async () => {
    const { companies } = await page()
    expect(companies.shares).toEqual([
      { role: 'applicants', companies: 1, smes: 1 },
      { role: 'bidders', companies: 2, smes: 2 },
      { role: 'winners', companies: 1, smes: 1 },
    ])
  })
})

describe('sealed stays sealed', () => {
  test('bids count only once opened, round applications only after the deadline', async () => {
    const before = await page()
    expect(before.companies.shares[1]).toEqual({ role: 'bidders', companies: 2, smes: 2 })
    expect(before.companies.shares[0]).toEqual({ role: 'applicants', companies: 1, smes: 1 })

    advanceClock(15 * DAY)
    await openBidsRaw(db, calls.sealed, sealedBuyer)
    const after = await page()
    // The large company's bid and the small one's are counted now.
    expect(after.companies.shares[1]).toEqual({ role: 'bidders', companies: 4, smes: 3 })
    expect(after.companies.shares[0]).toEqual({ role: 'applicants', companies: 2, smes: 2 })
  })
})

describe('the CSV download', () => {
  async function csv(query: string, headers: Record<string, string> = {}) {
    return run(() => csvLoader(loaderArgs(getRequest(`/analytics.csv${query}`, { headers }))))
  }

  test('one table with the filters, for Swedish Excel', async () => {
    const res = (await csv('?table=pipeline&county=25')) as Response
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('Content-Disposition')).toBe(
      'attachment; filename="testarena-pipeline-25.csv"',
    )
    expect(res.headers.get('Vary')).toBe('Accept-Language, Cookie')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes).split('\r\n')
    expect(lines[0]).toBe('Steg;Antal;Gick vidare;Av;Andel som gick vidare')
    expect(lines[1]).toBe('Testbäddserbjudanden;3;1;3;33,3')
    expect(lines[3]).toBe('Upphandlingar;4;2;3;66,7')
    expect(lines[5]).toBe('Referenser;2;;;')
  })

  test('English headers and decimal points for an English reader', async () => {
    const res = (await csv('?table=sme', { 'Accept-Language': 'en' })) as Response
    const text = await res.text()
    expect(text.split('\r\n')[0]).toBe(
      'Role;Companies;Of which small and medium-sized;Share small and medium-sized',
    )
    expect(text).toContain('Bidders;4;3;75.0')
  })

  test('every table downloads; an unknown table is not found', async () => {
    for (const table of ['pipeline', 'years', 'counties', 'themes', 'sme', 'sme-years', 'repeat']) {
      expect(statusOf(await csv(`?table=${table}`)), table).toBe(200)
    }
    const counties = await ((await csv('?table=counties')) as Response).text()
    expect(counties.split('\r\n').filter(Boolean)).toHaveLength(22)
    expect(statusOf(await csv('?table=bids'))).toBe(404)
    expect(statusOf(await csv(''))).toBe(404)
  })
})
