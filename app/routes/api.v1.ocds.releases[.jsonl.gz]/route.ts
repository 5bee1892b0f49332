import type { LoaderFunctionArgs } from '@remix-run/node'
import { bulkReleasesStream, materialiseDue } from '~/models/ocds-releases.server'
import { apiGuard, CORS_HEADERS, pageParams } from '~/utils/api.server'
import { getDb } from '~/utils/db.server'

// GET /api/v1/ocds/releases.jsonl.gz (decision record 040): every public release, one JSON per
// line, gzip; streamed from keyset batches, so memory stays constant whatever the number.

export async function loader({ request, context }: LoaderFunctionArgs) {
  apiGuard(request, context)
  pageParams(request, { known: [] })
  const db = getDb()
  await materialiseDue(db)
  const headers = {
    ...CORS_HEADERS,
    'Content-Type': 'application/gzip',
    'Content-Disposition': 'attachment; filename="testarena-ocds-releases.jsonl.gz"',
    'Cache-Control': 'public, max-age=300',
    'X-Content-Type-Options': 'nosniff',
  }
  if (request.method === 'HEAD') return new Response(null, { status: 200, headers })
  return new Response(bulkReleasesStream(db), { status: 200, headers })
}
