/**
 * Reads the JSON reports that `npm test` asks vitest and Playwright for, and prints the slowest
 * tests of the run, so that the suite's time stays visible (issue 14: at most 15 minutes).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const REPORTS = 'test-results/reports'

interface Timed {
  seconds: number
  name: string
}

interface VitestReport {
  testResults: {
    name: string
    assertionResults: { fullName: string; duration?: number | null }[]
  }[]
}

interface PlaywrightSuite {
  title: string
  file?: string
  specs?: {
    title: string
    tests: { projectName: string; results: { duration: number }[] }[]
  }[]
  suites?: PlaywrightSuite[]
}

function fromVitest(report: VitestReport): Timed[] {
  return report.testResults.flatMap((file) =>
    file.assertionResults.map((test) => ({
      seconds: (test.duration ?? 0) / 1000,
      name: `${file.name.replace(`${process.cwd()}/`, '')} › ${test.fullName}`,
    })),
  )
}

function fromPlaywright(suite: PlaywrightSuite, path: string[] = []): Timed[] {
  const here = suite.file && path.length === 0 ? [suite.file] : [...path, suite.title]
  return [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests.flatMap((test) =>
        test.results.map((result) => ({
          seconds: result.duration / 1000,
          name: `[${test.projectName}] ${[...here, spec.title].join(' › ')}`,
        })),
      ),
    ),
    ...(suite.suites ?? []).flatMap((child) => fromPlaywright(child, here)),
  ]
}

export function slowest(count: number, dir = REPORTS): Timed[] {
  if (!existsSync(dir)) return []
  const timed = readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => {
      const report: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'))
      if (file.startsWith('vitest')) return fromVitest(report as VitestReport)
      return (report as { suites: PlaywrightSuite[] }).suites.flatMap((s) => fromPlaywright(s))
    })
  return timed.sort((a, b) => b.seconds - a.seconds).slice(0, count)
}

export function printSlowest(count: number) {
  const rows = slowest(count)
  if (rows.length === 0) return
  console.log(`\nThe ${rows.length} slowest tests:`)
  for (const row of rows) console.log(`${row.seconds.toFixed(1).padStart(7)} s  ${row.name}`)
}
