/**
 * Each file in tests/fixtures/bad/ breaks the valid base fixture in one way and names the
 * problem HR must see: the file, the field path and a phrase of the message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixture, PROJECT_ROOT, type Edit } from '../helpers/fixture.ts';

interface BadCase {
	description: string;
	edits: Edit[];
	expect: { file: string; path?: string; message: string; severity: 'error' | 'warning'; line?: number }[];
}

const dir = join(PROJECT_ROOT, 'tests/fixtures/bad');
const cases = readdirSync(dir)
	.filter((name) => name.endsWith('.json'))
	.map((name) => ({ name: name.replace(/\.json$/, ''), ...(JSON.parse(readFileSync(join(dir, name), 'utf8')) as BadCase) }));

const load = (edits: Edit[]) => loadFixture(edits);

describe('the valid base fixture', () => {
	it('loads with no problems at all', () => {
		const { rolebook, problems } = load([]);
		expect(problems).toEqual([]);
		expect(rolebook?.roles.map((role) => role.id)).toEqual(['sales-lead', 'sales-rep']);
	});
});

describe('bad content', () => {
	it('has at least 25 cases', () => {
		expect(cases.length).toBeGreaterThanOrEqual(25);
	});

	it.each(cases)('$name: $description', ({ edits, expect: expected }) => {
		const { rolebook, problems } = load(edits);
		for (const want of expected) {
			const match = problems.find(
				(problem) =>
					problem.file === want.file &&
					problem.path === want.path &&
					problem.severity === want.severity &&
					problem.message.includes(want.message) &&
					(want.line === undefined || problem.line === want.line),
			);
			expect(match, `expected ${want.severity} at ${want.file} ${want.path ?? ''} "${want.message}", got:\n${JSON.stringify(problems, null, 2)}`).toBeDefined();
		}
		if (expected.some((want) => want.severity === 'error')) expect(rolebook).toBeUndefined();
		else expect(rolebook).toBeDefined();
	});
});

describe('several problems at once', () => {
	it('reports every problem of every file in one run', () => {
		const { problems } = load([
			{ file: 'content/roles/sales-lead/role.yaml', replace: ['reportsTo: director', 'reportsTo: nobody'] },
			{ file: 'content/roles/sales-rep/role.yaml', replace: ['category: specialist', 'category: intern'] },
			{ file: 'content/handbook/en/welcome.mdx', replace: ['roles: [sales-rep]', 'roles: [ghost]'] },
		]);
		expect(problems.map((problem) => `${problem.file} ${problem.path}`)).toEqual(
			expect.arrayContaining([
				'content/roles/sales-lead/role.yaml reportsTo',
				'content/roles/sales-rep/role.yaml category',
				'content/handbook/en/welcome.mdx roles[0]',
			]),
		);
	});

	it('gives the line of the offending field', () => {
		const { problems } = load([{ file: 'content/roles/sales-lead/role.yaml', replace: ['approvedBy: boss', 'approvedBy: nobody'] }]);
		expect(problems[0]).toMatchObject({ path: 'document.approvedBy', line: 16, found: 'nobody' });
	});
});
