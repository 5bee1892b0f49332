import { createHash, randomBytes } from 'node:crypto'
import { mkdir, open, rename, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from '@remix-run/node'
import { fileTypeFromBuffer } from 'file-type'
import { DomainError } from '~/models/errors.server'
import { getEnv } from './env.server'

// Procurement documents that buyers attach to a call and anyone may download. The type is decided
// from the bytes, never from the browser's Content-Type or the file name, and only formats that
// cannot run script in a browser are kept (no html, svg, executables or arbitrary zips). Files are
// stored content-addressed, so the same document uploaded twice is stored once.

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
/** Room for the ordinary text fields that travel with a document in the same form. */
const MAX_FORM_EXTRA_BYTES = 1024 * 1024
const MAX_NAME_LENGTH = 120

/** What a detected (or, for text, accepted) extension is served as. */
const CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  png: 'image/png',
  jpg: 'image/jpeg',
} as const
type DocumentExtension = keyof typeof CONTENT_TYPES

export const DOCUMENT_EXTENSIONS: readonly string[] = Object.keys(CONTENT_TYPES)

/** Plain text has no magic bytes; it is accepted only under these names. */
const TEXT_EXTENSIONS: readonly DocumentExtension[] = ['txt', 'csv']

export interface StoredDocument {
  /** Lower-case hex SHA-256 of the content; also its name on disk. */
  sha256: string
  size: number
  /** From the detected type, for the download's Content-Type. */
  contentType: string
  /** From the detected type, never from the uploaded name. */
  extension: string
  /** The uploaded name made safe for display and Content-Disposition, ending in `extension`. */
  fileName: string
}

/**
 * Checks and stores an uploaded document. Throws DomainError 'document_empty',
 * 'document_too_large' or 'document_type'.
 */
export async function storeDocument(file: File): Promise<StoredDocument> {
  if (file.size === 0) throw new DomainError('document_empty')
  if (file.size > MAX_DOCUMENT_BYTES) throw new DomainError('document_too_large')
  const bytes = new Uint8Array(await file.arrayBuffer())

  const extension = await detectExtension(bytes, file.name)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  await writeOnce(documentFilePath(sha256), bytes)
  return {
    sha256,
    size: bytes.byteLength,
    contentType: CONTENT_TYPES[extension],
    extension,
    fileName: documentFileName(file.name, extension),
  }
}

/** Where the document with this hash is on disk. Anything but a SHA-256 hex is 'not_found'. */
export function documentFilePath(sha256: string): string {
  // The hash may come from a URL; the pattern also keeps it from naming any other path.
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new DomainError('not_found')
  return join(uploadDir(), sha256.slice(0, 2), sha256)
}

/**
 * The form data of an action that may carry a document. Files are kept in memory (they are small)
 * and a part over MAX_DOCUMENT_BYTES becomes DomainError('document_too_large'), so the route can
 * answer 400 like any other rule. Forms without files arrive url-encoded and are parsed as usual.
 */
export async function parseUploadForm(request: Request): Promise<FormData> {
  const type = request.headers.get('content-type') ?? ''
  if (!/^multipart\/form-data/i.test(type)) return request.formData()

  const memory = unstable_createMemoryUploadHandler({ maxPartSize: MAX_DOCUMENT_BYTES })
  // Each part is capped by the memory handler; this caps the whole body so that many parts just
  // under the limit cannot fill the memory either.
  let total = 0
  async function* counted(data: AsyncIterable<Uint8Array>) {
    for await (const chunk of data) {
      total += chunk.byteLength
      if (total > MAX_DOCUMENT_BYTES + MAX_FORM_EXTRA_BYTES) {
        throw new DomainError('document_too_large')
      }
      yield chunk
    }
  }
  const handler: UploadHandler = (part) => memory({ ...part, data: counted(part.data) })

  try {
    return await unstable_parseMultipartFormData(request, handler)
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw new DomainError('document_too_large')
    // A malformed multipart body (no boundary, broken headers) is a bad request, not a 500.
    if (error instanceof Error && /^(malformed |Could not parse content)/.test(error.message)) {
      throw new Response(null, { status: 400 })
    }
    throw error
  }
}

async function detectExtension(bytes: Uint8Array, name: string): Promise<DocumentExtension> {
  const detected = await fileTypeFromBuffer(bytes)
  if (detected) {
    // Office files are zips: file-type names them by their content list, and a zip it cannot
    // name stays 'zip', which is not in the list.
    if (isDocumentExtension(detected.ext) && !TEXT_EXTENSIONS.includes(detected.ext)) {
      return detected.ext
    }
    throw new DomainError('document_type')
  }
  const claimed = nameExtension(sanitiseFileName(name))
  if (claimed && isDocumentExtension(claimed) && TEXT_EXTENSIONS.includes(claimed)) {
    if (isPlainText(bytes)) return claimed
  }
  throw new DomainError('document_type')
}

function isDocumentExtension(ext: string): ext is DocumentExtension {
  return Object.hasOwn(CONTENT_TYPES, ext)
}

function isPlainText(bytes: Uint8Array): boolean {
  // NUL never occurs in text and is the usual sign of a binary file (or UTF-16).
  if (bytes.includes(0)) return false
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return false
  }
  // Downloads are served as text/plain, but a web page renamed to .txt is still a web page: keep
  // it out in case a browser or viewer ever sniffs it.
  return !/^\s*<(?:!doctype|html|head|body|script|svg|iframe|\?xml)/i.test(text)
}

function nameExtension(name: string): string | undefined {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : undefined
}

/**
 * Basename only, NFC (macOS sends Swedish letters decomposed), no control or formatting
 * characters (a right-to-left override can make "fdp.exe" look like "exe.pdf"), no characters
 * that are reserved in file names on common systems, and no leading dots.
 */
function sanitiseFileName(original: string): string {
  const base = original.split(/[/\\]/).pop() ?? ''
  return base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .trim()
}

/** The name shown and offered on download; it always ends in the stored type's extension. */
function documentFileName(original: string, extension: DocumentExtension): string {
  const name = sanitiseFileName(original)
  const claimed = nameExtension(name)
  const matches = claimed === extension || (extension === 'jpg' && claimed === 'jpeg')
  // A name that claims another type keeps it visible but gets the real one after it.
  const suffix = matches ? name.slice(name.lastIndexOf('.')) : `.${extension}`
  const stem = matches ? name.slice(0, name.lastIndexOf('.')) : name
  // Count code points so a Swedish letter or emoji is never cut in half.
  const short = Array.from(stem)
    .slice(0, MAX_NAME_LENGTH - suffix.length)
    .join('')
    .trim()
  return `${short || 'dokument'}${suffix}`
}

function uploadDir(): string {
  const env = getEnv()
  if (env.UPLOAD_DIR) return resolve(env.UPLOAD_DIR)
  if (env.DATABASE_PATH === ':memory:') return join(tmpdir(), `testarena-uploads-${process.pid}`)
  return resolve(dirname(env.DATABASE_PATH), 'uploads')
}

/** Writes content-addressed bytes so that a reader never sees a half-written file. */
async function writeOnce(path: string, bytes: Uint8Array): Promise<void> {
  const existing = await stat(path).catch(() => undefined)
  if (existing?.size === bytes.byteLength) return
  await mkdir(dirname(path), { recursive: true })
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  try {
    const handle = await open(temp, 'wx', 0o640)
    try {
      await handle.writeFile(bytes)
      // On disk before the rename, so a database row never points at an empty file after a crash.
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}
