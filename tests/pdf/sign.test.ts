/**
 * Digital signatures of approved PDFs, checked with poppler's pdfsig against a throw-away
 * certificate made here: valid, in the approver's field, broken by a one-byte change,
 * reproducible, never on drafts, and no secret anywhere in what the tools write.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRolebook, publishedRoles, type Role, type Rolebook } from '../../src/model/index.ts';
import { cacheKey, generatePdfs, renderRolePdf, signingCertificate, signingCertificateFromEnv, SigningError, type SigningCertificate } from '../../src/pdf/index.ts';
import { PROJECT_ROOT } from '../helpers/fixture.ts';
import { makeTestCertificate, type TestCertificate } from './certificate.ts';
import { skipWithout } from '../helpers/tools.ts';
import { normalise, pdfText, run, tempPdf } from './helpers.ts';

const { rolebook: loaded } = loadRolebook({ root: PROJECT_ROOT, today: '2026-06-01' });
const rolebook: Rolebook = loaded!;
const role: Role = publishedRoles(rolebook, { preview: false }).find((candidate) => candidate.id === 'key-account-manager')!;
const draft: Role = { ...role, document: { ...role.document, status: 'draft' } };

let test: TestCertificate;
let certificate: SigningCertificate;
const temporary: { cleanup(): void }[] = [];
beforeAll(() => {
	test = makeTestCertificate();
	certificate = signingCertificate(test.p12, test.password);
});
afterAll(() => temporary.forEach((entry) => entry.cleanup()));

function pdfsig(bytes: Uint8Array): string {
	const file = tempPdf(bytes);
	temporary.push(file);
	const result = run('pdfsig', [file.file]);
	return result.stdout + result.stderr;
}

/** Every way the secret could leak: the password, the key (PEM body, DER base64) and the .p12 itself. */
function secrets(): string[] {
	const keyBody = test.keyPem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
	const p12Base64 = Buffer.from(test.p12).toString('base64');
	return [test.password, keyBody.slice(0, 64), keyBody.slice(-64), p12Base64.slice(0, 64), p12Base64.slice(200, 264)];
}
function expectNoSecrets(text: string, where: string): void {
	for (const secret of secrets()) expect(text.includes(secret), `${where} contains secret material`).toBe(false);
}

const needsPdfsig = skipWithout('pdfsig');

describe.skipIf(needsPdfsig)('signed approved PDFs (pdfsig)', () => {
	let signed: Uint8Array;
	beforeAll(async () => {
		signed = await renderRolePdf(rolebook, role, 'ru', { certificate });
	});

	it('the signature is valid, covers the whole document and sits in the approver\'s field', () => {
		const report = pdfsig(signed);
		const first = report.split(/Signature #\d+:/)[1]!;
		expect(first).toContain('Signature Field Name: approval-signature');
		expect(first).toContain('Signature Validation: Signature is Valid.');
		expect(first).toContain('Total document signed');
		expect(first).toContain(`Signer Certificate Common Name: ${test.commonName}`);
		expect(first).toContain('Signature Type: adbe.pkcs7.detached');
		expect(first).toContain('Signing Hash Algorithm: SHA-256');
		// Exactly one signed field; every other signature field stays open for people to sign.
		expect(report.match(/Signature is Valid/g)).toHaveLength(1);
		expect(report).toContain('agreed-');
		expect(report).toContain('The signature form field is not signed.');
	});

	it('reason and signing time come from the content; the existing field is used, none is added', async () => {
		const doc = await PDFDocument.load(signed);
		const form = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
		expect(form.get(PDFName.of('SigFlags'))?.toString()).toBe('3');
		const fields = doc.getForm().getFields().map((field) => field.getName());
		expect(fields.filter((name) => name === 'approval-signature')).toHaveLength(1);
		expect(fields).not.toContain('Signature1');
		const widget = doc.getForm().getField('approval-signature').acroField.dict;
		const value = widget.lookup(PDFName.of('V'), PDFDict);
		expect(value.get(PDFName.of('Type'))?.toString()).toBe('/Sig');
		const reason = (value.lookup(PDFName.of('Reason')) as PDFHexString).decodeText();
		expect(reason).toBe(`Approved: ${role.document.number} version ${role.document.version}`);
		const effective = role.document.effective!.replaceAll('-', '');
		expect((value.lookup(PDFName.of('M')) as PDFString).asString()).toBe(`D:${effective}000000Z`);
		expect((value.lookup(PDFName.of('Name')) as PDFHexString).decodeText()).toMatch(/\S/);
	});

	it('changing one byte inside the signed range breaks the signature', () => {
		const report = pdfsig(signed);
		const ranges = [...report.matchAll(/Signed Ranges: \[(\d+) - (\d+)\], \[(\d+) - (\d+)\]/g)][0]!.slice(1).map(Number);
		expect(ranges[0]).toBe(0);
		// A byte of the binary comment on line 2 (the file still parses), then one in the middle of the first range.
		for (const offset of [10, Math.floor(ranges[1]! / 2)]) {
			const tampered = new Uint8Array(signed);
			tampered[offset] = tampered[offset]! ^ 0x01;
			const result = pdfsig(tampered);
			expect(result, `byte ${offset}`).not.toContain('Signature is Valid');
			expect(result, `byte ${offset}`).toContain('Signature Validation: Digest Mismatch.');
		}
		// And one in the second range, after the signature value.
		const tampered = new Uint8Array(signed);
		const offset = ranges[2]! + 40;
		tampered[offset] = tampered[offset] === 0x20 ? 0x0a : tampered[offset]! ^ 0x01;
		expect(pdfsig(tampered)).not.toContain('Signature is Valid');
	});

	it('same content and certificate → byte-identical signed PDFs (fixed signing time, deterministic PKCS#7)', async () => {
		const again = await renderRolePdf(rolebook, role, 'ru', { certificate });
		expect(Buffer.compare(Buffer.from(again), Buffer.from(signed))).toBe(0);
		// Also with the certificate opened afresh (nothing cached) and on worker threads.
		const reopened = signingCertificate(new Uint8Array(test.p12), test.password);
		expect(Buffer.compare(Buffer.from(await renderRolePdf(rolebook, role, 'ru', { certificate: reopened })), Buffer.from(signed))).toBe(0);
		const dir = mkdtempSync(join(tmpdir(), 'rolebook-sign-'));
		temporary.push({ cleanup: () => rmSync(dir, { recursive: true, force: true }) });
		const jobs = ['ru', 'en', 'de'].map((locale) => ({ role, locale, file: join(dir, `${locale}.pdf`) }));
		const result = await generatePdfs(rolebook, jobs, { certificate, workers: 2 });
		expect(result.signed).toBe(3);
		expect(Buffer.compare(readFileSync(join(dir, 'ru.pdf')), Buffer.from(signed))).toBe(0);
		for (const locale of ['en', 'de']) expect(pdfsig(readFileSync(join(dir, `${locale}.pdf`)))).toContain('Signature is Valid');
	});

	it('a template without an approval block (US acknowledgement) is signed in an invisible approval-signature field', async () => {
		const us: Role = { ...role, template: 'us-acknowledgement' };
		const report = pdfsig(await renderRolePdf(rolebook, us, 'en', { certificate }));
		expect(report).toContain('Signature Field Name: approval-signature');
		expect(report).toContain('Signature is Valid.');
	});

	it('drafts are never signed, even with a certificate', async () => {
		const bytes = await renderRolePdf(rolebook, draft, 'en', { certificate });
		const text = Buffer.from(bytes).toString('latin1');
		expect(text).not.toContain('/ByteRange');
		expect(text).not.toContain('/SigFlags');
		expect(pdfsig(bytes)).not.toContain('Signature Validation');
		// …and a draft's cache key does not depend on the certificate.
		expect(cacheKey(rolebook, draft, 'en', { certificate })).toBe(cacheKey(rolebook, draft, 'en'));
	});

	it('the cache key of an approved PDF includes the certificate (its hash), never the password', () => {
		const unsigned = cacheKey(rolebook, role, 'ru');
		const withCertificate = cacheKey(rolebook, role, 'ru', { certificate });
		expect(withCertificate).not.toBe(unsigned);
		expect(cacheKey(rolebook, role, 'ru', { certificate: { ...certificate, password: 'another password' } })).toBe(withCertificate);
		expect(cacheKey(rolebook, role, 'ru', { certificate: { ...certificate, fingerprint: 'f'.repeat(64) } })).not.toBe(withCertificate);
	});

	it("the approver's field shows a stamp in the document's language: the certificate's name, the date, \"digitally signed\", the reason", async () => {
		const stamps: Record<string, string[]> = {
			ru: [`Подписано электронной подписью: ${test.commonName}`, 'Дата: 2 марта 2026 г.', `Основание: утверждение, Документ № ${role.document.number}, Версия ${role.document.version}`],
			en: [`Digitally signed by ${test.commonName}`, 'Date: March 2, 2026', `Reason: approval of Document No. ${role.document.number}, Version ${role.document.version}`],
			de: [`Digital signiert von ${test.commonName}`, 'Datum: 2. März 2026', `Grund: Genehmigung, Dokument Nr. ${role.document.number}, Version ${role.document.version}`],
		};
		expect(role.document.effective).toBe('2026-03-02');
		for (const [locale, lines] of Object.entries(stamps)) {
			const bytes = locale === 'ru' ? signed : await renderRolePdf(rolebook, role, locale, { certificate });
			// The stamp is the signature widget's appearance: what every viewer and printer shows.
			const widget = (await PDFDocument.load(bytes)).getForm().getField('approval-signature').acroField.getWidgets()[0]!;
			const appearance = widget.getNormalAppearance();
			expect(appearance, locale).toBeDefined();
			const file = tempPdf(bytes);
			temporary.push(file);
			// Compared without spaces and hyphens: the stamp wraps to its field, and pdftotext joins words hyphenated at a line end.
			const squeeze = (value: string) => value.replace(/[\s\u00AD-]+/g, '');
			const text = squeeze(pdfText(file.file, 1));
			for (const line of lines) expect(text, locale).toContain(squeeze(line));
		}
		// An unsigned document has an empty field where the stamp would be.
		const unsigned = tempPdf(await renderRolePdf(rolebook, role, 'ru'));
		temporary.push(unsigned);
		expect(normalise(pdfText(unsigned.file, 1))).not.toContain('Подписано электронной подписью');
	});

	it('the stamp is covered by the signature: changing a byte of its appearance stream breaks it', async () => {
		const doc = await PDFDocument.load(signed);
		const widget = doc.getForm().getField('approval-signature').acroField.getWidgets()[0]!;
		const ref = widget.dict.get(PDFName.of('AP')) instanceof PDFDict ? (widget.dict.lookup(PDFName.of('AP'), PDFDict).get(PDFName.of('N')) as import('pdf-lib').PDFRef) : undefined;
		expect(ref).toBeDefined();
		// The stream's object header in the file, then a byte inside its (deflated) data.
		const header = Buffer.from(signed).indexOf(`\n${ref!.objectNumber} ${ref!.generationNumber} obj`);
		expect(header).toBeGreaterThan(0);
		const data = Buffer.from(signed).indexOf('stream', header) + 10;
		const tampered = new Uint8Array(signed);
		tampered[data] = tampered[data]! ^ 0x01;
		expect(pdfsig(tampered)).not.toContain('Signature is Valid');
	});

	it('no password or key material in the signed file', () => {
		expectNoSecrets(Buffer.from(signed).toString('latin1'), 'the signed PDF');
		expectNoSecrets(Buffer.from(signed).toString('hex'), 'the signed PDF (hex)');
	});
});

describe('the certificate from the environment', () => {
	const dir = mkdtempSync(join(tmpdir(), 'rolebook-p12-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('reads a file or base64, and nothing when neither is set', () => {
		const file = join(dir, 'signer.p12');
		writeFileSync(file, test.p12);
		expect(signingCertificateFromEnv({})).toBeUndefined();
		expect(signingCertificateFromEnv({ ROLEBOOK_SIGNING_P12: file, ROLEBOOK_SIGNING_PASSWORD: test.password })!.fingerprint).toBe(certificate.fingerprint);
		const base64 = Buffer.from(test.p12).toString('base64');
		expect(signingCertificateFromEnv({ ROLEBOOK_SIGNING_P12_BASE64: base64, ROLEBOOK_SIGNING_PASSWORD: test.password })!.fingerprint).toBe(certificate.fingerprint);
	});

	it('a wrong password or a broken file is a clear error that repeats no secret', () => {
		const base64 = Buffer.from(test.p12).toString('base64');
		for (const env of [
			{ ROLEBOOK_SIGNING_P12_BASE64: base64, ROLEBOOK_SIGNING_PASSWORD: `${test.password}-wrong` },
			{ ROLEBOOK_SIGNING_P12_BASE64: Buffer.from('not a certificate').toString('base64'), ROLEBOOK_SIGNING_PASSWORD: test.password },
			{ ROLEBOOK_SIGNING_P12: join(dir, 'missing.p12'), ROLEBOOK_SIGNING_PASSWORD: test.password },
		]) {
			let error: unknown;
			try {
				signingCertificateFromEnv(env);
			} catch (caught) {
				error = caught;
			}
			expect(error).toBeInstanceOf(SigningError);
			const message = `${(error as Error).message}\n${(error as Error).stack}`;
			expect(message).toMatch(/ROLEBOOK_SIGNING/);
			expectNoSecrets(message, 'the error');
		}
	});
});

describe.skipIf(needsPdfsig)('rolebook pdf with a certificate in the environment', () => {
	const dir = mkdtempSync(join(tmpdir(), 'rolebook-cli-sign-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	const cli = (env: Record<string, string>, ...args: string[]) => {
		const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('ROLEBOOK_SIGNING')));
		const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin/rolebook.js'), 'pdf', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...clean, ...env } });
		return { code: result.status, output: `${result.stdout}\n${result.stderr}`, stdout: result.stdout };
	};

	it('signs an approved role, says so, and prints no secret', () => {
		const p12 = join(dir, 'signer.p12');
		writeFileSync(p12, test.p12);
		const out = join(dir, 'kam.pdf');
		const { code, output } = cli({ ROLEBOOK_SIGNING_P12: p12, ROLEBOOK_SIGNING_PASSWORD: test.password }, 'key-account-manager', '--locale', 'ru', '--out', out);
		expect(code, output).toBe(0);
		expect(output).toContain('1 of 1 PDFs digitally signed');
		expectNoSecrets(output, 'the command output');
		expect(pdfsig(readFileSync(out))).toContain('Signature is Valid');
	});

	it('--no-sign and no certificate: unsigned, one notice line; a wrong password fails without echoing it', () => {
		const out = join(dir, 'unsigned.pdf');
		const none = cli({}, 'key-account-manager', '--out', out);
		expect(none.code, none.output).toBe(0);
		expect(none.output.match(/not digitally signed/g)).toHaveLength(1);
		expect(readFileSync(out).toString('latin1')).not.toContain('/ByteRange');

		const p12 = join(dir, 'signer.p12');
		writeFileSync(p12, test.p12);
		const optedOut = cli({ ROLEBOOK_SIGNING_P12: p12, ROLEBOOK_SIGNING_PASSWORD: test.password }, 'key-account-manager', '--out', out, '--no-sign');
		expect(optedOut.code, optedOut.output).toBe(0);
		expect(optedOut.output).toContain('not digitally signed (--no-sign)');
		expect(readFileSync(out).toString('latin1')).not.toContain('/ByteRange');

		const wrong = cli({ ROLEBOOK_SIGNING_P12_BASE64: Buffer.from(test.p12).toString('base64'), ROLEBOOK_SIGNING_PASSWORD: 'Wr0ng-Secret-Value' }, 'key-account-manager', '--out', out);
		expect(wrong.code).toBe(1);
		expect(wrong.output).toContain('ROLEBOOK_SIGNING_PASSWORD is wrong');
		expect(wrong.output).not.toContain('Wr0ng-Secret-Value');
		expect(wrong.output).not.toMatch(/^\s+at /m);
	});
});
