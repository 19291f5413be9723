/**
 * The familiarisation sheet pre-filled with the role's current holders: names go into the
 * first rows' name fields as values with appearances that display (Cyrillic included), extra
 * holders add rows, and the names are part of the cache key.
 */
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRolebook, publishedRoles, type Role, type Rolebook } from '../../src/model/index.ts';
import { cacheKey, layoutRole, MissingGlyphError, renderRolePdf } from '../../src/pdf/index.ts';
import { PROJECT_ROOT } from '../helpers/fixture.ts';
import { skipWithout } from '../helpers/tools.ts';
import { normalise, pdfText, run, tempPdf } from './helpers.ts';

const { rolebook: loaded } = loadRolebook({ root: PROJECT_ROOT, today: '2026-06-01' });
const rolebook: Rolebook = loaded!;
const role: Role = publishedRoles(rolebook, { preview: false }).find((candidate) => candidate.id === 'client-manager')!;
const HOLDERS = ['Иванова Мария Петровна', 'Jürgen Müller', 'Şule Yılmaz', 'Åse Østby-Ærø'];

const files: { cleanup(): void }[] = [];
afterAll(() => files.forEach((file) => file.cleanup()));

describe('familiarisation sheet pre-filled with holders', () => {
	it('writes each name into the next row\'s name field; the other rows stay empty', async () => {
		const bytes = await renderRolePdf(rolebook, role, 'ru', { holders: HOLDERS });
		const form = (await PDFDocument.load(bytes)).getForm();
		HOLDERS.forEach((name, i) => expect(form.getTextField(`familiarisation-0${i + 1}-name`).getText()).toBe(name));
		expect(form.getTextField('familiarisation-05-name').getText()).toBeUndefined();
		expect(form.getTextField('familiarisation-01-date').getText()).toBeUndefined();
	});

	it.skipIf(skipWithout('pdftotext', 'qpdf'))('the names display: their appearances draw them in the embedded field font (pdftotext reads them)', async () => {
		const bytes = await renderRolePdf(rolebook, role, 'ru', { holders: HOLDERS });
		const file = tempPdf(bytes);
		files.push(file);
		const text = normalise(pdfText(file.file));
		for (const name of HOLDERS) expect(text).toContain(name);
		expect(run('qpdf', ['--check', file.file]).code).toBe(0);
	});

	it('a long name shrinks to fit its field instead of running out of it', async () => {
		const long = 'Константинопольская-Александровская Анастасия-Мария Вениаминовна';
		const { pages } = layoutRole(rolebook, role, 'ru', { holders: [long] });
		const field = pages.flatMap((page) => page.boxes).find((box) => box.kind === 'field' && box.name === 'familiarisation-01-name');
		expect(field && field.kind === 'field' && field.value).toBe(long);
		const doc = await PDFDocument.load(await renderRolePdf(rolebook, role, 'ru', { holders: [long] }));
		const da = (doc.getForm().getTextField('familiarisation-01-name').acroField.dict.lookup(PDFName.of('DA')) as PDFString).asString();
		const size = Number(da.match(/([\d.]+) Tf/)![1]);
		expect(size).toBeLessThan(10);
		expect(size).toBeGreaterThanOrEqual(6);
	});

	it('more holders than the template has rows adds rows', async () => {
		const many = Array.from({ length: 14 }, (_, i) => `Holder ${i + 1}`);
		const form = (await PDFDocument.load(await renderRolePdf(rolebook, role, 'en', { holders: many }))).getForm();
		expect(form.getTextField('familiarisation-14-name').getText()).toBe('Holder 14');
		expect(form.getFields().some((field) => field.getName() === 'familiarisation-15-name')).toBe(false);
	});

	it('a name the font cannot draw is reported with the holder\'s index', () => {
		expect(() => layoutRole(rolebook, role, 'en', { holders: ['Anna Smith', 'Li 漢'] })).toThrow(MissingGlyphError);
		expect(() => layoutRole(rolebook, role, 'en', { holders: ['Anna Smith', 'Li 漢'] })).toThrow(/holders\[1\].*U\+6F22/);
	});

	it('without holders the document is unchanged; holders are part of the cache key', async () => {
		const plain = await renderRolePdf(rolebook, role, 'en');
		expect(Buffer.compare(Buffer.from(await renderRolePdf(rolebook, role, 'en', { holders: [] })), Buffer.from(plain))).toBe(0);
		expect(cacheKey(rolebook, role, 'en', { holders: [] })).toBe(cacheKey(rolebook, role, 'en'));
		expect(cacheKey(rolebook, role, 'en', { holders: ['Anna Smith'] })).not.toBe(cacheKey(rolebook, role, 'en'));
		expect(cacheKey(rolebook, role, 'en', { holders: ['Anna Smith'] })).not.toBe(cacheKey(rolebook, role, 'en', { holders: ['Anna Smyth'] }));
	});
});
