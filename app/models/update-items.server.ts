import type { DB } from '#db/connection'
import type { NotificationChannel, UpdateKind, UpdateSubject } from '#db/schema'
import type { Locale } from '~/i18n/locales'

// What an update is about, for a notification list, a mail or a feed (decision record 035): the
// subject's title in the reader's language, its page and the organisation behind it.

export interface UpdateItem {
  updateId: number
  kind: UpdateKind
  subjectType: UpdateSubject
  subjectId: number
  title: string
  organisation: string
  path: string
  at: number
}

const CHANGES: readonly UpdateKind[] = [
  'call_amended',
  'call_answered',
  'call_opened',
  'call_decided',
  'call_cancelled',
]
const DEADLINES: readonly UpdateKind[] = [
  'call_deadline_7d',
  'call_deadline_1d',
  'test_bed_deadline_7d',
  'test_bed_deadline_1d',
]

/** The kind of notification an update is, for the person's delivery choice. */
export function channelOf(kind: UpdateKind): NotificationChannel {
  if (CHANGES.includes(kind)) return 'changes'
  if (DEADLINES.includes(kind)) return 'deadlines'
  return 'new_items'
}

export function pathOf(subjectType: UpdateSubject, subjectId: number): string {
  switch (subjectType) {
    case 'call':
      return `/calls/${subjectId}`
    case 'test_bed':
      return `/test-beds/${subjectId}`
    case 'initiative':
      return `/initiatives/${subjectId}`
    case 'reference':
      return `/references/${subjectId}`
    case 'event':
      return `/events/${subjectId}`
  }
}

/** The updates `ids` with their subjects' titles, in the order of `ids`. */
export async function describeUpdates(
  db: DB,
  ids: readonly number[],
  locale: Locale,
): Promise<UpdateItem[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('updates')
    .innerJoin('organisations as org', 'org.id', 'updates.organisation_id')
    .leftJoin('calls', (j) =>
      j.onRef('calls.id', '=', 'updates.subject_id').on('updates.subject_type', '=', 'call'),
    )
    .leftJoin('test_bed_offers as offer', (j) =>
      j.onRef('offer.id', '=', 'updates.subject_id').on('updates.subject_type', '=', 'test_bed'),
    )
    .leftJoin('initiatives', (j) =>
      j
        .onRef('initiatives.id', '=', 'updates.subject_id')
        .on('updates.subject_type', '=', 'initiative'),
    )
    .leftJoin('reference_cases as ref', (j) =>
      j.onRef('ref.id', '=', 'updates.subject_id').on('updates.subject_type', '=', 'reference'),
    )
    .leftJoin('events', (j) =>
      j.onRef('events.id', '=', 'updates.subject_id').on('updates.subject_type', '=', 'event'),
    )
    .select([
      'updates.id',
      'updates.kind',
      'updates.subject_type',
      'updates.subject_id',
      'updates.created_at',
      'org.name as organisation',
      'calls.title as call_title',
      'offer.title as offer_title',
      'initiatives.title as initiative_title',
      'ref.title_sv as ref_title_sv',
      'ref.title_en as ref_title_en',
      'events.title as event_title',
    ])
    .where('updates.id', 'in', [...ids])
    .execute()
  const byId = new Map(
    rows.map((r) => {
      const title =
        r.call_title ??
        r.offer_title ??
        r.initiative_title ??
        (locale === 'en' && r.ref_title_en ? r.ref_title_en : r.ref_title_sv) ??
        r.event_title ??
        ''
      const item: UpdateItem = {
        updateId: r.id,
        kind: r.kind,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        title,
        organisation: r.organisation,
        path: pathOf(r.subject_type, r.subject_id),
        at: r.created_at,
      }
      return [r.id, item] as const
    }),
  )
  return ids.flatMap((id) => byId.get(id) ?? [])
}
