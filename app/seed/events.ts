import { createEvent, recordAttendance, registerCompany } from '~/models/events.server'
import { setClockOffset } from '~/utils/clock.server'
import { type SeedIds, type Tx, calendar, keys, travel } from './shared'

// Events (issue 15 part 8, decision record 031), in IUC Norrbotten's event series "Smart industri
// Norrbotten" (co-owned by Luleå tekniska universitet). Last month's round table in Skellefteå:
// Nattugglan and Bergskraft came, Vårdkraft did not show up, and IUC recorded it afterwards, so
// both visits are in IUC's contact ledger (Nattugglan keeps its contacts to itself, so only IUC and
// Nattugglan see that one). The upcoming B2B forum in Luleå has two seats, both taken by Polarsensor
// and Bergskraft, and Vårdkraft waits first in line. LTU's seminar on AI in small manufacturing
// firms has plenty of room.

async function series(db: Tx) {
  const row = await db
    .selectFrom('initiatives')
    .select('id')
    .where('title', 'like', 'Smart industri Norrbotten%')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function seedEvents(db: Tx, ids: SeedIds): Promise<void> {
  const { user, org } = keys(ids)
  const { at } = calendar(ids.at)
  const smartIndustri = await series(db)
  const register = (eventId: number, company: string, person: string) =>
    registerCompany(db, { eventId, companyId: org(company), userId: user(person) })

  // --- Last month: a round table, with attendance recorded after it.
  travel(at(-45, '10:00'))
  const roundTable = await createEvent(db, {
    organisationId: org('iuc_norrbotten'),
    userId: user('linnea'),
    input: {
      kind: 'round_table',
      title: 'Rundabordssamtal: digitala tvillingar i små verkstäder',
      description:
        'Ett samtal i mindre format om hur små verkstads- och tillverkningsföretag kan börja med digitala tvillingar utan stora investeringar.\n\n- Erfarenheter från två företag i länet\n- Vad regionens och kommunernas upphandlare efterfrågar\n- Testmiljöer som finns att låna',
      starts_at: at(-30, '13:00'),
      ends_at: at(-30, '16:00'),
      registration_deadline: at(-33, '23:59'),
      venue: 'Campus Skellefteå, Kanalgatan 65, Skellefteå',
      online: false,
      capacity: 12,
      initiative_id: smartIndustri,
    },
  })
  travel(at(-40, '09:00'))
  await register(roundTable.id, 'nattugglan', 'sara')
  travel(at(-38, '14:00'))
  await register(roundTable.id, 'bergskraft', 'mikael')
  travel(at(-36, '11:00'))
  await register(roundTable.id, 'vardkraft', 'karin')
  travel(at(-29, '09:00'))
  const seats = await db
    .selectFrom('event_registrations')
    .select(['id', 'company_id'])
    .where('event_id', '=', roundTable.id)
    .execute()
  await recordAttendance(db, {
    eventId: roundTable.id,
    userId: user('linnea'),
    locale: 'sv',
    marks: seats.map((s) => ({
      registrationId: s.id,
      attendance: s.company_id === org('vardkraft') ? 'no_show' : 'attended',
    })),
  })

  // --- The upcoming B2B forum: full, with a waiting list.
  travel(at(-12, '09:00'))
  const forum = await createEvent(db, {
    organisationId: org('iuc_norrbotten'),
    userId: user('linnea'),
    input: {
      kind: 'b2b_forum',
      title: 'Smart industri B2B-forum Luleå',
      description:
        'Bokade möten på 20 minuter mellan små och medelstora företag, offentliga köpare och forskare kring digitalisering i industrin. Varje företag har en plats och får upp till sex möten under dagen.\n\n- Regionens och kommunernas planerade upphandlingar\n- Testbäddar som söker företag\n- Matchning mot Luleå tekniska universitets forskargrupper',
      starts_at: at(24, '09:00'),
      ends_at: at(24, '16:30'),
      registration_deadline: at(20, '23:59'),
      venue: 'Kulturens hus, Skeppsbrogatan 17, Luleå',
      online: false,
      capacity: 2,
      initiative_id: smartIndustri,
    },
  })
  travel(at(-10, '10:00'))
  await register(forum.id, 'polarsensor', 'johan')
  travel(at(-7, '15:00'))
  await register(forum.id, 'bergskraft', 'mikael')
  travel(at(-2, '08:00'))
  await register(forum.id, 'vardkraft', 'karin')

  // --- LTU's seminar, in the same series (LTU co-owns it).
  travel(at(-5, '13:00'))
  const seminar = await createEvent(db, {
    organisationId: org('ltu'),
    userId: user('henrik'),
    input: {
      kind: 'seminar',
      title: 'Seminarium: AI i små tillverkningsföretag',
      description:
        'Forskare vid Luleå tekniska universitet visar hur små tillverkningsföretag kan använda maskininlärning för kvalitetskontroll, och tre företag berättar om sina första försök.',
      starts_at: at(38, '13:00'),
      ends_at: at(38, '15:30'),
      registration_deadline: at(36, '12:00'),
      venue: 'Luleå tekniska universitet, hus A, Universitetsvägen, Luleå',
      online: true,
      capacity: 40,
      initiative_id: smartIndustri,
    },
  })
  travel(at(-1, '16:00'))
  await register(seminar.id, 'polarsensor', 'johan')

  setClockOffset(0)
}
