/**
 * The DOCX export, read back with real readers: the importer's (fflate + @xmldom/xmldom) and
 * mammoth's (Word → HTML, as Word's structure goes: headings, nested lists, tables). Word
 * numbering must be numbering definitions, not typed numbers; the blocks must be the PDF's;
 * the bytes must depend on the content only.
 */
import { DOMParser } from '@xmldom/xmldom';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import mammoth from 'mammoth';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allParagraphs, docxContentKey, readDocx, renderRoleDocx, siteDocxJobs, type DocxOptions } from '../../src/docx/index.ts';
import { roleDocxPartsAtOnce } from '../../src/docx/render.ts';
import type { Role, Rolebook } from '../../src/model/index.ts';
import { BASE_FIXTURE } from '../helpers/fixture.ts';
import { copyOfContent, type ContentCopy } from './helpers.ts';

let copy: ContentCopy;
let rolebook: Rolebook;
beforeAll(() => {
	copy = copyOfContent();
	rolebook = copy.load();
});
afterAll(() => copy.cleanup());

const role = (id: string) => rolebook.roles.find((r) => r.id === id)!;
const part = (bytes: Uint8Array, name: string) => {
	const data = unzipSync(bytes)[name];
	if (!data) throw new Error(`no ${name} in the package`);
	return new DOMParser().parseFromString(strFromU8(data), 'text/xml');
};
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Zip entries as stored: names in order, DOS time and date of each local header. */
function zipEntries(bytes: Uint8Array): { name: string; time: number; date: number }[] {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const entries: { name: string; time: number; date: number }[] = [];
	let offset = 0;
	while (view.getUint32(offset, true) === 0x04034b50) {
		const size = view.getUint32(offset + 18, true);
		const nameLength = view.getUint16(offset + 26, true);
		const extraLength = view.getUint16(offset + 28, true);
		entries.push({ name: strFromU8(bytes.subarray(offset + 30, offset + 30 + nameLength)), time: view.getUint16(offset + 10, true), date: view.getUint16(offset + 12, true) });
		offset += 30 + nameLength + extraLength + size;
	}
	return entries;
}

describe('DOCX export: reproducible bytes', () => {
	it('gives the same bytes for the same content, whatever was rendered before', async () => {
		const kam = role('key-account-manager');
		const first = await renderRoleDocx(rolebook, kam, 'ru');
		await renderRoleDocx(rolebook, role('client-search-manager'), 'de');
		const second = await renderRoleDocx(rolebook, kam, 'ru');
		expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
	});

	// renderRoleDocx has docx write each shape of paragraph or table once and fills in the texts
	// (src/docx/shapes.ts); the file must be what docx gives when it writes the whole document
	// in one go, zipped by fflate's zipSync as before: same parts, same bytes.
	it('is byte for byte the file docx writes for the whole document in one go, for every role and locale', async () => {
		const reference = async (subject: Role, locale: string, options: DocxOptions, core: Uint8Array) => {
			const parts = await roleDocxPartsAtOnce(rolebook, subject, locale, options);
			const files: Record<string, Uint8Array> = { 'docProps/core.xml': core };
			for (const [path, data] of parts) files[path] = typeof data === 'string' ? strToU8(data) : data;
			const rank = (name: string) => (name === '[Content_Types].xml' ? 0 : name === '_rels/.rels' ? 1 : 2);
			const zippable: Zippable = {};
			for (const name of Object.keys(files).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1))) zippable[name] = [files[name]!, { mtime: new Date(1980, 0, 1), level: 6 }];
			return zipSync(zippable);
		};
		const client = role('client-manager');
		const cases: [Role, DocxOptions][] = [
			...rolebook.roles.map((subject): [Role, DocxOptions] => [subject, {}]),
			[{ ...client, template: 'us-acknowledgement' }, {}],
			[{ ...client, document: { ...client.document, status: 'draft' } }, { holders: ['Anna <Smith> & "Co"', "O'Brien\tJr.\u0001", ...Array.from({ length: 11 }, (_, i) => `Holder ${i}`)] }],
			[client, { trackChanges: false }],
		];
		let compared = 0;
		// Backwards, so shapes are first written by other documents than in the other tests.
		for (const [subject, options] of cases.reverse()) {
			for (const locale of rolebook.company.locales) {
				const bytes = await renderRoleDocx(rolebook, subject, locale, options);
				const expected = await reference(subject, locale, options, unzipSync(bytes)['docProps/core.xml']!);
				expect(Buffer.from(bytes).equals(Buffer.from(expected)), `${subject.id} ${locale} ${JSON.stringify(options)}`).toBe(true);
				compared++;
			}
		}
		expect(compared).toBe(cases.length * rolebook.company.locales.length);
	});

	it('has a content key for the build cache that changes with what is printed', () => {
		const kam = role('key-account-manager');
		expect(docxContentKey(rolebook, kam, 'ru')).toBe(docxContentKey(rolebook, kam, 'ru'));
		expect(docxContentKey(rolebook, kam, 'ru')).not.toBe(docxContentKey(rolebook, kam, 'de'));
		expect(docxContentKey(rolebook, kam, 'ru', { holders: ['Анна Смирнова'] })).not.toBe(docxContentKey(rolebook, kam, 'ru'));
	});

	it('stores the parts in a fixed order with one fixed date, and dates the document by its effective date', async () => {
		const bytes = await renderRoleDocx(rolebook, role('client-manager'), 'en');
		const entries = zipEntries(bytes);
		expect(entries[0]!.name).toBe('[Content_Types].xml');
		expect(entries[1]!.name).toBe('_rels/.rels');
		const rest = entries.slice(2).map((entry) => entry.name);
		expect(rest).toEqual([...rest].sort());
		// DOS date 1980-01-01 00:00 (date 0x0021, time 0) in every entry.
		expect(new Set(entries.map((entry) => `${entry.date}/${entry.time}`))).toEqual(new Set(['33/0']));
		const core = strFromU8(unzipSync(bytes)['docProps/core.xml']!);
		expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${role('client-manager').document.effective}T00:00:00Z</dcterms:created>`);
	});
});

describe('DOCX export: Word structure', () => {
	it('numbers sections and items with a Word multilevel list (numbering.xml), never typed numbers', async () => {
		const bytes = await renderRoleDocx(rolebook, role('key-account-manager'), 'en');
		const numbering = part(bytes, 'word/numbering.xml');
		const levels = Array.from(numbering.getElementsByTagNameNS(W, 'lvlText')).map((element) => element.getAttributeNS(W, 'val'));
		expect(levels).toEqual(expect.arrayContaining(['%1.', '%1.%2.', '%1.%2.%3.']));
		const paragraphs = allParagraphs(readDocx(bytes));
		const numbered = paragraphs.filter((p) => p.numbering && p.numbering.format === 'decimal');
		expect(numbered.map((p) => p.numbering!.label)).toEqual(expect.arrayContaining(['1.', '1.6.', '1.6.5.', '2.13.', '4.3.']));
		const duty = numbered.find((p) => p.numbering!.label === '2.13.')!;
		expect(duty.text).toBe(role('key-account-manager').texts.en!.sections[1]!.items[12]!.text);
		expect(numbered.every((p) => !/^\d/.test(p.text))).toBe(true);
		const headings = paragraphs.filter((p) => p.headingLevel === 1);
		expect(headings.map((p) => `${p.numbering?.label} ${p.text}`)).toEqual(['1. General provisions', '2. Duties', '3. Rights', '4. Responsibility']);
		// Every item has a bookmark named after its anchor: links like #duty-2-13 have a target in Word.
		const bookmarks = Array.from(part(bytes, 'word/document.xml').getElementsByTagNameNS(W, 'bookmarkStart')).map((element) => element.getAttributeNS(W, 'name'));
		expect(bookmarks).toEqual(expect.arrayContaining(['duties', 'duty_2_13', 'provision_1_6_5', 'responsibility_4_3']));
	});

	it('reads in mammoth as headings, nested ordered lists and tables, in the document language', async () => {
		const bytes = await renderRoleDocx(rolebook, role('client-search-manager'), 'ru');
		const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
		expect(html.match(/<h1>/g)).toHaveLength(role('client-search-manager').texts.ru!.sections.length);
		expect(html).toContain('<h1><a id="general_provisions"></a>Общие положения</h1>');
		// Sub-items are lists inside list items.
		expect(html).toMatch(/<li><a id="provision_1_7"><\/a>Менеджер должен знать:<ol><li>/);
		// Approval block, agreement block, familiarisation sheet: three tables.
		expect(html.match(/<table>/g)).toHaveLength(3);
		expect(html).toContain('УТВЕРЖДАЮ');
		expect(html).toContain('Волкова А.С.');
		expect(html).toContain('СОГЛАСОВАНО');
		expect(html).toContain('ЛИСТ ОЗНАКОМЛЕНИЯ');
		const ru = readDocx(bytes);
		expect(ru.properties.custom).toMatchObject({ 'Rolebook.Role': 'client-search-manager', 'Rolebook.Locale': 'ru', 'Rolebook.DocumentNumber': 'JD-WHS-001', 'Rolebook.Fingerprint': role('client-search-manager').texts.ru!.fingerprint });
	});

	it('puts company, document number and version in the header, fingerprint and "Page X of Y" fields in the footer; Track Changes on', async () => {
		const kam = role('key-account-manager');
		const bytes = await renderRoleDocx(rolebook, kam, 'de');
		const content = readDocx(bytes);
		expect(content.headers).toEqual([`Handelshaus Lumen GmbH\tDokument Nr. ${kam.document.number}  ·  Version ${kam.document.version}`]);
		expect(content.footers[0]).toBe(`Fingerabdruck ${kam.texts.de!.fingerprint}\tSeite  von`);
		const footer = strFromU8(unzipSync(bytes)['word/footer1.xml']!);
		expect(footer).toMatch(/PAGE/);
		expect(footer).toMatch(/NUMPAGES/);
		expect(part(bytes, 'word/settings.xml').getElementsByTagNameNS(W, 'trackRevisions')).toHaveLength(1);
		expect((await renderRoleDocx(rolebook, kam, 'de', { trackChanges: false })).length).toBeGreaterThan(0);
		expect(part(await renderRoleDocx(rolebook, kam, 'de', { trackChanges: false }), 'word/settings.xml').getElementsByTagNameNS(W, 'trackRevisions')).toHaveLength(0);
	});

	it('prints a locale without a translation in the default text with that locale’s labels and the notice', async () => {
		const content = readDocx(await renderRoleDocx(rolebook, role('client-manager'), 'tr'));
		const texts = allParagraphs(content).map((p) => p.text);
		expect(texts).toContain('GÖREV TANIMI');
		expect(texts.some((text) => text.startsWith('Bu görev tanımı henüz'))).toBe(true);
		expect(texts).toContain('General provisions');
		expect(content.properties.custom['Rolebook.TextLocale']).toBe('en');
	});

	it('follows the template: the acknowledgement template has no approval or agreement block', async () => {
		const us = { ...role('client-manager'), template: 'us-acknowledgement' };
		const texts = allParagraphs(readDocx(await renderRoleDocx(rolebook, us, 'en'))).map((p) => p.text);
		expect(texts).not.toContain('APPROVED');
		expect(texts).not.toContain('AGREED');
		expect(texts).toContain('EMPLOYEE ACKNOWLEDGEMENT');
	});

	it('marks a draft DRAFT in the header and pre-fills holders in the familiarisation sheet', async () => {
		const draft = { ...role('client-manager'), document: { ...role('client-manager').document, status: 'draft' as const } };
		const content = readDocx(await renderRoleDocx(rolebook, draft, 'en', { holders: ['Anna Smith'] }));
		expect(content.headers[0]).toBe('DRAFT');
		expect(allParagraphs(content).map((p) => p.text)).toContain('Anna Smith');
	});
});

describe('siteDocxJobs', () => {
	it('lists every published role × configured locale at /{locale}/roles/{id}.docx (and former ids); drafts only in previews', () => {
		const fixture = copyOfContent(join(BASE_FIXTURE, 'content'));
		try {
			const base = fixture.load();
			const files = (preview: boolean) => siteDocxJobs(base, '/out', { preview }).map((job) => job.file.replace('/out/', ''));
			expect(files(false)).toHaveLength(base.company.locales.length * 2);
			expect(files(false)).toEqual(expect.arrayContaining(['en/roles/sales-lead.docx', 'en/roles/team-lead.docx', 'ru/roles/sales-lead.docx', 'tr/roles/team-lead.docx']));
			expect(files(false).some((file) => file.includes('sales-rep'))).toBe(false);
			expect(files(true)).toEqual(expect.arrayContaining(['en/roles/sales-rep.docx', 'ru/roles/sales-rep.docx']));
		} finally {
			fixture.cleanup();
		}
	});
});
