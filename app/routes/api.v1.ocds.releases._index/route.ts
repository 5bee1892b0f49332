import type { LoaderFunctionArgs } from '@remix-run/node'
import { materialiseDue, releasePackageJson, releasePage } from '~/models/ocds-releases.server'
import {
  apiBody,
  apiGuard,
  nextLink,
  nextPageUrl,
  pageOfRows,
  pageParams,
} from '~/utils/api.server'
import { getDb } from '~/utils/db.server'

// GET /api/v1/ocds/releases (decision record 040): every public release, newest first, as an
// OCDS release package; keyset paging (limit, cursor) and `since` (ISO 8601).

export async function loader({ request, context }: LoaderFunctionArgs) {
  apiGuard(request, context)
  const params = pageParams(request, { allowSince: true })
  const db = getDb()
  await materialiseDue(db)
  const { items, next } = pageOfRows(await releasePage(db, params), params.limit, (r) => ({
    at: r.occurred_at,
    id: r.id,
  }))
  const nextUrl = nextPageUrl(request, next)
  const body = releasePackageJson(request.url, items, nextUrl)
  return apiBody(request, body, { link: nextLink(nextUrl) })
}
