import { Link } from '@remix-run/react'
import { CallStatusBadge } from '~/components/call-labels'
import { ReferenceCard, type ReferenceCardData } from '~/components/reference-card'
import { OfferStatusBadge } from '~/components/test-bed-labels'
import { formatCount } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import type { PublicBodyShowcase } from '~/models/showcase.server'

// The profile's showcase (issue 5): what a public body stands behind and runs, and a company's
// verified references with the way to its portfolio.

/** "Referenser vi står bakom", then the public body's test beds and calls, newest first. */
export function PublicBodySections({
  slug,
  showcase,
}: {
  slug: string
  showcase: PublicBodyShowcase
}) {
  const t = useT()
  const locale = useLocale()
  return (
    <>
      <section aria-labelledby="profile-references">
        <h2 id="profile-references">{t('showcase.profile.publicBodyReferences')}</h2>
        {showcase.references.length === 0 ? (
          <p>{t('showcase.profile.referencesEmpty')}</p>
        ) : (
          <ul className="cards reference-cards">
            {showcase.references.map((r) => (
              <ReferenceCard key={r.id} reference={r} />
            ))}
          </ul>
        )}
        {showcase.referenceCount.total > showcase.references.length ? (
          <p>
            <Link to={`/references?publicBody=${slug}`}>
              {t('showcase.profile.allReferences', {
                count: formatCount(showcase.referenceCount, locale),
              })}
            </Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="profile-test-beds">
        <h2 id="profile-test-beds">{t('showcase.profile.testBeds')}</h2>
        {showcase.offers.length === 0 ? (
          <p>{t('showcase.profile.testBedsEmpty')}</p>
        ) : (
          <ul className="profile-list">
            {showcase.offers.map((o) => (
              <li key={o.id}>
                <Link to={`/test-beds/${o.id}`}>{o.title}</Link>{' '}
                <OfferStatusBadge status={o.status} />
              </li>
            ))}
          </ul>
        )}
        {showcase.offerCount.total > showcase.offers.length ? (
          <p className="meta">
            {t('showcase.profile.more', {
              shown: showcase.offers.length,
              count: formatCount(showcase.offerCount, locale),
            })}{' '}
            <Link to="/test-beds">{t('showcase.profile.allTestBeds')}</Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="profile-calls">
        <h2 id="profile-calls">{t('showcase.profile.calls')}</h2>
        {showcase.calls.length === 0 ? (
          <p>{t('showcase.profile.callsEmpty')}</p>
        ) : (
          <ul className="profile-list">
            {showcase.calls.map((c) => (
              <li key={c.id}>
                <Link to={`/calls/${c.id}`}>{c.title}</Link>{' '}
                <CallStatusBadge status={c.shown_status} />
              </li>
            ))}
          </ul>
        )}
        {showcase.callCount.total > showcase.calls.length ? (
          <p className="meta">
            {t('showcase.profile.more', {
              shown: showcase.calls.length,
              count: formatCount(showcase.callCount, locale),
            })}{' '}
            <Link to="/calls">{t('showcase.profile.allCalls')}</Link>
          </p>
        ) : null}
      </section>
    </>
  )
}

/** A company's verified references and, prominently, its printable portfolio. */
export function CompanySections({
  slug,
  references,
}: {
  slug: string
  references: ReferenceCardData[]
}) {
  const t = useT()
  return (
    <section aria-labelledby="profile-references">
      <h2 id="profile-references">{t('showcase.profile.companyReferences')}</h2>
      {references.length === 0 ? (
        <p>{t('showcase.profile.referencesEmpty')}</p>
      ) : (
        <ul className="cards reference-cards">
          {references.map((r) => (
            <ReferenceCard key={r.id} reference={r} />
          ))}
        </ul>
      )}
      <p>
        <Link to={`/organisations/${slug}/portfolio`}>{t('showcase.profile.portfolioMore')}</Link>
      </p>
    </section>
  )
}
