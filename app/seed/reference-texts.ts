import type { ReferenceInput } from '~/utils/reference-schema'

// The texts of the demo reference cases, as the app's form would write them.

/** A demo case's text, as the app's form would write it (dates come from the source). */
export type CaseText = Omit<ReferenceInput, 'started_on' | 'ended_on'>

export const keylessHomeCare: CaseText = {
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

export const medicationSupport: CaseText = {
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

export const heatedWalkways: CaseText = {
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

export const roadSensors: CaseText = {
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
