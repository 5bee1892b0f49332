import Database from 'better-sqlite3'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  createInitiativeAfterCheck,
  findSimilarInitiatives,
  recordedChecks,
  relatedInitiatives,
  similarityExpression,
} from '~/models/initiative-overlap.server'
import { createInitiative, type InitiativeInput } from '~/models/initiatives.server'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { createUser } from '../helpers/factories'
import { INPUT } from '../helpers/initiative-factories'
import { rawError } from '../helpers/inspect'
import { createHost } from '../helpers/test-bed-factories'

// Overlap detection before saving (migration 2026-12-07-13-overlap-checks, decision record 030):
// the ranking finds similar initiatives of other organisations only, weighs counties and periods;
// every choice is recorded; the record is append-only against any SQL, through any connection.

const db = getDb()
let plain: Database.Database
beforeAll(() => {
  plain = new Database(process.env.DATABASE_PATH!)
})
afterAll(() => plain.close())

type Party = Awaited<ReturnType<typeof createHost>>
const verified = (p: Party) => ({
  id: p.org.id,
  kind: 'public_body',
  verification_status: 'verified',
})

/**
 * An initiative about `topic` and nothing else (its other words are stop words or shorter than
 * four letters), so that each test finds only its own.
 */
function about(topic: string, more: Partial<InitiativeInput> = {}): InitiativeInput {
  return {
    ...INPUT,
    kind: 'planned_call',
    title: `Projekt om ${topic}`,
    summary: `Ett projekt om ${topic} och mer ${topic}.`,
    themes: [],
    ...more,
  }
}

async function initiativeOf(owner: Party, input: InitiativeInput) {
  return createInitiative(db, { organisation: verified(owner), userId: owner.user.id, input })
}

describe('finding similar initiatives', () => {
  test('the text ranking finds another organisation’s initiative, never one’s own', async () => {
    const lulea = await createHost(db)
    const pitea = await createHost(db)
    const theirs = await initiativeOf(lulea, about('nattkameror'))
    const mine = await initiativeOf(pitea, about('nattkameror'))
    const found = await findSimilarInitiatives(db, pitea.org.id, about('nattkamerorna'))
    expect(found.map((c) => c.id)).toContain(theirs.id)
    expect(found.map((c) => c.id)).not.toContain(mine.id)
    expect(found.find((c) => c.id === theirs.id)).toMatchObject({ text: true, counties: 1 })
  })

  test('an initiative the organisation co-owns is its own too', async () => {
    const owner = await createHost(db)
    const coOwner = await createHost(db)
    const shared = await initiativeOf(owner, about('fallsensorerna'))
    await db
      .insertInto('initiative_co_owners')
      .values({
        initiative_id: shared.id,
        organisation_id: coOwner.org.id,
        requested_at: now(),
        requested_by: coOwner.user.id,
      })
      .execute()
    await db
      .updateTable('initiative_co_owners')
      .set({ state: 'accepted', decided_at: now(), decided_by: owner.user.id })
      .where('initiative_id', '=', shared.id)
      .execute()
    const found = await findSimilarInitiatives(db, coOwner.org.id, about('fallsensorerna'))
    expect(found.map((c) => c.id)).not.toContain(shared.id)
  })

  test('overlapping counties and periods rank first; a disjoint period ranks last', async () => {
    const a = await createHost(db)
    const b = await createHost(db)
    const c = await createHost(db)
    const me = await createHost(db)
    const near = await initiativeOf(a, about('snöskottningsrobotar'))
    const elsewhere = await initiativeOf(
      b,
      about('snöskottningsrobotar', { counties: ['12'], municipalities: [] }),
    )
    const later = await initiativeOf(
      c,
      about('snöskottningsrobotar', { starts_on: '2031-01-01', ends_on: '2031-12-31' }),
    )
    const found = await findSimilarInitiatives(db, me.org.id, about('snöskottningsrobotar'))
    const order = found.map((x) => x.id)
    expect(order.indexOf(near.id)).toBe(0)
    expect(order.indexOf(elsewhere.id)).toBeGreaterThan(0)
    expect(order).toContain(later.id)
    expect(order.indexOf(later.id)).toBeGreaterThan(order.indexOf(elsewhere.id))
    expect(found.find((x) => x.id === later.id)?.period).toBe(0)
    expect(found.find((x) => x.id === elsewhere.id)?.counties).toBe(0)
  })

  test('a shared CPV class alone makes a candidate; unrelated texts are not shown', async () => {
    const a = await createHost(db)
    const me = await createHost(db)
    const cpv = await initiativeOf(a, {
      ...INPUT,
      title: 'Helt annan rubrik om ljusmaster',
      summary: 'Något som inte liknar texten alls, om belysning.',
      themes: [],
      cpv_codes: ['48100000'],
    })
    const found = await findSimilarInitiatives(db, me.org.id, {
      ...about('vattenmätare'),
      cpv_codes: ['48107000'],
    })
    expect(found.map((c) => c.id)).toContain(cpv.id)
    expect(found.find((c) => c.id === cpv.id)).toMatchObject({ text: false, cpv: 1 })
    const none = await findSimilarInitiatives(db, me.org.id, about('qzxqzxqzx'))
    expect(none.map((c) => c.id)).not.toContain(cpv.id)
  })

  test('one shared word (a substring: "digital" in "digitalisering") is not a similar text', async () => {
    const forum = await createHost(db)
    const me = await createHost(db)
    const theirs = await initiativeOf(forum, {
      ...INPUT,
      title: 'Forum om digitalisering i industrin',
      summary: 'Återkommande träffar om digitalisering för industriföretag.',
      themes: [],
    })
    const probe = {
      ...INPUT,
      title: 'Digital nattillsyn i hemmet',
      summary: 'Hemtjänsten prövar digital nattillsyn.',
      themes: [],
    }
    expect((await findSimilarInitiatives(db, me.org.id, probe)).map((c) => c.id)).not.toContain(
      theirs.id,
    )
  })

  test('the search expression quotes every word, drops stop words and cuts endings', () => {
    expect(similarityExpression('Digital tillsyn "NEAR" i hemtjänsten och kommunen')).toBe(
      '"digital" OR "tillsyn" OR "near" OR "hemtjänst"',
    )
    expect(similarityExpression('i på en')).toBeNull()
  })
})

describe('recording the choice', () => {
  async function setUp(topic: string) {
    const them = await createHost(db)
    const us = await createHost(db)
    const theirs = await initiativeOf(them, about(topic))
    const input = about(topic)
    const candidates = (await findSimilarInitiatives(db, us.org.id, input)).map((c) => c.id)
    expect(candidates).toContain(theirs.id)
    return { them, us, theirs, input, candidates }
  }

  test('link as related: the new initiative is saved, and both pages show the link', async () => {
    const { us, theirs, input, candidates } = await setUp('värmekameror')
    const saved = await createInitiativeAfterCheck(db, {
      organisation: verified(us),
      userId: us.user.id,
      input,
      candidates,
      decision: { choice: 'related', chosenId: theirs.id },
    })
    expect(saved.created).not.toBeNull()
    expect((await relatedInitiatives(db, saved.created!)).map((r) => r.id)).toEqual([theirs.id])
    expect((await relatedInitiatives(db, theirs.id)).map((r) => r.id)).toEqual([saved.created])
    const [check] = await recordedChecks(db, saved.created!, us.user.id)
    expect(check).toMatchObject({ choice: 'related', chosen_id: theirs.id, reason: null })
    expect(check!.candidates.map((c) => c.id)).toEqual(candidates)
  })

  test('join as co-owner: nothing is created, the request is sent and recorded', async () => {
    const { us, theirs, input, candidates } = await setUp('läkemedelsrobotar')
    const saved = await createInitiativeAfterCheck(db, {
      organisation: verified(us),
      userId: us.user.id,
      input,
      candidates,
      decision: { choice: 'join', chosenId: theirs.id },
    })
    expect(saved).toEqual({ created: null, joined: theirs.id })
    const request = await db
      .selectFrom('initiative_co_owners')
      .select('state')
      .where('initiative_id', '=', theirs.id)
      .where('organisation_id', '=', us.org.id)
      .executeTakeFirst()
    expect(request?.state).toBe('pending')
    const mine = await db
      .selectFrom('initiatives')
      .select('id')
      .where('organisation_id', '=', us.org.id)
      .execute()
    expect(mine).toEqual([])
    const [check] = await recordedChecks(db, theirs.id, us.user.id)
    expect(check).toMatchObject({ choice: 'join', initiative_id: null, chosen_id: theirs.id })
  })

  test('continue anyway needs a reason; it is recorded and shown only to the organisation', async () => {
    const { them, us, input, candidates } = await setUp('dörrlarmen')
    const noReason = await createInitiativeAfterCheck(db, {
      organisation: verified(us),
      userId: us.user.id,
      input,
      candidates,
      decision: { choice: 'continue', reason: ' .. ' },
    }).catch((e: unknown) => e)
    expect(noReason).toMatchObject({ code: 'overlap_reason_required' })
    const saved = await createInitiativeAfterCheck(db, {
      organisation: verified(us),
      userId: us.user.id,
      input,
      candidates,
      decision: { choice: 'continue', reason: 'Vi upphandlar för ett annat län.' },
    })
    const id = saved.created!
    expect(await recordedChecks(db, id, us.user.id)).toMatchObject([
      { choice: 'continue', reason: 'Vi upphandlar för ett annat län.', chosen_id: null },
    ])
    expect(await recordedChecks(db, id, them.user.id)).toEqual([])
    expect(await recordedChecks(db, id, null)).toEqual([])
    expect(await relatedInitiatives(db, id)).toEqual([])
  })

  test('a choice of something not shown is refused, and nothing is saved', async () => {
    const { us, input, candidates } = await setUp('trygghetslarmen')
    const other = await createHost(db)
    const notShown = await initiativeOf(other, about('annat helt'))
    const error = await createInitiativeAfterCheck(db, {
      organisation: verified(us),
      userId: us.user.id,
      input,
      candidates,
      decision: { choice: 'related', chosenId: notShown.id },
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'overlap_candidate_invalid' })
    const mine = await db
      .selectFrom('initiatives')
      .select('id')
      .where('organisation_id', '=', us.org.id)
      .execute()
    expect(mine).toEqual([])
  })
})

describe('the record is append-only (raw SQL)', () => {
  async function recorded(topic: string) {
    const them = await createHost(db)
    const us = await createHost(db)
    const theirs = await initiativeOf(them, about(topic))
    const input = about(topic)
    const candidates = (await findSimilarInitiatives(db, us.org.id, input)).map((c) => c.id)
    const saved = await createInitiativeAfterCheck(db, {
      organisation: verified(us),
      userId: us.user.id,
      input,
      candidates,
      decision: { choice: 'continue', reason: 'Ett annat upplägg helt och hållet.' },
    })
    const check = await db
      .selectFrom('initiative_overlap_checks')
      .selectAll()
      .where('initiative_id', '=', saved.created)
      .executeTakeFirstOrThrow()
    return { us, theirs, mine: saved.created!, check }
  }

  test('UPDATE and DELETE are refused through Kysely and a plain connection', async () => {
    const { check, theirs } = await recorded('rörelsesensorer')
    for (const statement of [
      `UPDATE initiative_overlap_checks SET reason = 'Något helt annat nu.' WHERE id = ${check.id}`,
      `UPDATE initiative_overlap_checks SET choice = 'related', chosen_id = ${theirs.id}, reason = NULL WHERE id = ${check.id}`,
      `DELETE FROM initiative_overlap_checks WHERE id = ${check.id}`,
    ]) {
      expect(() => plain.prepare(statement).run(), statement).toThrow(/overlap_check_append_only/)
      expect(await rawError(() => sql.raw(statement).execute(db))).toMatch(
        /overlap_check_append_only/,
      )
    }
    const after = await db
      .selectFrom('initiative_overlap_checks')
      .selectAll()
      .where('id', '=', check.id)
      .executeTakeFirst()
    expect(after).toEqual(check)
  })

  test('REPLACE, INSERT OR REPLACE and ON CONFLICT cannot rewrite a recorded choice', async () => {
    const { check, mine, us } = await recorded('dörrsensorer')
    const cols = `(id, organisation_id, checked_by, checked_at, initiative_id, candidates, choice, reason)`
    const values = `(${check.id}, ${us.org.id}, ${us.user.id}, unixepoch(), ${mine}, '${check.candidates}', 'continue', 'Ett helt nytt skäl i efterhand.')`
    const byInitiative = `(${us.org.id}, ${us.user.id}, unixepoch(), ${mine}, '${check.candidates}', 'continue', 'Ett helt nytt skäl i efterhand.')`
    const colsNoId = `(organisation_id, checked_by, checked_at, initiative_id, candidates, choice, reason)`
    for (const statement of [
      `REPLACE INTO initiative_overlap_checks ${cols} VALUES ${values}`,
      `INSERT OR REPLACE INTO initiative_overlap_checks ${cols} VALUES ${values}`,
      `INSERT INTO initiative_overlap_checks ${cols} VALUES ${values} ON CONFLICT DO UPDATE SET reason = excluded.reason`,
      `INSERT INTO initiative_overlap_checks ${cols} VALUES ${values} ON CONFLICT DO NOTHING`,
      `REPLACE INTO initiative_overlap_checks ${colsNoId} VALUES ${byInitiative}`,
      `UPDATE OR REPLACE initiative_overlap_checks SET id = ${check.id} WHERE id = ${check.id}`,
    ]) {
      expect(() => plain.prepare(statement).run(), statement).toThrow(
        /row_exists|overlap_check_append_only/,
      )
    }
    const after = await db
      .selectFrom('initiative_overlap_checks')
      .selectAll()
      .where('id', '=', check.id)
      .executeTakeFirst()
    expect(after).toEqual(check)
  })

  test('raw inserts must name shown candidates of others, a member, now and a reason', async () => {
    const { us, theirs, mine } = await recorded('fönstersensorer')
    const second = await initiativeOf(us, about('golvsensorer'))
    const third = await initiativeOf(await createHost(db), about('taksensorer'))
    const insert = (values: Record<string, string | number | null>) => {
      const row = {
        organisation_id: us.org.id,
        checked_by: us.user.id,
        checked_at: 'unixepoch()',
        initiative_id: second.id,
        candidates: `'[${theirs.id}]'`,
        choice: `'related'`,
        chosen_id: theirs.id,
        reason: null,
        ...values,
      }
      const cols = Object.keys(row).join(', ')
      const vals = Object.values(row)
        .map((v) => (v === null ? 'NULL' : String(v)))
        .join(', ')
      return () =>
        plain.prepare(`INSERT INTO initiative_overlap_checks (${cols}) VALUES (${vals})`).run()
    }
    const outsider = await createUser(db)
    expect(insert({ checked_by: outsider.id })).toThrow(/initiative_not_member/)
    expect(
      insert({ initiative_id: theirs.id, candidates: `'[${third.id}]'`, chosen_id: third.id }),
    ).toThrow(/initiative_not_member/)
    expect(insert({ checked_at: 'unixepoch() - 3600' })).toThrow(/clock_mismatch/)
    expect(insert({ candidates: `'[${mine}]'`, chosen_id: mine })).toThrow(
      /overlap_candidate_invalid/,
    )
    expect(insert({ candidates: `'[${theirs.id}]'`, chosen_id: mine })).toThrow(
      /overlap_candidate_invalid/,
    )
    expect(insert({ choice: `'continue'`, chosen_id: null, reason: `'...'` })).toThrow(
      /overlap_reason_required/,
    )
    expect(insert({ choice: `'join'`, initiative_id: null })).toThrow(/overlap_candidate_invalid/)
    // A well-formed one goes in, once per new initiative.
    insert({})()
    expect(insert({ choice: `'continue'`, chosen_id: null, reason: `'Ett annat skäl.'` })).toThrow(
      /row_exists/,
    )
    // An idea with a recorded choice is kept.
    expect(() => plain.prepare(`DELETE FROM initiatives WHERE id = ${second.id}`).run()).toThrow(
      /initiative_not_deletable/,
    )
  })
})
