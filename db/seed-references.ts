import type { Kysely } from 'kysely'
import { audit } from '../app/models/audit.server'
import { now, setClockOffset } from '../app/utils/clock.server'
import {
  parseStockholmDate,
  parseStockholmDateTime,
  toStockholmDateInput,
} from '../app/utils/stockholm-time'
import type { ReferenceInput } from '../app/utils/reference-schema'
import type { Database } from './schema'

// The demo showcase (issue 5): reference cases from the completed pilots and the awarded call of
// the earlier seeds, approved by both parties, one awaiting the company, and a finished
// good-examples competition. Written through every rule of migration 2026-11-26-04 by moving the
// clock (the seed's connection lets SQLite's clock follow it, decision 018).

const DAY = 86400

interface Ids {
  users: Map<string, number>
  orgs: Map<string, number>
  at: number
}

type Tx = Kysely<Database>

function id(map: Map<string, number>, key: string): number {
  const value = map.get(key)
  if (value === undefined) throw new Error(`Demo seed: unknown key ${key}`)
  return value
}

/** A demo case's text, as the app's form would write it (dates come from the source). */
type CaseText = Omit<ReferenceInput, 'started_on' | 'ended_on'>

const keylessHomeCare: CaseText = {
  title_sv: 'Nyckelfri hemtjänst i Bergnäset',
  summary_sv:
    'Luleå kommuns hemtjänst sparade i genomsnitt 14 minuter per arbetspass när fysiska nycklar ersattes av Polarsensors låsenheter – genom en hel norrbottnisk vinter.',
  challenge_sv:
    'Hemtjänstgruppen i Bergnäset hanterade över hundra fysiska nycklar. Nycklar hämtades och lämnades på kontoret före och efter varje pass, och en borttappad nyckel innebar låsbyte hos brukaren.',
  solution_sv:
    'Polarsensors batteridrivna låsenheter monteras på insidan av brukarens dörr och öppnas med personalens tjänstetelefon. Varje öppning loggas, och enheterna klarar temperaturer ned till −40 °C.',
  deployment_sv:
    'Piloten genomfördes i kommunens testbädd Smart hemtjänst under fyra vintermånader. Låsen installerades hos 30 brukare som gett sitt samtycke, och personalen utbildades före start. Kommunen skrev en testrapport när piloten avslutades.',
  participants_sv:
    '30 brukare, 22 undersköterskor och gruppens planerare i hemtjänstgruppen Bergnäset.',
  quote_sv:
    'Personalen vill inte gå tillbaka till nyckelskåpet. Vi har fått mer tid hos brukarna och färre oroliga samtal om borttappade nycklar.',
  title_en: 'Keyless home care in Bergnäset',
  summary_en:
    "Luleå municipality's home care saved 14 minutes per shift on average when physical keys were replaced by Polarsensor's lock units – through a whole northern Swedish winter.",
  challenge_en:
    'The home-care team in Bergnäset handled over a hundred physical keys. Keys were collected and returned at the office before and after every shift, and a lost key meant changing the lock at the client’s home.',
  solution_en:
    "Polarsensor's battery-powered lock units are fitted on the inside of the client's door and opened with the staff's work phone. Every opening is logged, and the units work down to −40 °C.",
  deployment_en:
    "The pilot ran in the municipality's Smart home care test bed for four winter months. Locks were installed for 30 clients who had given their consent, and staff were trained before the start. The municipality wrote a test report at the end of the pilot.",
  participants_en:
    '30 clients, 22 care assistants and the team planner of the Bergnäset home-care team.',
  quote_en:
    'The staff do not want to go back to the key cabinet. We have more time with our clients and fewer worried calls about lost keys.',
  quote_by_role: 'Enhetschef hemtjänst, Luleå kommun',
  place: 'Hemtjänstgruppen Bergnäset, Luleå',
  results: [
    {
      label_sv: 'Sparad tid per arbetspass',
      label_en: 'Time saved per shift',
      value: 14,
      unit: 'min',
      baseline: null,
    },
    {
      label_sv: 'Öppningar som lyckades första gången',
      label_en: 'Openings that worked the first time',
      value: 98.6,
      unit: '%',
      baseline: null,
    },
    {
      label_sv: 'Brukare i piloten',
      label_en: 'Clients in the pilot',
      value: 30,
      unit: 'st',
      baseline: null,
    },
  ],
  would_use_again: true,
  takes_reference_calls: true,
  contact_role: 'Enhetschef hemtjänst',
}

const medicationSupport: CaseText = {
  title_sv: 'Digitalt läkemedelsstöd för äldre i ordinärt boende',
  summary_sv:
    'Region Norrbotten köpte Nattugglans läkemedelsautomat i en öppen upphandling. Efter första månaden tas 97 % av doserna i tid hos brukarna som använder den.',
  challenge_sv:
    'Felaktigt tagna läkemedel är en vanlig orsak till akuta sjukhusbesök bland äldre. Hemtjänsten i Norrbotten gör långa resor för att påminna om och lämna ut läkemedel, och dosetter ger ingen uppföljning.',
  solution_sv:
    'Nattugglans läkemedelsautomat påminner brukaren med röst, lämnar ut rätt dos och larmar hemtjänstens planeringssystem när en dos inte tas. Sjuksköterskan följer doserna i journalsystemet.',
  deployment_sv:
    'Regionen upphandlade stödet i en öppen upphandling med funktionskrav och viktade kriterier, där användbarhet i tester med äldre brukare vägde tyngst. Avtalet tecknades efter avtalsspärren, och automaterna införs nu stegvis i Boden och Kalix.',
  participants_sv:
    'Region Norrbottens läkemedelsenhet, hemsjukvården och hemtjänsten i Boden och Kalix, och de första 120 brukarna.',
  quote_sv:
    'Upphandlingen gav oss en lösning som var prövad med äldre användare, och uppföljningen i journalen fungerade från första dagen.',
  title_en: 'Digital medication support for older people living at home',
  summary_en:
    "Region Norrbotten bought Nattugglan's medication dispenser in an open procurement. After the first month, 97% of doses are taken on time by the clients who use it.",
  challenge_en:
    'Medication taken wrongly is a common cause of emergency hospital visits among older people. Home care in Norrbotten travels long distances to remind clients and hand out medicine, and pill organisers give no follow-up.',
  solution_en:
    "Nattugglan's dispenser reminds the client by voice, releases the right dose and alerts the home-care planning system when a dose is missed. The nurse follows the doses in the patient record system.",
  deployment_en:
    'The region bought the support in an open procedure with functional requirements and weighted criteria, in which usability in tests with older clients weighed the most. The contract was signed after the standstill period, and the dispensers are now being introduced step by step in Boden and Kalix.',
  participants_en:
    "Region Norrbotten's medicines unit, home health care and home care in Boden and Kalix, and the first 120 clients.",
  quote_en:
    'The procurement gave us a solution proven with older users, and the follow-up in the patient record worked from day one.',
  quote_by_role: 'Läkemedelsstrateg, Region Norrbotten',
  place: 'Boden och Kalix, Norrbottens län',
  results: [
    {
      label_sv: 'Doser tagna i tid',
      label_en: 'Doses taken on time',
      value: 97,
      unit: '%',
      baseline: 88,
    },
    {
      label_sv: 'Brukare med automaten',
      label_en: 'Clients using the dispenser',
      value: 120,
      unit: 'st',
      baseline: null,
    },
  ],
  would_use_again: true,
  takes_reference_calls: true,
  contact_role: 'Läkemedelsstrateg',
}

const heatedWalkways: CaseText = {
  title_sv: 'Prognosstyrd markvärme på Storgatan',
  summary_sv:
    'Bergskraft styrde Luleås uppvärmda gångstråk och busshållplatser efter väderprognos och elpris. Energin för markvärmen minskade med 31 % och stråken hölls isfria.',
  challenge_sv:
    'Markvärmen på gångstråk och vid busshållplatser var påslagen hela vintern oavsett väder, vilket gav höga energikostnader och effekttoppar under kalla morgnar.',
  solution_sv:
    'Bergskrafts styrsystem slår på värmen några timmar innan halka väntas enligt prognosen och undviker timmarna med högst elpris när vädret tillåter.',
  deployment_sv:
    'Styrningen installerades i befintliga elcentraler och testades i kommunens testbädd för vinterväghållning under vintern 2025–2026, med kontroller av gångstråken varje morgon.',
  participants_sv: 'Gatuavdelningen, fastighetsförvaltningen och Luleå Energi.',
  quote_sv: '',
  title_en: null,
  summary_en: null,
  challenge_en: null,
  solution_en: null,
  deployment_en: null,
  participants_en: null,
  quote_en: null,
  quote_by_role: '',
  place: 'Storgatan och tre busshållplatser i centrala Luleå',
  results: [
    {
      label_sv: 'Minskad energi för markvärmen',
      label_en: null,
      value: 31,
      unit: '%',
      baseline: null,
    },
    {
      label_sv: 'Morgonkontroller med isfritt gångstråk',
      label_en: null,
      value: 100,
      unit: '%',
      baseline: null,
    },
  ],
  would_use_again: true,
  takes_reference_calls: false,
  contact_role: '',
}

const roadSensors: CaseText = {
  title_sv: 'Halkvarning från sensorer i vägbanan',
  summary_sv:
    'Polarsensors sensorer i vägbanan varnade för 87 % av halktillfällena minst två timmar i förväg, och Luleå kommun kunde salta före morgontrafiken.',
  challenge_sv:
    'Kommunens halkbekämpning styrdes av väderstationer långt från de mest utsatta gatorna, så utryckningarna kom ofta efter att halkan uppstått.',
  solution_sv:
    'Trådlösa sensorer i vägbanan mäter yttemperatur och fukt och skickar halkvarningar till driftledarna.',
  deployment_sv:
    'Piloten pågick under vintern 2025–2026 i kommunens testbädd för vinterväghållning, med 24 sensorer på huvudgator och cykelvägar.',
  participants_sv: 'Kommunens driftledare, två plogentreprenörer och trafikenheten.',
  quote_sv: '',
  title_en: 'Ice warnings from sensors in the road surface',
  summary_en:
    "Polarsensor's road-surface sensors warned of 87% of icy conditions at least two hours ahead, and Luleå municipality could grit before the morning traffic.",
  challenge_en:
    "The municipality's gritting was steered by weather stations far from the most exposed streets, so call-outs often came after the ice had formed.",
  solution_en:
    'Wireless sensors in the road surface measure surface temperature and moisture and send ice warnings to the duty managers.',
  deployment_en:
    "The pilot ran in winter 2025–2026 in the municipality's winter road maintenance test bed, with 24 sensors on main streets and cycle paths.",
  participants_en:
    'The municipality’s duty managers, two snow-clearing contractors and the traffic unit.',
  quote_en: '',
  quote_by_role: '',
  place: 'Huvudgator och cykelvägar i centrala Luleå',
  results: [
    {
      label_sv: 'Halktillfällen med varning minst två timmar i förväg',
      label_en: 'Icy conditions warned at least two hours ahead',
      value: 87,
      unit: '%',
      baseline: null,
    },
    {
      label_sv: 'Färre akuta utryckningar',
      label_en: 'Fewer emergency call-outs',
      value: 20,
      unit: '%',
      baseline: null,
    },
  ],
  would_use_again: true,
  takes_reference_calls: true,
  contact_role: 'Driftchef gata',
}

export async function seedReferences(db: Tx, ids: Ids): Promise<void> {
  const base = ids.at
  const user = (key: string) => id(ids.users, key)
  const org = (key: string) => id(ids.orgs, key)
  const dayStart = (day: number) => parseStockholmDate(toStockholmDateInput(base + day * DAY))!
  const atMoment = (day: number, hour = 10) =>
    parseStockholmDateTime(
      `${toStockholmDateInput(base + day * DAY)}T${String(hour).padStart(2, '0')}:${String((((day * 23) % 60) + 60) % 60).padStart(2, '0')}`,
    )!
  /** Moves the app clock (and with it SQLite's) to a moment; now() is that moment afterwards. */
  const travel = (at: number) => setClockOffset(at - Math.floor(Date.now() / 1000))

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

  // The year's good examples: nominations close 12 days ago; the jury declared and scored.
  const closeAt = parseStockholmDateTime(`${toStockholmDateInput(base - 12 * DAY)}T12:00`)!
  const year = Number(toStockholmDateInput(closeAt).slice(0, 4))
  travel(atMoment(-40, 9))
  const competition = await db
    .insertInto('competitions')
    .values({
      year,
      intro_sv: `Goda exempel ${year} lyfter fram samarbeten där en offentlig aktör öppnade sin verksamhet som testarena eller första kund, och där företaget fick en referens att visa nya köpare. Alla publicerade referenser på Testarena kunde nomineras, och en jury utan jäv bedömde nyttan för verksamheten, hur väl resultaten är mätta och hur lätt lösningen kan spridas.`,
      intro_en: `Good examples ${year} highlights collaborations in which a public body opened its services as a test arena or first customer, and the company gained a reference to show new buyers. Every published reference on Testarena could be nominated, and a jury without conflicts of interest judged the benefit to the service, how well the results are measured, and how easily the solution can spread.`,
      nominations_close_at: closeAt,
      created_by: user('platform'),
      created_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await audit(db, {
    actorUserId: user('platform'),
    action: 'competition.create',
    entityType: 'competition',
    entityId: competition.id,
    after: { year },
  })
  const category = async (
    position: number,
    names: [string, string],
    descriptions: [string, string],
  ) => {
    const row = await db
      .insertInto('competition_categories')
      .values({
        competition_id: competition.id,
        position,
        name_sv: names[0],
        name_en: names[1],
        description_sv: descriptions[0],
        description_en: descriptions[1],
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  }
  const testBedCategory = await category(
    1,
    ['Årets testbäddssamarbete', 'Test-bed collaboration of the year'],
    [
      'En pilot i en offentlig testbädd som gav mätbara resultat och en referens företaget kan visa.',
      'A pilot in a public test bed that gave measurable results and a reference the company can show.',
    ],
  )
  const procurementCategory = await category(
    2,
    ['Årets innovationsupphandling', 'Innovation procurement of the year'],
    [
      'En upphandling som var öppen för alla och köpte en ny lösning utifrån funktion och nytta.',
      'A procurement open to all that bought a new solution based on function and benefit.',
    ],
  )
  const jurors = ['per', 'eva', 'ulrika']
  travel(atMoment(-30, 10))
  for (const juror of jurors) {
    await db
      .insertInto('competition_jurors')
      .values({
        competition_id: competition.id,
        user_id: user(juror),
        appointed_by: user('platform'),
        appointed_at: now(),
      })
      .execute()
    await audit(db, {
      actorUserId: user('platform'),
      action: 'competition.juror_appointed',
      entityType: 'competition',
      entityId: competition.id,
      after: { userId: user(juror) },
    })
  }
  const nominate = async (
    day: number,
    categoryId: number,
    referenceId: number,
    by: string,
    motivation: string,
  ) => {
    travel(atMoment(day, 11))
    const row = await db
      .insertInto('competition_nominations')
      .values({
        category_id: categoryId,
        reference_id: referenceId,
        nominated_by: user(by),
        motivation,
        nominated_at: now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(db, {
      actorUserId: user(by),
      action: 'competition.nominate',
      entityType: 'competition_nomination',
      entityId: row.id,
    })
    return row.id
  }
  const keylessNomination = await nominate(
    -20,
    testBedCategory,
    keyless,
    'anna',
    'Ett tydligt exempel på hur en kommun och ett litet företag tillsammans mätte nyttan under en hel vinter.',
  )
  const walkwayNomination = await nominate(
    -18,
    testBedCategory,
    walkways,
    'mikael',
    'Markvärmen drog en tredjedel mindre energi, och lösningen passar alla kommuner med uppvärmda gångstråk.',
  )
  const medicationNomination = await nominate(
    -17,
    procurementCategory,
    medicationCase,
    'erik',
    'En öppen upphandling med funktionskrav där användbarhet för äldre vägde tyngst, och resultaten följs upp.',
  )
  travel(atMoment(-11, 9))
  await db
    .updateTable('competitions')
    .set({ status: 'judging', judging_started_at: now() })
    .where('id', '=', competition.id)
    .execute()
  await audit(db, {
    actorUserId: user('platform'),
    action: 'competition.judging_started',
    entityType: 'competition',
    entityId: competition.id,
  })
  const scores: [number, number[]][] = [
    [keylessNomination, [9, 8, 9]],
    [walkwayNomination, [7, 8, 7]],
    [medicationNomination, [8, 9, 8]],
  ]
  const comments = [
    'Väl mätta resultat och en lösning som kan spridas.',
    'Tydlig nytta för verksamheten.',
    'Bra underlag för andra köpare.',
  ]
  for (const [j, juror] of jurors.entries()) {
    travel(atMoment(-10 + j, 13))
    for (const [nominationId] of scores) {
      await db
        .insertInto('competition_declarations')
        .values({
          nomination_id: nominationId,
          juror_id: user(juror),
          has_conflict: 0,
          declared_at: now(),
        })
        .execute()
    }
    travel(atMoment(-9 + j, 15))
    for (const [nominationId, given] of scores) {
      await db
        .insertInto('competition_scores')
        .values({
          nomination_id: nominationId,
          juror_id: user(juror),
          score: given[j]!,
          comment: comments[j]!,
          scored_at: now(),
        })
        .execute()
    }
    await audit(db, {
      actorUserId: user(juror),
      action: 'competition.jury_scored',
      entityType: 'competition',
      entityId: competition.id,
    })
  }
  travel(atMoment(-5, 10))
  const result = async (
    nominationId: number,
    categoryId: number,
    placement: 'winner' | 'honourable_mention',
    motivation: [string, string],
  ) => {
    await db
      .insertInto('competition_results')
      .values({
        nomination_id: nominationId,
        category_id: categoryId,
        placement,
        motivation_sv: motivation[0],
        motivation_en: motivation[1],
        decided_by: user('platform'),
        decided_at: now(),
      })
      .execute()
  }
  await result(keylessNomination, testBedCategory, 'winner', [
    'Luleå kommun och Polarsensor visar hur en testbädd ska användas: ett tydligt behov, en pilot under verkliga förhållanden och resultat som mättes och redovisades öppet. Tiden som frigjordes går till brukarna, och lösningen kan införas i fler kommuner direkt.',
    'Luleå municipality and Polarsensor show how a test bed should be used: a clear need, a pilot under real conditions and results that were measured and reported openly. The time freed goes to the clients, and the solution can be introduced in more municipalities straight away.',
  ])
  await result(walkwayNomination, testBedCategory, 'honourable_mention', [
    'Ett lågmält men viktigt exempel: prognosstyrd markvärme sparade en tredjedel av energin utan att tryggheten för gående minskade.',
    'A quiet but important example: forecast-controlled ground heating saved a third of the energy without making walking any less safe.',
  ])
  await result(medicationNomination, procurementCategory, 'winner', [
    'Region Norrbotten köpte en ny lösning i en upphandling som var öppen för alla, med funktionskrav och kriterier som satte användarna först. Nattugglan fick sin första stora offentliga kund och en referens med mätta resultat.',
    'Region Norrbotten bought a new solution in a procurement open to all, with functional requirements and criteria that put the users first. Nattugglan gained its first large public customer and a reference with measured results.',
  ])
  await audit(db, {
    actorUserId: user('platform'),
    action: 'competition.results_recorded',
    entityType: 'competition',
    entityId: competition.id,
  })
  travel(atMoment(-4, 10))
  await db
    .updateTable('competitions')
    .set({ status: 'published', published_at: now(), published_by: user('platform') })
    .where('id', '=', competition.id)
    .execute()
  await audit(db, {
    actorUserId: user('platform'),
    action: 'competition.published',
    entityType: 'competition',
    entityId: competition.id,
  })

  setClockOffset(0)
}
