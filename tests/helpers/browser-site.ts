/** Browser tests' shared set-up: Chromium plus a static server over a built site. */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { serve, type StaticServer } from './static-server.ts';

/**
 * For a test file: one Chromium and one static server over a built site, started before the
 * tests and closed after. Read `.browser` and `.server` inside tests.
 */
export function useBrowserOnSite(site: string, base = '/'): { browser: Browser; server: StaticServer } {
	const handles = {} as { browser: Browser; server: StaticServer };
	beforeAll(async () => {
		handles.browser = await launchBrowser();
		handles.server = await serve(site, base);
	});
	afterAll(async () => {
		await handles.browser?.close();
		await handles.server?.close();
	});
	return handles;
}

/** axe-core's serious and critical violations on the page, one readable line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations
		.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
		.map((violation) => `${new URL(page.url()).pathname}: ${violation.id} (${violation.nodes.length}): ${violation.nodes[0]?.target}`);
}
