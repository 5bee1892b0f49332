import type { ReferenceStatus } from '#db/schema'
import { useT } from '~/i18n/use-t'

const TONE: Record<ReferenceStatus, string> = {
  draft: 'badge--warn',
  published: 'badge--ok',
  withdrawn: 'badge--muted',
}

/** "Utkast", "Publicerad", "Tillbakadragen": the state in words, not only by colour. */
export function ReferenceStatusBadge({ status }: { status: ReferenceStatus }) {
  const t = useT()
  return <span className={`badge ${TONE[status]}`}>{t(`reference.status.${status}`)}</span>
}
