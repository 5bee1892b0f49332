import type { BidStatus, Procedure } from '#db/schema'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import type { ShownCallStatus } from '~/utils/call-status'

const CALL_TONE: Record<ShownCallStatus, string> = {
  draft: 'badge--warn',
  open: 'badge--ok',
  closed: 'badge--info',
  opened: 'badge--info',
  evaluated: 'badge--info',
  awarded: 'badge--ok',
  unsuccessful: 'badge--muted',
  cancelled: 'badge--error',
  concluded: 'badge--muted',
}

/** Where a call is, as a visitor sees it (shownCallStatus). */
export function CallStatusBadge({ status }: { status: ShownCallStatus }) {
  const t = useT()
  return <span className={`badge ${CALL_TONE[status]}`}>{t(`call.status.${status}`)}</span>
}

export function ProcedureLabel({ procedure }: { procedure: Procedure }) {
  const t = useT()
  return <>{t(`call.procedure.${procedure}`)}</>
}

const BID_TONE: Record<BidStatus, string> = {
  draft: 'badge--warn',
  submitted: 'badge--ok',
  needs_reconfirmation: 'badge--error',
  withdrawn: 'badge--muted',
}

export function BidStatusBadge({ status }: { status: BidStatus }) {
  const t = useT()
  return <span className={`badge ${BID_TONE[status]}`}>{t(`call.bid.status.${status}`)}</span>
}

/** A deadline as an instant with its time zone: "Sista anbudsdag 15 januari 2027 12:00 (CET)". */
export function CallDeadline({
  kind,
  at,
}: {
  kind: 'tender' | 'question' | 'answers'
  at: number
}) {
  const t = useT()
  const locale = useLocale()
  return <>{t(`call.deadline.${kind}`, { date: formatDateTime(at, locale) })}</>
}
