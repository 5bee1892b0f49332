import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { formatNumber } from '~/i18n/format'
import { getTranslator } from '~/i18n/messages'
import { useLocale, useT } from '~/i18n/use-t'
import { getMarketplaceStats, listRecentOrganisations } from '~/models/organisations.server'
import { listNewestOpenCalls } from '~/models/call-catalogue.server'
import { listNewestOpenOffers } from '~/models/test-bed-catalogue.server'
import { getLocale } from '~/i18n/locale.server'
import { OfferCard } from '~/routes/test-beds._index/offer-card'
import { getDb } from '~/utils/db.server'
import { localeFromMatches } from '~/utils/meta'
import { OrganisationCard } from '~/components/organisation-labels'
import { CallCard } from '~/components/call-card'
import { ReferenceCard } from '~/components/reference-card'
import { listNewestReferences } from '~/models/showcase.server'

export const meta: MetaFunction = ({ matches }) => [
  { title: getTranslator(localeFromMatches(matches))('home.title') },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb()
  const locale = getLocale(request)
  const [stats, recent, offers, calls, references] = await Promise.all([
    getMarketplaceStats(db),
    listRecentOrganisations(db),
    listNewestOpenOffers(db, locale),
    listNewestOpenCalls(db, locale),
    listNewestReferences(db, locale),
  ])
  return { stats, recent, offers, calls, references }
}

export default function Home() {
  const { stats, recent, offers, calls, references } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <>
      <h1>{t('home.heading')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <div className="actions">
        <Link className="button" to="/organisations/new">
          {t('home.cta.register')}
        </Link>
        <Link className="button button--secondary" to="/organisations">
          {t('home.cta.browse')}
        </Link>
      </div>

      <section aria-labelledby="stats-title">
        <h2 id="stats-title">{t('home.stats.title')}</h2>
        <dl className="stats">
          <div>
            <dt>{t('home.stats.publicBodies')}</dt>
            <dd>{formatNumber(stats.publicBodies, locale)}</dd>
          </div>
          <div>
            <dt>{t('home.stats.companies')}</dt>
            <dd>{formatNumber(stats.companies, locale)}</dd>
          </div>
          <div>
            <dt>{t('home.stats.regions')}</dt>
            <dd>{formatNumber(stats.counties, locale)}</dd>
          </div>
        </dl>
      </section>

      <ul className="cards">
        <li className="card">
          <h2>{t('home.forPublic.title')}</h2>
          <p>{t('home.forPublic.body')}</p>
        </li>
        <li className="card">
          <h2>{t('home.forCompanies.title')}</h2>
          <p>{t('home.forCompanies.body')}</p>
        </li>
        <li className="card">
          <h2>{t('home.fairness.title')}</h2>
          <p>{t('home.fairness.body')}</p>
        </li>
      </ul>

      <section aria-labelledby="open-offers-title">
        <h2 id="open-offers-title">{t('catalogue.home.title')}</h2>
        {offers.length === 0 ? (
          <p>{t('catalogue.home.empty')}</p>
        ) : (
          <ul className="cards">
            {offers.map((o) => (
              <OfferCard key={o.id} offer={o} />
            ))}
          </ul>
        )}
        <p>
          <Link to="/test-beds">{t('catalogue.home.all')}</Link>
        </p>
      </section>

      <section aria-labelledby="open-calls-title">
        <h2 id="open-calls-title">{t('call.home.title')}</h2>
        {calls.length === 0 ? (
          <p>{t('call.home.empty')}</p>
        ) : (
          <ul className="cards">
            {calls.map((c) => (
              <CallCard key={c.id} call={c} />
            ))}
          </ul>
        )}
        <p>
          <Link to="/calls">{t('call.home.all')}</Link>
        </p>
      </section>

      <section aria-labelledby="new-references-title">
        <h2 id="new-references-title">{t('showcase.home.title')}</h2>
        {references.length === 0 ? (
          <p>{t('showcase.home.empty')}</p>
        ) : (
          <ul className="cards reference-cards">
            {references.map((r) => (
              <ReferenceCard key={r.id} reference={r} />
            ))}
          </ul>
        )}
        <p>
          <Link to="/references">{t('showcase.home.all')}</Link>
        </p>
      </section>

      <section aria-labelledby="recent-title">
        <h2 id="recent-title">{t('home.recent.title')}</h2>
        {recent.length === 0 ? (
          <p>{t('home.recent.empty')}</p>
        ) : (
          <ul className="cards">
            {recent.map((o) => (
              <OrganisationCard key={o.slug} org={o} />
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
