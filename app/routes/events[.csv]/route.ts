import type { LoaderFunctionArgs } from '@remix-run/node'
import { getLocale } from '~/i18n/locale.server'
import { eventsCsv } from '~/models/list-export-registers.server'
import { csvFileName, csvResponse, csvStream } from '~/utils/csv.server'
import { getDb } from '~/utils/db.server'

// /events.csv (decision record 042): every event, upcoming and past, as CSV (the list has no
// filters).

export async function loader({ request }: LoaderFunctionArgs) {
  const { header, batches } = eventsCsv(getDb(), getLocale(request))
  return csvResponse(csvStream(header, batches), csvFileName('events'))
}
