/**
 * An applicant in a real browser: from the openings list to a vacancy, on to its role, and the
 * role's PDF downloaded; a closed vacancy says so. Runs on the shipped build (ROLEBOOK_TODAY =
 * TEST_TODAY, see tests/helpers/builds.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seriousViolations, useBrowserOnSite } from '../helpers/browser-site.ts';
import { builds } from '../helpers/builds.ts';

const site = useBrowserOnSite(builds.shipped);

describe('openings', () => {
	it('opens a vacancy from the list, follows it to its role and downloads the role PDF', async () => {
		const context = await site.browser.newContext({ acceptDownloads: true });
		const page = await context.newPage();
		await page.goto(`${site.server.origin}/ru/openings/`);
		await page.locator('ul.openings a', { hasText: 'Менеджер по поиску клиентов отдела оптовых продаж' }).click();
		await page.waitForURL('**/ru/openings/client-search-manager-moscow/');
		expect(await page.locator('h1').textContent()).toBe('Менеджер по поиску клиентов отдела оптовых продаж');
		expect(await page.locator('.salary').first().textContent()).toMatch(/45\s000–90\s000\s₽ в месяц/);
		expect(await page.locator('.apply a.button').getAttribute('href')).toBe('https://lumen-trade.example/careers/VAC-2026-031');

		await page.locator('.opening-role a', { hasText: 'Полная должностная инструкция' }).click();
		await page.waitForURL('**/ru/roles/client-search-manager/');
		expect(await page.locator('h1').textContent()).toBe('Менеджер по поиску клиентов отдела оптовых продаж');
		// The role page lists its open positions, back to the vacancy.
		expect(await page.locator('.role-openings a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toContain('/ru/openings/client-search-manager-moscow/');

		const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[href$="/ru/roles/client-search-manager.pdf"]').first().click()]);
		expect(download.suggestedFilename()).toBe('client-search-manager.pdf');
		const bytes = readFileSync((await download.path())!);
		expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(bytes.length).toBeGreaterThan(10_000);
		await context.close();
	});

	it('downloads the role PDF straight from the vacancy page', async () => {
		const context = await site.browser.newContext({ acceptDownloads: true });
		const page = await context.newPage();
		await page.goto(`${site.server.origin}/en/openings/key-account-manager-moscow/`);
		const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.opening-role a[download]').click()]);
		const bytes = readFileSync((await download.path())!);
		expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		await context.close();
	});

	it('shows a closed vacancy as closed, without the application block', async () => {
		const page = await site.browser.newPage();
		await page.goto(`${site.server.origin}/en/openings/client-manager-saint-petersburg/`);
		expect(await page.locator('.closed-notice').textContent()).toContain('This vacancy closed on');
		expect(await page.locator('.apply').count()).toBe(0);
		await page.goto(`${site.server.origin}/en/openings/`);
		expect(await page.locator('ul.openings a[href*="client-manager-saint-petersburg"]').count()).toBe(0);
		await page.close();
	});
});

describe.each(['light', 'dark'] as const)('accessibility of the openings pages (%s scheme)', (colorScheme) => {
	it.each(['en', 'ru', 'tr'])('list, open and closed vacancy in %s: no serious or critical violation', async (locale) => {
		const context = await site.browser.newContext({ colorScheme });
		for (const path of [`/${locale}/openings/`, `/${locale}/openings/key-account-manager-moscow/`, `/${locale}/openings/client-manager-saint-petersburg/`]) {
			const page = await context.newPage();
			await page.goto(`${site.server.origin}${path}`);
			expect(await seriousViolations(page)).toEqual([]);
			await page.close();
		}
		await context.close();
	});
});
