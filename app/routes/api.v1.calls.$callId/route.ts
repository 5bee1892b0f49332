import type { LoaderFunctionArgs } from '@remix-run/node'
import { getApiCall } from '~/models/api-calls.server'
import { apiItem, idParam } from '~/utils/api-list.server'
import { apiGuard } from '~/utils/api.server'
import { getDb } from '~/utils/db.server'

// GET /api/v1/calls/{id} (decision record 041): one public call, what a visitor sees.

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  apiGuard(request, context)
  const id = idParam(request, params.callId, 'call')
  return apiItem(request, await getApiCall(getDb(), id), 'call')
}
