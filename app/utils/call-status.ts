import type { CallStatus, Procedure } from '#db/schema'

/** What a visitor sees: a published call whose tender deadline has passed is "closed". */
export type ShownCallStatus = Exclude<CallStatus, 'published'> | 'open' | 'closed'

export function shownCallStatus(
  call: { status: CallStatus; tender_deadline: number },
  at: number,
): ShownCallStatus {
  if (call.status !== 'published') return call.status
  return at < call.tender_deadline ? 'open' : 'closed'
}

/** Outcomes are final; until one is reached after the deadline the buyer is reminded. */
export const FINAL_CALL_STATUSES = ['awarded', 'unsuccessful', 'cancelled', 'concluded'] as const

export function isFinal(status: CallStatus): boolean {
  return (FINAL_CALL_STATUSES as readonly string[]).includes(status)
}

/** LOU minimum periods from publication to the tender deadline, in days (migration 03). */
export const MINIMUM_PERIOD_DAYS: Record<Procedure, number> = {
  market_dialogue: 10,
  open: 30,
  innovation_partnership: 30,
  pcp: 30,
}

/** Answers reach every bidder at least this long before the tender deadline (LOU 12:11). */
export const ANSWER_MARGIN_SECONDS = 6 * 86400

/** The last moment an answer can be published without first extending the deadline. */
export function answersDueAt(tenderDeadline: number): number {
  return tenderDeadline - ANSWER_MARGIN_SECONDS
}
