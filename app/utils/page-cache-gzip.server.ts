import { constants, crc32, deflateRawSync } from 'node:zlib'

// A stored page whose gzip bytes are made once, yet carry a new CSP nonce on every request
// (decision record 044). The page is cut at each occurrence of the nonce of the render that made
// it. Each piece is compressed on its own as raw deflate ending with a sync flush (byte-aligned,
// not final, and with no back-reference into another piece); a request's nonce goes between them
// as a stored deflate block (BTYPE=00), an empty final block closes the stream, and the gzip
// header and trailer (CRC-32 and length of this request's page) wrap it. A hit compresses nothing.

/** Gzip header: magic, deflate, no flags, no mtime, no extra flags, unknown OS (RFC 1952). */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff])
/** An empty final block with fixed Huffman codes: BFINAL=1, BTYPE=01, end-of-block (RFC 1951). */
const FINAL_BLOCK = Buffer.from([0x03, 0x00])
/** A stored block's length field holds at most this many bytes. */
const MAX_STORED = 0xffff

export interface PageTemplate {
  /** The page's bytes between the nonces (one more than the nonces). */
  pieces: Buffer[]
  /** Each piece as raw deflate ending with a sync flush, made by the first gzip request. */
  deflated: Buffer[] | null
  /** Bytes of the pieces together (the page is this plus one nonce per gap). */
  piecesLength: number
}

/** Cuts `html` at every occurrence of `nonce`. Compressing waits for the first gzip request. */
export function pageTemplate(html: string, nonce: string): PageTemplate {
  const pieces = (nonce ? html.split(nonce) : [html]).map((piece) => Buffer.from(piece))
  return {
    pieces,
    deflated: null,
    piecesLength: pieces.reduce((sum, piece) => sum + piece.byteLength, 0),
  }
}

/**
 * Compresses the pieces once (a page stored but never asked for again costs no compression) and
 * returns how many bytes that added to the template.
 */
export function deflatePieces(template: PageTemplate): number {
  if (template.deflated) return 0
  template.deflated = template.pieces.map((piece) =>
    deflateRawSync(piece, { finishFlush: constants.Z_SYNC_FLUSH, level: 6 }),
  )
  return template.deflated.reduce((sum, part) => sum + part.byteLength, 0)
}

/** The page with `nonce` in every place the template's render had its own. */
export function plainPage(template: PageTemplate, nonce: string): Buffer {
  const value = Buffer.from(nonce)
  const parts: Buffer[] = []
  template.pieces.forEach((piece, i) => {
    if (i > 0) parts.push(value)
    parts.push(piece)
  })
  return Buffer.concat(parts)
}

/** The page's gzip bytes with `nonce` filled in: stored deflate blocks between the pieces. */
export function gzipPage(template: PageTemplate, nonce: string): Buffer {
  const value = Buffer.from(nonce)
  if (value.byteLength > MAX_STORED) throw new RangeError('nonce too long for a stored block')
  const stored = Buffer.alloc(5 + value.byteLength)
  // BFINAL=0 and BTYPE=00 in the first three bits, padding to the byte; LEN and its complement.
  stored.writeUInt16LE(value.byteLength, 1)
  stored.writeUInt16LE(~value.byteLength & 0xffff, 3)
  value.copy(stored, 5)

  deflatePieces(template)
  const deflated = template.deflated!
  const parts: Buffer[] = [GZIP_HEADER]
  let crc = 0
  template.pieces.forEach((piece, i) => {
    if (i > 0) {
      parts.push(stored)
      if (value.byteLength > 0) crc = crc32(value, crc)
    }
    parts.push(deflated[i]!)
    // Node's crc32 answers 0 for an empty buffer whatever the running value: skip those.
    if (piece.byteLength > 0) crc = crc32(piece, crc)
  })
  const size = template.piecesLength + value.byteLength * (template.pieces.length - 1)
  const trailer = Buffer.alloc(8)
  trailer.writeUInt32LE(crc >>> 0, 0)
  trailer.writeUInt32LE(size % 2 ** 32, 4)
  parts.push(FINAL_BLOCK, trailer)
  return Buffer.concat(parts)
}
