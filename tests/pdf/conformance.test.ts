/**
 * PDF/A-2a and PDF/UA-1 on every shipped PDF: every property of issue 11's items 1–2 (see
 * properties.ts) on every published role × configured locale — unsigned, signed with a test
 * certificate, as a draft and with the US template — next to the validators CI has: qpdf
 * --check, pdffonts and pdfsig. (veraPDF, which would check the whole of both standards, is
 * not available on these machines: see README, "Archival and accessible PDFs".)
 */
import icc from 'icc';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRolebook, publishedRoles, type Role, type Rolebook } from '../../src/model/index.ts';
import { layoutRole, renderRolePdf, signingCertificate, type SigningCertificate } from '../../src/pdf/index.ts';
import { srgbProfile } from '../../src/pdf/icc.ts';
import { PROJECT_ROOT } from '../helpers/fixture.ts';
import { skipWithout } from '../helpers/tools.ts';
import { makeTestCertificate } from './certificate.ts';
import { run, tempPdf } from './helpers.ts';
import { checkProperties, PROPERTY_LIST } from './properties.ts';

const { rolebook: loaded } = loadRolebook({ root: PROJECT_ROOT, today: '2026-06-01' });
const rolebook: Rolebook = loaded!;
const roles = publishedRoles(rolebook, { preview: false });
const cases = roles.flatMap((role) => rolebook.company.locales.map((locale) => ({ id: role.id, locale, role })));

let certificate: SigningCertificate;
const files: { cleanup(): void }[] = [];
beforeAll(() => {
	const test = makeTestCertificate({ commonName: 'Anna Volkova (HR Signing)' });
	certificate = signingCertificate(test.p12, test.password);
});
afterAll(() => files.forEach((file) => file.cleanup()));

function fileOf(bytes: Uint8Array): string {
	const file = tempPdf(bytes);
	files.push(file);
	return file.file;
}

async function expectConformant(bytes: Uint8Array, where: string): Promise<void> {
	const results = await checkProperties(bytes);
	expect(results.map((result) => result.id)).toEqual(PROPERTY_LIST.map((property) => property.id));
	const failed = results.filter((result) => !result.ok).map((result) => `${result.id} ${result.name}: ${result.detail}`);
	expect(failed, where).toEqual([]);
}

function expectValidators(file: string, where: string): void {
	if (!skipWithout('qpdf')) {
		const qpdf = run('qpdf', ['--check', file]);
		expect(qpdf.code, `${where}: ${qpdf.stdout}${qpdf.stderr}`).toBe(0);
		expect(qpdf.stdout).toContain('No syntax or stream encoding errors');
	}
	if (!skipWithout('pdffonts')) {
		const rows = run('pdffonts', [file]).stdout.trim().split('\n').slice(2);
		expect(rows.length, where).toBeGreaterThanOrEqual(2);
		for (const row of rows) expect(row, `${where}: ${row}`).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold)?\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
	}
}

describe('every shipped PDF is PDF/A-2a and PDF/UA-1 (the listed properties), and passes qpdf and pdffonts', () => {
	it.each(cases)('$id in $locale', async ({ role, locale }) => {
		const bytes = await renderRolePdf(rolebook, role, locale);
		await expectConformant(bytes, `${role.id}/${locale}`);
		expectValidators(fileOf(bytes), `${role.id}/${locale}`);
	});

	it.each(cases)('$id in $locale, digitally signed: still conformant, and pdfsig says the signature is valid', async ({ role, locale }) => {
		const bytes = await renderRolePdf(rolebook, role, locale, { certificate });
		await expectConformant(bytes, `${role.id}/${locale} signed`);
		const file = fileOf(bytes);
		expectValidators(file, `${role.id}/${locale} signed`);
		if (!skipWithout('pdfsig')) expect(run('pdfsig', [file]).stdout).toContain('Signature is Valid.');
	});

	it('a draft (watermark on every page) and the US acknowledgement template (an invisible signature field) too', async () => {
		const role = roles[0]!;
		const draft: Role = { ...role, document: { ...role.document, status: 'draft' } };
		await expectConformant(await renderRolePdf(rolebook, draft, 'de'), 'draft');
		const us: Role = { ...role, template: 'us-acknowledgement' };
		await expectConformant(await renderRolePdf(rolebook, us, 'en'), 'US template');
		await expectConformant(await renderRolePdf(rolebook, us, 'en', { certificate }), 'US template, signed');
		const holders = Array.from({ length: 30 }, (_, i) => `Holder ${i + 1}`);
		await expectConformant(await renderRolePdf(rolebook, role, 'ru', { holders }), 'a familiarisation table over two pages');
	});
});

describe('the metadata says what the document is', () => {
	it.each(cases.filter((c) => ['en', 'ru', 'tr'].includes(c.locale)))('$id in $locale: XMP title, creator, language, dates and producer equal the Info dictionary', async ({ role, locale }) => {
		const bytes = await renderRolePdf(rolebook, role, locale);
		const doc = await PDFDocument.load(bytes, { updateMetadata: false });
		const xmp = new TextDecoder().decode(decodePDFRawStream(doc.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream).decode());
		const { model } = layoutRole(rolebook, role, locale);
		const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
		expect(xmp).toContain(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escaped(doc.getTitle()!)}</rdf:li></rdf:Alt></dc:title>`);
		expect(doc.getTitle()).toBe(model.metadata.title);
		expect(xmp).toContain(`<dc:creator><rdf:Seq><rdf:li>${escaped(doc.getAuthor()!)}</rdf:li></rdf:Seq></dc:creator>`);
		expect(xmp).toContain(`<dc:language><rdf:Bag><rdf:li>${locale}</rdf:li></rdf:Bag></dc:language>`);
		expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
		expect(xmp).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
		expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
		expect(xmp).toContain(`<pdf:Producer>${doc.getProducer()}</pdf:Producer>`);
		expect(xmp).toContain(`<xmp:CreateDate>${role.document.effective}T00:00:00Z</xmp:CreateDate>`);
		expect(doc.getCreationDate()?.toISOString()).toBe(`${role.document.effective}T00:00:00.000Z`);
		// pdfuaid is not a PDF/A predefined schema: it is declared as an extension schema.
		expect(xmp).toContain('<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>');
		if (!skipWithout('pdfinfo')) {
			const meta = run('pdfinfo', ['-meta', fileOf(bytes)]);
			expect(meta.stdout).toContain('<pdfaid:part>2</pdfaid:part>');
		}
	});

	it('the output intent embeds the sRGB profile made in code: a valid ICC v2 display profile, the same bytes every time', async () => {
		const parsed = icc.parse(Buffer.from(srgbProfile()));
		expect(parsed).toMatchObject({ version: '2.1', deviceClass: 'Monitor', colorSpace: 'RGB', connectionSpace: 'XYZ', description: 'sRGB IEC61966-2.1' });
		const doc = await PDFDocument.load(await renderRolePdf(rolebook, roles[0]!, 'en'));
		const intent = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray).lookup(0, PDFDict);
		const profile = intent.lookup(PDFName.of('DestOutputProfile')) as PDFRawStream;
		expect(Buffer.compare(Buffer.from(decodePDFRawStream(profile).decode()), Buffer.from(srgbProfile()))).toBe(0);
	});
});
