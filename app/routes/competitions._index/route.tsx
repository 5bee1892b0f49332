import type { MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { CompetitionStatusBadge } from '~/components/competition-labels'
import { useT } from '~/i18n/use-t'
import { listCompetitions } from '~/models/competition-public.server'
import { getDb } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import competitionsMessages from '~/i18n/messages/competitions'

export const handle = { i18n: [competitionsMessages] }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'competition.list.title')

export async function loader() {
  return { competitions: await listCompetitions(getDb()) }
}

export default function Competitions() {
  const { competitions } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <>
      <h1>{t('competition.list.title')}</h1>
      <p className="lead">{t('competition.list.intro')}</p>
      {competitions.length === 0 ? (
        <p>{t('competition.list.none')}</p>
      ) : (
        <ul className="plain-list competition-years">
          {competitions.map((c) => (
            <li key={c.year}>
              <Link to={`/competitions/${c.year}`}>
                {t('competition.list.item', { year: c.year })}
              </Link>{' '}
              <CompetitionStatusBadge status={c.status} />
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
