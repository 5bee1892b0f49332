import { audit } from '~/models/audit.server'
import { now, setClockOffset } from '~/utils/clock.server'
import { seedCompetition } from './competition'
import {
  type CaseText,
  heatedWalkways,
  keylessHomeCare,
  medicationSupport,
  roadSensors,
} from './reference-texts'
import { type SeedIds, type Tx, calendar, keys, travel } from './shared'

// The demo showcase (issue 5): reference cases from the completed pilots and the awarded call of
// the earlier seeds, approved by both parties, one awaiting the company, and a finished
// good-examples competition. Written through every rule of migration 2026-11-26-04 by moving the
// clock (the seed's connection lets SQLite's clock follow it, decision 018).

export async function seedReferences(db: Tx, ids: SeedIds): Promise<void> {
  const { user, org } = keys(ids)
  const { dayStart, moment } = calendar(ids.at)
  const atMoment = (day: number, hour = 10) => moment(day, hour, 23)

  const pilotOf = async (offerTitle: string, companyKey: string) => {
    const row = await db
      .selectFrom('pilots')
      .innerJoin('test_bed_offers', 'test_bed_offers.id', 'pilots.offer_id')
      .select(['pilots.id', 'pilots.starts_on', 'pilots.ends_on', 'pilots.host_id'])
      .where('test_bed_offers.title', '=', offerTitle)
      .where('pilots.company_id', '=', org(companyKey))
      .executeTakeFirstOrThrow()
    return row
  }
  const callNamed = async (title: string) =>
    db
      .selectFrom('calls')
      .select(['id', 'organisation_id', 'contract_signed_at'])
      .where('title', '=', title)
      .executeTakeFirstOrThrow()

  const draft = async (
    source: { pilotId: number | null; callId: number | null },
    parties: { publicBody: string; company: string },
    author: { user: string; org: string },
    text: CaseText,
    period: { startedOn: number; endedOn: number | null },
  ) => {
    const { results, would_use_again, takes_reference_calls, ...rest } = text
    const row = await db
      .insertInto('reference_cases')
      .values({
        public_body_id: org(parties.publicBody),
        company_id: org(parties.company),
        pilot_id: source.pilotId,
        call_id: source.callId,
        ...rest,
        results_json: JSON.stringify(results),
        would_use_again: would_use_again ? 1 : 0,
        takes_reference_calls: takes_reference_calls ? 1 : 0,
        started_on: period.startedOn,
        ended_on: period.endedOn,
        created_by: user(author.user),
        updated_by: user(author.user),
        created_at: now(),
        updated_at: now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(db, {
      actorUserId: user(author.user),
      organisationId: org(author.org),
      action: 'reference.create',
      entityType: 'reference_case',
      entityId: row.id,
    })
    return row.id
  }

  const approve = async (referenceId: number, side: 'public_body' | 'company', userKey: string) => {
    const current = await db
      .selectFrom('reference_cases')
      .select([
        'revision',
        'public_body_approved_revision',
        'company_approved_revision',
        'first_published_at',
        'public_body_id',
        'company_id',
      ])
      .where('id', '=', referenceId)
      .executeTakeFirstOrThrow()
    const other =
      side === 'public_body'
        ? current.company_approved_revision
        : current.public_body_approved_revision
    const publishes = other === current.revision
    const at = now()
    await db
      .updateTable('reference_cases')
      .set({
        ...(side === 'public_body'
          ? {
              public_body_approved_revision: current.revision,
              public_body_approved_by: user(userKey),
              public_body_approved_at: at,
            }
          : {
              company_approved_revision: current.revision,
              company_approved_by: user(userKey),
              company_approved_at: at,
            }),
        ...(publishes
          ? {
              status: 'published',
              published_at: at,
              first_published_at: current.first_published_at ?? at,
            }
          : {}),
        updated_by: user(userKey),
        updated_at: at,
      })
      .where('id', '=', referenceId)
      .execute()
    await audit(db, {
      actorUserId: user(userKey),
      organisationId: side === 'public_body' ? current.public_body_id : current.company_id,
      action: publishes ? 'reference.publish' : 'reference.approve',
      entityType: 'reference_case',
      entityId: referenceId,
      after: { revision: current.revision, side },
    })
  }

  // (1) Polarsensor × Luleå, from the completed Smart hemtjänst pilot.
  const homeCarePilot = await pilotOf('Smart hemtjänst i Luleå', 'polarsensor')
  travel(atMoment(-24, 9))
  const keyless = await draft(
    { pilotId: homeCarePilot.id, callId: null },
    { publicBody: 'lulea', company: 'polarsensor' },
    { user: 'erik', org: 'lulea' },
    keylessHomeCare,
    { startedOn: homeCarePilot.starts_on, endedOn: homeCarePilot.ends_on },
  )
  travel(atMoment(-22, 14))
  await approve(keyless, 'public_body', 'erik')
  // Erik agrees to be named as the contact for reference calls (only he can say so).
  await db
    .updateTable('reference_cases')
    .set({ contact_user_id: user('erik'), contact_consented_at: now(), updated_by: user('erik') })
    .where('id', '=', keyless)
    .execute()
  await audit(db, {
    actorUserId: user('erik'),
    organisationId: org('lulea'),
    action: 'reference.contact_consent',
    entityType: 'reference_case',
    entityId: keyless,
  })
  travel(atMoment(-21, 11))
  await approve(keyless, 'company', 'johan')

  // (2) Nattugglan × Region Norrbotten, from the awarded medication-support call. The region
  // adds its quote after the company approved, which clears the approval: both approve again.
  const medication = await callNamed('Digitalt läkemedelsstöd i ordinärt boende')
  travel(atMoment(-26, 10))
  const medicationCase = await draft(
    { pilotId: null, callId: medication.id },
    { publicBody: 'norrbotten', company: 'nattugglan' },
    { user: 'sara', org: 'nattugglan' },
    { ...medicationSupport, quote_sv: '', quote_en: '', quote_by_role: '' },
    { startedOn: dayStart(-27), endedOn: null },
  )
  travel(atMoment(-25, 15))
  await approve(medicationCase, 'company', 'sara')
  travel(atMoment(-24, 9))
  await db
    .updateTable('reference_cases')
    .set({
      quote_sv: medicationSupport.quote_sv,
      quote_en: medicationSupport.quote_en,
      quote_by_role: medicationSupport.quote_by_role,
      updated_by: user('anna'),
      updated_at: now(),
    })
    .where('id', '=', medicationCase)
    .execute()
  await audit(db, {
    actorUserId: user('anna'),
    organisationId: org('norrbotten'),
    action: 'reference.update',
    entityType: 'reference_case',
    entityId: medicationCase,
  })
  await approve(medicationCase, 'public_body', 'anna')
  travel(atMoment(-22, 10))
  await approve(medicationCase, 'company', 'sara')

  // (3) Bergskraft × Luleå, from the heated-walkway pilot on the winter road test bed (Swedish only).
  const walkwayPilot = await pilotOf('Sensorer för vinterväghållning', 'bergskraft')
  travel(atMoment(-200, 13))
  const walkways = await draft(
    { pilotId: walkwayPilot.id, callId: null },
    { publicBody: 'lulea', company: 'bergskraft' },
    { user: 'mikael', org: 'bergskraft' },
    heatedWalkways,
    { startedOn: walkwayPilot.starts_on, endedOn: walkwayPilot.ends_on },
  )
  travel(atMoment(-195, 10))
  await approve(walkways, 'public_body', 'erik')
  travel(atMoment(-194, 9))
  await approve(walkways, 'company', 'mikael')

  // (4) Polarsensor × Luleå, road-surface sensors: the municipality approved, Polarsensor has not.
  const roadPilot = await pilotOf('Sensorer för vinterväghållning', 'polarsensor')
  travel(atMoment(-10, 10))
  const road = await draft(
    { pilotId: roadPilot.id, callId: null },
    { publicBody: 'lulea', company: 'polarsensor' },
    { user: 'erik', org: 'lulea' },
    roadSensors,
    { startedOn: roadPilot.starts_on, endedOn: roadPilot.ends_on },
  )
  travel(atMoment(-9, 14))
  await approve(road, 'public_body', 'erik')

  await seedCompetition(db, ids, { keyless, walkways, medicationCase })

  setClockOffset(0)
}
