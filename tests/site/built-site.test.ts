/**
 * The built site as a reader, a recruiter and a search engine meet it: every page for every
 * role × locale, anchors for every numbered item, structured data, sitemap and hreflang.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { loadRolebook, localizeRole } from '../../src/model/index.ts';
import { builds } from '../helpers/builds.ts';
import { hasPage, listFiles, page } from '../helpers/site-files.ts';

const site = builds.shipped;
const { rolebook } = loadRolebook();
const { company, roles, chapters } = rolebook!;
const SITE_URL = company.site.url;

describe('pages', () => {
	it('has a home page, every role page and every chapter page in every locale', () => {
		for (const locale of company.locales) {
			expect(hasPage(site, `/${locale}/`), locale).toBe(true);
			for (const role of roles) expect(hasPage(site, `/${locale}/roles/${role.id}/`), `${locale} ${role.id}`).toBe(true);
			for (const chapter of chapters) expect(hasPage(site, `/${locale}/handbook/${chapter.slug}/`), `${locale} ${chapter.slug}`).toBe(true);
		}
	});

	it('leads / to the default locale and has a helpful 404 page', () => {
		expect(page(site, '/').querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toContain('/en/');
		const notFound = parseHtml(readFileSync(join(site, '404.html'), 'utf8'));
		expect(notFound.querySelector('h1')?.text).toBe('Page not found');
		expect(notFound.querySelector('[data-search] input')).not.toBeNull();
		expect(notFound.querySelectorAll('main a').map((a) => a.getAttribute('href'))).toContain('/en/');
	});

	it.each(company.locales)('every page in %s has one h1, a skip link, a main landmark and its <html lang>', (locale) => {
		for (const path of [`/${locale}/`, ...roles.map((r) => `/${locale}/roles/${r.id}/`), ...chapters.map((c) => `/${locale}/handbook/${c.slug}/`)]) {
			const html = page(site, path);
			expect(html.querySelectorAll('h1'), path).toHaveLength(1);
			expect(html.querySelector('html')?.getAttribute('lang')).toBe(locale);
			expect(html.querySelector('a.skip-link')?.getAttribute('href')).toBe('#main');
			expect(html.querySelector('main#main')).not.toBeNull();
		}
	});

	it('shows the role in the page language, or the English text with a visible notice where there is no translation', () => {
		const ru = page(site, '/ru/roles/key-account-manager/');
		expect(ru.querySelector('h1')?.text).toBe('Менеджер по работе с ключевыми клиентами');
		expect(ru.querySelector('.notice')).toBeNull();
		const nb = page(site, '/nb/roles/key-account-manager/');
		expect(nb.querySelector('h1')?.text).toBe('Key account manager');
		expect(nb.querySelector('.notice')?.text).toContain('Norsk bokmål');
		expect(nb.querySelector('article')?.getAttribute('lang')).toBe('en');
	});

	it('links each role page to its PDF, its manager, its substitute and its onboarding chapters', () => {
		const kam = page(site, '/en/roles/key-account-manager/');
		const hrefs = kam.querySelectorAll('a').map((a) => a.getAttribute('href'));
		expect(hrefs).toContain('/en/roles/key-account-manager.pdf');
		expect(kam.querySelector('.facts')?.text).toContain('Head of the Sales Department');
		expect(hrefs).toContain('/en/roles/client-manager/');
		expect(hrefs.filter((href) => href?.startsWith('/en/handbook/')).length).toBeGreaterThan(0);
		expect(kam.querySelector('.status')?.text).toMatch(/Approved · Version 1 · Effective March 2, 2026/);
	});
});

describe('anchors', () => {
	it.each(['en', 'ru', 'de'])('every section and numbered item has its anchor and copy link (%s)', (locale) => {
		for (const role of roles) {
			const html = page(site, `/${locale}/roles/${role.id}/`);
			const { text } = localizeRole(role, locale, company.defaultLocale);
			for (const section of text.sections) {
				expect(html.getElementById(section.anchor), `${role.id} #${section.anchor}`).not.toBeNull();
				const walk = (items: typeof section.items) => {
					for (const item of items) {
						const element = html.getElementById(item.anchor)?.parentNode;
						expect(element?.tagName, `${role.id} #${item.anchor}`).toBe('LI');
						expect(element!.querySelector('.num')?.text).toBe(`${item.number}.`);
						expect(element!.querySelector(`a.anchor[href="#${item.anchor}"]`)).not.toBeNull();
						walk(item.items);
					}
				};
				walk(section.items);
			}
		}
		expect(page(site, `/${locale}/roles/key-account-manager/`).getElementById('duty-2-13')).not.toBeNull();
	});
});

describe('structured data and metadata', () => {
	it.each(['en', 'ru', 'de'])('role pages carry an Occupation with the duties (%s)', (locale) => {
		for (const role of roles) {
			const html = page(site, `/${locale}/roles/${role.id}/`);
			const data = JSON.parse(html.querySelector('script[type="application/ld+json"]')!.text) as Record<string, unknown>;
			const { text } = localizeRole(role, locale, company.defaultLocale);
			const duties = text.sections.find((s) => s.kind === 'duties')!.items;
			expect(data).toMatchObject({ '@context': 'https://schema.org', '@type': 'Occupation', name: text.title, inLanguage: locale });
			expect(data.responsibilities).toEqual(expect.arrayContaining(duties.map((d) => d.text)));
			expect(data.experienceRequirements).toEqual({ '@type': 'OccupationalExperienceRequirements', monthsOfExperience: role.qualification.experienceYears * 12 });
			expect(data.educationRequirements).toHaveLength(role.qualification.education.length);
			expect(data.occupationalCategory).toBeTruthy();
		}
	});

	it('has canonical, OpenGraph and Twitter metadata with a meaningful description', () => {
		const html = page(site, '/de/roles/client-search-manager/');
		const meta = (selector: string) => html.querySelector(selector)?.getAttribute('content');
		expect(html.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(`${SITE_URL}/de/roles/client-search-manager/`);
		expect(meta('meta[property="og:title"]')).toBe(roles.find((r) => r.id === 'client-search-manager')!.texts.de!.title);
		expect(meta('meta[name=description]')!.length).toBeGreaterThan(50);
		expect(meta('meta[property="og:url"]')).toBe(`${SITE_URL}/de/roles/client-search-manager/`);
		expect(meta('meta[name="twitter:card"]')).toBe('summary_large_image');
	});

	it('fallback pages point their canonical URL at the default-language page', () => {
		const html = page(site, '/tr/roles/client-manager/');
		expect(html.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(`${SITE_URL}/en/roles/client-manager/`);
	});

	it('sitemap and hreflang agree: every translated page, with the same alternates', () => {
		const sitemap = readFileSync(join(site, 'sitemap.xml'), 'utf8');
		const entries = [...sitemap.matchAll(/<url>\s*<loc>([^<]+)<\/loc>([\s\S]*?)<\/url>/g)].map(([, loc, links]) => ({
			loc: loc!,
			alternates: [...links!.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map(([, lang, href]) => `${lang} ${href}`).sort(),
		}));
		const translatedPages = [
			...company.locales.map((locale) => `/${locale}/`),
			...roles.flatMap((role) => Object.keys(role.texts).map((locale) => `/${locale}/roles/${role.id}/`)),
			...chapters.flatMap((chapter) => Object.keys(chapter.texts).map((locale) => `/${locale}/handbook/${chapter.slug}/`)),
		];
		const listed = entries.map((entry) => new URL(entry.loc).pathname);
		expect(listed).toEqual(expect.arrayContaining(translatedPages));
		expect(new Set(listed).size).toBe(listed.length);
		for (const entry of entries) {
			const path = new URL(entry.loc).pathname;
			const html = page(site, path);
			const hreflang = html.querySelectorAll('link[rel=alternate][hreflang]').map((link) => `${link.getAttribute('hreflang')} ${link.getAttribute('href')}`).sort();
			expect(hreflang, path).toEqual(entry.alternates);
			expect(html.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(entry.loc);
		}
		expect(sitemap).not.toContain('/nb/roles/');
	});

	it('has robots.txt pointing at the sitemap', () => {
		expect(readFileSync(join(site, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE_URL}/sitemap.xml`);
	});
});

describe('search index', () => {
	it('indexes roles and chapters in one index per language, without navigation or footers', () => {
		const entry = JSON.parse(readFileSync(join(site, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
		// Role, chapter and career-ladder pages.
		for (const locale of company.locales) expect(entry.languages[locale]?.page_count, locale).toBe(roles.length + chapters.length + rolebook!.families.length);
		const html = page(site, '/en/roles/key-account-manager/');
		expect(html.querySelector('[data-pagefind-body]')?.tagName).toBe('ARTICLE');
		expect(html.querySelector('header [data-pagefind-body], footer [data-pagefind-body], nav [data-pagefind-body]')).toBeNull();
		expect(html.querySelector('[data-pagefind-filter="type"]')?.text).toBe('Role');
		expect(html.querySelector('[data-pagefind-filter="department"]')?.text).toBe('Sales department');
	});

	it('role pages need no JavaScript to read: the only script is the search loader', () => {
		const html = page(site, '/en/roles/key-account-manager/');
		const scripts = html.querySelectorAll('script').filter((script) => script.getAttribute('type') !== 'application/ld+json');
		expect(scripts.length).toBeLessThanOrEqual(1);
		expect(html.querySelector('[data-search]')?.hasAttribute('hidden')).toBe(true);
		const files = listFiles(join(site, '_astro')).filter((file) => file.endsWith('.js'));
		expect(files.length).toBeGreaterThan(0);
	});
});
