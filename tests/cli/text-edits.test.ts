/**
 * HR edits an approved role's own text, as they would at the command line: `rolebook approve`
 * records the texts a version is approved with; after an edit in place, `rolebook check` names the
 * text file and the language, `rolebook status --sign-offs` has the holders sign again, and
 * `rolebook approve` and `rolebook version` refuse to take the unsigned words; restored, the
 * version is frozen with its record, and the edit goes into the new draft without a warning.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFixture, PROJECT_ROOT } from '../helpers/fixture.ts';

const ROLE_FACTS = 'roles/sales-lead/role.yaml';
const EN = 'roles/sales-lead/en.mdx';
const RECORD = 'textFingerprints: {en: "9d042e21", ru: "032a7cd3"}';
const COMMENT = '  # Written by "rolebook approve": the role texts this version was approved with, per language. Not edited by hand.\n';

// sales-lead version 2 approved before texts were recorded.
const tree = makeFixture([{ file: `content/${ROLE_FACTS}`, replace: [`${COMMENT}  ${RECORD}\n`, ''] }]);
afterAll(() => tree.cleanup());

function rolebook(...args: string[]) {
	const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin/rolebook.js'), ...args, '--content', tree.contentDir], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, ROLEBOOK_TODAY: '2026-06-01' } });
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const content = (file: string) => join(tree.contentDir, file);
const read = (file: string) => readFileSync(content(file), 'utf8');
const approvedText = read(EN);
const edited = approvedText.replace('      - text: Plans sales.', '      - text: Plans and forecasts sales.');

describe('an approved role text changed by HR', () => {
	it('without a record, check is silent; "rolebook approve" records the texts the approved version prints', () => {
		const before = rolebook('check');
		expect(before.code).toBe(0);
		expect(before.stderr).toBe('');

		const approved = rolebook('approve', 'sales-lead');
		expect(approved.code, approved.stderr).toBe(0);
		expect(approved.stdout).toContain('recorded in');
		expect(approved.stdout).toContain('the texts version 2 shows: en, ru');
		expect(read(ROLE_FACTS)).toContain(`${COMMENT}  ${RECORD}\n`);
		// The clause record is kept as it was.
		expect(read(ROLE_FACTS)).toContain('  clauseFingerprints:\n    labour-law: {en: "849c9cbc", ru: "1ba3b7e8"}\n');
		const after = rolebook('check');
		expect(after.code).toBe(0);
		expect(after.stderr).toBe('');
		expect(rolebook('approve', 'sales-lead').stdout).toContain('nothing to record');
	});

	it('edited in place: check warns at the text\'s title line, naming the language and what to do; the holders must sign again', () => {
		writeFileSync(content(EN), edited);
		const { code, stdout, stderr } = rolebook('check');
		expect(code).toBe(0);
		expect(stdout).toContain('Content is valid');
		expect(stderr).toMatch(/warning: \S*content\/roles\/sales-lead\/en\.mdx:2: title: the en text no longer reads as version 2 was approved with it: it was edited in place/);
		expect(stderr).toContain('then make the edit in the new draft');

		const signOffs = rolebook('status', '--sign-offs').stdout;
		expect(signOffs).toContain('the text was edited in place after version 2 was approved (en)');
		expect(signOffs).toMatch(/Ann Lee\s+must sign again \(text changed\)/);
	});

	it('"rolebook approve" does not overwrite the record with the edited text', () => {
		const before = read(ROLE_FACTS);
		const { code, stderr } = rolebook('approve', 'sales-lead');
		expect(code).toBe(1);
		expect(stderr).toMatch(/the en text \(\S*content\/roles\/sales-lead\/en\.mdx\) was edited in place/);
		expect(read(ROLE_FACTS)).toBe(before);
	});

	it('"rolebook version" will not freeze the edited text, and says how to make the edit in a new version', () => {
		const { code, stderr } = rolebook('version', 'sales-lead');
		expect(code).toBe(1);
		expect(stderr).toMatch(/no longer prints the text it was approved with: the en text \(\S*content\/roles\/sales-lead\/en\.mdx\) was edited in place/);
		expect(stderr).toMatch(/Restore the approved wording \(e\.g\. "git checkout -- \S*content\/roles\/sales-lead\/en\.mdx", or from the signed PDF\)/);
		expect(stderr).toContain('run "npx rolebook version sales-lead", then make the edit in the new draft');
		expect(existsSync(content('roles/sales-lead/versions/2'))).toBe(false);
	});

	it('restored, "rolebook version" freezes it with its record; the edit made in the new draft gives no warning', () => {
		writeFileSync(content(EN), approvedText);
		const versioned = rolebook('version', 'sales-lead', '--summary', 'Forecasting added');
		expect(versioned.code, versioned.stderr).toBe(0);
		expect(read('roles/sales-lead/versions/2/role.yaml')).toContain(RECORD);
		expect(read(ROLE_FACTS)).not.toContain('textFingerprints');

		writeFileSync(content(EN), edited);
		const after = rolebook('check');
		expect(after.code).toBe(0);
		expect(after.stderr).not.toContain('edited in place');
	});

	it('"rolebook approve" approves the new version and records the text it prints', () => {
		const { code, stdout, stderr } = rolebook('approve', 'sales-lead', '--effective', '2026-06-01');
		expect(code, stderr).toBe(0);
		expect(stdout).toContain('; the texts it is approved with: en, ru');
		const facts = read(ROLE_FACTS);
		expect(facts).toMatch(/version: 3\n\s+status: approved\n/);
		expect(facts).toMatch(/ {2}textFingerprints: \{en: "[0-9a-f]{8}", ru: "032a7cd3"\}\n/);
		expect(facts).not.toContain(RECORD);
		const after = rolebook('check');
		expect(after.code).toBe(0);
		expect(after.stderr).not.toContain('edited in place');
	});
});
