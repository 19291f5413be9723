/**
 * PDFs rendered from the shipped content and parsed back: text, fields, pages, metadata,
 * reproducibility, and the validators HR's and CI's tools use (qpdf, pdffonts, pdfsig).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFSignature, PDFTextField } from 'pdf-lib';
import { loadRolebook, localizeRole, publishedRoles, type Item, type Role, type Rolebook } from '../../src/model/index.ts';
import { generatePdfs, layoutRole, renderRolePdf } from '../../src/pdf/index.ts';
import { PROJECT_ROOT } from '../helpers/fixture.ts';
import { skipWithout } from '../helpers/tools.ts';
import { normalise, pdfText, run, tempPdf } from './helpers.ts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { rolebook: loaded } = loadRolebook({ root: PROJECT_ROOT, today: '2026-06-01' });
const rolebook: Rolebook = loaded!;
const roles = publishedRoles(rolebook, { preview: false });
const LOCALES = rolebook.company.locales; // en ru de nb sv tr

const rendered = new Map<string, { bytes: Uint8Array; file: string; cleanup(): void }>();
async function pdfOf(role: Role, locale: string) {
	const key = `${role.id}/${locale}`;
	let entry = rendered.get(key);
	if (!entry) {
		const bytes = await renderRolePdf(rolebook, role, locale);
		entry = { bytes, ...tempPdf(bytes) };
		rendered.set(key, entry);
	}
	return entry;
}
afterAll(() => rendered.forEach((entry) => entry.cleanup()));

function flatten(items: Item[]): Item[] {
	return items.flatMap((item) => [item, ...flatten(item.items)]);
}

const cases = roles.flatMap((role) => LOCALES.map((locale) => ({ id: role.id, locale, role })));
describe.skipIf(skipWithout('pdftotext', 'pdfinfo'))('the text a reader sees (pdftotext)', () => {
	it.each(cases)('$id in $locale: every numbered item, in order, with its number', async ({ role, locale }) => {
		const { file } = await pdfOf(role, locale);
		const { text: roleText } = localizeRole(role, locale, rolebook.company.defaultLocale);
		// The flowing text without the page furniture (header and footer lines) that interrupts it at page breaks.
		const furniture = /^(.*·.*|.*\b[0-9a-f]{8}|.*\d+\s*(\/|of|из|von|av|af)\s*\d+|)$/;
		const company = rolebook.company.name[locale] ?? rolebook.company.name.en!;
		const text = normalise(
			pdfText(file)
				.replaceAll('\f', '\n')
				.split('\n')
				.filter((line) => line !== company && !furniture.test(line.trim()))
				.join('\n'),
		);
		let from = 0;
		for (const section of roleText.sections) {
			const heading = normalise(`${section.number}. ${section.heading}`);
			const at = text.indexOf(heading, from);
			expect(at, `section heading "${heading}" after position ${from}`).toBeGreaterThanOrEqual(0);
			from = at + heading.length;
			for (const item of flatten(section.items)) {
				const words = normalise(item.text);
				const start = text.indexOf(`${item.number}. ${words.slice(0, 30)}`, from);
				expect(start, `item ${item.number} "${words.slice(0, 40)}…" in ${role.id}/${locale}`).toBeGreaterThanOrEqual(0);
				const tail = words.slice(-25);
				const end = text.indexOf(tail, start);
				expect(end, `end of item ${item.number} ("…${tail}")`).toBeGreaterThan(start);
				from = start + 1;
			}
		}
	});

	it('a locale without a translation shows the English text, its own labels and a visible notice', async () => {
		const role = roles[0]!;
		expect(role.texts.tr).toBeUndefined();
		const text = normalise(pdfText((await pdfOf(role, 'tr')).file));
		expect(text).toContain(normalise(role.texts.en!.title));
		expect(text).toContain('GÖREV TANIMI'); // "Görev tanımı" upper-cased with Turkish rules
		expect(text).toContain('TEBELLÜĞ FORMU');
		expect(text).toContain('Bu görev tanımı henüz Türkçe diline çevrilmedi');
		const translated = normalise(pdfText((await pdfOf(role, 'ru')).file));
		expect(translated).not.toContain('ещё не переведена');
	});

	it('draws Cyrillic, German and Nordic letters as text, not blanks', async () => {
		const ru = pdfText((await pdfOf(roles[0]!, 'ru')).file);
		expect(ru).toContain('ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ');
		expect(ru).toContain('Волкова А.С.');
		const de = pdfText((await pdfOf(roles[0]!, 'de')).file);
		expect(de).toMatch(/[äöüß]/);
		const nb = pdfText((await pdfOf(roles[0]!, 'nb')).file);
		expect(nb).toContain(rolebook.strings.nb!['pdf.familiarisationText']!);
	});

	it.each(cases.filter((c) => ['en', 'ru', 'tr'].includes(c.locale)))('$id in $locale: every page says "Page X of Y" with the real count, number, version and fingerprint', async ({ role, locale }) => {
		const { file, bytes } = await pdfOf(role, locale);
		const pages = (await PDFDocument.load(bytes)).getPageCount();
		expect(pages).toBeGreaterThanOrEqual(2);
		const info = run('pdfinfo', [file]).stdout;
		expect(info).toMatch(new RegExp(`Pages:\\s+${pages}\\b`));
		const t = rolebook.strings[locale]!;
		const fingerprint = localizeRole(role, locale, 'en').text.fingerprint;
		for (let page = 1; page <= pages; page++) {
			const text = normalise(pdfText(file, page));
			expect(text).toContain(t['pdf.page']!.replace('{page}', String(page)).replace('{pages}', String(pages)));
			expect(text).toContain(t['pdf.documentNumber']!.replace('{number}', role.document.number));
			expect(text).toContain(t['pdf.version']!.replace('{version}', String(role.document.version)));
			expect(text).toContain(fingerprint);
			expect(text).toContain(normalise(rolebook.company.name[locale] ?? rolebook.company.name.en!));
		}
	});
});

describe('form fields', () => {
	it.each(roles.map((role) => ({ id: role.id, role })))('$id: text fields for names and dates, /Sig fields for every signatory and familiarisation row', async ({ role }) => {
		const doc = await PDFDocument.load((await pdfOf(role, 'ru')).bytes);
		const fields = doc.getForm().getFields();
		const byName = new Map(fields.map((field) => [field.getName(), field]));
		const expected: [string, typeof PDFTextField | typeof PDFSignature][] = [
			['approval-signature', PDFSignature],
			['approval-date', PDFTextField],
			...role.document.agreedWith.flatMap((s): [string, typeof PDFTextField | typeof PDFSignature][] => [
				[`agreed-${s.id}-signature`, PDFSignature],
				[`agreed-${s.id}-date`, PDFTextField],
			]),
			...Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0')).flatMap((n): [string, typeof PDFTextField | typeof PDFSignature][] => [
				[`familiarisation-${n}-name`, PDFTextField],
				[`familiarisation-${n}-date`, PDFTextField],
				[`familiarisation-${n}-signature`, PDFSignature],
			]),
		];
		expect([...byName.keys()].sort()).toEqual(expected.map(([name]) => name).sort());
		for (const [name, type] of expected) expect(byName.get(name), name).toBeInstanceOf(type);
		for (const field of fields) expect(field.getName()).not.toContain('.');
		// Every widget sits on a page and is printable.
		for (const field of fields) {
			const widget = field.acroField.getWidgets()[0]!;
			expect(widget.P()).toBeDefined();
			expect(widget.dict.get(PDFName.of('F'))?.toString()).toBe('4');
		}
	});

	it.skipIf(skipWithout('pdffonts'))('the text fields accept names typed in any configured language (the field font carries every alphabet)', async () => {
		const doc = await PDFDocument.load((await pdfOf(roles[0]!, 'en')).bytes);
		const text = run('pdffonts', [(await pdfOf(roles[0]!, 'en')).file]).stdout;
		expect(text).toMatch(/DejaVuSans\s/);
		// The English document's regular face still maps Cyrillic, Turkish and Nordic letters (ToUnicode lists them).
		const acroForm = doc.catalog.lookup(PDFName.of('AcroForm')) as import('pdf-lib').PDFDict;
		const dr = acroForm.lookup(PDFName.of('DR')) as import('pdf-lib').PDFDict;
		const font = (dr.lookup(PDFName.of('Font')) as import('pdf-lib').PDFDict).lookup(PDFName.of('F1')) as import('pdf-lib').PDFDict;
		const toUnicode = font.lookup(PDFName.of('ToUnicode')) as import('pdf-lib').PDFRawStream;
		const { inflateSync } = await import('node:zlib');
		const cmap = inflateSync(toUnicode.getContents()).toString('latin1');
		for (const char of 'ЖщğşıİæøåßÄ') expect(cmap, char).toContain(`<${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
	});
});

describe('document properties', () => {
	it('metadata: title, author (company), subject, keywords, language; dates from the content', async () => {
		const role = roles.find((r) => r.id === 'key-account-manager')!;
		const doc = await PDFDocument.load((await pdfOf(role, 'de')).bytes, { updateMetadata: false });
		expect(doc.getTitle()).toBe(`Stellenbeschreibung: ${role.texts.de!.title}`);
		expect(doc.getAuthor()).toBe(rolebook.company.name.de);
		expect(doc.getSubject()).toContain(role.document.number);
		expect(doc.getKeywords()).toContain(role.texts.de!.title);
		expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(de)');
		expect(doc.getCreationDate()?.toISOString().slice(0, 10)).toBe(role.document.effective);
	});

	it('two renders of the same content are byte-identical, in-process and on worker threads', async () => {
		const role = roles[1]!;
		const first = await renderRolePdf(rolebook, role, 'ru');
		const second = await renderRolePdf(rolebook, role, 'ru');
		expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
		const out = mkdtempSync(join(tmpdir(), 'rolebook-workers-'));
		try {
			const jobs = roles.flatMap((r) => ['ru', 'en'].map((locale) => ({ role: r, locale, file: join(out, `${r.id}.${locale}.pdf`) })));
			const result = await generatePdfs(rolebook, jobs, { workers: 2 });
			expect(result.workers).toBe(2);
			expect(Buffer.compare(readFileSync(join(out, `${role.id}.ru.pdf`)), Buffer.from(first))).toBe(0);
		} finally {
			rmSync(out, { recursive: true, force: true });
		}
		// The document ID comes from the content, not from chance.
		const id = (await PDFDocument.load(first)).context.trailerInfo.ID?.toString();
		expect(id).toMatch(/^\[ <[0-9a-f]{32}> <[0-9a-f]{32}> \]$/);
	});

	it('a different text gives a different document ID and fingerprint', async () => {
		const role = roles[0]!;
		const en = await PDFDocument.load(await renderRolePdf(rolebook, role, 'en'));
		const ru = await PDFDocument.load(await renderRolePdf(rolebook, role, 'ru'));
		expect(en.context.trailerInfo.ID?.toString()).not.toBe(ru.context.trailerInfo.ID?.toString());
	});

	it('stays under 130 KB per file', async () => {
		for (const { role, locale } of cases) expect((await pdfOf(role, locale)).bytes.length, `${role.id}/${locale}`).toBeLessThan(130 * 1024);
	});

	it('never ends a page with a section heading (keep-with-next, checked on the real layouts)', () => {
		for (const { role, locale } of cases) {
			const { pages, model } = layoutRole(rolebook, role, locale);
			const headings = new Set(model.sections.map((s) => `${s.number}. ${s.heading}`));
			pages.forEach((page, index) => {
				const flow = page.boxes.filter((box) => box.kind === 'text' && box.y > 80 && box.y < page.height - 60);
				const last = flow.sort((a, b) => (a.kind === 'text' && b.kind === 'text' ? a.y - b.y : 0)).at(-1);
				expect(last && last.kind === 'text' && headings.has(last.text), `${role.id}/${locale} page ${index + 1} ends with a heading`).toBe(false);
			});
		}
	});
});

describe('validators CI runs', () => {
	let files: string[] = [];
	beforeAll(async () => {
		files = await Promise.all(cases.filter((c) => ['en', 'ru', 'tr'].includes(c.locale)).map(async ({ role, locale }) => (await pdfOf(role, locale)).file));
	});

	it.skipIf(skipWithout('qpdf'))('qpdf --check finds no errors', () => {
		for (const file of files) {
			const result = run('qpdf', ['--check', file]);
			expect(result.code, result.stdout + result.stderr).toBe(0);
			expect(result.stdout).toContain('No syntax or stream encoding errors');
		}
	});

	it.skipIf(skipWithout('pdffonts'))('pdffonts: every font embedded, subset, with a Unicode map', () => {
		for (const file of files) {
			const rows = run('pdffonts', [file]).stdout.trim().split('\n').slice(2);
			expect(rows.length).toBe(2);
			for (const row of rows) expect(row, row).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold)?\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
		}
	});

	it.skipIf(skipWithout('pdfsig'))('pdfsig lists the unsigned signature fields', () => {
		const result = run('pdfsig', [files[0]!]);
		expect(result.stdout).toContain('Signature Field Name: approval-signature');
		expect(result.stdout).toContain('Signature Field Name: familiarisation-12-signature');
		expect(result.stdout).toContain('The signature form field is not signed.');
	});

	it.skipIf(skipWithout('pdfinfo'))("pdfinfo (a reader's document properties): title and author in the document's language, the laid-out A4 pages, a form, no JavaScript, not encrypted", async () => {
		for (const { role, locale } of cases.filter((c) => ['en', 'ru', 'tr'].includes(c.locale))) {
			const { file, bytes } = await pdfOf(role, locale);
			const doc = await PDFDocument.load(bytes, { updateMetadata: false });
			const info = new Map(
				run('pdfinfo', ['-enc', 'UTF-8', file])
					.stdout.split('\n')
					.filter((line) => line.includes(':'))
					.map((line): [string, string] => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]),
			);
			const where = `${role.id}/${locale}`;
			// The metadata reaches other programs intact, Cyrillic and Turkish letters included.
			expect(info.get('Title'), where).toBe(doc.getTitle());
			expect(info.get('Title'), where).toContain(localizeRole(role, locale, rolebook.company.defaultLocale).text.title);
			expect(info.get('Author'), where).toBe(rolebook.company.name[locale] ?? rolebook.company.name[rolebook.company.defaultLocale]);
			expect(info.get('Pages'), where).toBe(String(layoutRole(rolebook, role, locale).pages.length));
			expect(info.get('Page size'), where).toBe('595.28 x 841.89 pts (A4)');
			expect(info.get('CreationDate'), where).toContain(role.document.effective!.slice(0, 4));
			expect(info.get('Form'), where).toBe('AcroForm');
			expect(info.get('JavaScript'), where).toBe('no');
			expect(info.get('Encrypted'), where).toBe('no');
		}
	});
});
