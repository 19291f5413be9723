/**
 * Openings, link previews and feeds in the built site (ROLEBOOK_TODAY = TEST_TODAY): a page per
 * opening and locale, JobPosting data with every property job boards require, closed openings
 * kept as pages but out of lists, feeds and the sitemap, a 1200×630 image behind every
 * og:image, and feeds that match the content.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOpen, loadRolebook, localizeOpening, localizeRole, publishedRoles } from '../../src/model/index.ts';
import { builds, TEST_TODAY } from '../helpers/builds.ts';
import { pngSize } from '../helpers/png.ts';
import { hasPage, page } from '../helpers/site-files.ts';

const site = builds.shipped;
const { rolebook } = loadRolebook({ today: TEST_TODAY });
const { company, openings, roles, chapters } = rolebook!;
const SITE_URL = company.site.url;
const open = openings.filter((opening) => isOpen(opening, TEST_TODAY));
const closed = openings.filter((opening) => !isOpen(opening, TEST_TODAY));

function jsonLd(path: string): Record<string, any>[] {
	return page(site, path)
		.querySelectorAll('script[type="application/ld+json"]')
		.map((script) => JSON.parse(script.text) as Record<string, any>);
}

function feed(locale: string, name: 'roles' | 'openings'): { version: number; locale: string; asOf: string; items: Record<string, any>[] } {
	return JSON.parse(readFileSync(join(site, locale, 'feeds', `${name}.json`), 'utf8'));
}

it('the shipped content has open and closed openings on the test date', () => {
	expect(open.length).toBeGreaterThanOrEqual(3);
	expect(closed.length).toBeGreaterThanOrEqual(1);
});

describe('openings pages', () => {
	it('has a list and a page for every opening, closed ones included, in every locale', () => {
		for (const locale of company.locales) {
			expect(hasPage(site, `/${locale}/openings/`), locale).toBe(true);
			for (const opening of openings) expect(hasPage(site, `/${locale}/openings/${opening.id}/`), `${locale} ${opening.id}`).toBe(true);
		}
	});

	it('lists the open openings and not the closed ones', () => {
		for (const locale of ['en', 'ru', 'de']) {
			const hrefs = page(site, `/${locale}/openings/`).querySelectorAll('ul.openings a').map((a) => a.getAttribute('href'));
			expect(hrefs.sort()).toEqual(open.map((opening) => `/${locale}/openings/${opening.id}/`).sort());
		}
	});

	it('shows the vacancy in the page language and links its role page and the role PDF', () => {
		const opening = open.find((candidate) => candidate.locales.includes('ru'))!;
		const view = localizeOpening(rolebook!, opening, 'ru', { preview: false });
		const html = page(site, `/ru/openings/${opening.id}/`);
		expect(html.querySelector('h1')?.text).toBe(view.title);
		expect(html.querySelector('.closed-notice')).toBeNull();
		expect(html.querySelectorAll('ul.requirements li').map((li) => li.text)).toEqual(view.requirements);
		const hrefs = html.querySelectorAll('a').map((a) => a.getAttribute('href'));
		expect(hrefs).toContain(`/ru/roles/${opening.role}/`);
		expect(hrefs).toContain(`/ru/roles/${opening.role}.pdf`);
		expect(existsSync(join(site, 'ru', 'roles', `${opening.role}.pdf`))).toBe(true);
		expect(html.querySelector('.salary')?.text).toMatch(/₽|договорённости/);
	});

	it('says a closed vacancy is closed, with no way to apply and no job posting data', () => {
		for (const opening of closed) {
			for (const locale of ['en', 'ru']) {
				const html = page(site, `/${locale}/openings/${opening.id}/`);
				expect(html.querySelector('.closed-notice')?.text, `${locale} ${opening.id}`).toMatch(/closed|закрыта/);
				expect(html.querySelector('.apply')).toBeNull();
				expect(jsonLd(`/${locale}/openings/${opening.id}/`).filter((data) => data['@type'] === 'JobPosting')).toEqual([]);
			}
		}
	});

	it('lists the open positions on their role pages', () => {
		for (const role of roles) {
			const expected = open.filter((opening) => opening.role === role.id).map((opening) => `/en/openings/${opening.id}/`);
			const links = page(site, `/en/roles/${role.id}/`).querySelectorAll('.role-openings a').map((a) => a.getAttribute('href'));
			expect(links.sort(), role.id).toEqual(expected.sort());
		}
	});
});

describe('JobPosting structured data', () => {
	// Google's job-posting guidelines: required, and recommended where the content has them.
	const REQUIRED = ['title', 'description', 'datePosted', 'hiringOrganization'];
	const RECOMMENDED = ['validThrough', 'employmentType', 'identifier', 'directApply'];

	it.each(open.flatMap((opening) => opening.locales.map((locale) => [opening.id, locale] as const)))('%s in %s has every required property', (id, locale) => {
		const opening = openings.find((candidate) => candidate.id === id)!;
		const path = `/${locale}/openings/${id}/`;
		const posting = jsonLd(path).find((data) => data['@type'] === 'JobPosting')!;
		expect(posting).toBeDefined();
		expect(posting['@context']).toBe('https://schema.org');
		for (const property of [...REQUIRED, ...RECOMMENDED]) expect(posting[property], property).toBeDefined();
		expect(posting.title).toBe(localizeOpening(rolebook!, opening, locale, { preview: false }).title);
		expect(posting.description).toMatch(/^<p>/);
		expect(posting.datePosted).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(posting.validThrough > posting.datePosted).toBe(true);
		expect(posting.hiringOrganization).toMatchObject({ '@type': 'Organization', name: expect.any(String), sameAs: expect.stringMatching(/^https:/) });
		expect(posting.hiringOrganization.logo).toBe(`${SITE_URL}/logo.png`);
		expect(posting.identifier).toEqual({ '@type': 'PropertyValue', name: expect.any(String), value: opening.reference });
		expect(posting.employmentType.every((type: string) => /^(FULL_TIME|PART_TIME|CONTRACTOR|TEMPORARY|INTERN|VOLUNTEER|PER_DIEM|OTHER)$/.test(type))).toBe(true);
		// Location: an address with its country, or remote with the countries applicants may live in.
		if (opening.location.type !== 'remote') {
			expect(posting.jobLocation).toMatchObject({ '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: expect.any(String), addressCountry: 'RU' } });
		}
		if (opening.location.type !== 'onsite') {
			expect(posting.jobLocationType).toBe('TELECOMMUTE');
			expect(posting.applicantLocationRequirements).toEqual([{ '@type': 'Country', name: 'RU' }]);
		}
		if (opening.salary.kind === 'range') {
			expect(posting.baseSalary).toMatchObject({ '@type': 'MonetaryAmount', currency: 'RUB', value: { '@type': 'QuantitativeValue', unitText: 'MONTH' } });
			expect(posting.baseSalary.value.minValue ?? posting.baseSalary.value.maxValue).toEqual(expect.any(Number));
		} else expect(posting.baseSalary).toBeUndefined();
		// The role's Occupation, as its page declares it.
		const occupation = jsonLd(`/${locale}/roles/${opening.role}/`).find((data) => data['@type'] === 'Occupation')!;
		expect(posting.relevantOccupation['@id']).toBe(occupation['@id']);
		expect(posting.url).toBe(`${SITE_URL}${path}`);
	});

	it('is only on pages in a language the opening is advertised in', () => {
		const opening = open.find((candidate) => !candidate.locales.includes('tr'))!;
		expect(jsonLd(`/tr/openings/${opening.id}/`).filter((data) => data['@type'] === 'JobPosting')).toEqual([]);
		expect(page(site, `/tr/openings/${opening.id}/`).querySelector('.notice')).not.toBeNull();
	});
});

describe('sitemap', () => {
	const sitemap = readFileSync(join(site, 'sitemap.xml'), 'utf8');
	it('lists open openings in their languages, and the openings list', () => {
		for (const opening of open) for (const locale of opening.locales) expect(sitemap).toContain(`<loc>${SITE_URL}/${locale}/openings/${opening.id}/</loc>`);
		for (const locale of company.locales) expect(sitemap).toContain(`<loc>${SITE_URL}/${locale}/openings/</loc>`);
	});
	it('does not list closed openings', () => {
		for (const opening of closed) expect(sitemap).not.toContain(`/openings/${opening.id}/`);
	});
});

describe('link-preview images', () => {
	const pagePaths = company.locales.flatMap((locale) => [
		...roles.map((role) => `/${locale}/roles/${role.id}/`),
		...chapters.map((chapter) => `/${locale}/handbook/${chapter.slug}/`),
		...openings.map((opening) => `/${locale}/openings/${opening.id}/`),
	]);

	it('every role, chapter and opening page in every locale points at a 1200×630 PNG that exists', () => {
		expect(pagePaths.length).toBe(company.locales.length * (roles.length + chapters.length + openings.length));
		for (const path of pagePaths) {
			const html = page(site, path);
			const meta = (selector: string) => html.querySelector(selector)?.getAttribute('content');
			const image = meta('meta[property="og:image"]');
			expect(image, path).toMatch(new RegExp(`^${SITE_URL}/og/`));
			expect(meta('meta[property="og:image:width"]')).toBe('1200');
			expect(meta('meta[property="og:image:height"]')).toBe('630');
			expect(meta('meta[property="og:image:type"]')).toBe('image/png');
			expect(meta('meta[property="og:image:alt"]')!.length).toBeGreaterThan(5);
			expect(meta('meta[name="twitter:card"]')).toBe('summary_large_image');
			expect(meta('meta[name="twitter:image"]')).toBe(image);
			const file = join(site, new URL(image!).pathname);
			expect(pngSize(file), path).toEqual({ width: 1200, height: 630 });
		}
	});

	it('the images differ per language where the text does (Cyrillic on Russian pages)', () => {
		const en = readFileSync(join(site, 'og/en/roles/key-account-manager.png'));
		const ru = readFileSync(join(site, 'og/ru/roles/key-account-manager.png'));
		expect(en.equals(ru)).toBe(false);
	});
});

describe('feeds', () => {
	it.each(company.locales)('roles.json in %s lists every published role with absolute page and PDF URLs', (locale) => {
		const data = feed(locale, 'roles');
		expect(data).toMatchObject({ version: 1, kind: 'roles', locale, asOf: TEST_TODAY });
		const published = publishedRoles(rolebook!, { preview: false });
		expect(data.items.map((item) => item.id)).toEqual(published.map((role) => role.id));
		for (const item of data.items) {
			const role = published.find((candidate) => candidate.id === item.id)!;
			expect(item.url).toBe(`${SITE_URL}/${locale}/roles/${role.id}/`);
			expect(item.pdf).toBe(`${SITE_URL}/${locale}/roles/${role.id}.pdf`);
			expect(existsSync(join(site, locale, 'roles', `${role.id}.pdf`))).toBe(true);
			expect(item.title).toBe(localizeRole(role, locale, company.defaultLocale).text.title);
			expect(item.document).toMatchObject({ number: role.document.number, version: role.document.version });
			expect(item.openings).toEqual(open.filter((opening) => opening.role === role.id).map((opening) => `${SITE_URL}/${locale}/openings/${opening.id}/`));
		}
	});

	it.each(company.locales)('openings.json in %s lists the open openings advertised in it', (locale) => {
		const data = feed(locale, 'openings');
		expect(data).toMatchObject({ version: 1, kind: 'openings', locale });
		const expected = open.filter((opening) => opening.locales.includes(locale));
		expect(data.items.map((item) => item.id)).toEqual(expected.map((opening) => opening.id));
		for (const item of data.items) {
			const opening = expected.find((candidate) => candidate.id === item.id)!;
			const view = localizeOpening(rolebook!, opening, locale, { preview: false });
			expect(item).toMatchObject({
				reference: opening.reference,
				url: `${SITE_URL}/${locale}/openings/${opening.id}/`,
				language: locale,
				title: view.title,
				requirements: view.requirements,
				role: { id: opening.role, url: `${SITE_URL}/${locale}/roles/${opening.role}/`, pdf: `${SITE_URL}/${locale}/roles/${opening.role}.pdf` },
				employmentType: opening.employmentType,
				datePosted: opening.datePosted,
				validThrough: opening.validThrough,
			});
			expect(item.salary.byAgreement).toBe(opening.salary.kind === 'by-agreement');
			expect(item).not.toHaveProperty('internal');
		}
	});

	it('carries no HR-only notes of the shipped openings', () => {
		for (const locale of company.locales) expect(readFileSync(join(site, locale, 'feeds', 'openings.json'), 'utf8')).not.toMatch(/hiringManager|Budget approved/);
	});
});
