import type { LoaderFunctionArgs } from '@remix-run/node'
import { getLocale } from '~/i18n/locale.server'
import { testBedsCsv } from '~/models/list-export-catalogues.server'
import { csvFileName, csvResponse, csvStream, filterParts } from '~/utils/csv.server'
import { getDb } from '~/utils/db.server'
import { filterQuery } from '~/utils/request.server'
import { catalogueFiltersSchema, FILTER_KEYS } from '../test-beds._index/schema'

// /test-beds.csv (decision record 042): every offer the catalogue shows under its filters, as CSV.

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = catalogueFiltersSchema.parse(filterQuery(request, FILTER_KEYS))
  const { header, batches } = testBedsCsv(getDb(), filters, getLocale(request))
  const fileName = csvFileName('test-beds', filterParts(FILTER_KEYS, filters))
  return csvResponse(csvStream(header, batches), fileName)
}
