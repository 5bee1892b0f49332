import { request as httpRequest, type Server } from 'node:http'
import { type AddressInfo, connect } from 'node:net'
import type { ServerBuild } from '@remix-run/node'
import { createApp } from '../../server'

// The real Express app of server.ts on a free port, and requests sent byte for byte as given.

/** What every stand-in Remix build of the server tests shares; each adds its entry and routes. */
export const STUB_BUILD_SHELL = {
  mode: 'production',
  basename: undefined,
  future: {},
  isSpaMode: false,
  publicPath: '/',
  assetsBuildDirectory: 'build/client',
  assets: {
    entry: { module: '/entry.js', imports: [] },
    routes: {},
    url: '/manifest.js',
    version: 'stub',
  },
}

export interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

export async function listen(
  build: () => Promise<ServerBuild>,
): Promise<{ server: Server; base: string }> {
  const app = await createApp({ build })
  const server = await new Promise<Server>((done) => {
    const s = app.listen(0, '127.0.0.1', () => done(s))
  })
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

export function close(server: Server) {
  return new Promise<void>((done) => server.close(() => done()))
}

/**
 * node:http, so headers go out exactly as given. `body` is sent whole; `chunks` are streamed
 * without a Content-Length (chunked) until they run out or the answer arrives.
 */
export function send(
  base: string,
  path: string,
  options: {
    method?: string
    headers?: Record<string, string>
    body?: string | Buffer
    chunks?: Iterable<Buffer>
    /** Send the headers, then wait for the answer without sending the body they declare. */
    withholdBody?: boolean
  } = {},
) {
  return new Promise<Reply>((done, fail) => {
    let answered = false
    const req = httpRequest(
      base + path,
      { method: options.method ?? 'POST', headers: options.headers, agent: false },
      (res) => {
        answered = true
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          done({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          })
          req.destroy()
        })
      },
    )
    // Once the server has answered, a body still being written may be cut off: that is the
    // point of refusing early, not an error of the test.
    req.on('error', (error) => {
      if (!answered) fail(error)
    })
    if (options.chunks) {
      const iterator = options.chunks[Symbol.iterator]()
      const writeNext = () => {
        while (!answered) {
          const next = iterator.next()
          if (next.done) return req.end()
          if (!req.write(next.value)) return req.once('drain', writeNext)
        }
      }
      writeNext()
    } else if (options.withholdBody) {
      req.flushHeaders()
    } else {
      req.end(options.body)
    }
  })
}

/**
 * What nginx does: send the request head, read the whole answer, and only then send the body it
 * buffered, over a connection it asked to close. Resolves with the answer's status line and the
 * error that cut off sending the body, if any.
 */
export function sendBodyAfterAnswer(base: string, path: string, body: Buffer) {
  const { hostname, port } = new URL(base)
  return new Promise<{ statusLine: string; bodyError?: string }>((done) => {
    const socket = connect(Number(port), hostname)
    let head = ''
    let sent = false
    let bodyError: string | undefined
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: ${new URL(base).host}\r\nOrigin: ${base}\r\n` +
        `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.byteLength}\r\n` +
        'Connection: close\r\n\r\n',
    )
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1')
      const length = /content-length: (\d+)/i.exec(head)?.[1]
      const bodyStart = head.indexOf('\r\n\r\n') + 4
      if (!sent && length && bodyStart >= 4 && head.length - bodyStart >= Number(length)) {
        sent = true
        socket.end(body)
      }
    })
    socket.on('error', (error: NodeJS.ErrnoException) => (bodyError = error.code ?? error.message))
    socket.on('close', () => done({ statusLine: head.split('\r\n')[0] ?? '', bodyError }))
  })
}
