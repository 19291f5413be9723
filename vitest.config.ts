import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		environment: 'node',
		testTimeout: 120_000,
		hookTimeout: 600_000,
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/site/**', 'tests/e2e/**', 'node_modules/**'] },
			},
			{
				// Tests on real builds of the site; the builds are made once, before these files run.
				extends: true,
				test: { name: 'site', include: ['tests/site/**/*.test.ts'], globalSetup: ['tests/site/global-setup.ts'] },
			},
		],
	},
});
