import type { LoaderFunctionArgs } from '@remix-run/node'
import { getLocale } from '~/i18n/locale.server'
import { eventsFeed } from '~/models/feeds.server'
import { getDb } from '~/utils/db.server'
import { atomResponse } from '~/utils/feed-links'

// /events.atom (decision record 038): the upcoming events as Atom.

export async function loader({ request }: LoaderFunctionArgs) {
  return atomResponse(await eventsFeed(getDb(), getLocale(request)))
}
