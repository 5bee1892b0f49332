import { existsSync } from 'node:fs'
import type { Server } from 'node:http'
import { resolve } from 'node:path'
import { Readable } from 'node:stream'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ServerBuild } from '@remix-run/node'
import SQLite from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openDatabase } from '#db/connection'
import { handleError } from '~/entry.server'
import * as accountRoute from '~/routes/account/route'
import {
  BodyTooLargeError,
  bodyLimitFor,
  FORM_BODY_LIMIT,
  limitedBody,
  UPLOAD_BODY_LIMIT,
} from '~/utils/body-limit.server'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { resetEnvCache } from '~/utils/env.server'
import { parseUploadForm } from '~/utils/file-store.server'
import { createUser, sessionCookieFor } from '../helpers/factories'
import { close, listen, send, sendBodyAfterAnswer, STUB_BUILD_SHELL } from '../helpers/http-server'

/**
 * The server under stress (issue 13): body limits, content types, proxies and a locked database,
 * through the real Express app of server.ts, the real handleError of entry.server.tsx and a
 * stand-in Remix build whose pages are real document routes (so Remix's own cross-site check
 * runs), with the real account route for database writes.
 */

const APP_ORIGIN = 'http://localhost:3000' // tests/helpers/integration-setup.ts
const actions: string[] = []

function jsonResponse(value: unknown, status = 200) {
  return new Response(JSON.stringify(value), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

const stubBuild = {
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

function form(origin: string, extra: Record<string, string> = {}) {
  return { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin, ...extra }
}

function* repeat(chunk: Buffer, times: number) {
  for (let i = 0; i < times; i++) yield chunk
}

function multipart(fileBytes: number) {
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

let server: Server
let base: string
beforeAll(async () => {
  ;({ server, base } = await listen(async () => stubBuild))
})
afterAll(async () => {
  await close(server)
})

describe('body size limits', () => {
  test('a declared body over the form limit is refused with 413 before any of it is sent', async () => {
    const before = actions.length
    const reply = await send(base, '/form', {
      headers: form(base, { 'Content-Length': String(100 * 1024 * 1024) }),
      withholdBody: true,
    })
    expect(reply.status).toBe(413)
    expect(reply.headers['content-type']).toContain('text/html')
    expect(reply.body).toContain('<html lang="sv">')
    expect(reply.body).toContain('Det du skickade är för stort')
    expect(reply.body).toContain('1 MB')
    expect(reply.body).not.toMatch(/at \w+ \(|Error/)
    expect(actions.length).toBe(before)
  })

  test('a refused body that is sent anyway is read and thrown away, so a proxy sending it gets the page', async () => {
    // nginx buffers the whole body, sends it, and only then reads the answer: a connection cut
    // under it turned the 413 into nginx's 502.
    const before = actions.length
    const reply = await sendBodyAfterAnswer(base, '/form', Buffer.alloc(8 * 1024 * 1024, 'a'))
    expect(reply.statusLine).toBe('HTTP/1.1 413 Payload Too Large')
    expect(reply.bodyError).toBeUndefined()
    expect(actions.length).toBe(before)
  })

  test('the refusal is in English for an English browser or language choice', async () => {
    for (const extra of [
      { 'Accept-Language': 'en-GB,en;q=0.8' } as Record<string, string>,
      { Cookie: 'testarena_lang=en' },
    ]) {
      const reply = await send(base, '/form', {
        headers: form(base, { 'Content-Length': String(FORM_BODY_LIMIT + 1), ...extra }),
        withholdBody: true,
      })
      expect(reply.status).toBe(413)
      expect(reply.body).toContain('<html lang="en">')
      expect(reply.body).toContain('What you sent is too large')
    }
  })

  test('a chunked body without Content-Length is counted and refused once over the limit', async () => {
    const before = actions.length
    const reply = await send(base, '/form', {
      headers: form(base),
      // 8 MiB offered in 64 KiB chunks; the answer comes before it is all sent.
      chunks: [Buffer.from('text='), ...repeat(Buffer.alloc(64 * 1024, 'a'), 128)],
    })
    expect(reply.status).toBe(413)
    expect(reply.body).toContain('Det du skickade är för stort')
    // The action started reading, and never got the form.
    expect(actions.slice(before)).toEqual(['form'])
  })

  test('the counted body never passes more than the limit on', async () => {
    const limit = 100_000
    const source = Readable.from(repeat(Buffer.alloc(10_000, 'a'), 50))
    let exceeded = false
    let passed = 0
    const body = limitedBody(source, limit, () => (exceeded = true))
    const error = await new Promise<unknown>((done) => {
      body.on('data', (chunk: Buffer) => (passed += chunk.byteLength))
      body.on('error', done)
      body.on('end', () => done(null))
    })
    expect(error).toBeInstanceOf(BodyTooLargeError)
    expect(exceeded).toBe(true)
    expect(passed).toBeLessThanOrEqual(limit)
  })

  test('a long form within the limit reaches its route', async () => {
    // 150,000 Swedish letters url-encode to 900,000 bytes: a very long bid, still accepted.
    const text = 'ö'.repeat(150_000)
    const reply = await send(base, '/form', {
      headers: form(base),
      body: new URLSearchParams({ text }).toString(),
    })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toEqual({ actionData: { 'routes/form': { text: 150_000 } } })
  })

  test('an upload route takes a document far over the form limit', async () => {
    const { body, type } = multipart(5 * 1024 * 1024)
    const reply = await send(base, '/calls/1/edit', {
      headers: { 'Content-Type': type, Origin: base },
      body,
    })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toEqual({
      actionData: { 'routes/upload': { size: 5 * 1024 * 1024 } },
    })
    // The same body to an ordinary form is refused.
    const ordinary = await send(base, '/form', {
      headers: { 'Content-Type': type, Origin: base },
      body,
    })
    expect(ordinary.status).toBe(413)
  })

  test('an upload over its limit is refused up front, or when counted, with the document limit named', async () => {
    const { type } = multipart(0)
    const declared = await send(base, '/calls/1/edit', {
      headers: {
        'Content-Type': type,
        Origin: base,
        'Content-Length': String(UPLOAD_BODY_LIMIT + 1),
      },
      withholdBody: true,
    })
    expect(declared.status).toBe(413)
    expect(declared.body).toContain('Ett dokument får vara högst 10 MB')

    const { body } = multipart(UPLOAD_BODY_LIMIT)
    const streamed = await send(base, '/calls/1/amend', {
      headers: { 'Content-Type': type, Origin: base, 'Accept-Language': 'en' },
      chunks: [body],
    })
    expect(streamed.status).toBe(413)
    expect(streamed.body).toContain('A document may be at most 10 MB')
  })

  test('the upload limit applies to the upload forms only, with or without JavaScript', () => {
    for (const path of [
      '/calls/1/edit',
      '/calls/1/amend',
      '/calls/1/edit.data',
      '/calls/1/amend.data',
    ]) {
      expect(bodyLimitFor(path), path).toBe(UPLOAD_BODY_LIMIT)
    }
    for (const path of [
      '/calls/1/bid',
      '/calls/1',
      '/organisations/x/calls/new',
      '/calls/1/edit/x',
    ]) {
      expect(bodyLimitFor(path), path).toBe(FORM_BODY_LIMIT)
    }
  })
})

describe('content types a form route cannot read', () => {
  test('JSON, plain text or no body type answer 415 with a readable page, never 500', async () => {
    const before = actions.length
    for (const headers of [
      { 'Content-Type': 'application/json', Origin: base } as Record<string, string>,
      { 'Content-Type': 'text/plain', Origin: base, 'Accept-Language': 'en' },
      { Origin: base },
    ]) {
      const reply = await send(base, '/form', { headers, body: '{"text":"hej"}' })
      expect(reply.status).toBe(415)
      expect(reply.headers['content-type']).toContain('text/html')
      expect(reply.body).toMatch(/Formuläret kunde inte tas emot|The form could not be received/)
    }
    expect(actions.length).toBe(before)
  })

  test('a broken multipart body is a 400 page, not a 500', async () => {
    const reply = await send(base, '/form', {
      headers: { 'Content-Type': 'multipart/form-data', Origin: base },
      body: 'not multipart at all',
    })
    expect(reply.status).toBe(400)
    expect(reply.body).toContain('Felaktig begäran')
  })
})

describe('behind a proxy', () => {
  test('a proxy that does not pass the public Host: a form from APP_ORIGIN still works', async () => {
    // The browser is on APP_ORIGIN; the server sees the proxy's Host (127.0.0.1:port).
    const reply = await send(base, '/form', { headers: form(APP_ORIGIN), body: 'text=hej' })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toEqual({ actionData: { 'routes/form': { text: 3 } } })
  })

  test('without TRUST_PROXY, a client’s X-Forwarded-Host is ignored, for better and worse', async () => {
    const own = await send(base, '/form', {
      headers: form(base, { 'X-Forwarded-Host': 'evil.example' }),
      body: 'text=hej',
    })
    expect(own.status).toBe(200)
    const spoofed = await send(base, '/form', {
      headers: form('http://evil.example', { 'X-Forwarded-Host': 'evil.example' }),
      body: 'text=hej',
    })
    expect(spoofed.status).toBe(403)
  })

  test('a Host that is not a host is a 400 page', async () => {
    const reply = await send(base, '/form', {
      method: 'GET',
      headers: { Host: 'someone@evil.example' },
    })
    expect(reply.status).toBe(400)
    expect(reply.body).toContain('Adressen i begäran är inte giltig')
  })

  describe('with TRUST_PROXY and a proxy that passes X-Forwarded-Proto and -Host', () => {
    let proxied: { server: Server; base: string }
    beforeAll(async () => {
      process.env.TRUST_PROXY = 'true'
      resetEnvCache()
      proxied = await listen(async () => stubBuild)
    })
    afterAll(async () => {
      delete process.env.TRUST_PROXY
      resetEnvCache()
      await close(proxied.server)
    })

    const public_ = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'testarena.example' }

    test('a form from the public origin works', async () => {
      const reply = await send(proxied.base, '/form', {
        headers: form('https://testarena.example', public_),
        body: 'text=hej',
      })
      expect(reply.status).toBe(200)
      expect(JSON.parse(reply.body)).toEqual({ actionData: { 'routes/form': { text: 3 } } })
    })

    test('an X-Forwarded-Host that does not match the form’s origin is a translated 403', async () => {
      const before = actions.length
      const reply = await send(proxied.base, '/form', {
        headers: form('https://testarena.example', {
          'X-Forwarded-Proto': 'https',
          'X-Forwarded-Host': 'internal.example',
        }),
        body: 'text=hej',
      })
      expect(reply.status).toBe(403)
      expect(reply.body).toContain('Begäran från annan webbplats nekad')
      expect(reply.body).toContain('https://testarena.example')
      expect(actions.length).toBe(before)

      const english = await send(proxied.base, '/form', {
        headers: form('https://testarena.example', {
          'X-Forwarded-Host': 'internal.example',
          'Accept-Language': 'en',
        }),
        body: 'text=hej',
      })
      expect(english.status).toBe(403)
      expect(english.body).toContain('<html lang="en">')
      expect(english.body).toContain('Cross-site request refused')
    })

    test('the page shows a hostile origin as text, not markup', async () => {
      const reply = await send(proxied.base, '/form', {
        headers: form('https://<script>x</script>.example'),
        body: 'text=hej',
      })
      expect(reply.status).toBe(403)
      expect(reply.body).not.toContain('<script>')
    })
  })
})

describe('a database locked by another connection', () => {
  // The app's connection, with its SQLite handle, so a test can shorten busy_timeout.
  let sqlite: SQLite.Database
  let cookie: string
  let userId: number
  beforeAll(async () => {
    await getDb().destroy()
    const opened = openDatabase(process.env.DATABASE_PATH!, { clock: now })
    globalThis.__testarenaDb = opened.db
    sqlite = opened.sqlite
    const user = await createUser(getDb(), { name: 'Före' })
    userId = user.id
    cookie = await sessionCookieFor(getDb(), userId)
  })

  /**
   * A second connection in another thread (the app's waits block this one) that takes the write
   * lock, renames the user, and commits after `holdMs` or when released.
   */
  async function holdWriteLock(holdMs: number) {
    const signal = new Int32Array(new SharedArrayBuffer(4))
    const worker = new Worker(
      `
      const { parentPort, workerData } = require('node:worker_threads')
      const Database = require('better-sqlite3')
      const db = new Database(workerData.path)
      db.exec('BEGIN IMMEDIATE')
      db.prepare('UPDATE users SET name = ? WHERE id = ?').run('Låst av annan', workerData.userId)
      parentPort.postMessage('locked')
      Atomics.wait(new Int32Array(workerData.signal), 0, 0, workerData.holdMs)
      db.exec('COMMIT')
      db.close()
      parentPort.postMessage('released')
      `,
      {
        eval: true,
        workerData: { path: process.env.DATABASE_PATH, userId, holdMs, signal: signal.buffer },
      },
    )
    const released = new Promise<void>((done, fail) => {
      worker.on('message', (m) => m === 'released' && done())
      worker.on('error', fail)
    })
    await new Promise<void>((done, fail) => {
      worker.on('message', (m) => m === 'locked' && done())
      worker.on('error', fail)
    })
    // The lock is really held: a connection that will not wait is refused.
    const probe = new SQLite(process.env.DATABASE_PATH!, { timeout: 0 })
    expect(() => probe.exec('BEGIN IMMEDIATE')).toThrow(/locked|busy/i)
    probe.close()
    return {
      released,
      release() {
        Atomics.store(signal, 0, 1)
        Atomics.notify(signal, 0)
      },
    }
  }

  function rename(name: string, extra: Record<string, string> = {}) {
    return send(base, '/account', {
      headers: form(base, { Cookie: cookie, ...extra }),
      body: new URLSearchParams({ intent: 'name', name }).toString(),
    })
  }

  async function nameOf() {
    const row = await getDb()
      .selectFrom('users')
      .select('name')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow()
    return row.name
  }

  test('a write waits for another connection’s lock (held ~1 s) and succeeds', async () => {
    const lock = await holdWriteLock(1000)
    const reply = await rename('Efter')
    await lock.released
    expect(reply.status).toBe(302)
    expect(reply.headers.location).toBe('/account?saved=name')
    // Both writes happened, the app's after the other connection's commit.
    expect(await nameOf()).toBe('Efter')
  })

  test('a lock held past busy_timeout answers 503 with Retry-After and a page, never 500', async () => {
    sqlite.pragma('busy_timeout = 100')
    const lock = await holdWriteLock(60_000)
    try {
      const reply = await rename('Aldrig')
      const english = await rename('Never', { 'Accept-Language': 'en' })
      expect(reply.status).toBe(503)
      expect(reply.headers['retry-after']).toBe('5')
      expect(reply.body).toContain('Testarena är upptagen just nu')
      expect(english.status).toBe(503)
      expect(english.body).toContain('Testarena is busy right now')
    } finally {
      lock.release()
      await lock.released
      sqlite.pragma('busy_timeout = 5000')
    }
    expect(await nameOf()).toBe('Låst av annan')
  })
})

const realBuild = resolve('build/server/index.js')

describe.skipIf(!existsSync(realBuild))('with the real production build', () => {
  let real: { server: Server; base: string }
  beforeAll(async () => {
    real = await listen(
      () => import(/* @vite-ignore */ pathToFileURL(realBuild).href) as Promise<ServerBuild>,
    )
  })
  afterAll(async () => {
    await close(real.server)
  })

  test('a JSON login is a 415 page', async () => {
    const reply = await send(real.base, '/login', {
      headers: { 'Content-Type': 'application/json', Origin: real.base },
      body: JSON.stringify({ email: 'a@b.se', password: 'x' }),
    })
    expect(reply.status).toBe(415)
    expect(reply.body).toContain('Formuläret kunde inte tas emot')
  })

  test('a login form from APP_ORIGIN through a proxy that keeps its own Host reaches the form', async () => {
    const reply = await send(real.base, '/login', {
      headers: form(APP_ORIGIN, { 'Accept-Language': 'sv' }),
      body: new URLSearchParams({
        email: 'ingen@example.test',
        password: 'fel-lösenord',
      }).toString(),
    })
    // The login form answers (wrong password), where Remix's own check used to throw a 500.
    expect(reply.status).toBe(400)
    expect(reply.body).toContain('<form')
  })
})
