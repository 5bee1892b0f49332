import Database from 'better-sqlite3'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { CallDraftInput } from '~/models/call-drafts.server'
import { createCallAfterCheck, findSimilarCalls, relatedCalls } from '~/models/call-overlap.server'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { createCall } from '../helpers/call-factories'
import { createUser } from '../helpers/factories'
import { rawError } from '../helpers/inspect'
import { createHost } from '../helpers/test-bed-factories'

// Overlap detection before saving a new call (migration 2026-12-07-18-offer-call-overlap,
// decision record 030 revision): only PUBLISHED calls of OTHER organisations are found; each
// choice is recorded; the record is append-only against any SQL, through any connection; a
// related draft shows only to its own organisation.

const db = getDb()
const DAY = 86400
let plain: Database.Database
beforeAll(() => {
  plain = new Database(process.env.DATABASE_PATH!)
})
afterAll(() => plain.close())

type Party = Awaited<ReturnType<typeof createHost>>

/** A call about `topic` and nothing else, so that each test finds only its own. */
function about(topic: string, more: Partial<CallDraftInput> = {}): CallDraftInput {
  return {
    procedure: 'open',
    title: `Upphandling av ${topic}`,
    summary: `En upphandling av ${topic} och mer ${topic}.`,
    need: `Vi behöver ${topic}.`,
    functional_requirements: true,
    novel_to_market: true,
    includes_rnd: false,
    estimated_value_sek: 2_000_000,
    max_winners: 1,
    county_code: '25',
    municipality_code: null,
    themes: ['mobility'],
    cpv_codes: [],
    question_deadline: now() + 20 * DAY,
    tender_deadline: now() + 40 * DAY,
    standstill_days: 10,
    requirements: [{ title: 'Uppfyller GDPR', description: '', weight: null }],
    criteria: [{ title: 'Nytta för brukaren', description: '', weight: 100 }],
    pilot_links: [],
    dialogue_links: [],
    prior_involvement: '',
    involved: [],
    ...more,
  }
}

async function published(owner: Party, topic: string, status: 'draft' | 'published' = 'published') {
  const { call } = await createCall(db, owner, {
    status,
    title: `Upphandling av ${topic}`,
    summary: `En upphandling av ${topic} för kommunen.`,
    themes: ['mobility'],
    cpv: ['34900000'],
  })
  return call
}

describe('finding similar calls', () => {
  test('published calls of other organisations only: never one’s own, never a draft', async () => {
    const them = await createHost(db)
    const us = await createHost(db)
    const theirs = await published(them, 'snöplogsrobotar')
    const theirDraft = await published(them, 'snöplogsrobotar', 'draft')
    const mine = await published(us, 'snöplogsrobotar')
    const found = await findSimilarCalls(db, us.org.id, about('snöplogsrobotarna'))
    const ids = found.map((c) => c.id)
    expect(ids).toContain(theirs.id)
    expect(ids).not.toContain(theirDraft.id)
    expect(ids).not.toContain(mine.id)
    expect(found.find((c) => c.id === theirs.id)).toMatchObject({
      text: true,
      themes: 1,
      counties: 1,
      period: 1,
      owners: them.org.name,
    })
  })

  test('a shared CPV class alone makes a candidate; an unrelated call is not shown', async () => {
    const them = await createHost(db)
    const us = await createHost(db)
    const cpv = await published(them, 'gatubelysningsstolpar')
    const found = await findSimilarCalls(
      db,
      us.org.id,
      about('vattenmätare', { themes: ['welfare_technology'], county_code: '01', cpv_codes: [] }),
    )
    expect(found.map((c) => c.id)).not.toContain(cpv.id)
    const byCpv = await findSimilarCalls(
      db,
      us.org.id,
      about('vattenmätare', { themes: ['welfare_technology'], cpv_codes: ['34900000'] }),
    )
    expect(byCpv.find((c) => c.id === cpv.id)).toMatchObject({ cpv: 1, text: false })
  })
})

describe('recording the choice', () => {
  test('link as related: the draft is saved, the link shows on the published call only to us', async () => {
    const them = await createHost(db)
    const us = await createHost(db)
    const outsider = await createHost(db)
    const theirs = await published(them, 'laddstolpar')
    const input = about('laddstolpar')
    const candidates = (await findSimilarCalls(db, us.org.id, input)).map((c) => c.id)
    const saved = await createCallAfterCheck(db, {
      organisationId: us.org.id,
      userId: us.user.id,
      input,
      candidates,
      decision: { choice: 'related', chosenId: theirs.id },
    })
    const check = await db
      .selectFrom('call_overlap_checks')
      .selectAll()
      .where('call_id', '=', saved.id)
      .executeTakeFirstOrThrow()
    expect(check).toMatchObject({
      organisation_id: us.org.id,
      checked_by: us.user.id,
      choice: 'related',
      chosen_id: theirs.id,
      reason: null,
    })
    expect(JSON.parse(check.candidates)).toEqual(candidates)
    // Our page (a draft: ours alone) shows theirs; theirs shows our draft only to us.
    expect((await relatedCalls(db, saved.id, us.user.id)).map((r) => r.id)).toEqual([theirs.id])
    expect((await relatedCalls(db, theirs.id, us.user.id)).map((r) => r.id)).toEqual([saved.id])
    expect(await relatedCalls(db, theirs.id, outsider.user.id)).toEqual([])
    expect(await relatedCalls(db, theirs.id, null)).toEqual([])
    // Once ours is published, everyone sees the link.
    await db
      .updateTable('calls')
      .set({ status: 'published', published_at: now(), updated_at: now() })
      .where('id', '=', saved.id)
      .execute()
    expect((await relatedCalls(db, theirs.id, null)).map((r) => r.id)).toEqual([saved.id])
  })

  test('continue anyway needs a reason of five letters; a choice not shown is refused', async () => {
    const them = await createHost(db)
    const us = await createHost(db)
    const theirs = await published(them, 'parkeringssensorer')
    const input = about('parkeringssensorer')
    const candidates = (await findSimilarCalls(db, us.org.id, input)).map((c) => c.id)
    const base = { organisationId: us.org.id, userId: us.user.id, input, candidates }
    await expect(
      createCallAfterCheck(db, { ...base, decision: { choice: 'continue', reason: 'ok!!' } }),
    ).rejects.toMatchObject({ code: 'overlap_reason_required' })
    await expect(
      createCallAfterCheck(db, {
        ...base,
        decision: { choice: 'related', chosenId: theirs.id + 99 },
      }),
    ).rejects.toMatchObject({ code: 'overlap_candidate_invalid' })
    const before = await db
      .selectFrom('calls')
      .select('id')
      .where('organisation_id', '=', us.org.id)
      .execute()
    expect(before).toEqual([])
    const saved = await createCallAfterCheck(db, {
      ...base,
      decision: { choice: 'continue', reason: 'Vår upphandling gäller ett annat område.' },
    })
    const check = await db
      .selectFrom('call_overlap_checks')
      .selectAll()
      .where('call_id', '=', saved.id)
      .executeTakeFirstOrThrow()
    expect(check).toMatchObject({ choice: 'continue', chosen_id: null })
    expect(check.reason).toBe('Vår upphandling gäller ett annat område.')
    expect(await relatedCalls(db, theirs.id, us.user.id)).toEqual([])
  })
})

describe('the record against raw SQL', () => {
  async function recorded(topic: string) {
    const them = await createHost(db)
    const us = await createHost(db)
    const theirs = await published(them, topic)
    const input = about(topic)
    const candidates = (await findSimilarCalls(db, us.org.id, input)).map((c) => c.id)
    const saved = await createCallAfterCheck(db, {
      organisationId: us.org.id,
      userId: us.user.id,
      input,
      candidates,
      decision: { choice: 'continue', reason: 'Ett annat upplägg helt och hållet.' },
    })
    const check = await db
      .selectFrom('call_overlap_checks')
      .selectAll()
      .where('call_id', '=', saved.id)
      .executeTakeFirstOrThrow()
    return { us, them, theirs, mine: saved.id, check }
  }

  test('UPDATE and DELETE are refused while the call exists', async () => {
    const { check, theirs, mine } = await recorded('cykelräknare')
    for (const statement of [
      `UPDATE call_overlap_checks SET reason = 'Något helt annat nu.' WHERE id = ${check.id}`,
      `UPDATE call_overlap_checks SET choice = 'related', chosen_id = ${theirs.id}, reason = NULL WHERE id = ${check.id}`,
      `DELETE FROM call_overlap_checks WHERE id = ${check.id}`,
      `DELETE FROM call_overlap_checks WHERE call_id = ${mine}`,
    ]) {
      expect(() => plain.prepare(statement).run(), statement).toThrow(/overlap_check_append_only/)
      expect(await rawError(() => sql.raw(statement).execute(db))).toMatch(
        /overlap_check_append_only/,
      )
    }
    const after = await db
      .selectFrom('call_overlap_checks')
      .selectAll()
      .where('id', '=', check.id)
      .executeTakeFirst()
    expect(after).toEqual(check)
  })

  test('a deleted draft takes its record along; a published call is never deleted', async () => {
    const { check, theirs, mine } = await recorded('vägskyltar')
    expect(() => plain.prepare(`DELETE FROM calls WHERE id = ${theirs.id}`).run()).toThrow(
      /call_not_draft/,
    )
    plain.prepare(`DELETE FROM calls WHERE id = ${mine}`).run()
    const after = await db
      .selectFrom('call_overlap_checks')
      .select('id')
      .where('id', '=', check.id)
      .executeTakeFirst()
    expect(after).toBeUndefined()
  })

  test('REPLACE, INSERT OR REPLACE and ON CONFLICT cannot rewrite a recorded choice', async () => {
    const { check, mine, us } = await recorded('busskurer')
    const cols = `(id, organisation_id, checked_by, checked_at, call_id, candidates, choice, reason)`
    const values = `(${check.id}, ${us.org.id}, ${us.user.id}, unixepoch(), ${mine}, '${check.candidates}', 'continue', 'Ett helt nytt skäl i efterhand.')`
    const byCall = `(${us.org.id}, ${us.user.id}, unixepoch(), ${mine}, '${check.candidates}', 'continue', 'Ett helt nytt skäl i efterhand.')`
    const colsNoId = `(organisation_id, checked_by, checked_at, call_id, candidates, choice, reason)`
    for (const statement of [
      `REPLACE INTO call_overlap_checks ${cols} VALUES ${values}`,
      `INSERT OR REPLACE INTO call_overlap_checks ${cols} VALUES ${values}`,
      `INSERT INTO call_overlap_checks ${cols} VALUES ${values} ON CONFLICT DO UPDATE SET reason = excluded.reason`,
      `INSERT INTO call_overlap_checks ${colsNoId} VALUES ${byCall} ON CONFLICT DO UPDATE SET reason = excluded.reason`,
      `REPLACE INTO call_overlap_checks ${colsNoId} VALUES ${byCall}`,
      `UPDATE OR REPLACE call_overlap_checks SET id = ${check.id} WHERE id = ${check.id}`,
    ]) {
      expect(() => plain.prepare(statement).run(), statement).toThrow(
        /row_exists|overlap_check_append_only|UNIQUE/,
      )
    }
    const after = await db
      .selectFrom('call_overlap_checks')
      .selectAll()
      .where('id', '=', check.id)
      .executeTakeFirst()
    expect(after).toEqual(check)
  })

  test('raw inserts must name published calls of others, a member, an own draft, now, a reason', async () => {
    const { us, them, theirs } = await recorded('sopkärlsvågar')
    const second = await published(us, 'trafikljus', 'draft')
    const theirDraft = await published(them, 'trafikljus', 'draft')
    const ourPublished = await published(us, 'gångbroar')
    const insert = (values: Record<string, string | number | null>) => {
      const row = {
        organisation_id: us.org.id,
        checked_by: us.user.id,
        checked_at: 'unixepoch()',
        call_id: second.id,
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
      return () => plain.prepare(`INSERT INTO call_overlap_checks (${cols}) VALUES (${vals})`).run()
    }
    const outsider = await createUser(db)
    expect(insert({ checked_by: outsider.id })).toThrow(/not_buyer_member/)
    expect(insert({ call_id: theirDraft.id })).toThrow(/not_buyer_member/)
    expect(insert({ call_id: ourPublished.id })).toThrow(/not_buyer_member/)
    expect(insert({ checked_at: 'unixepoch() - 3600' })).toThrow(/clock_mismatch/)
    expect(insert({ candidates: `'[${theirDraft.id}]'`, chosen_id: theirDraft.id })).toThrow(
      /overlap_candidate_invalid/,
    )
    expect(insert({ candidates: `'[${ourPublished.id}]'`, chosen_id: ourPublished.id })).toThrow(
      /overlap_candidate_invalid/,
    )
    expect(insert({ chosen_id: ourPublished.id })).toThrow(/overlap_candidate_invalid/)
    expect(insert({ choice: `'continue'`, chosen_id: null, reason: `'nej'` })).toThrow(
      /overlap_reason_required/,
    )
    expect(insert({ choice: `'join'` })).toThrow(/CHECK/)
    expect(() => insert({})()).not.toThrow()
  })
})
