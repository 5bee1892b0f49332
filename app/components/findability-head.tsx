import { useLocation, useRouteError } from '@remix-run/react'
import { useLocale, useT } from '~/i18n/use-t'
import { OG_LOCALE, pageAddresses } from '~/utils/canonical'
import { useRootData } from '~/utils/root-data'

/**
 * The <head> tags every page shares (decision 039): its canonical address, the same page in each
 * language (hreflang, with x-default), and the Open Graph and Twitter tags that do not depend on
 * the page (its title and description come from the route's `meta`, app/utils/meta.ts). Computed
 * from the location, so they follow client-side navigation; an error page gets no canonical.
 */
export function FindabilityHead() {
  const root = useRootData()
  const location = useLocation()
  const error = useRouteError()
  const locale = useLocale()
  const t = useT()
  if (!root) return null
  const { canonical, alternates } = pageAddresses(
    root.origin,
    location.pathname,
    location.search,
    locale,
  )
  return (
    <>
      {error ? null : <link rel="canonical" href={canonical} />}
      {error
        ? null
        : alternates.map((a) => (
            <link key={a.hreflang} rel="alternate" hrefLang={a.hreflang} href={a.href} />
          ))}
      <meta property="og:site_name" content={t('app.name')} />
      <meta property="og:type" content="website" />
      {error ? null : <meta property="og:url" content={canonical} />}
      <meta property="og:locale" content={OG_LOCALE[locale]} />
      {Object.entries(OG_LOCALE)
        .filter(([l]) => l !== locale)
        .map(([l, og]) => (
          <meta key={l} property="og:locale:alternate" content={og} />
        ))}
      <meta name="twitter:card" content="summary" />
    </>
  )
}
