import { Readable } from 'node:stream'
import { describe, expect, test } from 'vitest'
import {
  BodyTooLargeError,
  bodyLimitFor,
  FORM_BODY_LIMIT,
  limitedBody,
  UPLOAD_BODY_LIMIT,
} from '~/utils/body-limit.server'
import { send, sendBodyAfterAnswer } from '../helpers/http-server'
import { actions, form, multipart, repeat, serveStubBuild } from '../helpers/server-edge-setup'

/**
 * The server under stress (issue 13): body limits, content types, proxies and a locked database,
 * through the real Express app of server.ts, the real handleError of entry.server.tsx and a
 * stand-in Remix build whose pages are real document routes (so Remix's own cross-site check
 * runs), with the real account route for database writes.
 * This file: body size limits and content types a form route cannot read.
 */

let base: string
serveStubBuild((url) => (base = url))

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
