import type { OrganisationKind, PublicBodyType, SizeClass, VerificationStatus } from '#db/schema'
import { useT } from '~/i18n/use-t'

/** "Kommun", "Region", "Litet företag" …: what kind of organisation this is, in a few words. */
export function OrganisationKindLabel({
  kind,
  publicBodyType,
  sizeClass,
}: {
  kind: OrganisationKind
  publicBodyType: PublicBodyType | null
  sizeClass: SizeClass | null
}) {
  const t = useT()
  if (kind === 'public_body' && publicBodyType) return <>{t(`org.type.${publicBodyType}`)}</>
  if (kind === 'company' && sizeClass) return <>{t(`org.size.${sizeClass}`)}</>
  return <>{t(`org.kind.${kind}`)}</>
}

export function VerificationBadge({ status }: { status: VerificationStatus }) {
  const t = useT()
  if (status === 'not_required') return null
  const tone =
    status === 'verified' ? 'badge--ok' : status === 'pending' ? 'badge--warn' : 'badge--error'
  return <span className={`badge ${tone}`}>{t(`org.status.${status}`)}</span>
}
