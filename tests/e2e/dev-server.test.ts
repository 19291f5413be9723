/**
 * HR's live preview: `npm run dev` serves a role's PDF from the same renderers as the build; an
 * edit of the role's text (front matter or body) or of its role.yaml shows on the page and in
 * the PDF after a reload, without restarting the server. A save that breaks the content shows
 * what is wrong, on the page and at the PDF link, until it is fixed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { makeFixture, PROJECT_ROOT, type FixtureTree } from '../helpers/fixture.ts';
import { pdfText, tempPdf } from '../pdf/helpers.ts';

const PORT = 43_000 + (process.pid % 1000);
const origin = `http://127.0.0.1:${PORT}`;
let fixture: FixtureTree;
let server: ChildProcess;
let browser: Browser;
let page: Page;

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, seconds = 60): Promise<T> {
	const until = Date.now() + seconds * 1000;
	for (;;) {
		const value = await probe().catch(() => undefined);
		if (value !== undefined) return value;
		if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** The role's PDF as the page links it, fetched from the dev server, as text. */
async function linkedPdfText(): Promise<string> {
	const href = await page.locator('a[download][href$=".pdf"]').first().getAttribute('href');
	const response = await page.request.get(`${origin}${href}`);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('application/pdf');
	const pdf = tempPdf(await response.body());
	try {
		return pdfText(pdf.file);
	} finally {
		pdf.cleanup();
	}
}

function edit(file: string, from: string, to: string) {
	const path = join(fixture.contentDir, file);
	const text = readFileSync(path, 'utf8');
	expect(text).toContain(from);
	writeFileSync(path, text.replace(from, to));
}

/** The environment a person's shell has: without the variables Vitest sets (NODE_ENV=test, VITEST…), which change how Astro runs. */
function userEnvironment(): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST') && name !== 'TEST'));
}

beforeAll(async () => {
	fixture = makeFixture();
	const astro = join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
	server = spawn(process.execPath, [astro, 'dev', '--host', '127.0.0.1', '--port', String(PORT)], { cwd: PROJECT_ROOT, env: { ...userEnvironment(), ROLEBOOK_CONTENT: fixture.contentDir }, stdio: 'ignore' });
	await waitFor('the dev server', async () => ((await fetch(`${origin}/en/roles/sales-lead/`)).ok ? true : undefined));
	browser = await launchBrowser();
	page = await browser.newPage();
});

afterAll(async () => {
	await browser?.close();
	server?.kill();
	fixture?.cleanup();
});

describe('npm run dev', () => {
	it("serves the role page's PDF link", async () => {
		await page.goto(`${origin}/en/roles/sales-lead/`);
		expect(await linkedPdfText()).toContain('Sales lead');
	});

	it('shows an edit of the front matter on the page and in the PDF after a reload', async () => {
		edit('roles/sales-lead/en.mdx', 'title: Sales lead', 'title: Sales lead EDITED');
		await waitFor('the edited title', async () => {
			await page.reload();
			return (await page.locator('h1').textContent())?.includes('EDITED') ? true : undefined;
		});
		expect(await linkedPdfText()).toContain('Sales lead EDITED');
	});

	it('shows an edit of the body', async () => {
		edit('roles/sales-lead/en.mdx', 'The sales lead keeps the team on track.', 'The sales lead keeps the team on track. BODYEDIT');
		await waitFor('the edited body', async () => {
			await page.reload();
			return (await page.locator('.narrative').textContent())?.includes('BODYEDIT') ? true : undefined;
		});
	});

	it('shows the last of several saves in a row', async () => {
		edit('roles/sales-lead/en.mdx', 'BODYEDIT', 'BODYEDIT FIRST');
		edit('roles/sales-lead/en.mdx', 'BODYEDIT FIRST', 'BODYEDIT SECOND');
		await waitFor('the second edit', async () => {
			await page.reload();
			return (await page.locator('.narrative').textContent())?.includes('BODYEDIT SECOND') ? true : undefined;
		});
		expect(await page.locator('.narrative').textContent()).not.toContain('FIRST');
	});

	it('shows an error in a saved file on the page and at the PDF link, and the role again once it is fixed', async () => {
		const pdfHref = await page.locator('a[download][href$=".pdf"]').first().getAttribute('href');
		edit('roles/sales-lead/en.mdx', 'Plans sales.', 'Plans {compny} sales.');
		await waitFor('the error page', async () => ((await page.reload())?.status() === 500 ? true : undefined));
		// Astro's error overlay, filled over the dev server's connection once the page has loaded.
		const overlay = () => page.evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '');
		const report = await waitFor('the report in the error overlay', async () => ((await overlay()).includes('{compny}') ? await overlay() : undefined), 20);
		expect(report).toContain('roles/sales-lead/en.mdx');
		expect(report).toContain('unknown placeholder {compny}');
		const pdf = await page.request.get(`${origin}${pdfHref}`);
		expect(pdf.status()).toBe(500);
		expect(await pdf.text()).toContain('unknown placeholder {compny}');

		edit('roles/sales-lead/en.mdx', 'Plans {compny} sales.', 'Plans {company} sales.');
		await waitFor('the role page again', async () => {
			const response = await page.reload();
			return response?.status() === 200 && (await page.locator('h1').textContent())?.includes('EDITED') ? true : undefined;
		});
		expect(await linkedPdfText()).toContain('Plans Example Trading LLC sales.');
	});

	it('shows an edit of role.yaml on the page and in the PDF', async () => {
		edit('roles/sales-lead/role.yaml', 'effective: 2026-01-01', 'effective: 2026-02-03');
		await waitFor('the new effective date', async () => {
			await page.reload();
			return (await page.locator('.status').textContent())?.includes('February 3, 2026') ? true : undefined;
		});
		expect(await linkedPdfText()).toContain('Effective from February 3, 2026');
	});
});
