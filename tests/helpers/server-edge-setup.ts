import type { Server } from 'node:http'
import type { ServerBuild } from '@remix-run/node'
import { afterAll, beforeAll } from 'vitest'
import { handleError } from '~/entry.server'
import * as accountRoute from '~/routes/account/route'
import { parseUploadForm } from '~/utils/file-store.server'
import { close, listen, STUB_BUILD_SHELL } from './http-server'

// Shared setup for the server-edge integration tests (server-edge-*.test.ts): the stand-in Remix
// build (with the real handleError and account route), served by the real Express app, and
// request helpers.

export const APP_ORIGIN = 'http://localhost:3000' // tests/helpers/integration-setup.ts
export const actions: string[] = []

export function jsonResponse(value: unknown, status = 200) {
  return new Response(JSON.stringify(value), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

export const stubBuild = {
  ...STUB_BUILD_SHELL,
  entry: {
    module: {
      // The document: what the action answered, so a test sees that the form arrived.
      default: (
        _request: Request,
        status: number,
        _headers: Headers,
        context: { staticHandlerContext: { actionData: unknown } },
      ) => jsonResponse({ actionData: context.staticHandlerContext.actionData }, status),
      handleError,
    },
  },
  routes: {
    root: { id: 'root', path: '', module: { default: () => null } },
    'routes/form': {
      id: 'routes/form',
      parentId: 'root',
      path: 'form',
      module: {
        default: () => null,
        action: async ({ request }: { request: Request }) => {
          actions.push('form')
          const form = await request.formData()
          return jsonResponse({ text: String(form.get('text') ?? '').length })
        },
      },
    },
    'routes/upload': {
      id: 'routes/upload',
      parentId: 'root',
      path: 'calls/:callId/edit',
      module: {
        default: () => null,
        action: async ({ request }: { request: Request }) => {
          actions.push('upload')
          const file = (await parseUploadForm(request)).get('document')
          return jsonResponse({ size: file instanceof File ? file.size : null })
        },
      },
    },
    // An upload route that reads the raw body: parseUploadForm stops at a part over 10 MB itself.
    'routes/raw-upload': {
      id: 'routes/raw-upload',
      parentId: 'root',
      path: 'calls/:callId/amend',
      module: {
        default: () => null,
        action: async ({ request }: { request: Request }) => {
          actions.push('raw-upload')
          return jsonResponse({ size: (await request.arrayBuffer()).byteLength })
        },
      },
    },
    'routes/account': {
      id: 'routes/account',
      parentId: 'root',
      path: 'account',
      module: accountRoute,
    },
  },
} as unknown as ServerBuild

export function form(origin: string, extra: Record<string, string> = {}) {
  return { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin, ...extra }
}

export function* repeat(chunk: Buffer, times: number) {
  for (let i = 0; i < times; i++) yield chunk
}

export function multipart(fileBytes: number) {
  const boundary = '----testarena-edge'
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="document"; filename="a.txt"\r\n` +
        'Content-Type: text/plain\r\n\r\n',
    ),
    Buffer.alloc(fileBytes, 'a'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return { body, type: `multipart/form-data; boundary=${boundary}` }
}

/** Serves the stand-in build for the whole test file; `onListening` receives its base URL. */
export function serveStubBuild(onListening: (base: string) => void) {
  let server: Server
  beforeAll(async () => {
    const listening = await listen(async () => stubBuild)
    server = listening.server
    onListening(listening.base)
  })
  afterAll(async () => {
    await close(server)
  })
}
