import { outerLoop } from './catalogue-query.server'
import type { DB } from '#db/connection'
import type { Locale } from '~/i18n/locales'
import { getTranslator } from '~/i18n/messages'
import { shownCallStatus } from '~/utils/call-status'
import { now } from '~/utils/clock.server'
import { csvDateTime, csvKronor } from '~/utils/csv.server'
import { getEnv } from '~/utils/env.server'
import { toStockholmDateInput } from '~/utils/stockholm-time'
import { listQuery, themesOf as callThemes, type CallFilters } from './call-catalogue.server'
import {
  groupBy,
  joined,
  keysetBatches,
  olderThan,
  type CsvExport,
  type ExportOptions,
} from './list-export.server'
import {
  filtered,
  themesOf as caseThemes,
  sourceCounty,
  type ReferenceFilters,
} from './showcase.server'
import {
  catalogueQuery,
  themesOf as offerThemes,
  type CatalogueFilters,
} from './test-bed-catalogue.server'

// CSV exports of the calls list, the test-bed catalogue and the reference gallery (decision record
// 042): the list's own query (visibility and filters), newest published first, in keyset batches.

/** Every call the list shows under `filters` (drafts never), newest published first. */
export function callsCsv(
  db: DB,
  filters: CallFilters,
  locale: Locale,
  options: ExportOptions = {},
): CsvExport {
  const t = getTranslator(locale)
  const origin = getEnv().APP_ORIGIN
  const at = now()
  const base = listQuery(db, filters, at)
    .innerJoin('organisations as buyer', 'buyer.id', 'calls.organisation_id')
    .innerJoin('counties', (join) => join.on('counties.code', '=', outerLoop('calls.county_code')))
    .leftJoin('municipalities', 'municipalities.code', 'calls.municipality_code')
    .select([
      'calls.id',
      'calls.title',
      'calls.status',
      'calls.procedure',
      'calls.question_deadline',
      'calls.tender_deadline',
      'calls.estimated_value_sek',
      'calls.published_at',
      'buyer.name as buyer_name',
      'counties.name as county_name',
      'municipalities.name as municipality_name',
    ])
  type Row = Awaited<ReturnType<typeof base.execute>>[number]
  const rows = keysetBatches(
    (after: Row | null, limit: number) =>
      (after
        ? base.where(olderThan('calls.published_at', 'calls.id', after.published_at ?? 0, after.id))
        : base
      )
        .orderBy('calls.published_at', 'desc')
        .orderBy('calls.id', 'desc')
        .limit(limit)
        .execute(),
    options,
  )
  async function* batches() {
    for await (const batch of rows) {
      const ids = batch.map((r) => r.id)
      const [themes, cpv] = await Promise.all([
        callThemes(db, ids, locale),
        db
          .selectFrom('call_cpv_codes')
          .select(['call_id as id', 'cpv_code'])
          .where('call_id', 'in', ids)
          .orderBy('call_id')
          .orderBy('cpv_code')
          .execute(),
      ])
      const cpvOf = groupBy(cpv, (r) => r.cpv_code)
      yield batch.map((r) => [
        r.id,
        r.title,
        r.buyer_name,
        r.county_name,
        r.municipality_name,
        joined(themes.get(r.id)?.map((th) => th.name)),
        t(`call.status.${shownCallStatus(r, at)}`),
        t(`call.procedure.${r.procedure}`),
        joined(cpvOf.get(r.id)),
        csvDateTime(r.question_deadline),
        csvDateTime(r.tender_deadline),
        csvKronor(r.estimated_value_sek),
        csvDateTime(r.published_at),
        `${origin}/calls/${r.id}`,
      ])
    }
  }
  const header = [
    'csvCol.id',
    'csvCol.title',
    'csvCol.buyer',
    'csvCol.county',
    'csvCol.municipality',
    'csvCol.themes',
    'csvCol.status',
    'csvCol.procedure',
    'csvCol.cpv',
    'csvCol.questionDeadline',
    'csvCol.tenderDeadline',
    'csvCol.value',
    'csvCol.published',
    'csvCol.url',
  ] as const
  return { header: header.map((key) => t(key)), batches: batches() }
}

/** Every offer the catalogue shows under `filters` (drafts never), newest published first. */
export function testBedsCsv(
  db: DB,
  filters: CatalogueFilters,
  locale: Locale,
  options: ExportOptions = {},
): CsvExport {
  const t = getTranslator(locale)
  const origin = getEnv().APP_ORIGIN
  const at = now()
  const base = catalogueQuery(db, filters, at)
    .query.innerJoin('organisations as host', 'host.id', 'test_bed_offers.organisation_id')
    .innerJoin('counties', (join) =>
      join.on('counties.code', '=', outerLoop('test_bed_offers.county_code')),
    )
    .leftJoin('municipalities', 'municipalities.code', 'test_bed_offers.municipality_code')
    .select([
      'test_bed_offers.id',
      'test_bed_offers.title',
      'test_bed_offers.status',
      'test_bed_offers.intake',
      'test_bed_offers.deadline',
      'test_bed_offers.access_model',
      'test_bed_offers.trl_min',
      'test_bed_offers.trl_max',
      'test_bed_offers.published_at',
      'host.name as host_name',
      'counties.name as county_name',
      'municipalities.name as municipality_name',
    ])
  type Row = Awaited<ReturnType<typeof base.execute>>[number]
  const rows = keysetBatches(
    (after: Row | null, limit: number) =>
      (after
        ? base.where(
            olderThan(
              'test_bed_offers.published_at',
              'test_bed_offers.id',
              after.published_at ?? 0,
              after.id,
            ),
          )
        : base
      )
        .orderBy('test_bed_offers.published_at', 'desc')
        .orderBy('test_bed_offers.id', 'desc')
        .limit(limit)
        .execute(),
    options,
  )
  async function* batches() {
    for await (const batch of rows) {
      const themes = await offerThemes(
        db,
        batch.map((r) => r.id),
        locale,
      )
      yield batch.map((r) => {
        const openNow =
          r.status === 'published' &&
          (r.intake === 'rolling' || (r.deadline !== null && r.deadline > at))
        return [
          r.id,
          r.title,
          r.host_name,
          r.county_name,
          r.municipality_name,
          joined(themes.get(r.id)?.map((th) => th.name)),
          t(`testBed.status.${r.status}`),
          t(openNow ? 'csvCol.yes' : 'csvCol.no'),
          t(`testBed.intake.${r.intake}`),
          csvDateTime(r.deadline),
          t(`testBed.access.${r.access_model}`),
          r.trl_min,
          r.trl_max,
          csvDateTime(r.published_at),
          `${origin}/test-beds/${r.id}`,
        ]
      })
    }
  }
  const header = [
    'csvCol.id',
    'csvCol.title',
    'csvCol.host',
    'csvCol.county',
    'csvCol.municipality',
    'csvCol.themes',
    'csvCol.status',
    'csvCol.openNow',
    'csvCol.intake',
    'csvCol.applicationDeadline',
    'csvCol.access',
    'csvCol.trlMin',
    'csvCol.trlMax',
    'csvCol.published',
    'csvCol.url',
  ] as const
  return { header: header.map((key) => t(key)), batches: batches() }
}

/** Every published reference case the gallery shows under `filters`, newest first. */
export function referencesCsv(
  db: DB,
  filters: ReferenceFilters,
  locale: Locale,
  options: ExportOptions = {},
): CsvExport {
  const t = getTranslator(locale)
  const origin = getEnv().APP_ORIGIN
  const base = filtered(db, filters)
    .innerJoin('organisations as pb', 'pb.id', 'reference_cases.public_body_id')
    .innerJoin('organisations as co', 'co.id', 'reference_cases.company_id')
    .select((eb) => [
      'reference_cases.id',
      'reference_cases.pilot_id',
      'reference_cases.call_id',
      'reference_cases.title_sv',
      'reference_cases.title_en',
      'reference_cases.started_on',
      'reference_cases.ended_on',
      'reference_cases.first_published_at',
      'pb.name as public_body_name',
      'co.name as company_name',
      'co.size_class as company_size_class',
      eb
        .selectFrom('counties')
        .select('counties.name')
        .whereRef('counties.code', '=', sourceCounty)
        .as('county_name'),
    ])
  type Row = Awaited<ReturnType<typeof base.execute>>[number]
  const rows = keysetBatches(
    (after: Row | null, limit: number) =>
      (after
        ? base.where(
            olderThan(
              'reference_cases.first_published_at',
              'reference_cases.id',
              after.first_published_at ?? 0,
              after.id,
            ),
          )
        : base
      )
        .orderBy('reference_cases.first_published_at', 'desc')
        .orderBy('reference_cases.id', 'desc')
        .limit(limit)
        .execute(),
    options,
  )
  async function* batches() {
    for await (const batch of rows) {
      const themes = await caseThemes(db, batch, locale)
      yield batch.map((r) => [
        r.id,
        (locale === 'en' ? r.title_en : null) ?? r.title_sv,
        r.public_body_name,
        r.company_name,
        r.company_size_class ? t(`org.size.${r.company_size_class}`) : '',
        r.county_name,
        joined(themes.get(r.id)?.map((th) => th.name)),
        toStockholmDateInput(r.started_on),
        r.ended_on === null ? '' : toStockholmDateInput(r.ended_on),
        csvDateTime(r.first_published_at),
        `${origin}/references/${r.id}`,
      ])
    }
  }
  const header = [
    'csvCol.id',
    'csvCol.title',
    'csvCol.publicBody',
    'csvCol.company',
    'csvCol.companySize',
    'csvCol.county',
    'csvCol.themes',
    'csvCol.startedOn',
    'csvCol.endedOn',
    'csvCol.published',
    'csvCol.url',
  ] as const
  return { header: header.map((key) => t(key)), batches: batches() }
}
