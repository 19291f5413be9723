/**
 * `rolebook build` and digital signatures: without a certificate the build says once that its
 * PDFs are unsigned; with one (environment only) every approved PDF verifies with pdfsig and
 * nothing secret reaches the output.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UNSIGNED_NOTICE } from '../../src/pdf/index.ts';
import { makeFixture, PROJECT_ROOT, type FixtureTree } from '../helpers/fixture.ts';
import { makeTestCertificate } from '../pdf/certificate.ts';
import { skipWithout } from '../helpers/tools.ts';
import { run } from '../pdf/helpers.ts';

const fixtures: FixtureTree[] = [];
const dirs: string[] = [];
afterAll(() => {
	fixtures.forEach((tree) => tree.cleanup());
	dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

function build(env: Record<string, string>) {
	const tree = makeFixture();
	fixtures.push(tree);
	const out = mkdtempSync(join(tmpdir(), 'rolebook-build-sign-'));
	dirs.push(out);
	// The test's own environment must not decide: drop any signing variables it has.
	const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('ROLEBOOK_SIGNING')));
	const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin/rolebook.js'), 'build', '--content', tree.contentDir, '--out', out], {
		cwd: PROJECT_ROOT,
		encoding: 'utf8',
		env: { ...clean, ...env },
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr, out };
}

function pdfsIn(out: string): string[] {
	return readdirSync(out).flatMap((locale) => {
		try {
			return readdirSync(join(out, locale, 'roles'))
				.filter((name) => name.endsWith('.pdf'))
				.map((name) => join(out, locale, 'roles', name));
		} catch {
			return [];
		}
	});
}

describe('rolebook build: digital signatures', () => {
	it('without a certificate: unsigned PDFs, and the build says so exactly once, in one line', () => {
		const { code, stdout, stderr, out } = build({});
		expect(code, stderr).toBe(0);
		const all = `${stdout}\n${stderr}`;
		expect(all.split(UNSIGNED_NOTICE).length - 1).toBe(1);
		expect(all.match(/not digitally signed/g)).toHaveLength(1);
		expect(UNSIGNED_NOTICE).not.toContain('\n');
		const pdfs = pdfsIn(out);
		expect(pdfs.length).toBeGreaterThan(0);
		for (const file of pdfs) expect(readFileSync(file).toString('latin1')).not.toContain('/ByteRange');
	});

	it.skipIf(skipWithout('pdfsig'))('with a certificate: every approved PDF is signed in the approver\'s field, no notice, no secret in the output', () => {
		const test = makeTestCertificate({ password: 'build-Test-Passw0rd' });
		const dir = mkdtempSync(join(tmpdir(), 'rolebook-p12-'));
		dirs.push(dir);
		const p12 = join(dir, 'signer.p12');
		writeFileSync(p12, test.p12);
		const { code, stdout, stderr, out } = build({ ROLEBOOK_SIGNING_P12: p12, ROLEBOOK_SIGNING_PASSWORD: test.password });
		expect(code, stderr).toBe(0);
		const all = `${stdout}\n${stderr}`;
		expect(all).not.toContain('not digitally signed');
		expect(all).toMatch(/\d+ digitally signed/);
		expect(all).not.toContain(test.password);
		expect(all).not.toContain(Buffer.from(test.p12).toString('base64').slice(0, 40));
		const pdfs = pdfsIn(out);
		expect(pdfs.length).toBeGreaterThan(0);
		for (const file of pdfs) {
			const report = run('pdfsig', [file]).stdout;
			expect(report, file).toContain('Signature Field Name: approval-signature');
			expect(report, file).toContain('Signature is Valid.');
			expect(readFileSync(file).toString('latin1')).not.toContain(test.password);
		}
	});
});
