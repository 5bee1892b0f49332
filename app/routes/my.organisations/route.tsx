import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireUser } from '~/auth/guards.server'
import { OrganisationCard } from '~/components/organisation-labels'
import { useT } from '~/i18n/use-t'
import { listMyOrganisations } from '~/models/organisations.server'
import { getDb } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import { DoneNotice } from '~/components/problem'
import organisationsMessages from '~/i18n/messages/organisations'

export const handle = { i18n: [organisationsMessages] }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'myOrgs.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const organisations = await listMyOrganisations(getDb(), user.id)
  const left = new URL(request.url).searchParams.get('notice') === 'left'
  return { organisations, left }
}

export default function MyOrganisations() {
  const { organisations, left } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <>
      {left ? <DoneNotice>{t('myOrgs.left')}</DoneNotice> : null}
      <h1>{t('myOrgs.title')}</h1>
      {organisations.length === 0 ? <p>{t('myOrgs.empty')}</p> : null}
      {organisations.length > 0 ? (
        <ul className="cards">
          {organisations.map((o) => (
            <OrganisationCard key={o.id} org={o} heading="h2" badge>
              <p>{t('myOrgs.role', { role: t(`org.role.${o.role}`) })}</p>
              <ul className="actions plain-list">
                {o.role === 'admin' ? (
                  <li>
                    <Link to={`/organisations/${o.slug}/settings`}>
                      {t('myOrgs.settings', { name: o.name })}
                    </Link>
                  </li>
                ) : null}
                <li>
                  <Link to={`/organisations/${o.slug}/members`}>
                    {t('myOrgs.members', { name: o.name })}
                  </Link>
                </li>
              </ul>
            </OrganisationCard>
          ))}
        </ul>
      ) : null}
      <p>
        <Link className="button" to="/organisations/new">
          {t('myOrgs.register')}
        </Link>
      </p>
    </>
  )
}
