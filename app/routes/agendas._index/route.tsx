import type { MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import { listPublishedAgendas } from '~/models/agenda-reads.server'
import { getDb } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import agendaMessages from '~/i18n/messages/agenda'
import { CsvLink } from '~/components/csv-link'
import csvMessages from '~/i18n/messages/csv'

// Every published regional agenda (decision record 033), public.

export const handle = { i18n: [agendaMessages, csvMessages] }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'agenda.index.title')

export async function loader() {
  return { agendas: await listPublishedAgendas(getDb()) }
}

export default function Agendas() {
  const { agendas } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <>
      <h1>{t('agenda.index.title')}</h1>
      <p>{t('agenda.index.intro')}</p>
      <CsvLink listPath="/agendas" />
      {agendas.length === 0 ? (
        <p>{t('agenda.index.empty')}</p>
      ) : (
        <ul className="plain-list stack">
          {agendas.map((a) => (
            <li key={a.id}>
              <h2>
                <Link to={`/organisations/${a.slug}/agenda`}>{a.title}</Link>
              </h2>
              <p className="meta">
                {t('agenda.index.meta', {
                  region: a.name,
                  goals: formatNumber(Number(a.goal_count ?? 0), locale),
                })}
              </p>
              <p>{a.summary}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
