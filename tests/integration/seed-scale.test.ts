import { expect, test } from 'vitest'
import { verifyAuditChain } from '~/models/audit.server'
import { openContent } from '~/models/bid-content.server'
import { seed } from '~/seed'
import { seedScale } from '../../scripts/seed-scale/run'
import { RAREST_WORD } from '../../scripts/seed-scale/vocabulary'
import { createTestDb } from '../helpers/db'

// `npm run seed:scale` at a tiny size (decision record 046): the counts asked for, a search word
// that is common in the generated text and one that is rare, and a history that every rule
// accepted — checked here again from the rows themselves.

const SIZES = { calls: 60, testBeds: 12, companies: 80, bids: 300, references: 5, applications: 40 }
const quiet = () => {}

async function counts(sqlite: Awaited<ReturnType<typeof createTestDb>>['sqlite']) {
  const one = (q: string) => sqlite.prepare(q).pluck().get() as number
  return {
    calls: one('SELECT count(*) FROM calls'),
    bids: one('SELECT count(*) FROM bids'),
    companies: one("SELECT count(*) FROM organisations WHERE kind = 'company'"),
    testBeds: one('SELECT count(*) FROM test_bed_offers'),
    applications: one('SELECT count(*) FROM pilot_applications'),
    references: one('SELECT count(*) FROM reference_cases'),
  }
}

test('the scale seed adds the sizes asked for on top of the demo, through every rule', async () => {
  const demo = await createTestDb()
  await seed(demo.db)
  const before = await counts(demo.sqlite)
  await demo.db.destroy()

  const { db, sqlite } = await createTestDb()
  const run = await seedScale(db, sqlite, { sizes: SIZES, seed: 7, log: quiet })
  const after = await counts(sqlite)
  for (const key of Object.keys(SIZES) as (keyof typeof SIZES)[]) {
    expect({ key, added: after[key] - before[key] }).toEqual({ key, added: SIZES[key] })
  }
  expect(run.phases.map((p) => p.name)).toContain('bids')
  const all = (q: string) => sqlite.prepare(q).all()
  const one = (q: string) => sqlite.prepare(q).pluck().get() as number

  // Every region and every municipality of the reference data buys (Piteå's demo account is still
  // awaiting verification, as in the demo).
  expect(
    one(
      "SELECT count(*) FROM organisations WHERE public_body_type = 'region' AND verification_status = 'verified'",
    ),
  ).toBe(21)
  expect(
    one(
      "SELECT count(*) FROM organisations WHERE public_body_type = 'municipality' AND verification_status = 'verified'",
    ),
  ).toBe(289)

  // Zipf text: "digital" in a large share of the calls, the vocabulary's rarest word in almost none.
  const matches = (term: string) =>
    one(`SELECT count(*) FROM calls_fts WHERE calls_fts MATCH '"${term}"'`)
  expect(matches('digital')).toBeGreaterThan(SIZES.calls / 5)
  expect(matches(RAREST_WORD)).toBeLessThanOrEqual(2)

  // The history: bids inside their call's open period, openings after the deadline, awards only
  // after an opening and to passing bids, minimum periods kept, references from awards.
  expect(
    all(`SELECT b.id FROM bids b JOIN calls c ON c.id = b.call_id
    WHERE b.created_at < c.published_at OR b.created_at >= c.tender_deadline
      OR b.submitted_at >= c.tender_deadline`),
  ).toEqual([])
  expect(
    all(`SELECT c.id FROM calls c WHERE c.status IN ('opened', 'evaluated', 'awarded', 'unsuccessful', 'concluded')
    AND NOT EXISTS (SELECT 1 FROM bid_openings o WHERE o.call_id = c.id AND o.opened_at >= c.tender_deadline)`),
  ).toEqual([])
  expect(one("SELECT count(*) FROM calls WHERE status = 'awarded'")).toBeGreaterThan(5)
  expect(
    all(`SELECT c.id FROM calls c WHERE c.status = 'awarded'
    AND (NOT EXISTS (SELECT 1 FROM call_awards a WHERE a.call_id = c.id)
      OR EXISTS (SELECT 1 FROM call_awards a JOIN bid_results r ON r.bid_id = a.bid_id
        WHERE a.call_id = c.id AND r.passes = 0))`),
  ).toEqual([])
  expect(
    all(`SELECT id FROM calls WHERE status <> 'draft' AND tender_deadline - published_at
    < CASE procedure WHEN 'market_dialogue' THEN 10 ELSE 30 END * 86400`),
  ).toEqual([])
  expect(
    all(`SELECT r.id FROM reference_cases r WHERE r.call_id IS NOT NULL AND (r.status <> 'published'
      OR NOT EXISTS (SELECT 1 FROM call_awards a JOIN bids b ON b.id = a.bid_id
        WHERE a.call_id = r.call_id AND b.company_id = r.company_id))`),
  ).toEqual([])
  expect(one('SELECT max(submitted_at) FROM bids')).toBeLessThanOrEqual(
    Math.floor(Date.now() / 1000),
  )

  // The audit chain verifies, and a sealed bid opens with the key ring beside the database.
  expect((await verifyAuditChain(db)).ok).toBe(true)
  const bid = sqlite
    .prepare("SELECT * FROM bids WHERE status = 'submitted' ORDER BY id DESC LIMIT 1")
    .get() as {
    sealed: Buffer
    call_id: number
    company_id: number
    seal_key_id: string
    content_hash: string
  }
  expect(openContent(bid).ok).toBe(true)
  // Nothing is left for the server's notification worker but what the demo leaves it.
  expect(one('SELECT count(*) FROM ocds_releases WHERE body IS NULL')).toBe(0)
  await db.destroy()
})

test('the same seed gives the same data', async () => {
  const sizes = { calls: 12, testBeds: 3, companies: 20, bids: 40, references: 1, applications: 6 }
  const texts = async () => {
    const { db, sqlite } = await createTestDb()
    await seedScale(db, sqlite, { sizes, seed: 3, log: quiet })
    const rows = sqlite
      .prepare(
        `SELECT c.title, c.status, c.tender_deadline - c.published_at AS period,
        (SELECT count(*) FROM bids b WHERE b.call_id = c.id) AS bids FROM calls c ORDER BY c.id`,
      )
      .all()
    const names = sqlite
      .prepare("SELECT name, org_number FROM organisations WHERE kind = 'company' ORDER BY id")
      .all()
    await db.destroy()
    return { rows, names }
  }
  expect(await texts()).toEqual(await texts())
})
