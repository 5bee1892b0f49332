import { beforeAll, describe, expect, test } from 'vitest'
import { createInitiative } from '~/models/initiatives.server'
import { matchSavedSearches, recentMatches } from '~/models/saved-search-matching.server'
import { getDb } from '~/utils/db.server'
import { createCall } from '../helpers/call-factories'
import { createUser } from '../helpers/factories'
import { INPUT } from '../helpers/initiative-factories'
import { saveSearch } from '../helpers/saved-search-factories'
import { createHost, createOffer } from '../helpers/test-bed-factories'

// The matcher (issue 16 part 2, decision record 037): each criterion, a CPV code covering its
// subtree, Swedish case and diacritics folding, only public items, and each match recorded once.

const db = getDb()
type Host = Awaited<ReturnType<typeof createHost>>
let host: Host
let userId: number

beforeAll(async () => {
  host = await createHost(db)
  userId = (await createUser(db)).id
})

/** A published call (or a draft) of the host, as its row. */
async function newCall(options: Parameters<typeof createCall>[2] = {}) {
  return (await createCall(db, host, options)).call
}

/** The ids of the searches the item matched now. */
async function matched(kind: 'call' | 'test_bed' | 'initiative', id: number) {
  return (await matchSavedSearches(db, { kind, id })).map((m) => m.savedSearchId)
}

async function initiative(input: Partial<typeof INPUT> = {}) {
  return createInitiative(db, {
    organisation: { id: host.org.id, kind: 'public_body', verification_status: 'verified' },
    userId: host.user.id,
    input: { ...INPUT, ...input },
  })
}

describe('criteria', () => {
  test('kinds: a search watches only the kinds it names', async () => {
    const calls = await saveSearch(db, userId, { kinds: ['call'] })
    const beds = await saveSearch(db, userId, { kinds: ['test_bed'] })
    const call = await newCall()
    const offer = await createOffer(db, host)
    const onCall = await matched('call', call.id)
    expect(onCall).toContain(calls)
    expect(onCall).not.toContain(beds)
    const onOffer = await matched('test_bed', offer.id)
    expect(onOffer).toContain(beds)
    expect(onOffer).not.toContain(calls)
  })

  test('themes: any one of the saved themes', async () => {
    const ageing = await saveSearch(db, userId, { themes: ['active_healthy_ageing', 'energy'] })
    const industry = await saveSearch(db, userId, { themes: ['smart_industry'] })
    const call = await newCall({ themes: ['energy', 'welfare_technology'] })
    const found = await matched('call', call.id)
    expect(found).toContain(ageing)
    expect(found).not.toContain(industry)
  })

  test('CPV: a saved code covers its whole subtree, not its parents; test beds ignore it', async () => {
    const division = await saveSearch(db, userId, { cpv_codes: ['33000000'] })
    const group = await saveSearch(db, userId, { cpv_codes: ['33100000'] })
    const narrower = await saveSearch(db, userId, { cpv_codes: ['33141100'] })
    const other = await saveSearch(db, userId, { cpv_codes: ['34000000', '72000000'] })
    const call = await newCall({ cpv: ['33141000'] })
    const found = await matched('call', call.id)
    expect(found).toEqual(expect.arrayContaining([division, group]))
    expect(found).not.toContain(narrower)
    expect(found).not.toContain(other)
    const ict = await newCall({ cpv: ['72212000'] })
    expect(await matched('call', ict.id)).toContain(other)
    const offer = await createOffer(db, host)
    expect(await matched('test_bed', offer.id)).toEqual(
      expect.arrayContaining([division, group, narrower, other]),
    )
    const programme = await initiative({ cpv_codes: ['33141100'] })
    const onInitiative = await matched('initiative', programme.id)
    expect(onInitiative).toEqual(expect.arrayContaining([division, group, narrower]))
    expect(onInitiative).not.toContain(other)
  })

  test('place: the county, the municipality, and what covers the whole county', async () => {
    const norrbotten = await saveSearch(db, userId, { county_code: '25' })
    const lulea = await saveSearch(db, userId, { county_code: '25', municipality_code: '2580' })
    const pitea = await saveSearch(db, userId, { county_code: '25', municipality_code: '2581' })
    const stockholm = await saveSearch(db, userId, { county_code: '01' })
    // The call factory's call is for the whole county of Norrbotten.
    const countyWide = await matched('call', (await newCall()).id)
    expect(countyWide).toEqual(expect.arrayContaining([norrbotten, lulea, pitea]))
    expect(countyWide).not.toContain(stockholm)
    // The offer factory's offer is in Luleå.
    const inLulea = await matched('test_bed', (await createOffer(db, host)).id)
    expect(inLulea).toEqual(expect.arrayContaining([norrbotten, lulea]))
    expect(inLulea).not.toContain(pitea)
    // An initiative in Luleå (INPUT), and one with no county: national, it matches every place.
    const local = await matched('initiative', (await initiative()).id)
    expect(local).toEqual(expect.arrayContaining([norrbotten, lulea]))
    expect(local).not.toContain(stockholm)
    const national = await matched(
      'initiative',
      (await initiative({ counties: [], municipalities: [] })).id,
    )
    expect(national).toEqual(expect.arrayContaining([norrbotten, lulea, pitea, stockholm]))
  })

  test('procedure applies to calls only', async () => {
    const pcp = await saveSearch(db, userId, { kinds: ['call', 'test_bed'], procedure: 'pcp' })
    expect(await matched('call', (await newCall({ procedure: 'open' })).id)).not.toContain(pcp)
    expect(await matched('call', (await newCall({ procedure: 'pcp' })).id)).toContain(pcp)
    expect(await matched('test_bed', (await createOffer(db, host)).id)).toContain(pcp)
  })

  test('TRL applies to test beds only: overlapping ranges match', async () => {
    const low = await saveSearch(db, userId, { trl_min: 1, trl_max: 3 })
    const edge = await saveSearch(db, userId, { trl_min: 3, trl_max: 4 })
    const top = await saveSearch(db, userId, { trl_min: 9, trl_max: 9 })
    const offer = await createOffer(db, host, { trl: [4, 8] })
    const found = await matched('test_bed', offer.id)
    expect(found).toContain(edge)
    expect(found).not.toContain(low)
    expect(found).not.toContain(top)
    expect(await matched('call', (await newCall()).id)).toEqual(
      expect.arrayContaining([low, edge, top]),
    )
  })

  test('words: every word, in title, summary or description, case and diacritics folded', async () => {
    const lulea = await saveSearch(db, userId, { query: 'lulea' })
    const both = await saveSearch(db, userId, { query: 'LULEÅ natt' })
    const missing = await saveSearch(db, userId, { query: 'luleå drönare' })
    const operators = await saveSearch(db, userId, { query: '"trygg*" (NATT)' })
    const inDescription = await saveSearch(db, userId, { query: 'väcka brukaren' })
    const call = await newCall({ title: 'Trygg nattillsyn i Luleå' })
    const found = await matched('call', call.id)
    expect(found).toEqual(expect.arrayContaining([lulea, both, operators, inDescription]))
    expect(found).not.toContain(missing)
    const offer = await createOffer(db, host, { description: 'Vi testar drönare vid Luleå hamn.' })
    expect(await matched('test_bed', offer.id)).toEqual(expect.arrayContaining([lulea, missing]))
  })
})

describe('recording', () => {
  test('only public items match: a draft call or offer matches nothing', async () => {
    await saveSearch(db, userId)
    const draft = await newCall({ status: 'draft' })
    const draftOffer = await createOffer(db, host, { status: 'draft' })
    expect(await matchSavedSearches(db, { kind: 'call', id: draft.id })).toEqual([])
    expect(await matchSavedSearches(db, { kind: 'test_bed', id: draftOffer.id })).toEqual([])
    expect(await matchSavedSearches(db, { kind: 'initiative', id: 999_999 })).toEqual([])
  })

  test('each match is recorded once: a second run returns nothing new', async () => {
    const other = await createUser(db)
    const search = await saveSearch(db, other.id, { query: 'idempotens' })
    const call = await newCall({ title: 'Idempotens i hemtjänsten' })
    const first = await matchSavedSearches(db, { kind: 'call', id: call.id })
    expect(first).toContainEqual({ savedSearchId: search, userId: other.id })
    expect(await matchSavedSearches(db, { kind: 'call', id: call.id })).toEqual([])
    const rows = await db
      .selectFrom('saved_search_matches')
      .select('id')
      .where('item_kind', '=', 'call')
      .where('item_id', '=', call.id)
      .where('saved_search_id', '=', search)
      .execute()
    expect(rows).toHaveLength(1)
  })

  test('recentMatches: the search’s matches, newest first, with title, summary and path', async () => {
    const search = await saveSearch(db, userId, { query: 'flödet' })
    const call = await newCall({ title: 'Flödet i hemtjänsten' })
    const offer = await createOffer(db, host, { title: 'Flödet i vården' })
    await matched('call', call.id)
    await matched('test_bed', offer.id)
    const recent = await recentMatches(db, search, 10)
    expect(recent.map((r) => r.path)).toEqual([`/test-beds/${offer.id}`, `/calls/${call.id}`])
    expect(recent[1]).toMatchObject({ kind: 'call', id: call.id, title: 'Flödet i hemtjänsten' })
    expect(recent[1]?.summary.length).toBeGreaterThan(0)
    expect(recent[1]?.publishedAt).toBeGreaterThan(0)
    expect(await recentMatches(db, search, 1)).toHaveLength(1)
  })
})
