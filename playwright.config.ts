import { defineConfig } from '@playwright/test'

const PORT = Number(process.env.E2E_PORT ?? 3210)
export const E2E_DATABASE = `data/e2e-${PORT}.sqlite`

// `npm test` (scripts/test.ts) runs the two projects side by side, each in its own Playwright run
// with its own E2E_PORT, so each has its own server, database and output folder. Within a run the
// files go in name order on one worker: the journeys share that run's demo database, and
// pilots.spec counts on call-evaluation.spec having decided Norrbotten's fall-prevention call.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: `test-results/e2e-${PORT}`,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: `test-results/reports/e2e-${PORT}.json` }]],
  // A guard against a hung journey, not a speed check: the longest take a minute on a busy machine.
  timeout: 120_000,
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    // Recording a trace (screencast and DOM snapshots of every step) cost about a third of the
    // browser's CPU on passing tests too; CI retries a failure once, with the trace.
    trace: 'on-first-retry',
  },
  projects: [
    { name: 'javascript', use: { javaScriptEnabled: true } },
    { name: 'no-javascript', use: { javaScriptEnabled: false } },
  ],
  webServer: {
    // A production build on a fresh, seeded database; limits relaxed by configuration.
    command: `rm -f ${E2E_DATABASE} ${E2E_DATABASE}-wal ${E2E_DATABASE}-shm && npm run serve`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(PORT),
      DATABASE_PATH: E2E_DATABASE,
      DEV_TOOLS: 'true',
      LOGIN_LIMIT_PER_IP: '1000',
      FORM_LIMIT_PER_IP: '1000',
      SESSION_IDLE_MINUTES: '120',
    },
  },
})
