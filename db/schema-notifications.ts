import type { ColumnType, Generated, Selectable } from 'kysely'

// Follows, updates and notifications (migration 2026-12-07-21-notifications, decision record 035).

/** A nullable column the database or a later step fills in (optional on insert). */
type Later<T> = ColumnType<T | null, T | null | undefined, T | null>

export type FollowTarget = 'call' | 'test_bed' | 'organisation' | 'initiative' | 'agenda'
export type UpdateKind =
  | 'call_published'
  | 'call_amended'
  | 'call_answered'
  | 'call_opened'
  | 'call_decided'
  | 'call_cancelled'
  | 'call_deadline_7d'
  | 'call_deadline_1d'
  | 'test_bed_published'
  | 'test_bed_deadline_7d'
  | 'test_bed_deadline_1d'
  | 'initiative_created'
  | 'reference_published'
  | 'event_published'
export type UpdateSubject = 'call' | 'test_bed' | 'initiative' | 'reference' | 'event'
/** The kinds a person chooses a delivery for. */
export type NotificationChannel = 'changes' | 'deadlines' | 'new_items' | 'searches'
export type DeliveryMode = 'off' | 'immediate' | 'daily' | 'weekly'
export type NotificationMail = DeliveryMode | 'covered'
export type DigestPeriod = 'daily' | 'weekly'

export interface FollowsTable {
  user_id: number
  target_type: FollowTarget
  target_id: number
  created_at: number
}

export interface UpdatesTable {
  id: Generated<number>
  kind: UpdateKind
  subject_type: UpdateSubject
  subject_id: number
  organisation_id: number
  key: string
  /** The call_notifications event of the procurement mail that told the same thing, if any. */
  legal_event: Later<string>
  created_at: number
  fanned_out_at: Later<number>
}
export type Update = Selectable<UpdatesTable>

export interface NotificationPreferencesTable {
  user_id: number
  channel: NotificationChannel
  mode: DeliveryMode
  updated_at: number
}

export interface NotificationDigestsTable {
  id: Generated<number>
  user_id: number
  channel: NotificationChannel
  period: DigestPeriod
  period_start: number
  outbox_id: number
  item_count: number
  created_at: number
}

export interface NotificationsTable {
  id: Generated<number>
  user_id: number
  update_id: number
  channel: NotificationChannel
  /** Why it reached the person: 'follow:call:3', 'search:12' … */
  reason: string
  mail: NotificationMail
  created_at: number
  read_at: Later<number>
  mailed_at: Later<number>
  outbox_id: Later<number>
  digest_id: Later<number>
}
