import type { LoaderFunctionArgs } from '@remix-run/node'
import { materialiseDue, recordPackage, releasesOfOcid } from '~/models/ocds-releases.server'
import { apiGuard, apiJson, apiNotFound, pageParams } from '~/utils/api.server'
import { getDb } from '~/utils/db.server'

// GET /api/v1/ocds/records/{ocid} (decision record 040): the record package of one public call:
// its releases as links and the newest snapshot as compiledRelease. Unknown or draft: 404.

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  apiGuard(request, context)
  pageParams(request, { known: [] })
  const db = getDb()
  await materialiseDue(db)
  const ocid = params.ocid ?? ''
  const releases = await releasesOfOcid(db, ocid)
  if (!releases) throw apiNotFound(request, 'contracting process')
  return apiJson(request, recordPackage(request.url, ocid, releases))
}
