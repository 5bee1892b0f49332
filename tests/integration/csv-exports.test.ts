import { parse } from 'csv-parse/sync'
import { describe, expect, test } from 'vitest'
import { loader as callsCsvLoader } from '~/routes/calls[.csv]/route'
import { loader as callsPageLoader } from '~/routes/calls._index/route'
import { loader as testBedsCsvLoader } from '~/routes/test-beds[.csv]/route'
import { loader as testBedsPageLoader } from '~/routes/test-beds._index/route'
import { loader as referencesCsvLoader } from '~/routes/references[.csv]/route'
import { loader as referencesPageLoader } from '~/routes/references._index/route'
import { loader as organisationsCsvLoader } from '~/routes/organisations[.csv]/route'
import { loader as organisationsPageLoader } from '~/routes/organisations._index/route'
import { loader as initiativesCsvLoader } from '~/routes/initiatives[.csv]/route'
import { loader as initiativesPageLoader } from '~/routes/initiatives._index/route'
import { loader as eventsCsvLoader } from '~/routes/events[.csv]/route'
import { loader as agendasCsvLoader } from '~/routes/agendas[.csv]/route'
import { createAgenda } from '../helpers/agenda-factories'
import { createInitiative } from '~/models/initiatives.server'
import { getDb } from '~/utils/db.server'
import { now } from '~/utils/clock.server'
import { CSV_BATCH_ROWS, CSV_MAX_ROWS } from '~/models/list-export.server'
import { organisationsCsv } from '~/models/list-export-registers.server'
import { createBuyer, createCall } from '../helpers/call-factories'
import { createTestEvent } from '../helpers/event-factories'
import { createOrganisation } from '../helpers/factories'
import { INPUT } from '../helpers/initiative-factories'
import { createReference } from '../helpers/reference-factories'
import { getRequest, loaderArgs, run } from '../helpers/requests'
import { createHost, createOffer } from '../helpers/test-bed-factories'

// The public lists as CSV files (decision record 042): what is produced is parsed back with
// csv-parse, and each file holds the same rows as its list page under the same filters.

const db = getDb()
const ORIGIN = 'http://localhost:3000'
const BOM = '\uFEFF'

type Loader = typeof callsCsvLoader

async function download(loader: Loader, path: string, headers: Record<string, string> = {}) {
  const response = (await run(() => loader(loaderArgs(getRequest(path, { headers }))))) as Response
  expect(response.status).toBe(200)
  expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
  expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
  expect(response.headers.get('Cache-Control')).toBe('private, max-age=60')
  expect(response.headers.get('Vary')).toBe('Accept-Language, Cookie')
  // Streamed, not built in memory.
  expect(response.body).toBeInstanceOf(ReadableStream)
  const bytes = new Uint8Array(await response.arrayBuffer())
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
  expect(text.startsWith(BOM)).toBe(true)
  expect(text.endsWith('\r\n')).toBe(true)
  expect(text.replace(/\r\n/g, '')).not.toContain('\n')
  const [header, ...rows] = parse(text, { bom: true, delimiter: ';', record_delimiter: '\r\n' })
  return {
    header: header as string[],
    rows: rows as string[][],
    fileName: response.headers.get('Content-Disposition'),
  }
}

/** The column named `name` of each row. */
const column = (file: { header: string[]; rows: string[][] }, name: string) => {
  const i = file.header.indexOf(name)
  expect(i, name).toBeGreaterThanOrEqual(0)
  return file.rows.map((r) => r[i]!)
}

async function pageIds(loader: unknown, path: string): Promise<number[]> {
  const data = (await (loader as Loader)(loaderArgs(getRequest(path)))) as unknown as {
    result: { items: { id: number }[] }
  }
  return data.result.items.map((i) => i.id)
}

describe('calls.csv', () => {
  test('the list’s rows under its filters, translated, without drafts, formulas neutralised', async () => {
    const buyer = await createBuyer(db)
    const energy = await createCall(db, buyer, {
      title: '=HYPERLINK("http://evil.example") Kvarnkalibrering för värmeåtervinning',
      themes: ['energy'],
      cpv: ['72000000'],
      estimatedValue: 1_250_000,
    })
    const health = await createCall(db, buyer, {
      title: 'Kvarnkalibrering i äldreomsorgen på Öland',
      themes: ['welfare_technology'],
    })
    const draft = await createCall(db, buyer, {
      title: 'Kvarnkalibrering utkast',
      status: 'draft',
    })

    const all = await download(callsCsvLoader, '/calls.csv?q=Kvarnkalibrering')
    expect(all.header).toEqual([
      'Id',
      'Titel',
      'Upphandlande organisation',
      'Län',
      'Kommun',
      'Teman',
      'Status',
      'Förfarande',
      'CPV-koder',
      'Sista dag för frågor (Europe/Stockholm)',
      'Sista dag för anbud (Europe/Stockholm)',
      'Uppskattat värde (kr)',
      'Publicerad (Europe/Stockholm)',
      'Adress',
    ])
    const ids = column(all, 'Id').map(Number)
    expect(ids).toEqual(await pageIds(callsPageLoader, '/calls?q=Kvarnkalibrering'))
    expect(ids).toEqual([health.call.id, energy.call.id])
    expect(ids).not.toContain(draft.call.id)
    expect(all.fileName).toBe('attachment; filename="testarena-calls-kvarnkalibrering.csv"')

    const row = all.rows.find((r) => Number(r[0]) === energy.call.id)!
    expect(row[1]).toBe('\'=HYPERLINK("http://evil.example") Kvarnkalibrering för värmeåtervinning')
    expect(row[2]).toBe(buyer.org.name)
    expect(row[6]).toBe('Öppen för anbud')
    expect(row[8]).toBe('72000000')
    expect(row[10]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
    expect(row[11]).toBe('1250000')
    expect(row[13]).toBe(`${ORIGIN}/calls/${energy.call.id}`)
    expect(column(all, 'Titel')).toContain('Kvarnkalibrering i äldreomsorgen på Öland')

    const filtered = await download(
      callsCsvLoader,
      '/calls.csv?q=Kvarnkalibrering&theme=welfare_technology',
    )
    expect(column(filtered, 'Id').map(Number)).toEqual(
      await pageIds(callsPageLoader, '/calls?q=Kvarnkalibrering&theme=welfare_technology'),
    )
    expect(column(filtered, 'Id').map(Number)).toEqual([health.call.id])
    expect(filtered.fileName).toContain('testarena-calls-kvarnkalibrering-welfare_technology.csv')
  })

  test('English by Accept-Language, by ?lang= and by the cookie', async () => {
    const byHeader = await download(callsCsvLoader, '/calls.csv', { 'Accept-Language': 'en' })
    expect(byHeader.header.slice(0, 3)).toEqual(['Id', 'Title', 'Contracting authority'])
    const byParam = await download(callsCsvLoader, '/calls.csv?lang=en')
    expect(byParam.header[12]).toBe('Published (Europe/Stockholm)')
    const byCookie = await download(callsCsvLoader, '/calls.csv', { Cookie: 'testarena_lang=en' })
    expect(byCookie.header[1]).toBe('Title')
  })
})

test('test-beds.csv: published offers under the catalogue’s filters, no drafts', async () => {
  const host = await createHost(db)
  const offer = await createOffer(db, host, {
    title: 'Vågbrytartestbädd för sjöfart i Skärgården',
    trl: [5, 7],
    themes: ['energy'],
  })
  await createOffer(db, host, { title: 'Vågbrytartestbädd utkast', status: 'draft' })
  const file = await download(testBedsCsvLoader, '/test-beds.csv?q=Vågbrytartestbädd&trl=6')
  const ids = column(file, 'Id').map(Number)
  expect(ids).toEqual([offer.id])
  expect(ids).toEqual(await pageIds(testBedsPageLoader, '/test-beds?q=Vågbrytartestbädd&trl=6'))
  expect(column(file, 'Titel')).toEqual(['Vågbrytartestbädd för sjöfart i Skärgården'])
  expect(column(file, 'TRL från')).toEqual(['5'])
  expect(column(file, 'Värd')).toEqual([host.org.name])
  expect(column(file, 'Adress')).toEqual([`${ORIGIN}/test-beds/${offer.id}`])
  expect(file.fileName).toContain('testarena-test-beds-vagbrytartestbadd-6.csv')
  const none = await download(testBedsCsvLoader, '/test-beds.csv?q=Vågbrytartestbädd&trl=9')
  expect(none.rows).toEqual([])
})

test('references.csv: published cases only, in the file’s language', async () => {
  const published = await createReference(db, {
    status: 'published',
    overrides: { title_sv: 'Nyckelfri hemtjänst i Övertorneå', title_en: '+Keyless home care' },
  })
  await createReference(db, { status: 'draft', overrides: { title_sv: 'Utkast Övertorneå' } })
  const sv = await download(referencesCsvLoader, '/references.csv?q=Övertorneå')
  expect(column(sv, 'Id').map(Number)).toEqual([published.reference.id])
  expect(column(sv, 'Id').map(Number)).toEqual(
    await pageIds(referencesPageLoader, '/references?q=Övertorneå'),
  )
  expect(column(sv, 'Titel')).toEqual(['Nyckelfri hemtjänst i Övertorneå'])
  const en = await download(referencesCsvLoader, '/references.csv?q=Övertorneå&lang=en')
  expect(column(en, 'Title')).toEqual(["'+Keyless home care"])
  expect(column(en, 'Address')).toEqual([`${ORIGIN}/references/${published.reference.id}`])
})

test('organisations.csv: the directory’s organisations by name; unverified public bodies never', async () => {
  const company = await createOrganisation(db, { name: 'Åkerströms Mätteknik AB' })
  const unverified = await createOrganisation(db, {
    kind: 'public_body',
    name: 'Åkerströms kommun (ej verifierad)',
  })
  const file = await download(organisationsCsvLoader, '/organisations.csv?q=Åkerströms')
  expect(column(file, 'Namn')).toEqual(['Åkerströms Mätteknik AB'])
  expect(column(file, 'Namn')).not.toContain(unverified.name)
  expect(column(file, 'Adress')).toEqual([`${ORIGIN}/organisations/${company.slug}`])
  const page = (await organisationsPageLoader(
    loaderArgs(getRequest('/organisations?q=Åkerströms')),
  )) as unknown as { result: { items: { slug: string }[] } }
  expect(page.result.items.map((o) => `${ORIGIN}/organisations/${o.slug}`)).toEqual(
    column(file, 'Adress'),
  )
})

test('initiatives.csv: the register’s filters (any view), with owners', async () => {
  const owner = await createHost(db)
  const title = `Glesbygdens nattillsyn ${Date.now()}`
  const made = await createInitiative(db, {
    organisation: { id: owner.org.id, kind: 'public_body', verification_status: 'verified' },
    userId: owner.user.id,
    input: { ...INPUT, title },
  })
  const path = `/initiatives.csv?q=${encodeURIComponent(title)}&view=counties`
  const file = await download(initiativesCsvLoader, path)
  expect(column(file, 'Id').map(Number)).toEqual([made.id])
  expect(column(file, 'Id').map(Number)).toEqual(
    await pageIds(initiativesPageLoader, path.replace('.csv', '').replace('counties', 'list')),
  )
  expect(column(file, 'Titel')).toEqual([title])
  expect(column(file, 'Ägare')).toEqual([owner.org.name])
})

test('events.csv: every event with its organiser and seats', async () => {
  const organiser = await createHost(db)
  const event = await createTestEvent(db, organiser, { title: '@Rundabordssamtal om välfärd' })
  const file = await download(eventsCsvLoader, '/events.csv')
  const row = file.rows.find((r) => Number(r[0]) === event.id)!
  expect(row[1]).toBe("'@Rundabordssamtal om välfärd")
  expect(row[3]).toBe(organiser.org.name)
  expect(row[10]).toBe('2')
  expect(row[14]).toBe(`${ORIGIN}/events/${event.id}`)
  expect(file.fileName).toBe('attachment; filename="testarena-events.csv"')
})

describe('a large export', () => {
  const PREFIX = 'Bulkbolaget Ödeshög'
  const COUNT = 3000

  test('3 000 organisations stream in batches and parse back to 3 000 rows, in the page’s order', async () => {
    const at = now()
    const all = Array.from({ length: COUNT }, (_, i) => ({
      slug: `bulk-${i}`,
      kind: 'company' as const,
      name: `${PREFIX} ${String(i).padStart(4, '0')} AB`,
      org_number: `55${String(60000000 + i)}`,
      county_code: '05',
      municipality_code: null,
      size_class: 'micro' as const,
      website: null,
      description: '',
      verification_status: 'not_required' as const,
      verification_note: null,
      verified_at: null,
      verified_by: null,
      created_at: at,
      updated_at: at,
    }))
    for (let i = 0; i < COUNT; i += 200)
      await db
        .insertInto('organisations')
        .values(all.slice(i, i + 200))
        .execute()
    const path = `/organisations.csv?q=${encodeURIComponent(PREFIX)}&county=05`
    const response = (await organisationsCsvLoader(loaderArgs(getRequest(path)))) as Response
    // More than one chunk: the header, then one per batch of CSV_BATCH_ROWS.
    const reader = response.body!.getReader()
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
    let text = ''
    let chunks = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks++
      text += decoder.decode(value, { stream: true })
    }
    expect(chunks).toBe(1 + Math.ceil(COUNT / CSV_BATCH_ROWS))
    const records = parse(text, { bom: true, delimiter: ';' }) as string[][]
    expect(records).toHaveLength(COUNT + 1)
    const names = records.slice(1).map((r) => r[0])
    expect(new Set(names).size).toBe(COUNT)
    expect(names[0]).toBe(`${PREFIX} 0000 AB`)
    expect(names.at(-1)).toBe(`${PREFIX} 2999 AB`)
    const page = (await organisationsPageLoader(
      loaderArgs(getRequest(`/organisations?q=${encodeURIComponent(PREFIX)}&county=05&page=3`)),
    )) as unknown as { result: { items: { name: string }[] } }
    expect(names.slice(40, 60)).toEqual(page.result.items.map((o) => o.name))
  })

  test('the cap holds: the first rows, no more, none twice', async () => {
    const { batches } = organisationsCsv(db, { q: PREFIX }, 'sv', { cap: 1234, batchSize: 100 })
    const rows: string[] = []
    for await (const batch of batches) {
      expect(batch.length).toBeLessThanOrEqual(100)
      rows.push(...batch.map((r) => String(r[0])))
    }
    expect(rows).toHaveLength(1234)
    expect(new Set(rows).size).toBe(1234)
    expect(rows.at(-1)).toBe(`${PREFIX} 1233 AB`)
    expect(CSV_MAX_ROWS).toBe(10_000)
  })
})

test('agendas.csv: published regional agendas only, with their published goals', async () => {
  const published = await createAgenda(db, { publish: true })
  const draft = await createAgenda(db)
  const file = await download(agendasCsvLoader, '/agendas.csv?lang=en')
  expect(file.header).toEqual([
    'Id',
    'Title',
    'Region',
    'County',
    'Starts',
    'Published goals',
    'Published (Europe/Stockholm)',
    'Address',
  ])
  const ids = column(file, 'Id').map(Number)
  expect(ids).toContain(published.agendaId)
  expect(ids).not.toContain(draft.agendaId)
  const row = file.rows.find((r) => Number(r[0]) === published.agendaId)!
  expect(row[2]).toBe(published.region.org.name)
  expect(row[5]).toBe('1')
  expect(row[7]).toBe(`${ORIGIN}/organisations/${published.region.org.slug}/agenda`)
})
