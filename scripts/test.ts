/**
 * `npm test`: everything a change must pass, on a budget of 15 minutes on two cores.
 * 1. the production build (the browser tests need it);
 * 2. side by side, since the browser tests leave the cores idle while pages load: the type check,
 *    lint, the unit and integration tests (vitest: two workers, each test file on its own copy of
 *    one migrated template database) and the browser tests — the JavaScript and the
 *    no-JavaScript project, each in its own Playwright run with its own server and freshly seeded
 *    database (more runs at once only starved the two cores). The checks and vitest run niced:
 *    the browser runs, where each step waits for the last, keep their pace, and the CPU-bound
 *    parts fill every idle moment;
 * 3. the ten slowest tests, to show where the time goes.
 * Exits 1 on any failure, after every part of stage 2 has finished.
 * `npm run test:e2e` (`tsx scripts/test.ts e2e`) runs the build and the browser tests only.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { printSlowest, REPORTS } from './lib/slowest-tests'
import { failed, runParts } from './lib/run-parts'

const E2E_PORT = Number(process.env.E2E_PORT ?? 3210)
const started = Date.now()

function elapsed(): string {
  const seconds = Math.round((Date.now() - started) / 1000)
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`
}

function stop(stage: string): never {
  console.error(`\nnpm test: ${stage} failed (after ${elapsed()}).`)
  process.exit(1)
}

async function main() {
  rmSync(REPORTS, { recursive: true, force: true })
  mkdirSync(REPORTS, { recursive: true })

  const onlyBrowsers = process.argv[2] === 'e2e'
  const build = await runParts([
    { name: 'build', command: 'npm', args: ['run', '--silent', 'build'] },
  ])
  if (failed(build).length) stop('build')
  const chromium = spawnSync('bash', ['scripts/ensure-chromium.sh'], { stdio: 'inherit' })
  if (chromium.status !== 0) stop('finding Chromium')

  const checks = onlyBrowsers
    ? []
    : [
        { name: 'typecheck', command: 'npm', args: ['run', '--silent', 'typecheck'], nice: 10 },
        { name: 'lint', command: 'npm', args: ['run', '--silent', 'lint'], nice: 10 },
        {
          name: 'vitest',
          nice: 10,
          command: 'npx',
          args: [
            'vitest',
            'run',
            '--reporter=default',
            '--reporter=json',
            `--outputFile.json=${REPORTS}/vitest.json`,
          ],
        },
      ]
  // Markup one project's axe run passed, the other's need not check again (tests/e2e/fixtures.ts).
  const axePasses = resolve(`${REPORTS}/axe-passes.txt`)
  const browsers = ['javascript', 'no-javascript'].map((project, i) => ({
    name: project,
    command: 'npx',
    args: ['playwright', 'test', '--project', project],
    env: { E2E_PORT: String(E2E_PORT + i), AXE_SHARED_PASSES: axePasses },
  }))
  const results = await runParts([...checks, ...browsers], 'lines')
  printSlowest(10)
  const failures = failed(results)
  if (failures.length) stop(failures.map((r) => r.part.name).join(', '))
  console.log(`\nnpm test: all passed in ${elapsed()}.`)
}

void main()
