import type { Kysely } from 'kysely'
import { audit } from '../app/models/audit.server'
import { receiptHash } from '../app/models/pilot-applications.server'
import {
  parseStockholmDate,
  parseStockholmDateTime,
  toStockholmDateInput,
} from '../app/utils/stockholm-time'
import type { AccessModel, CriterionKind, Database, Intake } from './schema'

// The demo test-bed marketplace (issue 3): offers from Norrbotten, Luleå, Piteå, Skellefteå and
// Skåne, with applications in every state, one running pilot and one completed with a report.
// Everything goes through the database rules: offers are published with criteria, applications
// are submitted before deadlines, decisions are scored, and the triggers make pilots and aid rows.

const DAY = 86400

interface Ids {
  users: Map<string, number>
  orgs: Map<string, number>
  at: number
}

interface DemoCriterion {
  title: string
  description: string
  kind: CriterionKind
}

interface DemoOffer {
  key: string
  host: string
  author: string
  title: string
  summary: string
  description: string
  county: string
  municipality: string | null
  places: string
  environments: string
  testUsers: string
  testUserCount: number | null
  staffTime: string
  dataAccess: string
  premises: string
  equipment: string
  trl: [number, number]
  requires: { ce?: boolean; dpia?: boolean; insurance?: boolean }
  otherRequirements: string
  capacity: number
  availableFrom: number
  availableUntil: number | null
  intake: Intake
  deadlineInDays?: number
  access: AccessModel
  marketValue: number
  price: number
  contactRole: string
  contactEmail: string
  themes: string[]
  criteria: DemoCriterion[]
  /** Days ago it was published; null keeps it a draft. */
  publishedDaysAgo: number | null
  edits?: {
    daysAgo: number
    changes: { places?: string; test_user_count?: number }
    note: string
  }[]
  /** Days ago it was closed, after its applications. */
  closedDaysAgo?: number
}

const offers: DemoOffer[] = [
  {
    key: 'ahaNorrbotten',
    host: 'norrbotten',
    author: 'anna',
    title: 'Aktivt och hälsosamt åldrande – EU Reference Site Norrbotten',
    summary:
      'Testa appar, sensorer, smarta system och digitala tjänster tillsammans med äldre och personal i hemtjänst, trygghetsboende och särskilt boende i Norrbotten.',
    description:
      'Region Norrbotten är utsedd till EU Reference Site för aktivt och hälsosamt åldrande. Tillsammans med länets kommuner öppnar vi vård och omsorg som testmiljö för företag som vill pröva lösningar i verklig vardag.\n\nVi söker lösningar som hjälper äldre att bo kvar hemma längre, känna sig trygga och vara delaktiga, och som ger personalen mer tid för det som kräver en människa.\n\nSå går det till:\n- ett startmöte där vi tillsammans formulerar vad som ska testas och hur nyttan mäts\n- test i verksamheten med stöd av en kontaktperson och verksamhetsutvecklare\n- en gemensam testrapport som företaget kan använda som referens',
    county: '25',
    municipality: '2580',
    places: 'Luleå, Boden, Kalix och Gällivare',
    environments:
      'Hemtjänstgrupper, trygghetsboenden och särskilda boenden i fyra kommuner, samt ett testlabb för välfärdsteknik på Sunderby sjukhus.',
    testUsers:
      'Äldre som bor hemma med hemtjänst, boende på särskilt boende, anhöriga samt undersköterskor och sjuksköterskor.',
    testUserCount: 60,
    staffTime: 'Upp till 40 timmar per pilot för introduktion, utvärdering och workshoppar.',
    dataAccess:
      'Anonymiserad statistik om larm och besök. Personuppgifter endast efter konsekvensbedömning och personuppgiftsbiträdesavtal.',
    premises: 'Mötesrum och testlabb i Luleå.',
    equipment: 'Surfplattor, trygghetslarm och ett nätverk för sensorer i testlabbet.',
    trl: [5, 8],
    requires: { ce: true, dpia: true, insurance: true },
    otherRequirements: 'Lösningen ska kunna användas på svenska.',
    capacity: 3,
    availableFrom: -90,
    availableUntil: 365,
    intake: 'rolling',
    access: 'free',
    marketValue: 150000,
    price: 0,
    contactRole: 'Innovationsledare, Region Norrbotten',
    contactEmail: 'testbadd@norrbotten.test',
    themes: ['active_healthy_ageing', 'ehealth', 'welfare_technology'],
    criteria: [
      {
        title: 'Nytta för äldre och personal',
        description: 'Hur väl lösningen kan öka trygghet, självständighet eller frigöra tid.',
        kind: 'score',
      },
      {
        title: 'Genomförbarhet i verksamheten',
        description: 'Realistisk plan, rimlig arbetsinsats och tydliga mål för testet.',
        kind: 'score',
      },
      {
        title: 'CE-märkning och konsekvensbedömning',
        description: 'Medicintekniska produkter är CE-märkta och en DPIA finns eller tas fram.',
        kind: 'pass_fail',
      },
    ],
    publishedDaysAgo: 80,
    edits: [
      {
        daysAgo: 40,
        changes: { places: 'Luleå, Boden, Kalix, Gällivare och Piteå' },
        note: 'Piteå kommun deltar nu med två hemtjänstgrupper.',
      },
    ],
  },
  {
    key: 'smartHemtjanst',
    host: 'lulea',
    author: 'erik',
    title: 'Smart hemtjänst i Luleå',
    summary:
      'Pröva digitala lösningar i hemtjänstens vardag: planering, nyckelfri hantering, tillsyn på distans och uppföljning i tre hemtjänstgrupper i Luleå.',
    description:
      'Luleå kommuns hemtjänst gör cirka 1 800 besök om dagen. Vi vill testa lösningar som gör besöken tryggare för brukarna och dagen enklare för personalen.\n\nKommunen delar kostnaden för testet med företaget. Företaget betalar en del av vad testet kostar kommunen; resten är stöd av mindre betydelse som registreras mot företaget.',
    county: '25',
    municipality: '2580',
    places: 'Hemtjänstgrupperna i Bergnäset, Porsön och Gammelstad',
    environments: 'Tre hemtjänstgrupper med brukare i ordinärt boende.',
    testUsers: 'Brukare med hemtjänst och personal i hemtjänsten.',
    testUserCount: 30,
    staffTime: 'En samordnare 20 % under testperioden.',
    dataAccess: 'Besöksstatistik på gruppnivå.',
    premises: '',
    equipment: 'Tjänstetelefoner med kommunens appar.',
    trl: [6, 9],
    requires: { dpia: true, insurance: true },
    otherRequirements: '',
    capacity: 2,
    availableFrom: -200,
    availableUntil: 180,
    intake: 'rolling',
    access: 'cost_sharing',
    marketValue: 80000,
    price: 20000,
    contactRole: 'Verksamhetsutvecklare, socialförvaltningen',
    contactEmail: 'hemtjanst.test@lulea.test',
    themes: ['welfare_technology', 'active_healthy_ageing'],
    criteria: [
      {
        title: 'Nytta för brukare och personal',
        description: 'Förväntad effekt på trygghet, kvalitet eller arbetsmiljö.',
        kind: 'score',
      },
      {
        title: 'Personuppgifter och informationssäkerhet',
        description: 'DPIA och personuppgiftsbiträdesavtal kan tecknas före start.',
        kind: 'pass_fail',
      },
    ],
    publishedDaysAgo: 190,
  },
  {
    key: 'smartaByggnader',
    host: 'pitea_science_park',
    author: 'per',
    title: 'Testbädd för smarta byggnader i Piteå',
    summary:
      'Testa sensorer, styrning och energitjänster i riktiga kommunala byggnader – skolor, förskolor och ett kontorshus – under en vinter i Norrbotten.',
    description:
      'Piteå Science Park samordnar en testbädd i kommunens fastigheter. Företag får installera och utvärdera sin lösning under minst tre vintermånader med mätdata från fastighetssystemet.\n\nAnsökningarna bedöms tillsammans efter sista ansökningsdag. Vi tar ut marknadspris för testbädden, så testet innebär inget statligt stöd.',
    county: '25',
    municipality: '2581',
    places: 'Strömbackaskolan, förskolan Solander och Acusticum i Piteå',
    environments: 'Tre byggnader med fastighetssystem och öppet API för mätdata.',
    testUsers: 'Fastighetstekniker och verksamheternas personal.',
    testUserCount: null,
    staffTime: 'Fastighetstekniker på plats vid installation.',
    dataAccess: 'Energi- och klimatdata per timme från fastighetssystemet.',
    premises: 'Teknikrum och kontorsplats i Acusticum.',
    equipment: 'Mätare för el och fjärrvärme.',
    trl: [4, 7],
    requires: { ce: true, insurance: true },
    otherRequirements: 'Installation görs tillsammans med kommunens fastighetstekniker.',
    capacity: 2,
    availableFrom: 30,
    availableUntil: 240,
    intake: 'round',
    deadlineInDays: 21,
    access: 'paid',
    marketValue: 60000,
    price: 60000,
    contactRole: 'Testbäddsansvarig, Piteå Science Park',
    contactEmail: 'testbadd@pitea-sciencepark.test',
    themes: ['construction', 'energy', 'smart_industry'],
    criteria: [
      {
        title: 'Förväntad energibesparing',
        description: 'Hur mycket energi lösningen kan spara och hur det mäts.',
        kind: 'score',
      },
      {
        title: 'Plan för installation och drift',
        description: 'Tydlig plan som fungerar i befintliga byggnader.',
        kind: 'score',
      },
      {
        title: 'CE-märkt utrustning',
        description: 'All utrustning som installeras är CE-märkt.',
        kind: 'pass_fail',
      },
    ],
    publishedDaysAgo: 10,
  },
  {
    key: 'energilager',
    host: 'skelleftea',
    author: 'ulrika',
    title: 'Energilager i kommunala fastigheter',
    summary:
      'Skellefteå kommun erbjuder fastigheter där företag kan testa batterilager, smart laddning och effektstyrning mot det lokala elnätet.',
    description:
      'Kommunen har ett femtiotal fastigheter med solceller och laddplatser. Vi vill lära oss hur energilager och styrning kan sänka effekttoppar och kostnader.\n\nVi erbjuder:\n- plats och anslutning i två fastigheter\n- mätdata från elnätet och fastighetssystemet\n- stöd av kommunens energistrateg',
    county: '24',
    municipality: '2482',
    places: 'Campus Skellefteå och Medlefors',
    environments: 'Två fastigheter med solceller, laddplatser och teknikrum.',
    testUsers: '',
    testUserCount: null,
    staffTime: 'Energistrateg 10 timmar i månaden.',
    dataAccess: 'Effekt- och energidata per kvart.',
    premises: 'Teknikrum för utrustning.',
    equipment: 'Laddstolpar och elmätare.',
    trl: [5, 8],
    requires: { ce: true, insurance: true },
    otherRequirements: 'Installationen ska utföras av behörig elinstallatör.',
    capacity: 2,
    availableFrom: -10,
    availableUntil: 400,
    intake: 'rolling',
    access: 'cost_sharing',
    marketValue: 120000,
    price: 40000,
    contactRole: 'Energistrateg, Skellefteå kommun',
    contactEmail: 'energi@skelleftea.test',
    themes: ['energy', 'climate_environment', 'smart_industry'],
    criteria: [
      {
        title: 'Effekt på effekttoppar',
        description: 'Hur mycket lösningen kan sänka effekttoppar i fastigheten.',
        kind: 'score',
      },
      {
        title: 'Elsäkerhet',
        description: 'Utrustning och installation uppfyller elsäkerhetskraven.',
        kind: 'pass_fail',
      },
    ],
    publishedDaysAgo: 8,
  },
  {
    key: 'primarvard',
    host: 'skane',
    author: 'eva',
    title: 'Digitala vårdtjänster i primärvården',
    summary:
      'Region Skåne öppnar fem vårdcentraler för test av digitala vårdtjänster: egenmonitorering, digitala besök och stöd för kroniskt sjuka.',
    description:
      'Vi söker tjänster som avlastar vårdcentralerna och ger patienter med kroniska sjukdomar bättre stöd mellan besöken. Ansökningarna bedöms tillsammans efter sista ansökningsdag.',
    county: '12',
    municipality: '1280',
    places: 'Fem vårdcentraler i Malmö, Lund och Kristianstad',
    environments: 'Vårdcentraler med distriktssköterskor och läkare.',
    testUsers: 'Patienter med diabetes eller hjärtsvikt samt vårdpersonal.',
    testUserCount: 200,
    staffTime: 'En projektledare och en distriktssköterska per vårdcentral.',
    dataAccess: 'Endast efter DPIA och avtal; testdata i regionens testmiljö.',
    premises: '',
    equipment: '',
    trl: [6, 9],
    requires: { ce: true, dpia: true, insurance: true },
    otherRequirements: 'Integration med regionens journalsystem sker via testmiljö.',
    capacity: 3,
    availableFrom: 60,
    availableUntil: 425,
    intake: 'round',
    deadlineInDays: 30,
    access: 'free',
    marketValue: 200000,
    price: 0,
    contactRole: 'Innovationsstrateg, Region Skåne',
    contactEmail: 'innovation@skane.test',
    themes: ['ehealth', 'digital_public_services'],
    criteria: [
      {
        title: 'Patientnytta',
        description: 'Bättre stöd och delaktighet för patienten.',
        kind: 'score',
      },
      {
        title: 'Avlastning för vårdcentralen',
        description: 'Tid och resurser som frigörs.',
        kind: 'score',
      },
      {
        title: 'CE-märkning som medicinteknisk produkt',
        description: 'Krävs för tjänster som används för diagnos eller behandling.',
        kind: 'pass_fail',
      },
    ],
    publishedDaysAgo: 5,
  },
  {
    key: 'vinterväg',
    host: 'lulea',
    author: 'erik',
    title: 'Sensorer för vinterväghållning',
    summary:
      'Testa vägsensorer och prognoser för halka på kommunens gator och cykelvägar under vintern 2025–2026.',
    description:
      'Testbädden är stängd för nya ansökningar. Erfarenheterna från vintern används när kommunen förbereder en upphandling av halkbekämpning.',
    county: '25',
    municipality: '2580',
    places: 'Gator och cykelvägar i centrala Luleå',
    environments: 'Kommunens gator, cykelvägar och driftcentral.',
    testUsers: 'Driftpersonal och entreprenörer.',
    testUserCount: 12,
    staffTime: '',
    dataAccess: 'Väderdata och plogloggar.',
    premises: '',
    equipment: '',
    trl: [5, 8],
    requires: { insurance: true },
    otherRequirements: '',
    capacity: 3,
    availableFrom: -400,
    availableUntil: -60,
    intake: 'rolling',
    access: 'free',
    marketValue: 45000,
    price: 0,
    contactRole: 'Gatuchef, Luleå kommun',
    contactEmail: 'gata@lulea.test',
    themes: ['mobility', 'climate_environment'],
    criteria: [
      {
        title: 'Träffsäkerhet i halkvarningar',
        description: 'Hur väl sensorerna förutser halka.',
        kind: 'score',
      },
    ],
    publishedDaysAgo: 380,
    closedDaysAgo: 60,
  },
  {
    key: 'anhorig',
    host: 'norrbotten',
    author: 'lars',
    title: 'Digitalt stöd för anhöriga',
    summary:
      'Utkast: testmiljö för digitala tjänster som stöder anhöriga till äldre med demenssjukdom.',
    description: 'Utkast under arbete tillsammans med länets anhörigkonsulenter.',
    county: '25',
    municipality: null,
    places: '',
    environments: 'Anhörigcenter i tre kommuner.',
    testUsers: 'Anhöriga och anhörigkonsulenter.',
    testUserCount: 25,
    staffTime: '',
    dataAccess: '',
    premises: '',
    equipment: '',
    trl: [4, 8],
    requires: { dpia: true },
    otherRequirements: '',
    capacity: 2,
    availableFrom: 90,
    availableUntil: null,
    intake: 'rolling',
    access: 'free',
    marketValue: 50000,
    price: 0,
    contactRole: 'Anhörigsamordnare, Region Norrbotten',
    contactEmail: 'anhorig@norrbotten.test',
    themes: ['active_healthy_ageing'],
    criteria: [],
    publishedDaysAgo: null,
  },
]

interface DemoApplication {
  offer: string
  company: string
  author: string
  productName: string
  productDescription: string
  trl: number
  testGoals: string
  proposedStartInDays: number
  proposedEndInDays: number
  testUserCount: number | null
  testUserDescription: string
  dataNeeds: string
  contribution: string
  /** Days ago it was submitted; null keeps it a draft. */
  submittedDaysAgo: number | null
  withdrawnDaysAgo?: number
  decision?: {
    daysAgo: number
    by: string
    accept: boolean
    reason: string
    /** One per criterion, in order: a 0–5 score or met/not met. */
    scores: (number | boolean)[]
    comments: string[]
    pilotStartInDays?: number
    pilotEndInDays?: number
  }
  messages?: { daysAgo: number; by: string; from: string; body: string }[]
  report?: {
    daysAgo: number
    by: string
    whatTested: string
    withWhom: string
    results: string
    recommendations: string
    response?: { daysAgo: number; by: string; text: string }
  }
}

const applications: DemoApplication[] = [
  {
    offer: 'ahaNorrbotten',
    company: 'nattugglan',
    author: 'sara',
    productName: 'Nattugglan Trygg natt',
    productDescription:
      'Sensorer i bostaden som upptäcker fall, oro och ovanlig aktivitet nattetid och larmar nattpatrullen – utan kameror i sovrummet.',
    trl: 7,
    testGoals:
      'Vi vill veta om färre onödiga nattbesök ger bättre sömn för brukarna och om nattpatrullen hinner fler prioriterade besök.',
    proposedStartInDays: -30,
    proposedEndInDays: 120,
    testUserCount: 20,
    testUserDescription: 'Brukare med nattillsyn i hemtjänsten och nattpatrullens personal.',
    dataNeeds:
      'Larmhändelser kopplas till pseudonymer. DPIA finns; personuppgiftsbiträdesavtal tecknas med regionen.',
    contribution:
      'Sensorer och installation för 20 hem, utbildning av personal och support dygnet runt.',
    submittedDaysAgo: 60,
    decision: {
      daysAgo: 45,
      by: 'anna',
      accept: true,
      reason:
        'Ansökan visar tydlig nytta för brukare och nattpatrull, en genomförbar plan och uppfyller kraven på CE-märkning och konsekvensbedömning.',
      scores: [5, 4, true],
      comments: [
        'Tydlig koppling till färre onödiga nattbesök.',
        'Realistisk plan med bra stöd från företaget.',
        'CE-märkt och DPIA bifogad.',
      ],
      pilotStartInDays: -30,
      pilotEndInDays: 120,
    },
    messages: [
      {
        daysAgo: 40,
        by: 'anna',
        from: 'norrbotten',
        body: 'Välkomna! Startmötet blir på Sunderby sjukhus. Vi har valt ut två hemtjänstgrupper i Luleå och en i Boden.',
      },
      {
        daysAgo: 38,
        by: 'sara',
        from: 'nattugglan',
        body: 'Tack! Vi tar med sensorer för demonstration och har utbildningsmaterial för personalen på svenska.',
      },
      {
        daysAgo: 5,
        by: 'anna',
        from: 'norrbotten',
        body: 'Första månaden: 31 % färre nattbesök utan behov i testgruppen. Vi ses på halvtidsavstämningen.',
      },
    ],
  },
  {
    offer: 'ahaNorrbotten',
    company: 'polarsensor',
    author: 'johan',
    productName: 'Polarsensor Inomhusklimat',
    productDescription:
      'Trådlösa sensorer för temperatur, fukt och luftkvalitet i bostaden med varningar till hemtjänsten vid kyla eller dålig luft.',
    trl: 6,
    testGoals:
      'Vi vill lära oss vilka varningar personalen har nytta av och hur ofta äldre bor med för låg inomhustemperatur vintertid.',
    proposedStartInDays: 30,
    proposedEndInDays: 150,
    testUserCount: 25,
    testUserDescription: 'Äldre med hemtjänst i villor och flerbostadshus.',
    dataNeeds: 'Inga personuppgifter utöver adress; mätdata lagras inom EU.',
    contribution: 'Sensorer, installation och en instrumentpanel för hemtjänsten.',
    submittedDaysAgo: 6,
  },
  {
    offer: 'ahaNorrbotten',
    company: 'vardkraft',
    author: 'karin',
    productName: 'Vårdkraft Hemmonitor',
    productDescription: 'Digital tillsyn via surfplatta med videosamtal och läkemedelspåminnelser.',
    trl: 8,
    testGoals: 'Verifiera användbarheten hos äldre i glesbygd.',
    proposedStartInDays: -20,
    proposedEndInDays: 100,
    testUserCount: 40,
    testUserDescription: 'Äldre i glesbygd med hemtjänst.',
    dataNeeds: 'Journalintegration med regionens system.',
    contribution: 'Licenser och surfplattor.',
    submittedDaysAgo: 50,
    decision: {
      daysAgo: 35,
      by: 'anna',
      accept: false,
      reason:
        'Lösningen är intressant men konsekvensbedömningen (DPIA) saknas och journalintegrationen kan inte göras i testbädden. Ni är välkomna att söka igen med en DPIA och en plan utan journalintegration.',
      scores: [3, 2, false],
      comments: [
        'Känd nytta från andra regioner.',
        'Journalintegration ryms inte i testbädden.',
        'DPIA saknas.',
      ],
    },
  },
  {
    offer: 'smartHemtjanst',
    company: 'polarsensor',
    author: 'johan',
    productName: 'Polarsensor Nyckelfri entré',
    productDescription:
      'Batteridrivna låsenheter som fungerar i kyla ned till −40 °C och loggar varje besök.',
    trl: 7,
    testGoals:
      'Vi vill mäta tidsvinsten mot fysiska nycklar och se hur låsen klarar en norrbottnisk vinter.',
    proposedStartInDays: -170,
    proposedEndInDays: -40,
    testUserCount: 30,
    testUserDescription: 'Brukare i Bergnäset och hemtjänstpersonal.',
    dataNeeds: 'Besöksloggar kopplade till personalens tjänste-id.',
    contribution: 'Lås, installation och support under hela testet.',
    submittedDaysAgo: 185,
    decision: {
      daysAgo: 175,
      by: 'erik',
      accept: true,
      reason:
        'Tydlig nytta för personalen, låg risk och en genomarbetad plan för informationssäkerhet.',
      scores: [4, true],
      comments: ['Stor tidsvinst i hemtjänstens logistik.', 'DPIA och avtal klara.'],
      pilotStartInDays: -165,
      pilotEndInDays: -45,
    },
    messages: [
      {
        daysAgo: 160,
        by: 'erik',
        from: 'lulea',
        body: 'Installationen i Bergnäset är klar. Personalen har fått utbildning.',
      },
      {
        daysAgo: 100,
        by: 'johan',
        from: 'polarsensor',
        body: 'Två lås fick kondens i januari. Vi byter tätningar på alla enheter nästa vecka.',
      },
    ],
    report: {
      daysAgo: 30,
      by: 'erik',
      whatTested:
        'Nyckelfri entré med Polarsensors låsenheter hos 30 brukare i hemtjänstgruppen Bergnäset under fyra vintermånader.',
      withWhom: '30 brukare, 22 undersköterskor och gruppens planerare.',
      results:
        'Personalen sparade i genomsnitt 14 minuter per pass på nyckelhantering. 98,6 % av öppningarna lyckades första gången. Två enheter fick kondens i januari och åtgärdades inom en vecka. Brukarna upplevde inga försämringar av tryggheten.',
      recommendations:
        'Lösningen kan införas i fler hemtjänstgrupper. Byt tätningar före vintern och inför en rutin för batteribyte var sjätte månad.',
      response: {
        daysAgo: 25,
        by: 'johan',
        text: 'Tack för ett mycket bra samarbete! Nya tätningar ingår nu som standard, och batteribyte finns med i vårt serviceavtal.',
      },
    },
  },
  {
    offer: 'vinterväg',
    company: 'polarsensor',
    author: 'johan',
    productName: 'Polarsensor Vägbana',
    productDescription:
      'Trådlösa sensorer i vägbanan som mäter yttemperatur och fukt och varnar för halka innan den uppstår.',
    trl: 7,
    testGoals:
      'Vi vill jämföra våra halkvarningar med driftpersonalens observationer och se om utryckningarna kan planeras tidigare.',
    proposedStartInDays: -360,
    proposedEndInDays: -240,
    testUserCount: 8,
    testUserDescription: 'Driftledare och plogentreprenörer.',
    dataNeeds: 'Plogloggar och kommunens väderstation.',
    contribution: '24 sensorer, installation och en varningstjänst.',
    submittedDaysAgo: 372,
    decision: {
      daysAgo: 368,
      by: 'erik',
      accept: true,
      reason:
        'Sensorerna kompletterar kommunens väderstationer och planen för vintern är realistisk.',
      scores: [4],
      comments: ['Lovande resultat från fjolårets test i Kiruna.'],
      pilotStartInDays: -360,
      pilotEndInDays: -240,
    },
    report: {
      daysAgo: 225,
      by: 'erik',
      whatTested:
        'Halkvarningar från 24 sensorer i vägbanan på huvudgator och cykelvägar i centrala Luleå under vintern 2025–2026.',
      withWhom: 'Kommunens driftledare, två plogentreprenörer och trafikenheten.',
      results:
        '87 % av halktillfällena varnades minst två timmar i förväg. Saltningen kunde i flera fall göras före morgontrafiken, och antalet akuta utryckningar minskade med en femtedel jämfört med vintern innan.',
      recommendations:
        'Sensorerna bör kompletteras med prognoser för cykelvägar. Erfarenheterna används i kommande upphandling av halkbekämpning.',
      response: {
        daysAgo: 220,
        by: 'johan',
        text: 'Thank you — we have added a cycle-path forecast to the service for next winter.',
      },
    },
  },
  {
    offer: 'vinterväg',
    company: 'bergskraft',
    author: 'mikael',
    productName: 'Bergskraft Värmestyrning',
    productDescription:
      'Styrning av uppvärmda gångstråk och busshållplatser efter väderprognos och elpris, så att värmen bara är på när halka väntas.',
    trl: 8,
    testGoals:
      'Vi vill visa att prognosstyrd markvärme håller gångstråken isfria med mindre energi.',
    proposedStartInDays: -350,
    proposedEndInDays: -230,
    testUserCount: 4,
    testUserDescription: 'Driftpersonal och fastighetsförvaltare.',
    dataNeeds: 'Energimätning för markvärmen och kommunens väderdata.',
    contribution: 'Styrsystem, installation och energiuppföljning.',
    submittedDaysAgo: 365,
    decision: {
      daysAgo: 362,
      by: 'erik',
      accept: true,
      reason: 'Tydlig energinytta och enkel installation i befintliga elcentraler.',
      scores: [4],
      comments: ['Bra mätplan för energin.'],
      pilotStartInDays: -350,
      pilotEndInDays: -230,
    },
    report: {
      daysAgo: 215,
      by: 'erik',
      whatTested:
        'Prognosstyrd markvärme på Storgatans gångstråk och vid tre busshållplatser under vintern 2025–2026.',
      withWhom: 'Gatuavdelningen, fastighetsförvaltningen och Luleå Energi.',
      results:
        'Energin för markvärmen minskade med 31 % jämfört med vintern innan, och gångstråken var isfria vid alla kontroller under morgontimmarna.',
      recommendations:
        'Inför prognosstyrning på all markvärme som kommunen äger. Följ upp effekttopparna tillsammans med elnätsbolaget.',
    },
  },
  {
    offer: 'smartHemtjanst',
    company: 'nattugglan',
    author: 'sara',
    productName: 'Nattugglan Trygg natt',
    productDescription: 'Nattillsyn med sensorer.',
    trl: 7,
    testGoals: 'Pröva nattillsyn i ordinärt boende i Luleå.',
    proposedStartInDays: -120,
    proposedEndInDays: -20,
    testUserCount: 10,
    testUserDescription: 'Brukare med nattillsyn.',
    dataNeeds: 'Larmhändelser.',
    contribution: 'Sensorer och installation.',
    submittedDaysAgo: 150,
    withdrawnDaysAgo: 140,
  },
  {
    offer: 'smartHemtjanst',
    company: 'vardkraft',
    author: 'karin',
    productName: 'Vårdkraft Planering',
    productDescription: 'Ruttplanering för hemtjänsten.',
    trl: 8,
    testGoals: '',
    proposedStartInDays: 60,
    proposedEndInDays: 180,
    testUserCount: null,
    testUserDescription: '',
    dataNeeds: '',
    contribution: '',
    submittedDaysAgo: null,
  },
  {
    offer: 'smartaByggnader',
    company: 'polarsensor',
    author: 'johan',
    productName: 'Polarsensor Fastighet',
    productDescription: 'Trådlösa sensorer för temperatur och CO₂ med styrning av ventilation.',
    trl: 6,
    testGoals: 'Mäta energibesparing av behovsstyrd ventilation i skolor.',
    proposedStartInDays: 40,
    proposedEndInDays: 200,
    testUserCount: null,
    testUserDescription: 'Fastighetstekniker.',
    dataNeeds: 'Timdata från fastighetssystemet.',
    contribution: '60 sensorer och analys.',
    submittedDaysAgo: 4,
  },
  {
    offer: 'smartaByggnader',
    company: 'vardkraft',
    author: 'karin',
    productName: 'Vårdkraft Fastighetsportal',
    productDescription: 'Portal för felanmälan och energiuppföljning.',
    trl: 7,
    testGoals: 'Testa energiuppföljning för verksamheterna.',
    proposedStartInDays: 40,
    proposedEndInDays: 200,
    testUserCount: 15,
    testUserDescription: 'Personal i skolan och förskolan.',
    dataNeeds: 'Energidata per byggnad.',
    contribution: 'Licenser och utbildning.',
    submittedDaysAgo: 2,
  },
  {
    offer: 'primarvard',
    company: 'vardkraft',
    author: 'karin',
    productName: 'Vårdkraft Egenmonitorering',
    productDescription: 'Egenmätning av blodsocker och vikt med uppföljning från vårdcentralen.',
    trl: 8,
    testGoals: 'Minska antalet fysiska kontroller för patienter med stabil diabetes.',
    proposedStartInDays: 70,
    proposedEndInDays: 250,
    testUserCount: 100,
    testUserDescription: '',
    dataNeeds: '',
    contribution: '',
    submittedDaysAgo: null,
  },
]

function id(map: Map<string, number>, key: string): number {
  const value = map.get(key)
  if (value === undefined) throw new Error(`Demo seed: unknown key ${key}`)
  return value
}

export async function seedTestBeds(db: Kysely<Database>, ids: Ids): Promise<void> {
  const { at } = ids
  // Demo times fall on Swedish calendar days: dates at midnight, deadlines at 23:59, and past
  // events during office hours (a different hour for each day), so nothing looks machine-made.
  const day = (offset: number) => parseStockholmDate(toStockholmDateInput(at + offset * DAY))!
  const endOfDay = (offset: number) =>
    parseStockholmDateTime(`${toStockholmDateInput(at + offset * DAY)}T23:59`)!
  const past = (daysAgo: number) =>
    day(-daysAgo) + (8 + ((daysAgo * 7) % 9)) * 3600 + ((daysAgo * 13) % 60) * 60
  const user = (key: string) => id(ids.users, key)
  const org = (key: string) => id(ids.orgs, key)
  const offerIds = new Map<string, number>()
  const criteriaIds = new Map<string, number[]>()

  for (const o of offers) {
    const published = o.publishedDaysAgo === null ? null : past(o.publishedDaysAgo)
    const created = (published ?? past(2)) - 7 * DAY
    const row = await db
      .insertInto('test_bed_offers')
      .values({
        organisation_id: org(o.host),
        title: o.title,
        summary: o.summary,
        description: o.description,
        county_code: o.county,
        municipality_code: o.municipality,
        places: o.places,
        environments: o.environments,
        test_users: o.testUsers,
        test_user_count: o.testUserCount,
        staff_time: o.staffTime,
        data_access: o.dataAccess,
        premises: o.premises,
        equipment: o.equipment,
        trl_min: o.trl[0],
        trl_max: o.trl[1],
        requires_ce_marking: o.requires.ce ? 1 : 0,
        requires_dpia: o.requires.dpia ? 1 : 0,
        requires_insurance: o.requires.insurance ? 1 : 0,
        other_requirements: o.otherRequirements,
        capacity: o.capacity,
        available_from: day(o.availableFrom),
        available_until: o.availableUntil === null ? null : day(o.availableUntil),
        intake: o.intake,
        deadline: o.deadlineInDays === undefined ? null : endOfDay(o.deadlineInDays),
        access_model: o.access,
        market_value_sek: o.marketValue,
        price_sek: o.price,
        contact_role: o.contactRole,
        contact_email: o.contactEmail,
        change_note: null,
        created_by: user(o.author),
        updated_by: user(o.author),
        created_at: created,
        updated_at: created,
        published_at: null,
        closed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    offerIds.set(o.key, row.id)
    const criterionIds: number[] = []
    for (const [i, c] of o.criteria.entries()) {
      const criterion = await db
        .insertInto('test_bed_criteria')
        .values({ offer_id: row.id, position: i + 1, ...c })
        .returning('id')
        .executeTakeFirstOrThrow()
      criterionIds.push(criterion.id)
    }
    criteriaIds.set(o.key, criterionIds)
    for (const theme of o.themes) {
      await db
        .insertInto('test_bed_offer_themes')
        .values({ offer_id: row.id, theme_code: theme })
        .execute()
    }
    await audit(db, {
      actorUserId: user(o.author),
      organisationId: org(o.host),
      action: 'test_bed_offer.create',
      entityType: 'test_bed_offer',
      entityId: row.id,
      after: { title: o.title },
    })
    if (published === null) continue
    await db
      .updateTable('test_bed_offers')
      .set({ status: 'published', published_at: published, updated_at: published })
      .where('id', '=', row.id)
      .execute()
    await audit(db, {
      actorUserId: user(o.author),
      organisationId: org(o.host),
      action: 'test_bed_offer.publish',
      entityType: 'test_bed_offer',
      entityId: row.id,
    })
    for (const edit of o.edits ?? []) {
      await db
        .updateTable('test_bed_offers')
        .set({ ...edit.changes, change_note: edit.note, updated_at: past(edit.daysAgo) })
        .where('id', '=', row.id)
        .execute()
    }
  }

  for (const a of applications) {
    const offerId = id(offerIds, a.offer)
    const companyId = org(a.company)
    const offer = offers.find((o) => o.key === a.offer)!
    const submittedAt = a.submittedDaysAgo === null ? null : past(a.submittedDaysAgo)
    const created = (submittedAt ?? past(1)) - 2 * DAY
    const content = {
      product_name: a.productName,
      product_description: a.productDescription,
      trl: a.trl,
      test_goals: a.testGoals,
      proposed_start: day(a.proposedStartInDays),
      proposed_end: day(a.proposedEndInDays),
      test_user_count: a.testUserCount,
      test_user_description: a.testUserDescription,
      data_needs: a.dataNeeds,
      contribution: a.contribution,
    }
    const row = await db
      .insertInto('pilot_applications')
      .values({
        offer_id: offerId,
        company_id: companyId,
        ...content,
        declares_requirements: submittedAt === null ? 0 : 1,
        declares_no_conflict: submittedAt === null ? 0 : 1,
        created_by: user(a.author),
        created_at: created,
        updated_at: created,
        submitted_at: null,
        submitted_by: null,
        receipt_hash: null,
        withdrawn_at: null,
        decided_at: null,
        decided_by: null,
        decision_reason: null,
        pilot_starts_on: null,
        pilot_ends_on: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (submittedAt === null) continue
    await db
      .updateTable('pilot_applications')
      .set({
        status: 'submitted',
        submitted_at: submittedAt,
        submitted_by: user(a.author),
        updated_at: submittedAt,
        receipt_hash: receiptHash({
          offer_id: offerId,
          company_id: companyId,
          submitted_at: submittedAt,
          ...content,
          declares_requirements: 1,
          declares_no_conflict: 1,
        }),
      })
      .where('id', '=', row.id)
      .execute()
    await audit(db, {
      actorUserId: user(a.author),
      organisationId: companyId,
      action: 'application.submitted',
      entityType: 'pilot_application',
      entityId: row.id,
    })
    if (a.withdrawnDaysAgo !== undefined) {
      const withdrawn = past(a.withdrawnDaysAgo)
      await db
        .updateTable('pilot_applications')
        .set({ status: 'withdrawn', withdrawn_at: withdrawn, updated_at: withdrawn })
        .where('id', '=', row.id)
        .execute()
      continue
    }
    const decision = a.decision
    if (!decision) continue
    const decidedAt = past(decision.daysAgo)
    const criterionIds = criteriaIds.get(a.offer) ?? []
    for (const [i, criterionId] of criterionIds.entries()) {
      const value = decision.scores[i]
      await db
        .insertInto('pilot_application_scores')
        .values({
          application_id: row.id,
          criterion_id: criterionId,
          score: typeof value === 'number' ? value : null,
          met: typeof value === 'boolean' ? (value ? 1 : 0) : null,
          comment: decision.comments[i] ?? '',
          scored_by: user(decision.by),
          scored_at: decidedAt,
        })
        .execute()
    }
    await db
      .updateTable('pilot_applications')
      .set({
        status: decision.accept ? 'accepted' : 'declined',
        decided_at: decidedAt,
        decided_by: user(decision.by),
        decision_reason: decision.reason,
        updated_at: decidedAt,
        pilot_starts_on: decision.accept ? day(decision.pilotStartInDays ?? 0) : null,
        pilot_ends_on: decision.accept ? day(decision.pilotEndInDays ?? 90) : null,
      })
      .where('id', '=', row.id)
      .execute()
    await audit(db, {
      actorUserId: user(decision.by),
      organisationId: org(offer.host),
      action: decision.accept ? 'application.accepted' : 'application.declined',
      entityType: 'pilot_application',
      entityId: row.id,
    })
    if (!decision.accept) continue
    const pilot = await db
      .selectFrom('pilots')
      .select('id')
      .where('application_id', '=', row.id)
      .executeTakeFirstOrThrow()
    for (const m of a.messages ?? []) {
      await db
        .insertInto('pilot_messages')
        .values({
          pilot_id: pilot.id,
          organisation_id: org(m.from),
          author_id: user(m.by),
          body: m.body,
          created_at: past(m.daysAgo),
        })
        .execute()
    }
    const report = a.report
    if (!report) continue
    await db
      .insertInto('pilot_reports')
      .values({
        pilot_id: pilot.id,
        what_tested: report.whatTested,
        with_whom: report.withWhom,
        results: report.results,
        recommendations: report.recommendations,
        author_id: user(report.by),
        submitted_at: past(report.daysAgo),
        response: null,
        responded_by: null,
        responded_at: null,
      })
      .execute()
    await audit(db, {
      actorUserId: user(report.by),
      organisationId: org(offer.host),
      action: 'pilot.report_filed',
      entityType: 'pilot',
      entityId: pilot.id,
    })
    if (!report.response) continue
    await db
      .updateTable('pilot_reports')
      .set({
        response: report.response.text,
        responded_by: user(report.response.by),
        responded_at: past(report.response.daysAgo),
      })
      .where('pilot_id', '=', pilot.id)
      .execute()
  }

  for (const o of offers) {
    if (o.closedDaysAgo === undefined) continue
    const closed = past(o.closedDaysAgo)
    await db
      .updateTable('test_bed_offers')
      .set({ status: 'closed', closed_at: closed, updated_at: closed })
      .where('id', '=', id(offerIds, o.key))
      .execute()
  }
}
