import type { LoaderFunctionArgs } from '@remix-run/node'
import { notFound } from '~/auth/guards.server'
import { isSitemapKind, sitemapEntries } from '~/models/sitemap.server'
import { getDb } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { urlsetXml, XML_HEADERS } from '~/utils/sitemap-xml'

// /sitemaps/calls-0.xml: one part of the sitemap, the public pages of one kind in one range of
// ids (decision 039). An unknown kind, a malformed name or an empty part is a 404.
const PART = /^([a-z-]{1,20})-(\d{1,7})\.xml$/

export async function loader({ params }: LoaderFunctionArgs) {
  const [, kind = '', part = ''] = PART.exec(params.part ?? '') ?? []
  if (!isSitemapKind(kind)) throw notFound()
  const entries = await sitemapEntries(getDb(), kind, Number(part))
  if (!entries) throw notFound()
  return new Response(urlsetXml(getEnv().APP_ORIGIN, entries), { headers: XML_HEADERS })
}
