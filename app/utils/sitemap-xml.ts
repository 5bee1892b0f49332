import { LOCALES } from '~/i18n/locales'
import { pageAddresses } from './canonical'

// The sitemap protocol's XML (sitemaps.org 0.9) with hreflang alternates (decision 039).

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!)
}

/** W3C datetime in UTC, as <lastmod> wants it. */
function w3cDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00')
}

const lastmod = (seconds: number | null) =>
  seconds ? `<lastmod>${w3cDate(seconds)}</lastmod>` : ''

/** A sitemap index listing the parts' absolute addresses. */
export function sitemapIndexXml(parts: { loc: string; lastmod: number | null }[]): string {
  const items = parts.map(
    (p) => `<sitemap><loc>${escapeXml(p.loc)}</loc>${lastmod(p.lastmod)}</sitemap>`,
  )
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...items,
    '</sitemapindex>',
    '',
  ].join('\n')
}

/**
 * A sitemap of pages: each page once per language (`?lang=sv`, `?lang=en`), every entry naming
 * all its language versions and x-default, as Google asks for hreflang in sitemaps.
 */
export function urlsetXml(origin: string, pages: { path: string; lastmod: number | null }[]) {
  const items: string[] = []
  for (const page of pages) {
    const links = pageAddresses(origin, page.path, '', 'sv')
      .alternates.map(
        (a) => `<xhtml:link rel="alternate" hreflang="${a.hreflang}" href="${escapeXml(a.href)}"/>`,
      )
      .join('')
    for (const locale of LOCALES) {
      const loc = pageAddresses(origin, page.path, '', locale).canonical
      items.push(`<url><loc>${escapeXml(loc)}</loc>${lastmod(page.lastmod)}${links}</url>`)
    }
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...items,
    '</urlset>',
    '',
  ].join('\n')
}

export const XML_HEADERS = {
  'Content-Type': 'application/xml; charset=utf-8',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'public, max-age=3600',
}
