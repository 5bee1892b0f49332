import type { MetaDescriptor } from '@remix-run/node'

// The one idiom for a list's Atom feed (decision record 038): the feed sits beside the list at
// `<list>.atom` and takes the list's query string, so the same filters give the same items.

export const ATOM_TYPE = 'application/atom+xml'

/** The feed address of the list at `listPath` with the page's query (the page number dropped). */
export function feedHref(listPath: string, search: string, locale?: string): string {
  const params = new URLSearchParams(search)
  params.delete('page')
  if (locale) params.set('lang', locale)
  const query = params.toString()
  return `${listPath}.atom${query ? `?${query}` : ''}`
}

/** `<link rel="alternate" type="application/atom+xml">` for a page's `meta`. */
export function feedAlternateMeta(href: string, title: string): MetaDescriptor {
  return { tagName: 'link', rel: 'alternate', type: ATOM_TYPE, href, title }
}

/** An Atom document as a response: public, cached briefly like the list it mirrors. */
export function atomResponse(body: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': `${ATOM_TYPE}; charset=utf-8`,
      'Cache-Control': 'public, max-age=300',
    },
  })
}
