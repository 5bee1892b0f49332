/**
 * Runs commands side by side, for `npm run validate` and `npm test`. Each part's output is either
 * printed whole when it ends ('whole': never interleaved) or streamed line by line with the
 * part's name in front ('lines': for long parts, so that progress shows). One summary line per
 * part with its time follows.
 */
import { spawn } from 'node:child_process'

export interface Part {
  name: string
  command: string
  args: string[]
  env?: Record<string, string>
  /**
   * Runs the part at a lower CPU priority (`nice -n <value>`, where the system has `nice`): work
   * that only needs CPU yields to parts that wait on each other in turn, like a browser and its
   * server, which then keep their pace while the niced part uses every idle moment.
   */
  nice?: number
}

export interface Result {
  part: Part
  code: number
  seconds: number
}

type Output = 'whole' | 'lines'

function rule(title: string): string {
  return `\n── ${title} ${'─'.repeat(Math.max(4, 72 - title.length))}\n`
}

function run(part: Part, output: Output): Promise<Result> {
  const started = process.hrtime.bigint()
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let pending = ''
    const write = (chunk: Buffer) => {
      if (output === 'whole') return void chunks.push(chunk)
      const lines = (pending + chunk.toString('utf8')).split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) process.stdout.write(`[${part.name}] ${line}\n`)
    }
    const [command, args] =
      part.nice && process.platform !== 'win32'
        ? ['nice', ['-n', String(part.nice), part.command, ...part.args]]
        : [part.command, part.args]
    const child = spawn(command, args, {
      // The parts write to a pipe; they keep their colours only when our own output is a
      // terminal (any FORCE_COLOR, even 0, turns colours on in vitest, so it is set only then).
      env: {
        ...process.env,
        ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}),
        ...part.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout.on('data', write)
    child.stderr.on('data', write)
    const finish = (code: number) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      if (output === 'whole') {
        process.stdout.write(rule(part.name))
        process.stdout.write(Buffer.concat(chunks))
      } else if (pending) process.stdout.write(`[${part.name}] ${pending}\n`)
      resolve({ part, code, seconds })
    }
    child.on('error', (error) => {
      write(Buffer.from(`${error.message}\n`))
      finish(1)
    })
    child.on('close', (code, signal) => finish(code ?? (signal ? 1 : 0)))
  })
}

/** Runs the parts in parallel and prints a summary; resolves to the results. */
export async function runParts(parts: Part[], output: Output = 'whole'): Promise<Result[]> {
  const results = await Promise.all(parts.map((part) => run(part, output)))
  const width = Math.max(...parts.map((p) => p.name.length))
  process.stdout.write(rule('summary'))
  for (const { part, code, seconds } of results) {
    const verdict = code === 0 ? 'ok' : `FAILED (exit ${code})`
    console.log(`${verdict.padEnd(16)}${part.name.padEnd(width)}  ${seconds.toFixed(1)} s`)
  }
  return results
}

export const failed = (results: Result[]) => results.filter((r) => r.code !== 0)
