import { PROCEDURES } from '~/models/api-calls.server'
import { ACCESS_MODES, OFFER_STATUS_FILTERS, PRICING_MODELS } from '~/models/api-test-beds.server'
import { ORGANISATION_KINDS, SIZE_CLASSES } from '~/domain/vocabularies'
import { INITIATIVE_KINDS, INITIATIVE_STATUSES } from '~/utils/initiative-schema'
import {
  arr,
  bool,
  date,
  extend,
  instant,
  int,
  ndate,
  ninstant,
  nint,
  nstr,
  nullable,
  num,
  nuri,
  obj,
  oneOf,
  ref,
  type Schema,
  str,
  uri,
} from './json-schema'

// The resource schemas of the read API (decision record 041), referenced from openapi.ts.

const ids = { url: uri, apiUrl: uri }
const code = (description: string) => obj({ code: str, name: str }, { description })
const bilingual = obj({ sv: str, en: nstr }, { description: 'Swedish, and English when given.' })

const Money = obj(
  { amount: int, currency: { type: 'string', const: 'SEK' } },
  { description: 'An amount in whole Swedish kronor.' },
)
const OrganisationLink = obj({ name: str, slug: str, ...ids })
const Theme = obj({ code: str, nameSv: str, nameEn: str })
const Links = obj({
  self: uri,
  next: { ...nuri, description: 'The next page; null on the last page.' },
})
const Ocds = obj(
  { ocid: str, recordUrl: uri },
  { description: 'The Open Contracting identifier and the OCDS record of the call.' },
)

const TestBedSummary = obj(
  {
    id: int,
    ...ids,
    title: str,
    summary: str,
    status: oneOf(OFFER_STATUS_FILTERS),
    openNow: { ...bool, description: 'Takes applications now.' },
    provider: obj(
      { name: str, slug: str, organisationNumber: str, url: uri, apiUrl: uri },
      { description: 'The public body hosting the test bed (EOSC: resourceOrganisation).' },
    ),
    accessMode: oneOf(
      ACCESS_MODES,
      'Every access is by application: in one round with a deadline, or continuously (EOSC: accessModes).',
    ),
    trl: obj({ min: int, max: int }, { description: 'Technology readiness levels served (1–9).' }),
    pricingModel: oneOf(
      PRICING_MODELS,
      'free, subsidised (the company pays part, the rest is state aid) or paid at market value.',
    ),
    price: ref('Money'),
    marketValue: ref('Money'),
    themes: arr(ref('Theme')),
    location: obj({
      county: code('A county (län) by its SCB code.'),
      municipality: nullable(code('A municipality by its SCB code.')),
    }),
    publishedAt: ninstant,
  },
  { description: 'A test-bed offer as listed.' },
)

const TestBed = extend(TestBedSummary, {
  description: str,
  offers: obj({
    places: str,
    environments: str,
    testUsers: str,
    testUserCount: nint,
    staffTime: str,
    dataAccess: str,
    premises: str,
    equipment: str,
  }),
  requirements: obj({ ceMarking: bool, dpia: bool, insurance: bool, other: str }),
  criteria: arr(obj({ title: str, description: str, kind: oneOf(['score', 'pass_fail']) })),
  capacity: { ...int, description: 'Pilots the test bed can run at once.' },
  availability: obj({ from: ndate, until: ndate }),
  intakeRounds: arr(obj({ closesAt: instant, open: bool })),
  contactPoint: obj(
    { role: str, email: { type: 'string', format: 'email' } },
    { description: 'The functional contact shown on the public page (EOSC: publicContacts).' },
  ),
  closedAt: ninstant,
})

const CallSummary = obj({
  id: int,
  ...ids,
  title: str,
  summary: str,
  status: oneOf(
    ['open', 'closed', 'opened', 'evaluated', 'awarded', 'unsuccessful', 'cancelled', 'concluded'],
    'As the public page shows it: open until the tender deadline, then closed until an outcome.',
  ),
  procedure: oneOf(PROCEDURES),
  buyer: ref('OrganisationLink'),
  county: code('A county (län) by its SCB code.'),
  themes: arr(ref('Theme')),
  estimatedValue: nullable(ref('Money')),
  tenderDeadline: instant,
  publishedAt: ninstant,
  ocds: ref('Ocds'),
})
const titled = (extra: Record<string, Schema> = {}) =>
  arr(obj({ title: str, description: str, ...extra }))
const Call = extend(CallSummary, {
  municipality: nullable(code('A municipality by its SCB code.')),
  need: str,
  functionalRequirements: bool,
  novelToMarket: bool,
  includesRnd: bool,
  maxWinners: int,
  questionDeadline: instant,
  standstillDays: int,
  priorInvolvement: str,
  cpv: arr(obj({ code: str, label: nstr })),
  requirements: titled(),
  criteria: titled({ weight: nint }),
  documents: arr(obj({ title: str, fileName: str, contentType: str, size: int, url: uri })),
  amendments: { ...int, description: 'Published amendments.' },
  decidedAt: ninstant,
})

const ReferenceSummary = obj({
  id: int,
  ...ids,
  title: ref('Bilingual'),
  summary: ref('Bilingual'),
  publicBody: ref('OrganisationLink'),
  company: obj({
    name: str,
    slug: str,
    ...ids,
    sizeClass: { type: ['string', 'null'], enum: [...SIZE_CLASSES, null] },
  }),
  source: obj({ type: oneOf(['pilot', 'call']), apiUrl: uri }),
  startedOn: ndate,
  endedOn: ndate,
  publishedAt: ninstant,
  updatedAt: ninstant,
})
const Reference = extend(ReferenceSummary, {
  challenge: ref('Bilingual'),
  solution: ref('Bilingual'),
  deployment: ref('Bilingual'),
  participants: ref('Bilingual'),
  quote: nullable(obj({ sv: str, en: nstr, byRole: str })),
  place: str,
  results: arr(
    obj({ label: ref('Bilingual'), value: num, unit: str, baseline: { type: ['number', 'null'] } }),
  ),
  wouldUseAgain: bool,
})

const Organisation = obj({
  id: { ...str, description: 'The slug, also in the page address.' },
  ...ids,
  name: str,
  kind: oneOf(ORGANISATION_KINDS),
  publicBodyType: nstr,
  intermediaryType: nstr,
  sizeClass: nstr,
  organisationNumber: str,
  website: nstr,
  description: str,
  county: code('A county (län) by its SCB code.'),
  municipality: nullable(code('A municipality by its SCB code.')),
  registeredAt: ninstant,
})
const OrganisationDetail = extend(Organisation, {
  sectors: arr(obj({ code: str, nameSv: str, nameEn: str })),
})

const InitiativeSummary = obj({
  id: int,
  ...ids,
  kind: oneOf(INITIATIVE_KINDS),
  title: str,
  summary: str,
  status: oneOf(INITIATIVE_STATUSES),
  startsOn: ndate,
  endsOn: ndate,
  owners: arr(ref('OrganisationLink')),
  createdAt: ninstant,
  updatedAt: ninstant,
})
const Initiative = extend(InitiativeSummary, {
  description: str,
  budgetBand: str,
  contactPoint: obj({ role: str, email: { type: 'string', format: 'email' } }),
})

const AgendaSummary = obj({
  id: { ...str, description: "The region's slug." },
  ...ids,
  region: ref('OrganisationLink'),
  title: str,
  summary: str,
  startsOn: date,
  publishedAt: ninstant,
})
const Agenda = extend(AgendaSummary, {
  coOwners: arr(ref('OrganisationLink')),
  goals: arr(
    obj({
      title: str,
      description: str,
      indicators: arr(
        obj({
          label: str,
          source: oneOf(['live', 'manual']),
          metric: nstr,
          unit: oneOf(['count', 'percent']),
          target: obj({ value: num, date }),
          values: arr(obj({ period: str, value: { type: ['number', 'null'] } })),
        }),
      ),
      initiatives: arr(obj({ id: int, title: str, apiUrl: uri })),
    }),
  ),
})

const Problem = obj(
  {
    type: { ...uri, description: 'Names the problem; a section of this documentation.' },
    title: str,
    status: int,
    detail: str,
    instance: str,
    errors: arr(obj({ parameter: str, detail: str })),
  },
  { optional: ['errors'], description: 'RFC 9457 problem details.' },
)

const list = (item: string) => obj({ data: arr(ref(item)), links: ref('Links') })
const one = (item: string) => obj({ data: ref(item) })

export const schemas: Record<string, Schema> = {
  Money,
  Bilingual: bilingual,
  OrganisationLink,
  Theme,
  Links,
  Ocds,
  Problem,
  TestBedSummary,
  TestBed,
  TestBedList: list('TestBedSummary'),
  TestBedResponse: one('TestBed'),
  CallSummary,
  Call,
  CallList: list('CallSummary'),
  CallResponse: one('Call'),
  ReferenceSummary,
  Reference,
  ReferenceList: list('ReferenceSummary'),
  ReferenceResponse: one('Reference'),
  Organisation,
  OrganisationDetail,
  OrganisationList: list('Organisation'),
  OrganisationResponse: one('OrganisationDetail'),
  InitiativeSummary,
  Initiative,
  InitiativeList: list('InitiativeSummary'),
  InitiativeResponse: one('Initiative'),
  AgendaSummary,
  Agenda,
  AgendaList: list('AgendaSummary'),
  AgendaResponse: one('Agenda'),
}
