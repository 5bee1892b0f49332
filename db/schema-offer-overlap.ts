import type { Generated } from 'kysely'

// Overlap checks before saving a new test-bed offer (issue 15 part 4, decision record 030;
// migration 2026-12-07-20-offer-overlap).

/** A choice made when a new offer draft's similar published offers were shown; append-only. */
export interface TestBedOfferOverlapChecksTable {
  id: Generated<number>
  organisation_id: number
  checked_by: number
  checked_at: number
  /** The new offer draft. */
  offer_id: number
  /** JSON array of the ids of the similar published offers shown, best first. */
  candidates: string
  choice: 'related' | 'continue'
  /** The similar offer linked as related. */
  chosen_id: number | null
  /** Why the user continued anyway. */
  reason: string | null
}
