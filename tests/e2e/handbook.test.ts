/**
 * A new hire and a recruiter in a real browser: open roles in three languages, switch
 * language, search in English, Russian and German, filter, follow a duty link.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { builds, SUBPATH_BASE } from '../helpers/builds.ts';
import { serve, type StaticServer } from '../helpers/static-server.ts';

let browser: Browser;
let server: StaticServer;
let subpathServer: StaticServer;

beforeAll(async () => {
	browser = await launchBrowser();
	server = await serve(builds.shipped);
	subpathServer = await serve(builds.subpath, SUBPATH_BASE);
});
afterAll(async () => {
	await browser?.close();
	await server?.close();
	await subpathServer?.close();
});

async function open(path: string, origin = server.origin): Promise<Page> {
	const page = await browser.newPage();
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await page.goto(`${origin}${path}`);
	(page as Page & { errors: string[] }).errors = errors;
	return page;
}

async function search(page: Page, query: string) {
	await page.keyboard.press('/');
	await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-input');
	await page.keyboard.type(query);
	await page.locator('#search-results li').first().waitFor();
}

describe('role pages', () => {
	it.each([
		['en', 'Key account manager', 'Duties'],
		['ru', 'Менеджер по работе с ключевыми клиентами', 'Должностные обязанности'],
		['de', 'Key Account Manager', 'Aufgaben'],
	])('opens the key account manager in %s', async (locale, title, duties) => {
		const page = await open(`/${locale}/roles/key-account-manager/`);
		await expect.poll(() => page.locator('h1').textContent()).toBe(title);
		expect(await page.locator('#duties-heading').textContent()).toContain(duties);
		expect(await page.locator('li:has(> #duty-2-13) > .num').textContent()).toBe('2.13.');
		await page.close();
	});

	it('switches language and lands on the same role', async () => {
		const page = await open('/en/roles/client-search-manager/');
		await page.locator('nav.languages a[hreflang="ru"]').click();
		await page.waitForURL('**/ru/roles/client-search-manager/');
		expect(await page.locator('h1').textContent()).toBe('Менеджер по поиску клиентов отдела оптовых продаж');
		await page.locator('nav.languages a[hreflang="de"]').click();
		await page.waitForURL('**/de/roles/client-search-manager/');
		expect(await page.locator('html').getAttribute('lang')).toBe('de');
		await page.close();
	});

	it('follows a copied duty link to that duty', async () => {
		const page = await open('/en/roles/key-account-manager/');
		const href = await page.locator('li:has(> #duty-2-13) > a.anchor').getAttribute('href');
		expect(href).toBe('#duty-2-13');
		const shared = await open(`/en/roles/key-account-manager/${href}`);
		expect(await shared.evaluate(() => document.querySelector(':target')?.id)).toBe('duty-2-13');
		const box = await shared.locator('li:has(> #duty-2-13)').boundingBox();
		expect(box!.y).toBeGreaterThanOrEqual(0);
		expect(box!.y).toBeLessThan(shared.viewportSize()!.height);
		await page.close();
		await shared.close();
	});
});

describe('search', () => {
	it.each([
		['en', 'receivables'],
		['ru', 'дебиторской'],
		['de', 'Forderungen'],
	])('finds the key account manager in %s for "%s" and goes there', async (locale, query) => {
		const page = await open(`/${locale}/`);
		await search(page, query);
		const link = page.locator('#search-results li a[href$="/roles/key-account-manager/"]');
		await link.waitFor();
		await link.click();
		await page.waitForURL(`**/${locale}/roles/key-account-manager/`);
		expect((page as Page & { errors: string[] }).errors).toEqual([]);
		await page.close();
	});

	it('finds the key account manager by its alternative title "KAM"', async () => {
		const page = await open('/en/');
		await search(page, 'KAM');
		expect(await page.locator('#search-results li a').first().getAttribute('href')).toBe('/en/roles/key-account-manager/');
		await page.close();
	});

	it('filters results by type', async () => {
		const page = await open('/en/');
		await search(page, 'client');
		const all = await page.locator('#search-results li').count();
		await page.locator('#search-results .filter-toggle').click();
		await page.locator('#search-results input[name="type"][value="Role"]').check();
		await expect.poll(async () => {
			const badges = await page.locator('#search-results li .badge:first-child').allTextContents();
			return badges.length > 0 && badges.every((badge) => badge === 'Role');
		}).toBe(true);
		expect(await page.locator('#search-results li').count()).toBeLessThanOrEqual(all);
		await page.close();
	});

	it('works when the site is deployed under a sub-path', async () => {
		const page = await open(`${SUBPATH_BASE}en/`, subpathServer.origin);
		await search(page, 'receivables');
		const href = await page.locator('#search-results li a[href*="key-account-manager"]').first().getAttribute('href');
		expect(href).toBe(`${SUBPATH_BASE}en/roles/key-account-manager/`);
		await page.close();
	});
});
