import type {
  IntermediaryType,
  OrganisationKind,
  PublicBodyType,
  SizeClass,
  VerificationStatus,
} from '#db/schema'
import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useT } from '~/i18n/use-t'

/** "Kommun", "Region", "Kluster", "Litet företag" …: what kind of organisation this is, in a few words. */
export function OrganisationKindLabel({
  kind,
  publicBodyType,
  intermediaryType = null,
  sizeClass,
}: {
  kind: OrganisationKind
  publicBodyType: PublicBodyType | null
  intermediaryType?: IntermediaryType | null
  sizeClass: SizeClass | null
}) {
  const t = useT()
  if (kind === 'public_body' && publicBodyType) return <>{t(`org.type.${publicBodyType}`)}</>
  if (kind === 'intermediary' && intermediaryType) return <>{t(`org.itype.${intermediaryType}`)}</>
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

/**
 * One organisation in a list of cards (home page, directory, my organisations): its name as a link
 * to the profile, what kind it is, and where. `children` adds lines below.
 */
export function OrganisationCard({
  org,
  heading: Heading = 'h3',
  badge = false,
  children,
}: {
  org: {
    slug: string
    name: string
    kind: OrganisationKind
    public_body_type: PublicBodyType | null
    intermediary_type?: IntermediaryType | null
    size_class: SizeClass | null
    county_name: string
    municipality_name?: string | null
    verification_status?: VerificationStatus
  }
  heading?: 'h2' | 'h3'
  badge?: boolean
  children?: ReactNode
}) {
  return (
    <li className="card">
      <Heading>
        <Link to={`/organisations/${org.slug}`}>{org.name}</Link>
      </Heading>
      <p className="meta">
        <OrganisationKindLabel
          kind={org.kind}
          publicBodyType={org.public_body_type}
          intermediaryType={org.intermediary_type ?? null}
          sizeClass={org.size_class}
        />{' '}
        · {org.municipality_name ? `${org.municipality_name}, ${org.county_name}` : org.county_name}
        {badge && org.verification_status ? (
          <>
            {' '}
            <VerificationBadge status={org.verification_status} />
          </>
        ) : null}
      </p>
      {children}
    </li>
  )
}
