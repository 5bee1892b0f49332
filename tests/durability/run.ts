/**
 * `npm run test:durability`: at least 100 rounds of SIGKILL while bids are being submitted.
 *
 * A temporary database is migrated and given a published call and many companies. Each round a
 * child process (bid-writer.ts) submits bids through the bid model and prints every submission
 * after its commit; it is killed with SIGKILL at a random moment, and the next one starts on the
 * same file. At the end every acknowledged submission must be there (bid submitted, stamped no
 * earlier, with its audit row), PRAGMA integrity_check must say ok and the audit chain must verify.
 * Not part of `npm test`: bounded (ROUNDS, and a time limit per wait), it stops by itself.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROUNDS = Math.max(100, Number(process.env.DURABILITY_ROUNDS ?? 100))
const COMPANIES = 200
const WAIT_LIMIT_MS = 30_000

const dir = mkdtempSync(join(tmpdir(), 'testarena-durability-bids-'))
const databasePath = join(dir, 'durability.sqlite')
const setupFile = join(dir, 'setup.json')
// The child processes read the same environment (keys beside this database).
Object.assign(process.env, {
  NODE_ENV: 'test',
  DATABASE_PATH: databasePath,
  SEED_DEMO: 'false',
  APP_ORIGIN: 'http://localhost:3000',
})
delete process.env.AUDIT_KEY
delete process.env.BID_SEAL_KEY

const { openDatabase } = await import('#db/connection')
const { migrateToLatest } = await import('#db/migrator')
const { createCompany } = await import('../helpers/test-bed-factories')
const { createBuyer, createCall } = await import('../helpers/call-factories')
const { completeBidContent } = await import('../helpers/bid-factories')
const { submitBid } = await import('~/models/bid-submission.server')
const { readAuditKey } = await import('~/models/audit.server')
const { anchorLogFile, describeVerification, verifyAudit, writeAnchor } =
  await import('~/models/audit-anchors.server')

function sleep(ms: number) {
  return new Promise((done) => setTimeout(done, ms))
}

/** The published call, the companies, complete content; one bid submitted (creates both keys). */
async function prepare() {
  const { db } = openDatabase(databasePath)
  try {
    await migrateToLatest(db)
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer)
    const companies: { userId: number; slug: string }[] = []
    for (let i = 0; i < COMPANIES; i++) {
      const company = await createCompany(db)
      companies.push({ userId: company.user.id, slug: company.org.slug })
    }
    const content = await completeBidContent(db, call.id)
    await submitBid(db, {
      callId: call.id,
      userId: companies[0]!.userId,
      companySlug: companies[0]!.slug,
      content,
    })
    await writeAnchor(db)
    writeFileSync(setupFile, JSON.stringify({ callId: call.id, companies, content }))
  } finally {
    await db.destroy()
  }
}

/**
 * How to start the writer: compiled once with esbuild (app code bundled, packages external) so a
 * start costs a fraction of a second; `node --import tsx` is the fallback.
 */
async function writerCommand(): Promise<{ args: string[]; cleanup: () => void }> {
  const source = resolve('tests/durability/bid-writer.ts')
  const compiled = resolve(`node_modules/.cache/testarena/durability-bids-${process.pid}.mjs`)
  try {
    const { build } = await import('esbuild')
    await build({
      entryPoints: [source],
      outfile: compiled,
      bundle: true,
      // Packages load natively; the app's own modules (relative, ~/ and #db/) are bundled.
      plugins: [
        {
          name: 'packages-external',
          setup(b) {
            b.onResolve({ filter: /.*/ }, (args) =>
              /^(\.|\/|~\/|#db\/)/.test(args.path)
                ? undefined
                : { path: args.path, external: true },
            )
          },
        },
      ],
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'silent',
    })
    return { args: [compiled, setupFile], cleanup: () => rmSync(compiled, { force: true }) }
  } catch {
    return { args: ['--import', 'tsx', source, setupFile], cleanup: () => {} }
  }
}

interface Writer {
  child: ChildProcess
  output: () => string
  errors: () => string
  exited: Promise<NodeJS.Signals | number | null>
}

function startWriter(args: string[]): Writer {
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] })
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
    if (w.child.exitCode !== null) {
      throw new Error(`writer exited (${w.child.exitCode}) before ${what}: ${w.errors()}`)
    }
    if (Date.now() - started > WAIT_LIMIT_MS) throw new Error(`writer never ${what}: ${w.errors()}`)
    await sleep(5)
  }
}

interface Ack {
  bidId: number
  submittedAt: number
}

/** Says go, lets the writer run for a random while (sometimes not even one commit), kills it. */
async function runAndKill(w: Writer, round: number): Promise<Ack[]> {
  await waitFor(w, /^loaded$/m, 'loaded')
  w.child.stdin!.write('go\n')
  // Most rounds wait for a first commit and then a random while; some are killed at once.
  if (round % 5 !== 0) await waitFor(w, /^\d+ \d+$/m, 'committed')
  await sleep(Math.random() * 200)
  w.child.kill('SIGKILL')
  const how = await w.exited
  if (how !== 'SIGKILL') throw new Error(`writer ended by ${how}, not SIGKILL: ${w.errors()}`)
  // Only complete lines count: a half-written line was not yet acknowledged.
  const lines = w.output().split('\n')
  lines.pop()
  return lines
    .map((l) => /^(\d+) (\d+)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ bidId: Number(m[1]), submittedAt: Number(m[2]) }))
}

async function check(acks: Ack[]) {
  const problems: string[] = []
  const { db, sqlite } = openDatabase(databasePath)
  try {
    const integrity = sqlite.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`)
    const bids = new Map(
      (await db.selectFrom('bids').select(['id', 'status', 'submitted_at']).execute()).map((b) => [
        b.id,
        b,
      ]),
    )
    const audited = new Map<string, number>()
    for (const row of await db
      .selectFrom('audit_log')
      .select(['entity_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('action', '=', 'bid.submitted')
      .groupBy('entity_id')
      .execute()) {
      audited.set(String(row.entity_id), Number(row.n))
    }
    const acksPerBid = new Map<number, number>()
    for (const ack of acks) {
      acksPerBid.set(ack.bidId, (acksPerBid.get(ack.bidId) ?? 0) + 1)
      const bid = bids.get(ack.bidId)
      if (!bid) problems.push(`bid ${ack.bidId}: acknowledged but missing`)
      else if (bid.status !== 'submitted') problems.push(`bid ${ack.bidId}: ${bid.status}`)
      else if ((bid.submitted_at ?? 0) < ack.submittedAt) {
        problems.push(
          `bid ${ack.bidId}: stamped ${bid.submitted_at}, acknowledged ${ack.submittedAt}`,
        )
      }
    }
    for (const [bidId, n] of acksPerBid) {
      if ((audited.get(String(bidId)) ?? 0) < n) {
        problems.push(`bid ${bidId}: ${n} acknowledged submissions, fewer audit rows`)
      }
    }
    await writeAnchor(db)
    const key = readAuditKey(databasePath)
    const report = await verifyAudit(db, {
      key: key?.key ?? null,
      logFile: anchorLogFile(databasePath),
    })
    if (!report.ok) problems.push(...describeVerification(report))
    return { problems, integrity, bids: acksPerBid.size, rows: report.chain.rows }
  } finally {
    await db.destroy()
  }
}

async function main() {
  const started = Date.now()
  await prepare()
  const command = await writerCommand()
  const acks: Ack[] = []
  let emptyRounds = 0
  // Two writers load ahead while the current one runs; only one ever writes at a time.
  const writers = [startWriter(command.args), startWriter(command.args), startWriter(command.args)]
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      const current = writers.shift()!
      if (round + 3 <= ROUNDS) writers.push(startWriter(command.args))
      const got = await runAndKill(current, round)
      if (got.length === 0) emptyRounds++
      acks.push(...got)
      if (round % 10 === 0) console.log(`round ${round}/${ROUNDS}: ${acks.length} acknowledged`)
    }
  } finally {
    for (const w of writers) w.child.kill('SIGKILL')
    command.cleanup()
  }
  const result = await check(acks)
  const seconds = Math.round((Date.now() - started) / 1000)
  const ok = result.problems.length === 0 && acks.length > ROUNDS
  console.log(
    `durability: ${ok ? 'PASSED' : 'FAILED'}: ${ROUNDS} SIGKILL rounds (${emptyRounds} before a commit), ` +
      `${acks.length} acknowledged submissions of ${result.bids} bids all present and submitted: ` +
      `${result.problems.length === 0 ? 'yes' : 'NO'}; integrity_check ${String(result.integrity)}; ` +
      `audit chain (${result.rows} rows) ${result.problems.some((p) => /Audit/.test(p)) ? 'FAILED' : 'verified'}; ${seconds} s`,
  )
  for (const problem of result.problems.slice(0, 50)) console.error(`  - ${problem}`)
  if (ok) rmSync(dir, { recursive: true, force: true })
  else {
    console.error(`The database is kept for inspection: ${databasePath}`)
    process.exitCode = 1
  }
}

main().catch((error: unknown) => {
  console.error(error)
  console.error(`The database is kept for inspection: ${databasePath}`)
  process.exit(1)
})
