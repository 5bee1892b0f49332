import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync } from 'node:zlib'
import type { ServerBuild } from '@remix-run/node'
import { createElement } from 'react'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { openDatabase } from '#db/connection'
import * as directory from '~/routes/organisations._index/route'
import { setClockOffset } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { createApp } from '../../server'
import { createOrganisation, createUser, sessionCookieFor } from '../helpers/factories'
import { pageBuild } from '../helpers/render-page'

// The page cache (decision record 044) in the real Express app of server.ts, in front of the real
// entry.server and root and the organisation directory. A hit is recognisable by its ETag: a
// page rendered anew goes out as before, without one.

const build = pageBuild({
  'routes/organisations._index': { path: 'organisations', module: directory },
  'routes/sets-cookie': {
    path: 'sets-cookie',
    module: {
      loader: () =>
        new Response('{}', {
          headers: { 'Content-Type': 'application/json', 'Set-Cookie': 'seen=1; Path=/' },
        }),
      headers: ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders,
      default: () => createElement('p', null, 'sets a cookie'),
    },
  },
  'routes/own-cache-control': {
    path: 'own-cache-control',
    module: {
      loader: () => ({}),
      headers: () => ({ 'Cache-Control': 'no-store' }),
      default: () => createElement('p', null, 'own cache control'),
    },
  },
}) as ServerBuild

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
  /** The body as text, gunzipped when it came gzipped. */
  html: string
  /** The nonce in this answer's Content-Security-Policy. */
  nonce: string
}

let server: Server
let base = ''

beforeAll(async () => {
  const app = await createApp({ build: async () => build })
  server = await new Promise<Server>((done) => {
    const s = app.listen(0, '127.0.0.1', () => done(s))
  })
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((done) => server.close(() => done())))
afterEach(() => setClockOffset(0))

function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<Answer>((done, fail) => {
    const req = httpRequest(base + path, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const body = Buffer.concat(chunks)
        const gzipped = res.headers['content-encoding'] === 'gzip' && body.byteLength > 0
        const csp = String(res.headers['content-security-policy'] ?? '')
        done({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body,
          html: (gzipped ? gunzipSync(body) : body).toString('utf8'),
          nonce: /'nonce-([^']+)'/.exec(csp)?.[1] ?? '',
        })
      })
    })
    req.on('error', fail)
    req.end()
  })
}

/** Every nonce attribute in the page. */
function nonces(html: string): string[] {
  return [...html.matchAll(/nonce="([^"]*)"/g)].map((m) => m[1]!)
}

let counter = 0
/** A fresh address each time, so tests do not see each other's entries. */
const fresh = (query = '') => `/organisations?t=${++counter}${query}`

describe('a stored page', () => {
  test('carries this request’s nonce in the header and the page, never an earlier one', async () => {
    const path = fresh()
    const seen: string[] = []
    for (let i = 0; i < 4; i++) {
      const answer = await get(path)
      expect(answer.status).toBe(200)
      expect(answer.nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
      expect(seen).not.toContain(answer.nonce)
      const inPage = nonces(answer.html)
      expect(inPage.length).toBeGreaterThan(0)
      expect(new Set(inPage)).toEqual(new Set([answer.nonce]))
      for (const earlier of seen) expect(answer.html).not.toContain(earlier)
      // The first is rendered, the others come from the cache.
      expect(answer.headers.etag === undefined).toBe(i === 0)
      seen.push(answer.nonce)
    }
  })

  test('gzipped, it is the rendered page with the request’s nonce; plain, the same', async () => {
    const path = fresh()
    const rendered = await get(path)
    expect(rendered.headers.etag).toBeUndefined()
    const zipped = await get(path, { 'Accept-Encoding': 'gzip, deflate, br' })
    expect(zipped.headers['content-encoding']).toBe('gzip')
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/)
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.byteLength)
    expect(zipped.html).toBe(rendered.html.replaceAll(rendered.nonce, zipped.nonce))
    const plain = await get(path)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.html).toBe(rendered.html.replaceAll(rendered.nonce, plain.nonce))
    expect(plain.headers['content-type']).toBe(rendered.headers['content-type'])
    expect(plain.headers.etag).not.toBe(zipped.headers.etag)
  })

  test('answers 304 to its ETag, per encoding, and HEAD without a body', async () => {
    const path = fresh()
    await get(path)
    const hit = await get(path, { 'Accept-Encoding': 'gzip' })
    const etag = String(hit.headers.etag)
    expect(etag).toMatch(/^W\/"/)
    expect(hit.headers['cache-control']).toBe('private, no-cache')
    const again = await get(path, { 'Accept-Encoding': 'gzip', 'If-None-Match': etag })
    expect(again.status).toBe(304)
    expect(again.body.byteLength).toBe(0)
    // A new nonce in a 304 would replace the one the browser's stored page was sent with.
    expect(again.headers['content-security-policy']).toBeUndefined()
    expect(again.headers['x-frame-options']).toBe('SAMEORIGIN')
    const otherEncoding = await get(path, { 'If-None-Match': etag })
    expect(otherEncoding.status).toBe(200)
    const head = await get(path, {}, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body.byteLength).toBe(0)
    expect(Number(head.headers['content-length'])).toBeGreaterThan(1000)
    expect(head.headers.etag).toBeDefined()
  })

  test('is rendered anew in the next minute', async () => {
    const path = fresh()
    await get(path)
    expect((await get(path)).headers.etag).toBeDefined()
    setClockOffset(60)
    expect((await get(path)).headers.etag).toBeUndefined()
  })
})

describe('nothing of a signed-in person', () => {
  test('a signed-in page is neither stored nor answered from the cache', async () => {
    const user = await createUser(getDb(), { name: 'Zacharias Cachetestsson' })
    const cookie = await sessionCookieFor(getDb(), user.id)
    const path = fresh()
    // Stored for visitors first; the signed-in person still gets their own page.
    await get(path)
    expect((await get(path)).headers.etag).toBeDefined()
    for (const cookies of [
      cookie,
      `testarena_lang=sv; ${cookie}`,
      `${cookie}; testarena_lang=en`,
    ]) {
      const mine = await get(path, { Cookie: cookies })
      expect(mine.html).toContain('Zacharias Cachetestsson')
      expect(mine.headers.etag).toBeUndefined()
    }
    // Signed in first on a new address: the visitor after them gets a visitor's page.
    const other = fresh()
    expect((await get(other, { Cookie: cookie })).html).toContain('Zacharias Cachetestsson')
    for (let i = 0; i < 2; i++) {
      const visitor = await get(other)
      expect(visitor.html).not.toContain('Zacharias Cachetestsson')
      expect(visitor.headers.etag === undefined).toBe(i === 0)
    }
  })

  test('any cookie but the language’s keeps the request away from the cache', async () => {
    const path = fresh()
    await get(path)
    const cookies = [
      '__Host-testarena_session=abc',
      'testarena_session=abc',
      'flash=hello',
      'testarena_lang=sv; other=1',
      'testarena_language=en',
    ]
    for (const cookie of cookies) {
      expect((await get(path, { Cookie: cookie })).headers.etag, cookie).toBeUndefined()
    }
    expect((await get(path, { Cookie: 'testarena_lang=sv' })).headers.etag).toBeDefined()
  })

  test('pages that set a cookie or their own Cache-Control are not stored', async () => {
    for (const path of ['/sets-cookie', '/own-cache-control']) {
      for (let i = 0; i < 2; i++) {
        const answer = await get(path)
        expect(answer.status).toBe(200)
        expect(answer.html).toContain(path === '/sets-cookie' ? 'sets a cookie' : 'own cache')
        if (path === '/sets-cookie') expect(answer.headers['set-cookie']).toBeDefined()
        expect(answer.headers.etag, path).toBeUndefined()
      }
    }
  })
})

describe('the language', () => {
  test('follows ?lang, the cookie and Accept-Language, each with its own entry', async () => {
    const path = fresh()
    const cases: [string, Record<string, string>, 'sv' | 'en'][] = [
      [path, {}, 'sv'],
      [`${path}&lang=en`, {}, 'en'],
      [path, { Cookie: 'testarena_lang=en' }, 'en'],
      [path, { 'Accept-Language': 'en-GB,en;q=0.9' }, 'en'],
      [path, { 'Accept-Language': 'en-GB', Cookie: 'testarena_lang=sv' }, 'sv'],
      [`${path}&lang=sv`, { Cookie: 'testarena_lang=en' }, 'sv'],
    ]
    for (let round = 0; round < 2; round++) {
      for (const [address, headers, locale] of cases) {
        const answer = await get(address, headers)
        expect(answer.html, `${address} ${JSON.stringify(headers)}`).toContain(
          `<html lang="${locale}"`,
        )
      }
    }
  })
})

describe('a write', () => {
  test('on the app’s connection is seen by the next visitor', async () => {
    const path = fresh()
    await get(path)
    expect((await get(path)).headers.etag).toBeDefined()
    const org = await createOrganisation(getDb(), { name: 'Cachefria Kommunen AB' })
    const next = await get(path)
    expect(next.headers.etag).toBeUndefined()
    expect(next.html).toContain(org.name)
  })

  test('on another connection is seen by the next visitor', async () => {
    const path = fresh()
    await get(path)
    expect((await get(path)).headers.etag).toBeDefined()
    const other = openDatabase(process.env.DATABASE_PATH!)
    try {
      await createOrganisation(other.db, { name: 'Andra Anslutningen AB' })
    } finally {
      await other.db.destroy()
    }
    const next = await get(path)
    expect(next.headers.etag).toBeUndefined()
    expect(next.html).toContain('Andra Anslutningen AB')
  })
})

describe('bad input', () => {
  test('odd queries and headers never cause a 5xx, stored or not', async () => {
    const paths = [
      fresh('&unknown=1'),
      fresh('&q=%ZZ'),
      fresh('&lang=xx&page=-1'),
      '/organisations?q=' + 'ö'.repeat(3000),
      '/organisations/../organisations',
      '//organisations',
    ]
    const headers: Record<string, string>[] = [
      {},
      { 'Accept-Encoding': 'gzip;q=abc, *;q=0' },
      { 'Accept-Encoding': 'identity;q=0' },
      { Cookie: ';;; =; testarena_lang' },
      { Cookie: 'testarena_lang=%E0%A4%A' },
      { 'Accept-Language': ';q=;,,*' },
      { 'If-None-Match': '*' },
      { 'If-None-Match': 'W/"nonsense", "' },
      { Host: 'bad host name' },
      { Authorization: 'Bearer x' },
    ]
    for (const path of paths) {
      for (const h of headers) {
        for (let i = 0; i < 2; i++) {
          const answer = await get(path, h)
          expect(answer.status, `${path} ${JSON.stringify(h)}`).toBeLessThan(500)
        }
      }
    }
  })
})
