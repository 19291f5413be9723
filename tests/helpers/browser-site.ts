/** Browser tests' shared set-up: Chromium plus a static server over a built site. */
import type { Browser } from 'playwright-core';
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
