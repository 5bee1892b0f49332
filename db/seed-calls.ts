import { type Kysely, sql } from 'kysely'
import { audit } from '../app/models/audit.server'
import { type BidContent, bidReceipt, sealContent } from '../app/models/bids.server'
import { now, setClockOffset } from '../app/utils/clock.server'
import { parseStockholmDateTime, toStockholmDateInput } from '../app/utils/stockholm-time'
import type { CallCriterionKind, Database, Procedure } from './schema'

// The demo procurement calls (issue 4). Their history is written through every rule of migration
// 03 as it happened: the seed's connection lets SQLite's clock follow the app clock
// (openDatabase's `clock` option), and the seed moves that clock back to each event's moment —
// publication, questions, bids, the opening, scores, the award — and then returns it to now.
// The running server never moves the clock.

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

interface DemoCriterion {
  kind: CallCriterionKind
  title: string
  description: string
  weight?: number
}

interface DemoCall {
  key: string
  buyer: string
  author: string
  procedure: Procedure
  title: string
  summary: string
  need: string
  flags: { functional: boolean; novel: boolean; rnd: boolean }
  value: number | null
  maxWinners?: number
  county: string
  municipality: string | null
  themes: string[]
  cpv: string[]
  criteria: DemoCriterion[]
  /** Days relative to today (negative = past) of each moment. */
  publishedDay: number
  questionDay: number
  tenderDay: number
  priorInvolvement?: string
}

const calls: DemoCall[] = [
  {
    key: 'nattillsyn',
    buyer: 'norrbotten',
    author: 'anna',
    procedure: 'innovation_partnership',
    title: 'Trygg nattillsyn i hemtjänsten',
    summary:
      'Innovationspartnerskap för att utveckla och sedan köpa en lösning som gör nattillsynen i ordinärt boende tryggare – utan att väcka den som sover.',
    need: `Region Norrbotten och länets kommuner gör i dag cirka 2 400 nattliga tillsynsbesök per natt i ordinärt boende. Många besök väcker brukaren, och långa avstånd gör att personalen hinner med färre besök än behovet.

Vi beskriver behovet, inte lösningen. Lösningen ska:
- ge nattpersonalen en tillförlitlig bild av om brukaren sover lugnt, har lämnat sängen eller behöver hjälp;
- fungera i glesbygd, även där fast bredband saknas;
- respektera brukarens integritet: inga kameror utan samtycke och tydlig loggning av vem som ser vad;
- kunna införas stegvis i Luleå, Piteå och Kiruna under 2027–2028.

Partnerskapet börjar med en utvecklingsfas med tester i Region Norrbottens testbädd för aktivt och hälsosamt åldrande och övergår till köp om de avtalade målen nås.`,
    flags: { functional: true, novel: true, rnd: true },
    value: 6_500_000,
    county: '25',
    municipality: null,
    themes: ['welfare_technology', 'active_healthy_ageing'],
    cpv: ['33195000', '48180000', '72200000'],
    criteria: [
      {
        kind: 'requirement',
        title: 'Personuppgifter behandlas inom EU/EES',
        description: 'All lagring och behandling av personuppgifter sker inom EU/EES.',
      },
      {
        kind: 'requirement',
        title: 'CE-märkning där lagen kräver det',
        description: 'Medicintekniska delar är CE-märkta enligt MDR, eller blir det före köpfasen.',
      },
      {
        kind: 'criterion',
        title: 'Trygghet och integritet för brukaren',
        description:
          'Hur lösningen ger trygghet utan att störa sömnen eller inkräkta på integriteten.',
        weight: 40,
      },
      {
        kind: 'criterion',
        title: 'Verifierad effekt i nattillsyn',
        description: 'Resultat från tester eller användning, med mätetal och jämförelse.',
        weight: 30,
      },
      {
        kind: 'criterion',
        title: 'Kostnad under avtalstiden',
        description: 'Totalkostnad för utveckling, införande och fyra års drift.',
        weight: 20,
      },
      {
        kind: 'criterion',
        title: 'Införande och support i Norrbotten',
        description: 'Plan för utbildning, installation och support på plats i länet.',
        weight: 10,
      },
    ],
    publishedDay: -12,
    questionDay: 16,
    tenderDay: 33,
  },
  {
    key: 'nyckelfri',
    buyer: 'lulea',
    author: 'erik',
    procedure: 'market_dialogue',
    title: 'Marknadsdialog: nyckelfri hemtjänst i Luleå',
    summary:
      'Luleå kommun vill veta vad marknaden kan erbjuda för digitala lås och nyckelhantering i hemtjänsten innan en upphandling 2027.',
    need: `Hemtjänsten i Luleå hanterar i dag fysiska nycklar till cirka 1 900 hushåll. Nycklar tappas bort, måste hämtas på kontoret och gör att planerade besök försenas.

Vi vill höra från företag som kan beskriva:
- hur digitala lås kan installeras i både lägenheter och villor, också hos hyresvärdar;
- hur behörigheter ges och tas bort när personal slutar eller brukare flyttar;
- hur lösningen fungerar vid strömavbrott och utan mobiltäckning.

Svaren används för att skriva kraven i en kommande upphandling. Alla svar behandlas lika och ingen leverantör får någon fördel av att svara.`,
    flags: { functional: true, novel: false, rnd: false },
    value: null,
    county: '25',
    municipality: '2580',
    themes: ['welfare_technology', 'digital_public_services'],
    cpv: ['79410000', '48000000'],
    criteria: [],
    publishedDay: -5,
    questionDay: 2,
    tenderDay: 9,
    priorInvolvement:
      'Dialogen bygger på piloten "Smart hemtjänst i Luleå" (2026), där Polarsensor AB testade sensorer och digital nyckelhantering hos 40 brukare. Piloten visade att låsen måste fungera offline i minst 48 timmar och att personalen behöver kvittens i mobilen vid varje öppning. Testrapporten finns på piloten och gäller alla som svarar.',
  },
  {
    key: 'lakemedel',
    buyer: 'norrbotten',
    author: 'anna',
    procedure: 'open',
    title: 'Digitalt läkemedelsstöd i ordinärt boende',
    summary:
      'Öppen upphandling av läkemedelsautomater med digital uppföljning för brukare med hemtjänst i Norrbotten.',
    need: `Felaktigt tagna läkemedel är en vanlig orsak till akuta sjukhusbesök bland äldre. Vi köper ett stöd som påminner brukaren, lämnar ut rätt dos och larmar hemtjänsten när en dos inte tas.

Stödet ska fungera för brukare utan tidigare vana vid digital teknik och kunna kopplas till regionens journalsystem.`,
    flags: { functional: true, novel: false, rnd: false },
    value: 3_200_000,
    county: '25',
    municipality: null,
    themes: ['welfare_technology', 'ehealth'],
    cpv: ['33190000', '48814000'],
    criteria: [
      {
        kind: 'requirement',
        title: 'CE-märkt medicinteknisk produkt',
        description: 'Automaten är CE-märkt enligt MDR.',
      },
      {
        kind: 'criterion',
        title: 'Användbarhet för brukaren',
        description: 'Resultat från användartester med äldre brukare.',
        weight: 50,
      },
      {
        kind: 'criterion',
        title: 'Pris per brukare och månad',
        description: 'Totalkostnad inklusive service och uppkoppling.',
        weight: 30,
      },
      {
        kind: 'criterion',
        title: 'Integration med journalsystemet',
        description: 'Hur dosändringar och larm når journalen.',
        weight: 20,
      },
    ],
    publishedDay: -95,
    questionDay: -64,
    tenderDay: -55,
  },
  {
    key: 'effektvakter',
    buyer: 'skelleftea',
    author: 'ulrika',
    procedure: 'open',
    title: 'Smarta effektvakter i kommunala fastigheter',
    summary:
      'Effektvakter som styr laster i skolor och förskolor för att sänka effekttopparna vintertid.',
    need: `Skellefteå kommun vill sänka effekttopparna i 60 skolor och förskolor med styrning av ventilation, värme och laddning.

Lösningen ska kunna kopplas till kommunens fastighetssystem och styras mot timpriser.`,
    flags: { functional: true, novel: false, rnd: false },
    value: 1_800_000,
    county: '24',
    municipality: '2482',
    themes: ['energy'],
    cpv: ['42961000', '31682000'],
    criteria: [
      {
        kind: 'requirement',
        title: 'Öppet gränssnitt mot fastighetssystemet',
        description: 'Dokumenterat API utan licensavgift för kommunen.',
      },
      {
        kind: 'criterion',
        title: 'Sänkt effekttopp',
        description: 'Beräknad sänkning i kW för referensfastigheterna.',
        weight: 60,
      },
      { kind: 'criterion', title: 'Pris', description: 'Totalkostnad över fem år.', weight: 40 },
    ],
    publishedDay: -25,
    questionDay: 0,
    tenderDay: 10,
  },
  {
    key: 'fallprevention',
    buyer: 'norrbotten',
    author: 'anna',
    procedure: 'open',
    title: 'Fallprevention med sensorer i särskilt boende',
    summary:
      'Sensorer som upptäcker ökad fallrisk och larmar personalen innan ett fall sker, i regionens särskilda boenden.',
    need: `Fall är den vanligaste orsaken till skador hos boende i särskilt boende. Vi köper en lösning som upptäcker ökad fallrisk, till exempel oro nattetid eller förändrat gångmönster, och larmar personalen i tid.`,
    flags: { functional: true, novel: true, rnd: false },
    value: 2_400_000,
    county: '25',
    municipality: null,
    themes: ['welfare_technology', 'active_healthy_ageing'],
    cpv: ['33195000', '32500000'],
    criteria: [
      {
        kind: 'requirement',
        title: 'Inga kameror i boenderummen',
        description: 'Lösningen använder inte kamerabild i rum där någon bor.',
      },
      {
        kind: 'criterion',
        title: 'Träffsäkerhet i larmen',
        description: 'Andel korrekta larm och falsklarm i tester.',
        weight: 60,
      },
      { kind: 'criterion', title: 'Pris', description: 'Totalkostnad över fyra år.', weight: 40 },
    ],
    publishedDay: -42,
    questionDay: -12,
    tenderDay: -2,
  },
  {
    key: 'korttidsboende',
    buyer: 'lulea',
    author: 'erik',
    procedure: 'open',
    title: 'Välfärdsteknik för korttidsboendet på Björkskatan',
    summary:
      'Digital tillsyn och stöd för självständighet på Luleå kommuns korttidsboende med 32 platser.',
    need: `Korttidsboendet på Björkskatan tar emot personer efter sjukhusvistelse. Vi köper välfärdsteknik som stöttar självständighet och ger personalen överblick utan fler fysiska kontroller.`,
    flags: { functional: true, novel: false, rnd: false },
    value: 900_000,
    county: '25',
    municipality: '2580',
    themes: ['welfare_technology'],
    cpv: ['33195000', '72000000'],
    criteria: [
      {
        kind: 'requirement',
        title: 'Svensk support dagtid',
        description: 'Support på svenska vardagar 08–17.',
      },
      {
        kind: 'criterion',
        title: 'Stöd för självständighet',
        description: 'Hur lösningen hjälper den boende att klara mer själv.',
        weight: 70,
      },
      { kind: 'criterion', title: 'Pris', description: 'Totalkostnad över tre år.', weight: 30 },
    ],
    publishedDay: -38,
    questionDay: -11,
    tenderDay: -1,
  },
  {
    key: 'triagering',
    buyer: 'skane',
    author: 'eva',
    procedure: 'pcp',
    title: 'Förkommersiell upphandling: AI-stöd för triagering i primärvården',
    summary:
      'Forsknings- och utvecklingstjänster i tre faser för ett beslutsstöd som hjälper sjuksköterskor att prioritera samtal i primärvården.',
    need: `Region Skåne tar emot över 8 000 samtal om dagen till vårdcentralerna. Vi söker ett beslutsstöd som hjälper sjuksköterskan att prioritera rätt, förklarar sina förslag och fungerar på svenska och arabiska.

Upphandlingen sker i tre faser: lösningsdesign, prototyp och fälttest. Upp till tre leverantörer går vidare till prototypfasen.`,
    flags: { functional: true, novel: true, rnd: true },
    value: 9_000_000,
    maxWinners: 3,
    county: '12',
    municipality: null,
    themes: ['ehealth', 'digital_public_services'],
    cpv: ['73100000', '48180000'],
    criteria: [
      {
        kind: 'requirement',
        title: 'Forskning och utveckling',
        description: 'Tjänsterna är FoU-tjänster enligt LOU 3 kap. 23 §.',
      },
      {
        kind: 'criterion',
        title: 'Nyhetsgrad och genomförbarhet',
        description:
          'Hur långt lösningen går bortom det som finns i dag, och hur troligt det lyckas.',
        weight: 50,
      },
      {
        kind: 'criterion',
        title: 'Förklarbarhet och patientsäkerhet',
        description: 'Hur förslagen förklaras och hur risker hanteras.',
        weight: 35,
      },
      { kind: 'criterion', title: 'Pris', description: 'Pris för fas 1.', weight: 15 },
    ],
    publishedDay: -2,
    questionDay: 30,
    tenderDay: 50,
  },
]

interface DemoBid {
  company: string
  author: string
  price: number
  summary: string
  contactRole: string
  /** One answer per criterion, in the call's order: must-haves met or not, responses otherwise. */
  answers: { met?: boolean; text: string }[]
}

export async function seedCalls(db: Tx, ids: Ids): Promise<void> {
  const base = ids.at
  const user = (key: string) => id(ids.users, key)
  const org = (key: string) => id(ids.orgs, key)
  // Moments fall on Swedish days: deadlines at 12:00, other events in office hours.
  const noon = (day: number) =>
    parseStockholmDateTime(`${toStockholmDateInput(base + day * DAY)}T12:00`)!
  const atMoment = (day: number, hour = 10) =>
    parseStockholmDateTime(
      `${toStockholmDateInput(base + day * DAY)}T${String(hour).padStart(2, '0')}:${String((((day * 17) % 60) + 60) % 60).padStart(2, '0')}`,
    )!
  /** Moves the app clock (and with it SQLite's) to a moment; now() is that moment afterwards. */
  const travel = (at: number) => setClockOffset(at - Math.floor(Date.now() / 1000))

  const callIds = new Map<string, number>()
  const criteriaIds = new Map<string, { id: number; kind: CallCriterionKind }[]>()

  for (const c of calls) {
    travel(atMoment(c.publishedDay - 6, 9))
    const created = now()
    const author = user(c.author)
    const row = await db
      .insertInto('calls')
      .values({
        organisation_id: org(c.buyer),
        procedure: c.procedure,
        title: c.title,
        summary: c.summary,
        need: c.need,
        functional_requirements: c.flags.functional ? 1 : 0,
        novel_to_market: c.flags.novel ? 1 : 0,
        includes_rnd: c.flags.rnd ? 1 : 0,
        estimated_value_sek: c.value,
        max_winners: c.maxWinners ?? 1,
        county_code: c.county,
        municipality_code: c.municipality,
        question_deadline: noon(c.questionDay),
        tender_deadline: noon(c.tenderDay),
        prior_involvement: c.priorInvolvement ?? '',
        created_by: author,
        updated_by: author,
        created_at: created,
        updated_at: created,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    callIds.set(c.key, row.id)
    let position = 0
    const rows: { id: number; kind: CallCriterionKind }[] = []
    for (const criterion of c.criteria) {
      position++
      const inserted = await db
        .insertInto('call_criteria')
        .values({
          call_id: row.id,
          kind: criterion.kind,
          position,
          title: criterion.title,
          description: criterion.description,
          weight: criterion.kind === 'criterion' ? (criterion.weight ?? null) : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      rows.push({ id: inserted.id, kind: criterion.kind })
    }
    criteriaIds.set(c.key, rows)
    for (const theme of c.themes) {
      await db.insertInto('call_themes').values({ call_id: row.id, theme_code: theme }).execute()
    }
    for (const code of c.cpv) {
      await db.insertInto('call_cpv_codes').values({ call_id: row.id, cpv_code: code }).execute()
    }
    await audit(db, {
      actorUserId: author,
      organisationId: org(c.buyer),
      action: 'call.created',
      entityType: 'call',
      entityId: row.id,
    })
    if (c.key === 'nyckelfri') {
      // The dialogue builds on Luleå's completed pilot with Polarsensor: link, disclose, name.
      const pilot = await db
        .selectFrom('pilots')
        .select(['id', 'company_id'])
        .where('host_id', '=', org('lulea'))
        .where('status', '=', 'completed')
        .executeTakeFirstOrThrow()
      await db.insertInto('call_links').values({ call_id: row.id, pilot_id: pilot.id }).execute()
      await db
        .insertInto('call_involved_companies')
        .values({
          call_id: row.id,
          organisation_id: pilot.company_id,
          involvement:
            'Genomförde piloten Smart hemtjänst i Luleå 2026 med sensorer och digitala lås.',
        })
        .execute()
    }
    travel(atMoment(c.publishedDay, 9))
    await db
      .updateTable('calls')
      .set({ status: 'published', published_at: now(), updated_by: author, updated_at: now() })
      .where('id', '=', row.id)
      .execute()
    await audit(db, {
      actorUserId: author,
      organisationId: org(c.buyer),
      action: 'call.published',
      entityType: 'call',
      entityId: row.id,
    })
  }

  const call = (key: string) => id(callIds, key)
  const criteria = (key: string) => criteriaIds.get(key)!

  async function follow(key: string, userKey: string, day: number) {
    travel(atMoment(day, 11))
    await db
      .insertInto('call_followers')
      .values({ call_id: call(key), user_id: user(userKey), created_at: now() })
      .execute()
  }

  async function ask(key: string, userKey: string, day: number, body: string) {
    travel(atMoment(day, 13))
    const row = await db
      .insertInto('call_questions')
      .values({ call_id: call(key), asker_user_id: user(userKey), body, asked_at: now() })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  }

  async function answer(
    key: string,
    userKey: string,
    day: number,
    questionId: number | null,
    questionText: string | null,
    body: string,
  ) {
    travel(atMoment(day, 15))
    const row = await db
      .insertInto('call_answers')
      .values({
        call_id: call(key),
        question_id: questionId,
        question_text: questionText,
        body,
        published_by: user(userKey),
        published_at: now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(db, {
      actorUserId: user(userKey),
      action: 'call.answer_published',
      entityType: 'call',
      entityId: call(key),
      after: { answerId: row.id },
    })
  }

  async function placeBid(key: string, b: DemoBid, day: number, submit = true) {
    travel(atMoment(day, 14))
    const callId = call(key)
    const companyId = org(b.company)
    const rows = criteria(key)
    const content: BidContent = {
      requirements: rows.flatMap((criterion, i) =>
        criterion.kind === 'requirement'
          ? [
              {
                criterion_id: criterion.id,
                met: b.answers[i]?.met ?? true,
                explanation: b.answers[i]?.text ?? '',
              },
            ]
          : [],
      ),
      criteria: rows.flatMap((criterion, i) =>
        criterion.kind === 'criterion'
          ? [{ criterion_id: criterion.id, response: b.answers[i]?.text ?? '' }]
          : [],
      ),
      price_sek: b.price,
      solution_summary: b.summary,
      contact_role: b.contactRole,
    }
    const {
      sealed,
      seal_key_id,
      content_hash: contentHash,
    } = sealContent(content, { callId, companyId })
    const at = now()
    const bidRow = await db
      .insertInto('bids')
      .values({
        call_id: callId,
        company_id: companyId,
        sealed,
        seal_key_id,
        content_hash: contentHash,
        created_by: user(b.author),
        created_at: at,
        updated_by: user(b.author),
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (submit) {
      const receipt = bidReceipt({
        call_id: callId,
        company_id: companyId,
        content_hash: contentHash,
        submitted_at: at,
      })
      await db
        .updateTable('bids')
        .set({
          status: 'submitted',
          submitted_at: at,
          submitted_by: user(b.author),
          receipt_hash: receipt,
        })
        .where('id', '=', bidRow.id)
        .execute()
      await audit(db, {
        actorUserId: user(b.author),
        organisationId: companyId,
        action: 'bid.submitted',
        entityType: 'bid',
        entityId: bidRow.id,
        after: { receiptHash: receipt, submittedAt: at },
      })
    }
    return bidRow.id
  }

  // --- Trygg nattillsyn: open, with answered questions and an amendment that changed the terms.
  await follow('nattillsyn', 'johan', -11)
  await follow('nattillsyn', 'karin', -10)
  const q1 = await ask(
    'nattillsyn',
    'johan',
    -9,
    'Får lösningen använda radar- eller rörelsesensorer i sovrummet om brukaren samtycker?',
  )
  await answer(
    'nattillsyn',
    'anna',
    -8,
    q1,
    'Får lösningen använda radar- eller rörelsesensorer i sovrummet om brukaren samtycker?',
    'Ja. Sensorer som inte ger bild är tillåtna med brukarens samtycke. Samtycket dokumenteras av hemtjänsten, inte av leverantören.',
  )
  const q2 = await ask(
    'nattillsyn',
    'karin',
    -7,
    'Hur många brukare ingår i testfasen, och i vilka kommuner?',
  )
  await answer(
    'nattillsyn',
    'anna',
    -6,
    q2,
    'Hur många brukare ingår i testfasen, och i vilka kommuner?',
    'Testfasen omfattar 60 brukare: 30 i Luleå, 20 i Piteå och 10 i Kiruna. Alla har hemtjänst med nattlig tillsyn.',
  )
  const polarBid = await placeBid(
    'nattillsyn',
    {
      company: 'polarsensor',
      author: 'johan',
      contactRole: 'Teknisk chef',
      price: 5_900_000,
      summary:
        'Radarsensorer utan kamera som känner av andning och rörelse, med larm till nattpatrullens mobil.',
      answers: [
        { met: true, text: 'Data lagras i Stockholm hos en svensk molnleverantör.' },
        { met: true, text: 'Sensorn är CE-märkt klass IIa.' },
        { text: 'Ingen kamera; brukaren märker inget nattetid.' },
        { text: 'Piloten i Luleå 2026 halverade antalet väckande besök.' },
        { text: 'Fast pris för utveckling, därefter 290 kr per brukare och månad.' },
        { text: 'Tekniker i Luleå och Kiruna.' },
      ],
    },
    -5,
  )
  await placeBid(
    'nattillsyn',
    {
      company: 'vardkraft',
      author: 'karin',
      contactRole: 'Affärsansvarig offentlig sektor',
      price: 6_200_000,
      summary: 'Plattform för digital tillsyn med sensorpaket från flera tillverkare.',
      answers: [
        { met: true, text: 'Drift i egna datacenter i Sundsvall och Umeå.' },
        {
          met: true,
          text: 'Sensorpaketet är CE-märkt; plattformen är inte en medicinteknisk produkt.',
        },
        { text: 'Brukaren väljer själv vilka sensorer som används; inga kameror.' },
        { text: 'Används i nattillsyn i tre kommuner i Västerbotten sedan 2025.' },
        { text: 'Licens 340 kr per brukare och månad, införande ingår.' },
        { text: 'Införandeteam på plats i Luleå under första året.' },
      ],
    },
    -4,
  )
  // The amendment: a new must-have on mobile networks, so the deadline moves a week and the
  // submitted bid must be confirmed again.
  travel(atMoment(-3, 10))
  const amendment = await db
    .insertInto('call_amendments')
    .values({
      call_id: call('nattillsyn'),
      number: 1,
      summary:
        'Nytt skall-krav: lösningen ska fungera med enbart mobilnät, eftersom många hushåll i inlandet saknar fast bredband. Sista anbudsdag flyttas en vecka. Anbud som redan lämnats behöver bekräftas igen.',
      question_deadline: noon(16),
      tender_deadline: noon(40),
      created_by: user('anna'),
      created_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('call_criteria')
    .values({
      call_id: call('nattillsyn'),
      kind: 'requirement',
      position: 7,
      title: 'Fungerar med enbart mobilnät',
      description: 'Lösningen fungerar i hushåll utan fast bredband, med 4G eller 5G.',
      weight: null,
      added_in: amendment.id,
    })
    .execute()
  await db
    .updateTable('call_amendments')
    .set({ state: 'published', published_at: now(), published_by: user('anna'), changes_terms: 1 })
    .where('id', '=', amendment.id)
    .execute()
  await audit(db, {
    actorUserId: user('anna'),
    organisationId: org('norrbotten'),
    action: 'call.amended',
    entityType: 'call',
    entityId: call('nattillsyn'),
    after: { amendment: 1, tenderDeadline: noon(40) },
  })
  await ask(
    'nattillsyn',
    'karin',
    -1,
    'Räknas en lösning som använder hushållets befintliga wifi när det finns som godkänd mot det nya kravet?',
  )
  void polarBid

  // --- Nyckelfri hemtjänst: an open market dialogue that discloses the pilot it builds on.
  await follow('nyckelfri', 'johan', -4)

  // --- Digitalt läkemedelsstöd: the whole procedure, from bids to the signed contract.
  const lakemedelBids = [
    await placeBid(
      'lakemedel',
      {
        company: 'nattugglan',
        author: 'sara',
        contactRole: 'Vd',
        price: 2_850_000,
        summary:
          'Läkemedelsautomat med röstpåminnelse och larm till hemtjänstens planeringssystem.',
        answers: [
          { met: true, text: 'CE-märkt klass IIa sedan 2025.' },
          { text: 'Testad med 45 brukare över 80 år i Piteå; 94 % tog rätt dos.' },
          { text: '690 kr per brukare och månad inklusive service.' },
          { text: 'Färdig koppling för dosändringar via regionens integrationsplattform.' },
        ],
      },
      -70,
    ),
    await placeBid(
      'lakemedel',
      {
        company: 'polarsensor',
        author: 'johan',
        contactRole: 'Teknisk chef',
        price: 2_400_000,
        summary: 'Sensorlock till befintliga dosetter med larm via mobilnät.',
        answers: [
          { met: true, text: 'CE-märkt klass I.' },
          { text: 'Testad med 12 brukare i Luleå.' },
          { text: '540 kr per brukare och månad.' },
          { text: 'Larm via standardiserat gränssnitt; dosändringar manuellt.' },
        ],
      },
      -60,
    ),
    await placeBid(
      'lakemedel',
      {
        company: 'vardkraft',
        author: 'karin',
        contactRole: 'Affärsansvarig offentlig sektor',
        price: 3_100_000,
        summary: 'Plattform för läkemedelsstöd med surfplatta hos brukaren.',
        answers: [
          { met: false, text: 'CE-märkning pågår och väntas 2027.' },
          { text: 'Användartester med 20 brukare i Umeå.' },
          { text: '820 kr per brukare och månad.' },
          { text: 'Full integration via FHIR.' },
        ],
      },
      -57,
    ),
  ]
  const openRecord = (callId: number) => sql<string>`(SELECT json_group_array(json_object(
      'bid_id', id, 'company_id', company_id, 'submitted_at', submitted_at, 'receipt_hash', receipt_hash))
      FROM (SELECT id, company_id, submitted_at, receipt_hash FROM bids
        WHERE call_id = ${callId} AND status = 'submitted' ORDER BY id))`
  travel(atMoment(-54, 9))
  await sql`INSERT INTO bid_openings (call_id, opened_by, opened_at, record_json)
    SELECT ${call('lakemedel')}, ${user('anna')}, ${now()}, ${openRecord(call('lakemedel'))}`.execute(
    db,
  )
  await audit(db, {
    actorUserId: user('anna'),
    organisationId: org('norrbotten'),
    action: 'call.opened',
    entityType: 'call',
    entityId: call('lakemedel'),
  })
  // Two evaluators, each scoring every bid on every criterion with a justification.
  const scores: Record<string, number[][]> = {
    // per evaluator: per bid (Nattugglan, Polarsensor, Vårdkraft): per criterion
    anna: [
      [1, 9, 7, 8],
      [1, 6, 9, 5],
      [0, 7, 5, 9],
    ],
    lars: [
      [1, 8, 7, 9],
      [1, 7, 8, 5],
      [0, 8, 5, 9],
    ],
  }
  const justification = [
    'Styrkt i anbudet.',
    'Bedömt mot användartesternas resultat.',
    'Bedömt mot prisets andel av budget.',
    'Bedömt mot beskriven integration.',
  ]
  for (const [evaluator, perBid] of Object.entries(scores)) {
    travel(atMoment(-52, evaluator === 'anna' ? 9 : 10))
    await db
      .insertInto('evaluator_declarations')
      .values({ call_id: call('lakemedel'), user_id: user(evaluator), declared_at: now() })
      .execute()
    travel(atMoment(-49, evaluator === 'anna' ? 13 : 14))
    for (const [b, bidScores] of perBid.entries()) {
      for (const [i, criterion] of criteria('lakemedel').entries()) {
        await db
          .insertInto('bid_scores')
          .values({
            bid_id: lakemedelBids[b]!,
            criterion_id: criterion.id,
            evaluator_id: user(evaluator),
            score: bidScores[i]!,
            justification:
              criterion.kind === 'requirement'
                ? bidScores[i]
                  ? 'Kravet är uppfyllt enligt bifogat intyg.'
                  : 'CE-märkning saknas vid anbudstidens slut.'
                : justification[i]!,
            scored_at: now(),
          })
          .execute()
      }
    }
  }
  travel(atMoment(-45, 15))
  await db
    .updateTable('calls')
    .set({
      status: 'evaluated',
      evaluated_at: now(),
      updated_by: user('anna'),
      updated_at: now(),
    })
    .where('id', '=', call('lakemedel'))
    .execute()
  travel(atMoment(-40, 10))
  await db
    .insertInto('call_awards')
    .values({ call_id: call('lakemedel'), bid_id: lakemedelBids[0]!, created_at: now() })
    .execute()
  const { standstill_days } = await db
    .selectFrom('calls')
    .select('standstill_days')
    .where('id', '=', call('lakemedel'))
    .executeTakeFirstOrThrow()
  await db
    .updateTable('calls')
    .set({
      status: 'awarded',
      decided_at: now(),
      decided_by: user('anna'),
      updated_by: user('anna'),
      updated_at: now(),
      outcome_reason:
        'Nattugglan Omsorgsteknik AB:s anbud har högst viktad poäng av de anbud som uppfyller skall-kravet. Avgörande var användbarheten i testerna med äldre brukare och den färdiga kopplingen till journalsystemet. Vårdkraft Digital AB:s anbud uppfyllde inte kravet på CE-märkning.',
      standstill_ends_at: now() + standstill_days * DAY,
    })
    .where('id', '=', call('lakemedel'))
    .execute()
  await audit(db, {
    actorUserId: user('anna'),
    organisationId: org('norrbotten'),
    action: 'call.awarded',
    entityType: 'call',
    entityId: call('lakemedel'),
  })
  travel(atMoment(-27, 11))
  await db
    .updateTable('calls')
    .set({
      contract_signed_at: now(),
      contract_signed_by: user('anna'),
      updated_by: user('anna'),
      updated_at: now(),
    })
    .where('id', '=', call('lakemedel'))
    .execute()

  // --- Smarta effektvakter: cancelled with a reason before the deadline.
  travel(atMoment(-3, 14))
  await db
    .updateTable('calls')
    .set({
      status: 'cancelled',
      decided_at: now(),
      decided_by: user('ulrika'),
      updated_by: user('ulrika'),
      updated_at: now(),
      outcome_reason:
        'Upphandlingen avbryts eftersom behovet ändrats: effektstyrningen ska samordnas med Skellefteå Krafts nya flexibilitetsmarknad. En ny upphandling annonseras under 2027 och alla intresserade kan då delta på samma villkor.',
    })
    .where('id', '=', call('effektvakter'))
    .execute()
  await audit(db, {
    actorUserId: user('ulrika'),
    organisationId: org('skelleftea'),
    action: 'call.cancelled',
    entityType: 'call',
    entityId: call('effektvakter'),
  })

  // --- Two calls past their deadline with sealed bids awaiting the buyer's opening.
  for (const key of ['fallprevention', 'korttidsboende']) {
    await placeBid(
      key,
      {
        company: 'nattugglan',
        author: 'sara',
        contactRole: 'Vd',
        price: key === 'fallprevention' ? 2_100_000 : 780_000,
        summary: 'Sensorer i sängen och vid dörren som larmar vid oro nattetid.',
        answers: [
          { met: true, text: 'Inga kameror; sensorerna ger ingen bild.' },
          { text: 'I vår pilot i Piteå var 91 % av larmen korrekta.' },
          { text: 'Fast pris per plats och månad.' },
        ],
      },
      -6,
    )
    await placeBid(
      key,
      {
        company: 'polarsensor',
        author: 'johan',
        contactRole: 'Teknisk chef',
        price: key === 'fallprevention' ? 1_950_000 : 720_000,
        summary: 'Radarsensorer som följer gångmönster och larmar vid ökad fallrisk.',
        answers: [
          { met: true, text: 'Radar, ingen kamera.' },
          { text: 'Validerad mot 300 nätter i Luleå.' },
          { text: 'Engångskostnad plus licens per plats.' },
        ],
      },
      -4,
    )
  }

  // --- The quiet period (issue 13): Nattugglan bids in Norrbotten's fall-prevention call, so what
  // Sara writes in the running pilot with Norrbotten waits until the call is decided. The database
  // holds it; she sees that it waits, and Region Norrbotten sees nothing of it.
  travel(atMoment(-3, 11))
  const pilot = await db
    .selectFrom('pilots')
    .select('id')
    .where('company_id', '=', org('nattugglan'))
    .where('host_id', '=', org('norrbotten'))
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('pilot_messages')
    .values({
      pilot_id: pilot.id,
      organisation_id: org('nattugglan'),
      author_id: user('sara'),
      body: 'Vi har tagit fram en ny version av dörrsensorn. Kan vi visa den för personalen på Hemtjänst Centrum nästa vecka?',
      created_at: now(),
    })
    .execute()

  setClockOffset(0)
}
