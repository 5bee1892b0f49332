import type { CallCriterionKind, Procedure } from '#db/schema'

// The demo procurement calls (issue 4) and the bids the companies place in them. Days are counted
// from the day of seeding (negative = past).

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

export const calls: DemoCall[] = [
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

export interface DemoBid {
  company: string
  author: string
  price: number
  summary: string
  contactRole: string
  /** One answer per criterion, in the call's order: must-haves met or not, responses otherwise. */
  answers: { met?: boolean; text: string }[]
}
