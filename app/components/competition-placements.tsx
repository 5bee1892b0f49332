import type { CompetitionPlacement } from '#db/schema'
import { Link } from '@remix-run/react'
import { useT } from '~/i18n/use-t'
import { PlacementBadge } from './competition-labels'

export interface CompetitionPlacementItem {
  year: number
  /** In the viewer's language (listReferencePlacements in competition-public.server.ts gives it so). */
  categoryName: string
  placement: CompetitionPlacement
}

/**
 * A reference's placings in the yearly good-examples competition, for a case page or a
 * portfolio: "Vinnare – Årets testbäddssamarbete, Goda exempel 2026", linked to that year's page.
 * Renders nothing when there are none.
 */
export function CompetitionPlacements({
  placements,
  headingLevel = 2,
}: {
  placements: CompetitionPlacementItem[]
  headingLevel?: 2 | 3
}) {
  const t = useT()
  if (placements.length === 0) return null
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section aria-labelledby="competition-placements-heading" className="competition-placements">
      <Heading id="competition-placements-heading">{t('competition.placements.heading')}</Heading>
      <ul className="plain-list">
        {placements.map((p) => (
          <li key={`${p.year}-${p.categoryName}`}>
            <PlacementBadge placement={p.placement} />{' '}
            <Link to={`/competitions/${p.year}`}>
              {t('competition.placements.item', { category: p.categoryName, year: p.year })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
