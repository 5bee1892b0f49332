import type { ColumnType, Generated } from 'kysely'
import type { Defaulted } from './schema-columns'

// Events (migration 2026-12-07-14-events, decision record 031).

/** A nullable column the database fills in later (optional on insert). */
type Later<T> = ColumnType<T | null, T | null | undefined, T | null>

export type EventKind = 'b2b_forum' | 'study_visit' | 'seminar' | 'round_table'
export type EventStatus = 'published' | 'cancelled'
export type EventRegistrationStatus = 'confirmed' | 'waiting' | 'cancelled'
export type EventAttendance = 'attended' | 'no_show'

/** An event a verified public body or intermediary organises; never deleted. */
export interface EventsTable {
  id: Generated<number>
  organisation_id: number
  initiative_id: number | null
  kind: EventKind
  title: string
  description: string
  /** UTC unix seconds; shown in Europe/Stockholm with the zone. */
  starts_at: number
  ends_at: number
  venue: Defaulted<string>
  online: Defaulted<number>
  capacity: number
  registration_deadline: number
  status: Defaulted<EventStatus>
  cancel_reason: Later<string>
  cancelled_at: Later<number>
  cancelled_by: Later<number>
  created_at: number
  created_by: number
  updated_at: number
  updated_by: number
}

/** One company's seat (or place in the queue, in id order) at an event. */
export interface EventRegistrationsTable {
  id: Generated<number>
  event_id: number
  company_id: number
  registered_by: number
  registered_at: number
  status: EventRegistrationStatus
  promoted_at: Later<number>
  cancelled_at: Later<number>
  cancelled_by: Later<number>
  attendance: Later<EventAttendance>
  attendance_recorded_at: Later<number>
  attendance_recorded_by: Later<number>
  contact_id: Later<number>
}
