import { existsSync, realpathSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'

/**
 * The command line of `npm run bench` (docs/decisions/047-bench.md), parsed without side effects
 * so the unit tests can check it: `npm run bench -- [--db <path>] [--quick] [--duration <s>]
 * [--alternations <n>] [--connections <n>] [--port <n>] [--no-build] [--suite scale|legacy] [--only <part>]`.
 */

/** Parts of the default (issue 18) suite, and the earlier issues' benches kept runnable. */
export const SCALE_PARTS = ['pages', 'search', 'bids'] as const
export const LEGACY_PARTS = ['legacy-pages', 'legacy-search', 'saved-searches', 'ocds'] as const
export type ScalePart = (typeof SCALE_PARTS)[number]
export type LegacyPart = (typeof LEGACY_PARTS)[number]

export const DEFAULT_DB = 'data/scale.sqlite'
/** The database `npm start` uses unless DATABASE_PATH says otherwise (app/utils/env.server.ts). */
export const DEMO_DB = 'data/testarena.sqlite'

export interface BenchOptions {
  suite: 'scale' | 'legacy'
  /** Empty: every part of the suite. */
  only: (ScalePart | LegacyPart)[]
  db: string
  quick: boolean
  /** Seconds per autocannon measurement. */
  duration: number
  /** Rounds of baseline-then-app per page; the ratio is the median of the rounds' ratios. */
  alternations: number
  connections: number
  /** In-process repetitions per search query. */
  repetitions: number
  /** Bid submissions timed. */
  commits: number
  build: boolean
  /** The app listens on this port, the baseline on the next. */
  port: number
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 65_000) {
    throw new Error(`--${name} must be a whole number from 1 to 65000, not "${value}"`)
  }
  return n
}

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      db: { type: 'string' },
      quick: { type: 'boolean', default: false },
      duration: { type: 'string' },
      alternations: { type: 'string' },
      connections: { type: 'string' },
      repetitions: { type: 'string' },
      commits: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      port: { type: 'string' },
      suite: { type: 'string' },
      only: { type: 'string', multiple: true },
    },
  })
  const only = (values.only ?? []).flatMap((o) => o.split(',')).filter(Boolean)
  for (const part of only) {
    if (![...SCALE_PARTS, ...LEGACY_PARTS].includes(part as ScalePart)) {
      throw new Error(`--only ${part}: choose from ${[...SCALE_PARTS, ...LEGACY_PARTS].join(', ')}`)
    }
  }
  const legacyOnly = only.some((p) => LEGACY_PARTS.includes(p as LegacyPart))
  const scaleOnly = only.some((p) => SCALE_PARTS.includes(p as ScalePart))
  if (legacyOnly && scaleOnly) throw new Error('--only mixes parts of two suites')
  if (values.suite !== undefined && values.suite !== 'scale' && values.suite !== 'legacy') {
    throw new Error(`--suite must be scale or legacy, not "${values.suite}"`)
  }
  const suite = values.suite ?? (legacyOnly ? 'legacy' : 'scale')
  if ((suite === 'legacy' && scaleOnly) || (suite === 'scale' && legacyOnly)) {
    throw new Error(`--only ${only.join(',')} is not part of the ${suite} suite`)
  }
  const quick = values.quick ?? false
  return {
    suite,
    only: only as BenchOptions['only'],
    db: values.db ?? DEFAULT_DB,
    quick,
    duration: positiveInt('duration', values.duration, quick ? 1 : 3),
    alternations: positiveInt('alternations', values.alternations, quick ? 1 : 3),
    connections: positiveInt('connections', values.connections, 50),
    repetitions: positiveInt('repetitions', values.repetitions, quick ? 15 : 60),
    commits: positiveInt('commits', values.commits, quick ? 40 : 200),
    build: !(values['no-build'] ?? false),
    port: positiveInt('port', values.port, 3400),
  }
}

/** Whether `part` runs: every part when none was named. */
export function runs(options: BenchOptions, part: ScalePart | LegacyPart): boolean {
  return options.only.length === 0 || options.only.includes(part)
}

function canonical(path: string): string {
  const full = resolve(path)
  return existsSync(full) ? realpathSync(full) : full
}

/**
 * The bench writes (bids, sessions) and loads the server hard: never on the database that
 * `npm start` serves. Throws when `dbPath` is that file (DATABASE_PATH, default
 * data/testarena.sqlite), compared as resolved real paths.
 */
export function refuseDemoDatabase(
  dbPath: string,
  env: Record<string, string | undefined> = process.env,
): void {
  const demo = env.DATABASE_PATH || DEMO_DB
  if (canonical(dbPath) === canonical(demo)) {
    throw new Error(
      `Refusing to bench ${dbPath}: it is the database \`npm start\` uses (${demo}). ` +
        'Build a scale database with `npm run seed:scale` and pass it with --db.',
    )
  }
}
