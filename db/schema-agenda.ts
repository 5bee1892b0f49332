import type { ColumnType, Generated } from 'kysely'
import type { Defaulted } from './schema-columns'

// The regional agenda, "hit ska vi" (migration 2026-12-07-16-agenda, decision record 033).

export type AgendaStatus = 'draft' | 'published'
export type AgendaMetric =
  'sme_pilots_completed' | 'references_published' | 'sme_award_share' | 'first_time_participants'
export type IndicatorSourceKind = 'live' | 'manual'
export type IndicatorUnit = 'count' | 'percent'

/** A region's agenda; published once, never back. */
export interface AgendasTable {
  id: Generated<number>
  organisation_id: number
  title: string
  summary: string
  /** YYYY-MM-DD: the live indicators count from this date; fixed once published. */
  starts_on: string
  status: ColumnType<AgendaStatus, AgendaStatus | undefined, AgendaStatus>
  published_at: number | null
  created_at: number
  created_by: number
  updated_at: number
  updated_by: number
}

/** A verified public body or intermediary the region named as co-owner. */
export interface AgendaCoOwnersTable {
  agenda_id: number
  organisation_id: number
  added_at: number
  added_by: number
}

export interface AgendaGoalsTable {
  id: Generated<number>
  agenda_id: number
  position: number
  title: string
  description: Defaulted<string>
  status: ColumnType<AgendaStatus, AgendaStatus | undefined, AgendaStatus>
  published_at: number | null
  created_at: number
  created_by: number
  updated_at: number
  updated_by: number
}

/** A target by a date, measured live (a metric of the catalogue) or by hand. */
export interface AgendaIndicatorsTable {
  id: Generated<number>
  goal_id: number
  label: string
  source_kind: IndicatorSourceKind
  metric: AgendaMetric | null
  theme_code: string | null
  unit: IndicatorUnit
  target_value: number
  /** YYYY-MM-DD. */
  target_date: string
  /** Why the target of a published goal was last changed. */
  target_reason: string | null
  created_at: number
  created_by: number
  updated_at: number
  updated_by: number
}

/** An earlier target of an indicator of a published goal; written by the database. */
export interface AgendaTargetChangesTable {
  id: Generated<number>
  indicator_id: number
  old_value: number
  old_date: string
  new_value: number
  new_date: string
  reason: string
  changed_at: number
  changed_by: number
}

/** A dated value of a manual indicator with its source; append-only. */
export interface AgendaMeasurementsTable {
  id: Generated<number>
  indicator_id: number
  /** YYYY-MM-DD. */
  measured_on: string
  value: number
  source: string
  /** The measurement this one corrects (each is corrected at most once). */
  corrects_id: number | null
  recorded_at: number
  recorded_by: number
}

export interface AgendaGoalInitiativesTable {
  goal_id: number
  initiative_id: number
  added_at: number
  added_by: number
}
