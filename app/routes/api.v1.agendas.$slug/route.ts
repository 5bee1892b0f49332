import type { LoaderFunctionArgs } from '@remix-run/node'
import { getApiAgenda } from '~/models/api-directory.server'
import { apiItem } from '~/utils/api-list.server'
import { apiGuard, apiNotFound } from '~/utils/api.server'
import { getDb } from '~/utils/db.server'

// GET /api/v1/agendas/{slug} (decision record 041): a region's published agenda, its published
// goals and their indicators.

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  apiGuard(request, context)
  const slug = params.slug ?? ''
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) throw apiNotFound(request, 'agenda')
  return apiItem(request, await getApiAgenda(getDb(), slug), 'agenda')
}
