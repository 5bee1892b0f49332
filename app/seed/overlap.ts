import { createCallAfterCheck, findSimilarCalls } from '~/models/call-overlap.server'
import type { CallDraftInput } from '~/models/call-drafts.server'
import {
  createInitiativeAfterCheck,
  findSimilarInitiatives,
} from '~/models/initiative-overlap.server'
import type { InitiativeInput } from '~/models/initiatives.server'
import type { NewOfferInput } from '~/models/test-bed-offers.server'
import { createOfferAfterCheck, findSimilarOffers } from '~/models/test-bed-offer-overlap.server'
import { now } from '~/utils/clock.server'
import { DAY, type SeedIds, type Tx, keys, organisation } from './shared'

// Overlap detection before saving (issue 15, part 4; decision record 030): two municipalities plan
// the same kind of procurement. When Skellefteå kommun records its planned call for digital night
// supervision in home care, the check shows Luleå kommun's planned procurement of digital
// supervision in ordinary housing 2027; Ulrika Marklund links Skellefteå's as related to it (both
// pages show the link). Then Region Skåne records a planned call on remote home-care monitoring,
// is shown the two Norrland ones and continues anyway with a reason (Skåne sees the record).
// Calls too: when Ulrika drafts Skellefteå's call for fall-prevention sensors in nursing homes,
// the check shows Region Norrbotten's published call on the same; she links the draft to it as
// related (her draft shows the link; Norrbotten's call shows it once Skellefteå publishes).
// Test beds too: when she drafts Skellefteå's test-bed offer for digital tools in home care, the
// check shows Luleå kommun's published "Smart hemtjänst i Luleå"; she links the draft to it.

const skellefteaCall: InitiativeInput = {
  kind: 'planned_call',
  title: 'Innovationsupphandling: digital nattillsyn i hemtjänsten 2027',
  summary:
    'Skellefteå kommun planerar att upphandla digital tillsyn nattetid för hemtjänstens brukare i ordinärt boende, med kamera eller sensorer i stället för störande nattbesök.',
  description: '',
  starts_on: '2027-04-01',
  ends_on: '2027-12-31',
  budget_band: '5m_20m',
  contact_role: 'Upphandlingsstrateg, socialkontoret',
  contact_email: 'upphandling@skelleftea.test',
  themes: ['welfare_technology'],
  cpv_codes: [],
  size_classes: ['small', 'medium'],
  sectors: [],
  counties: ['24'],
  municipalities: ['2482'],
}

const skaneCall: InitiativeInput = {
  kind: 'planned_call',
  title: 'Förkommersiell upphandling: digital tillsyn och trygghet i hemmet för äldre i Skåne',
  summary:
    'Region Skåne planerar en förkommersiell upphandling av digital tillsyn i ordinärt boende, där hemsjukvård och kommunal hemtjänst delar samma larm- och sensorplattform.',
  description: '',
  starts_on: '2027-09-01',
  ends_on: '2029-06-30',
  budget_band: '20m_100m',
  contact_role: 'Innovationsstrateg, Region Skåne',
  contact_email: 'innovation@skane.test',
  themes: ['welfare_technology'],
  cpv_codes: [],
  size_classes: ['micro', 'small', 'medium'],
  sectors: [],
  counties: ['12'],
  municipalities: [],
}

export async function seedOverlapChecks(db: Tx, ids: SeedIds): Promise<void> {
  const { user, org } = keys(ids)
  const skelleftea = await organisation(db, org('skelleftea'))
  const skane = await organisation(db, org('skane'))

  const forSkelleftea = await findSimilarInitiatives(db, skelleftea.id, skellefteaCall)
  const lulea = forSkelleftea.find((c) => c.title.includes('digital tillsyn i ordinärt boende'))
  if (!lulea) throw new Error('Demo seed: the overlap check did not find Luleå’s planned call')
  await createInitiativeAfterCheck(db, {
    organisation: skelleftea,
    userId: user('ulrika'),
    input: skellefteaCall,
    status: 'planned',
    candidates: forSkelleftea.map((c) => c.id),
    decision: { choice: 'related', chosenId: lulea.id },
  })

  const forSkane = await findSimilarInitiatives(db, skane.id, skaneCall)
  if (forSkane.length === 0) throw new Error('Demo seed: the overlap check found nothing for Skåne')
  await createInitiativeAfterCheck(db, {
    organisation: skane,
    userId: user('eva'),
    input: skaneCall,
    status: 'planned',
    candidates: forSkane.map((c) => c.id),
    decision: {
      choice: 'continue',
      reason:
        'Norrlandskommunernas upphandlingar gäller ett annat län och en annan målgrupp; vi delar gärna erfarenheter men upphandlar för Skånes hemsjukvård.',
    },
  })
  await seedCallOverlapCheck(db, ids)
  await seedOfferOverlapCheck(db, ids)
}

function skellefteaFallCall(): CallDraftInput {
  const at = now()
  return {
    procedure: 'open',
    title: 'Sensorer för fallprevention i Skellefteås särskilda boenden',
    summary:
      'Skellefteå kommun vill köpa sensorer som upptäcker ökad fallrisk nattetid och larmar personalen i särskilt boende, utan kameror i boenderummen.',
    need: 'Fallen i kommunens särskilda boenden ökar. Vi söker en lösning som upptäcker oro och förändrat rörelsemönster nattetid och larmar personalen innan någon faller.',
    functional_requirements: true,
    novel_to_market: true,
    includes_rnd: false,
    estimated_value_sek: 1_800_000,
    max_winners: 1,
    county_code: '24',
    municipality_code: '2482',
    themes: ['welfare_technology', 'active_healthy_ageing'],
    cpv_codes: ['33195000'],
    question_deadline: at + 40 * DAY,
    tender_deadline: at + 60 * DAY,
    standstill_days: 10,
    requirements: [
      {
        title: 'Inga kameror i boenderummen',
        description: 'Lösningen använder inte kamerabild där någon bor.',
        weight: null,
      },
    ],
    criteria: [
      { title: 'Träffsäkerhet i larmen', description: 'Andel larm som var befogade.', weight: 60 },
      { title: 'Pris', description: 'Totalkostnad över fyra år.', weight: 40 },
    ],
    pilot_links: [],
    dialogue_links: [],
    prior_involvement: '',
    involved: [],
  }
}

/** Skellefteå's draft call, linked as related to Region Norrbotten's published one. */
async function seedCallOverlapCheck(db: Tx, ids: SeedIds): Promise<void> {
  const { user, org } = keys(ids)
  const skelleftea = await organisation(db, org('skelleftea'))
  const input = skellefteaFallCall()
  const found = await findSimilarCalls(db, skelleftea.id, input)
  const norrbotten = found.find((c) => c.title.startsWith('Fallprevention med sensorer'))
  if (!norrbotten) throw new Error('Demo seed: the call check did not find Norrbotten’s call')
  await createCallAfterCheck(db, {
    organisationId: skelleftea.id,
    userId: user('ulrika'),
    input,
    candidates: found.map((c) => c.id),
    decision: { choice: 'related', chosenId: norrbotten.id },
  })
}

function skellefteaHomeCareOffer(): NewOfferInput {
  const at = now()
  return {
    title: 'Smart hemtjänst i Skellefteå',
    summary:
      'Pröva digitala lösningar i hemtjänstens vardag i Skellefteå: tillsyn på distans, nyckelfri hantering och planering i två hemtjänstgrupper.',
    description:
      'Skellefteå kommuns hemtjänst når brukare i både tätort och glesbygd. Vi vill testa lösningar som minskar körsträckor och gör besöken tryggare, tillsammans med personal och brukare.',
    themes: ['welfare_technology', 'active_healthy_ageing'],
    county_code: '24',
    municipality_code: '2482',
    places: 'Hemtjänstgrupperna i Morö Backe och Byske',
    environments: 'Två hemtjänstgrupper med brukare i ordinärt boende, i tätort och glesbygd.',
    test_users: 'Brukare med hemtjänst och personal i hemtjänsten.',
    test_user_count: 20,
    staff_time: 'En samordnare 10 % under testperioden.',
    data_access: '',
    premises: '',
    equipment: '',
    trl_min: 6,
    trl_max: 9,
    requires_ce_marking: false,
    requires_dpia: true,
    requires_insurance: true,
    other_requirements: '',
    capacity: 2,
    available_from: at + 30 * DAY,
    available_until: at + 300 * DAY,
    contact_role: 'Verksamhetsutvecklare, socialkontoret',
    contact_email: 'hemtjanst.test@skelleftea.test',
    intake: 'rolling',
    deadline: null,
    access_model: 'free',
    market_value_sek: 60_000,
    price_sek: 0,
    criteria: [
      {
        title: 'Nytta för brukare och personal',
        description: 'Förväntad effekt på trygghet, restid eller arbetsmiljö.',
        kind: 'score',
      },
    ],
  }
}

/** Skellefteå's draft test-bed offer, linked as related to Luleå's published one. */
async function seedOfferOverlapCheck(db: Tx, ids: SeedIds): Promise<void> {
  const { user, org } = keys(ids)
  const skelleftea = await organisation(db, org('skelleftea'))
  const input = skellefteaHomeCareOffer()
  const found = await findSimilarOffers(db, skelleftea.id, input)
  const lulea = found.find((c) => c.title === 'Smart hemtjänst i Luleå')
  if (!lulea) throw new Error('Demo seed: the offer check did not find Luleå’s test bed')
  await createOfferAfterCheck(db, {
    organisationId: skelleftea.id,
    userId: user('ulrika'),
    input,
    candidates: found.map((c) => c.id),
    decision: { choice: 'related', chosenId: lulea.id },
  })
}
