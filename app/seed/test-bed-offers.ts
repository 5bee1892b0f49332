import type { AccessModel, CriterionKind, Intake } from '#db/schema'

// The demo test-bed offers (issue 3) from Norrbotten, Luleå, Piteå, Skellefteå and Skåne. Days are
// counted from the day of seeding (negative = past).

interface DemoCriterion {
  title: string
  description: string
  kind: CriterionKind
}

/** An offer. What the host provides defaults to empty texts and no count of test users. */
export interface DemoOffer {
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
  testUsers?: string
  testUserCount?: number
  staffTime?: string
  dataAccess?: string
  premises?: string
  equipment?: string
  trl: [number, number]
  requires: { ce?: boolean; dpia?: boolean; insurance?: boolean }
  otherRequirements?: string
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

export const offers: DemoOffer[] = [
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
    equipment: 'Tjänstetelefoner med kommunens appar.',
    trl: [6, 9],
    requires: { dpia: true, insurance: true },
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
    dataAccess: 'Väderdata och plogloggar.',
    trl: [5, 8],
    requires: { insurance: true },
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
    trl: [4, 8],
    requires: { dpia: true },
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
