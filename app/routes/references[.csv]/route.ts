import type { LoaderFunctionArgs } from '@remix-run/node'
import { getLocale } from '~/i18n/locale.server'
import { referencesCsv } from '~/models/list-export-catalogues.server'
import { csvFileName, csvResponse, csvStream, filterParts } from '~/utils/csv.server'
import { getDb } from '~/utils/db.server'
import { filterQuery } from '~/utils/request.server'
import { FILTER_KEYS, referenceFiltersSchema } from '../references._index/schema'

// /references.csv (decision record 042): every published case the gallery shows, as CSV.

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = referenceFiltersSchema.parse(filterQuery(request, FILTER_KEYS))
  const { header, batches } = referencesCsv(getDb(), filters, getLocale(request))
  const fileName = csvFileName('references', filterParts(FILTER_KEYS, filters))
  return csvResponse(csvStream(header, batches), fileName)
}
