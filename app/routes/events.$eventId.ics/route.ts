import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { notFound } from '~/auth/guards.server'
import { getLocale } from '~/i18n/locale.server'
import { eventCalendar } from '~/models/event-reads.server'
import { getDb } from '~/utils/db.server'
import { orNotFound } from '~/utils/domain-errors.server'

// The event as an iCalendar file (decision record 031): a resource route, public like the event.

const eventIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,11}$/)
  .transform(Number)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = eventIdSchema.safeParse(params.eventId)
  if (!id.success) throw notFound()
  const body = await orNotFound(eventCalendar(getDb(), id.data, getLocale(request)))
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="event-${id.data}.ics"`,
      'Cache-Control': 'no-cache',
    },
  })
}
