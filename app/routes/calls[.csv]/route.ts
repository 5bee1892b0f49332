import type { LoaderFunctionArgs } from '@remix-run/node'
import { getLocale } from '~/i18n/locale.server'
import { callsCsv } from '~/models/list-export-catalogues.server'
import { csvFileName, csvResponse, csvStream, filterParts } from '~/utils/csv.server'
import { getDb } from '~/utils/db.server'
import { filterQuery } from '~/utils/request.server'
import { callFiltersSchema, FILTER_KEYS } from '../calls._index/schema'

// /calls.csv (decision record 042): every call the list shows under its filters, as CSV.

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = callFiltersSchema.parse(filterQuery(request, FILTER_KEYS))
  const { header, batches } = callsCsv(getDb(), filters, getLocale(request))
  const fileName = csvFileName('calls', filterParts(FILTER_KEYS, filters))
  return csvResponse(csvStream(header, batches), fileName)
}
