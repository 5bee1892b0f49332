import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process'
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs'
import { promisify } from 'node:util'

/**
 * The servers of `npm run bench` and the load generator (decision 047): the built app and the
 * plain baseline each pinned to core 0, autocannon in its own process pinned to core 1 (taskset,
 * when the machine has it).
 */

const run = promisify(execFile)
export const hasTaskset = spawnSync('which', ['taskset']).status === 0

function pinned(core: number, args: string[]): [string, string[]] {
  return hasTaskset
    ? ['taskset', ['-c', String(core), process.execPath, ...args]]
    : [process.execPath, args]
}

export interface Server {
  name: string
  origin: string
  process: ChildProcess
  /** Spawn to the first 200, in milliseconds. */
  startupMs: number
}

/** The production server: part C's plain-node bundle when built, else server.ts through tsx. */
export function appEntry(): string[] {
  return existsSync('build/server.js') ? ['build/server.js'] : ['--import', 'tsx', 'server.ts']
}

/** Starts a server (its output appended to `log`) and waits for the first 200 on `/`. */
export async function startServer(
  name: string,
  entry: string[],
  port: number,
  env: Record<string, string>,
  log: string,
): Promise<Server> {
  const [cmd, args] = pinned(0, entry)
  const out = openSync(log, 'a')
  const started = performance.now()
  const child = spawn(cmd, args, {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', out, out],
  })
  closeSync(out)
  const origin = `http://127.0.0.1:${port}`
  for (let i = 0; i < 4800; i++) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited with ${child.exitCode}: see ${log}`)
    try {
      const response = await fetch(`${origin}/`)
      await response.arrayBuffer()
      if (response.status === 200) {
        return { name, origin, process: child, startupMs: performance.now() - started }
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25))
  }
  child.kill('SIGTERM')
  throw new Error(`${name} did not answer 200 on / within 2 minutes`)
}

export async function stopServer(server: Server): Promise<void> {
  if (server.process.exitCode !== null) return
  const exited = new Promise((r) => server.process.once('exit', r))
  server.process.kill('SIGTERM')
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
  if (server.process.exitCode === null) server.process.kill('SIGKILL')
}

/** The server's resident set in MB (taskset execs node, so the pid is the server's). */
export function rssMb(server: Server): number {
  const status = readFileSync(`/proc/${server.process.pid}/status`, 'utf8')
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024)
}

export interface Load {
  rps: number
  p50: number
  p97_5: number
  p99: number
  /** Answers in the measurement; non-2xx answers and socket errors (timeouts) among them. */
  requests: number
  failures: number
}

/** One autocannon run. Failures are counted, not thrown: a slow page still gets its row. */
export async function load(
  url: string,
  options: { connections: number; duration: number; headers?: Record<string, string> },
): Promise<Load> {
  const headers = Object.entries(options.headers ?? {}).flatMap(([k, v]) => ['-H', `${k}=${v}`])
  const [cmd, args] = pinned(1, [
    'node_modules/autocannon/autocannon.js',
    '-c',
    String(options.connections),
    '-d',
    String(options.duration),
    ...headers,
    '-j',
    url,
  ])
  const { stdout } = await run(cmd, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })
  const r = JSON.parse(stdout) as {
    non2xx: number
    errors: number
    requests: { average: number; total: number }
    latency: { p50: number; p97_5: number; p99: number }
  }
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    requests: r.requests.total,
    failures: r.non2xx + r.errors,
  }
}

/** One request, as the load will send it: must be a 200 (no redirect); returns its encoding. */
export async function probe(url: string, headers: Record<string, string> = {}): Promise<string> {
  // fetch asks for gzip unless told otherwise; autocannon sends no Accept-Encoding at all.
  const response = await fetch(url, {
    headers: { 'accept-encoding': 'identity', ...headers },
    redirect: 'manual',
  })
  await response.arrayBuffer()
  if (response.status !== 200) throw new Error(`${url}: ${response.status}, not 200`)
  return response.headers.get('content-encoding') ?? 'identity'
}
