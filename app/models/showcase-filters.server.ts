import type { DB } from '#db/connection'
import type { Locale } from '~/i18n/locales'
import { getThemeAndCountyOptions } from './reference.server'
import { publishedCases, stockholmYear } from './showcase.server'

// The reference gallery's filter options: themes and counties, the parties behind published
// cases and the years of first publication.

/** The most parties a filter of the gallery lists (by number of published cases). */
export const FILTER_PARTIES = 200

/**
 * What the gallery's filter form offers: every theme and county, the public bodies and companies
 * that have published cases, and the years cases were first published in (newest first).
 */
export async function getReferenceFilterOptions(
  db: DB,
  locale: Locale,
  selected: { publicBody?: string | undefined; company?: string | undefined } = {},
  limit = FILTER_PARTIES,
) {
  // At most the FILTER_PARTIES parties with the most published cases (and the one chosen), not
  // every party: at 20,000 references a list of every company made the page a megabyte of
  // options that took seconds to render. Any party's cases stay reachable from its profile.
  const partiesOf = (side: 'public_body_id' | 'company_id', chosen: string | undefined) =>
    db
      .selectFrom('organisations')
      .select(['organisations.slug', 'organisations.name'])
      .where((eb) =>
        eb.or([
          eb(
            'organisations.id',
            'in',
            publishedCases(db)
              .select(`reference_cases.${side}`)
              .groupBy(`reference_cases.${side}`)
              .orderBy((o) => o.fn.countAll(), 'desc')
              .orderBy(`reference_cases.${side}`)
              .limit(limit),
          ),
          ...(chosen ? [eb('organisations.slug', '=', chosen)] : []),
        ]),
      )
      .orderBy('organisations.name')
      .execute()
  const [themesAndCounties, publicBodies, companies, years] = await Promise.all([
    getThemeAndCountyOptions(db, locale),
    partiesOf('public_body_id', selected.publicBody),
    partiesOf('company_id', selected.company),
    publishedCases(db)
      .select(stockholmYear('reference_cases.first_published_at').as('year'))
      .distinct()
      .orderBy('year', 'desc')
      .execute(),
  ])
  return {
    ...themesAndCounties,
    publicBodies,
    companies,
    years: years.map((y) => Number(y.year)).filter((y) => Number.isInteger(y)),
  }
}
export type ReferenceFilterOptions = Awaited<ReturnType<typeof getReferenceFilterOptions>>
