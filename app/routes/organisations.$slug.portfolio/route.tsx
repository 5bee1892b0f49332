import type { ReactNode } from 'react'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { notFound } from '~/auth/guards.server'
import { ReferenceCard, shownLanguage } from '~/components/reference-card'
import { formatDate } from '~/i18n/format'
import { getLocale } from '~/i18n/locale.server'
import { useLocale, useT } from '~/i18n/use-t'
import { getCompanyPortfolio } from '~/models/showcase.server'
import { getDb } from '~/utils/db.server'
import { orNotFound } from '~/utils/domain-errors.server'
import { getEnv } from '~/utils/env.server'
import { pageTitle } from '~/utils/meta'
import { slugSchema } from './schema'
import organisationsMessages from '~/i18n/messages/organisations'
import referencesMessages from '~/i18n/messages/references'
import showcaseMessages from '~/i18n/messages/showcase'

export const handle = { i18n: [organisationsMessages, referencesMessages, showcaseMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data
      ? t('showcase.portfolio.title', { company: data.portfolio.company.name })
      : t('notFound.title'),
  )

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = slugSchema.safeParse(params.slug)
  if (!slug.success) throw notFound()
  const portfolio = await orNotFound(getCompanyPortfolio(getDb(), slug.data, getLocale(request)))
  // The address a company quotes in a bid: printed on the page, so a paper copy carries it.
  const url = `${getEnv().APP_ORIGIN}/organisations/${portfolio.company.slug}/portfolio`
  return { portfolio, url }
}

/** A section of the portfolio: its heading, and a table of rows or a line saying there are none. */
function PortfolioTable({
  id,
  title,
  empty,
  caption,
  columns,
  children,
}: {
  id: string
  title: string
  empty: string | null
  caption: string
  columns: string[]
  children: ReactNode
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {empty !== null ? (
        <p>{empty}</p>
      ) : (
        <div className="reference-table-wrap">
          <table>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{children}</tbody>
          </table>
        </div>
      )}
    </section>
  )
}

export default function Portfolio() {
  const { portfolio, url } = useLoaderData<typeof loader>()
  const { company, references, pilots, awards, placements } = portfolio
  const t = useT()
  const locale = useLocale()
  return (
    <article className="portfolio">
      <h1>{company.name}</h1>
      <p className="lead">{t('showcase.portfolio.kicker')}</p>
      <dl className="offer-facts portfolio-facts">
        <div>
          <dt>{t('showcase.portfolio.size')}</dt>
          <dd>
            {company.size_class ? t(`org.size.${company.size_class}`) : t('org.kind.company')}
          </dd>
        </div>
        <div>
          <dt>{t('showcase.portfolio.county')}</dt>
          <dd>
            {company.municipality_name
              ? `${company.municipality_name}, ${company.county_name}`
              : company.county_name}
          </dd>
        </div>
        <div>
          <dt>{t('showcase.portfolio.address')}</dt>
          <dd className="break-anywhere">{url}</dd>
        </div>
      </dl>
      <p>{t('showcase.portfolio.intro')}</p>
      <ul className="actions">
        <li>
          <Link to={`/organisations/${company.slug}`}>{t('showcase.portfolio.profileLink')}</Link>
        </li>
      </ul>

      <section aria-labelledby="portfolio-references">
        <h2 id="portfolio-references">{t('showcase.portfolio.references')}</h2>
        {references.length === 0 ? (
          <p>{t('showcase.portfolio.referencesEmpty')}</p>
        ) : (
          <ul className="cards reference-cards">
            {references.map((r) => (
              <ReferenceCard key={r.id} reference={r} />
            ))}
          </ul>
        )}
      </section>

      <PortfolioTable
        id="portfolio-pilots"
        title={t('showcase.portfolio.pilots')}
        empty={pilots.length === 0 ? t('showcase.portfolio.pilotsEmpty') : null}
        caption={t('showcase.portfolio.pilotsCaption', { company: company.name })}
        columns={[
          t('showcase.portfolio.pilotOffer'),
          t('showcase.portfolio.pilotHost'),
          t('showcase.portfolio.pilotPeriod'),
        ]}
      >
        {pilots.map((p) => (
          <tr key={p.id}>
            <th scope="row">
              <Link to={`/test-beds/${p.offer_id}`}>{p.offer_title}</Link>
            </th>
            <td>
              <Link to={`/organisations/${p.host_slug}`}>{p.host_name}</Link>
            </td>
            <td>
              {t('showcase.portfolio.period', {
                from: formatDate(p.starts_on, locale),
                to: formatDate(p.ends_on, locale),
              })}
            </td>
          </tr>
        ))}
      </PortfolioTable>

      <PortfolioTable
        id="portfolio-awards"
        title={t('showcase.portfolio.awards')}
        empty={awards.length === 0 ? t('showcase.portfolio.awardsEmpty') : null}
        caption={t('showcase.portfolio.awardsCaption', { company: company.name })}
        columns={[
          t('showcase.portfolio.awardCall'),
          t('showcase.portfolio.awardBuyer'),
          t('showcase.portfolio.awardDecided'),
          t('showcase.portfolio.awardContract'),
        ]}
      >
        {awards.map((a) => (
          <tr key={a.call_id}>
            <th scope="row">
              <Link to={`/calls/${a.call_id}`}>{a.title}</Link>
            </th>
            <td>
              <Link to={`/organisations/${a.buyer_slug}`}>{a.buyer_name}</Link>
            </td>
            <td>{a.decided_at === null ? '–' : formatDate(a.decided_at, locale)}</td>
            <td>
              {a.contract_signed
                ? t('showcase.portfolio.contractSigned')
                : t('showcase.portfolio.contractNotSigned')}
            </td>
          </tr>
        ))}
      </PortfolioTable>

      <PortfolioTable
        id="portfolio-placements"
        title={t('showcase.portfolio.placements')}
        empty={placements.length === 0 ? t('showcase.portfolio.placementsEmpty') : null}
        caption={t('showcase.portfolio.placementsCaption', { company: company.name })}
        columns={[
          t('showcase.portfolio.placementYear'),
          t('showcase.portfolio.placementCategory'),
          t('showcase.portfolio.placementPlace'),
          t('showcase.portfolio.placementReference'),
        ]}
      >
        {placements.map((p) => {
          const lang = shownLanguage(locale, p.titleEn !== null)
          return (
            <tr key={`${p.year}-${p.category}-${p.referenceId}`}>
              <th scope="row">
                <Link to={`/competitions/${p.year}`}>{p.year}</Link>
              </th>
              <td>{p.category}</td>
              <td>{t(`showcase.placement.${p.placement}`)}</td>
              <td>
                <Link to={`/references/${p.referenceId}`} lang={lang === locale ? undefined : lang}>
                  {lang === 'en' && p.titleEn ? p.titleEn : p.titleSv}
                </Link>
              </td>
            </tr>
          )
        })}
      </PortfolioTable>
    </article>
  )
}
