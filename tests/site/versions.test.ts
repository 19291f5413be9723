/**
 * Document control on the built site: every approved version keeps its page and PDF at a
 * stable URL, "what changed" between versions, old URLs of renamed roles still lead to the
 * role, and HR's reports exist only in preview builds.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builds } from '../helpers/builds.ts';
import { hasPage, page } from '../helpers/site-files.ts';

const site = builds.fixturePublic;

describe('versions', () => {
	it('the role page lists every version with its page, PDF and what changed', () => {
		const html = page(site, '/en/roles/sales-lead/');
		const rows = html.querySelectorAll('.versions tbody tr');
		expect(rows.map((row) => row.querySelector('th')?.text.trim())).toEqual(['Version 2', 'Version 1']);
		expect(rows[0]!.text).toContain('Weekly reporting dropped');
		const hrefs = html.querySelectorAll('.versions a').map((a) => a.getAttribute('href'));
		expect(hrefs).toEqual(expect.arrayContaining(['/en/roles/sales-lead/v1/', '/en/roles/sales-lead/v1.pdf', '/en/roles/sales-lead/v2/changes/', '/en/roles/sales-lead/v2.pdf']));
	});

	it('a past version has its own page with its own text, marked as no longer in force', () => {
		const v1 = page(site, '/en/roles/sales-lead/v1/');
		expect(v1.querySelector('.notice')?.text).toContain('Version 1 is no longer in force');
		expect(v1.text).toContain('Reports weekly.');
		expect(v1.querySelector('meta[name=robots]')?.getAttribute('content')).toBe('noindex');
		expect(v1.querySelector('[data-pagefind-body]')).toBeNull();
		const ru = page(site, '/ru/roles/sales-lead/v1/');
		expect(ru.text).toContain('Отчитывается еженедельно.');
	});

	it('the version in force is served at its versioned URL by the role page itself, rendered once', () => {
		const file = (path: string) => join(site, 'en', 'roles', 'sales-lead', path);
		expect(statSync(file('v2/index.html')).ino).toBe(statSync(file('index.html')).ino);
		expect(page(site, '/en/roles/sales-lead/v2/').querySelector('link[rel=canonical]')?.getAttribute('href')).toBe('https://handbook.example.com/en/roles/sales-lead/');
		expect(statSync(join(site, 'en', 'roles', 'sales-lead', 'v2.pdf')).ino).toBe(statSync(join(site, 'en', 'roles', 'sales-lead.pdf')).ino);
		// A past version is its own document.
		expect(statSync(file('v1/index.html')).ino).not.toBe(statSync(file('index.html')).ino);
	});

	it('shows what changed: reworded with a word diff, removed and added items', () => {
		const html = page(site, '/en/roles/sales-lead/v2/changes/');
		const changes = html.querySelectorAll('.change').map((change) => change.text.replace(/\s+/g, ' ').trim());
		expect(changes).toEqual(['Reworded 2.1. Plans the sales.', 'Removed 2.2. Reports weekly.', 'Added 2.2.2. on calls.']);
		expect(html.querySelector('.change-reworded del')?.text.trim()).toBe('the');
		expect(page(site, '/ru/roles/sales-lead/v2/changes/').querySelectorAll('.change')).toHaveLength(3);
	});

	it('writes a PDF for every version', () => {
		for (const locale of ['en', 'ru']) {
			for (const file of ['sales-lead.pdf', 'sales-lead/v1.pdf', 'sales-lead/v2.pdf']) {
				expect(readFileSync(join(site, locale, 'roles', file)).subarray(0, 5).toString(), `${locale} ${file}`).toBe('%PDF-');
			}
		}
	});
});

describe('renamed roles', () => {
	it('the former id leads to the role, for the role page and each version', () => {
		const moved = page(site, '/en/roles/team-lead/');
		expect(moved.querySelector('meta[http-equiv=refresh]')?.getAttribute('content')).toBe('0; url=/en/roles/sales-lead/');
		expect(moved.querySelector('a')?.getAttribute('href')).toBe('/en/roles/sales-lead/');
		expect(page(site, '/ru/roles/team-lead/v1/').querySelector('meta[http-equiv=refresh]')?.getAttribute('content')).toBe('0; url=/ru/roles/sales-lead/v1/');
	});
});

describe('HR reports', () => {
	it('exist in the preview build only', () => {
		expect(hasPage(site, '/en/hr/sign-offs/')).toBe(false);
		expect(hasPage(site, '/en/hr/translations/')).toBe(false);
		const signOffs = page(builds.fixturePreview, '/en/hr/sign-offs/');
		const rows = signOffs.querySelectorAll('tbody tr').map((row) => row.querySelectorAll('th, td').map((cell) => cell.text.trim()).slice(0, 2).join(' | '));
		expect(rows).toEqual(['Ann Lee | Signed the version in force', 'Bob Stone | Must sign again (signed version 1)', 'Cy Young | Not signed']);
		const translations = page(builds.fixturePreview, '/ru/hr/translations/');
		expect(translations.querySelector('tbody')?.text).toContain('Нет (показывается English)');
	});

	it('holder names never reach the public build', () => {
		const html = readFileSync(join(site, 'en/roles/sales-lead/index.html'), 'utf8');
		expect(html).not.toContain('Bob Stone');
		expect(existsSync(join(site, 'en/hr'))).toBe(false);
	});
});
