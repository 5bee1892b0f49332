import type { LoaderFunctionArgs } from '@remix-run/node'
import { getLocale } from '~/i18n/locale.server'
import { organisationsCsv } from '~/models/list-export-registers.server'
import { csvFileName, csvResponse, csvStream, filterParts } from '~/utils/csv.server'
import { getDb } from '~/utils/db.server'
import { filterQuery } from '~/utils/request.server'
import { FILTER_KEYS, filtersSchema } from '../organisations._index/schema'

// /organisations.csv (decision record 042): the directory under its filters, as CSV.

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = filtersSchema.parse(filterQuery(request, FILTER_KEYS))
  const { header, batches } = organisationsCsv(getDb(), filters, getLocale(request))
  const fileName = csvFileName('organisations', filterParts(FILTER_KEYS, filters))
  return csvResponse(csvStream(header, batches), fileName)
}
