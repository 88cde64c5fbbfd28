import { defineConfig } from 'vitest/config';

// Vitest reads this file instead of vite.config.ts (whose root is client/), so
// test paths here are relative to the repository root. E2E tests live in
// tests/e2e and run under Playwright, never here.
export default defineConfig({
  test: {
    environment: 'node',
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Scoring and bot tests play whole games; on two shared cores they need more than the 5 s default.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          // Real rooms over real WebSockets: a cold start of the server and
          // several SDK clients can take seconds on a loaded CI machine.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
