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
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        plugins: [tsconfigPaths()],
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/helpers/integration-template.ts'],
          setupFiles: ['tests/helpers/integration-setup.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
})
