import type { AccessModel, ApplicationStatus, Intake, OfferStatus, PilotStatus } from '#db/schema'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'

const OFFER_TONE: Record<OfferStatus, string> = {
  draft: 'badge--warn',
  published: 'badge--ok',
  paused: 'badge--warn',
  closed: 'badge--muted',
  archived: 'badge--muted',
}

/** "Öppen", "Pausad" …: where an offer is in its lifecycle. */
export function OfferStatusBadge({ status }: { status: OfferStatus }) {
  const t = useT()
  return <span className={`badge ${OFFER_TONE[status]}`}>{t(`testBed.status.${status}`)}</span>
}

const APPLICATION_TONE: Record<ApplicationStatus, string> = {
  draft: 'badge--warn',
  submitted: 'badge--info',
  withdrawn: 'badge--muted',
  accepted: 'badge--ok',
  declined: 'badge--error',
}

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const t = useT()
  return (
    <span className={`badge ${APPLICATION_TONE[status]}`}>
      {t(`testBed.application.status.${status}`)}
    </span>
  )
}

export function PilotStatusBadge({ status }: { status: PilotStatus }) {
  const t = useT()
  return (
    <span className={`badge ${status === 'active' ? 'badge--ok' : 'badge--muted'}`}>
      {t(`testBed.pilot.status.${status}`)}
    </span>
  )
}

export function AccessModelLabel({ model }: { model: AccessModel }) {
  const t = useT()
  return <>{t(`testBed.access.${model}`)}</>
}

export function TrlRange({ min, max }: { min: number; max: number }) {
  const t = useT()
  return <>{t('testBed.trlRange', { min, max })}</>
}

/** "Löpande intag", or the round's deadline as an instant with its time zone. */
export function IntakeLabel({ intake, deadline }: { intake: Intake; deadline: number | null }) {
  const t = useT()
  const locale = useLocale()
  if (intake === 'round' && deadline !== null) {
    return <>{t('testBed.deadline', { date: formatDateTime(deadline, locale) })}</>
  }
  return <>{t(`testBed.intake.${intake}`)}</>
}
