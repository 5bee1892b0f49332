import Database from 'better-sqlite3'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { amendCall } from '~/models/call-amendments.server'
import { awardCall, decideWithoutAward, signContract } from '~/models/call-decisions.server'
import { publishAnswer } from '~/models/call-questions.server'
import { buildRelease } from '~/models/ocds-build.server'
import { materialiseAll, recordPackage, releasePackageJson } from '~/models/ocds-releases.server'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { createBid } from '../helpers/bid-factories'
import { act, score, scoreFields, setup } from '../helpers/call-evaluation-setup'
import { advanceClock, createBuyer, createCall, DAY, resetClock } from '../helpers/call-factories'
import {
  codelistErrors,
  type Json,
  recordPackageErrors,
  releasePackageErrors,
} from '../helpers/ocds-validate'
import { statusOf } from '../helpers/responses'
import { createCompany } from '../helpers/test-bed-factories'

// Issue 17 parts 1, 4, 5: releases fall due by trigger at every published change of a call, are
// built as of their own moment, never leak what is sealed, and validate against OCDS 1.1.5.

afterEach(() => resetClock())

let plain: Database.Database
beforeAll(() => {
  plain = new Database(process.env.DATABASE_PATH!)
})
afterAll(() => plain.close())

async function releasesOf(callId: number) {
  await materialiseAll(getDb())
  const rows = await getDb()
    .selectFrom('ocds_releases')
    .select(['id', 'call_id', 'tag', 'occurred_at', 'body', 'source_key'])
    .where('call_id', '=', callId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    ...r,
    body: r.body!,
    json: JSON.parse(r.body!) as Json,
  }))
}

type Stored = Awaited<ReturnType<typeof releasesOf>>

/** Every release and the record of a call validate, and use only codelist values. */
function expectValid(callId: number, releases: Stored) {
  const pkg = JSON.parse(releasePackageJson('http://localhost/api/v1/ocds/releases/x', releases))
  expect(releasePackageErrors(pkg)).toEqual([])
  for (const r of releases) expect(codelistErrors(r.json)).toEqual([])
  const record = recordPackage(
    'http://localhost/api/v1/ocds/records/x',
    releases[0]!.json.ocid as string,
    releases,
  )
  expect(recordPackageErrors(record)).toEqual([])
  expect(record.records[0]!.releases).toHaveLength(releases.length)
  expect(callId).toBeGreaterThan(0)
}

function expectNoneOf(releases: Stored, sealed: string[]) {
  for (const r of releases) for (const s of sealed) expect(r.body).not.toContain(s)
}

const PRICE = '1500000'

describe('an open call from publication to contract', () => {
  test('each change is a release; sealed data appears only when the rules publish it', async () => {
    const db = getDb()
    const s = await setup()
    const names = [s.alpha.org.name, s.beta.org.name, s.drafter.org.name]
    await publishAnswer(db, {
      callId: s.call.id,
      userId: s.buyerId,
      entry: { kind: 'clarification', body: 'Förtydligande: lösningen ska fungera utan wifi.' },
    })
    await amendCall(db, {
      callId: s.call.id,
      userId: s.buyerId,
      input: {
        summary: 'Vi förlänger tiden för anbud med två dagar.',
        question_deadline: s.call.question_deadline + 2 * DAY,
        tender_deadline: s.call.tender_deadline + 2 * DAY,
        retire_criteria: [],
        remove_documents: [],
        new_requirements: [],
        new_criteria: [],
        new_documents: [],
      },
    })

    // Before the deadline: no bidder, no count, no price.
    let releases = await releasesOf(s.call.id)
    expect(releases.map((r) => r.tag)).toEqual(['tender', 'tenderUpdate', 'tenderAmendment'])
    expectNoneOf(releases, [...names, PRICE, 'numberOfTenderers', '"bids"'])
    const [published, , amended] = releases
    expect(published!.json.tender.tenderPeriod.endDate).toBe(
      new Date(s.call.tender_deadline * 1000).toISOString().replace('.000Z', 'Z'),
    )
    expect(amended!.json.tender.amendments).toHaveLength(1)
    expect(published!.json.tender.amendments).toBeUndefined()
    expect(published!.json.tender.hasEnquiries).toBe(false)
    expect(amended!.json.tender.hasEnquiries).toBe(true)
    expect(published!.json.tender.items[0].classification).toMatchObject({ scheme: 'CPV' })
    expect(published!.json.tender.awardCriteriaDetails).toContain('Pris (40 %)')
    expect(published!.json.parties.map((p: { roles: string[] }) => p.roles)).toEqual([
      ['buyer', 'procuringEntity'],
    ])

    // A build that runs late gives the same JSON: rebuild the first release now.
    const row = await db
      .selectFrom('ocds_releases')
      .selectAll()
      .where('id', '=', published!.id)
      .executeTakeFirstOrThrow()
    const late = await buildRelease(db, {
      releaseId: row.id,
      callId: row.call_id,
      sourceKey: row.source_key,
      tag: row.tag,
      occurredAt: row.occurred_at,
      tenderDeadline: row.tender_deadline,
      questionDeadline: row.question_deadline,
    })
    expect(JSON.stringify(late)).toBe(published!.body)

    // After the opening: counts (total, SME), still no names, prices or scores.
    advanceClock(43 * DAY)
    expect(statusOf(await act(s.call.id, { intent: 'open' }, s.buyerId))).toBe(302)
    expect(
      statusOf(await act(s.call.id, { intent: 'declare', no_conflict: 'on' }, s.buyerId)),
    ).toBe(302)
    releases = await releasesOf(s.call.id)
    const opened = releases.at(-1)!
    expect(opened.source_key).toBe('opened')
    expect(opened.json.tender.numberOfTenderers).toBe(2)
    expect(opened.json.bids.statistics.map((x: { measure: string }) => x.measure)).toEqual([
      'validBids',
      'smeBids',
    ])
    expectNoneOf(releases, [...names, PRICE, 'score'])

    // Scoring and the evaluation are internal: no release.
    for (const [bid, points] of [
      [s.bidA, 8],
      [s.bidB, 5],
    ] as const) {
      expect(
        statusOf(await score(s.call.id, bid.id, await scoreFields(s.call.id, points), s.buyerId)),
      ).toBe(302)
    }
    expect(statusOf(await act(s.call.id, { intent: 'complete' }, s.buyerId))).toBe(302)
    expect(await releasesOf(s.call.id)).toHaveLength(releases.length)

    // After the award: the supplier, never the losing bidder nor any price or score.
    await awardCall(db, {
      callId: s.call.id,
      userId: s.buyerId,
      bidIds: [s.bidA.id],
      reason: 'Högst viktad poäng enligt de publicerade kriterierna.',
    })
    releases = await releasesOf(s.call.id)
    const award = releases.at(-1)!
    expect(award.tag).toBe('award')
    expect(award.json.awards[0].suppliers).toEqual([
      expect.objectContaining({ name: s.alpha.org.name }),
    ])
    expect(award.json.parties[1].roles).toEqual(['tenderer', 'supplier'])
    expect(award.json.tender.status).toBe('complete')
    expectNoneOf(releases, [s.beta.org.name, s.drafter.org.name, PRICE, 'score'])

    // The contract, once the standstill is over.
    advanceClock(11 * DAY)
    await signContract(db, { callId: s.call.id, userId: s.buyerId })
    releases = await releasesOf(s.call.id)
    expect(releases.map((r) => r.tag)).toEqual([
      'tender',
      'tenderUpdate',
      'tenderAmendment',
      'tenderUpdate',
      'award',
      'contract',
    ])
    expect(releases.at(-1)!.json.contracts[0]).toMatchObject({ status: 'active' })
    expectValid(s.call.id, releases)
  })
})

describe('calls that end without an award', () => {
  test('cancelled before the deadline: a tenderCancellation with no bidder data', async () => {
    const db = getDb()
    const s = await setup()
    await decideWithoutAward(db, {
      callId: s.call.id,
      userId: s.buyerId,
      outcome: 'cancelled',
      reason: 'Behovet har försvunnit efter en omorganisation.',
    })
    const releases = await releasesOf(s.call.id)
    expect(releases.map((r) => r.tag)).toEqual(['tender', 'tenderCancellation'])
    expect(releases[1]!.json.tender.status).toBe('cancelled')
    expectNoneOf(releases, [s.alpha.org.name, s.beta.org.name, PRICE, 'numberOfTenderers'])
    expectValid(s.call.id, releases)
  })

  test('unsuccessful after the opening: counts only', async () => {
    const db = getDb()
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer)
    const drafter = await createCompany(db)
    await createBid(db, { call, company: drafter, submit: false })
    advanceClock(41 * DAY)
    expect(statusOf(await act(call.id, { intent: 'open' }, buyer.user.id))).toBe(302)
    await decideWithoutAward(db, {
      callId: call.id,
      userId: buyer.user.id,
      outcome: 'unsuccessful',
      reason: 'Inga giltiga anbud kom in före sista dagen.',
    })
    const releases = await releasesOf(call.id)
    expect(releases.map((r) => r.tag)).toEqual(['tender', 'tenderUpdate', 'tenderUpdate'])
    expect(releases[2]!.json.tender).toMatchObject({ status: 'unsuccessful', numberOfTenderers: 0 })
    expectNoneOf(releases, [drafter.org.name, PRICE])
    expectValid(call.id, releases)
  })

  test('a market dialogue: planning, then concluded, with no respondent named', async () => {
    const db = getDb()
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer, {
      procedure: 'market_dialogue',
      tenderDeadlineIn: 12 * DAY,
      questionDeadlineIn: 5 * DAY,
    })
    const company = await createCompany(db)
    await createBid(db, { call, company })
    advanceClock(13 * DAY)
    expect(statusOf(await act(call.id, { intent: 'open' }, buyer.user.id))).toBe(302)
    await decideWithoutAward(db, {
      callId: call.id,
      userId: buyer.user.id,
      outcome: 'concluded',
      reason: 'Marknaden erbjuder färdiga lösningar; vi går vidare med en upphandling.',
    })
    const releases = await releasesOf(call.id)
    expect(releases.map((r) => r.tag)).toEqual(['planning', 'planningUpdate', 'planningUpdate'])
    expect(releases[0]!.json.tender.status).toBe('planning')
    expect(releases[2]!.json.tender.status).toBe('complete')
    expectNoneOf(releases, [company.org.name])
    expectValid(call.id, releases)
  })

  test('a draft has no release, and a release cannot be written for it', async () => {
    const db = getDb()
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer, { status: 'draft' })
    expect(await releasesOf(call.id)).toEqual([])
    expect(() =>
      plain
        .prepare(
          `INSERT INTO ocds_releases (call_id, source_key, tag, occurred_at, tender_deadline,
            question_deadline) VALUES (${call.id}, 'published', 'tender', ${now()}, 1, 1)`,
        )
        .run(),
    ).toThrow(/ocds_release_fixed/)
  })
})

describe('the store is append-only (raw SQL through a plain connection)', () => {
  test('UPDATE, DELETE, REPLACE and ON CONFLICT are refused; a pending body is set once', async () => {
    const db = getDb()
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer)
    await publishAnswer(db, {
      callId: call.id,
      userId: buyer.user.id,
      entry: { kind: 'clarification', body: 'Förtydligande: leveransen sker i etapper.' },
    })
    const pending = plain
      .prepare(`SELECT * FROM ocds_releases WHERE call_id = ? AND source_key = 'published'`)
      .get(call.id) as { id: number }
    expect(pending).toBeTruthy()
    // A pending row cannot be retagged or moved in time.
    expect(() =>
      plain.prepare(`UPDATE ocds_releases SET tag = 'award' WHERE id = ?`).run(pending.id),
    ).toThrow(/ocds_release_fixed/)
    expect(() =>
      plain
        .prepare(`UPDATE ocds_releases SET occurred_at = occurred_at - 1 WHERE id = ?`)
        .run(pending.id),
    ).toThrow(/ocds_release_fixed/)
    await materialiseAll(db)
    const built = plain.prepare(`SELECT * FROM ocds_releases WHERE id = ?`).get(pending.id) as {
      body: string
    }
    expect(built.body).toContain(`"ocid"`)
    for (const statement of [
      `UPDATE ocds_releases SET body = '{}' WHERE id = ${pending.id}`,
      `UPDATE ocds_releases SET body = NULL, built_at = NULL WHERE id = ${pending.id}`,
      `UPDATE ocds_releases SET built_at = built_at + 1 WHERE id = ${pending.id}`,
      `DELETE FROM ocds_releases WHERE id = ${pending.id}`,
      `REPLACE INTO ocds_releases SELECT * FROM ocds_releases WHERE id = ${pending.id}`,
      `INSERT OR REPLACE INTO ocds_releases (call_id, source_key, tag, occurred_at, tender_deadline,
        question_deadline) VALUES (${call.id}, 'published', 'tender', 1, 1, 1)`,
      `INSERT INTO ocds_releases (call_id, source_key, tag, occurred_at, tender_deadline,
        question_deadline) VALUES (${call.id}, 'published', 'tender', 1, 1, 1)
        ON CONFLICT (call_id, source_key) DO UPDATE SET body = NULL, built_at = NULL`,
      `UPDATE OR REPLACE ocds_releases SET source_key = 'published' WHERE call_id = ${call.id}
        AND id <> ${pending.id}`,
    ]) {
      // The rule's own error, or the conflict guard's (decision 022): never a silent replace.
      expect(() => plain.prepare(statement).run(), statement).toThrow(
        /testarena:(ocds_release_fixed|row_exists)/,
      )
    }
    const after = plain.prepare(`SELECT body FROM ocds_releases WHERE id = ?`).get(pending.id) as {
      body: string
    }
    expect(after.body).toBe(built.body)
  })
})
