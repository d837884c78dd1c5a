import { configDefaults, defineConfig } from 'vitest/config';

const FIREFOX_ONLY = ['tests/e2e/both/pages-checks.test.ts'];

// Files run one after another so two browsers never fight over 2 cores. A Firefox run keeps them in
// one process: Firefox is launched once and made fresh for each file (tests/e2e/harness/firefox.ts).
// Chromium is launched per file anyway, so its files keep a process each, as they always had.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    // Files for Firefox alone (each says why, with forEachBrowser's `browsers`): no test of theirs runs in Chromium.
    exclude: [...configDefaults.exclude, ...(process.env.JIEDU_BROWSERS === 'chromium' ? FIREFOX_ONLY : [])],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    isolate: process.env.JIEDU_BROWSERS !== 'firefox',
    // A browser on a busy 2-core machine can take seconds for what takes milliseconds at rest.
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
});
