import type { DB } from '#db/connection'
import type { Locale } from '~/i18n/locales'

/** The 21 counties, in code order (Stockholm first, Norrbotten last). */
export async function listCounties(db: DB) {
  return db.selectFrom('counties').select(['code', 'name', 'short_name']).orderBy('code').execute()
}

/** All 290 municipalities with their county, sorted by county and then name. */
export async function listMunicipalities(db: DB) {
  return db
    .selectFrom('municipalities')
    .select(['code', 'name', 'short_name', 'county_code'])
    .orderBy('county_code')
    .orderBy('short_name')
    .execute()
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
  const rows = await db
    .selectFrom('sectors')
    .select(['code', 'name_sv', 'name_en'])
    .orderBy('code')
    .execute()
  return rows.map((r) => ({ code: r.code, name: locale === 'en' ? r.name_en : r.name_sv }))
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
  const rows = await db
    .selectFrom('themes')
    .select(['code', 'name_sv', 'name_en'])
    .orderBy('position')
    .execute()
  return rows.map((r) => ({ code: r.code, name: locale === 'en' ? r.name_en : r.name_sv }))
}
export type Theme = Awaited<ReturnType<typeof listThemes>>[number]

/** What the catalogue's and the call list's filter forms offer: themes and counties. */
export async function getThemeAndCountyOptions(db: DB, locale: Locale) {
  const [themes, counties] = await Promise.all([listThemes(db, locale), listCounties(db)])
  return { themes, counties }
}
