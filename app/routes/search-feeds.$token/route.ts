import type { LoaderFunctionArgs } from '@remix-run/node'
import { notFound } from '~/auth/guards.server'
import { getLocale } from '~/i18n/locale.server'
import { savedSearchFeed } from '~/models/feeds.server'
import { ATOM_TYPE } from '~/utils/feed-links'
import { getDb } from '~/utils/db.server'
import { orNotFound } from '~/utils/domain-errors.server'

// /search-feeds/<token>.atom (decision record 038): a saved search's matches for a feed reader,
// opened by the search's secret token. Private: never cached by a shared cache, never crawled.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = /^(.+)\.atom$/u.exec(params.token ?? '')?.[1]
  if (!token) throw notFound()
  const body = await orNotFound(savedSearchFeed(getDb(), token, getLocale(request)))
  return new Response(body, {
    headers: {
      'Content-Type': `${ATOM_TYPE}; charset=utf-8`,
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex',
    },
  })
}
