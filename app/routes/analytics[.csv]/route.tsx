import type { LoaderFunctionArgs } from '@remix-run/node'
import { notFound } from '~/auth/guards.server'
import { getLocale } from '~/i18n/locale.server'
import { getAnalytics } from '~/models/analytics-page.server'
import { getDb } from '~/utils/db.server'
import { filterQuery } from '~/utils/request.server'
import { csvResponse } from '~/utils/csv.server'
import { ANALYTICS_FILTER_KEYS, analyticsFiltersSchema, csvTableSchema } from '../analytics/schema'
import { analyticsCsv, csvFileName } from './csv.server'
import analyticsMessages from '~/i18n/messages/analytics'

export const handle = { i18n: [analyticsMessages] }

// /analytics.csv?table=pipeline&county=25&theme=energy: one table of the public analytics page,
// with the page's filters, as a CSV file (decision record 034). An unknown table is a 404.
export async function loader({ request }: LoaderFunctionArgs) {
  const table = csvTableSchema.safeParse(new URL(request.url).searchParams.get('table'))
  if (!table.success) throw notFound()
  const requested = analyticsFiltersSchema.parse(filterQuery(request, ANALYTICS_FILTER_KEYS))
  const locale = getLocale(request)
  const data = await getAnalytics(getDb(), requested, locale)
  const body = analyticsCsv(data, table.data, locale)
  return csvResponse(body, csvFileName(table.data, data.filters))
}
