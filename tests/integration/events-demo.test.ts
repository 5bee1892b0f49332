import { expect, test } from 'vitest'
import { seed } from '~/seed'
import { createTestDb } from '../helpers/db'

// The events' demo story (decision record 031): IUC Norrbotten's upcoming B2B forum is full with a
// waiting list, last month's round table has its attendance in the contact ledger, and LTU's
// seminar has room.

test('the demo events tell the story', async () => {
  const { db, sqlite } = await createTestDb()
  await seed(db)
  const rows = (q: string) => sqlite.prepare(q).all()
  expect(
    rows(`SELECT e.title, e.capacity, o.name, r.status FROM events e
      JOIN event_registrations r ON r.event_id = e.id JOIN organisations o ON o.id = r.company_id
      WHERE e.kind = 'b2b_forum' ORDER BY r.id`),
  ).toEqual([
    {
      title: 'Smart industri B2B-forum Luleå',
      capacity: 2,
      name: 'Polarsensor AB',
      status: 'confirmed',
    },
    {
      title: 'Smart industri B2B-forum Luleå',
      capacity: 2,
      name: 'Bergskraft Energi AB',
      status: 'confirmed',
    },
    {
      title: 'Smart industri B2B-forum Luleå',
      capacity: 2,
      name: 'Vårdkraft Digital AB',
      status: 'waiting',
    },
  ])
  expect(
    rows(`SELECT o.name, r.attendance, k.kind, a.name AS author FROM event_registrations r
      JOIN events e ON e.id = r.event_id JOIN organisations o ON o.id = r.company_id
      LEFT JOIN company_contacts k ON k.id = r.contact_id
      LEFT JOIN organisations a ON a.id = k.author_organisation_id
      WHERE e.kind = 'round_table' ORDER BY o.name`),
  ).toEqual([
    {
      name: 'Bergskraft Energi AB',
      attendance: 'attended',
      kind: 'event',
      author: 'IUC Norrbotten AB',
    },
    {
      name: 'Nattugglan Omsorgsteknik AB',
      attendance: 'attended',
      kind: 'event',
      author: 'IUC Norrbotten AB',
    },
    { name: 'Vårdkraft Digital AB', attendance: 'no_show', kind: null, author: null },
  ])
  expect(
    rows(`SELECT count(*) AS n FROM events WHERE starts_at > unixepoch() AND status = 'published'`),
  ).toEqual([{ n: 2 }])
})
