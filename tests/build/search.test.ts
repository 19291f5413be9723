/** The search index step fails the build loudly rather than shipping a site without search. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { indexSite } from '../../src/build/search.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function runHook(pages: Record<string, string>) {
	const dir = mkdtempSync(join(tmpdir(), 'rolebook-pagefind-'));
	dirs.push(dir);
	for (const [name, html] of Object.entries(pages)) writeFileSync(join(dir, name), html);
	const logged: string[] = [];
	await indexSite(dir, { info: (line: string) => logged.push(line) });
	return { dir, logged };
}

describe('Pagefind build step', () => {
	it('writes one index per language for pages that mark their content', async () => {
		const { dir, logged } = await runHook({
			'en.html': '<html lang="en"><body><nav>Menu</nav><article data-pagefind-body><h1>Receivables</h1></article></body></html>',
			'ru.html': '<html lang="ru"><body><article data-pagefind-body><h1>Дебиторская задолженность</h1></article></body></html>',
		});
		const entry = JSON.parse(readFileSync(join(dir, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
		expect(Object.keys(entry.languages).sort()).toEqual(['en', 'ru']);
		expect(logged).toEqual(['Search index: 2 pages in en, ru']);
	});

	it('fails the build when no page could be indexed', async () => {
		await expect(runHook({ 'index.html': '<html lang="en"><body><p>No content marked for search.</p></body></html>' })).rejects.toThrow(/Search \(Pagefind\): no page marks its content with data-pagefind-body/);
	});
});
