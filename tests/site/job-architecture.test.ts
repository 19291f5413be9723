/**
 * Job architecture in the built shipped site: clauses inline in the pages, the career ladder of
 * the client-management family in every locale, where each role sits (family and org chart), the
 * organisation charts (overview and one per department) as static accessible SVG, search and
 * sitemap — and none of the shipped internal pay bands anywhere.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRolebook } from '../../src/model/index.ts';
import { amountPattern, builds } from '../helpers/builds.ts';
import { hasPage, listFiles, page, readableText } from '../helpers/site-files.ts';
import { pdfText } from '../pdf/helpers.ts';

const site = builds.shipped;
const { rolebook } = loadRolebook({ today: '2026-11-25' });
const { company } = rolebook!;
const LADDER = 'client-management';

describe('clauses of the library in the pages', () => {
	it('are numbered and anchored as items, with a copy link, in each language', () => {
		const kam = page(site, '/ru/roles/key-account-manager/');
		expect(kam.getElementById('responsibility-4-1')?.parentNode?.text).toContain('За ненадлежащее исполнение или неисполнение своих должностных обязанностей');
		expect(kam.getElementById('provision-1-6-5')?.parentNode?.text).toContain('настоящей должностной инструкцией.');
		const csm = page(site, '/en/roles/client-search-manager/');
		expect(csm.getElementById('responsibility-5-6-4')?.parentNode?.text).toContain('about the terms of trade contracts, payments and services.');
		expect(csm.getElementById('responsibility-5-7')?.parentNode?.text).toContain('The criteria for evaluating the performance');
	});

	it('are printed inline in the PDF', () => {
		const text = pdfText(join(site, 'de', 'roles', 'client-search-manager.pdf')).replace(/\s+/g, ' ');
		expect(text).toContain('5.6.2. über die Marktstrategie des Unternehmens;');
	});

	it('have no HR page in the public build', () => {
		expect(hasPage(site, '/en/hr/clauses/')).toBe(false);
	});
});

describe('the career ladder', () => {
	it.each(company.locales)('is a page in %s with the four levels from the entry level up, each role linked', (locale) => {
		const ladder = page(site, `/${locale}/families/${LADDER}/`);
		expect(ladder.querySelectorAll('.level').map((level) => level.getAttribute('id'))).toEqual(['level-client-search-manager', 'level-client-manager', 'level-key-account-manager', 'level-head-of-sales']);
		expect(ladder.querySelectorAll('.level-card h3 a').map((link) => link.getAttribute('href'))).toEqual([
			`/${locale}/roles/client-search-manager/`,
			`/${locale}/roles/client-manager/`,
			`/${locale}/roles/key-account-manager/`,
		]);
		expect(ladder.querySelector('html')?.getAttribute('lang')).toBe(locale);
		expect(ladder.querySelector('article')?.hasAttribute('data-pagefind-body')).toBe(true);
		// Falls back to English with the notice where the family is not translated, canonical to English.
		const canonical = ladder.querySelector('link[rel="canonical"]')?.getAttribute('href');
		expect(canonical).toBe(`${company.site.url}/${['en', 'ru', 'de'].includes(locale) ? locale : 'en'}/families/${LADDER}/`);
	});

	it('says what changes from one level to the next, linking each new duty to its item', () => {
		const ladder = page(site, `/en/families/${LADDER}/`);
		const step = ladder.querySelector('#level-key-account-manager .step')!;
		expect(step.querySelector('h3')?.text).toBe('From Client manager to Key account manager');
		expect(step.text).toContain('Experience (years): at least 2; one level down: 3');
		const duties = step.querySelectorAll('details').find((details) => details.querySelector('summary')!.text.startsWith('Duties'))!;
		const links = duties.querySelectorAll('a').map((link) => link.getAttribute('href'));
		expect(links).toContain('/en/roles/key-account-manager/#duty-2-13');
		expect(links).toContain('/en/roles/client-manager/#duty-2-1');
	});

	it('shows the one public band, and none of the internal ones', () => {
		const ladder = page(site, `/ru/families/${LADDER}/`);
		expect(ladder.querySelectorAll('.salary').map((band) => band.text.replace(/\s/g, ' '))).toEqual(['16 000–100 000 ₽ в месяц · середина 50 000 ₽']);
	});

	it('is found by search in its language and listed in the sitemap', () => {
		const fragments = listFiles(join(site, 'pagefind')).filter((file) => file.includes('fragment'));
		const indexed = fragments.map(readableText).filter((text) => text.includes(`/ru/families/${LADDER}/`));
		expect(indexed.join('\n')).toContain('Работа с клиентами');
		const sitemap = readFileSync(join(site, 'sitemap.xml'), 'utf8');
		expect(sitemap).toContain(`<loc>${company.site.url}/de/families/${LADDER}/</loc>`);
		expect(sitemap).toContain(`<loc>${company.site.url}/en/org/sales/</loc>`);
	});
});

describe('a role page', () => {
	it('says where the role sits in its family and what the next level asks', () => {
		const role = page(site, '/en/roles/client-manager/');
		const place = role.querySelector('.family-place')!;
		expect(place.text).toContain('Level 2 of 4 in Client management');
		expect(place.querySelector('[aria-current="step"]')?.text).toBe('Client manager');
		expect(place.querySelectorAll('a').map((link) => link.getAttribute('href'))).toContain(`/en/families/${LADDER}/#level-key-account-manager`);
	});

	it('has the public band as estimatedSalary of its Occupation, and a role with an internal band none', () => {
		const data = (id: string) => JSON.parse(page(site, `/en/roles/${id}/`).querySelector('script[type="application/ld+json"]')!.text) as Record<string, unknown>;
		expect(data('client-manager').estimatedSalary).toEqual([
			{ '@type': 'MonetaryAmountDistribution', name: 'base', currency: 'RUB', duration: 'P1M', minValue: 16000, median: 50000, maxValue: 100000, unitText: 'MONTH' },
		]);
		expect(data('key-account-manager')).not.toHaveProperty('estimatedSalary');
	});

	it('shows where it sits in the company as an SVG chart in the page\'s language: title, desc, real text, links, dotted substitutes', () => {
		const role = page(site, '/de/roles/key-account-manager/');
		const svg = role.querySelector('.role-org svg.org-chart')!;
		expect(svg.getAttribute('lang')).toBe('de');
		expect(svg.querySelector('title')?.text).toBe('Wo diese Rolle steht');
		expect(svg.querySelector('desc')?.text).toMatch(/^\d+ Kästen\./);
		expect(svg.querySelectorAll('text').map((text) => text.text)).toContain('Key Account Manager');
		expect(svg.querySelector('a[href="/de/roles/client-manager/"]')).not.toBeNull();
		expect(svg.querySelectorAll('path.org-substitutes').length).toBeGreaterThan(0);
		expect(role.querySelector('.role-org details.org-list')?.text).toContain('Vertretung:');
	});
});

describe('the organisation chart pages', () => {
	it.each(company.locales)('exist in %s: the overview with a box per department, and one chart per department', (locale) => {
		const overview = page(site, `/${locale}/org/`);
		expect(overview.querySelectorAll('svg.org-chart')).toHaveLength(1);
		expect(overview.querySelector(`svg a[href="/${locale}/org/sales/"]`)).not.toBeNull();
		for (const department of ['sales', 'wholesale-sales', 'management']) expect(hasPage(site, `/${locale}/org/${department}/`), department).toBe(true);
		const sales = page(site, `/${locale}/org/sales/`);
		expect(sales.querySelectorAll('svg .org-node').length).toBe(4);
	});

	it('need no script: the page has none besides the search loader', () => {
		const html = readFileSync(join(site, 'en', 'org', 'index.html'), 'utf8');
		expect(html.match(/<script[^>]*>/g)?.filter((tag) => !tag.includes('application/ld+json') && !tag.includes('type="module"')) ?? []).toEqual([]);
		expect(html).not.toMatch(/\son[a-z]+=/);
	});
});

describe('the roles feed', () => {
	it('gives each role its family and level (README "Feeds"), with the public band only', () => {
		const feed = JSON.parse(readFileSync(join(site, 'en', 'feeds', 'roles.json'), 'utf8')) as { items: { id: string; family: { id: string }; level: { number: number; of: number; grade: number; payBand: unknown } }[] };
		const levels = Object.fromEntries(feed.items.map((item) => [item.id, [item.family.id, item.level.number, item.level.of, item.level.grade, item.level.payBand !== null]]));
		expect(levels).toEqual({
			'client-manager': [LADDER, 2, 4, 8, true],
			'client-search-manager': [LADDER, 1, 4, 7, false],
			'key-account-manager': [LADDER, 3, 4, 9, false],
		});
	});
});

describe('internal pay bands of the shipped family', () => {
	// The figure only an internal band has (the others also appear in published salaries and the handbook).
	it.each([28000])('%i appears in no file of the site', (amount) => {
		const pattern = amountPattern(amount);
		const text = (file: string) => (file.endsWith('.pdf') ? pdfText(file) : readableText(file));
		const leaks = listFiles(site).filter((file) => !/\.(png|wasm|docx)$/.test(file) && pattern.test(text(file)));
		expect(leaks).toEqual([]);
	});
});
