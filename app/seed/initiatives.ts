import {
  requestCoOwnership,
  decideCoOwnership,
  setInitiativeLink,
} from '~/models/initiative-owners.server'
import { createInitiative, type InitiativeInput } from '~/models/initiatives.server'
import { type SeedIds, type Tx, keys, organisation } from './shared'

// The initiatives register (issue 15): Region Norrbotten's EU Reference Site programme on active
// and healthy ageing, co-owned with Luleå kommun and holding the region's reference-site test bed
// and its fall-prevention call; Luleå's planned procurement, which Skellefteå has asked to co-own;
// Skellefteå's planned energy test bed; Luleå's finished home-care pilot project; and the
// intermediaries: IUC Norrbotten co-owns the region's programme and runs a B2B forum series
// together with Luleå tekniska universitet.

const base = {
  description: '',
  starts_on: null,
  ends_on: null,
  cpv_codes: [],
  sectors: [],
  municipalities: [],
} satisfies Partial<InitiativeInput>

/** A seeded offer's or call's id, by its title's beginning. */
async function byTitle(db: Tx, table: 'calls' | 'test_bed_offers', title: string) {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('title', 'like', `${title}%`)
    .executeTakeFirstOrThrow()
  return row.id
}

export async function seedInitiatives(db: Tx, ids: SeedIds): Promise<void> {
  const { user, org } = keys(ids)
  const norrbotten = await organisation(db, org('norrbotten'))
  const lulea = await organisation(db, org('lulea'))
  const skelleftea = await organisation(db, org('skelleftea'))
  const iuc = await organisation(db, org('iuc_norrbotten'))
  const ltu = await organisation(db, org('ltu'))

  const programme = await createInitiative(db, {
    organisation: norrbotten,
    userId: user('anna'),
    status: 'active',
    input: {
      ...base,
      kind: 'programme',
      title: 'Aktivt och hälsosamt åldrande – EU Reference Site Norrbotten',
      summary:
        'Regionens program som EU Reference Site för aktivt och hälsosamt åldrande: testmiljöer kring äldres hälsa och en god livsmiljö, där företag testar digitala lösningar och hittar sin första referenskund.',
      description:
        'Region Norrbotten är utsedd till EU Reference Site för aktivt och hälsosamt åldrande. Programmet samlar regionens och kommunernas testbäddar, innovationsupphandlingar och kunskapsutbyte på området.\n\nVi vill att fler små och medelstora företag ska kunna testa appar, smarta system och andra digitala lösningar i äldreomsorgen och i hemmet – och att det offentliga ska köpa det som fungerar.\n\n- Testbädden på äldreboenden och i hemtjänsten\n- Innovationsupphandlingar, till exempel fallprevention med sensorer\n- Erfarenhetsträffar för kommunerna i länet',
      starts_on: '2025-01-01',
      ends_on: '2028-12-31',
      budget_band: '20m_100m',
      contact_role: 'Programledare, Aktivt och hälsosamt åldrande',
      contact_email: 'aldrande@norrbotten.test',
      themes: ['active_healthy_ageing', 'welfare_technology', 'ehealth'],
      cpv_codes: ['33196200', '48180000'],
      size_classes: ['micro', 'small', 'medium'],
      sectors: ['J', 'Q'],
      counties: ['25'],
    },
  })
  await setInitiativeLink(db, {
    table: 'test_bed_offers',
    id: await byTitle(db, 'test_bed_offers', 'Aktivt och hälsosamt åldrande'),
    userId: user('anna'),
    initiativeId: programme.id,
  })
  await setInitiativeLink(db, {
    table: 'calls',
    id: await byTitle(db, 'calls', 'Fallprevention med sensorer'),
    userId: user('anna'),
    initiativeId: programme.id,
  })
  await requestCoOwnership(db, {
    initiativeId: programme.id,
    organisationId: lulea.id,
    userId: user('erik'),
  })
  await decideCoOwnership(db, {
    initiativeId: programme.id,
    organisationId: lulea.id,
    userId: user('anna'),
    accept: true,
    reason: null,
  })
  // "Kroka arm": the region's programme has the industrial development centre behind it too.
  await requestCoOwnership(db, {
    initiativeId: programme.id,
    organisationId: iuc.id,
    userId: user('linnea'),
  })
  await decideCoOwnership(db, {
    initiativeId: programme.id,
    organisationId: iuc.id,
    userId: user('anna'),
    accept: true,
    reason: null,
  })

  const forums = await createInitiative(db, {
    organisation: iuc,
    userId: user('linnea'),
    status: 'active',
    input: {
      ...base,
      kind: 'event_series',
      title: 'Smart industri Norrbotten – B2B-forum för små och medelstora företag',
      summary:
        'Återkommande B2B-forum, studiebesök och rundabordssamtal där små och medelstora industriföretag i länet möter varandra, forskare och offentliga köpare kring digitalisering.',
      description:
        'Många små och medelstora företag når aldrig in i klustren och samverkansprojekten. Forumen tar träffarna dit företagen finns, från Kiruna till Haparanda, och samlar regionens aktörer bakom en gemensam agenda i stället för många små insatser.\n\n- B2B-forum två gånger per år\n- Studiebesök hos företag som lyckats med sin digitalisering\n- Rundabordssamtal med kommunernas och regionens upphandlare',
      starts_on: '2026-09-01',
      ends_on: '2028-06-30',
      budget_band: '1m_5m',
      contact_role: 'Projektledare, Smart industri Norrbotten',
      contact_email: 'smartindustri@iucnorrbotten.test',
      themes: ['smart_industry'],
      size_classes: ['micro', 'small', 'medium'],
      sectors: ['C'],
      counties: ['25'],
    },
  })
  await requestCoOwnership(db, {
    initiativeId: forums.id,
    organisationId: ltu.id,
    userId: user('henrik'),
  })
  await decideCoOwnership(db, {
    initiativeId: forums.id,
    organisationId: ltu.id,
    userId: user('linnea'),
    accept: true,
    reason: null,
  })

  const plannedCall = await createInitiative(db, {
    organisation: lulea,
    userId: user('erik'),
    status: 'planned',
    input: {
      ...base,
      kind: 'planned_call',
      title: 'Innovationsupphandling: digital tillsyn i ordinärt boende 2027',
      summary:
        'Luleå kommun planerar en innovationsupphandling av digital tillsyn för hemtjänstens brukare, byggd på erfarenheterna från marknadsdialogen om nyckelfri hemtjänst.',
      starts_on: '2027-03-01',
      ends_on: '2027-12-31',
      budget_band: '5m_20m',
      contact_role: 'Upphandlingsansvarig, socialförvaltningen',
      contact_email: 'upphandling@lulea.test',
      themes: ['welfare_technology'],
      size_classes: ['small', 'medium'],
      counties: ['25'],
      municipalities: ['2580'],
    },
  })
  // Skellefteå kommun wants to procure together with Luleå and waits for Luleå's answer.
  await requestCoOwnership(db, {
    initiativeId: plannedCall.id,
    organisationId: skelleftea.id,
    userId: user('ulrika'),
  })

  await createInitiative(db, {
    organisation: skelleftea,
    userId: user('ulrika'),
    status: 'planned',
    input: {
      ...base,
      kind: 'planned_test_bed',
      title: 'Testbädd för energilager i flerbostadshus',
      summary:
        'Skellefteå kommun planerar en testbädd i kommunens bostadsbolag där företag kan prova batterilager och styrning av effekttoppar i riktiga flerbostadshus.',
      starts_on: '2027-09-01',
      budget_band: '1m_5m',
      contact_role: 'Energistrateg, samhällsbyggnadsförvaltningen',
      contact_email: 'energi@skelleftea.test',
      themes: ['energy'],
      size_classes: ['micro', 'small', 'medium', 'large'],
      sectors: ['D', 'F'],
      counties: ['24'],
      municipalities: ['2482'],
    },
  })

  const finished = await createInitiative(db, {
    organisation: lulea,
    userId: user('erik'),
    status: 'finished',
    input: {
      ...base,
      kind: 'project',
      title: 'Smart hemtjänst – pilotprojekt 2025',
      summary:
        'Projektet där Luleå kommun lät företag testa digitala lösningar i hemtjänsten. Det avslutades med en testrapport och en publicerad referens.',
      starts_on: '2025-02-01',
      ends_on: '2025-11-30',
      budget_band: 'under_1m',
      contact_role: 'Utvecklingsledare, hemtjänsten',
      contact_email: 'hemtjanst.utveckling@lulea.test',
      themes: ['welfare_technology'],
      size_classes: ['micro', 'small'],
      counties: ['25'],
      municipalities: ['2580'],
    },
  })
  await setInitiativeLink(db, {
    table: 'test_bed_offers',
    id: await byTitle(db, 'test_bed_offers', 'Smart hemtjänst i Luleå'),
    userId: user('erik'),
    initiativeId: finished.id,
  })
}
