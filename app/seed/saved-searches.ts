import { matchSavedSearches } from '~/models/saved-search-matching.server'
import { createSavedSearch, type SavedSearchInput } from '~/models/saved-searches.server'
import { setClockOffset } from '~/utils/clock.server'
import { type SeedIds, type Tx, calendar, keys, travel } from './shared'

// Saved searches as alerts (issue 16 part 2, decision record 037). Companies outside the clusters
// watch for what concerns them: Nattugglan in Luleå for healthy-ageing calls and test beds with
// medical equipment (CPV 33000000 and everything below it) in Norrbotten, Polarsensor for anything
// with sensors in Norrbotten, Tornedalens Mätteknik for test beds at TRL 5–7 on climate and energy,
// and Kiruna Drönarteknik for the word "drönare" anywhere in Sweden — nothing yet. Then the
// matcher runs over every public item of the demo, as the fan-out job does for each new one, and
// records the matches.

const ALL = ['test_bed', 'call', 'initiative'] as const

const base: Omit<SavedSearchInput, 'name' | 'kinds'> = {
  themes: [],
  cpv_codes: [],
  county_code: null,
  municipality_code: null,
  procedure: null,
  trl_min: null,
  trl_max: null,
  query: '',
}

const searches: Array<{ user: string; day: number; input: SavedSearchInput }> = [
  {
    user: 'sara',
    day: -30,
    input: {
      ...base,
      name: 'Hälsosamt åldrande i Norrbotten',
      kinds: [...ALL],
      themes: ['active_healthy_ageing'],
      cpv_codes: ['33000000'],
      county_code: '25',
    },
  },
  {
    user: 'sara',
    day: -12,
    input: {
      ...base,
      name: 'Innovationspartnerskap i Luleå',
      kinds: ['call'],
      county_code: '25',
      municipality_code: '2580',
      procedure: 'innovation_partnership',
    },
  },
  {
    user: 'johan',
    day: -20,
    input: {
      ...base,
      name: 'Sensors in Norrbotten',
      kinds: [...ALL],
      county_code: '25',
      query: 'sensor',
    },
  },
  {
    user: 'aino',
    day: -9,
    input: {
      ...base,
      name: 'Testbäddar för mätteknik, TRL 5–7',
      kinds: ['test_bed'],
      themes: ['climate_environment', 'energy', 'construction'],
      trl_min: 5,
      trl_max: 7,
    },
  },
  {
    user: 'nils',
    day: -5,
    input: { ...base, name: 'Drönare', kinds: [...ALL], query: 'drönare' },
  },
]

export async function seedSavedSearches(tx: Tx, ids: SeedIds): Promise<void> {
  const { user } = keys(ids)
  const { at } = calendar(ids.at)
  for (const s of searches) {
    travel(at(s.day, '20:15'))
    await createSavedSearch(tx, { userId: user(s.user), input: s.input })
  }
  // Yesterday morning the fan-out ran over everything public.
  travel(at(-1, '06:00'))
  const [offers, calls, initiatives] = await Promise.all([
    tx
      .selectFrom('test_bed_offers')
      .select('id')
      .where('status', '=', 'published')
      .orderBy('id')
      .execute(),
    tx.selectFrom('calls').select('id').where('status', '<>', 'draft').orderBy('id').execute(),
    tx.selectFrom('initiatives').select('id').orderBy('id').execute(),
  ])
  for (const o of offers) await matchSavedSearches(tx, { kind: 'test_bed', id: o.id })
  for (const c of calls) await matchSavedSearches(tx, { kind: 'call', id: c.id })
  for (const i of initiatives) await matchSavedSearches(tx, { kind: 'initiative', id: i.id })
  setClockOffset(0)
}
