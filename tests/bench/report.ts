import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, platform, release, totalmem } from 'node:os'
import { join } from 'node:path'
import type { PageResult } from './pages'
import { allPass, describeTarget, type Figure } from './stats'

/** The printed tables and the JSON summary of `npm run bench` (decision 047). */

export interface Summary {
  date: string
  machine: {
    cpu: string
    cores: number
    memoryGb: number
    os: string
    node: string
    pinned: boolean
  }
  settings: Record<string, unknown>
  database: { path: string; sizes: Record<string, number> }
  pages: PageResult[]
  figures: Figure[]
  pass: boolean
  /** Wall-clock seconds of the run, without seeding the scale database. */
  seconds: number
}

export function machine(pinned: boolean): Summary['machine'] {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
    pinned,
  }
}

export function summarise(
  parts: Omit<Summary, 'pass' | 'date' | 'seconds'>,
  startedAt: Date,
): Summary {
  return {
    date: startedAt.toISOString(),
    ...parts,
    pass: allPass(parts.pages) && allPass(parts.figures),
    seconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
  }
}

const pad = (s: string, n: number) => s.padEnd(n)
const num = (n: number, digits = 0) => n.toFixed(digits).padStart(7)

export function printPages(pages: PageResult[]): void {
  console.log(
    `\n${pad('page', 40)} ${pad('mode', 24)}   app/s  base/s  ratio  p50/p97.5/p99 ms  target          result`,
  )
  for (const p of pages) {
    const latency = `${p.p50}/${p.p97_5}/${p.p99}`.padStart(16)
    const target = `${describeTarget(p.ratioTarget, '×')}, p99 ${describeTarget(p.p99Target)}`
    console.log(
      `${pad(p.path, 40)} ${pad(p.mode, 24)} ${num(p.appRps)} ${num(p.baselineRps)} ${num(p.ratio, 2).slice(1)} ${latency}  ${pad(target, 15)} ${p.pass ? 'OK' : 'MISS'}`,
    )
  }
}

export function printFigures(figures: Figure[]): void {
  console.log('')
  for (const f of figures) {
    const value = `${f.value.toFixed(f.unit === 'MB' ? 0 : 2)} ${f.unit}`
    console.log(
      `${pad(f.name, 60)} ${value.padStart(12)}  target ${pad(describeTarget(f.target, ` ${f.unit}`), 12)} ${f.pass ? 'OK' : 'MISS'}`,
    )
  }
}

/** Writes data/bench/latest.json and a dated copy; returns the dated file's path. */
export function writeSummary(summary: Summary, dir = 'data/bench'): string {
  mkdirSync(dir, { recursive: true })
  const json = `${JSON.stringify(summary, null, 2)}\n`
  const dated = join(dir, `${summary.date.replace(/[:.]/g, '-')}.json`)
  writeFileSync(join(dir, 'latest.json'), json)
  writeFileSync(dated, json)
  return dated
}
