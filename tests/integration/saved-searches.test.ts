import { describe, expect, test } from 'vitest'
import { action as listAction, loader as listLoader } from '~/routes/account_.searches._index/route'
import { action as newAction, loader as newLoader } from '~/routes/account_.searches.new/route'
import {
  action as editAction,
  loader as editLoader,
} from '~/routes/account_.searches.$searchId/route'
import { saveAsAlertHref } from '~/components/save-as-alert'
import { getSavedSearch, SAVED_SEARCH_LIMIT } from '~/models/saved-searches.server'
import { getDb } from '~/utils/db.server'
import { createUser, sessionCookieFor } from '../helpers/factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import { saveSearch } from '../helpers/saved-search-factories'

// The saved-search pages (issue 16 part 2): list, new, edit, delete at /account/searches; field
// messages for bad input with the values kept; another person's search is not found; the limit.

const db = getDb()

async function person() {
  const user = await createUser(db)
  return { id: user.id, cookie: await sessionCookieFor(db, user.id) }
}

const FIELDS = {
  name: 'Välfärdsteknik i Norrbotten',
  kinds: ['call', 'test_bed'],
  themes: ['active_healthy_ageing'],
  cpv_codes: '33000000-2',
  county_code: '25',
  municipality_code: '2580',
  procedure: '',
  trl_min: '4',
  trl_max: '7',
  query: 'trygghet natt',
}
type Fields = Record<string, string | string[]>

function create(cookie: string, fields: Fields = FIELDS) {
  return run(() => newAction(actionArgs(formRequest('/account/searches/new', fields, { cookie }))))
}
function edit(cookie: string, id: number, fields: Fields) {
  return run(() =>
    editAction(
      actionArgs(formRequest(`/account/searches/${id}`, fields, { cookie }), {
        searchId: String(id),
      }),
    ),
  )
}
function list(cookie: string) {
  return run(() => listLoader(loaderArgs(getRequest('/account/searches', { cookie }))))
}

describe('a signed-in person', () => {
  test('is asked to log in first', async () => {
    const answer = await list('')
    expect(statusOf(answer)).toBe(302)
    expect(headerOf(answer, 'Location')).toMatch(/^\/login\?redirectTo=%2Faccount%2Fsearches/)
  })

  test('creates a search, sees it in the list, edits it and deletes it', async () => {
    const me = await person()
    const created = await create(me.cookie)
    expect(statusOf(created)).toBe(302)
    expect(headerOf(created, 'Location')).toBe('/account/searches?notice=created')
    const [search] = dataOf(await list(me.cookie)).searches
    expect(search).toMatchObject({
      name: 'Välfärdsteknik i Norrbotten',
      kinds: ['test_bed', 'call'],
      themes: ['active_healthy_ageing'],
      cpv_codes: ['33000000'],
      county_code: '25',
      municipality_code: '2580',
      procedure: null,
      trl_min: 4,
      trl_max: 7,
      query: 'trygghet natt',
      match_count: 0,
    })
    const form = dataOf(
      await run(() =>
        editLoader(
          loaderArgs(getRequest(`/account/searches/${search.id}`, { cookie: me.cookie }), {
            searchId: String(search.id),
          }),
        ),
      ),
    )
    expect(form.defaults).toMatchObject({ cpv_codes: '33000000', trl_min: '4', county_code: '25' })
    expect(form.cpvLabels[0]?.code).toBe('33000000')

    const changed = await edit(me.cookie, search.id, {
      ...FIELDS,
      name: 'Bara upphandlingar',
      kinds: ['call'],
      municipality_code: '',
      procedure: 'pcp',
      trl_min: '',
      trl_max: '',
      query: 'Luleå',
    })
    expect(headerOf(changed, 'Location')).toBe('/account/searches?notice=updated')
    expect(await getSavedSearch(db, search.id, me.id)).toMatchObject({
      name: 'Bara upphandlingar',
      kinds: ['call'],
      municipality_code: null,
      procedure: 'pcp',
      trl_min: null,
      trl_max: null,
    })
    const terms = await db
      .selectFrom('saved_search_terms')
      .select('term')
      .where('saved_search_id', '=', search.id)
      .execute()
    expect(terms.map((t) => t.term)).toEqual(['lulea'])

    const deleted = await run(() =>
      listAction(
        actionArgs(
          formRequest(
            '/account/searches',
            { intent: 'delete', id: String(search.id) },
            { cookie: me.cookie },
          ),
        ),
      ),
    )
    expect(headerOf(deleted, 'Location')).toBe('/account/searches?notice=deleted')
    expect(dataOf(await list(me.cookie)).searches).toEqual([])
  })

  test('bad input: 400 with a message next to each field, the values kept', async () => {
    const me = await person()
    const bad = await create(me.cookie, {
      ...FIELDS,
      name: '',
      kinds: [],
      county_code: '01',
      municipality_code: '2580',
      trl_min: '8',
      trl_max: '3',
      query: 'x'.repeat(201),
      cpv_codes: '3300',
    })
    expect(statusOf(bad)).toBe(400)
    const result = formResult(bad)
    expect(result.error).toMatchObject({
      name: ['errors.required'],
      kinds: ['savedSearch.error.kinds'],
      query: ['errors.tooLong'],
    })
    expect(result.error?.cpv_codes?.[0]).toMatch(/^cpv\.error_format/)
    expect(result.initialValue?.county_code).toBe('01')
    // The checks across fields, once each field is well formed.
    const across = await create(me.cookie, {
      ...FIELDS,
      county_code: '01',
      municipality_code: '2580',
      trl_min: '8',
      trl_max: '3',
    })
    expect(statusOf(across)).toBe(400)
    expect(formResult(across).error).toEqual({
      municipality_code: ['savedSearch.error.municipality'],
      trl_max: ['savedSearch.error.trlOrder'],
    })

    const words = formResult(await create(me.cookie, { ...FIELDS, query: 'a b c d e f g h i j k' }))
    expect(words.error?.query?.[0]).toMatch(/^savedSearch\.error\.tooManyWords/)
    const long = formResult(await create(me.cookie, { ...FIELDS, query: 'ord'.repeat(14) }))
    expect(long.error?.query?.[0]).toMatch(/^savedSearch\.error\.wordTooLong/)

    const unknown = await create(me.cookie, { ...FIELDS, cpv_codes: '33000000 99999999' })
    expect(statusOf(unknown)).toBe(400)
    expect(formResult(unknown).error?.cpv_codes?.[0]).toMatch(/^cpv\.error_unknown_codes.*99999999/)
    expect(dataOf(await list(me.cookie)).searches).toEqual([])
  })

  test('search syntax is only words: operators, quotes and stars are saved as plain words', async () => {
    const me = await person()
    const answer = await create(me.cookie, { ...FIELDS, query: '"drönare" OR robot* NEAR(' })
    expect(statusOf(answer)).toBe(302)
    const [search] = dataOf(await list(me.cookie)).searches
    const terms = await db
      .selectFrom('saved_search_terms')
      .select('term')
      .where('saved_search_id', '=', search.id)
      .orderBy('term')
      .execute()
    expect(terms.map((t) => t.term)).toEqual(['dronare', 'near', 'or', 'robot'])
  })

  test('another person’s search is not found, to read, edit or delete', async () => {
    const owner = await person()
    const other = await person()
    const id = await saveSearch(db, owner.id, { name: 'Min egen' })
    const args = (cookie: string) =>
      loaderArgs(getRequest(`/account/searches/${id}`, { cookie }), { searchId: String(id) })
    expect(statusOf(await run(() => editLoader(args(other.cookie))))).toBe(404)
    expect(statusOf(await run(() => editLoader(args(owner.cookie))))).toBe(200)
    expect(statusOf(await edit(other.cookie, id, FIELDS))).toBe(404)
    const del = await run(() =>
      listAction(
        actionArgs(
          formRequest(
            '/account/searches',
            { intent: 'delete', id: String(id) },
            {
              cookie: other.cookie,
            },
          ),
        ),
      ),
    )
    expect(statusOf(del)).toBe(404)
    expect(statusOf(await run(() => editLoader(args(owner.cookie))))).toBe(200)
    expect((await getSavedSearch(db, id, owner.id)).name).toBe('Min egen')
    const bogus = loaderArgs(getRequest('/account/searches/abc', { cookie: owner.cookie }), {
      searchId: 'abc',
    })
    expect(statusOf(await run(() => editLoader(bogus)))).toBe(404)
  })

  test('keeps at most 25 searches: the 26th is refused with a translated message', async () => {
    const me = await person()
    for (let i = 0; i < SAVED_SEARCH_LIMIT; i++) await saveSearch(db, me.id, { name: `S${i}` })
    const refused = await create(me.cookie)
    expect(statusOf(refused)).toBe(400)
    expect(formResult(refused).error?.['']).toEqual(['errors.domain.saved_search_limit'])
    expect(dataOf(await list(me.cookie)).searches).toHaveLength(SAVED_SEARCH_LIMIT)
  })
})

describe('save as alert', () => {
  test('a catalogue’s filters prefill a new search', async () => {
    const me = await person()
    const href = saveAsAlertHref(
      'call',
      '?q=trygg+natt&procedure=pcp&theme=ehealth&cpv=3314&county=25&page=3',
    )
    expect(href).not.toContain('page=')
    const data = dataOf(
      await run(() => newLoader(loaderArgs(getRequest(href, { cookie: me.cookie })))),
    )
    expect(data.defaults).toEqual({
      kinds: ['call'],
      themes: ['ehealth'],
      county_code: '25',
      procedure: 'pcp',
      cpv_codes: '33140000',
      query: 'trygg natt',
      name: 'trygg natt',
    })
    expect(data.cpvLabels.map((l: { code: string }) => l.code)).toEqual(['33140000'])
    const beds = dataOf(
      await run(() =>
        newLoader(
          loaderArgs(
            getRequest(saveAsAlertHref('test_bed', '?trl=5&access=free'), {
              cookie: me.cookie,
            }),
          ),
        ),
      ),
    )
    expect(beds.defaults).toEqual({ kinds: ['test_bed'], trl_min: '5', trl_max: '5' })
  })
})
