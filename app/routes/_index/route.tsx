import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useT } from '~/i18n/use-t'
import { getMarketplaceStats, listRecentOrganisations } from '~/models/organisations.server'
import { listNewestOpenCalls } from '~/models/call-catalogue.server'
import { listNewestOpenOffers } from '~/models/test-bed-catalogue.server'
import { getLocale } from '~/i18n/locale.server'
import { OfferCard } from '~/routes/test-beds._index/offer-card'
import { getDb } from '~/utils/db.server'
import { metaTranslator, previewMeta } from '~/utils/meta'
import { OrganisationCard } from '~/components/organisation-labels'
import { StatsSection } from '~/components/stats-section'
import { CallCard } from '~/components/call-card'
import { ReferenceCard } from '~/components/reference-card'
import { listNewestReferences } from '~/models/showcase.server'
import { CardsSection } from './cards-section'
import callPublicMessages from '~/i18n/messages/call-public'
import callsMessages from '~/i18n/messages/calls'
import catalogueMessages from '~/i18n/messages/catalogue'
import organisationsMessages from '~/i18n/messages/organisations'
import referencesMessages from '~/i18n/messages/references'
import showcaseMessages from '~/i18n/messages/showcase'
import testbedsMessages from '~/i18n/messages/testbeds'

export const handle = {
  i18n: [
    callPublicMessages,
    callsMessages,
    catalogueMessages,
    organisationsMessages,
    referencesMessages,
    showcaseMessages,
    testbedsMessages,
  ],
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches)
  return [{ title: t('home.title') }, ...previewMeta(t, t('home.title'))]
}

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

      <StatsSection
        id="stats-title"
        title={t('home.stats.title')}
        stats={[
          { label: t('home.stats.publicBodies'), value: stats.publicBodies },
          { label: t('home.stats.companies'), value: stats.companies },
          { label: t('home.stats.regions'), value: stats.counties },
        ]}
      />

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

      <CardsSection
        id="open-offers-title"
        title={t('catalogue.home.title')}
        empty={t('catalogue.home.empty')}
        all={{ to: '/test-beds', label: t('catalogue.home.all') }}
        cards={offers.map((o) => (
          <OfferCard key={o.id} offer={o} />
        ))}
      />

      <CardsSection
        id="open-calls-title"
        title={t('call.home.title')}
        empty={t('call.home.empty')}
        all={{ to: '/calls', label: t('call.home.all') }}
        cards={calls.map((c) => (
          <CallCard key={c.id} call={c} />
        ))}
      />

      <CardsSection
        id="new-references-title"
        title={t('showcase.home.title')}
        empty={t('showcase.home.empty')}
        all={{ to: '/references', label: t('showcase.home.all') }}
        listClassName="cards reference-cards"
        cards={references.map((r) => (
          <ReferenceCard key={r.id} reference={r} />
        ))}
      />

      <CardsSection
        id="recent-title"
        title={t('home.recent.title')}
        empty={t('home.recent.empty')}
        cards={recent.map((o) => (
          <OrganisationCard key={o.slug} org={o} />
        ))}
      />
    </>
  )
}
