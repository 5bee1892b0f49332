import type { LoaderFunctionArgs } from '@remix-run/node'
import { listApiCalls } from '~/models/api-calls.server'
import { listParams } from '~/models/api-shared.server'
import { apiList } from '~/utils/api-list.server'
import { apiGuard } from '~/utils/api.server'
import { getDb } from '~/utils/db.server'
import { callFilters } from './schema'

// GET /api/v1/calls (decision record 041): public calls, newest published first.

export async function loader({ request, context }: LoaderFunctionArgs) {
  apiGuard(request, context)
  const db = getDb()
  const { filters, ...page } = await listParams(db, request, callFilters, { allowSince: true })
  return apiList(request, await listApiCalls(db, filters, page), page.limit)
}
