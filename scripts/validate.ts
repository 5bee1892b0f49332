/**
 * `npm run validate`: the checks to run before pushing — type check, lint (ESLint + Prettier) and
 * the unit and integration tests — in parallel. Each part's output is printed whole when it ends
 * (never interleaved), then one summary line per part with its time. Exits 1 if any part fails.
 * The build and the browser tests stay in `npm test`.
 */
import { failed, runParts } from './lib/run-parts'

async function main() {
  const started = Date.now()
  console.log('Validating: typecheck, lint, unit + integration (in parallel)…')
  const results = await runParts([
    { name: 'typecheck', command: 'npm', args: ['run', '--silent', 'typecheck'] },
    { name: 'lint', command: 'npm', args: ['run', '--silent', 'lint'] },
    { name: 'unit + integration', command: 'npx', args: ['vitest', 'run'] },
  ])
  const failures = failed(results).length
  const total = ((Date.now() - started) / 1000).toFixed(1)
  console.log(
    failures
      ? `${failures} of ${results.length} parts failed (${total} s).`
      : `All ${results.length} parts passed (${total} s).`,
  )
  process.exitCode = failures ? 1 : 0
}

void main()
