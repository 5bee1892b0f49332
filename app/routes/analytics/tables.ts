import type { MessageKey, Translate } from '~/i18n/messages'
import type { CompanyData, RepeatPurchases, Role } from '~/models/analytics-companies.server'
import type { PipelineData, Stage, StageCounts } from '~/models/analytics.server'

// Client-safe: every table of the analytics page as plain data — a caption, columns and rows of
// numbers — so the page and the CSV download (/analytics.csv) show exactly the same figures.
// A value is null where there is nothing to count (a share of nothing, a median of no calls).

export const TABLES = [
  'pipeline',
  'years',
  'counties',
  'themes',
  'sme',
  'sme-years',
  'repeat',
] as const
export type TableKey = (typeof TABLES)[number]

export type ColumnKind = 'count' | 'percent' | 'days'

export interface DataTable {
  key: TableKey
  caption: string
  /** The heading of the row-label column. */
  rowHeader: string
  columns: ReadonlyArray<{ label: string; kind: ColumnKind }>
  rows: ReadonlyArray<{ key: string; label: string; values: ReadonlyArray<number | null> }>
}

type Data = { pipeline: PipelineData; companies: CompanyData }

const STAGE_ORDER: readonly Stage[] = ['offers', 'pilots', 'calls', 'awards', 'references']
const ROLE_ORDER: readonly Role[] = ['applicants', 'bidders', 'winners']

/** part / of as a percentage, or null when there is nothing to take a share of. */
export function percent(part: number, of: number): number | null {
  return of > 0 ? (part / of) * 100 : null
}

const stageColumns = (t: Translate) =>
  STAGE_ORDER.map((s) => ({
    label: t(`analytics.stage.${s}` as MessageKey),
    kind: 'count' as const,
  }))
const stageValues = (counts: StageCounts) => STAGE_ORDER.map((s) => counts[s])

function pipelineTable({ pipeline }: Data, t: Translate): DataTable {
  return {
    key: 'pipeline',
    caption: t('analytics.pipeline.caption'),
    rowHeader: t('analytics.col.stage'),
    columns: [
      { label: t('analytics.col.count'), kind: 'count' },
      { label: t('analytics.col.wentOn'), kind: 'count' },
      { label: t('analytics.col.of'), kind: 'count' },
      { label: t('analytics.col.conversion'), kind: 'percent' },
    ],
    rows: STAGE_ORDER.map((stage) => {
      const c = pipeline.conversions.find((x) => x.from === stage)
      return {
        key: stage,
        label: t(`analytics.stage.${stage}` as MessageKey),
        values: [
          pipeline.totals[stage],
          c ? c.part : null,
          c ? c.of : null,
          c ? percent(c.part, c.of) : null,
        ],
      }
    }),
  }
}

function yearsTable({ pipeline }: Data, t: Translate): DataTable {
  return {
    key: 'years',
    caption: t('analytics.years.caption'),
    rowHeader: t('analytics.col.year'),
    columns: [...stageColumns(t), { label: t('analytics.col.median'), kind: 'days' }],
    rows: pipeline.years.map((y) => ({
      key: y.year,
      label: y.year,
      values: [...stageValues(y.counts), y.median?.days ?? null],
    })),
  }
}

function countiesTable({ pipeline }: Data, t: Translate): DataTable {
  return {
    key: 'counties',
    caption: t('analytics.counties.caption'),
    rowHeader: t('analytics.col.county'),
    columns: [...stageColumns(t), { label: t('analytics.col.median'), kind: 'days' }],
    rows: pipeline.counties.map((c) => ({
      key: c.code,
      label: c.name,
      values: [...stageValues(c.counts), c.median?.days ?? null],
    })),
  }
}

function themesTable({ pipeline }: Data, t: Translate): DataTable {
  return {
    key: 'themes',
    caption: t('analytics.themes.caption'),
    rowHeader: t('analytics.col.theme'),
    columns: stageColumns(t),
    rows: pipeline.themes.map((th) => ({
      key: th.code,
      label: th.name,
      values: stageValues(th.counts),
    })),
  }
}

const shareColumns = (t: Translate) => [
  { label: t('analytics.col.companies'), kind: 'count' as const },
  { label: t('analytics.col.smes'), kind: 'count' as const },
  { label: t('analytics.col.smeShare'), kind: 'percent' as const },
]

function smeTable({ companies }: Data, t: Translate): DataTable {
  return {
    key: 'sme',
    caption: t('analytics.sme.caption'),
    rowHeader: t('analytics.col.role'),
    columns: shareColumns(t),
    rows: ROLE_ORDER.map((role) => {
      const s = companies.shares.find((x) => x.role === role)!
      return {
        key: role,
        label: t(`analytics.role.${role}` as MessageKey),
        values: [s.companies, s.smes, percent(s.smes, s.companies)],
      }
    }),
  }
}

function smeYearsTable({ companies }: Data, t: Translate): DataTable {
  return {
    key: 'sme-years',
    caption: t('analytics.smeYears.caption'),
    rowHeader: t('analytics.col.year'),
    columns: ROLE_ORDER.flatMap((role) => [
      { label: t(`analytics.col.companiesOf.${role}` as MessageKey), kind: 'count' as const },
      { label: t(`analytics.col.smeShareOf.${role}` as MessageKey), kind: 'percent' as const },
    ]),
    rows: companies.years.map((y) => ({
      key: y.year,
      label: y.year,
      values: ROLE_ORDER.flatMap((role) => {
        const s = y.shares.find((x) => x.role === role)!
        return [s.companies, percent(s.smes, s.companies)]
      }),
    })),
  }
}

const REPEAT_ORDER: ReadonlyArray<Exclude<keyof RepeatPurchases, 'awards'>> = [
  'sameBuyer',
  'afterPilot',
  'referenceCompany',
]

function repeatTable({ companies }: Data, t: Translate): DataTable {
  const { repeat } = companies
  return {
    key: 'repeat',
    caption: t('analytics.repeat.caption'),
    rowHeader: t('analytics.col.measure'),
    columns: [
      { label: t('analytics.col.awards'), kind: 'count' },
      { label: t('analytics.col.shareOfAwards'), kind: 'percent' },
    ],
    rows: [
      { key: 'awards', label: t('analytics.repeat.awards'), values: [repeat.awards, null] },
      ...REPEAT_ORDER.map((key) => ({
        key,
        label: t(`analytics.repeat.${key}` as MessageKey),
        values: [repeat[key], percent(repeat[key], repeat.awards)],
      })),
    ],
  }
}

const BUILDERS: Record<TableKey, (data: Data, t: Translate) => DataTable> = {
  pipeline: pipelineTable,
  years: yearsTable,
  counties: countiesTable,
  themes: themesTable,
  sme: smeTable,
  'sme-years': smeYearsTable,
  repeat: repeatTable,
}

export function buildTable(key: TableKey, data: Data, t: Translate): DataTable {
  return BUILDERS[key](data, t)
}
