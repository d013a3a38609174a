// Vitest config for the browser tests in tests/e2e (run by scripts/run-e2e.mjs,
// which builds the app, serves build/ and sets E2E_BASE_URL). One file at a
// time: the machine has two cores and each file drives its own Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.test.ts'],
		environment: 'node',
		fileParallelism: false,
		testTimeout: 90_000,
		hookTimeout: 120_000
	}
});
