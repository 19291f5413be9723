/**
 * One mistake, one problem: a file that failed its own checks must not make every file that
 * refers to it report a follow-on problem too.
 */
import { describe, expect, it } from 'vitest';
import { loadRolebook } from '../../src/model/index.ts';
import { makeFixture, type Edit } from '../helpers/fixture.ts';

function problemsOf(edits: Edit[]) {
	const fixture = makeFixture(edits);
	try {
		return loadRolebook({ root: fixture.root, contentDir: fixture.contentDir, stringsDir: fixture.stringsDir, today: '2026-06-01' }).problems;
	} finally {
		fixture.cleanup();
	}
}

describe('no cascades', () => {
	it('one broken field in company.yaml is one problem, not "unknown role or position" for every role', () => {
		const problems = problemsOf([{ file: 'content/company.yaml', replace: ['  country: RU', '  country: Russia'] }]);
		expect(problems.filter((problem) => problem.severity === 'error')).toEqual([
			expect.objectContaining({ file: 'content/company.yaml', path: 'jurisdiction.country' }),
		]);
	});

	it('an invalid UI-strings file is reported as invalid, not also as missing', () => {
		const problems = problemsOf([{ file: 'strings/ru.json', write: '{ "site.title": "Справочник", }' }]);
		const about = problems.filter((problem) => problem.file === 'strings/ru.json');
		expect(about).toHaveLength(1);
		expect(about[0]!.message).toContain('is not valid JSON');
	});

	it('a broken English chapter does not make its translation "translate a chapter that does not exist"', () => {
		const problems = problemsOf([{ file: 'content/handbook/en/welcome.mdx', replace: ['order: 1', 'order: first'] }]);
		expect(problems.filter((problem) => problem.severity === 'error')).toEqual([
			expect.objectContaining({ file: 'content/handbook/en/welcome.mdx', path: 'order' }),
		]);
	});

	it('a missing English chapter still makes its translation an error', () => {
		const problems = problemsOf([{ file: 'content/handbook/en/welcome.mdx', remove: true }]);
		expect(problems).toContainEqual(expect.objectContaining({ file: 'content/handbook/ru/welcome.mdx', message: expect.stringContaining('translates a chapter that does not exist') }));
	});

	it('a broken role.yaml is not also reported by the openings and sign-offs that name the role', () => {
		const problems = problemsOf([{ file: 'content/roles/sales-lead/role.yaml', replace: ['category: manager', 'category: boss'] }]);
		expect(problems.filter((problem) => problem.severity === 'error')).toEqual([
			expect.objectContaining({ file: 'content/roles/sales-lead/role.yaml', path: 'category' }),
		]);
	});
});
