/**
 * Openings in the content model: the schema's shorthands and rules, open/closed by date,
 * texts per language with fallback, "today" from ROLEBOOK_TODAY, and the shipped examples.
 */
import { describe, expect, it } from 'vitest';
import { isOpen, loadRolebook, localizeOpening, openOpenings, publishedOpenings, today } from '../../src/model/index.ts';
import { openingSchema } from '../../src/model/schema/index.ts';
import { makeFixture } from '../helpers/fixture.ts';

const minimal = {
	role: 'sales-lead',
	locales: ['en'],
	description: { en: 'A vacancy.' },
	employmentType: 'full-time',
	location: { address: { city: { en: 'Moscow' }, country: 'RU' } },
	salary: 'by-agreement',
	datePosted: '2026-05-01',
	validThrough: '2026-05-31',
	apply: { email: 'hr@example.com' },
};

function issues(input: unknown): string[] {
	const result = openingSchema.safeParse(input);
	return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('opening schema', () => {
	it('accepts the shorthands and fills the defaults', () => {
		const data = openingSchema.parse(minimal);
		expect(data.employmentType).toEqual(['full-time']);
		expect(data.location).toMatchObject({ type: 'onsite', applicantCountries: [] });
		expect(data.salary).toBe('by-agreement');
		expect(data.requirements).toEqual([]);
		expect(data).toMatchObject({ draft: false, apply: { direct: false } });
	});

	it('takes YAML dates as well as quoted ones', () => {
		const data = openingSchema.parse({ ...minimal, datePosted: new Date('2026-05-01T00:00:00Z') });
		expect(data.datePosted).toBe('2026-05-01');
	});

	it('defaults the salary period to a month and accepts an open-ended range', () => {
		expect(openingSchema.parse({ ...minimal, salary: { min: 80000, currency: 'RUB' } }).salary).toEqual({ min: 80000, currency: 'RUB', period: 'month' });
		expect(issues({ ...minimal, salary: { max: 40000, currency: 'RUB', period: 'year' } })).toEqual([]);
	});

	it.each([
		[{ salary: { currency: 'RUB' } }, 'salary.min: a salary range needs "min", "max" or both'],
		[{ salary: { min: 2, max: 1, currency: 'RUB' } }, 'salary.max: must not be less than min (2)'],
		[{ salary: { min: 1, currency: 'XYZ' } }, 'salary.currency: must be an ISO 4217 currency code'],
		[{ salary: { min: -5, currency: 'RUB' } }, 'salary.min: must be a positive amount'],
		[{ validThrough: '2026-05-01' }, 'validThrough: must be after datePosted (2026-05-01)'],
		[{ apply: {} }, 'apply: says how to apply'],
		[{ apply: { email: 'hr@example.com', direct: true } }, 'apply.direct: direct application needs the form\'s "url"'],
		[{ apply: { url: 'careers page' } }, 'apply.url: must be a full URL'],
		[{ location: { type: 'remote' } }, 'location.applicantCountries: a remote or hybrid opening needs the countries'],
		[{ location: { type: 'hybrid', applicantCountries: ['RU'] } }, 'location.address: a hybrid opening needs the workplace address'],
		[{ location: { address: { city: { en: 'Moscow' }, country: 'Russia' } } }, 'location.address.country: must be an ISO 3166 country code'],
		[{ employmentType: 'full-time-ish' }, 'employmentType'],
		[{ locales: ['en', 'en'] }, 'locales.1: is listed twice'],
	])('rejects %j', (change, message) => {
		expect(issues({ ...minimal, ...change }).join('\n')).toContain(message);
	});
});

describe('open and closed', () => {
	const opening = { validThrough: '2026-10-31' } as Parameters<typeof isOpen>[0];
	it('is open through its validThrough date and closed from the next day', () => {
		expect(isOpen(opening, '2026-10-30')).toBe(true);
		expect(isOpen(opening, '2026-10-31')).toBe(true);
		expect(isOpen(opening, '2026-11-01')).toBe(false);
	});

	it('takes today from ROLEBOOK_TODAY when set, and rejects a malformed one', () => {
		expect(today({ ROLEBOOK_TODAY: '2026-02-03' })).toBe('2026-02-03');
		expect(today({})).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(() => today({ ROLEBOOK_TODAY: '2026-02-30' })).toThrow('YYYY-MM-DD');
		expect(() => today({ ROLEBOOK_TODAY: '3.2.2026' })).toThrow('found: "3.2.2026"');
	});

	it('reports a malformed ROLEBOOK_TODAY as a problem, not a crash', () => {
		const saved = process.env.ROLEBOOK_TODAY;
		process.env.ROLEBOOK_TODAY = 'tomorrow';
		try {
			const { rolebook, problems } = loadRolebook();
			expect(rolebook).toBeUndefined();
			expect(problems[0]).toMatchObject({ severity: 'error', file: 'ROLEBOOK_TODAY (environment variable)' });
		} finally {
			if (saved === undefined) delete process.env.ROLEBOOK_TODAY;
			else process.env.ROLEBOOK_TODAY = saved;
		}
	});
});

describe('the base fixture', () => {
	const fixture = makeFixture([
		{ file: 'content/openings/draft.yaml', write: 'role: sales-rep\nlocales: [en]\ndescription: { en: Soon. }\nemploymentType: part-time\nlocation: { type: remote, applicantCountries: [RU] }\nsalary: by-agreement\ndatePosted: 2026-05-01\nvalidThrough: 2026-12-31\napply: { email: hr@example.com }\ndraft: true\ninternal: { budget: 1 }\n' },
	]);
	const { rolebook, problems } = loadRolebook({ root: fixture.root, contentDir: fixture.contentDir, stringsDir: fixture.stringsDir, today: '2026-06-01' });
	fixture.cleanup();

	it('allows a draft opening for a draft role and drops internal notes', () => {
		expect(problems).toEqual([]);
		const draft = rolebook!.openings.find((opening) => opening.id === 'draft')!;
		expect(draft.draft).toBe(true);
		expect(JSON.stringify(draft)).not.toContain('budget');
	});

	it('publishes non-drafts, lists only open ones', () => {
		expect(publishedOpenings(rolebook!, { preview: false }).map((o) => o.id)).toEqual(['sales-lead-moscow', 'sales-lead-remote']);
		expect(publishedOpenings(rolebook!, { preview: true }).map((o) => o.id)).toEqual(['draft', 'sales-lead-moscow', 'sales-lead-remote']);
		expect(openOpenings(rolebook!, { preview: false, today: '2026-06-01' }).map((o) => o.id)).toEqual(['sales-lead-moscow']);
	});

	it('gives the texts in the page language, or the default language where the opening is not advertised', () => {
		const moscow = rolebook!.openings.find((opening) => opening.id === 'sales-lead-moscow')!;
		const ru = localizeOpening(rolebook!, moscow, 'ru', { preview: false });
		expect(ru).toMatchObject({ textLocale: 'ru', fallback: false, title: 'Руководитель продаж', place: { city: 'Москва' } });
		expect(ru.paragraphs).toEqual(['Ищем руководителя продаж в московский офис.', 'Вы будете руководить командой из пяти менеджеров.']);
		expect(ru.requirements[0]).toBe('Опыт продаж B2B не менее 3 лет.');
		const de = localizeOpening(rolebook!, moscow, 'de', { preview: false });
		expect(de).toMatchObject({ textLocale: 'en', fallback: true, title: 'Sales lead', place: { city: 'Moscow' }, departmentName: 'Sales' });
		const remote = localizeOpening(rolebook!, rolebook!.openings.find((opening) => opening.id === 'sales-lead-remote')!, 'en', { preview: false });
		expect(remote.title).toBe('Remote sales lead');
		expect(remote.place).toBeUndefined();
	});
});

describe('shipped openings', () => {
	const { rolebook } = loadRolebook({ today: '2026-11-25' });
	const openings = rolebook!.openings;

	it('ship four to six examples for the shipped roles: remote, closed and by agreement among them', () => {
		expect(openings.length).toBeGreaterThanOrEqual(4);
		expect(openings.length).toBeLessThanOrEqual(6);
		const roleIds = rolebook!.roles.map((role) => role.id);
		for (const opening of openings) {
			expect(roleIds).toContain(opening.role);
			expect(opening.locales.slice(0, 2)).toEqual(['en', 'ru']);
		}
		expect(openings.some((opening) => opening.location.type === 'remote')).toBe(true);
		expect(openings.some((opening) => !isOpen(opening, '2026-11-25'))).toBe(true);
		expect(openings.some((opening) => opening.salary.kind === 'by-agreement')).toBe(true);
		expect(openings.filter((opening) => opening.salary.kind === 'range').every((opening) => opening.salary.kind === 'range' && opening.salary.currency === 'RUB' && opening.salary.period === 'month')).toBe(true);
		expect(openings.some((opening) => opening.locales.includes('de'))).toBe(true);
	});
});
