import type { DB } from '#db/connection'

/** Public figures for the home page: only verified public bodies count as public bodies. */
export async function getMarketplaceStats(db: DB) {
  const row = await db
    .selectFrom('organisations')
    .select((eb) => [
      eb.fn
        .count<number>('id')
        .filterWhere((w) => w.and([w('kind', '=', 'public_body'), w('verification_status', '=', 'verified')]))
        .as('publicBodies'),
      eb.fn.count<number>('id').filterWhere('kind', '=', 'company').as('companies'),
      eb.fn
        .count<number>('county_code')
        .distinct()
        .filterWhere('verification_status', 'in', ['verified', 'not_required'])
        .as('counties'),
    ])
    .executeTakeFirstOrThrow()
  return { publicBodies: Number(row.publicBodies), companies: Number(row.companies), counties: Number(row.counties) }
}

/** The newest organisations anyone can see (companies, and public bodies once verified). */
export async function listRecentOrganisations(db: DB, limit = 6) {
  return db
    .selectFrom('organisations')
    .innerJoin('counties', 'counties.code', 'organisations.county_code')
    .select([
      'organisations.slug',
      'organisations.name',
      'organisations.kind',
      'organisations.public_body_type',
      'organisations.size_class',
      'counties.name as county_name',
    ])
    .where('organisations.verification_status', 'in', ['verified', 'not_required'])
    .orderBy('organisations.created_at', 'desc')
    .orderBy('organisations.id', 'desc')
    .limit(limit)
    .execute()
}
