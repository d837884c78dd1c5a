import { defineConfig } from 'vitest/config';

// One browser per file; files run one after another so two Chromiums never fight over 2 cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // A browser on a busy 2-core machine can take seconds for what takes milliseconds at rest.
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
});
