/**
 * `npm test`: everything a change must pass, on a budget of 15 minutes on two cores.
 * 1. type check, lint and the production build, side by side;
 * 2. unit and integration tests (vitest: two workers, each test file on its own copy of one
 *    migrated template database);
 * 3. the browser tests: the JavaScript and the no-JavaScript project side by side, each in its
 *    own Playwright run with its own server and freshly seeded database;
 * 4. the ten slowest tests, to show where the time goes.
 * A stage runs only when the one before passed. Exits 1 on any failure.
 * `npm run test:e2e` (`tsx scripts/test.ts e2e`) runs the build and stage 3 only.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
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
  const checks = await runParts([
    ...(onlyBrowsers
      ? []
      : [
          { name: 'typecheck', command: 'npm', args: ['run', '--silent', 'typecheck'] },
          { name: 'lint', command: 'npm', args: ['run', '--silent', 'lint'] },
        ]),
    { name: 'build', command: 'npm', args: ['run', '--silent', 'build'] },
  ])
  if (failed(checks).length) stop('type check, lint or build')

  const vitest = onlyBrowsers
    ? { status: 0 }
    : spawnSync(
        'npx',
        [
          'vitest',
          'run',
          '--reporter=default',
          '--reporter=json',
          `--outputFile.json=${REPORTS}/vitest.json`,
        ],
        { stdio: 'inherit' },
      )
  if (vitest.status !== 0) stop('unit and integration tests')

  const chromium = spawnSync('bash', ['scripts/ensure-chromium.sh'], { stdio: 'inherit' })
  if (chromium.status !== 0) stop('finding Chromium')
  const browsers = await runParts(
    ['javascript', 'no-javascript'].map((project, i) => ({
      name: project,
      command: 'npx',
      args: ['playwright', 'test', '--project', project],
      env: { E2E_PORT: String(E2E_PORT + i) },
    })),
    'lines',
  )
  printSlowest(10)
  if (failed(browsers).length) stop('browser tests')
  console.log(`\nnpm test: all passed in ${elapsed()}.`)
}

void main()
