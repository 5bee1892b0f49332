import type { Generated } from 'kysely'

// Overlap detection before saving (migration 2026-12-07-13-overlap-checks, decision record 030).

export type OverlapChoice = 'join' | 'related' | 'continue'

/** A choice made when an initiative's similar ones were shown before saving; append-only. */
export interface InitiativeOverlapChecksTable {
  id: Generated<number>
  organisation_id: number
  checked_by: number
  checked_at: number
  /** The new initiative; null when the user joined the similar one instead of creating one. */
  initiative_id: number | null
  /** JSON array of the ids of the similar initiatives shown, best first. */
  candidates: string
  choice: OverlapChoice
  /** The similar initiative joined or linked as related. */
  chosen_id: number | null
  /** Why the user continued anyway. */
  reason: string | null
}

/** A choice made when a new call draft's similar published calls were shown; append-only. */
export interface CallOverlapChecksTable {
  id: Generated<number>
  organisation_id: number
  checked_by: number
  checked_at: number
  /** The new call draft. */
  call_id: number
  /** JSON array of the ids of the similar published calls shown, best first. */
  candidates: string
  choice: 'related' | 'continue'
  /** The similar call linked as related. */
  chosen_id: number | null
  /** Why the user continued anyway. */
  reason: string | null
}
