import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireOrganisationMember } from '~/auth/organisation-guard.server'
import { DoneNotice } from '~/components/problem'
import { ReferenceStatusBadge } from '~/components/reference-labels'
import { formatDate } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import {
  listOrganisationReferences,
  type OrganisationReferenceRow,
} from '~/models/reference-cases.server'
import { listSources, type ReferenceSourceItem } from '~/models/reference-sources.server'
import { getDb } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import referencesMessages from '~/i18n/messages/references'

export const handle = { i18n: [referencesMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('reference.org.title', { name: data.org.name }) : t('notFound.title'),
  )

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, org } = await requireOrganisationMember(request, params)
  const db = getDb()
  const input = { organisationId: org.id, userId: user.id }
  const [references, sources] = await Promise.all([
    listOrganisationReferences(db, input),
    listSources(db, input),
  ])
  const notice = new URL(request.url).searchParams.get('notice')
  return {
    org: { slug: org.slug, name: org.name, kind: org.kind },
    references,
    sources,
    deleted: notice === 'deleted',
  }
}

export default function OrganisationReferences() {
  const { org, references, sources, deleted } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <>
      {deleted ? <DoneNotice>{t('reference.org.notice.deleted')}</DoneNotice> : null}
      <h1>{t('reference.org.title', { name: org.name })}</h1>
      <p>
        <Link to={`/organisations/${org.slug}`}>{t('reference.org.back')}</Link>
      </p>
      <p className="lead">{t('reference.org.intro')}</p>

      <section aria-labelledby="org-references-heading">
        <h2 id="org-references-heading">{t('reference.org.casesHeading')}</h2>
        {references.length === 0 ? (
          <p>{t('reference.org.empty')}</p>
        ) : (
          <ReferenceTable name={org.name} references={references} />
        )}
      </section>

      <section aria-labelledby="org-sources-heading">
        <h2 id="org-sources-heading">{t('reference.org.sourcesHeading')}</h2>
        <p>{t('reference.org.sourcesIntro')}</p>
        {sources.length === 0 ? (
          <p>{t('reference.org.sourcesEmpty')}</p>
        ) : (
          <ul className="cards reference-sources">
            {sources.map((s) => (
              <SourceItem key={`${s.kind}-${s.pilotId ?? s.callId}-${s.companyId}`} source={s} />
            ))}
          </ul>
        )}
      </section>
    </>
  )
}

function ReferenceTable({
  name,
  references,
}: {
  name: string
  references: OrganisationReferenceRow[]
}) {
  const t = useT()
  const locale = useLocale()
  return (
    <div className="reference-table-wrap">
      <table>
        <caption>{t('reference.org.caption', { name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reference.org.col.title')}</th>
            <th scope="col">{t('reference.org.col.counterpart')}</th>
            <th scope="col">{t('reference.org.col.status')}</th>
            <th scope="col">{t('reference.org.col.approval')}</th>
            <th scope="col">{t('reference.org.col.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {references.map((r) => {
            const english = locale === 'en' && r.title_en !== null
            return (
              <tr key={r.id}>
                <th scope="row">
                  <Link
                    to={`/references/${r.id}`}
                    lang={english || locale === 'sv' ? undefined : 'sv'}
                  >
                    {english ? r.title_en : r.title_sv}
                  </Link>
                </th>
                <td>{r.counterpartName}</td>
                <td>
                  <ReferenceStatusBadge status={r.status} />{' '}
                  {t('reference.party.revision', { revision: r.revision })}
                </td>
                <td>
                  {r.ownApproved && r.otherApproved
                    ? t('reference.org.approval.both')
                    : r.ownApproved
                      ? t('reference.org.approval.own', { counterpart: r.counterpartName })
                      : r.otherApproved
                        ? t('reference.org.approval.other')
                        : t('reference.org.approval.none', { revision: r.revision })}
                </td>
                <td>{formatDate(r.updatedAt, locale)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

function SourceItem({ source: s }: { source: ReferenceSourceItem }) {
  const t = useT()
  const locale = useLocale()
  const href =
    s.kind === 'pilot'
      ? `/references/new?pilot=${s.pilotId}`
      : `/references/new?call=${s.callId}&company=${s.companyId}`
  const label =
    s.kind === 'pilot'
      ? t('reference.org.source.pilot', { title: s.title, counterpart: s.counterpartName })
      : t('reference.org.source.call', { title: s.title, counterpart: s.counterpartName })
  return (
    <li className="card">
      <p>{label}</p>
      {s.at !== null ? (
        <p className="meta">
          {t(
            s.kind === 'pilot'
              ? 'reference.org.source.completedAt'
              : 'reference.org.source.awardedAt',
            { date: formatDate(s.at, locale) },
          )}
        </p>
      ) : null}
      <p>
        <Link to={href} aria-label={t('reference.org.writeFor', { title: s.title })}>
          {t('reference.org.write')}
        </Link>
      </p>
    </li>
  )
}
