import type { BenchTargets } from './scale-db'
import { type Load, load, probe, type Server } from './servers'
import { median, meets, roundRatios, type Target, TARGETS } from './stats'

/**
 * Page throughput against the plain baseline, in the same run (decision 047): for each page,
 * `alternations` rounds of one baseline measurement followed by one measurement of each variant
 * of the page on the app (plain, gzip, each user …); each variant's ratio is the median of its
 * rounds' app/baseline ratios, so a machine that slows down mid-run moves both sides alike.
 */

export interface Variant {
  /** e.g. 'anonymous, cache', 'anonymous, cache, gzip', 'buyer'. */
  mode: string
  headers: Record<string, string>
  ratioTarget: Target
}

export interface PageResult {
  path: string
  mode: string
  appRps: number
  baselineRps: number
  ratio: number
  ratios: number[]
  p50: number
  p97_5: number
  p99: number
  /** Content-Encoding of the app's answer to this variant's request. */
  encoding: string
  /** App answers in all rounds, and the non-2xx answers and errors among them (must be 0). */
  requests: number
  failures: number
  ratioTarget: Target
  p99Target: Target
  pass: boolean
}

export interface LoadSettings {
  connections: number
  duration: number
  alternations: number
}

/** The main anonymous list and detail pages, with ids found in the database. */
export function anonymousPages(t: BenchTargets): string[] {
  const q = (word: string) => encodeURIComponent(word)
  return [
    '/',
    '/calls',
    `/calls?q=${q(t.words.common)}`,
    `/calls/${t.callId}`,
    '/test-beds',
    `/test-beds/${t.offerId}`,
    '/organisations',
    `/organisations/${t.organisationSlug}`,
    '/references',
    ...(t.referenceId === null ? [] : [`/references/${t.referenceId}`]),
    `/search?q=${q(t.words.common)}`,
    '/initiatives',
  ]
}

/** Pages measured with a buyer's and a supplier's session. */
export function loggedInPages(t: BenchTargets): string[] {
  return ['/', '/calls', `/calls/${t.callId}`, '/my/organisations']
}

function format(l: Load) {
  return `${l.rps.toFixed(0).padStart(6)} req/s p99 ${String(l.p99).padStart(4)} ms`
}

export async function measurePage(
  app: Server,
  baseline: Server,
  path: string,
  variants: Variant[],
  settings: LoadSettings,
): Promise<PageResult[]> {
  const options = { connections: settings.connections, duration: settings.duration }
  const encodings: string[] = []
  // Each request is checked once first (a 200, not a redirect to the login page); for the cached
  // mode this also fills the cache, as the first visitor would.
  for (const v of variants) encodings.push(await probe(`${app.origin}${path}`, v.headers))
  const base: Load[] = []
  const runs: Load[][] = variants.map(() => [])
  for (let round = 0; round < settings.alternations; round++) {
    base.push(await load(`${baseline.origin}/calls`, options))
    for (const [i, v] of variants.entries()) {
      runs[i]!.push(await load(`${app.origin}${path}`, { ...options, headers: v.headers }))
    }
  }
  return variants.map((v, i) => {
    const app = runs[i]!
    const ratios = roundRatios(
      app.map((a) => a.rps),
      base.map((b) => b.rps),
    )
    const ratio = median(ratios)
    const p99 = median(app.map((a) => a.p99))
    const requests = app.reduce((n, a) => n + a.requests, 0)
    const failures = app.reduce((n, a) => n + a.failures, 0)
    const result: PageResult = {
      path,
      mode: v.mode,
      appRps: median(app.map((a) => a.rps)),
      baselineRps: median(base.map((b) => b.rps)),
      ratio,
      ratios,
      p50: median(app.map((a) => a.p50)),
      p97_5: median(app.map((a) => a.p97_5)),
      p99,
      encoding: encodings[i]!,
      requests,
      failures,
      ratioTarget: v.ratioTarget,
      p99Target: TARGETS.p99Ms,
      pass:
        meets(ratio, v.ratioTarget) && meets(p99, TARGETS.p99Ms) && failures === 0 && requests > 0,
    }
    console.log(
      `  ${path.padEnd(40)} ${v.mode.padEnd(24)} app ${format(app.at(-1)!)}  baseline ${format(base.at(-1)!)}  ratio ${ratio.toFixed(2)}${failures ? `  ${failures} FAILED` : ''}`,
    )
    return result
  })
}

export async function measurePages(
  app: Server,
  baseline: Server,
  paths: string[],
  variants: Variant[],
  settings: LoadSettings,
): Promise<PageResult[]> {
  const results: PageResult[] = []
  for (const path of paths)
    results.push(...(await measurePage(app, baseline, path, variants, settings)))
  return results
}
