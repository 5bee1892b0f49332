import type { LoaderFunctionArgs } from '@remix-run/node'
import { getApiOrganisation } from '~/models/api-directory.server'
import { apiItem } from '~/utils/api-list.server'
import { apiGuard, apiNotFound } from '~/utils/api.server'
import { getDb } from '~/utils/db.server'

// GET /api/v1/organisations/{slug} (decision record 041): a public profile, no members.

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  apiGuard(request, context)
  const slug = params.slug ?? ''
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) throw apiNotFound(request, 'organisation')
  return apiItem(request, await getApiOrganisation(getDb(), slug), 'organisation')
}
