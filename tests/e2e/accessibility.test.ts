/** axe-core on every page type in every locale: no serious or critical violation. */
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRolebook } from '../../src/model/index.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { builds } from '../helpers/builds.ts';
import { serve, type StaticServer } from '../helpers/static-server.ts';

const { company } = loadRolebook().rolebook!;
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
	browser = await launchBrowser();
	server = await serve(builds.shipped);
});
afterAll(async () => {
	await browser?.close();
	await server?.close();
});

const pageTypes = (locale: string) => [`/${locale}/`, `/${locale}/roles/client-search-manager/`, `/${locale}/handbook/client-database-and-crm/`];

describe.each(['light', 'dark'] as const)('accessibility (%s scheme)', (colorScheme) => {
	it.each(company.locales)('home, role and chapter pages in %s', async (locale) => {
		const context = await browser.newContext({ colorScheme });
		for (const path of [...pageTypes(locale), ...(locale === 'en' ? ['/no-such-page/'] : [])]) {
			const page = await context.newPage();
			await page.goto(`${server.origin}${path}`);
			const { violations } = await new AxeBuilder({ page }).analyze();
			const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${path}: ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target}`);
			expect(serious).toEqual([]);
			await page.close();
		}
		await context.close();
	});
});
