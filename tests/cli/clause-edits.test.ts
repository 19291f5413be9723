/**
 * HR changes a shared clause of the library, as they would at the command line: `rolebook
 * approve` records the clause wordings a version is approved with; after an edit in place,
 * `rolebook check` names the approved role, the clause and the command; `rolebook version`
 * will not freeze words nobody signed; once the change is a dated wording, the new version
 * takes it and the warnings are gone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFixture, PROJECT_ROOT } from '../helpers/fixture.ts';

const ROLE_FACTS = 'roles/sales-lead/role.yaml';
const CLAUSE = 'clauses/labour-law.yaml';
const RECORD = 'labour-law: {en: "849c9cbc", ru: "1ba3b7e8"}';

// sales-lead version 2 approved by hand, before wordings were recorded.
const tree = makeFixture([
	{
		file: `content/${ROLE_FACTS}`,
		replace: [`  # Written by "rolebook approve": the clause wordings this version was approved with, per language. Not edited by hand.\n  clauseFingerprints:\n    ${RECORD}\n`, ''],
	},
]);
afterAll(() => tree.cleanup());

function rolebook(...args: string[]) {
	const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin/rolebook.js'), ...args, '--content', tree.contentDir], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, ROLEBOOK_TODAY: '2026-06-01' } });
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const content = (file: string) => join(tree.contentDir, file);
const read = (file: string) => readFileSync(content(file), 'utf8');

describe('a clause of the library changed by HR', () => {
	it('an approved version without a record: check names the command that records it, and "rolebook approve" records it', () => {
		const before = rolebook('check');
		expect(before.code).toBe(0);
		expect(before.stderr).toMatch(/warning: \S*content\/roles\/sales-lead\/role\.yaml:\d+: document\.clauseFingerprints: version 2 is approved, but the clause wordings it was approved with are not recorded \(labour-law in en, ru\).*"npx rolebook approve sales-lead"/);

		const approved = rolebook('approve', 'sales-lead');
		expect(approved.code, approved.stderr).toBe(0);
		expect(approved.stdout).toContain('the clause wordings version 2 shows: labour-law (en, ru)');
		expect(read(ROLE_FACTS)).toContain(`  clauseFingerprints:\n    ${RECORD}\n`);
		const after = rolebook('check');
		expect(after.code).toBe(0);
		expect(after.stderr).toBe('');
	});

	it('edited in place: check warns at the role\'s clause line, naming the clause, the language and the command that starts a new version', () => {
		writeFileSync(content(CLAUSE), read(CLAUSE).replace('en: Within the limits', 'en: Strictly within the limits'));
		const { code, stdout, stderr } = rolebook('check');
		expect(code).toBe(0);
		expect(stdout).toContain('Content is valid');
		expect(stderr).toMatch(
			/warning: \S*content\/roles\/sales-lead\/en\.mdx:23: sections\[3\]\.items\[0\]\.clause: the clause "labour-law" no longer reads as version 2 was approved with it \(en; content\/clauses\/labour-law\.yaml\): it was edited in place.*start a new version with "npx rolebook version sales-lead"/,
		);

		expect(rolebook('where-used', 'labour-law').stdout).toMatch(/sales-lead \(approved, version 2\)\s+en 4\.1 · ru 4\.1\s+← edited in place since version 2 was approved \(en\)/);
		const signOffs = rolebook('status', '--sign-offs').stdout;
		expect(signOffs).toContain('clause "labour-law" was edited in place after version 2 was approved (en)');
		expect(signOffs).toMatch(/Ann Lee\s+must sign again \(clause changed\)/);
	});

	it('"rolebook version" will not freeze a version that shows words its holders did not sign', () => {
		const { code, stderr } = rolebook('version', 'sales-lead');
		expect(code).toBe(1);
		expect(stderr).toMatch(/"labour-law" \(en; \S*content\/clauses\/labour-law\.yaml\) was edited in place/);
		expect(stderr).toContain('back under "previous:"');
		expect(existsSync(content('roles/sales-lead/versions/2'))).toBe(false);
	});

	it('as a dated wording, the approved version shows what was signed again; after "rolebook version" every clause warning is gone', () => {
		const edited = read(CLAUSE);
		writeFileSync(
			content(CLAUSE),
			edited.replace('text:\n', 'since: 2026-05-01\ntext:\n') +
				'previous:\n  - text:\n      en: Within the limits set by the labour law of {jurisdiction}.\n      ru: В пределах, установленных трудовым законодательством {jurisdiction}.\n',
		);
		const dated = rolebook('check');
		expect(dated.stderr).not.toContain('edited in place');
		expect(dated.stderr).toContain('the clause "labour-law" has a new wording since 2026-05-01');

		const versioned = rolebook('version', 'sales-lead', '--summary', 'Labour-law clause reworded');
		expect(versioned.code, versioned.stderr).toBe(0);
		expect(read('roles/sales-lead/versions/2/role.yaml')).toContain(RECORD);
		expect(read(ROLE_FACTS)).not.toContain('clauseFingerprints');
		const after = rolebook('check');
		expect(after.code).toBe(0);
		expect(after.stderr).not.toContain('labour-law');
	});

	it('"rolebook approve" approves the new version and records the new wording it shows', () => {
		const { code, stdout, stderr } = rolebook('approve', 'sales-lead', '--effective', '2026-06-01');
		expect(code, stderr).toBe(0);
		expect(stdout).toContain('document.status approved, effective 2026-06-01, approvedBy boss; the clause wordings it is approved with: labour-law (en, ru)');
		expect(read(ROLE_FACTS)).toMatch(/version: 3\n\s+status: approved\n/);
		expect(read(ROLE_FACTS)).toContain('labour-law: {en: "7ef9640a", ru: "1ba3b7e8"}');
		const after = rolebook('check');
		expect(after.code).toBe(0);
		expect(after.stderr).not.toContain('labour-law');
		expect(rolebook('status', '--sign-offs').stdout).toMatch(/Ann Lee\s+must sign again\s+last signed: version 2/);
	});
});
