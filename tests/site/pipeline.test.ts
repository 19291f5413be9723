/**
 * One pipeline: `astro build` alone writes the same site as `rolebook build` — pages, search,
 * PDFs, Word files and link-preview cards, byte for byte — and no document is rendered twice.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builds } from '../helpers/builds.ts';
import { listFiles } from '../helpers/site-files.ts';

const files = (site: string) => listFiles(site).map((file) => relative(site, file)).sort();

describe('astro build and rolebook build', () => {
	const viaCli = builds.fixturePublic;
	const viaAstro = builds.fixtureAstro;

	it('write the same files', () => {
		expect(files(viaAstro)).toEqual(files(viaCli));
		expect(files(viaAstro).filter((file) => file.endsWith('.pdf')).length).toBeGreaterThan(0);
		expect(files(viaAstro).filter((file) => file.endsWith('.docx')).length).toBeGreaterThan(0);
		expect(files(viaAstro).filter((file) => file.startsWith('og/') && file.endsWith('.png')).length).toBeGreaterThan(0);
		expect(files(viaAstro).some((file) => file.startsWith('pagefind/'))).toBe(true);
	});

	it('with the same bytes (search index aside, which Pagefind writes in its own order)', () => {
		const differing = files(viaCli).filter((file) => !file.startsWith('pagefind/') && !readFileSync(join(viaCli, file)).equals(readFileSync(join(viaAstro, file))));
		expect(differing).toEqual([]);
	});
});

describe('each document rendered once', () => {
	it('a PDF that has several URLs (the role, its version in force, its former id) is one file', () => {
		const inode = (path: string) => statSync(join(builds.fixturePublic, path)).ino;
		expect(inode('en/roles/sales-lead/v2.pdf')).toBe(inode('en/roles/sales-lead.pdf'));
		expect(inode('en/roles/team-lead.pdf')).toBe(inode('en/roles/sales-lead.pdf'));
		expect(inode('en/roles/sales-lead/v1.pdf')).not.toBe(inode('en/roles/sales-lead.pdf'));
	});
});
