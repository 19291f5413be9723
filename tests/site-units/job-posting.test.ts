/**
 * The JobPosting builder and the feeds as pure functions over the base fixture: what Google's
 * job-posting guidelines require for on-site, hybrid and remote work, salary ranges and
 * "by agreement", and feeds that leave out drafts, closed vacancies and internal notes.
 */
import { describe, expect, it } from 'vitest';
import { localizeOpening, type Opening, type Rolebook } from '../../src/model/index.ts';
import { openingsFeed, rolesFeed } from '../../src/site/feeds.ts';
import { jobPostingJsonLd } from '../../src/site/structured-data.ts';
import { validFixture, type Edit } from '../helpers/fixture.ts';

const TODAY = '2026-06-01';

const load = (edits: Edit[] = []): Rolebook => validFixture(edits, TODAY);

const urls = { page: 'https://handbook.example.com/en/openings/x/', role: 'https://handbook.example.com/en/roles/sales-lead/', logo: 'https://example.com/logo.png' };
const rolebook = load([
	{ file: 'content/company.yaml', replace: ['site:\n', 'website: https://example.com\nlogo: logo.png\nsite:\n'] },
	{ file: 'content/openings/hybrid.yaml', write: 'role: sales-lead\nlocales: [en]\ndescription: { en: "Half <b>here</b>,\\n\\nhalf at home." }\nemploymentType: [part-time, temporary]\nlocation:\n  type: hybrid\n  address: { street: { en: 1 Main St. }, city: { en: Kazan }, region: { en: Tatarstan }, postalCode: "420000", country: RU }\n  applicantCountries: [RU, KZ]\nexperienceYears: 0\nsalary: { min: 50000, max: 50000, currency: RUB, period: month }\ndatePosted: 2026-05-01\nvalidThrough: 2026-07-01\napply: { url: https://jobs.example.com/1, direct: true }\n' },
]);
const opening = (id: string): Opening => rolebook.openings.find((candidate) => candidate.id === id)!;
const posting = (id: string, locale = 'en') => jobPostingJsonLd(rolebook, localizeOpening(rolebook, opening(id), locale, { preview: false }), urls);

describe('jobPostingJsonLd', () => {
	it('has the required and recommended properties of an on-site posting with a salary range', () => {
		const data = posting('sales-lead-moscow');
		expect(data).toMatchObject({
			'@context': 'https://schema.org',
			'@type': 'JobPosting',
			title: 'Sales lead',
			datePosted: '2026-05-01',
			validThrough: '2030-12-31',
			employmentType: ['FULL_TIME'],
			hiringOrganization: { '@type': 'Organization', name: 'Example Trading LLC', sameAs: 'https://example.com', logo: 'https://example.com/logo.png' },
			jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Moscow', addressCountry: 'RU' } },
			baseSalary: { '@type': 'MonetaryAmount', currency: 'RUB', value: { '@type': 'QuantitativeValue', minValue: 45000, maxValue: 90000, unitText: 'MONTH' } },
			identifier: { '@type': 'PropertyValue', name: 'Example Trading LLC', value: 'VAC-1' },
			directApply: false,
			relevantOccupation: { '@type': 'Occupation', '@id': `${urls.role}#occupation`, name: 'Sales lead' },
			experienceRequirements: { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: 36 },
			educationRequirements: { credentialCategory: 'bachelor degree' },
		});
		expect(data).not.toHaveProperty('jobLocationType');
		expect(data.description).toBe(
			'<p>We are looking for a sales lead for our Moscow office.</p><p>You will lead a team of five reps.</p><p><strong>What we ask for</strong></p><ul><li>At least 3 years in B2B sales.</li><li>Confident PC user (Excel, CRM).</li></ul>',
		);
	});

	it('is written in the page language where the opening is advertised in it', () => {
		const data = posting('sales-lead-moscow', 'ru');
		expect(data).toMatchObject({ title: 'Руководитель продаж', hiringOrganization: { name: 'ООО «Пример»' }, jobLocation: { address: { addressLocality: 'Москва' } } });
		expect(data.description).toContain('<strong>Требования</strong>');
	});

	it('marks remote work as TELECOMMUTE with the countries applicants may live in, and omits a salary by agreement', () => {
		const data = posting('sales-lead-remote');
		expect(data).toMatchObject({ jobLocationType: 'TELECOMMUTE', applicantLocationRequirements: [{ '@type': 'Country', name: 'RU' }], employmentType: ['FULL_TIME', 'CONTRACTOR'] });
		expect(data).not.toHaveProperty('jobLocation');
		expect(data).not.toHaveProperty('baseSalary');
		expect(data.identifier).toMatchObject({ value: 'sales-lead-remote' });
	});

	it('gives a hybrid job both an address and TELECOMMUTE, escapes HTML and reads "no requirements" for no experience', () => {
		const data = posting('hybrid');
		expect(data).toMatchObject({
			jobLocation: { address: { streetAddress: '1 Main St.', addressLocality: 'Kazan', addressRegion: 'Tatarstan', postalCode: '420000', addressCountry: 'RU' } },
			jobLocationType: 'TELECOMMUTE',
			applicantLocationRequirements: [{ name: 'RU' }, { name: 'KZ' }],
			employmentType: ['PART_TIME', 'TEMPORARY'],
			baseSalary: { value: { value: 50000, minValue: 50000, maxValue: 50000 } },
			directApply: true,
			experienceRequirements: 'no requirements',
		});
		expect(data.description).toBe('<p>Half &lt;b&gt;here&lt;/b&gt;,</p><p>half at home.</p>');
	});
});

describe('feeds', () => {
	const options = { site: 'https://handbook.example.com/', today: TODAY };

	it('list published roles only, with absolute URLs and their open openings', () => {
		const feed = rolesFeed(rolebook, 'ru', options);
		expect(feed).toMatchObject({ version: 1, kind: 'roles', locale: 'ru', asOf: TODAY, home: 'https://handbook.example.com/ru/', company: { name: 'ООО «Пример»', website: 'https://example.com' } });
		expect(feed.items.map((item) => item.id)).toEqual(['sales-lead']);
		expect(feed.items[0]).toMatchObject({
			url: 'https://handbook.example.com/ru/roles/sales-lead/',
			pdf: 'https://handbook.example.com/ru/roles/sales-lead.pdf',
			language: 'ru',
			translated: true,
			title: 'Руководитель продаж',
			reportsTo: { id: 'director', title: 'Директор' },
			openings: ['https://handbook.example.com/ru/openings/hybrid/', 'https://handbook.example.com/ru/openings/sales-lead-moscow/'],
		});
	});

	it('list open openings advertised in the locale: not closed ones, not other languages', () => {
		expect(openingsFeed(rolebook, 'en', options).items.map((item) => item.id)).toEqual(['hybrid', 'sales-lead-moscow']);
		expect(openingsFeed(rolebook, 'ru', options).items.map((item) => item.id)).toEqual(['sales-lead-moscow']);
		expect(openingsFeed(rolebook, 'de', options).items).toEqual([]);
		const [item] = openingsFeed(rolebook, 'ru', options).items;
		expect(item).toMatchObject({
			reference: 'VAC-1',
			title: 'Руководитель продаж',
			description: 'Ищем руководителя продаж в московский офис.\n\nВы будете руководить командой из пяти менеджеров.',
			location: { type: 'onsite', address: { city: 'Москва', country: 'RU' }, applicantCountries: [] },
			salary: { byAgreement: false, min: 45000, max: 90000, currency: 'RUB', period: 'month' },
			apply: { url: 'https://jobs.example.com/apply/sales-lead', email: 'hr@example.com', direct: false },
		});
		expect(item!.salaryText.replace(/\s/g, ' ')).toBe('45 000–90 000 ₽ в месяц');
	});

	it('never carry drafts or internal notes, even when the model has them', () => {
		const withDraft = load([
			{ file: 'content/openings/sales-lead-moscow.yaml', replace: ['reference: VAC-1', 'reference: VAC-1\ninternal: { budget: SECRETBUDGET }'] },
			{ file: 'content/openings/draft.yaml', write: 'role: sales-rep\nlocales: [en]\ndescription: { en: Soon. }\nemploymentType: full-time\nlocation: { type: remote, applicantCountries: [RU] }\nsalary: by-agreement\ndatePosted: 2026-05-01\nvalidThrough: 2026-12-31\napply: { email: hr@example.com }\ndraft: true\n' },
		]);
		const text = JSON.stringify([rolesFeed(withDraft, 'en', options), openingsFeed(withDraft, 'en', options)]);
		expect(text).not.toContain('SECRETBUDGET');
		expect(text).not.toContain('sales-rep');
		expect(text).not.toContain('"draft"');
	});
});
