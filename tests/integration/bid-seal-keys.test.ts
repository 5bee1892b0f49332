import Database from 'better-sqlite3'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, test, vi } from 'vitest'
import {
  __resetSealKeyForTests,
  assertSealKeys,
  ringKeys,
  sealWithKey,
} from '~/models/bid-seal.server'
import { RotationRefused, rotateSealKey } from '~/models/bid-seal-keys.server'
import { unsealContent } from '~/models/bid-content.server'
import { loader as bidLoader } from '~/routes/calls.$callId.bid/route'
import {
  action as evaluationAction,
  loader as evaluationLoader,
} from '~/routes/calls.$callId.evaluation._index/route'
import { loader as evaluationBidLoader } from '~/routes/calls.$callId.evaluation.$bidId/route'
import { resetEnvCache } from '~/utils/env.server'
import { getDb } from '~/utils/db.server'
import { completeBidContent, createBid } from '../helpers/bid-factories'
import { advanceClock, createBuyer, createCall, DAY, resetClock } from '../helpers/call-factories'
import { sessionCookieFor } from '../helpers/factories'
import { auditActions, rawError } from '../helpers/inspect'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, headerOf, statusOf } from '../helpers/responses'
import { createCompany } from '../helpers/test-bed-factories'

// Issue 13, point 7 (decision 023): sealed bids under a key ring with key ids, rotation, the
// start-up check, and bids that cannot be opened — refused with a notice and an audit row, never
// a 500. The tests share one database, in order: each leaves every bid openable for the next.

const DIR = dirname(process.env.DATABASE_PATH ?? '')
const RING = join(DIR, 'bid-seal.keys')
const SINGLE = join(DIR, 'bid-seal.key')
// A phrase that appears only in a bid's plaintext, to look for in the raw database and the log.
const SECRET = 'Polaruggla-hemlig-algoritm-5521'

function useKeys(env: { BID_SEAL_KEY?: string; BID_SEAL_ALLOW_MISSING_KEYS?: string }) {
  for (const name of ['BID_SEAL_KEY', 'BID_SEAL_ALLOW_MISSING_KEYS'] as const) {
    if (env[name] === undefined) delete process.env[name]
    else process.env[name] = env[name]
  }
  resetEnvCache()
  __resetSealKeyForTests()
}

/** Moves the key files away (as if lost); returns a function that puts them back. */
function hideKeyFiles() {
  const moved = [RING, SINGLE].filter((f) => existsSync(f))
  for (const f of moved) renameSync(f, `${f}.hidden`)
  __resetSealKeyForTests()
  return () => {
    for (const f of moved) renameSync(`${f}.hidden`, f)
    __resetSealKeyForTests()
  }
}

let restore: (() => void) | undefined
afterEach(() => {
  restore?.()
  restore = undefined
  useKeys({})
  resetClock()
})

const cookie = (userId: number) => sessionCookieFor(getDb(), userId)

async function bidderPage(callId: number, userId: number) {
  const path = `/calls/${callId}/bid`
  const request = getRequest(path, { cookie: await cookie(userId) })
  return run(() => bidLoader(loaderArgs(request, { callId: String(callId) })))
}

async function evaluation(callId: number, userId: number) {
  const request = getRequest(`/calls/${callId}/evaluation`, { cookie: await cookie(userId) })
  return run(() => evaluationLoader(loaderArgs(request, { callId: String(callId) })))
}

async function act(callId: number, fields: Record<string, string>, userId: number) {
  const path = `/calls/${callId}/evaluation`
  const request = formRequest(path, fields, { cookie: await cookie(userId) })
  return run(() => evaluationAction(actionArgs(request, { callId: String(callId) })))
}

async function evaluatorPage(callId: number, bidId: number, userId: number) {
  const path = `/calls/${callId}/evaluation/${bidId}`
  const request = getRequest(path, { cookie: await cookie(userId) })
  return run(() =>
    evaluationBidLoader(loaderArgs(request, { callId: String(callId), bidId: String(bidId) })),
  )
}

/** A published call with one submitted bid whose summary holds SECRET. */
async function callWithBid() {
  const db = getDb()
  const buyer = await createBuyer(db)
  const { call } = await createCall(db, buyer)
  const company = await createCompany(db)
  const content = {
    ...(await completeBidContent(db, call.id)),
    solution_summary: `Vi använder ${SECRET} för nattillsyn.`,
  }
  const bid = await createBid(db, { call, company, content })
  return { buyer, call, company, bid }
}

function bidRow(id: number) {
  return getDb().selectFrom('bids').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

async function auditAfter(action: string, entityId: number | string) {
  const row = await getDb()
    .selectFrom('audit_log')
    .select('after_json')
    .where('action', '=', action)
    .where('entity_id', '=', String(entityId))
    .orderBy('id', 'desc')
    .executeTakeFirst()
  return row ? (JSON.parse(row.after_json ?? 'null') as Record<string, unknown>) : undefined
}

function databaseBytes() {
  const path = process.env.DATABASE_PATH ?? ''
  return ['', '-wal']
    .map((suffix) => path + suffix)
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f).toString('latin1'))
    .join('')
}

describe('the start-up check', () => {
  test('passes with the key, refuses a missing key without making one, or starts loudly', async () => {
    const db = getDb()
    await expect(assertSealKeys(db)).resolves.toMatchObject({ bids: 0, missing: [] })
    const { bid } = await callWithBid()
    const keyId = (await bidRow(bid.id)).seal_key_id
    expect(keyId).toBe(ringKeys()[0]?.id)
    await expect(assertSealKeys(db)).resolves.toMatchObject({ missing: [], legacyUnreadable: 0 })

    // The key file is lost: no new key is made, and the error names the key and what to do.
    restore = hideKeyFiles()
    const refused = await assertSealKeys(db).catch((error: Error) => error.message)
    expect(refused).toContain('BID SEAL KEY ERROR')
    expect(refused).toContain(`1 bid(s) sealed with key id ${keyId}`)
    expect(refused).toContain(SINGLE)
    expect(existsSync(SINGLE)).toBe(false)

    // A new BID_SEAL_KEY does not open the old bids either.
    useKeys({ BID_SEAL_KEY: Buffer.alloc(32, 0x5a).toString('base64') })
    await expect(assertSealKeys(db)).rejects.toThrow(`key id ${keyId}`)

    // The operator's override: the server starts, and says the same loudly.
    useKeys({
      BID_SEAL_KEY: Buffer.alloc(32, 0x5a).toString('base64'),
      BID_SEAL_ALLOW_MISSING_KEYS: 'true',
    })
    const log = vi.fn()
    await expect(assertSealKeys(db, log)).resolves.toMatchObject({ missing: [{ keyId, bids: 1 }] })
    expect(log).toHaveBeenCalledWith(expect.stringContaining('BID SEAL KEY ERROR'))
  })
})

describe('rotation', () => {
  test('re-seals every bid under a new key, content unchanged, nothing readable, audited', async () => {
    const db = getDb()
    const open = await callWithBid()
    const draft = await createBid(db, {
      call: open.call,
      company: await createCompany(db),
      submit: false,
    })
    const closed = await callWithBid()
    advanceClock(41 * DAY)
    expect(statusOf(await act(closed.call.id, { intent: 'open' }, closed.buyer.user.id))).toBe(302)
    const ids = [open.bid.id, draft.id, closed.bid.id]
    const before = await Promise.all(ids.map(bidRow))
    const contents = before.map((row) => unsealContent(row))
    const oldIds = ringKeys().map((k) => k.id)

    const report = await rotateSealKey(db)
    expect(oldIds).not.toContain(report.keyId)
    expect(report.ringFile).toBe(RING)
    expect(report.unopenable).toEqual([])
    expect(report.resealed).toBeGreaterThanOrEqual(3)
    expect(report.stillNeeded).toEqual([])
    // The ring file: the new key first, the old ones kept below, owner-only.
    expect(ringKeys().map((k) => k.id)).toEqual([report.keyId, ...oldIds])

    const after = await Promise.all(ids.map(bidRow))
    after.forEach((row, i) => {
      const was = before[i]!
      expect(row.seal_key_id).toBe(report.keyId)
      expect(Buffer.from(row.sealed).equals(Buffer.from(was.sealed))).toBe(false)
      const { sealed: _s, seal_key_id: _k, ...rest } = row
      const { sealed: _s2, seal_key_id: _k2, ...restBefore } = was
      expect(rest).toEqual(restBefore)
    })
    // The old keys are no longer needed: only the new key left, everything opens the same.
    const ringText = readFileSync(RING, 'utf8')
    writeFileSync(RING, `${ringText.split('\n').find((l) => l && !l.startsWith('#'))}\n`)
    renameSync(SINGLE, `${SINGLE}.hidden`)
    restore = () => {
      writeFileSync(RING, ringText)
      renameSync(`${SINGLE}.hidden`, SINGLE)
      __resetSealKeyForTests()
    }
    __resetSealKeyForTests()
    expect(ringKeys().map((k) => k.id)).toEqual([report.keyId])
    expect(after.map((row) => unsealContent(row))).toEqual(contents)
    await expect(assertSealKeys(db)).resolves.toMatchObject({ missing: [], legacyUnreadable: 0 })

    // Nothing readable: not in the database file, not in the audit row (counts and key ids only).
    expect(databaseBytes()).not.toContain(SECRET)
    const audited = await auditAfter('bid_seal.rotated', report.keyId)
    expect(audited).toMatchObject({ key_id: report.keyId, unopenable: 0 })
    expect(audited?.resealed).toBe(report.resealed)
    expect(JSON.stringify(audited)).not.toContain(SECRET)
  })

  test('the database allows a re-seal to another key and nothing else with it', async () => {
    const db = getDb()
    const { bid, company } = await callWithBid()
    const fresh = sealWithKey(
      { other: 'content' },
      { callId: bid.call_id, companyId: company.org.id },
    )
    // Same key id: a change of the sealed content needs a new stamp and receipt, as before.
    expect(
      await rawError(() =>
        db.updateTable('bids').set({ sealed: fresh.sealed }).where('id', '=', bid.id).execute(),
      ),
    ).toContain('testarena:receipt_required')
    advanceClock(41 * DAY)
    // After the deadline: a re-seal that also touches the hash or the status is refused.
    for (const change of [{ content_hash: 'f'.repeat(64) }, { status: 'withdrawn' as const }]) {
      expect(
        await rawError(() =>
          db
            .updateTable('bids')
            .set({ sealed: fresh.sealed, seal_key_id: 'abcdef0123456789', ...change })
            .where('id', '=', bid.id)
            .execute(),
        ),
      ).toMatch(/testarena:(deadline_passed|invalid_transition)/)
    }
    expect((await bidRow(bid.id)).sealed).toEqual(bid.sealed)
  })

  test('is refused while the current key comes from BID_SEAL_KEY', async () => {
    useKeys({ BID_SEAL_KEY: Buffer.alloc(32, 0x11).toString('hex') })
    await expect(rotateSealKey(getDb())).rejects.toBeInstanceOf(RotationRefused)
  })
})

describe('a bid the key ring cannot open', () => {
  test('under a new key: the bidder and the evaluator see a notice, not a 500', async () => {
    const { buyer, call, company, bid } = await callWithBid()
    advanceClock(41 * DAY)
    expect(statusOf(await act(call.id, { intent: 'open' }, buyer.user.id))).toBe(302)
    expect(
      statusOf(await act(call.id, { intent: 'declare', no_conflict: 'on' }, buyer.user.id)),
    ).toBe(302)

    restore = hideKeyFiles()
    useKeys({ BID_SEAL_KEY: Buffer.alloc(32, 0x77).toString('base64') })
    const own = await bidderPage(call.id, company.user.id)
    expect(statusOf(own)).toBe(200)
    expect(dataOf(own).bid).toMatchObject({ sealProblem: 'key_missing', status: 'submitted' })
    expect(JSON.stringify(dataOf(own))).not.toContain(SECRET)
    const evaluated = await evaluatorPage(call.id, bid.id, buyer.user.id)
    expect(statusOf(evaluated)).toBe(200)
    expect(dataOf(evaluated).bid).toMatchObject({ sealProblem: 'key_missing', solutionSummary: '' })
    expect(await auditActions(getDb(), 'bid', bid.id)).toContain('bid.unseal_failed')
  })

  test('at the opening, a missing key refuses the opening: nothing opened, audited', async () => {
    const { buyer, call } = await callWithBid()
    advanceClock(41 * DAY)
    restore = hideKeyFiles()
    useKeys({ BID_SEAL_KEY: Buffer.alloc(32, 0x78).toString('base64') })
    const refused = await act(call.id, { intent: 'open' }, buyer.user.id)
    expect(statusOf(refused)).toBe(400)
    expect(JSON.stringify(dataOf(refused))).toContain('errors.domain.seal_key_missing')
    const row = await getDb()
      .selectFrom('calls')
      .select('status')
      .where('id', '=', call.id)
      .executeTakeFirstOrThrow()
    expect(row.status).toBe('published')
    expect(await auditActions(getDb(), 'call', call.id)).toContain('call.opening_refused')
    // With the key back, the buyer opens.
    restore()
    restore = undefined
    useKeys({})
    expect(statusOf(await act(call.id, { intent: 'open' }, buyer.user.id))).toBe(302)
  })

  test('at the opening, altered bids are refused with a notice, a record and audit rows', async () => {
    const db = getDb()
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer)
    const [alpha, beta, gamma] = [
      await createCompany(db),
      await createCompany(db),
      await createCompany(db),
    ]
    const honest = await createBid(db, { call, company: alpha })
    const garbled = await createBid(db, { call, company: beta })
    const swapped = await createBid(db, { call, company: gamma })
    // Someone with the database file re-seals two bids through the rotation exception, under a
    // key of the ring: one with garbage, one with other (validly sealed) content.
    await rotateSealKey(db)
    const older = ringKeys()[1]!
    const flipped = Buffer.from(garbled.sealed)
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 0x01
    const binding = { callId: call.id, companyId: gamma.org.id }
    const other = { ...(await completeBidContent(db, call.id)), price_sek: 1 }
    for (const [id, sealed] of [
      [garbled.id, flipped],
      [swapped.id, sealWithKey(other, binding, older).sealed],
    ] as const) {
      await db
        .updateTable('bids')
        .set({ sealed, seal_key_id: older.id })
        .where('id', '=', id)
        .execute()
    }

    advanceClock(41 * DAY)
    const done = await act(call.id, { intent: 'open' }, buyer.user.id)
    expect(statusOf(done)).toBe(302)
    expect(headerOf(done, 'Location')).toBe(`/calls/${call.id}/evaluation?notice=opened_unreadable`)
    const view = dataOf(await evaluation(call.id, buyer.user.id))
    expect(
      view.opening.bids.map((b: { bidId: number; sealProblem: string | null }) => [
        b.bidId,
        b.sealProblem,
      ]),
    ).toEqual([
      [honest.id, null],
      [garbled.id, 'tampered'],
      [swapped.id, 'content_mismatch'],
    ])
    expect(await auditAfter('bid.seal_refused', garbled.id)).toEqual({
      call_id: call.id,
      problem: 'tampered',
    })
    expect(await auditAfter('bid.seal_refused', swapped.id)).toMatchObject({
      problem: 'content_mismatch',
    })
    expect(await auditActions(db, 'bid', honest.id)).not.toContain('bid.seal_refused')
    const opened = await auditAfter('call.opened', call.id)
    expect(opened?.unopened).toEqual([
      { bid_id: garbled.id, problem: 'tampered' },
      { bid_id: swapped.id, problem: 'content_mismatch' },
    ])
    // The record of refusals is as fixed as the opening.
    expect(
      await rawError(() =>
        db.deleteFrom('bid_seal_failures').where('bid_id', '=', garbled.id).execute(),
      ),
    ).toContain('testarena:opening_fixed')
    // Nor can a conflicting write replace it, through a plain connection (no recursive triggers).
    const plain = new Database(process.env.DATABASE_PATH!)
    try {
      for (const statement of [
        'INSERT OR REPLACE INTO bid_seal_failures SELECT * FROM bid_seal_failures WHERE bid_id = ?',
        'REPLACE INTO bid_seal_failures SELECT * FROM bid_seal_failures WHERE bid_id = ?',
        `INSERT INTO bid_seal_failures SELECT * FROM bid_seal_failures WHERE bid_id = ?
           ON CONFLICT DO UPDATE SET problem = excluded.problem`,
      ]) {
        expect(() => plain.prepare(statement).run(garbled.id), statement).toThrow(
          /testarena:row_exists/,
        )
      }
    } finally {
      plain.close()
    }

    // The page keeps working: the evaluator reads the honest bid and gets a notice for the others.
    expect(
      statusOf(await act(call.id, { intent: 'declare', no_conflict: 'on' }, buyer.user.id)),
    ).toBe(302)
    const good = await evaluatorPage(call.id, honest.id, buyer.user.id)
    expect(dataOf(good).bid.sealProblem).toBeNull()
    expect(dataOf(good).bid.solutionSummary).not.toBe('')
    for (const [id, problem] of [
      [garbled.id, 'tampered'],
      [swapped.id, 'content_mismatch'],
    ] as const) {
      const shown = await evaluatorPage(call.id, id, buyer.user.id)
      expect(statusOf(shown)).toBe(200)
      expect(dataOf(shown).bid).toMatchObject({ sealProblem: problem, priceSek: null })
    }
    const bidder = await bidderPage(call.id, gamma.user.id)
    expect(statusOf(bidder)).toBe(200)
    expect(dataOf(bidder).bid.sealProblem).toBe('content_mismatch')
  })
})
