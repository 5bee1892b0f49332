import type { LoaderFunctionArgs } from '@remix-run/node'
import { listApiTestBeds } from '~/models/api-test-beds.server'
import { listParams } from '~/models/api-shared.server'
import { apiList } from '~/utils/api-list.server'
import { apiGuard } from '~/utils/api.server'
import { getDb } from '~/utils/db.server'
import { testBedFilters } from './schema'

// GET /api/v1/test-beds (decision record 041): public test-bed offers, newest published first.

export async function loader({ request, context }: LoaderFunctionArgs) {
  apiGuard(request, context)
  const db = getDb()
  const { filters, ...page } = await listParams(db, request, testBedFilters, { allowSince: true })
  return apiList(request, await listApiTestBeds(db, filters, page), page.limit)
}
