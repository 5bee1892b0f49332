import { outerLoop } from './catalogue-query.server'
import type { DB } from '#db/connection'
import type { Locale } from '~/i18n/locales'
import { getTranslator } from '~/i18n/messages'
import { csvDateTime } from '~/utils/csv.server'
import { getEnv } from '~/utils/env.server'
import { eventsQuery } from './event-reads.server'
import { overviewQuery, type OverviewFilters } from './initiative-overview.server'
import { ownersOf } from './initiative-reads.server'
import {
  groupBy,
  joined,
  keysetBatches,
  laterThan,
  olderThan,
  type CsvExport,
  type ExportOptions,
} from './list-export.server'
import {
  directoryQuery,
  type DirectoryFilters,
  ORGANISATION_CARD_COLUMNS,
} from './organisations.server'

// CSV exports of the organisation directory, the initiatives register and the events list
// (decision record 042): the list's own query and visibility, in keyset batches.

/** Every organisation the directory shows under `filters`, by name like the page. */
export function organisationsCsv(
  db: DB,
  filters: DirectoryFilters,
  locale: Locale,
  options: ExportOptions = {},
): CsvExport {
  const t = getTranslator(locale)
  const origin = getEnv().APP_ORIGIN
  const base = directoryQuery(db, filters).select([
    'organisations.id',
    ...ORGANISATION_CARD_COLUMNS,
    'counties.name as county_name',
    'municipalities.name as municipality_name',
  ])
  type Row = Awaited<ReturnType<typeof base.execute>>[number]
  const rows = keysetBatches(
    (after: Row | null, limit: number) =>
      (after
        ? base.where(laterThan('organisations.name', 'organisations.id', after.name, after.id))
        : base
      )
        .orderBy('organisations.name')
        .orderBy('organisations.id')
        .limit(limit)
        .execute(),
    options,
  )
  async function* batches() {
    for await (const batch of rows) {
      yield batch.map((r) => [
        r.name,
        t(`org.kind.${r.kind}`),
        r.kind === 'public_body' && r.public_body_type
          ? t(`org.type.${r.public_body_type}`)
          : r.kind === 'intermediary' && r.intermediary_type
            ? t(`org.itype.${r.intermediary_type}`)
            : r.kind === 'company' && r.size_class
              ? t(`org.size.${r.size_class}`)
              : '',
        r.county_name,
        r.municipality_name,
        `${origin}/organisations/${r.slug}`,
      ])
    }
  }
  const header = [
    'csvCol.name',
    'csvCol.kind',
    'csvCol.category',
    'csvCol.county',
    'csvCol.municipality',
    'csvCol.url',
  ] as const
  return { header: header.map((key) => t(key)), batches: batches() }
}

/** Every initiative the register lists under `filters`, newest registered first. */
export function initiativesCsv(
  db: DB,
  filters: OverviewFilters,
  locale: Locale,
  options: ExportOptions = {},
): CsvExport {
  const t = getTranslator(locale)
  const origin = getEnv().APP_ORIGIN
  const base = overviewQuery(db, filters).select([
    'initiatives.id',
    'initiatives.kind',
    'initiatives.title',
    'initiatives.status',
    'initiatives.starts_on',
    'initiatives.ends_on',
    'initiatives.created_at',
  ])
  type Row = Awaited<ReturnType<typeof base.execute>>[number]
  const rows = keysetBatches(
    (after: Row | null, limit: number) =>
      (after
        ? base.where(
            olderThan('initiatives.created_at', 'initiatives.id', after.created_at, after.id),
          )
        : base
      )
        .orderBy('initiatives.created_at', 'desc')
        .orderBy('initiatives.id', 'desc')
        .limit(limit)
        .execute(),
    options,
  )
  async function* batches() {
    for await (const batch of rows) {
      const ids = batch.map((r) => r.id)
      const [owners, themes, counties, cpv] = await Promise.all([
        ownersOf(db, ids),
        db
          .selectFrom('initiative_themes')
          .innerJoin('themes', 'themes.code', 'initiative_themes.theme_code')
          .select(['initiative_themes.initiative_id as id', 'themes.name_sv', 'themes.name_en'])
          .where('initiative_themes.initiative_id', 'in', ids)
          .orderBy('themes.position')
          .execute(),
        db
          .selectFrom('initiative_counties')
          .innerJoin('counties', 'counties.code', 'initiative_counties.county_code')
          .select(['initiative_counties.initiative_id as id', 'counties.name'])
          .where('initiative_counties.initiative_id', 'in', ids)
          .orderBy('counties.code')
          .execute(),
        db
          .selectFrom('initiative_cpv_codes')
          .select(['initiative_id as id', 'cpv_code'])
          .where('initiative_id', 'in', ids)
          .orderBy('cpv_code')
          .execute(),
      ])
      const themesOf = groupBy(themes, (r) => (locale === 'en' ? r.name_en : r.name_sv))
      const countiesOf = groupBy(counties, (r) => r.name)
      const cpvOf = groupBy(cpv, (r) => r.cpv_code)
      yield batch.map((r) => [
        r.id,
        r.title,
        t(`initiative.kind.${r.kind}`),
        t(`initiative.status.${r.status}`),
        (owners.get(r.id) ?? []).map((o) => o.name).join(' + '),
        joined(countiesOf.get(r.id)),
        joined(themesOf.get(r.id)),
        joined(cpvOf.get(r.id)),
        r.starts_on ?? '',
        r.ends_on ?? '',
        csvDateTime(r.created_at),
        `${origin}/initiatives/${r.id}`,
      ])
    }
  }
  const header = [
    'csvCol.id',
    'csvCol.title',
    'csvCol.kind',
    'csvCol.status',
    'csvCol.owners',
    'csvCol.counties',
    'csvCol.themes',
    'csvCol.cpv',
    'csvCol.startsOn',
    'csvCol.endsOn',
    'csvCol.registered',
    'csvCol.url',
  ] as const
  return { header: header.map((key) => t(key)), batches: batches() }
}

/** Every event, upcoming and past (the list shows both), latest start first. */
export function eventsCsv(db: DB, locale: Locale, options: ExportOptions = {}): CsvExport {
  const t = getTranslator(locale)
  const origin = getEnv().APP_ORIGIN
  const base = eventsQuery(db)
  type Row = Awaited<ReturnType<typeof base.execute>>[number]
  const rows = keysetBatches(
    (after: Row | null, limit: number) =>
      (after ? base.where(olderThan('e.starts_at', 'e.id', after.starts_at, after.id)) : base)
        .orderBy('e.starts_at', 'desc')
        .orderBy('e.id', 'desc')
        .limit(limit)
        .execute(),
    options,
  )
  async function* batches() {
    for await (const batch of rows) {
      yield batch.map((r) => [
        r.id,
        r.title,
        t(`events.kind.${r.kind}`),
        r.organiser_name,
        r.initiative_title,
        csvDateTime(r.starts_at),
        csvDateTime(r.ends_at),
        csvDateTime(r.registration_deadline),
        r.venue,
        t(r.online ? 'csvCol.yes' : 'csvCol.no'),
        r.capacity,
        Number(r.confirmed),
        Number(r.waiting),
        t(`events.status.${r.status}`),
        `${origin}/events/${r.id}`,
      ])
    }
  }
  const header = [
    'csvCol.id',
    'csvCol.title',
    'csvCol.kind',
    'csvCol.organiser',
    'csvCol.initiative',
    'csvCol.starts',
    'csvCol.ends',
    'csvCol.registrationDeadline',
    'csvCol.venue',
    'csvCol.online',
    'csvCol.capacity',
    'csvCol.confirmed',
    'csvCol.waiting',
    'csvCol.status',
    'csvCol.url',
  ] as const
  return { header: header.map((key) => t(key)), batches: batches() }
}

/** Every published regional agenda (the /agendas list), newest published first. */
export function agendasCsv(db: DB, locale: Locale, options: ExportOptions = {}): CsvExport {
  const t = getTranslator(locale)
  const origin = getEnv().APP_ORIGIN
  const base = db
    .selectFrom('agendas as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .innerJoin('counties', (join) => join.on('counties.code', '=', outerLoop('o.county_code')))
    .select((eb) => [
      'a.id',
      'a.title',
      'a.starts_on',
      'a.published_at',
      'o.slug',
      'o.name',
      'counties.name as county_name',
      eb
        .selectFrom('agenda_goals as g')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('g.agenda_id', '=', 'a.id')
        .where('g.status', '=', 'published')
        .as('goal_count'),
    ])
    .where('a.status', '=', 'published')
  type Row = Awaited<ReturnType<typeof base.execute>>[number]
  const rows = keysetBatches(
    (after: Row | null, limit: number) =>
      (after
        ? base.where(olderThan('a.published_at', 'a.id', after.published_at ?? 0, after.id))
        : base
      )
        .orderBy('a.published_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(limit)
        .execute(),
    options,
  )
  async function* batches() {
    for await (const batch of rows) {
      yield batch.map((r) => [
        r.id,
        r.title,
        r.name,
        r.county_name,
        r.starts_on,
        Number(r.goal_count ?? 0),
        csvDateTime(r.published_at),
        `${origin}/organisations/${r.slug}/agenda`,
      ])
    }
  }
  const header = [
    'csvCol.id',
    'csvCol.title',
    'csvCol.region',
    'csvCol.county',
    'csvCol.startsOn',
    'csvCol.goals',
    'csvCol.published',
    'csvCol.url',
  ] as const
  return { header: header.map((key) => t(key)), batches: batches() }
}
