/**
 * The career ladder, the organisation charts and a role page's "where it sits" in real Chromium,
 * at 1280 and 375 px: no serious axe-core violation, and a full-page screenshot each (kept in
 * .rolebook/test-screenshots/) whose layout is checked with element boxes, not pixels — nothing
 * wider than the page, no chart box overlapping another, every line of a box's text inside it, a
 * chart either inside its frame or scrollable in it. Search finds the family in its language.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations, useBrowserOnSite } from '../helpers/browser-site.ts';
import { builds } from '../helpers/builds.ts';
import { PROJECT_ROOT } from '../helpers/fixture.ts';
import { serve } from '../helpers/static-server.ts';

const site = useBrowserOnSite(builds.shipped);
const SHOTS = join(PROJECT_ROOT, '.rolebook', 'test-screenshots');
mkdirSync(SHOTS, { recursive: true });

const PAGES = ['/en/families/client-management/', '/ru/families/client-management/', '/en/org/', '/de/org/sales/', '/tr/org/', '/ru/roles/client-manager/', '/en/roles/key-account-manager/'];

interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** Everything the layout checks need, measured in the page. */
function measure(page: Page) {
	return page.evaluate(() => {
		const box = (element: Element) => {
			const rect = element.getBoundingClientRect();
			return { x: rect.x + window.scrollX, y: rect.y + window.scrollY, width: rect.width, height: rect.height };
		};
		const main = document.querySelector('main')!;
		// Elements sticking out of the page sideways (inside a frame that scrolls sideways, such as a chart's, they may).
		const inScroller = (element: Element) => {
			for (let parent = element.parentElement; parent && parent !== main; parent = parent.parentElement) {
				if (['auto', 'scroll'].includes(getComputedStyle(parent).overflowX)) return true;
			}
			return false;
		};
		const outside = [...main.querySelectorAll('*')]
			.filter((element) => !inScroller(element) && element.getClientRects().length > 0)
			.filter((element) => {
				const rect = element.getBoundingClientRect();
				return rect.right > document.documentElement.clientWidth + 0.5 || rect.left < -0.5;
			})
			.map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
		const charts = [...document.querySelectorAll('.org-scroll')].map((frame) => {
			const svg = frame.querySelector('svg')!;
			return {
				frame: box(frame),
				svg: box(svg),
				scrollable: frame.scrollWidth > frame.clientWidth,
				scrollWidth: frame.scrollWidth,
				clientWidth: frame.clientWidth,
				nodes: [...svg.querySelectorAll('.org-node')].map((node) => ({
					rect: box(node.querySelector('rect')!),
					texts: [...node.querySelectorAll('tspan')].map((tspan) => ({ text: tspan.textContent ?? '', box: box(tspan) })),
				})),
			};
		});
		const cards = [...document.querySelectorAll('.level-card, .step')].map(box);
		return {
			scrollWidth: document.documentElement.scrollWidth,
			clientWidth: document.documentElement.clientWidth,
			outside,
			charts,
			cards,
		};
	});
}

const overlaps = (a: Box, b: Box) => a.x + a.width > b.x + 0.5 && b.x + b.width > a.x + 0.5 && a.y + a.height > b.y + 0.5 && b.y + b.height > a.y + 0.5;
const inside = (inner: Box, outer: Box, slack = 1) =>
	inner.x >= outer.x - slack && inner.y >= outer.y - slack && inner.x + inner.width <= outer.x + outer.width + slack && inner.y + inner.height <= outer.y + outer.height + slack;

describe.each([1280, 375])('at %i px wide', (width) => {
	it.each(PAGES)('%s passes axe-core, and nothing is cut off or overlapping', async (path) => {
		const context = await site.browser.newContext({ viewport: { width, height: 900 } });
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		await page.goto(`${site.server.origin}${path}`);
		expect(await seriousViolations(page)).toEqual([]);
		await page.screenshot({ path: join(SHOTS, `${path.replace(/\W+/g, '-').replace(/^-|-$/g, '')}-${width}.png`), fullPage: true });

		const found = await measure(page);
		expect(found.scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(found.clientWidth);
		expect(found.outside).toEqual([]);
		for (const chart of found.charts) {
			expect(chart.nodes.length).toBeGreaterThan(0);
			// The drawing fits its frame, or the frame scrolls to show all of it.
			if (chart.scrollable) expect(chart.scrollWidth).toBeGreaterThanOrEqual(Math.floor(chart.svg.width));
			else expect(inside(chart.svg, chart.frame)).toBe(true);
			chart.nodes.forEach((node, i) => {
				expect(inside(node.rect, chart.svg)).toBe(true);
				for (const text of node.texts) expect(inside(text.box, node.rect, 0.5), `"${text.text}" leaves its box`).toBe(true);
				for (const other of chart.nodes.slice(i + 1)) expect(overlaps(node.rect, other.rect), 'two boxes overlap').toBe(false);
			});
		}
		found.cards.forEach((card, i) => {
			for (const other of found.cards.slice(i + 1)) expect(overlaps(card, other), 'two ladder blocks overlap').toBe(false);
		});
		expect(errors).toEqual([]);
		await context.close();
	});
});

describe('the dark colour scheme', () => {
	it('keeps the ladder and the charts free of serious axe-core violations (contrast included)', async () => {
		const context = await site.browser.newContext({ colorScheme: 'dark' });
		const page = await context.newPage();
		for (const path of ['/en/families/client-management/', '/ru/org/', '/de/roles/key-account-manager/']) {
			await page.goto(`${site.server.origin}${path}`);
			expect(await seriousViolations(page)).toEqual([]);
		}
		await context.close();
	});
});

describe('charts without the drawing', () => {
	it('read as a list, and their text is text (find in page, selection)', async () => {
		const page = await site.browser.newPage();
		await page.goto(`${site.server.origin}/en/org/sales/`);
		await page.locator('.org-list summary').click();
		expect(await page.locator('.org-list li').allTextContents()).toContain('Key account manager — Reports to: Head of the Sales Department — substitute: Client manager');
		const selected = await page.evaluate(() => {
			const title = [...document.querySelectorAll('svg .org-role text')].find((text) => text.textContent?.includes('Client manager'))!;
			const range = document.createRange();
			range.selectNodeContents(title);
			getSelection()!.removeAllRanges();
			getSelection()!.addRange(range);
			return getSelection()!.toString();
		});
		expect(selected).toBe('Client manager');
		await page.close();
	});

	it('prints: the chart fits the paper width', async () => {
		const page = await site.browser.newPage({ viewport: { width: 600, height: 900 } });
		await page.emulateMedia({ media: 'print' });
		await page.goto(`${site.server.origin}/en/org/`);
		const { svg, main } = await page.evaluate(() => ({ svg: document.querySelector('svg.org-chart')!.getBoundingClientRect().width, main: document.querySelector('main')!.getBoundingClientRect().width }));
		expect(svg).toBeLessThanOrEqual(main);
		await page.close();
	});
});

describe('search', () => {
	it.each([
		['en', 'client management'],
		['ru', 'карьерный'],
	])('finds the career ladder in %s for "%s"', async (locale, query) => {
		const page = await site.browser.newPage();
		await page.goto(`${site.server.origin}/${locale}/`);
		await page.keyboard.press('/');
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-input');
		await page.keyboard.type(query);
		await page.locator(`#search-results li a[href$="/${locale}/families/client-management/"]`).waitFor();
		await page.close();
	});
});

describe('the clause library (fixture, preview build)', () => {
	it.each(['en', 'ru'])('passes axe-core in %s', async (locale) => {
		const preview = await serve(builds.fixturePreview);
		const context = await site.browser.newContext();
		const page = await context.newPage();
		try {
			for (const path of [`/${locale}/hr/clauses/`, `/${locale}/families/sales/`]) {
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
