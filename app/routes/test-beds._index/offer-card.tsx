import { Link } from '@remix-run/react'
import type { AccessModel, Intake, OfferStatus } from '#db/schema'
import {
  AccessModelLabel,
  IntakeLabel,
  OfferStatusBadge,
  TrlRange,
} from '~/components/test-bed-labels'
import { useT } from '~/i18n/use-t'

export interface OfferCardData {
  id: number
  title: string
  summary: string
  status: OfferStatus
  intake: Intake
  deadline: number | null
  trl_min: number
  trl_max: number
  access_model: AccessModel
  host_name: string
  county_name: string
  municipality_name: string | null
  open_now: boolean
  themes: { code: string; name: string }[]
}

/** One test-bed offer in a list: the catalogue and the home page. */
export function OfferCard({
  offer,
  heading: Heading = 'h3',
}: {
  offer: OfferCardData
  heading?: 'h2' | 'h3'
}) {
  const t = useT()
  const deadlinePassed = offer.status === 'published' && !offer.open_now
  return (
    <li className="card offer-card">
      <Heading>
        <Link to={`/test-beds/${offer.id}`}>{offer.title}</Link>
      </Heading>
      <p className="meta">
        {offer.host_name} ·{' '}
        {offer.municipality_name
          ? `${offer.municipality_name}, ${offer.county_name}`
          : offer.county_name}
      </p>
      <p>{offer.summary}</p>
      <dl className="offer-facts">
        <div>
          <dt>{t('catalogue.card.status')}</dt>
          <dd>
            <OfferStatusBadge status={offer.status} />
            {deadlinePassed ? (
              <>
                {' '}
                <span className="badge badge--muted">{t('catalogue.card.deadlinePassed')}</span>
              </>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('catalogue.card.intake')}</dt>
          <dd>
            <IntakeLabel intake={offer.intake} deadline={offer.deadline} />
          </dd>
        </div>
        <div>
          <dt>{t('catalogue.card.access')}</dt>
          <dd>
            <AccessModelLabel model={offer.access_model} />
          </dd>
        </div>
        <div>
          <dt>{t('catalogue.card.trl')}</dt>
          <dd>
            <TrlRange min={offer.trl_min} max={offer.trl_max} />
          </dd>
        </div>
        {offer.themes.length > 0 ? (
          <div>
            <dt>{t('catalogue.card.themes')}</dt>
            <dd>{offer.themes.map((th) => th.name).join(', ')}</dd>
          </div>
        ) : null}
      </dl>
    </li>
  )
}
