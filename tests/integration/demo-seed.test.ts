import { expect, test } from 'vitest'
import { seed, seedIfEmpty } from '~/seed'
import { verifyAuditChain } from '~/models/audit.server'
import { receiptHash } from '~/models/pilot-applications.server'
import { createTestDb } from '../helpers/db'

test('the demo marketplace seeds through every database rule and shows each state', async () => {
  const { db, sqlite } = await createTestDb()
  await seed(db)
  const count = (q: string) => sqlite.prepare(q).all()
  expect(count('SELECT status, count(*) AS n FROM test_bed_offers GROUP BY status')).toEqual([
    { status: 'closed', n: 1 },
    // One draft of the demo offers, and Skellefteå's, linked at the overlap check to Luleå's.
    { status: 'draft', n: 2 },
    { status: 'published', n: 5 },
  ])
  expect(
    count(`SELECT o.title, c.title AS related FROM test_bed_offer_overlap_checks k
      JOIN test_bed_offers o ON o.id = k.offer_id JOIN test_bed_offers c ON c.id = k.chosen_id`),
  ).toEqual([{ title: 'Smart hemtjänst i Skellefteå', related: 'Smart hemtjänst i Luleå' }])
  expect(
    count('SELECT status, count(*) AS n FROM pilot_applications GROUP BY status ORDER BY status'),
  ).toEqual([
    { status: 'accepted', n: 4 },
    { status: 'declined', n: 1 },
    { status: 'draft', n: 2 },
    { status: 'submitted', n: 3 },
    { status: 'withdrawn', n: 1 },
  ])
  expect(count('SELECT status, count(*) AS n FROM pilots GROUP BY status')).toEqual([
    { status: 'active', n: 1 },
    { status: 'completed', n: 3 },
  ])
  // Every completed pilot has its report; two have the company's answer.
  expect(
    count(`SELECT p.status, count(r.response) AS answered FROM pilot_reports r
      JOIN pilots p ON p.id = r.pilot_id GROUP BY p.status`),
  ).toEqual([{ status: 'completed', answered: 2 }])
  // Free and cost-sharing pilots carry state aid; the paid round carries none.
  expect(count('SELECT aid_sek FROM state_aid_ledger ORDER BY aid_sek')).toEqual([
    { aid_sek: 45000 },
    { aid_sek: 45000 },
    { aid_sek: 60000 },
    { aid_sek: 150000 },
  ])
  // Every seeded receipt can be checked against what is stored, as a real one can.
  const submitted = await db
    .selectFrom('pilot_applications')
    .selectAll()
    .where('submitted_at', 'is not', null)
    .execute()
  expect(submitted).toHaveLength(9)
  for (const row of submitted) {
    expect(receiptHash({ ...row, submitted_at: row.submitted_at! })).toBe(row.receipt_hash)
  }
  expect(count('PRAGMA foreign_key_check')).toEqual([])
  // Procurement calls in every state the issue asks for, their history written through the rules.
  expect(
    count(`SELECT status, tender_deadline < unixepoch() AS past, count(*) AS n FROM calls
      GROUP BY status, past ORDER BY status, past`),
  ).toEqual([
    { status: 'awarded', past: 1, n: 1 },
    { status: 'cancelled', past: 0, n: 1 },
    // Skellefteå's draft, linked at the overlap check to Norrbotten's call (app/seed/overlap.ts).
    { status: 'draft', past: 0, n: 1 },
    { status: 'published', past: 0, n: 3 },
    { status: 'published', past: 1, n: 2 },
  ])
  expect(count(`SELECT count(*) AS n FROM call_answers`)).toEqual([{ n: 2 }])
  expect(count(`SELECT state, changes_terms FROM call_amendments`)).toEqual([
    { state: 'published', changes_terms: 1 },
  ])
  expect(count(`SELECT status, count(*) AS n FROM bids GROUP BY status ORDER BY status`)).toEqual([
    { status: 'needs_reconfirmation', n: 2 },
    { status: 'submitted', n: 7 },
  ])
  // The awarded call went to the best passing bid; the bid failing the must-have scored but lost.
  expect(
    count(`SELECT o.name, r.passes, r.score, a.bid_id IS NOT NULL AS won FROM bid_results r
      JOIN organisations o ON o.id = r.company_id LEFT JOIN call_awards a ON a.bid_id = r.bid_id
      ORDER BY r.score DESC`),
  ).toEqual([
    { name: 'Nattugglan Omsorgsteknik AB', passes: 1, score: 80.5, won: 1 },
    { name: 'Vårdkraft Digital AB', passes: 0, score: 70.5, won: 0 },
    { name: 'Polarsensor AB', passes: 1, score: 68, won: 0 },
  ])
  expect(
    count(
      `SELECT contract_signed_at > standstill_ends_at AS ok FROM calls WHERE status = 'awarded'`,
    ),
  ).toEqual([{ ok: 1 }])
  // The showcase (issue 5): three cases both parties approved, one awaiting the company, each
  // traceable to its pilot or award; the year's competition published with its winners.
  expect(
    count(`SELECT r.status, o.name AS company, r.pilot_id IS NOT NULL AS from_pilot,
        r.public_body_approved_revision = r.revision AS body_ok,
        r.company_approved_revision = r.revision AS company_ok, r.title_en IS NOT NULL AS english
      FROM reference_cases r JOIN organisations o ON o.id = r.company_id ORDER BY r.id`),
  ).toEqual([
    {
      status: 'published',
      company: 'Polarsensor AB',
      from_pilot: 1,
      body_ok: 1,
      company_ok: 1,
      english: 1,
    },
    {
      status: 'published',
      company: 'Nattugglan Omsorgsteknik AB',
      from_pilot: 0,
      body_ok: 1,
      company_ok: 1,
      english: 1,
    },
    {
      status: 'published',
      company: 'Bergskraft Energi AB',
      from_pilot: 1,
      body_ok: 1,
      company_ok: 1,
      english: 0,
    },
    {
      status: 'draft',
      company: 'Polarsensor AB',
      from_pilot: 1,
      body_ok: 1,
      company_ok: null,
      english: 1,
    },
  ])
  // The region's late quote cleared the company's first approval: revision 2 was approved again.
  expect(count(`SELECT revision FROM reference_cases WHERE call_id IS NOT NULL`)).toEqual([
    { revision: 2 },
  ])
  expect(
    count(`SELECT c.status, cat.name_sv, res.placement, r.title_sv FROM competition_results res
      JOIN competition_categories cat ON cat.id = res.category_id
      JOIN competitions c ON c.id = cat.competition_id
      JOIN competition_nominations n ON n.id = res.nomination_id
      JOIN reference_cases r ON r.id = n.reference_id ORDER BY cat.position, res.placement DESC`),
  ).toEqual([
    {
      status: 'published',
      name_sv: 'Årets testbäddssamarbete',
      placement: 'winner',
      title_sv: 'Nyckelfri hemtjänst i Bergnäset',
    },
    {
      status: 'published',
      name_sv: 'Årets testbäddssamarbete',
      placement: 'honourable_mention',
      title_sv: 'Prognosstyrd markvärme på Storgatan',
    },
    {
      status: 'published',
      name_sv: 'Årets innovationsupphandling',
      placement: 'winner',
      title_sv: 'Digitalt läkemedelsstöd för äldre i ordinärt boende',
    },
  ])
  expect((await verifyAuditChain(db)).ok).toBe(true)
  expect(await seedIfEmpty(db)).toBe(false)
  await db.destroy()
})
