import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { openDatabase } from '#db/connection'

/**
 * A writer that dies mid-transaction (SIGKILL: no cleanup, no final checkpoint) must leave a
 * database that passes integrity_check and holds every row whose commit it had reported.
 */
const dir = mkdtempSync(join(tmpdir(), 'testarena-durability-'))
const path = join(dir, 'durability.sqlite')
const writer = resolve('tests/integration/durability-writer.ts')
const ROUNDS = 10

/**
 * How to start the writer. `node --import tsx` works but pays ~1–3 s per process, because every
 * module (all of Kysely) passes through tsx's loader hooks. So the writer and db/connection.ts are
 * compiled once with esbuild (the packages stay external and load natively); tsx is the fallback.
 */
let writerArgs = ['--import', 'tsx', writer]
const compiled = resolve(`node_modules/.cache/testarena/durability-writer-${process.pid}.mjs`)

beforeAll(async () => {
  try {
    const { build } = await import('esbuild')
    await build({
      entryPoints: [writer],
      outfile: compiled,
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'silent',
    })
    writerArgs = [compiled]
  } catch {
    // Keep tsx.
  }
})

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
  rmSync(compiled, { force: true })
})

function sleep(ms: number) {
  return new Promise((done) => setTimeout(done, ms))
}

interface Writer {
  child: ChildProcess
  output: () => string
  errors: () => string
  exited: Promise<NodeJS.Signals | number | null>
}

/** Starts a writer that loads its modules and then waits for "go" (so start-up overlaps other rounds). */
function startWriter(round: number): Writer {
  const child = spawn(process.execPath, [...writerArgs, path, String(round)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
  const exited = new Promise<NodeJS.Signals | number | null>((done) =>
    child.on('exit', (code, signal) => done(signal ?? code)),
  )
  return { child, output: () => out, errors: () => err, exited }
}

async function waitFor(w: Writer, pattern: RegExp, what: string) {
  const started = Date.now()
  while (!pattern.test(w.output())) {
    if (w.child.exitCode !== null)
      throw new Error(`writer exited early (${w.child.exitCode}): ${w.errors()}`)
    if (Date.now() - started > 15_000) throw new Error(`writer never ${what}: ${w.errors()}`)
    await sleep(5)
  }
}

/** Lets the writer commit something, lets it go on for a random while, kills it; returns reported ids. */
async function runAndKill(w: Writer): Promise<number[]> {
  await waitFor(w, /^loaded$/m, 'loaded')
  w.child.stdin!.write('go\n')
  await waitFor(w, /^\d+$/m, 'committed')
  await sleep(5 + Math.random() * 145)
  w.child.kill('SIGKILL')
  expect(await w.exited).toBe('SIGKILL')
  // Only complete lines count: a half-written number was not yet reported.
  const lines = w.output().split('\n')
  lines.pop()
  return lines.filter((l) => /^\d+$/.test(l)).map(Number)
}

test('rows whose commit returned survive SIGKILL of the writer, and the file stays intact', async () => {
  const setup = openDatabase(path)
  setup.sqlite.exec(
    `CREATE TABLE durability_probe (
      id INTEGER PRIMARY KEY, round INTEGER NOT NULL, payload TEXT NOT NULL, checksum INTEGER NOT NULL
    ) STRICT`,
  )
  setup.sqlite.close()

  // Two writers load ahead while the current one runs; only one ever writes at a time.
  const writers = [1, 2, 3].map(startWriter)
  let reported = 0
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      const current = writers.shift()!
      if (round + 3 <= ROUNDS) writers.push(startWriter(round + 3))
      const ids = await runAndKill(current)
      expect(ids.length).toBeGreaterThan(0)
      reported += ids.length

      const { sqlite } = openDatabase(path)
      try {
        expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
        expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
        const found = new Map(
          (
            sqlite
              .prepare(
                'SELECT id, round, length(payload) = checksum AS whole FROM durability_probe WHERE round = ?',
              )
              .all(round) as { id: number; round: number; whole: number }[]
          ).map((r) => [r.id, r]),
        )
        const missing = ids.filter((id) => !found.has(id))
        expect(missing, `round ${round}: reported but missing`).toEqual([])
        expect([...found.values()].every((r) => r.whole === 1)).toBe(true)
      } finally {
        sqlite.close()
      }
    }
  } finally {
    for (const w of writers) w.child.kill('SIGKILL')
  }
  expect(reported).toBeGreaterThan(ROUNDS)
}, 60_000)
