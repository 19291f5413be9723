/**
 * An export opens in a real word processor: LibreOffice converts it to PDF headless, and the
 * PDF shows Word's numbering ("3.1.14."), the blocks and the text in its own script. Skipped
 * (with a warning) where LibreOffice is not installed; with CI set it runs and fails instead.
 * Install: apt-get install -y libreoffice-writer-nogui. One conversion takes about a second.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRoleDocx } from '../../src/docx/index.ts';
import { hasTool, skipUnless, tool } from '../helpers/tools.ts';
import { copyOfContent, type ContentCopy } from './helpers.ts';

const skip = skipUnless(hasTool('soffice'), 'soffice (LibreOffice)', 'apt-get install -y libreoffice-writer-nogui');

describe.skipIf(skip)('an export opened in LibreOffice', () => {
	let copy: ContentCopy;
	let dir: string;
	beforeAll(() => {
		copy = copyOfContent();
		dir = mkdtempSync(join(tmpdir(), 'rolebook-soffice-'));
	});
	afterAll(() => {
		copy.cleanup();
		rmSync(dir, { recursive: true, force: true });
	});

	it('converts to PDF with Word numbering, the approval block and the familiarisation sheet', async () => {
		const rolebook = copy.load();
		const role = rolebook.roles.find((r) => r.id === 'client-search-manager')!;
		const inputs: string[] = [];
		for (const locale of ['en', 'ru', 'de']) {
			const file = join(dir, `${locale}.docx`);
			writeFileSync(file, await renderRoleDocx(rolebook, role, locale));
			inputs.push(file);
		}
		const out = join(dir, 'pdf');
		mkdirSync(out);
		// A profile of its own: no clash with a LibreOffice the developer has open.
		const result = spawnSync(tool('soffice'), [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...inputs], { encoding: 'utf8', timeout: 90_000 });
		expect(result.status, result.stderr).toBe(0);
		for (const locale of ['en', 'ru', 'de']) expect(existsSync(join(out, `${locale}.pdf`))).toBe(true);

		const text = (locale: string) => spawnSync(tool('pdftotext'), ['-layout', '-enc', 'UTF-8', join(out, `${locale}.pdf`), '-'], { encoding: 'utf8' }).stdout.replace(/[ \t]+/g, ' ');
		const ru = text('ru');
		expect(ru).toContain('УТВЕРЖДАЮ');
		expect(ru).toMatch(/1\. Общие положения/);
		expect(ru).toMatch(/1\.7\.14\. правила охраны труда/);
		expect(ru).toMatch(/3\.1\.5\. совершает не менее 30 звонков в день/);
		expect(ru).toContain('ЛИСТ ОЗНАКОМЛЕНИЯ');
		expect(ru).toContain(`Отпечаток ${role.texts.ru!.fingerprint}`);
		const en = text('en');
		expect(en).toMatch(/Page 1 of \d/);
		expect(en).toMatch(/3\.1\.14\. Prepares a report/);
		expect(text('de')).toContain('GENEHMIGT');
	}, 120_000);
});
