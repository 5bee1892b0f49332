import { request as httpRequest, type Server } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { dirname, join } from 'node:path'
import { PassThrough } from 'node:stream'
import type { ServerBuild } from '@remix-run/node'
import { createElement, type ReactElement } from 'react'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as entryServer from '~/entry.server'
import { createApp } from '../../server'

/**
 * React 18's streaming renderer (renderToPipeableStream) copies HTML into 2,048-byte buffers.
 * Unpatched, a buffer that ends where an å, ä, ö or – does not fit is sent whole, with its unwritten
 * tail of zero bytes (facebook/react#24985). patches/react-dom+18.3.1.patch back-ports the fix
 * (facebook/react#26228; decision 024). Each paragraph below starts with a different number of
 * ASCII letters, so the buffer ends land inside multi-byte characters again and again.
 */
const SENTENCE =
  'Åtgärdsförslag för sjöar, ängar och öar – övergödningen i Mälaren kostar 5 € per år'
const PARAGRAPHS = Array.from(
  { length: 240 },
  (_, i) => `${'x'.repeat(i % 41)} ${'åäö'.repeat(1 + (i % 29))} ${SENTENCE} ${i}`,
)
const EXPECTED_MAIN = `<main>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</main>`

function SwedishPage(): ReactElement {
  return createElement(
    'html',
    { lang: 'sv' },
    createElement('head', null, createElement('meta', { charSet: 'utf-8' })),
    createElement(
      'body',
      null,
      createElement(
        'main',
        null,
        PARAGRAPHS.map((text, i) => createElement('p', { key: i }, text)),
      ),
    ),
  )
}

function expectIntact(bytes: Buffer) {
  expect(bytes.indexOf(0), 'first NUL byte at').toBe(-1)
  const html = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  expect(html).not.toContain('\u0000')
  const main = html.slice(html.indexOf('<main>'), html.indexOf('</main>') + '</main>'.length)
  expect(main).toBe(EXPECTED_MAIN)
}

/** A stand-in Remix build: the app's real entry.server behind one route that renders the page. */
const build = {
  mode: 'production',
  basename: undefined,
  future: {},
  isSpaMode: false,
  publicPath: '/',
  assetsBuildDirectory: 'build/client',
  assets: {
    entry: { module: '/entry.js', imports: [] },
    routes: {
      root: {
        id: 'root',
        path: '',
        module: '/root.js',
        hasAction: false,
        hasLoader: false,
        hasClientAction: false,
        hasClientLoader: false,
        hasErrorBoundary: false,
      },
    },
    url: '/manifest.js',
    version: 'stub',
  },
  entry: { module: entryServer },
  routes: { root: { id: 'root', path: '', module: { default: SwedishPage } } },
} as unknown as ServerBuild

function get(base: string, path: string, userAgent: string) {
  return new Promise<{ status: number; body: Buffer }>((done, fail) => {
    const req = httpRequest(
      base + path,
      { headers: { 'User-Agent': userAgent, 'Accept-Encoding': 'identity' }, agent: false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }))
      },
    )
    req.on('error', fail)
    req.end()
  })
}

describe('a page with long Swedish text, served by server.ts and entry.server', () => {
  let server: Server
  let base: string
  beforeAll(async () => {
    const app = await createApp({ build: async () => build })
    server = await new Promise<Server>((done) => {
      const s = app.listen(0, '127.0.0.1', () => done(s))
    })
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()))
  })

  test('reaches a browser without NUL bytes and with every å, ä and ö intact', async () => {
    const reply = await get(base, '/', 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Firefox/128.0')
    expect(reply.status).toBe(200)
    expectIntact(reply.body)
  })

  test('reaches a crawler (rendered in full before sending) the same way', async () => {
    const reply = await get(base, '/', 'Googlebot/2.1 (+http://www.google.com/bot.html)')
    expect(reply.status).toBe(200)
    expectIntact(reply.body)
  })
})

// Tests run with NODE_ENV=test, so react-dom/server loads the development bundle; production
// loads the minified one. Both are loaded by file, past react-dom's exports map.
const require = createRequire(import.meta.url)
const reactDomCjs = join(dirname(require.resolve('react-dom/package.json')), 'cjs')

describe.each(['react-dom-server.node.development.js', 'react-dom-server.node.production.min.js'])(
  'renderToPipeableStream from %s',
  (file) => {
    test('writes long Swedish text without NUL bytes', async () => {
      const { renderToPipeableStream } = require(
        join(reactDomCjs, file),
      ) as typeof import('react-dom/server')
      const out = new PassThrough()
      const chunks: Buffer[] = []
      out.on('data', (c: Buffer) => chunks.push(c))
      const ended = new Promise((done) => out.on('end', done))
      await new Promise<void>((done, fail) => {
        const { pipe } = renderToPipeableStream(createElement(SwedishPage), {
          onAllReady() {
            pipe(out)
            done()
          },
          onShellError: fail,
        })
      })
      await ended
      expectIntact(Buffer.concat(chunks))
    })
  },
)
