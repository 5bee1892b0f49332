import { listSitemapParts } from '~/models/sitemap.server'
import { getDb } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { sitemapIndexXml, XML_HEADERS } from '~/utils/sitemap-xml'

// /sitemap.xml: the index of the sitemap's parts, /sitemaps/<kind>-<n>.xml (decision 039).
export async function loader() {
  const origin = getEnv().APP_ORIGIN
  const parts = await listSitemapParts(getDb())
  const xml = sitemapIndexXml(
    parts.map((p) => ({ loc: `${origin}/sitemaps/${p.kind}-${p.part}.xml`, lastmod: p.lastmod })),
  )
  return new Response(xml, { headers: XML_HEADERS })
}
