import { existsSync } from 'node:fs'
import { request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createApp } from '../../server'
import { STUB_BUILD_SHELL } from '../helpers/http-server'

/**
 * The real Express app from server.ts in front of a tiny stand-in Remix build: one resource route
 * (/probe) that answers 200 and echoes the CSP nonce Remix got in its load context. What is under
 * test is server.ts itself: headers, CSP nonce and the cross-site write check.
 */
const calls: { method: string; nonce: unknown }[] = []

const stubBuild = {
  ...STUB_BUILD_SHELL,
  entry: {
    module: {
      default: () =>
        new Response('document', { status: 200, headers: { 'Content-Type': 'text/plain' } }),
    },
  },
  routes: {
    root: { id: 'root', path: '', module: { default: () => null } },
    'routes/probe': {
      id: 'routes/probe',
      parentId: 'root',
      path: 'probe',
      module: {
        loader: ({ context }: { context: { cspNonce?: unknown } }) => {
          calls.push({ method: 'GET', nonce: context.cspNonce })
          return new Response(JSON.stringify({ nonce: context.cspNonce }), {
            headers: { 'Content-Type': 'application/json' },
          })
        },
        action: ({ context }: { context: { cspNonce?: unknown } }) => {
          calls.push({ method: 'POST', nonce: context.cspNonce })
          return new Response(JSON.stringify({ ok: true }), {
            headers: { 'Content-Type': 'application/json' },
          })
        },
      },
    },
  },
} as unknown as ServerBuild

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

async function listen(
  build: () => Promise<ServerBuild>,
): Promise<{ server: Server; base: string }> {
  const app = await createApp({ build })
  const server = await new Promise<Server>((done) => {
    const s = app.listen(0, '127.0.0.1', () => done(s))
  })
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

/** node:http rather than fetch, so Origin and Sec-Fetch-* go out exactly as given (or not at all). */
function send(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<Reply>((done, fail) => {
    const req = httpRequest(
      base + path,
      { method: options.method ?? 'GET', headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          done({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
      },
    )
    req.on('error', fail)
    if (options.body) req.write(options.body)
    req.end()
  })
}

function post(base: string, headers: Record<string, string>) {
  return send(base, '/probe', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: 'a=1',
  })
}

function csp(reply: Reply): Map<string, string> {
  const header = String(reply.headers['content-security-policy'] ?? '')
  return new Map(
    header
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name = '', ...values] = d.split(/\s+/)
        return [name, values.join(' ')] as const
      }),
  )
}

function nonceOf(reply: Reply): string {
  const match = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp(reply).get('script-src') ?? '')
  if (!match)
    throw new Error(`No nonce in CSP: ${String(reply.headers['content-security-policy'])}`)
  return match[1]!
}

describe('the HTTP server (server.ts) with a stand-in build', () => {
  let server: Server
  let base: string
  beforeAll(async () => {
    ;({ server, base } = await listen(async () => stubBuild))
  })
  afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()))
  })

  test('refuses a POST from a foreign origin with 403, before Remix sees it', async () => {
    const before = calls.length
    const reply = await post(base, { Origin: 'https://evil.example' })
    expect(reply.status).toBe(403)
    expect(reply.body).toContain('Cross-site request refused')
    expect(calls.length).toBe(before)
  })

  test('refuses a POST with an opaque "null" origin', async () => {
    expect((await post(base, { Origin: 'null' })).status).toBe(403)
  })

  test('refuses a POST with neither Origin nor Sec-Fetch-Site', async () => {
    const before = calls.length
    expect((await post(base, {})).status).toBe(403)
    expect(calls.length).toBe(before)
  })

  test('refuses a POST without Origin whose Sec-Fetch-Site is not same-origin', async () => {
    expect((await post(base, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403)
    expect((await post(base, { 'Sec-Fetch-Site': 'same-site' })).status).toBe(403)
  })

  test('refuses other writing methods from a foreign origin too', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const reply = await send(base, '/probe', {
        method,
        headers: { Origin: 'https://evil.example' },
      })
      expect(reply.status, method).toBe(403)
    }
  })

  test('lets a same-origin POST through to the route', async () => {
    const before = calls.length
    const reply = await post(base, { Origin: base })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toEqual({ ok: true })
    expect(calls.slice(before).map((c) => c.method)).toEqual(['POST'])
  })

  test('lets a POST from the configured public origin (APP_ORIGIN) through', async () => {
    expect((await post(base, { Origin: 'http://localhost:3000' })).status).toBe(200)
  })

  test('lets a POST without Origin through when the browser says Sec-Fetch-Site: same-origin', async () => {
    expect((await post(base, { 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200)
  })

  test('never blocks a GET, whatever its origin', async () => {
    expect(
      (
        await send(base, '/probe', {
          headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
        })
      ).status,
    ).toBe(200)
    expect((await send(base, '/probe')).status).toBe(200)
    expect(
      (await send(base, '/probe', { method: 'HEAD', headers: { Origin: 'https://evil.example' } }))
        .status,
    ).toBe(200)
  })

  test('sends a strict CSP whose nonce is fresh for every response and is the one Remix renders with', async () => {
    const first = await send(base, '/probe')
    const second = await send(base, '/probe')
    const [a, b] = [nonceOf(first), nonceOf(second)]
    expect(a).not.toBe(b)
    expect(Buffer.from(a, 'base64')).toHaveLength(16)
    expect(JSON.parse(first.body)).toEqual({ nonce: a })
    expect(JSON.parse(second.body)).toEqual({ nonce: b })

    const policy = csp(first)
    expect(policy.get('default-src')).toBe("'self'")
    expect(policy.get('script-src')).toBe(`'self' 'nonce-${a}' 'strict-dynamic'`)
    expect(policy.get('object-src')).toBe("'none'")
    expect(policy.get('base-uri')).toBe("'none'")
    expect(policy.get('frame-ancestors')).toBe("'none'")
    expect(policy.get('form-action')).toBe("'self'")
    expect(policy.get('style-src')).toBe("'self'")
    // APP_ORIGIN is http in tests: no upgrade or HSTS that would break a local server.
    expect(policy.has('upgrade-insecure-requests')).toBe(false)
    expect(first.headers['strict-transport-security']).toBeUndefined()
  })

  test('sends the other security headers on every response, refusals included', async () => {
    for (const reply of [
      await send(base, '/probe'),
      await post(base, { Origin: 'https://evil.example' }),
      await send(base, '/favicon.svg'),
    ]) {
      expect(reply.headers['x-content-type-options']).toBe('nosniff')
      expect(reply.headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
      expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'")
      expect(reply.headers['x-powered-by']).toBeUndefined()
    }
  })
})

const realBuild = resolve('build/server/index.js')

describe('the HTTP server with the real production build', () => {
  test.skipIf(!existsSync(realBuild))(
    'renders pages whose scripts carry the response’s nonce (skipped without `npx remix vite:build`)',
    async () => {
      const { server, base } = await listen(
        () => import(/* @vite-ignore */ pathToFileURL(realBuild).href) as Promise<ServerBuild>,
      )
      try {
        const reply = await send(base, '/', { headers: { 'Accept-Language': 'sv' } })
        expect(reply.status).toBe(200)
        const nonce = nonceOf(reply)
        const scripts = [...reply.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
        expect(scripts.length).toBeGreaterThan(0)
        for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
        expect(reply.headers['cache-control']).toBe('private, no-store')
      } finally {
        await new Promise<void>((done) => server.close(() => done()))
      }
    },
  )
})
