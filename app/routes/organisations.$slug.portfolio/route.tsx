import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { notFound } from '~/auth/guards.server'
import { ReferenceCard, shownLanguage } from '~/components/reference-card'
import { formatDate } from '~/i18n/format'
import { getLocale } from '~/i18n/locale.server'
import { useLocale, useT } from '~/i18n/use-t'
import { DomainError } from '~/models/errors.server'
import { getCompanyPortfolio } from '~/models/showcase.server'
import { getDb } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { pageTitle } from '~/utils/meta'
import { slugSchema } from './schema'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data
      ? t('showcase.portfolio.title', { company: data.portfolio.company.name })
      : t('notFound.title'),
  )

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = slugSchema.safeParse(params.slug)
  if (!slug.success) throw notFound()
  try {
    const portfolio = await getCompanyPortfolio(getDb(), slug.data, getLocale(request))
    // The address a company quotes in a bid: printed on the page, so a paper copy carries it.
    const url = `${getEnv().APP_ORIGIN}/organisations/${portfolio.company.slug}/portfolio`
    return { portfolio, url }
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') throw notFound()
    throw error
  }
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

      <section aria-labelledby="portfolio-pilots">
        <h2 id="portfolio-pilots">{t('showcase.portfolio.pilots')}</h2>
        {pilots.length === 0 ? (
          <p>{t('showcase.portfolio.pilotsEmpty')}</p>
        ) : (
          <div className="reference-table-wrap">
            <table>
              <caption className="visually-hidden">
                {t('showcase.portfolio.pilotsCaption', { company: company.name })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('showcase.portfolio.pilotOffer')}</th>
                  <th scope="col">{t('showcase.portfolio.pilotHost')}</th>
                  <th scope="col">{t('showcase.portfolio.pilotPeriod')}</th>
                </tr>
              </thead>
              <tbody>
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
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="portfolio-awards">
        <h2 id="portfolio-awards">{t('showcase.portfolio.awards')}</h2>
        {awards.length === 0 ? (
          <p>{t('showcase.portfolio.awardsEmpty')}</p>
        ) : (
          <div className="reference-table-wrap">
            <table>
              <caption className="visually-hidden">
                {t('showcase.portfolio.awardsCaption', { company: company.name })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('showcase.portfolio.awardCall')}</th>
                  <th scope="col">{t('showcase.portfolio.awardBuyer')}</th>
                  <th scope="col">{t('showcase.portfolio.awardDecided')}</th>
                  <th scope="col">{t('showcase.portfolio.awardContract')}</th>
                </tr>
              </thead>
              <tbody>
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
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="portfolio-placements">
        <h2 id="portfolio-placements">{t('showcase.portfolio.placements')}</h2>
        {placements.length === 0 ? (
          <p>{t('showcase.portfolio.placementsEmpty')}</p>
        ) : (
          <div className="reference-table-wrap">
            <table>
              <caption className="visually-hidden">
                {t('showcase.portfolio.placementsCaption', { company: company.name })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('showcase.portfolio.placementYear')}</th>
                  <th scope="col">{t('showcase.portfolio.placementCategory')}</th>
                  <th scope="col">{t('showcase.portfolio.placementPlace')}</th>
                  <th scope="col">{t('showcase.portfolio.placementReference')}</th>
                </tr>
              </thead>
              <tbody>
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
                        <Link
                          to={`/references/${p.referenceId}`}
                          lang={lang === locale ? undefined : lang}
                        >
                          {lang === 'en' && p.titleEn ? p.titleEn : p.titleSv}
                        </Link>
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </article>
  )
}
