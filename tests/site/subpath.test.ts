/**
 * Deployed under a sub-path (Astro's base, here /handbook/), every link, asset, PDF and the
 * search bundle must resolve inside the built folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { builds, SUBPATH_BASE } from '../helpers/builds.ts';
import { listFiles } from '../helpers/site-files.ts';

const site = builds.subpath;

function resolves(url: string): boolean {
	const path = decodeURIComponent(url.split('#')[0]!.split('?')[0]!).slice(SUBPATH_BASE.length);
	const file = join(site, path);
	return existsSync(path === '' || path.endsWith('/') ? join(file, 'index.html') : file);
}

describe(`site under ${SUBPATH_BASE}`, () => {
	const pages = listFiles(site).filter((file) => file.endsWith('.html'));

	it('every internal link and asset points under the base path and exists', () => {
		const broken: string[] = [];
		for (const file of pages) {
			const html = parse(readFileSync(file, 'utf8'));
			const urls = [
				...html.querySelectorAll('a[href]').map((a) => a.getAttribute('href')!),
				...html.querySelectorAll('link[href]').filter((l) => !/canonical|alternate/.test(l.getAttribute('rel') ?? '')).map((l) => l.getAttribute('href')!),
				...html.querySelectorAll('script[src]').map((s) => s.getAttribute('src')!),
			].filter((url) => url.startsWith('/'));
			for (const url of urls) {
				if (!url.startsWith(SUBPATH_BASE) || (!url.endsWith('.pdf') && !resolves(url))) broken.push(`${file}: ${url}`);
			}
		}
		expect(broken).toEqual([]);
	});

	it('canonical URLs, sitemap and the search bundle carry the base path', () => {
		const html = parse(readFileSync(join(site, 'en/roles/client-manager/index.html'), 'utf8'));
		expect(html.querySelector('link[rel=canonical]')?.getAttribute('href')).toMatch(/\/handbook\/en\/roles\/client-manager\/$/);
		expect(html.querySelector('[data-search]')?.getAttribute('data-bundle')).toBe(`${SUBPATH_BASE}pagefind/`);
		expect(existsSync(join(site, 'pagefind/pagefind.js'))).toBe(true);
		expect(readFileSync(join(site, 'sitemap.xml'), 'utf8')).toContain('/handbook/en/roles/client-manager/');
	});
});
