/**
 * The `rolebook` command as HR and CI run it: real processes, real exit codes, real output.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFixture, PROJECT_ROOT, type Edit, type FixtureTree } from '../helpers/fixture.ts';

function rolebook(...args: string[]) {
	const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin/rolebook.js'), ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const fixtures: FixtureTree[] = [];
function fixture(...edits: Edit[]) {
	const tree = makeFixture(edits);
	fixtures.push(tree);
	return tree;
}
afterAll(() => fixtures.forEach((tree) => tree.cleanup()));

describe('rolebook check', () => {
	it('passes on the shipped content', () => {
		const { code, stdout } = rolebook('check');
		expect(code).toBe(0);
		expect(stdout).toContain('Content is valid: 3 roles');
	});

	it('reports every problem as "file:line: field.path: message (found: …)", exits 1, no stack trace', () => {
		const tree = fixture(
			{ file: 'content/roles/sales-lead/role.yaml', replace: ['approvedBy: boss', 'approvedBy: nobody'] },
			{ file: 'content/roles/sales-rep/en.mdx', replace: ['{ measure: calls, min: 30, per: day }', '{ measure: calls, min: 30, per: fortnight }'] },
		);
		const { code, stderr } = rolebook('check', '--content', tree.contentDir);
		expect(code).toBe(1);
		expect(stderr).toMatch(/error: \S*content\/roles\/sales-lead\/role\.yaml:16: document\.approvedBy: is not a signatory of content\/company\.yaml\. .*\(found: "nobody"\)/);
		expect(stderr).toMatch(/error: \S*content\/roles\/sales-rep\/en\.mdx:\d+: sections\[1\]\.items\[0\]\.target\.per: must be one of "day", "week", "month", "quarter", "year"/);
		expect(stderr).toContain('2 errors');
		expect(stderr).not.toMatch(/^\s+at /m);
	});

	it('rejects an unknown command with help', () => {
		const { code, stderr } = rolebook('chek');
		expect(code).not.toBe(0);
		expect(stderr).toMatch(/unknown command 'chek'/);
		expect(stderr).toMatch(/Did you mean check\?/);
	});
});

describe('rolebook build', () => {
	const out = mkdtempSync(join(tmpdir(), 'rolebook-out-'));
	afterAll(() => rmSync(out, { recursive: true, force: true }));

	function lastGoodOutput() {
		mkdirSync(out, { recursive: true });
		writeFileSync(join(out, 'last-good.txt'), 'still here');
	}

	it('keeps the last good output when the content is invalid', () => {
		lastGoodOutput();
		const tree = fixture({ file: 'content/roles/sales-lead/role.yaml', replace: ['department: sales', 'department: nowhere'] });
		const { code, stderr } = rolebook('build', '--content', tree.contentDir, '--out', out);
		expect(code).toBe(1);
		expect(stderr).toContain('department: is not a department');
		expect(stderr).toContain('last good output is unchanged');
		expect(readFileSync(join(out, 'last-good.txt'), 'utf8')).toBe('still here');
	});

	it('keeps the last good output when the site build itself fails', () => {
		lastGoodOutput();
		const tree = fixture({ file: 'content/roles/sales-lead/en.mdx', replace: ['The sales lead keeps the team on track.', 'The sales lead keeps <the team on track.'] });
		const { code } = rolebook('build', '--content', tree.contentDir, '--out', out);
		expect(code).toBe(1);
		expect(readFileSync(join(out, 'last-good.txt'), 'utf8')).toBe('still here');
	});

	it('replaces the output with the new site when everything succeeds', () => {
		lastGoodOutput();
		const tree = fixture();
		const { code, stdout } = rolebook('build', '--content', tree.contentDir, '--out', out);
		expect(code).toBe(0);
		expect(stdout).toContain('Site built');
		expect(() => readFileSync(join(out, 'last-good.txt'))).toThrow();
		expect(readFileSync(join(out, 'en/roles/sales-lead/index.html'), 'utf8')).toContain('Sales lead');
	});
});

// In this file rather than tests/pdf: Astro builds of different content in one project must not run at the same time.
describe('rolebook build: PDF job descriptions', () => {
	const out = mkdtempSync(join(tmpdir(), 'rolebook-build-pdf-'));
	afterAll(() => rmSync(out, { recursive: true, force: true }));
	const build = (contentDir: string) => rolebook('build', '--content', contentDir, '--out', out);

	it('writes /{locale}/roles/{id}.pdf for every published role and configured locale, each version and former id, and none for drafts', () => {
		const { code, stdout, stderr } = build(fixture().contentDir);
		expect(code, stderr).toBe(0);
		// 6 locales × (the role + its former id) × (current + versions 1 and 2)
		expect(stdout).toMatch(/✓ 36 PDF job descriptions/);
		for (const locale of ['en', 'ru', 'de', 'nb', 'sv', 'tr']) {
			for (const file of ['sales-lead.pdf', 'sales-lead/v1.pdf', 'sales-lead/v2.pdf', 'team-lead.pdf', 'team-lead/v1.pdf']) {
				expect(readFileSync(join(out, locale, 'roles', file)).subarray(0, 5).toString(), `${locale} ${file}`).toBe('%PDF-');
			}
			expect(() => readFileSync(join(out, locale, 'roles', 'sales-rep.pdf')), `draft sales-rep in ${locale}`).toThrow();
		}
	});

	it('a second build reuses the unchanged PDFs from the content-hash cache, byte for byte', () => {
		const before = readFileSync(join(out, 'ru', 'roles', 'sales-lead.pdf'));
		const { code, stdout } = build(fixture().contentDir);
		expect(code).toBe(0);
		expect(stdout).toContain('0 rendered');
		expect(Buffer.compare(readFileSync(join(out, 'ru', 'roles', 'sales-lead.pdf')), before)).toBe(0);
	});

	it('a PDF that cannot be made stops the build and leaves the last good output', () => {
		writeFileSync(join(out, 'last-good.txt'), 'still here');
		const broken = fixture({ file: 'content/roles/sales-lead/ru.mdx', replace: ['Планирует продажи.', 'Планирует продажи 漢.'] });
		const { code, stderr } = build(broken.contentDir);
		expect(code).toBe(1);
		expect(stderr).toMatch(/content\/roles\/sales-lead\/ru\.mdx:\d+: sections\[1\]\.items\[0\]\.text/);
		expect(stderr).toContain('U+6F22');
		expect(stderr).toContain('last good output');
		expect(readFileSync(join(out, 'last-good.txt'), 'utf8')).toBe('still here');
	});
});
