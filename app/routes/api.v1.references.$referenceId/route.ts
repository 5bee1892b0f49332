import type { LoaderFunctionArgs } from '@remix-run/node'
import { getApiReference } from '~/models/api-directory.server'
import { apiItem, idParam } from '~/utils/api-list.server'
import { apiGuard } from '~/utils/api.server'
import { getDb } from '~/utils/db.server'

// GET /api/v1/references/{id} (decision record 041): one published reference case.

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  apiGuard(request, context)
  const id = idParam(request, params.referenceId, 'reference')
  return apiItem(request, await getApiReference(getDb(), id), 'reference')
}
