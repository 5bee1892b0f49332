import type { LoaderFunctionArgs } from '@remix-run/node'
import { listApiOrganisations } from '~/models/api-directory.server'
import { listParams } from '~/models/api-shared.server'
import { apiList } from '~/utils/api-list.server'
import { apiGuard } from '~/utils/api.server'
import { getDb } from '~/utils/db.server'
import { organisationFilters } from './schema'

// GET /api/v1/organisations (decision record 041): publicly visible organisations, newest first.

export async function loader({ request, context }: LoaderFunctionArgs) {
  apiGuard(request, context)
  const db = getDb()
  const { filters, ...page } = await listParams(db, request, organisationFilters, {
    allowSince: true,
  })
  return apiList(request, await listApiOrganisations(db, filters, page), page.limit)
}
