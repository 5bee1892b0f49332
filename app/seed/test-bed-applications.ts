// The demo applications to the test-bed offers, in every state: drafts, submitted, withdrawn,
// declined and accepted, one running pilot with messages and one completed with a report.

export interface DemoApplication {
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

export const applications: DemoApplication[] = [
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
