import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { getOptionalUser, notFound } from '~/auth/guards.server'
import { openCallDocument } from '~/models/call-documents.server'
import { callIdSchema } from '~/utils/call-schema'
import { getDb } from '~/utils/db.server'
import { orNotFound } from '~/utils/domain-errors.server'
import { documentFilePath } from '~/utils/file-store.server'
import callAuthoringMessages from '~/i18n/messages/call-authoring'
import cpvMessages from '~/i18n/messages/cpv'
import errorsMessages from '~/i18n/messages/errors'

export const handle = { i18n: [callAuthoringMessages, cpvMessages, errorsMessages] }

// A procurement document, for anyone once the call is published (a draft's only for its buyer).
// A logged-in downloader is remembered so they hear of amendments.

/** RFC 5987: the UTF-8 name, percent-encoded, plus a plain ASCII fallback for old clients. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const callId = callIdSchema.safeParse(params.callId)
  const documentId = callIdSchema.safeParse(params.documentId)
  if (!callId.success || !documentId.success) throw notFound()
  const user = await getOptionalUser(request)
  const doc = await orNotFound(
    openCallDocument(getDb(), {
      callId: callId.data,
      documentId: documentId.data,
      userId: user?.id ?? null,
    }),
  )
  const path = documentFilePath(doc.sha256)
  const size = await stat(path).then(
    (s) => s.size,
    () => null,
  )
  if (size === null) throw notFound()
  const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>
  return new Response(body, {
    headers: {
      'Content-Type': doc.content_type,
      'Content-Length': String(size),
      'Content-Disposition': contentDisposition(doc.file_name),
      'X-Content-Type-Options': 'nosniff',
      // Documents of a draft are private; published ones never change (content-addressed).
      'Cache-Control': doc.status === 'draft' ? 'private, no-store' : 'private, max-age=300',
    },
  })
}
