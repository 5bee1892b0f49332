import { sql } from 'kysely'
import type { DB } from '#db/connection'
import type { Locale } from '~/i18n/locales'
import { getCpvLabels } from './cpv.server'
import { DomainError } from './errors.server'
import { canOwnInitiatives } from './initiatives.server'

// Reading the initiatives register (decision record 027). The register is public information:
// every initiative, whatever its status, with its owners. What stays private is what is private
// elsewhere: a linked call or test-bed offer in draft is shown only to the owner side, and a
// pending or declined request to co-own only to the owner's members and the asking organisation.

/** The owner first, then the accepted co-owners in the order they were accepted. */
export async function ownersOf(db: DB, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, { id: number; slug: string; name: string }[]>()
  const rows = await db
    .selectFrom('initiatives as i')
    .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
    .select(['i.id as initiative_id', 'o.id', 'o.slug', 'o.name', sql<number | null>`0`.as('rank')])
    .where('i.id', 'in', ids)
    .unionAll(
      db
        .selectFrom('initiative_co_owners as c')
        .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
        .select(['c.initiative_id', 'o.id', 'o.slug', 'o.name', 'c.decided_at as rank'])
        .where('c.initiative_id', 'in', ids)
        .where('c.state', '=', 'accepted'),
    )
    .orderBy('rank')
    .execute()
  const map = new Map<number, { id: number; slug: string; name: string }[]>()
  for (const r of rows) {
    const list = map.get(r.initiative_id) ?? []
    list.push({ id: r.id, slug: r.slug, name: r.name })
    map.set(r.initiative_id, list)
  }
  return map
}

const LIST_COLUMNS = [
  'i.id',
  'i.kind',
  'i.title',
  'i.summary',
  'i.status',
  'i.starts_on',
  'i.ends_on',
] as const

/** An organisation's initiatives: those it owns and those it co-owns (accepted), newest first. */
export async function listOrganisationInitiatives(db: DB, organisationId: number) {
  const rows = await db
    .selectFrom('initiatives as i')
    .select(LIST_COLUMNS)
    .where((eb) =>
      eb.or([
        eb('i.organisation_id', '=', organisationId),
        eb.exists(
          eb
            .selectFrom('initiative_co_owners as c')
            .select('c.initiative_id')
            .whereRef('c.initiative_id', '=', 'i.id')
            .where('c.organisation_id', '=', organisationId)
            .where('c.state', '=', 'accepted'),
        ),
      ]),
    )
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .execute()
  const owners = await ownersOf(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((r) => ({ ...r, owners: owners.get(r.id) ?? [] }))
}

/** The codes of an initiative's target rows. */
export async function targetsOf(db: DB, id: number) {
  const codes = async (
    table:
      | 'initiative_themes'
      | 'initiative_cpv_codes'
      | 'initiative_sectors'
      | 'initiative_counties'
      | 'initiative_municipalities',
    column: 'theme_code' | 'cpv_code' | 'sector_code' | 'county_code' | 'municipality_code',
  ) =>
    (
      await db
        .selectFrom(table)
        .select(sql<string>`${sql.ref(column)}`.as('code'))
        .where('initiative_id', '=', id)
        .orderBy(sql.ref(column))
        .execute()
    ).map((r) => r.code)
  const sizes = await db
    .selectFrom('initiative_size_classes')
    .select('size_class')
    .where('initiative_id', '=', id)
    .execute()
  return {
    themes: await codes('initiative_themes', 'theme_code'),
    cpv_codes: await codes('initiative_cpv_codes', 'cpv_code'),
    size_classes: sizes.map((s) => s.size_class),
    sectors: await codes('initiative_sectors', 'sector_code'),
    counties: await codes('initiative_counties', 'county_code'),
    municipalities: await codes('initiative_municipalities', 'municipality_code'),
  }
}

/** The signed-in user's organisations that may own or co-own initiatives. */
async function ownerCapableOrganisations(db: DB, userId: number) {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.slug', 'o.name', 'o.kind', 'o.verification_status'])
    .where('m.user_id', '=', userId)
    .orderBy('o.name')
    .execute()
  return rows.filter(canOwnInitiatives)
}

/** One initiative as its public page shows it, with what this viewer may do. */
export async function getInitiative(db: DB, id: number, userId: number | null, locale: Locale) {
  const initiative = await db
    .selectFrom('initiatives as i')
    .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
    .selectAll('i')
    .select(['o.slug as owner_slug', 'o.name as owner_name'])
    .where('i.id', '=', id)
    .executeTakeFirst()
  if (!initiative) throw new DomainError('not_found')
  const owners = (await ownersOf(db, [id])).get(id) ?? []
  const mine = userId ? await ownerCapableOrganisations(db, userId) : []
  const memberOf = new Set(
    userId
      ? (
          await db
            .selectFrom('memberships')
            .select('organisation_id')
            .where('user_id', '=', userId)
            .execute()
        ).map((m) => m.organisation_id)
      : [],
  )
  const isOwnerMember = memberOf.has(initiative.organisation_id)
  const isEditor = owners.some((o) => memberOf.has(o.id))
  const requests = await db
    .selectFrom('initiative_co_owners as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select(['c.organisation_id', 'o.name', 'o.slug', 'c.state', 'c.requested_at'])
    .select(['c.decided_at', 'c.decline_reason'])
    .where('c.initiative_id', '=', id)
    .where('c.state', '<>', 'accepted')
    .orderBy('c.requested_at')
    .execute()
  const visibleRequests = requests.filter((r) => isOwnerMember || memberOf.has(r.organisation_id))
  const asked = new Set(requests.map((r) => r.organisation_id))
  const canAskFor = mine.filter((o) => !owners.some((w) => w.id === o.id) && !asked.has(o.id))

  let calls = db
    .selectFrom('calls')
    .select(['id', 'title', 'status', 'organisation_id'])
    .where('initiative_id', '=', id)
  let offers = db
    .selectFrom('test_bed_offers')
    .select(['id', 'title', 'status', 'organisation_id'])
    .where('initiative_id', '=', id)
  if (!isEditor) {
    calls = calls.where('status', '<>', 'draft')
    offers = offers.where('status', '<>', 'draft')
  }
  const targets = await targetsOf(db, id)
  const [themes, sectors, counties, municipalities, cpv] = await Promise.all([
    targets.themes.length
      ? db
          .selectFrom('themes')
          .select(['code', locale === 'en' ? 'name_en as name' : 'name_sv as name'])
          .where('code', 'in', targets.themes)
          .orderBy('position')
          .execute()
      : [],
    targets.sectors.length
      ? db
          .selectFrom('sectors')
          .select(['code', locale === 'en' ? 'name_en as name' : 'name_sv as name'])
          .where('code', 'in', targets.sectors)
          .orderBy('code')
          .execute()
      : [],
    targets.counties.length
      ? db
          .selectFrom('counties')
          .select(['code', 'name'])
          .where('code', 'in', targets.counties)
          .orderBy('code')
          .execute()
      : [],
    targets.municipalities.length
      ? db
          .selectFrom('municipalities')
          .select(['code', 'name'])
          .where('code', 'in', targets.municipalities)
          .orderBy('name')
          .execute()
      : [],
    getCpvLabels(db, targets.cpv_codes, locale),
  ])
  return {
    initiative,
    owners,
    themes,
    sectors,
    counties,
    municipalities,
    cpv,
    sizeClasses: targets.size_classes,
    calls: await calls.orderBy('id').execute(),
    offers: await offers.orderBy('id').execute(),
    requests: visibleRequests,
    viewer: { isOwnerMember, isEditor, canAskFor },
  }
}
export type InitiativePage = Awaited<ReturnType<typeof getInitiative>>
