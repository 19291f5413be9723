/**
 * Messages teach: a schema problem names the field and says what is allowed — the values of an
 * enum, the sub-field of a union that is wrong, "is required" for what is missing or blank —
 * and every URL that can reach a page, JSON-LD or a feed passes the one URL rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { loadRolebook } from '../../src/model/index.ts';
import { formatProblem, type Problem } from '../../src/model/problems.ts';
import { schemaProblems } from '../../src/model/schema-problems.ts';
import { companySchema, openingSchema, WEB_URL_EXPECTED, webUrlProblem } from '../../src/model/schema/index.ts';
import { makeFixture, PROJECT_ROOT, type Edit } from '../helpers/fixture.ts';

function problemsOf(schema: z.ZodType, data: unknown): Problem[] {
	const result = schema.safeParse(data);
	if (result.success) return [];
	return schemaProblems({ file: 'x.yaml', absolute: '/x.yaml', data, body: '', lineOf: () => undefined }, schema, result.error);
}

const minimalOpening = {
	role: 'sales-lead',
	locales: ['en'],
	description: { en: 'A job.' },
	employmentType: 'full-time',
	location: { address: { city: { en: 'Moscow' }, country: 'RU' } },
	salary: { min: 1000, currency: 'RUB' },
	datePosted: '2026-05-01',
	validThrough: '2026-06-01',
	apply: { url: 'https://jobs.example.com/apply' },
};

const minimalCompany = {
	name: { en: 'Example LLC' },
	jurisdiction: { country: 'RU', phrase: { en: 'Russia' } },
	locales: { default: 'en', configured: ['en'] },
	site: { url: 'https://handbook.example.com' },
	departments: [{ id: 'sales', name: { en: 'Sales' } }],
};

describe('zod wording never reaches HR', () => {
	const dir = join(PROJECT_ROOT, 'tests/fixtures/bad');
	const cases = readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.map((name) => ({ name, edits: (JSON.parse(readFileSync(join(dir, name), 'utf8')) as { edits: Edit[] }).edits }));

	it.each(cases)('$name', ({ edits }) => {
		const fixture = makeFixture(edits);
		try {
			const { problems } = loadRolebook({ root: fixture.root, contentDir: fixture.contentDir, stringsDir: fixture.stringsDir, today: '2026-06-01' });
			const generic = problems.filter((problem) => /Invalid (input|option|key|element|string)|Too (small|big)|expected \w+, received|Unrecognized key/.test(problem.message));
			expect(generic.map(formatProblem)).toEqual([]);
		} finally {
			fixture.cleanup();
		}
	});
});

describe('unions report the option the value was meant for', () => {
	it.each([
		[{ salary: { min: 1, currency: 'RUB', period: 'fortnight' } }, 'salary.period', 'must be one of "hour", "day", "week", "month", "year"'],
		[{ salary: { min: 1, currency: 'Rub' } }, 'salary.currency', 'must be an ISO 4217 currency code'],
		[{ salary: { min: 'a lot', currency: 'RUB' } }, 'salary.min', 'must be a number'],
		[{ salary: { min: 1, currency: 'RUB', amount: 3 } }, 'salary.amount', 'is not a known field. Known fields here: min, max, currency, period'],
		[{ salary: 'negotiable' }, 'salary', 'must be "by-agreement" or a range'],
		[{ salary: 50000 }, 'salary', 'must be "by-agreement" or a range'],
		[{ employmentType: 'fulltime' }, 'employmentType', 'must be one kind of employment or a list of them: "full-time", "part-time"'],
		[{ employmentType: ['part-time', 'gig'] }, 'employmentType[1]', 'must be one of "full-time", "part-time"'],
		[{ employmentType: { kind: 'full-time' } }, 'employmentType', 'must be one kind of employment or a list of them: "full-time"'],
		[{ datePosted: 20260501 }, 'datePosted', 'must be a date written YYYY-MM-DD'],
		[{ datePosted: '2026-02-30' }, 'datePosted', 'is not a valid date'],
	])('%j → %s', (change, path, message) => {
		const problems = problemsOf(openingSchema, { ...minimalOpening, ...change });
		expect(problems.map(formatProblem)).toEqual([expect.stringContaining(`${path}: ${message}`)]);
		expect(problems[0]!.path).toBe(path);
	});
});

describe('missing, null and blank', () => {
	it.each([
		[{ description: undefined }, 'description: is required'],
		[{ description: null }, 'description: is required'],
		[{ description: { en: '   ' } }, 'description.en: is required'],
		[{ salary: undefined }, 'salary: is required'],
		[{ salary: null }, 'salary: is required'],
		[{ apply: null }, 'apply: is required'],
		[{ role: '' }, 'role: is required'],
		[{ reference: '  ' }, 'reference: is empty: write a value or leave the field out'],
		[{ requirements: [{ en: 'ok' }, null] }, 'requirements[1]: is empty: write it or remove the entry from the list'],
	])('%j → %s', (change, message) => {
		const problems = problemsOf(openingSchema, { ...minimalOpening, ...change });
		expect(problems.map(formatProblem)).toEqual([expect.stringContaining(message)]);
		expect(problems[0]!.found).toBeUndefined();
	});
});

describe('the one URL rule', () => {
	it.each([
		'https://jobs.example.com/apply/1',
		'http://intranet.example.com/',
		'HTTPS://Example.com/Path?q=1#part',
		'https://git.example.com/acme/handbook/-/edit/main/{path}',
		'https://user@example.com:8443/x',
	])('accepts %s', (value) => {
		expect(webUrlProblem(value)).toBeUndefined();
	});

	it.each([
		['javascript:alert(1)', 'the scheme "javascript:" is not allowed'],
		['JaVaScRiPt:alert(1)', 'the scheme "javascript:" is not allowed'],
		['java\tscript:alert(1)', 'the scheme "javascript:" is not allowed'],
		['java\nscript:alert(1)', 'the scheme "javascript:" is not allowed'],
		['\u0000javascript:alert(1)', 'the scheme "javascript:" is not allowed'],
		['\u200bjavascript:alert(1)', 'the scheme "javascript:" is not allowed'],
		['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'the scheme "data:" is not allowed'],
		['vbscript:msgbox(1)', 'the scheme "vbscript:" is not allowed'],
		['file:///etc/passwd', 'the scheme "file:" is not allowed'],
		['mailto:hr@example.com', 'the scheme "mailto:" is not allowed'],
		['//evil.example/x', 'it starts with "//" and has no scheme'],
		['\\\\evil.example\\x', 'it starts with "//" and has no scheme'],
		['evil.example/x', 'it has no scheme'],
		['https:evil.example', 'it is not a complete address with a host name'],
		['https:///path', 'it is not a complete address with a host name'],
		['https://example.com/a b', 'it contains a space'],
		['https://example.com/"onmouseover="alert(1)', 'it contains a character a web address cannot have'],
		['https://example.com/<script>', 'it contains a character a web address cannot have'],
	])('refuses %j', (value, reason) => {
		expect(webUrlProblem(value)).toContain(reason);
	});

	const hostile = ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///x', '//evil.example/x'];
	const fields: [string, (value: string) => [z.ZodType, unknown]][] = [
		['apply.url', (value) => [openingSchema, { ...minimalOpening, apply: { url: value } }]],
		['site.url', (value) => [companySchema, { ...minimalCompany, site: { url: value } }]],
		['site.editUrl', (value) => [companySchema, { ...minimalCompany, site: { url: 'https://h.example.com', editUrl: `${value}{path}` } }]],
		['website', (value) => [companySchema, { ...minimalCompany, website: value }]],
		['logo', (value) => [companySchema, { ...minimalCompany, logo: value }]],
	];
	const matrix = fields.flatMap(([field, make]) => hostile.map((value) => [field, value, make] as const));

	it.each(matrix)('%s refuses %j, naming the field and the allowed schemes', (field, value, make) => {
		const [schema, data] = make(value);
		const problems = problemsOf(schema, data);
		expect(problems).toHaveLength(1);
		expect(problems[0]!.path).toBe(field);
		expect(problems[0]!.message).toContain('https:// or http://');
		if (field !== 'logo') expect(problems[0]!.message).toContain(WEB_URL_EXPECTED);
	});

	it('keeps a good URL as written, with the scheme in lower case', () => {
		const company = companySchema.parse({ ...minimalCompany, website: ' HTTPS://Example.com/A ', site: { url: 'https://h.example.com', editUrl: 'https://git.example.com/{path}' }, logo: 'images/logo.png' });
		expect(company.website).toBe('https://Example.com/A');
		expect(company.site.editUrl).toBe('https://git.example.com/{path}');
		expect(company.logo).toBe('images/logo.png');
	});

	it('takes apply.email only as a plain address', () => {
		for (const email of ['mailto:hr@example.com', 'HR <hr@example.com>', 'hr@example.com?subject=x', 'javascript:alert(1)//@example.com']) {
			expect(problemsOf(openingSchema, { ...minimalOpening, apply: { email } }).map(formatProblem)).toEqual([expect.stringContaining('apply.email: must be a plain e-mail address')]);
		}
		expect(problemsOf(openingSchema, { ...minimalOpening, apply: { email: 'hr@example.com' } })).toEqual([]);
	});
});
