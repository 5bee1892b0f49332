import { type Random, zipf } from './random'

// Swedish text for `npm run seed:scale` (decision record 046). Words are drawn by rank with a
// Zipf–Mandelbrot law, so a few domain words ("digital", "vård", "omsorg") are in a large share
// of the rows and the long tail of compounds is in a handful each — what full-text search meets
// in a real catalogue. The sentences around the words are fixed Swedish templates.

/** The domain words, most frequent first. */
export const DOMAIN_WORDS = [
  'digital',
  'vård',
  'omsorg',
  'hemtjänst',
  'äldreomsorg',
  'e-hälsa',
  'energi',
  'mobilitet',
  'sensorer',
  'välfärdsteknik',
  'trygghet',
  'fallprevention',
  'AI',
  'tillsyn',
  'uppföljning',
  'egenvård',
  'rehabilitering',
  'läkemedel',
  'distansmonitorering',
  'hemsjukvård',
  'primärvård',
  'vårdcentral',
  'kommunikation',
  'integration',
  'journalsystem',
  'automatisering',
  'robotik',
  'logistik',
  'laddinfrastruktur',
  'solceller',
  'energilager',
  'värmepumpar',
  'fastighetsdrift',
  'inomhusmiljö',
  'ventilation',
  'belysning',
  'skola',
  'lärplattform',
  'bibliotek',
  'kollektivtrafik',
  'samåkning',
  'drönare',
  'vinterväghållning',
  'snöröjning',
  'vatten',
  'avlopp',
  'avfall',
  'återvinning',
  'biogas',
  'vätgas',
  'elektrifiering',
  'klimat',
  'utsläpp',
  'mätning',
  'geodata',
  'nyckelfri',
  'nattillsyn',
  'kognitivt stöd',
  'demens',
  'påminnelser',
  'videosamtal',
  'ensamhet',
  'fysisk aktivitet',
  'nutrition',
  'måltider',
  'tandvård',
  'psykiatri',
  'barnhälsovård',
  'ambulans',
  'triage',
  'krisberedskap',
  'informationssäkerhet',
  'cybersäkerhet',
  'e-tjänster',
  'självservice',
  'chattbot',
  'språkteknologi',
  'tolkning',
  'tillgänglighet',
  'användbarhet',
  'brukare',
  'anhöriga',
  'personal',
  'kompetens',
  'schemaläggning',
  'bemanning',
  'resursplanering',
  'beslutsstöd',
  'prediktion',
  'maskininlärning',
  'öppna data',
  'molntjänster',
  'nätverk',
  'sakernas internet',
  'gruvdrift',
  'mineral',
  'skogsbruk',
  'livsmedel',
  'odling',
  'rymdteknik',
  'arktisk teknik',
  'turism',
  'kultur',
  'idrott',
  'bostäder',
  'byggnation',
  'trähus',
  'broar',
  'vägar',
  'järnväg',
  'hamnar',
  'sjöfart',
  'godstransporter',
  'cykel',
  'parkering',
  'gatubelysning',
  'grönytor',
  'dagvatten',
  'översvämning',
  'räddningstjänst',
] as const

const PREFIXES = [
  'sensor',
  'larm',
  'vård',
  'omsorgs',
  'energi',
  'data',
  'mobil',
  'trygghets',
  'läkemedels',
  'hälso',
  'skol',
  'trafik',
  'fastighets',
  'klimat',
  'vatten',
  'patient',
  'brukar',
  'tillsyns',
  'säkerhets',
  'kvalitets',
  'kunskaps',
  'innovations',
  'test',
  'pilot',
  'nätverks',
  'besöks',
  'lager',
  'rese',
  'mät',
  'kart',
  'drift',
  'signal',
  'ljus',
  'värme',
  'kyl',
  'ladd',
  'rörelse',
  'sömn',
  'kost',
  'minnes',
]
const HEADS = [
  'plattform',
  'tjänst',
  'lösning',
  'system',
  'stöd',
  'modell',
  'portal',
  'nav',
  'miljö',
  'kedja',
  'analys',
  'karta',
  'flöde',
  'labb',
  'verktyg',
  'process',
  'register',
  'app',
  'panel',
  'robot',
  'nod',
  'mätare',
  'display',
  'brygga',
  'motor',
  'logg',
  'kamera',
  'väska',
  'station',
  'arkiv',
]
const MIDDLES = ['data', 'larm', 'signal', 'energi', 'drift', 'kvalitets', 'säkerhets', 'vård']

/**
 * The whole ranked vocabulary: domain words, then two-part compounds (in a fixed shuffled order),
 * then three-part compounds, the rarest. Deterministic: built from the lists alone.
 */
function buildVocabulary(): string[] {
  const words: string[] = [...DOMAIN_WORDS]
  const seen = new Set<string>(words)
  const add = (word: string) => {
    if (!seen.has(word)) {
      seen.add(word)
      words.push(word)
    }
  }
  // A fixed interleaving (co-prime strides) so neighbouring ranks are unrelated compounds.
  const pairs = PREFIXES.length * HEADS.length
  for (let k = 0; k < pairs; k++) {
    const index = (k * 37) % pairs
    add(PREFIXES[index % PREFIXES.length]! + HEADS[Math.floor(index / PREFIXES.length)]!)
  }
  for (const middle of MIDDLES) {
    for (let k = 0; k < pairs; k++) {
      const index = (k * 53) % pairs
      const prefix = PREFIXES[index % PREFIXES.length]!
      if (prefix.startsWith(middle)) continue
      add(prefix + middle + HEADS[Math.floor(index / PREFIXES.length)]!)
    }
  }
  return words
}

export const VOCABULARY: readonly string[] = buildVocabulary()
/** The vocabulary's rarest word: in a handful of rows at the default sizes, often in none. */
export const RAREST_WORD = VOCABULARY[VOCABULARY.length - 1]!

// s = 1.3 with an offset of 10 ranks: the first word in ~3% of draws, the last in ~3 per million.
const drawRank = zipf(VOCABULARY.length, 1.3, 10)

/** One word, by its Zipf rank. */
export function word(random: Random): string {
  return VOCABULARY[drawRank(random)]!
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

type Template = (w: () => string, place: string, random: Random) => string

const TITLES: Template[] = [
  (w, place) => `${capitalise(w())} och ${w()} i ${place}`,
  (w) => `${capitalise(w())} för ${w()}`,
  (w) => `Innovationsupphandling av ${w()} inom ${w()}`,
  (w, place) => `${capitalise(w())} med ${w()} – ${place}`,
  (w) => `Nya lösningar för ${w()} och ${w()}`,
  (w, place) => `Smartare ${w()} i ${place}`,
]

const SENTENCES: Template[] = [
  (w) => `Behovet gäller ${w()} inom ${w()}.`,
  (w) => `Lösningen ska fungera tillsammans med befintlig ${w()} och stödja ${w()}.`,
  (w) => `Vi vill se hur ${w()} kan minska behovet av ${w()} och frigöra tid för ${w()}.`,
  (w, _place, random) => `Resultatet följs upp med ${w()} under ${random.int(3, 24)} månader.`,
  (w, place) => `Målet är bättre ${w()} för invånarna i ${place}.`,
  (w) => `Brukare, anhöriga och personal deltar i arbetet med ${w()}.`,
  (w) => `Erfarenheter från ${w()} och ${w()} ska tas till vara.`,
]

/** A title (3–200 characters). */
export function title(random: Random, place: string): string {
  return random.pick(TITLES)(() => word(random), place, random)
}

/** A one-paragraph summary (10–600 characters). */
export function summary(random: Random, who: string): string {
  const w = () => word(random)
  return `${who} söker ${w()} som stärker ${w()} och ${w()}. Fokus ligger på ${w()}.`
}

/** A longer text of `sentences` sentences. */
export function paragraph(random: Random, place: string, sentences: number): string {
  const parts: string[] = []
  for (let i = 0; i < sentences; i++) {
    parts.push(random.pick(SENTENCES)(() => word(random), place, random))
  }
  return parts.join(' ')
}

const NAME_FIRST = [
  'Norr',
  'Polar',
  'Fjäll',
  'Älv',
  'Skog',
  'Berg',
  'Sjö',
  'Ljus',
  'Björk',
  'Tall',
  'Gran',
  'Lärk',
  'Ren',
  'Kust',
  'Hav',
  'Sol',
  'Vind',
  'Is',
  'Myr',
  'Ek',
  'Lind',
  'Rönn',
  'Sälg',
  'Ström',
  'Dal',
  'Ås',
  'Vik',
  'Näs',
  'Holm',
  'Udd',
  'Stjärn',
  'Norrsken',
  'Midnatt',
  'Gryning',
  'Kväll',
]
const NAME_SECOND = [
  'sensor',
  'data',
  'vård',
  'omsorg',
  'teknik',
  'system',
  'labs',
  'energi',
  'mobil',
  'kraft',
  'robotik',
  'hälsa',
  'logik',
  'nät',
  'bygg',
  'drift',
  'analys',
  'innovation',
  'medicin',
  'trygg',
]
const NAME_FORMS = ['AB', 'AB', 'AB', 'Teknik AB', 'Solutions AB', 'Digital AB', 'Innovation AB']

/** A company name such as "Fjällsensor Digital AB" or "Björkvård i Umeå AB". */
export function companyName(random: Random, place: string): string {
  const stem = random.pick(NAME_FIRST) + random.pick(NAME_SECOND)
  return random.chance(0.15) ? `${stem} i ${place} AB` : `${stem} ${random.pick(NAME_FORMS)}`
}
