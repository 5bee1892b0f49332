import { existsSync, realpathSync } from 'node:fs'
import { dirname, basename, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import type { Sizes } from './context'

// The flags of `npm run seed:scale`, checked with zod; sizes default to issue 18's and `--scale`
// multiplies every default (a flag given explicitly wins).

export const DEFAULT_SIZES: Sizes = {
  calls: 100_000,
  testBeds: 10_000,
  companies: 200_000,
  bids: 1_000_000,
  references: 20_000,
  applications: 50_000,
}

export const DEFAULT_OUT = 'data/scale.sqlite'

const count = z.coerce.number().int().min(0).max(100_000_000)
const schema = z
  .object({
    out: z.string().min(1).default(DEFAULT_OUT),
    scale: z.coerce.number().positive().max(10).default(1),
    seed: z.coerce
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(18),
    force: z.boolean().default(false),
    calls: count.optional(),
    'test-beds': count.optional(),
    companies: count.optional(),
    bids: count.optional(),
    references: count.optional(),
    applications: count.optional(),
  })
  .strict()

export interface Options {
  out: string
  seed: number
  force: boolean
  sizes: Sizes
}

export const USAGE =
  'Usage: npm run seed:scale -- [--out data/scale.sqlite] [--scale 0.01] [--calls N] [--test-beds N] ' +
  '[--companies N] [--bids N] [--references N] [--applications N] [--seed N] [--force]'

/** Parses argv (without node and the script); throws an Error with a readable message. */
export function parseOptions(argv: string[]): Options {
  let values: Record<string, unknown>
  try {
    const text = { type: 'string' } as const
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        out: text,
        scale: text,
        seed: text,
        calls: text,
        'test-beds': text,
        companies: text,
        bids: text,
        references: text,
        applications: text,
        force: { type: 'boolean' },
      },
    }).values
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`)
  }
  const parsed = schema.safeParse(values)
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `--${i.path.join('.') || 'options'}: ${i.message}`,
    )
    throw new Error(`${problems.join('\n')}\n${USAGE}`)
  }
  const o = parsed.data
  const scaled = (value: number | undefined, fallback: number) =>
    value ?? Math.round(fallback * o.scale)
  const sizes: Sizes = {
    calls: scaled(o.calls, DEFAULT_SIZES.calls),
    testBeds: scaled(o['test-beds'], DEFAULT_SIZES.testBeds),
    companies: scaled(o.companies, DEFAULT_SIZES.companies),
    bids: scaled(o.bids, DEFAULT_SIZES.bids),
    references: scaled(o.references, DEFAULT_SIZES.references),
    applications: scaled(o.applications, DEFAULT_SIZES.applications),
  }
  // One bid per company and call, one live application per company and offer.
  if (sizes.bids > sizes.calls * sizes.companies) {
    throw new Error(
      `--bids: at most one bid per company and call (${sizes.calls} × ${sizes.companies})\n${USAGE}`,
    )
  }
  if (sizes.applications > sizes.testBeds * sizes.companies) {
    throw new Error(
      `--applications: at most one per company and test bed (${sizes.testBeds} × ${sizes.companies})\n${USAGE}`,
    )
  }
  return { out: o.out, seed: o.seed, force: o.force, sizes }
}

/** The path with symbolic links in its folder resolved, whether or not the file exists yet. */
function canonical(path: string): string {
  const absolute = resolve(path)
  if (existsSync(absolute)) return realpathSync(absolute)
  const folder = dirname(absolute)
  return existsSync(folder) ? resolve(realpathSync(folder), basename(absolute)) : absolute
}

/**
 * Why the seed must not write to `out`, or null: never the demo database that `npm start` uses
 * (DATABASE_PATH), and never an existing file unless --force.
 */
export function refusal(out: string, demoPath: string, force: boolean): string | null {
  if (out === ':memory:') return null
  if (canonical(out) === canonical(demoPath)) {
    return `Refusing to write the scale data into ${demoPath}, the database that npm start uses (DATABASE_PATH). Choose another --out.`
  }
  if (existsSync(out) && !force) return `${out} exists; add --force to replace it.`
  return null
}
