import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { LOCALE_COOKIE } from '~/i18n/locale.server'
import {
  CPV_SEARCH_LIMIT,
  findUnknownCpv,
  getCpvLabels,
  getCpvPath,
  listCpvChildren,
  searchCpv,
} from '~/models/cpv.server'
import { DomainError } from '~/models/errors.server'
import { loader as cpvLoader } from '~/routes/cpv/route'
import { getDb } from '~/utils/db.server'
import { getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, statusOf } from '../helpers/responses'

type PageData = Awaited<ReturnType<typeof cpvLoader>>

function page(query: string, locale?: 'sv' | 'en') {
  const cookie = locale ? `${LOCALE_COOKIE}=${locale}` : undefined
  return run(() => cpvLoader(loaderArgs(getRequest(`/cpv${query}`, { cookie }))))
}

async function pageData(query: string, locale?: 'sv' | 'en'): Promise<PageData> {
  const outcome = await page(query, locale)
  expect(statusOf(outcome)).toBe(200)
  return dataOf<PageData>(outcome)
}

async function codesFor(q: string, locale: 'sv' | 'en' = 'sv', limit?: number) {
  return (await searchCpv(getDb(), { q, locale, limit })).map((e) => e.code)
}

describe('searching by code', () => {
  test('a whole code comes first, then the codes below it in tree order', async () => {
    const found = await searchCpv(getDb(), { q: '72000000', locale: 'sv', limit: 4 })
    expect(found.map((e) => e.code)).toEqual(['72000000', '72100000', '72110000', '72120000'])
    expect(found[0]).toEqual({
      code: '72000000',
      parent: null,
      label: 'IT-tjänster: konsultverksamhet, programvaruutveckling, Internet och stöd',
      children: 9,
    })
  })

  test('the check digit and grouped digits are accepted', async () => {
    const plain = await codesFor('72000000')
    expect(await codesFor('72000000-5')).toEqual(plain)
    expect(await codesFor('  72 000 000 ')).toEqual(plain)
  })

  test('the beginning of a code finds every code that begins so, in code order', async () => {
    const found = await codesFor('4812', 'sv', 200)
    expect(found.length).toBeGreaterThan(1)
    expect(found.every((c) => c.startsWith('4812'))).toBe(true)
    expect(found).toEqual([...found].sort())
    expect(found[0]).toBe('48120000')
  })

  test('a code that does not exist finds nothing', async () => {
    expect(await codesFor('99999999')).toEqual([])
    expect(await codesFor('99')).toEqual([])
  })
})

describe('searching by name', () => {
  test('names that begin with the word, then a word that begins so, then anywhere', async () => {
    const found = await searchCpv(getDb(), { q: 'ånga', locale: 'sv', limit: 20 })
    const labels = found.map((e) => e.label.toLocaleLowerCase('sv'))
    expect(found.slice(0, 2).map((e) => e.code)).toEqual(['09320000', '09322000'])
    expect(labels.every((l) => l.includes('ånga'))).toBe(true)
    // "Solfångare" only contains the letters: it comes after every name starting with them.
    const solfangare = found.findIndex((e) => e.code === '09331100')
    expect(solfangare).toBeGreaterThan(1)
    const rank = (l: string) =>
      l.startsWith('ånga') ? 0 : /(^|[^\p{L}\p{N}])ånga/u.test(l) ? 1 : 2
    const ranks = labels.map(rank)
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
  })

  test('a word inside a name is found at the start of that word first', async () => {
    const found = await codesFor('äldre')
    expect(found.indexOf('33196100')).toBeGreaterThanOrEqual(0) // Hjälpmedel för äldre personer
    expect(found[0]).toBe('85311100') // Äldreomsorg: the name begins with the word
  })

  test('case does not matter, Å/Ä/Ö included', async () => {
    const lower = await codesFor('ägg')
    expect(lower).toContain('03142500')
    expect(await codesFor('ÄGG')).toEqual(lower)
    expect(await codesFor('ÅnGa')).toEqual(await codesFor('ånga'))
    expect(await codesFor('Öronmärken')).toContain('03340000')
  })

  test('every word must occur, in any order', async () => {
    const found = await searchCpv(getDb(), { q: 'programvara kassasystem', locale: 'sv' })
    expect(found.map((e) => e.code)).toContain('48110000')
    for (const e of found) {
      const label = e.label.toLocaleLowerCase('sv')
      expect(label).toContain('programvara')
      expect(label).toContain('kassasystem')
    }
    expect(await codesFor('kassasystem programvara')).toEqual(found.map((e) => e.code))
    expect(await codesFor('programvara zzzqqq')).toEqual([])
  })

  test('English names in English, with the Swedish name where there is no English one', async () => {
    const steam = await searchCpv(getDb(), { q: 'steam', locale: 'en', limit: 2 })
    expect(steam.map((e) => [e.code, e.label])).toEqual([
      ['09320000', 'Steam, hot water and associated products'],
      ['09322000', 'Steam'],
    ])
    // In Swedish the English word finds nothing of the kind.
    expect(await codesFor('steam', 'sv')).not.toContain('09322000')
    const patrol = await searchCpv(getDb(), { q: 'patrulleringsfartyg', locale: 'en' })
    expect(patrol.map((e) => [e.code, e.label])).toEqual([['34511100', 'Patrulleringsfartyg']])
  })

  test('the limit holds; empty and odd queries find nothing and do not fail', async () => {
    expect(await codesFor('för', 'sv', 7)).toHaveLength(7)
    expect(await codesFor('för', 'sv', 100_000)).toHaveLength(200)
    expect(await codesFor('för', 'sv', -1)).toEqual([])
    expect(await codesFor('')).toEqual([])
    expect(await codesFor('   \n ')).toEqual([])
    for (const q of [
      '%',
      '_',
      "'; DROP TABLE cpv_codes; --",
      '\u0000',
      '.*',
      '(',
      'a'.repeat(5000),
    ]) {
      await expect(codesFor(q)).resolves.toBeInstanceOf(Array)
    }
  })
})

describe('browsing the tree', () => {
  test('the top is the 45 divisions in code order', async () => {
    const divisions = await listCpvChildren(getDb(), null, 'sv')
    expect(divisions).toHaveLength(45)
    expect(divisions.every((d) => d.parent === null && d.code.endsWith('000000'))).toBe(true)
    expect(divisions[0]?.code).toBe('03000000')
    expect(divisions.map((d) => d.code)).toEqual(divisions.map((d) => d.code).sort())
  })

  test('children of a code, and none below the most detailed codes', async () => {
    const children = await listCpvChildren(getDb(), '72000000', 'en')
    expect(children.map((c) => c.code)).toEqual([
      '72100000',
      '72200000',
      '72300000',
      '72400000',
      '72500000',
      '72600000',
      '72700000',
      '72800000',
      '72900000',
    ])
    expect(children[0]?.label).toBe('Hardware consultancy services')
    expect(children.every((c) => c.parent === '72000000' && c.children > 0)).toBe(true)
    expect(await listCpvChildren(getDb(), '09322000', 'sv')).toEqual([])
  })

  test('an unknown parent is not found', async () => {
    await expect(listCpvChildren(getDb(), '99999999', 'sv')).rejects.toThrow(DomainError)
    await expect(getCpvPath(getDb(), '99999999', 'sv')).rejects.toThrow(DomainError)
  })

  test('the path runs from the division down to the code', async () => {
    const path = await getCpvPath(getDb(), '72212000', 'sv')
    expect(path.map((e) => e.code)).toEqual(['72000000', '72200000', '72210000', '72212000'])
    expect(path.at(-1)?.label).toBe('Programmering av tillämpningsprogram')
  })
})

describe('naming and checking chosen codes', () => {
  test('labels in the order given, each once, unknown codes left out', async () => {
    expect(
      await getCpvLabels(getDb(), ['48000000', '99999999', '09322000', '48000000'], 'sv'),
    ).toEqual([
      { code: '48000000', label: 'Programvara och informationssystem' },
      { code: '09322000', label: 'Ånga' },
    ])
    expect(await getCpvLabels(getDb(), ['09322000', '34511100'], 'en')).toEqual([
      { code: '09322000', label: 'Steam' },
      { code: '34511100', label: 'Patrulleringsfartyg' },
    ])
    expect(await getCpvLabels(getDb(), [], 'en')).toEqual([])
  })

  test('unknown codes, in the order given, each once', async () => {
    expect(await findUnknownCpv(getDb(), ['99999999', '72000000', '12345678', '99999999'])).toEqual(
      ['99999999', '12345678'],
    )
    expect(await findUnknownCpv(getDb(), ['72000000', '48000000'])).toEqual([])
    expect(await findUnknownCpv(getDb(), [])).toEqual([])
  })

  test('checking works inside a transaction', async () => {
    const unknown = await getDb()
      .transaction()
      .execute((tx) => findUnknownCpv(tx, ['72000000', '00000000']))
    expect(unknown).toEqual(['00000000'])
  })

  test('the database refuses a code that is not eight digits', async () => {
    for (const code of ['7200000', '7200000x', '720000000', '72000000-5']) {
      await expect(
        sql`INSERT INTO cpv_codes (code, parent, name_sv) VALUES (${code}, NULL, 'Fel')`.execute(
          getDb(),
        ),
        code,
      ).rejects.toThrow(/CHECK constraint failed/)
    }
    expect(await findUnknownCpv(getDb(), ['7200000x'])).toEqual(['7200000x'])
  })
})

describe('the /cpv page', () => {
  test('without parameters: the divisions', async () => {
    const data = await pageData('')
    expect(data.results).toBeNull()
    expect(data.path).toEqual([])
    expect(data.children).toHaveLength(45)
  })

  test('a search lists matches and says when there are more than shown', async () => {
    const data = await pageData('?q=%C3%A5nga')
    expect(data.q).toBe('ånga')
    expect(data.results?.slice(0, 2).map((e) => e.code)).toEqual(['09320000', '09322000'])
    expect(data.more).toBe(false)
    const many = await pageData('?q=f%C3%B6r')
    expect(many.results).toHaveLength(CPV_SEARCH_LIMIT)
    expect(many.more).toBe(true)
    expect((await pageData('?q=zzzqqq')).results).toEqual([])
  })

  test('browsing a code shows its path and children; the check digit is fine', async () => {
    const data = await pageData('?parent=72200000-7')
    expect(data.path.map((e) => e.code)).toEqual(['72000000', '72200000'])
    expect(data.children.map((c) => c.parent)).toEqual(data.children.map(() => '72200000'))
    expect(data.children.length).toBeGreaterThan(0)
    const leaf = await pageData('?parent=09322000')
    expect(leaf.path.at(-1)?.label).toBe('Ånga')
    expect(leaf.children).toEqual([])
  })

  test('names in the visitor’s language, with the Swedish fallback', async () => {
    expect((await pageData('?parent=09322000', 'en')).path.at(-1)?.label).toBe('Steam')
    expect((await pageData('?parent=34511100', 'en')).path.at(-1)?.label).toBe(
      'Patrulleringsfartyg',
    )
    const english = await pageData('?q=steam', 'en')
    expect(english.results?.[0]?.label).toBe('Steam, hot water and associated products')
    const outcome = await run(() =>
      cpvLoader(
        loaderArgs(getRequest('/cpv?parent=09322000', { headers: { 'Accept-Language': 'en' } })),
      ),
    )
    expect(dataOf<PageData>(outcome).path.at(-1)?.label).toBe('Steam')
  })

  test('an unknown parent is a 404', async () => {
    expect(statusOf(await page('?parent=99999999'))).toBe(404)
    expect(statusOf(await page('?parent=00000000'))).toBe(404)
  })

  test('bad parameters are ignored, never a 500', async () => {
    for (const query of [
      '?parent=abc',
      '?parent=7200',
      '?parent=',
      '?parent=72000000&parent=abc',
      '?parent=%00',
      '?q=',
      '?q=%00%01',
      `?q=${'a'.repeat(300)}`,
      '?q=%25%27%22%3C',
      '?q=%E2%80%8B',
      '?unknown=1',
      '?q=72000000&parent=99999999',
    ]) {
      const outcome = await page(query)
      expect(statusOf(outcome), query).toBe(200)
    }
    // A malformed parent shows the top of the tree.
    expect((await pageData('?parent=abc')).children).toHaveLength(45)
    // A search wins over browsing.
    expect((await pageData('?q=72000000&parent=99999999')).results?.[0]?.code).toBe('72000000')
  })
})
