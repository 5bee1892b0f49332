import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest'
import { DomainError, type DomainErrorCode } from '~/models/errors.server'
import { resetEnvCache } from '~/utils/env.server'
import {
  documentFilePath,
  MAX_DOCUMENT_BYTES,
  parseUploadForm,
  storeDocument,
} from '~/utils/file-store.server'

const KEYS = ['DATABASE_PATH', 'UPLOAD_DIR'] as const
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]))
const dirs: string[] = []
let uploads: string

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'testarena-files-'))
  dirs.push(dir)
  return dir
}

beforeEach(() => {
  uploads = tempDir()
  process.env.UPLOAD_DIR = uploads
  resetEnvCache()
})
afterEach(() => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k]
    else process.env[k] = saved[k]
  }
  resetEnvCache()
})
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

// --- Small real fixtures ----------------------------------------------------------------------

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n')
// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)
const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
  0x00, 0x01, 0x00, 0x00, 0xff, 0xd9,
])
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0')])

/** A zip with stored (uncompressed) entries: enough for type detection, no zip library needed. */
function zip(entries: [name: string, content: string][]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, content] of entries) {
    const nameBytes = Buffer.from(name)
    const data = Buffer.from(content)
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, data)
    centrals.push(central, nameBytes)
    offset += local.length + nameBytes.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

const DOCX = zip([
  [
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  ],
  ['word/document.xml', '<w:document/>'],
])
const ODS = zip([
  ['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'],
  ['content.xml', '<office:document-content/>'],
])
const PLAIN_ZIP = zip([['readme.txt', 'hej']])

function file(bytes: Uint8Array | string, name: string, type = 'application/octet-stream') {
  // A copy, so the part is backed by a plain ArrayBuffer as File's types want.
  return new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name, { type })
}

async function rejection(promise: Promise<unknown>): Promise<DomainErrorCode> {
  const error: unknown = await promise.then(
    () => expect.fail('expected a DomainError'),
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DomainError)
  return (error as DomainError).code
}

// --- storeDocument ----------------------------------------------------------------------------

describe('storeDocument: the type comes from the content', () => {
  test.each([
    ['PDF', PDF, 'Förfrågningsunderlag.pdf', 'pdf', 'application/pdf'],
    ['PNG', PNG, 'karta.png', 'png', 'image/png'],
    ['JPEG', JPEG, 'foto.jpeg', 'jpg', 'image/jpeg'],
    [
      'docx',
      DOCX,
      'Kravspec.docx',
      'docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['ods', ODS, 'Prisbilaga.ods', 'ods', 'application/vnd.oasis.opendocument.spreadsheet'],
  ])('%s is accepted and stored', async (_label, bytes, name, extension, contentType) => {
    const stored = await storeDocument(file(bytes, name))
    expect(stored).toMatchObject({ extension, contentType, size: bytes.length, fileName: name })
    expect(readFileSync(documentFilePath(stored.sha256)).equals(bytes)).toBe(true)
  })

  test("the client's Content-Type and name do not decide the type", async () => {
    const stored = await storeDocument(file(PDF, 'bilaga.html', 'text/html'))
    expect(stored.extension).toBe('pdf')
    expect(stored.contentType).toBe('application/pdf')
    // The stored name ends in the real type, so a download never opens as something else.
    expect(stored.fileName).toBe('bilaga.html.pdf')
  })

  test('a plain zip is rejected; only office containers pass', async () => {
    expect(await rejection(storeDocument(file(PLAIN_ZIP, 'underlag.zip')))).toBe('document_type')
    expect(await rejection(storeDocument(file(PLAIN_ZIP, 'underlag.docx')))).toBe('document_type')
  })

  test('executables are rejected, whatever their name', async () => {
    expect(await rejection(storeDocument(file(EXE, 'setup.exe')))).toBe('document_type')
    expect(await rejection(storeDocument(file(EXE, 'manual.pdf', 'application/pdf')))).toBe(
      'document_type',
    )
  })

  test('html and svg are rejected, also when renamed to .txt', async () => {
    const html = '<!doctype html><html><script>alert(1)</script></html>'
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    expect(await rejection(storeDocument(file(html, 'sida.html', 'text/html')))).toBe(
      'document_type',
    )
    expect(await rejection(storeDocument(file(svg, 'logo.svg', 'image/svg+xml')))).toBe(
      'document_type',
    )
    expect(await rejection(storeDocument(file(html, 'sida.txt', 'text/plain')))).toBe(
      'document_type',
    )
    expect(await rejection(storeDocument(file(`\n  ${svg}`, 'logo.csv')))).toBe('document_type')
  })

  test('UTF-8 text is accepted as .txt and .csv', async () => {
    const txt = await storeDocument(
      file('Frågor till Älvsby kommun\nSvar senast i maj.\n', 'f.txt'),
    )
    expect(txt).toMatchObject({ extension: 'txt', contentType: 'text/plain; charset=utf-8' })
    const csv = await storeDocument(file('\uFEFFort;antal\nÖrebro;3\n', 'Orter.CSV'))
    expect(csv).toMatchObject({
      extension: 'csv',
      contentType: 'text/csv; charset=utf-8',
      fileName: 'Orter.CSV',
    })
  })

  test('text is rejected with a NUL byte, when not UTF-8, or under another name', async () => {
    expect(await rejection(storeDocument(file('abc\0def', 'a.txt')))).toBe('document_type')
    const latin1 = Buffer.from('ort;antal\nÖrebro;3\n', 'latin1')
    expect(await rejection(storeDocument(file(latin1, 'orter.csv')))).toBe('document_type')
    expect(await rejection(storeDocument(file('# Rubrik', 'readme.md')))).toBe('document_type')
    expect(await rejection(storeDocument(file('hej', 'txt')))).toBe('document_type')
  })

  test('an empty file is document_empty', async () => {
    expect(await rejection(storeDocument(file(new Uint8Array(0), 'tom.pdf')))).toBe(
      'document_empty',
    )
  })

  test('10 MB is accepted, one byte more is document_too_large', async () => {
    const exact = Buffer.alloc(MAX_DOCUMENT_BYTES, 0x20)
    PDF.copy(exact)
    expect((await storeDocument(file(exact, 'stor.pdf'))).size).toBe(MAX_DOCUMENT_BYTES)
    const over = Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x20)
    PDF.copy(over)
    expect(await rejection(storeDocument(file(over, 'för-stor.pdf')))).toBe('document_too_large')
  })

  test('the same content is stored once, content-addressed', async () => {
    const a = await storeDocument(file(PDF, 'a.pdf'))
    const b = await storeDocument(file(PDF, 'b.pdf'))
    expect(b.sha256).toBe(a.sha256)
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect([a.fileName, b.fileName]).toEqual(['a.pdf', 'b.pdf'])
    const path = documentFilePath(a.sha256)
    expect(path).toBe(join(uploads, a.sha256.slice(0, 2), a.sha256))
    // One file, no temp files left behind.
    expect(readdirSync(join(uploads, a.sha256.slice(0, 2)))).toEqual([a.sha256])
  })
})

describe('file names', () => {
  test('basename only, without control characters or reserved characters', async () => {
    const stored = await storeDocument(
      file(PDF, '..\\..\\C:\\Users\\x\\"Förfrågan"\u0000 <del 1>\u202E.pdf'),
    )
    expect(stored.fileName).toBe('Förfrågan del 1.pdf')
  })

  test('decomposed Swedish letters are composed (NFC)', async () => {
    const stored = await storeDocument(file(PDF, 'A\u030Angstro\u0308m.pdf'))
    expect(stored.fileName).toBe('Ångström.pdf')
  })

  test('long names are cut to 120 characters and keep the extension', async () => {
    const stored = await storeDocument(file(PDF, `${'å'.repeat(300)}.pdf`))
    expect(Array.from(stored.fileName)).toHaveLength(120)
    expect(stored.fileName.endsWith('å.pdf')).toBe(true)
  })

  test('a name with nothing left gets a neutral name', async () => {
    expect((await storeDocument(file(PDF, '...'))).fileName).toBe('dokument.pdf')
  })
})

describe('documentFilePath', () => {
  test('refuses anything but a SHA-256 hex', () => {
    for (const bad of ['../../etc/passwd', 'A'.repeat(64), 'a'.repeat(63), '']) {
      expect(() => documentFilePath(bad)).toThrow(DomainError)
    }
  })

  test('defaults to uploads/ next to the database', () => {
    delete process.env.UPLOAD_DIR
    const dir = tempDir()
    process.env.DATABASE_PATH = join(dir, 'testarena.sqlite')
    resetEnvCache()
    const sha = 'ab'.repeat(32)
    expect(documentFilePath(sha)).toBe(join(dir, 'uploads', 'ab', sha))
  })
})

// --- parseUploadForm --------------------------------------------------------------------------

function post(body: FormData | URLSearchParams | string, headers?: Record<string, string>) {
  return new Request('http://localhost/calls/1/documents', { method: 'POST', body, headers })
}

describe('parseUploadForm', () => {
  test('reads a multipart form with a file and text fields', async () => {
    const body = new FormData()
    body.set('intent', 'upload')
    body.set('title', 'Kravspecifikation')
    body.set('document', file(PDF, 'krav.pdf', 'application/pdf'))
    const form = await parseUploadForm(post(body))
    expect(form.get('intent')).toBe('upload')
    expect(form.get('title')).toBe('Kravspecifikation')
    const document = form.get('document')
    expect(document).toBeInstanceOf(File)
    expect(Buffer.from(await (document as File).arrayBuffer()).equals(PDF)).toBe(true)
    expect((document as File).name).toBe('krav.pdf')
  })

  test('a part over the limit is document_too_large, not a 500', async () => {
    const body = new FormData()
    body.set('document', file(Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x20), 'stor.pdf'))
    expect(await rejection(parseUploadForm(post(body)))).toBe('document_too_large')
  })

  test('many parts under the limit cannot add up past it', async () => {
    const body = new FormData()
    for (const name of ['a', 'b']) {
      body.append('document', file(Buffer.alloc(MAX_DOCUMENT_BYTES - 10, 0x20), `${name}.pdf`))
    }
    expect(await rejection(parseUploadForm(post(body)))).toBe('document_too_large')
  })

  test('a url-encoded form is read as usual', async () => {
    const form = await parseUploadForm(post(new URLSearchParams({ intent: 'remove', id: '3' })))
    expect(form.get('intent')).toBe('remove')
    expect(form.get('id')).toBe('3')
  })

  test('a malformed multipart body is a 400 response', async () => {
    const thrown: unknown = await parseUploadForm(
      post('--x\r\nno-disposition: here\r\n\r\nvalue\r\n--x--\r\n', {
        'content-type': 'multipart/form-data; boundary=x',
      }),
    ).catch((e: unknown) => e)
    expect(thrown).toBeInstanceOf(Response)
    expect((thrown as Response).status).toBe(400)
  })
})
