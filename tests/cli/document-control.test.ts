/**
 * HR's document-control commands on a copy of the fixture content: scaffold a role, start a
 * new version, report sign-offs and translations.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRolebook, publishedRoles } from '../../src/model/index.ts';
import { makeFixture, PROJECT_ROOT } from '../helpers/fixture.ts';
import { skipWithout } from '../helpers/tools.ts';
import { run } from '../pdf/helpers.ts';

const tree = makeFixture();
afterAll(() => tree.cleanup());

function rolebook(...args: string[]) {
	const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin/rolebook.js'), ...args, '--content', tree.contentDir], { cwd: PROJECT_ROOT, encoding: 'utf8' });
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const load = () => loadRolebook({ root: PROJECT_ROOT, contentDir: tree.contentDir, today: '2026-06-01' });

describe('rolebook status', () => {
	it('lists who signed the version in force, who must sign again and who never signed', () => {
		const { code, stdout } = rolebook('status', '--sign-offs');
		expect(code).toBe(0);
		expect(stdout).toContain('sales-lead — version 2: 1 signed, 1 must sign again, 1 not signed');
		expect(stdout).toMatch(/Bob Stone\s+must sign again\s+last signed: version 1 on 2025-02-01/);
		expect(stdout).toMatch(/Cy Young\s+not signed/);
	});

	it('shows each translation as source, current, outdated or missing', () => {
		const { stdout } = rolebook('status', '--translations');
		expect(stdout).toMatch(/sales-lead v2\s+source\s+current\s+missing/);
	});
});

describe('rolebook pdf --with-holders', () => {
	it.skipIf(skipWithout('pdftotext'))('pre-fills the familiarisation sheet with the holders from the register, in the document language', () => {
		const file = join(tree.root, 'sales-lead-ru.pdf');
		const { code } = rolebook('pdf', 'sales-lead', '--locale', 'ru', '--with-holders', '--out', file);
		expect(code).toBe(0);
		const text = run('pdftotext', ['-layout', file, '-']).stdout;
		expect(text).toMatch(/1\s+Энн Ли/);
		expect(text).toMatch(/2\s+Bob Stone/);
		expect(text).toMatch(/3\s+Cy Young/);
	});
});

describe('rolebook new', () => {
	it('refuses an unknown department with a suggestion', () => {
		const { code, stderr } = rolebook('new', 'logistics-manager', '--department', 'sale');
		expect(code).toBe(1);
		expect(stderr).toContain('Did you mean "sales"?');
	});

	it('scaffolds a draft role that passes the check', () => {
		const { code, stdout } = rolebook('new', 'logistics-manager', '--department', 'sales', '--title', 'Logistics manager', '--locales', 'en,ru');
		expect(code).toBe(0);
		expect(stdout).toContain('logistics-manager/ru.mdx');
		const { rolebook: book, problems } = load();
		expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
		const role = book!.roles.find((candidate) => candidate.id === 'logistics-manager')!;
		expect(role.document.status).toBe('draft');
		expect(Object.keys(role.texts).sort()).toEqual(['en', 'ru']);
		expect(role.texts.en!.title).toBe('Logistics manager');
	});

	it('refuses an id that exists', () => {
		expect(rolebook('new', 'sales-lead', '--department', 'sales').stderr).toContain('already a role or position');
	});
});

describe('rolebook version', () => {
	it('freezes the approved version and starts the next as a draft, while the public keeps the old one', () => {
		const { code, stdout } = rolebook('version', 'sales-lead', '--summary', 'Coaching targets added');
		expect(code).toBe(0);
		expect(stdout).toContain('stays the published version until 3 is approved');
		const frozen = join(tree.contentDir, 'roles/sales-lead/versions/2');
		expect(existsSync(join(frozen, 'en.mdx')) && existsSync(join(frozen, 'ru.mdx'))).toBe(true);
		expect(readFileSync(join(tree.contentDir, 'roles/sales-lead/role.yaml'), 'utf8')).toMatch(/version: 3\n\s+status: draft/);

		const { rolebook: book, problems } = load();
		expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
		expect(problems.map((problem) => problem.message)).toContainEqual(expect.stringContaining('is outdated: it translates version 2'));
		const lead = book!.roles.find((role) => role.id === 'sales-lead')!;
		expect(lead.document).toMatchObject({ version: 3, status: 'draft' });
		expect(lead.history.map((version) => version.document.version)).toEqual([1, 2]);
		const published = publishedRoles(book!, { preview: false }).find((role) => role.id === 'sales-lead')!;
		expect(published.document).toMatchObject({ version: 2, status: 'approved' });
		expect(published.history.map((version) => version.document.version)).toEqual([1]);
	});

	it('refuses to version a draft', () => {
		expect(rolebook('version', 'sales-lead').stderr).toContain('only an approved version can be followed by a new one');
	});
});
