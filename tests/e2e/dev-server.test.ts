/**
 * HR's live preview: `npm run dev` serves a role's PDF from the same renderers as the build; an
 * edit of the role's text (front matter or body) or of its role.yaml shows on the page and in
 * the PDF after a reload, without restarting the server.
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

	it('shows an edit of role.yaml on the page and in the PDF', async () => {
		edit('roles/sales-lead/role.yaml', 'effective: 2026-01-01', 'effective: 2026-02-03');
		await waitFor('the new effective date', async () => {
			await page.reload();
			return (await page.locator('.status').textContent())?.includes('February 3, 2026') ? true : undefined;
		});
		expect(await linkedPdfText()).toContain('Effective from February 3, 2026');
	});
});
