/** axe-core on every page type in every locale: no serious or critical violation. */
import { describe, expect, it } from 'vitest';
import { loadRolebook } from '../../src/model/index.ts';
import { seriousViolations, useBrowserOnSite } from '../helpers/browser-site.ts';
import { builds } from '../helpers/builds.ts';
import { serve } from '../helpers/static-server.ts';

const { company } = loadRolebook().rolebook!;
const site = useBrowserOnSite(builds.shipped);

const pageTypes = (locale: string) => [`/${locale}/`, `/${locale}/roles/client-search-manager/`, `/${locale}/roles/client-search-manager/v1/`, `/${locale}/handbook/client-database-and-crm/`];

describe.each(['light', 'dark'] as const)('accessibility (%s scheme)', (colorScheme) => {
	it.each(company.locales)('home, role and chapter pages in %s', async (locale) => {
		const context = await site.browser.newContext({ colorScheme });
		for (const path of [...pageTypes(locale), ...(locale === 'en' ? ['/no-such-page/'] : [])]) {
			const page = await context.newPage();
			await page.goto(`${site.server.origin}${path}`);
			expect(await seriousViolations(page)).toEqual([]);
			await page.close();
		}
		await context.close();
	});
});

describe('document-control pages (fixture, preview build)', () => {
	it.each(['en', 'ru'])('what changed, the sign-off register and the translation status in %s', async (locale) => {
		const preview = await serve(builds.fixturePreview);
		const context = await site.browser.newContext();
		const page = await context.newPage();
		try {
			for (const path of [`/${locale}/roles/sales-lead/v2/changes/`, `/${locale}/hr/sign-offs/`, `/${locale}/hr/translations/`]) {
				await page.goto(`${preview.origin}${path}`);
				expect(await page.locator('h1').count(), path).toBe(1);
				expect(await seriousViolations(page)).toEqual([]);
			}
		} finally {
			await context.close();
			await preview.close();
		}
	});
});
