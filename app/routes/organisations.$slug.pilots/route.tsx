import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireOrganisationMember } from '~/auth/organisation-guard.server'
import { PilotStatusBadge } from '~/components/test-bed-labels'
import { formatDate } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import { listOrganisationPilots } from '~/models/pilots.server'
import { getDb } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import pilotsMessages from '~/i18n/messages/pilots'
import testbedsMessages from '~/i18n/messages/testbeds'

export const handle = { i18n: [pilotsMessages, testbedsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('pilots.orgList.title', { name: data.org.name }) : t('notFound.title'),
  )

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, org } = await requireOrganisationMember(request, params)
  const pilots = await listOrganisationPilots(getDb(), { organisationId: org.id, userId: user.id })
  return { org: { slug: org.slug, name: org.name, kind: org.kind }, pilots }
}

export default function OrganisationPilots() {
  const { org, pilots } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <>
      <h1>{t('pilots.orgList.title', { name: org.name })}</h1>
      <p>
        <Link to={`/organisations/${org.slug}`}>{t('pilots.orgList.back')}</Link>
      </p>
      {pilots.length === 0 ? (
        <p>{t('pilots.orgList.empty')}</p>
      ) : (
        <table>
          <caption>{t('pilots.orgList.caption', { name: org.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pilots.orgList.col.offer')}</th>
              <th scope="col">{t('pilots.orgList.col.role')}</th>
              <th scope="col">{t('pilots.orgList.col.counterpart')}</th>
              <th scope="col">{t('pilots.orgList.col.period')}</th>
              <th scope="col">{t('pilots.orgList.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {pilots.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link to={`/pilots/${p.id}`}>{p.offer_title}</Link>
                </th>
                <td>{t(`pilots.orgList.role.${p.side}`)}</td>
                <td>{p.counterpart}</td>
                <td>
                  {t('pilots.period', {
                    start: formatDate(p.starts_on, locale),
                    end: formatDate(p.ends_on, locale),
                  })}
                </td>
                <td>
                  <PilotStatusBadge status={p.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
