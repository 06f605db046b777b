import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** The end-to-end projects' settings: real browsers on a busy 2-core machine. */
const E2E = {
  // A poll waits for what a real browser does on a busy 2-core machine, not 1 s (Vitest's default).
  expect: { poll: { timeout: 20_000, interval: 100 } },
  environment: 'node' as const,
  testTimeout: 180_000,
  hookTimeout: 180_000,
  fileParallelism: false,
  globalSetup: ['tests/e2e/global-setup.ts'],
};

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest(), preact()],
        test: {
          name: 'unit',
          // A feature's own tests may live in its folder, so adding a feature touches only that folder.
          include: [
            'tests/unit/**/*.test.ts',
            'tests/unit/**/*.test.tsx',
            'components/features/**/*.test.ts',
            'components/features/**/*.test.tsx',
          ],
          // One DOM emulation, jsdom: core code that reads pages builds its page with jsdom in the test,
          // as the command line does, and DOMPurify supports no other DOM in Node (happy-dom refuses
          // its in-place sanitizing); component files opt in with `// @vitest-environment jsdom`.
          // happy-dom stays only in markdown.test.ts, which checks the renderer on both on purpose.
          environment: 'node',
          // Measured on the 2-core machine with both cores kept busy by another process: the jsdom pages,
          // property runs and key derivations take 3–8 s there (1–3 s idle), too close to the 5 s default.
          // Waits inside tests poll their condition, so a real hang still fails, just later.
          testTimeout: 20_000,
          globalSetup: ['tests/cli-build.ts'],
        },
      },
      {
        // Real engines and a real Chromium, but no extension build needed (OCR on rendered documents…).
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          globalSetup: ['tests/cli-build.ts'],
        },
      },
      {
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], ...E2E },
      },
    ],
  },
});
