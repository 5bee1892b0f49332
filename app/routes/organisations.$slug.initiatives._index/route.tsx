import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { notFound } from '~/auth/guards.server'
import { requireOrganisationMember } from '~/auth/organisation-guard.server'
import { InitiativeCard } from '~/components/initiative-card'
import { useT } from '~/i18n/use-t'
import { listOrganisationInitiatives } from '~/models/initiative-reads.server'
import { canOwnInitiatives } from '~/models/initiatives.server'
import { getDb } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import initiativesMessages from '~/i18n/messages/initiatives'

export const handle = { i18n: [initiativesMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('orgInitiatives.title', { name: data.org.name }) : t('notFound.title'),
  )

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org } = await requireOrganisationMember(request, params)
  // Companies never own initiatives: for them this page does not exist.
  if (org.kind === 'company') throw notFound()
  return {
    org: { slug: org.slug, name: org.name, canOwn: canOwnInitiatives(org) },
    initiatives: await listOrganisationInitiatives(getDb(), org.id),
  }
}

export default function OrganisationInitiatives() {
  const { org, initiatives } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <>
      <h1>{t('orgInitiatives.title', { name: org.name })}</h1>
      <p>
        <Link to={`/organisations/${org.slug}`}>
          {t('orgInitiatives.back', { name: org.name })}
        </Link>
      </p>
      <p className="lead">{t('orgInitiatives.lead')}</p>
      {org.canOwn ? (
        <p>
          <Link to={`/organisations/${org.slug}/initiatives/new`} className="button">
            {t('orgInitiatives.new')}
          </Link>
        </p>
      ) : (
        <div className="notice notice--warn">
          <p>{t('orgInitiatives.unverified')}</p>
        </div>
      )}
      {initiatives.length === 0 ? (
        <p>{t('orgInitiatives.empty')}</p>
      ) : (
        <ul className="cards">
          {initiatives.map((item) => (
            <InitiativeCard key={item.id} item={item} level={2} />
          ))}
        </ul>
      )}
    </>
  )
}
