import type { LoaderFunctionArgs } from '@remix-run/node'
import { notFound } from '~/auth/guards.server'
import { getLocale } from '~/i18n/locale.server'
import { personalCalendar } from '~/models/calendars.server'
import { getDb } from '~/utils/db.server'
import { orNotFound } from '~/utils/domain-errors.server'

// /calendar/<token>.ics (decision record 038): a person's calendar subscription, opened by its
// secret token without logging in. Private: never cached by a shared cache, never crawled.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = /^(.+)\.ics$/u.exec(params.token ?? '')?.[1]
  if (!token) throw notFound()
  const body = await orNotFound(personalCalendar(getDb(), token, getLocale(request)))
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex',
    },
  })
}
