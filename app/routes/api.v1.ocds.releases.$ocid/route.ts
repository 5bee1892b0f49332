import type { LoaderFunctionArgs } from '@remix-run/node'
import { materialiseDue, releasePackageJson, releasesOfOcid } from '~/models/ocds-releases.server'
import { apiBody, apiGuard, apiNotFound, pageParams } from '~/utils/api.server'
import { getDb } from '~/utils/db.server'

// GET /api/v1/ocds/releases/{ocid} (decision record 040): every release of one public call,
// oldest first. An unknown ocid or a draft answers 404.

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  apiGuard(request, context)
  pageParams(request, { known: [] })
  const db = getDb()
  await materialiseDue(db)
  const releases = await releasesOfOcid(db, params.ocid ?? '')
  if (!releases) throw apiNotFound(request, 'contracting process')
  return apiBody(request, releasePackageJson(request.url, releases))
}
