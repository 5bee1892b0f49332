import type { LoaderFunctionArgs } from '@remix-run/node'
import { getLocale } from '~/i18n/locale.server'
import { initiativesFeed } from '~/models/feeds.server'
import { getDb } from '~/utils/db.server'
import { atomResponse } from '~/utils/feed-links'
import { filterQuery } from '~/utils/request.server'
import { FILTER_KEYS, overviewFiltersSchema, overviewHref } from '../initiatives._index/schema'

// /initiatives.atom (decision record 038): the initiatives list as Atom, under the list's filters.

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = overviewFiltersSchema.parse(filterQuery(request, FILTER_KEYS))
  const list = { ...filters, view: undefined }
  const locale = getLocale(request)
  return atomResponse(await initiativesFeed(getDb(), list, overviewHref(list), locale))
}
