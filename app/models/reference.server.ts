import type { DB } from '#db/connection'
import type { Locale } from '~/i18n/locales'

// Reference data (counties, municipalities, sectors, themes) is read once per database and then
// served from memory (decision record 045): it is written only by migrations, which run before the
// server answers, so a running process cannot hold a stale copy; a new process (or a test's new
// database, since the cache is keyed by the db instance) reads it afresh. The lists are frozen:
// a caller that tried to change the shared copy would throw instead of changing it for everyone.

const loaded = new WeakMap<DB, Map<string, Promise<unknown>>>()

function loadOnce<T>(db: DB, key: string, load: () => Promise<T>): Promise<T> {
  let byKey = loaded.get(db)
  if (!byKey) loaded.set(db, (byKey = new Map()))
  let entry = byKey.get(key) as Promise<T> | undefined
  if (!entry) {
    entry = load().then((value) => deepFreeze(value))
    byKey.set(key, entry)
    // A failed read is not kept: the next request tries again.
    entry.catch(() => byKey.delete(key))
  }
  return entry
}

function deepFreeze<T>(value: T): T {
  if (Array.isArray(value)) for (const item of value) Object.freeze(item)
  return Object.freeze(value)
}

/** The 21 counties, in code order (Stockholm first, Norrbotten last). */
export async function listCounties(db: DB) {
  return loadOnce(db, 'counties', () =>
    db.selectFrom('counties').select(['code', 'name', 'short_name']).orderBy('code').execute(),
  )
}

/** All 290 municipalities with their county, sorted by county and then name. */
export async function listMunicipalities(db: DB) {
  return loadOnce(db, 'municipalities', () =>
    db
      .selectFrom('municipalities')
      .select(['code', 'name', 'short_name', 'county_code'])
      .orderBy('county_code')
      .orderBy('short_name')
      .execute(),
  )
}

export async function isMunicipalityInCounty(db: DB, municipalityCode: string, countyCode: string) {
  const row = await db
    .selectFrom('municipalities')
    .select('code')
    .where('code', '=', municipalityCode)
    .where('county_code', '=', countyCode)
    .executeTakeFirst()
  return row !== undefined
}

/** SNI 2007 sections A–U with their names in the given language. */
export async function listSectors(db: DB, locale: Locale) {
  return loadOnce(db, `sectors:${locale}`, async () => {
    const rows = await db
      .selectFrom('sectors')
      .select(['code', 'name_sv', 'name_en'])
      .orderBy('code')
      .execute()
    return rows.map((r) => ({ code: r.code, name: locale === 'en' ? r.name_en : r.name_sv }))
  })
}

/** Everything the organisation form needs to offer and to check its choices. */
export async function getOrganisationFormOptions(db: DB, locale: Locale) {
  const [counties, municipalities, sectors] = await Promise.all([
    listCounties(db),
    listMunicipalities(db),
    listSectors(db, locale),
  ])
  return { counties, municipalities, sectors }
}
export type OrganisationFormOptions = Awaited<ReturnType<typeof getOrganisationFormOptions>>

/** The shared list of test-bed themes, in display order, named in the given language. */
export async function listThemes(db: DB, locale: Locale) {
  return loadOnce(db, `themes:${locale}`, async () => {
    const rows = await db
      .selectFrom('themes')
      .select(['code', 'name_sv', 'name_en'])
      .orderBy('position')
      .execute()
    return rows.map((r) => ({ code: r.code, name: locale === 'en' ? r.name_en : r.name_sv }))
  })
}
export type Theme = Awaited<ReturnType<typeof listThemes>>[number]

/** What the catalogue's and the call list's filter forms offer: themes and counties. */
export async function getThemeAndCountyOptions(db: DB, locale: Locale) {
  const [themes, counties] = await Promise.all([listThemes(db, locale), listCounties(db)])
  return { themes, counties }
}
