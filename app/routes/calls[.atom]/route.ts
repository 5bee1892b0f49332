import type { LoaderFunctionArgs } from '@remix-run/node'
import { getLocale } from '~/i18n/locale.server'
import { callsFeed } from '~/models/feeds.server'
import { atomResponse } from '~/utils/feed-links'
import { getDb } from '~/utils/db.server'
import { filterQuery } from '~/utils/request.server'
import { callFiltersSchema, callsHref, FILTER_KEYS } from '../calls._index/schema'

// /calls.atom (decision record 038): the calls list as Atom, under the list's own filters.

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = callFiltersSchema.parse(filterQuery(request, FILTER_KEYS))
  const locale = getLocale(request)
  return atomResponse(await callsFeed(getDb(), filters, callsHref(filters), locale))
}
