/**
 * Nothing private leaks: a draft role, a draft chapter, an internal-only item and an internal
 * note each carry a unique marker; the public build must not contain any of them in any file
 * (pages, search index, sitemap, PDFs), while the preview build shows the drafts with a banner.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { amountPattern, builds, SECRET_BAND, SECRET_MARKERS } from '../helpers/builds.ts';
import { hasPage, listFiles, page, readableText } from '../helpers/site-files.ts';
// pdftotext, never a fallback: a PDF that cannot be read must fail the scan, not pass it.
import { pdfText, run } from '../pdf/helpers.ts';

/** Files holding a figure of the planted internal pay band, read once each (PDFs as pdftotext reads them). */
function bandLeaks(files: string[]): string[] {
	const patterns = Object.values(SECRET_BAND).map(amountPattern);
	return files.filter((file) => {
		const text = file.endsWith('.pdf') ? pdfText(file) : readableText(file);
		return patterns.some((pattern) => pattern.test(text));
	});
}

describe('public build', () => {
	const site = builds.fixturePublic;
	const files = listFiles(site);

	it.each(Object.entries(SECRET_MARKERS))('contains the %s marker nowhere', (_, marker) => {
		const leaks = files.filter((file) => (file.endsWith('.pdf') ? pdfText(file) : readableText(file)).includes(marker));
		expect(leaks).toEqual([]);
	});

	it('contains the internal pay band\'s figures (min, midpoint, max) in no notation, in no file', () => {
		expect(bandLeaks(files)).toEqual([]);
	});

	it('shows the public band on its role page, in its Occupation data and in the feed; the level with an internal band without it', () => {
		const role = page(site, '/en/roles/sales-lead/');
		expect(role.querySelector('.family-place')?.text).toMatch(/RUB\s?60,000.100,000 a month/);
		const jsonLd = JSON.parse(role.querySelector('script[type="application/ld+json"]')!.text) as { estimatedSalary?: { minValue: number }[] };
		expect(jsonLd.estimatedSalary?.[0]?.minValue).toBe(60000);
		const ladder = page(site, '/en/families/sales/');
		expect(ladder.querySelectorAll('.level-card h3').map((heading) => heading.text.trim())).toEqual(['Sales lead', 'Director']);
		expect(ladder.querySelectorAll('.level-card .salary').map((band) => band.text)).toHaveLength(1);
		const feed = JSON.parse(readFileSync(join(site, 'en', 'feeds', 'roles.json'), 'utf8')) as { items: { id: string; level: { payBand: unknown } }[] };
		expect(feed.items.find((item) => item.id === 'sales-lead')?.level.payBand).toEqual({ min: 60000, midpoint: 80000, max: 100000, currency: 'RUB', period: 'month' });
	});

	it('has no clause library page (HR\'s, preview only)', () => {
		expect(hasPage(site, '/en/hr/clauses/')).toBe(false);
	});

	it('has no page, sitemap line or link for the draft role and chapter', () => {
		for (const locale of ['en', 'ru']) {
			expect(hasPage(site, `/${locale}/roles/sales-rep/`)).toBe(false);
			expect(hasPage(site, `/${locale}/handbook/secret-plans/`)).toBe(false);
		}
		const sitemap = readFileSync(join(site, 'sitemap.xml'), 'utf8');
		expect(sitemap).not.toContain('sales-rep');
		expect(sitemap).not.toContain('secret-plans');
		const htmlFiles = files.filter((file) => file.endsWith('.html'));
		for (const file of htmlFiles) {
			const html = readFileSync(file, 'utf8');
			expect(html, file).not.toContain('/roles/sales-rep');
			expect(html, file).not.toContain('secret-plans');
		}
	});

	it('has no page, feed item, sitemap line or link-preview image for the draft opening', () => {
		// Link-preview PNGs draw text as outlines, so the marker scan above cannot read them;
		// that no image exists for a draft page is what keeps drafts out of them.
		for (const locale of ['en', 'ru']) {
			expect(hasPage(site, `/${locale}/openings/sales-rep-secret/`)).toBe(false);
			expect(existsSync(join(site, 'og', locale, 'openings', 'sales-rep-secret.png'))).toBe(false);
			expect(existsSync(join(site, 'og', locale, 'roles', 'sales-rep.png'))).toBe(false);
			expect(existsSync(join(site, 'og', locale, 'handbook', 'secret-plans.png'))).toBe(false);
			const feeds = ['roles', 'openings'].map((name) => readFileSync(join(site, locale, 'feeds', `${name}.json`), 'utf8')).join('\n');
			expect(feeds).not.toContain('sales-rep');
			expect(feeds).toContain('sales-lead-moscow');
		}
		expect(readFileSync(join(site, 'sitemap.xml'), 'utf8')).not.toContain('sales-rep-secret');
	});

	it('shows the MDX bodies of content kept outside the project folder (looked up by id)', () => {
		expect(page(site, '/en/roles/sales-lead/').querySelector('.narrative')?.text).toContain('The sales lead keeps the team on track.');
		expect(page(site, '/en/roles/sales-lead/v1/').querySelector('.narrative')?.text.trim()).not.toBe('');
		expect(page(site, '/ru/handbook/welcome/').querySelector('.narrative')?.text).toContain('Добро пожаловать.');
	});

	it('numbers the public items without gaps where an internal item was removed', () => {
		const html = page(site, '/en/roles/sales-lead/');
		expect(html.getElementById('duty-2-2')?.parentNode?.text).toContain('Coaches the reps.');
		expect(html.getElementById('duty-2-3')).toBeNull();
	});
});

/** Every PDF a page of the site links to, as a file path in the build. */
function linkedPdfs(site: string): string[] {
	const links = new Set<string>();
	for (const file of listFiles(site).filter((name) => name.endsWith('.html'))) {
		for (const match of readFileSync(file, 'utf8').matchAll(/href="(\/[^"]+\.pdf)"/g)) links.add(match[1]!);
	}
	return [...links];
}

describe.each([
	['public', builds.fixturePublic],
	['preview', builds.fixturePreview],
])('%s build links', (_, site) => {
	it('only to PDFs that were made', () => {
		const pdfs = linkedPdfs(site);
		expect(pdfs.length).toBeGreaterThan(0);
		expect(pdfs.filter((path) => !existsSync(join(site, decodeURI(path))))).toEqual([]);
	});
});

describe('preview build', () => {
	const site = builds.fixturePreview;

	it('says it is a preview, and the draft role has its watermarked PDF', () => {
		expect(readFileSync(`${site}.log`, 'utf8')).toContain('(preview: drafts included');
		expect(readFileSync(`${builds.fixturePublic}.log`, 'utf8')).not.toContain('preview: drafts included');
		// The watermark is drawn rotated: pdftotext in content-stream order (-raw) reads it letter by letter.
		const raw = run('pdftotext', ['-raw', '-f', '1', '-l', '1', join(site, 'en', 'roles', 'sales-rep.pdf'), '-']).stdout;
		expect(raw.replace(/\s+/g, '')).toContain('DRAFT');
	});

	it('shows the draft opening with a DRAFT banner, but never in the feeds', () => {
		expect(page(site, '/en/openings/sales-rep-secret/').querySelector('.draft-banner')?.text).toContain('DRAFT');
		expect(existsSync(join(site, 'og', 'en', 'openings', 'sales-rep-secret.png'))).toBe(true);
		expect(readFileSync(join(site, 'en', 'feeds', 'openings.json'), 'utf8')).not.toContain(SECRET_MARKERS.draftOpening);
		expect(readFileSync(join(site, 'en', 'feeds', 'roles.json'), 'utf8')).not.toContain('sales-rep');
	});

	it('shows the draft role and chapter with a DRAFT banner', () => {
		const role = page(site, '/en/roles/sales-rep/');
		expect(role.querySelector('.draft-banner')?.text).toContain('DRAFT');
		expect(role.text).toContain(SECRET_MARKERS.draftRole);
		expect(page(site, '/en/handbook/secret-plans/').querySelector('.draft-banner')).not.toBeNull();
	});

	it('shows the draft role\'s level on the ladder, and the clause library with where each clause is used', () => {
		expect(page(site, '/en/families/sales/').querySelectorAll('.level-card h3').map((heading) => heading.text.trim())).toEqual(['Sales rep', 'Sales lead', 'Director']);
		const clauses = page(site, '/en/hr/clauses/');
		expect(clauses.querySelector('#clause-labour-law')?.text).toContain('Within the limits set by the labour law of the Russian Federation.');
		expect(clauses.querySelector('#clause-labour-law a[href="/en/roles/sales-lead/#responsibility-4-1"]')?.text).toBe('4.1');
	});

	it('keeps internal pay bands out too: they are never published, not even in previews', () => {
		expect(bandLeaks(listFiles(site))).toEqual([]);
	});

	it('still keeps internal-only fields out', () => {
		const files = listFiles(site).filter((file) => !file.endsWith('.pdf'));
		expect(files.filter((file) => readableText(file).includes(SECRET_MARKERS.internalItem))).toEqual([]);
		expect(files.filter((file) => readableText(file).includes(SECRET_MARKERS.internalNote))).toEqual([]);
		expect(files.filter((file) => readableText(file).includes(SECRET_MARKERS.openingInternal))).toEqual([]);
		expect(files.filter((file) => readableText(file).includes(SECRET_MARKERS.familyInternal))).toEqual([]);
	});
});
