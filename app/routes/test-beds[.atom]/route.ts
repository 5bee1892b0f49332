import type { LoaderFunctionArgs } from '@remix-run/node'
import { getLocale } from '~/i18n/locale.server'
import { testBedsFeed } from '~/models/feeds.server'
import { atomResponse } from '~/utils/feed-links'
import { getDb } from '~/utils/db.server'
import { filterQuery } from '~/utils/request.server'
import { catalogueFiltersSchema, catalogueHref, FILTER_KEYS } from '../test-beds._index/schema'

// /test-beds.atom (decision record 038): the test-bed catalogue as Atom, under its own filters.

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = catalogueFiltersSchema.parse(filterQuery(request, FILTER_KEYS))
  const locale = getLocale(request)
  return atomResponse(await testBedsFeed(getDb(), filters, catalogueHref(filters), locale))
}
