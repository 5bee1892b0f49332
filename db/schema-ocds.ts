import type { Generated } from 'kysely'

// OCDS releases (migration 2026-12-07-25-ocds-releases, decision record 040).

/** OCDS releaseTag codes a release of a call may carry. */
export type OcdsReleaseTag =
  | 'planning'
  | 'planningUpdate'
  | 'tender'
  | 'tenderAmendment'
  | 'tenderUpdate'
  | 'tenderCancellation'
  | 'award'
  | 'contract'

/** One published change to a call; `body` and `built_at` are written once by the builder. */
export interface OcdsReleasesTable {
  id: Generated<number>
  call_id: number
  source_key: string
  tag: OcdsReleaseTag
  occurred_at: number
  tender_deadline: number
  question_deadline: number
  body: string | null
  built_at: number | null
}
