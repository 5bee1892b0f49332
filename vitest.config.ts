import tsconfigPaths from 'vite-tsconfig-paths'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    // argon2 and SQLite are CPU-bound; two workers match the two cores.
    maxWorkers: 2,
    projects: [
      {
        plugins: [tsconfigPaths()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // A hang guard: `npm test` runs vitest niced behind the browser tests (scripts/test.ts).
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        plugins: [tsconfigPaths()],
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/helpers/integration-template.ts'],
          setupFiles: ['tests/helpers/integration-setup.ts'],
          // A hang guard, not a speed check: seeding the whole demo takes ~5 s alone, far more when
          // the run is niced behind the browser tests (scripts/test.ts).
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
