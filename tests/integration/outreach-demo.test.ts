import { expect, test } from 'vitest'
import { verifyAuditChain } from '~/models/audit.server'
import { seed } from '~/seed'
import { createTestDb } from '../helpers/db'

// The outreach demo story (decision record 032): Region Norrbotten's outreach to every micro and
// small company in Norrbotten, criteria stored, Bodens Kylservice opted out and counted.

test('the demo outreach reached every micro and small company in Norrbotten but the opted-out one', async () => {
  const { db, sqlite } = await createTestDb()
  await seed(db)
  const outreach = sqlite
    .prepare(
      `SELECT r.*, o.slug AS sender FROM outreaches r JOIN organisations o ON o.id = r.organisation_id`,
    )
    .all() as Array<Record<string, unknown>>
  expect(outreach).toHaveLength(1)
  expect(outreach[0]).toMatchObject({
    sender: 'region-norrbotten',
    size_classes: '["micro","small"]',
    sector_codes: '[]',
    county_code: '25',
    municipality_codes: '[]',
    sealed: 1,
    opted_out_count: 1,
  })
  const matches = sqlite
    .prepare(
      `SELECT slug FROM organisations WHERE kind = 'company' AND county_code = '25'
       AND size_class IN ('micro', 'small') ORDER BY slug`,
    )
    .pluck()
    .all() as string[]
  const reached = sqlite
    .prepare(
      `SELECT o.slug FROM outreach_recipients x JOIN organisations o ON o.id = x.company_id
       ORDER BY o.slug`,
    )
    .pluck()
    .all() as string[]
  expect(reached).toEqual(matches.filter((slug) => slug !== 'bodens-kylservice'))
  expect(reached).toEqual(
    expect.arrayContaining(['nattugglan-omsorgsteknik', 'polarsensor', 'tornedalens-matteknik']),
  )
  expect(outreach[0]).toMatchObject({
    matched_count: matches.length,
    recipient_count: matches.length - 1,
  })
  // One mail per member of every recipient, none to the opted-out company.
  const mails = sqlite
    .prepare(`SELECT to_address FROM outbox WHERE template = 'outreach' ORDER BY to_address`)
    .pluck()
    .all() as string[]
  expect(mails).toEqual(expect.arrayContaining(['aino.keskitalo@tornedalsmatteknik.test']))
  expect(mails).not.toContain('malin.sandstrom@bodenskyl.test')
  expect(outreach[0]).toMatchObject({ theme_codes: '[]', matched_count: 5, recipient_count: 4 })
  // Theme interests (032, Revision): an outreach on energy in Norrbotten would reach Polarsensor,
  // not Nattugglan, and count Bodens Kylservice as opted out.
  const interested = (theme: string) =>
    sqlite
      .prepare(
        `SELECT o.slug FROM company_theme_interests i JOIN organisations o ON o.id = i.company_id
         WHERE i.theme_code = ? AND i.interested = 1 ORDER BY o.slug`,
      )
      .pluck()
      .all(theme) as string[]
  expect(interested('energy')).toEqual(['bodens-kylservice', 'polarsensor'])
  expect(interested('welfare_technology')).toEqual(['nattugglan-omsorgsteknik'])
  expect((await verifyAuditChain(db)).ok).toBe(true)
  await db.destroy()
})
