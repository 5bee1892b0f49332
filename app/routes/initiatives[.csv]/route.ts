import type { LoaderFunctionArgs } from '@remix-run/node'
import { getLocale } from '~/i18n/locale.server'
import { initiativesCsv } from '~/models/list-export-registers.server'
import { csvFileName, csvResponse, csvStream, filterParts } from '~/utils/csv.server'
import { getDb } from '~/utils/db.server'
import { filterQuery } from '~/utils/request.server'
import { FILTER_KEYS, NARROWING_KEYS, overviewFiltersSchema } from '../initiatives._index/schema'

// /initiatives.csv (decision record 042): every initiative the register's filters let through (the
// view — list, timeline or counties — aside), as CSV.

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = overviewFiltersSchema.parse(filterQuery(request, FILTER_KEYS))
  const { header, batches } = initiativesCsv(getDb(), filters, getLocale(request))
  const fileName = csvFileName('initiatives', filterParts(NARROWING_KEYS, filters))
  return csvResponse(csvStream(header, batches), fileName)
}
