import type { LoaderFunctionArgs } from '@remix-run/node'
import { getApiTestBed } from '~/models/api-test-beds.server'
import { apiItem, idParam } from '~/utils/api-list.server'
import { apiGuard } from '~/utils/api.server'
import { getDb } from '~/utils/db.server'

// GET /api/v1/test-beds/{id} (decision record 041): one public offer in the test-bed shape.

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  apiGuard(request, context)
  const id = idParam(request, params.offerId, 'test bed')
  return apiItem(request, await getApiTestBed(getDb(), id), 'test bed')
}
