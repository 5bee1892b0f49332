import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { gunzipSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { gzipPage, pageTemplate, plainPage } from '~/utils/page-cache-gzip.server'

// The stored page's gzip bytes carry a new nonce per request (decision record 044): whatever the
// place of the nonces, gunzip gives exactly the page with the new nonce in each of them.

const nonce = () => randomBytes(16).toString('base64')

describe('a page template', () => {
  const stored = nonce()
  const pages = {
    'nonces inside': `<html><script nonce="${stored}">a</script>${'åäö – hej '.repeat(4000)}<link nonce="${stored}"></html>`,
    'nonce first and last': `${stored}<p>mitt</p>${stored}`,
    'nonces side by side': `<p>${stored}${stored}</p>`,
    'no nonce': '<p>utan</p>',
    'empty page': '',
    'long random text': randomBytes(200_000).toString('base64') + stored,
  }

  for (const [name, html] of Object.entries(pages)) {
    test(`gunzips to the page with the new nonce: ${name}`, () => {
      const template = pageTemplate(html, stored)
      const fresh = nonce()
      const expected = Buffer.from(html.replaceAll(stored, fresh))
      expect(gunzipSync(gzipPage(template, fresh)).equals(expected)).toBe(true)
      expect(plainPage(template, fresh).equals(expected)).toBe(true)
    })
  }

  test('is read by gzip itself (CRC and length checked)', () => {
    const html = pages['nonces inside']
    const fresh = nonce()
    const out = execFileSync('gzip', ['-dc'], {
      input: gzipPage(pageTemplate(html, stored), fresh),
    })
    expect(out.toString('utf8')).toBe(html.replaceAll(stored, fresh))
  })

  test('a wrong trailer is refused, so the checks above mean something', () => {
    const bytes = gzipPage(pageTemplate(pages['nonces inside'], stored), nonce())
    bytes[bytes.length - 8]! ^= 1
    expect(() => gunzipSync(bytes)).toThrow()
  })

  test('compresses only when the first gzip answer needs it', () => {
    const template = pageTemplate(pages['nonces inside'], stored)
    expect(template.deflated).toBeNull()
    plainPage(template, nonce())
    expect(template.deflated).toBeNull()
    gzipPage(template, nonce())
    expect(template.deflated).toHaveLength(3)
  })

  test('compresses the page', () => {
    const html = pages['nonces inside']
    expect(gzipPage(pageTemplate(html, stored), nonce()).byteLength).toBeLessThan(
      Buffer.byteLength(html) / 10,
    )
  })
})
