import type { DB } from '#db/connection'
import type { AccessModel, Intake } from '#db/schema'
import type { Locale } from '~/i18n/locales'
import { listCounties, listMunicipalities, listThemes } from './reference.server'

// The public history of a test-bed offer: every published version with what changed. The
// database writes the versions (migration 2026-11-25-02); this module reads and compares them.

/**
 * How the history shows a field: a long text is only marked as changed (the current text is on
 * the offer's page); every other field shows its old and new value, named or formatted.
 */
type Shown =
  | 'long'
  | 'text'
  | 'themes'
  | 'county'
  | 'municipality'
  | 'number'
  | 'bool'
  | 'date'
  | 'dateTime'
  | 'money'
  | 'intake'
  | 'access'

/**
 * The recorded content of an offer (the migration's snapshot: the offer's content columns and its
 * themes), in the order the history shows it, each with how it is shown.
 */
const SHOWN = {
  title: 'text',
  summary: 'long',
  description: 'long',
  themes: 'themes',
  county_code: 'county',
  municipality_code: 'municipality',
  places: 'long',
  environments: 'long',
  test_users: 'long',
  test_user_count: 'number',
  staff_time: 'long',
  data_access: 'long',
  premises: 'long',
  equipment: 'long',
  trl_min: 'number',
  trl_max: 'number',
  requires_ce_marking: 'bool',
  requires_dpia: 'bool',
  requires_insurance: 'bool',
  other_requirements: 'long',
  capacity: 'number',
  available_from: 'date',
  available_until: 'date',
  intake: 'intake',
  deadline: 'dateTime',
  access_model: 'access',
  market_value_sek: 'money',
  price_sek: 'money',
  contact_role: 'text',
  contact_email: 'text',
} as const satisfies Record<string, Shown>
export type HistoryField = keyof typeof SHOWN

/** The recorded content of an offer, in the order the history shows it. */
export const HISTORY_FIELDS = Object.keys(SHOWN) as HistoryField[]

export type HistoryValue =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; at: number }
  | { kind: 'dateTime'; at: number }
  | { kind: 'money'; sek: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'intake'; value: Intake }
  | { kind: 'access'; value: AccessModel }
  | { kind: 'empty' }

export type HistoryChange =
  | { field: HistoryField; long: true }
  | { field: HistoryField; long: false; before: HistoryValue; after: HistoryValue }

type Snapshot = Record<string, unknown>

interface Names {
  counties: Map<string, string>
  municipalities: Map<string, string>
  themes: Map<string, string>
}

function displayValue(field: HistoryField, raw: unknown, names: Names): HistoryValue {
  if (raw === null || raw === undefined || raw === '') return { kind: 'empty' }
  switch (SHOWN[field]) {
    case 'themes': {
      const codes = Array.isArray(raw) ? (raw as string[]) : []
      if (codes.length === 0) return { kind: 'empty' }
      return { kind: 'text', text: codes.map((c) => names.themes.get(c) ?? c).join(', ') }
    }
    case 'county':
      return { kind: 'text', text: names.counties.get(String(raw)) ?? String(raw) }
    case 'municipality':
      return { kind: 'text', text: names.municipalities.get(String(raw)) ?? String(raw) }
    case 'number':
      return { kind: 'number', value: Number(raw) }
    case 'bool':
      return { kind: 'bool', value: Number(raw) === 1 }
    case 'date':
      return { kind: 'date', at: Number(raw) }
    case 'dateTime':
      return { kind: 'dateTime', at: Number(raw) }
    case 'money':
      return { kind: 'money', sek: Number(raw) }
    case 'intake':
      return { kind: 'intake', value: raw as Intake }
    case 'access':
      return { kind: 'access', value: raw as AccessModel }
    default:
      return { kind: 'text', text: String(raw) }
  }
}

/** Which recorded fields differ between two snapshots, with old and new values for short ones. */
export function diffSnapshots(previous: Snapshot, next: Snapshot, names: Names): HistoryChange[] {
  const changes: HistoryChange[] = []
  for (const field of HISTORY_FIELDS) {
    if (JSON.stringify(previous[field] ?? null) === JSON.stringify(next[field] ?? null)) continue
    if (SHOWN[field] === 'long') changes.push({ field, long: true })
    else {
      changes.push({
        field,
        long: false,
        before: displayValue(field, previous[field], names),
        after: displayValue(field, next[field], names),
      })
    }
  }
  return changes
}

/**
 * The public history of an offer: every published version, newest first, with who changed it,
 * the note and what changed. Null for offers that were never published (the page answers 404).
 */
export async function getOfferHistory(db: DB, offerId: number, locale: Locale) {
  const offer = await db
    .selectFrom('test_bed_offers as o')
    .innerJoin('organisations as h', 'h.id', 'o.organisation_id')
    .select(['o.id', 'o.status', 'h.name as host_name', 'h.slug as host_slug'])
    .where('o.id', '=', offerId)
    .executeTakeFirst()
  if (!offer) return null
  const rows = await db
    .selectFrom('test_bed_offer_versions as v')
    .innerJoin('users as u', 'u.id', 'v.changed_by')
    .select(['v.version', 'v.at', 'v.change_note', 'v.snapshot_json', 'u.name as changed_by_name'])
    .where('v.offer_id', '=', offerId)
    .orderBy('v.version')
    .execute()
  if (rows.length === 0) return null
  const [counties, municipalities, themes] = await Promise.all([
    listCounties(db),
    listMunicipalities(db),
    listThemes(db, locale),
  ])
  const names: Names = {
    counties: new Map(counties.map((c) => [c.code, c.name])),
    municipalities: new Map(municipalities.map((m) => [m.code, m.name])),
    themes: new Map(themes.map((t) => [t.code, t.name])),
  }
  const snapshots = rows.map((r) => JSON.parse(r.snapshot_json) as Snapshot)
  const versions = rows.map((row, i) => {
    const previous = i > 0 ? snapshots[i - 1] : undefined
    const snapshot = snapshots[i] ?? {}
    return {
      version: row.version,
      at: row.at,
      changedBy: row.changed_by_name,
      changeNote: row.change_note,
      changes: previous ? diffSnapshots(previous, snapshot, names) : null,
    }
  })
  const latest = snapshots[snapshots.length - 1] ?? {}
  return {
    offer: {
      id: offer.id,
      status: offer.status,
      title: String(latest.title ?? ''),
      hostName: offer.host_name,
      hostSlug: offer.host_slug,
    },
    versions: versions.reverse(),
  }
}
