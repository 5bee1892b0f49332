import type { LoaderFunctionArgs } from '@remix-run/node'
import { listApiInitiatives } from '~/models/api-directory.server'
import { listParams } from '~/models/api-shared.server'
import { apiList } from '~/utils/api-list.server'
import { apiGuard } from '~/utils/api.server'
import { getDb } from '~/utils/db.server'
import { initiativeFilters } from './schema'

// GET /api/v1/initiatives (decision record 041): the public initiatives register, newest first.

export async function loader({ request, context }: LoaderFunctionArgs) {
  apiGuard(request, context)
  const db = getDb()
  const { filters, ...page } = await listParams(db, request, initiativeFilters, {
    allowSince: true,
  })
  return apiList(request, await listApiInitiatives(db, filters, page), page.limit)
}
