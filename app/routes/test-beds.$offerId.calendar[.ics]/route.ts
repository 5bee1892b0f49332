import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { notFound } from '~/auth/guards.server'
import { getLocale } from '~/i18n/locale.server'
import { offerCalendar } from '~/models/calendars.server'
import { getDb } from '~/utils/db.server'
import { orNotFound } from '~/utils/domain-errors.server'

// The test-bed's dates as an iCalendar file (decision record 038): public like its page.

const idSchema = z
  .string()
  .regex(/^[1-9]\d{0,11}$/)
  .transform(Number)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idSchema.safeParse(params.offerId)
  if (!id.success) throw notFound()
  const body = await orNotFound(offerCalendar(getDb(), id.data, getLocale(request)))
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="test-bed-${id.data}.ics"`,
      'Cache-Control': 'no-cache',
    },
  })
}
