import type { LoaderFunctionArgs } from '@remix-run/node'
import { getLocale } from '~/i18n/locale.server'
import { referencesFeed } from '~/models/feeds.server'
import { atomResponse } from '~/utils/feed-links'
import { getDb } from '~/utils/db.server'
import { filterQuery } from '~/utils/request.server'
import { FILTER_KEYS, referenceFiltersSchema, referencesHref } from '../references._index/schema'

// /references.atom (decision record 038): the reference gallery as Atom, under its own filters.

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = referenceFiltersSchema.parse(filterQuery(request, FILTER_KEYS))
  const locale = getLocale(request)
  return atomResponse(await referencesFeed(getDb(), filters, referencesHref(filters), locale))
}
