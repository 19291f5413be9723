import { defineConfig } from 'vitest/config';

/** Browser tests in real Chromium against the built site (`npm run test:e2e`). */
export default defineConfig({
	test: {
		name: 'e2e',
		include: ['tests/e2e/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['tests/site/global-setup.ts'],
		testTimeout: 60_000,
		hookTimeout: 600_000,
		fileParallelism: false,
	},
});
