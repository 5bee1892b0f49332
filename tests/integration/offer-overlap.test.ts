import Database from 'better-sqlite3'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { NewOfferInput } from '~/models/test-bed-offers.server'
import {
  createOfferAfterCheck,
  findSimilarOffers,
  relatedOffers,
} from '~/models/test-bed-offer-overlap.server'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { createUser } from '../helpers/factories'
import { rawError } from '../helpers/inspect'
import { createHost, createOffer } from '../helpers/test-bed-factories'

// Overlap detection before saving a new test-bed offer (migration 2026-12-07-20-offer-overlap,
// decision record 030 revision): only PUBLISHED offers of OTHER organisations are found, ranked;
// each choice is recorded; the record is append-only against any SQL, through any connection; a
// related draft shows only to its own organisation.

const db = getDb()
const DAY = 86400
let plain: Database.Database
beforeAll(() => {
  plain = new Database(process.env.DATABASE_PATH!)
})
afterAll(() => plain.close())

type Party = Awaited<ReturnType<typeof createHost>>

/** An offer about `topic` and nothing else, so that each test finds only its own. */
function about(topic: string, more: Partial<NewOfferInput> = {}): NewOfferInput {
  return {
    title: `Testmiljö för ${topic}`,
    summary: `Prova ${topic} hos oss, med ${topic} i verklig drift.`,
    description: `Vi erbjuder ${topic}.`,
    themes: ['energy'],
    county_code: '25',
    municipality_code: null,
    places: '',
    environments: '',
    test_users: '',
    test_user_count: null,
    staff_time: '',
    data_access: '',
    premises: '',
    equipment: '',
    trl_min: 4,
    trl_max: 7,
    requires_ce_marking: false,
    requires_dpia: false,
    requires_insurance: false,
    other_requirements: '',
    capacity: 2,
    available_from: now(),
    available_until: null,
    contact_role: 'Innovationssamordnare',
    contact_email: 'testbadd@example.test',
    intake: 'rolling',
    deadline: null,
    access_model: 'free',
    market_value_sek: 50_000,
    price_sek: 0,
    criteria: [{ title: 'Nytta för verksamheten', description: '', kind: 'score' }],
    ...more,
  }
}

function offerOf(owner: Party, topic: string, status: 'draft' | 'published' = 'published') {
  return createOffer(db, owner, {
    status,
    title: `Testmiljö för ${topic}`,
    summary: `Prova ${topic} i vår verksamhet under ett år.`,
    themes: ['energy'],
  })
}

describe('finding similar offers', () => {
  test('published offers of other organisations only: never one’s own, never a draft', async () => {
    const them = await createHost(db)
    const us = await createHost(db)
    const theirs = await offerOf(them, 'vätgaslager')
    const theirDraft = await offerOf(them, 'vätgaslager', 'draft')
    const mine = await offerOf(us, 'vätgaslager')
    const found = await findSimilarOffers(db, us.org.id, about('vätgaslagret'))
    const ids = found.map((c) => c.id)
    expect(ids).toContain(theirs.id)
    expect(ids).not.toContain(theirDraft.id)
    expect(ids).not.toContain(mine.id)
    expect(found.find((c) => c.id === theirs.id)).toMatchObject({
      text: true,
      themes: 1,
      cpv: 0,
      counties: 1,
      period: 1,
      owners: them.org.name,
      ends_on: null,
    })
  })

  test('ranking: the closer text first; another county and a past period rank lower or drop', async () => {
    const them = await createHost(db)
    const other = await createHost(db)
    const us = await createHost(db)
    const close = await offerOf(them, 'solcellsparker med batterilager')
    const loose = await createOffer(db, other, {
      title: 'Batterilager i industrin',
      summary: 'Industrins energi lagras i stora batterier under vintern.',
      themes: ['energy'],
    })
    const found = await findSimilarOffers(
      db,
      us.org.id,
      about('solcellsparker med batterilager', { themes: ['energy'] }),
    )
    const ids = found.map((c) => c.id)
    expect(ids.indexOf(close.id)).toBeGreaterThanOrEqual(0)
    expect(ids.indexOf(close.id)).toBeLessThan(
      ids.includes(loose.id) ? ids.indexOf(loose.id) : Infinity,
    )
    // Nothing in common but the boilerplate: not shown.
    const none = await findSimilarOffers(
      db,
      us.org.id,
      about('x', {
        title: 'Snökanoner i fjällen',
        summary: 'Konstsnö till skidbacken varje vinter.',
        themes: ['mobility'],
        county_code: '01',
      }),
    )
    expect(none.map((c) => c.id)).not.toContain(close.id)
    // An availability that ends before ours starts is no overlapping period.
    await db
      .updateTable('test_bed_offers')
      .set({ available_until: now() + 30 * DAY })
      .where('id', '=', close.id)
      .execute()
    const later = await findSimilarOffers(
      db,
      us.org.id,
      about('solcellsparker med batterilager', { available_from: now() + 400 * DAY }),
    )
    expect(later.find((c) => c.id === close.id)).toMatchObject({ text: true, period: 0 })
  })
})

describe('recording the choice', () => {
  test('link as related: the draft is saved, the link shows on the published offer only to us', async () => {
    const them = await createHost(db)
    const us = await createHost(db)
    const outsider = await createHost(db)
    const theirs = await offerOf(them, 'laddinfrastruktur')
    const input = about('laddinfrastruktur')
    const candidates = (await findSimilarOffers(db, us.org.id, input)).map((c) => c.id)
    const saved = await createOfferAfterCheck(db, {
      organisationId: us.org.id,
      userId: us.user.id,
      input,
      candidates,
      decision: { choice: 'related', chosenId: theirs.id },
    })
    const check = await db
      .selectFrom('test_bed_offer_overlap_checks')
      .selectAll()
      .where('offer_id', '=', saved.id)
      .executeTakeFirstOrThrow()
    expect(check).toMatchObject({
      organisation_id: us.org.id,
      checked_by: us.user.id,
      choice: 'related',
      chosen_id: theirs.id,
      reason: null,
    })
    expect(JSON.parse(check.candidates)).toEqual(candidates)
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'test_bed_offer')
      .where('entity_id', '=', String(saved.id))
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual([
      'test_bed_offer.create',
      'test_bed_offer.overlap_checked',
    ])
    expect((await relatedOffers(db, saved.id, us.user.id)).map((r) => r.id)).toEqual([theirs.id])
    expect((await relatedOffers(db, theirs.id, us.user.id)).map((r) => r.id)).toEqual([saved.id])
    expect(await relatedOffers(db, theirs.id, outsider.user.id)).toEqual([])
    expect(await relatedOffers(db, theirs.id, null)).toEqual([])
    await db
      .updateTable('test_bed_offers')
      .set({ status: 'published', published_at: now() })
      .where('id', '=', saved.id)
      .execute()
    expect((await relatedOffers(db, theirs.id, null)).map((r) => r.id)).toEqual([saved.id])
  })

  test('continue anyway needs a reason of five letters; a choice not shown is refused', async () => {
    const them = await createHost(db)
    const us = await createHost(db)
    const theirs = await offerOf(them, 'fjärrvärmesensorer')
    const input = about('fjärrvärmesensorer')
    const candidates = (await findSimilarOffers(db, us.org.id, input)).map((c) => c.id)
    const base = { organisationId: us.org.id, userId: us.user.id, input, candidates }
    await expect(
      createOfferAfterCheck(db, { ...base, decision: { choice: 'continue', reason: 'ok!!' } }),
    ).rejects.toMatchObject({ code: 'overlap_reason_required' })
    await expect(
      createOfferAfterCheck(db, {
        ...base,
        decision: { choice: 'related', chosenId: theirs.id + 99 },
      }),
    ).rejects.toMatchObject({ code: 'overlap_candidate_invalid' })
    const before = await db
      .selectFrom('test_bed_offers')
      .select('id')
      .where('organisation_id', '=', us.org.id)
      .execute()
    expect(before).toEqual([])
    const saved = await createOfferAfterCheck(db, {
      ...base,
      decision: { choice: 'continue', reason: 'Vår testbädd gäller en annan målgrupp.' },
    })
    const check = await db
      .selectFrom('test_bed_offer_overlap_checks')
      .selectAll()
      .where('offer_id', '=', saved.id)
      .executeTakeFirstOrThrow()
    expect(check).toMatchObject({ choice: 'continue', chosen_id: null })
    expect(check.reason).toBe('Vår testbädd gäller en annan målgrupp.')
    expect(await relatedOffers(db, theirs.id, us.user.id)).toEqual([])
  })
})

describe('the record against raw SQL', () => {
  async function recorded(topic: string) {
    const them = await createHost(db)
    const us = await createHost(db)
    const theirs = await offerOf(them, topic)
    const input = about(topic)
    const candidates = (await findSimilarOffers(db, us.org.id, input)).map((c) => c.id)
    const saved = await createOfferAfterCheck(db, {
      organisationId: us.org.id,
      userId: us.user.id,
      input,
      candidates,
      decision: { choice: 'continue', reason: 'Ett annat upplägg helt och hållet.' },
    })
    const check = await db
      .selectFrom('test_bed_offer_overlap_checks')
      .selectAll()
      .where('offer_id', '=', saved.id)
      .executeTakeFirstOrThrow()
    return { us, them, theirs, mine: saved.id, check }
  }

  test('UPDATE and DELETE are refused while the offer exists', async () => {
    const { check, theirs, mine } = await recorded('vindkraftsdata')
    for (const statement of [
      `UPDATE test_bed_offer_overlap_checks SET reason = 'Något helt annat nu.' WHERE id = ${check.id}`,
      `UPDATE test_bed_offer_overlap_checks SET choice = 'related', chosen_id = ${theirs.id}, reason = NULL WHERE id = ${check.id}`,
      `DELETE FROM test_bed_offer_overlap_checks WHERE id = ${check.id}`,
      `DELETE FROM test_bed_offer_overlap_checks WHERE offer_id = ${mine}`,
    ]) {
      expect(() => plain.prepare(statement).run(), statement).toThrow(/overlap_check_append_only/)
      expect(await rawError(() => sql.raw(statement).execute(db))).toMatch(
        /overlap_check_append_only/,
      )
    }
    const after = await db
      .selectFrom('test_bed_offer_overlap_checks')
      .selectAll()
      .where('id', '=', check.id)
      .executeTakeFirst()
    expect(after).toEqual(check)
  })

  test('a deleted draft takes its record along; a published offer is never deleted', async () => {
    const { check, theirs, mine } = await recorded('värmepumpar')
    expect(() =>
      plain.prepare(`DELETE FROM test_bed_offers WHERE id = ${theirs.id}`).run(),
    ).toThrow(/testarena:/)
    plain.prepare(`DELETE FROM test_bed_offers WHERE id = ${mine}`).run()
    const after = await db
      .selectFrom('test_bed_offer_overlap_checks')
      .select('id')
      .where('id', '=', check.id)
      .executeTakeFirst()
    expect(after).toBeUndefined()
  })

  test('REPLACE, INSERT OR REPLACE and ON CONFLICT cannot rewrite a recorded choice', async () => {
    const { check, mine, us } = await recorded('smarta elnät')
    const cols = `(id, organisation_id, checked_by, checked_at, offer_id, candidates, choice, reason)`
    const values = `(${check.id}, ${us.org.id}, ${us.user.id}, unixepoch(), ${mine}, '${check.candidates}', 'continue', 'Ett helt nytt skäl i efterhand.')`
    const byOffer = `(${us.org.id}, ${us.user.id}, unixepoch(), ${mine}, '${check.candidates}', 'continue', 'Ett helt nytt skäl i efterhand.')`
    const colsNoId = `(organisation_id, checked_by, checked_at, offer_id, candidates, choice, reason)`
    for (const statement of [
      `REPLACE INTO test_bed_offer_overlap_checks ${cols} VALUES ${values}`,
      `INSERT OR REPLACE INTO test_bed_offer_overlap_checks ${cols} VALUES ${values}`,
      `INSERT INTO test_bed_offer_overlap_checks ${cols} VALUES ${values} ON CONFLICT DO UPDATE SET reason = excluded.reason`,
      `INSERT INTO test_bed_offer_overlap_checks ${colsNoId} VALUES ${byOffer} ON CONFLICT DO UPDATE SET reason = excluded.reason`,
      `REPLACE INTO test_bed_offer_overlap_checks ${colsNoId} VALUES ${byOffer}`,
      `UPDATE OR REPLACE test_bed_offer_overlap_checks SET id = ${check.id} WHERE id = ${check.id}`,
    ]) {
      expect(() => plain.prepare(statement).run(), statement).toThrow(
        /row_exists|overlap_check_append_only|UNIQUE/,
      )
    }
    const after = await db
      .selectFrom('test_bed_offer_overlap_checks')
      .selectAll()
      .where('id', '=', check.id)
      .executeTakeFirst()
    expect(after).toEqual(check)
  })

  test('raw inserts must name published offers of others, a member, an own draft, now, a reason', async () => {
    const { us, them, theirs } = await recorded('biogasmätare')
    const second = await offerOf(us, 'tågvärmare', 'draft')
    const theirDraft = await offerOf(them, 'tågvärmare', 'draft')
    const ourPublished = await offerOf(us, 'gatuljus')
    const insert = (values: Record<string, string | number | null>) => {
      const row = {
        organisation_id: us.org.id,
        checked_by: us.user.id,
        checked_at: 'unixepoch()',
        offer_id: second.id,
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
        plain.prepare(`INSERT INTO test_bed_offer_overlap_checks (${cols}) VALUES (${vals})`).run()
    }
    const outsider = await createUser(db)
    expect(insert({ checked_by: outsider.id })).toThrow(/not_host_member/)
    expect(insert({ offer_id: theirDraft.id })).toThrow(/not_host_member/)
    expect(insert({ offer_id: ourPublished.id })).toThrow(/not_host_member/)
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
