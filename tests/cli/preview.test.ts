/**
 * One preview rule: `--preview` and ROLEBOOK_PREVIEW are read by one function, and every
 * command that builds output asks it. A value that means neither preview nor public stops the
 * command before anything is written (the built-site tests in tests/site/privacy.test.ts build
 * previews by ROLEBOOK_PREVIEW=true and public sites by ROLEBOOK_PREVIEW=false).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { previewSetting } from '../../src/cli/preview.ts';
import { previewFromEnv } from '../../src/model/index.ts';
import { PROJECT_ROOT } from '../helpers/fixture.ts';

describe('previewFromEnv', () => {
	it.each([
		[undefined, false],
		['', false],
		['0', false],
		['false', false],
		['FALSE', false],
		['1', true],
		['true', true],
		[' True ', true],
	])('ROLEBOOK_PREVIEW=%j is %s', (value, expected) => {
		expect(previewFromEnv(value === undefined ? {} : { ROLEBOOK_PREVIEW: value })).toBe(expected);
	});

	it.each(['yes', 'on', '2', 'preview', 'ture'])('rejects ROLEBOOK_PREVIEW=%j, naming the accepted values', (value) => {
		expect(() => previewFromEnv({ ROLEBOOK_PREVIEW: value })).toThrow(/ROLEBOOK_PREVIEW is ".*": use ROLEBOOK_PREVIEW=1 \(or true\).*unset \(or 0, false\)/);
	});
});

describe('previewSetting (what build and pdf use)', () => {
	const output = () => {
		const errors: string[] = [];
		return { errors, out: { info: () => {}, error: (line: string) => errors.push(line) } };
	};

	it('--preview wins, whatever the environment says', () => {
		const { out } = output();
		expect(previewSetting(true, out as never, { ROLEBOOK_PREVIEW: '0' })).toBe(true);
	});

	it('without the flag follows the environment, and reports a bad value once', () => {
		const { out, errors } = output();
		expect(previewSetting(undefined, out as never, { ROLEBOOK_PREVIEW: 'true' })).toBe(true);
		expect(previewSetting(undefined, out as never, {})).toBe(false);
		expect(previewSetting(undefined, out as never, { ROLEBOOK_PREVIEW: 'yes' })).toBeUndefined();
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/^error: ROLEBOOK_PREVIEW is "yes"/);
	});
});

describe('commands refuse a preview setting that means neither', () => {
	const out = mkdtempSync(join(tmpdir(), 'rolebook-preview-'));
	afterAll(() => rmSync(out, { recursive: true, force: true }));
	const run = (...args: string[]) =>
		spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin/rolebook.js'), ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, ROLEBOOK_PREVIEW: 'yes' } });

	it.each([
		['build', ['build', '--out', join(out, 'site')]],
		['pdf --all', ['pdf', '--all', '--out-dir', join(out, 'pdf')]],
	])('%s: exit 1, one clear line, nothing written, no stack trace', (_, args) => {
		const result = run(...args);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('error: ROLEBOOK_PREVIEW is "yes"');
		expect(result.stderr).not.toMatch(/\n\s+at /);
		expect(existsSync(join(out, 'site'))).toBe(false);
		expect(existsSync(join(out, 'pdf'))).toBe(false);
	});
});
