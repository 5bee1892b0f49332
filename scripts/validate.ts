/**
 * `npm run validate`: the checks to run before pushing — type check, lint (ESLint + Prettier) and
 * the unit and integration tests — in parallel. Each part's output is printed whole when it ends
 * (never interleaved), then one summary line per part with its time. Exits 1 if any part fails.
 * The build and the browser tests stay in `npm test`.
 */
import { spawn } from 'node:child_process'

interface Part {
  name: string
  command: string
  args: string[]
}

interface Result {
  part: Part
  code: number
  seconds: number
}

const parts: Part[] = [
  { name: 'typecheck', command: 'npm', args: ['run', '--silent', 'typecheck'] },
  { name: 'lint', command: 'npm', args: ['run', '--silent', 'lint'] },
  { name: 'unit + integration', command: 'npx', args: ['vitest', 'run'] },
]

function run(part: Part): Promise<Result> {
  const started = process.hrtime.bigint()
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    const child = spawn(part.command, part.args, {
      // The parts write to a pipe; they keep their colours only when validate's own output is a
      // terminal (any FORCE_COLOR, even 0, turns colours on in vitest, so it is set only then).
      env: process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk))
    const finish = (code: number) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      const rule = '─'.repeat(Math.max(4, 72 - part.name.length))
      process.stdout.write(`\n── ${part.name} ${rule}\n`)
      process.stdout.write(Buffer.concat(chunks))
      resolve({ part, code, seconds })
    }
    child.on('error', (error) => {
      chunks.push(Buffer.from(`${error.message}\n`))
      finish(1)
    })
    child.on('close', (code, signal) => finish(code ?? (signal ? 1 : 0)))
  })
}

async function main() {
  const started = Date.now()
  console.log(`Validating: ${parts.map((p) => p.name).join(', ')} (in parallel)…`)
  const results = await Promise.all(parts.map(run))
  const width = Math.max(...parts.map((p) => p.name.length))
  console.log('\n── summary ' + '─'.repeat(64))
  for (const { part, code, seconds } of results) {
    const verdict = code === 0 ? 'ok' : `FAILED (exit ${code})`
    console.log(`${verdict.padEnd(16)}${part.name.padEnd(width)}  ${seconds.toFixed(1)} s`)
  }
  const failed = results.filter((r) => r.code !== 0)
  const total = ((Date.now() - started) / 1000).toFixed(1)
  console.log(
    failed.length
      ? `${failed.length} of ${results.length} parts failed (${total} s).`
      : `All ${results.length} parts passed (${total} s).`,
  )
  process.exitCode = failed.length ? 1 : 0
}

void main()
