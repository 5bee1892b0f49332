import type { LoaderFunctionArgs } from '@remix-run/node'
import { getApiInitiative } from '~/models/api-directory.server'
import { apiItem, idParam } from '~/utils/api-list.server'
import { apiGuard } from '~/utils/api.server'
import { getDb } from '~/utils/db.server'

// GET /api/v1/initiatives/{id} (decision record 041): one initiative of the public register.

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  apiGuard(request, context)
  const id = idParam(request, params.initiativeId, 'initiative')
  return apiItem(request, await getApiInitiative(getDb(), id), 'initiative')
}
