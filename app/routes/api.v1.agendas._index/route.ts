import type { LoaderFunctionArgs } from '@remix-run/node'
import { listApiAgendas } from '~/models/api-directory.server'
import { listParams } from '~/models/api-shared.server'
import { apiList } from '~/utils/api-list.server'
import { apiGuard } from '~/utils/api.server'
import { getDb } from '~/utils/db.server'

// GET /api/v1/agendas (decision record 041): published regional agendas, newest first.

export async function loader({ request, context }: LoaderFunctionArgs) {
  apiGuard(request, context)
  const db = getDb()
  const { filters: _none, ...page } = await listParams(db, request, {}, { allowSince: true })
  return apiList(request, await listApiAgendas(db, page), page.limit)
}
