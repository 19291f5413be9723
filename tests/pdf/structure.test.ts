/**
 * The tagged structure of every shipped role × locale, read back with pdf.js — the engine of
 * Firefox's viewer, whose accessibility tree screen readers use: the leaves of the structure,
 * in reading order, are the document's approval block, title, sections with their numbered
 * items as nested lists, agreement block and familiarisation table, every field a Form element;
 * each page's tree holds exactly the content drawn on it; bookmarks lead to the headings.
 */
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { loadRolebook, publishedRoles, type Role, type Rolebook } from '../../src/model/index.ts';
import { layoutRole, renderRolePdf } from '../../src/pdf/index.ts';
import type { DocumentItem, DocumentModel } from '../../src/pdf/model.ts';
import { PROJECT_ROOT } from '../helpers/fixture.ts';
import { documentLeaves, joinLines, openPdf, type Leaf } from './pdfjs.ts';

const { rolebook: loaded } = loadRolebook({ root: PROJECT_ROOT, today: '2026-06-01' });
const rolebook: Rolebook = loaded!;
const roles = publishedRoles(rolebook, { preview: false });
const cases = roles.flatMap((role) => rolebook.company.locales.map((locale) => ({ id: role.id, locale, role })));

type Expected = [path: string, text: string];

/** The leaves a reader should meet, from the document model alone (no layout). */
function expectedLeaves(model: DocumentModel, rows: number): Expected[] {
	const out: Expected[] = [];
	const { labels } = model;
	const signatory = (path: string, who: { title: string; name: string }, prefix: string, withTitle: boolean) => {
		if (withTitle) out.push([`${path}/P`, who.title]);
		out.push([`${path}/Form`, `field:${prefix}-signature`], [`${path}/P`, who.name], [`${path}/P`, labels.dateLine], [`${path}/Form`, `field:${prefix}-date`]);
	};
	if (model.approver) {
		out.push(['Div/P', labels.approved], ['Div/P', model.approver.title]);
		signatory('Div', model.approver, 'approval', false);
	}
	// The title's two lines are one heading; a fallback title is a span in its own language.
	if (model.textLocale !== model.locale) out.push(['H1', labels.jobDescription], ['H1/Span', model.title]);
	else out.push(['H1', `${labels.jobDescription} ${model.title}`]);
	out.push(['P', model.department], ['P', '*']);
	if (model.fallbackNotice) out.push(['P', model.fallbackNotice]);
	const items = (list: readonly DocumentItem[], path: string) => {
		for (const item of list) {
			out.push([`${path}/L/LI/Lbl`, `${item.number}.`], [`${path}/L/LI/LBody`, item.text]);
			if (item.items.length > 0) items(item.items, `${path}/L/LI/LBody`);
		}
	};
	for (const section of model.sections) {
		out.push(['Sect/H2', `${section.number}. ${section.heading}`]);
		if (section.intro) out.push(['Sect/P', section.intro]);
		items(section.items, 'Sect');
	}
	if (model.agreed.length > 0) {
		out.push(['Sect/H2', labels.agreed]);
		for (const who of model.agreed) signatory('Sect/Div', who, `agreed-${who.id}`, true);
	}
	out.push(['Sect/H2', labels.familiarisation], ['Sect/P', labels.familiarisationText]);
	for (const header of [labels.number, labels.fullName, labels.date, labels.signature]) out.push(['Sect/Table/TR/TH', header]);
	for (let i = 1; i <= rows; i++) {
		const n = String(i).padStart(2, '0');
		out.push(['Sect/Table/TR/TD', String(i)], ['Sect/Table/TR/TD/Form', `field:familiarisation-${n}-name`], ['Sect/Table/TR/TD/Form', `field:familiarisation-${n}-date`], ['Sect/Table/TR/TD/Form', `field:familiarisation-${n}-signature`]);
	}
	return out;
}

/**
 * Leaves as compared: text without white space — pdf.js joins a line broken after a real hyphen
 * with a space ("Key- Account-Manager"), which says nothing about the structure.
 */
const squeeze = (text: string) => text.replace(/[\s\u00AD]+/g, '');
const comparable = (leaves: readonly Leaf[]): Expected[] => leaves.map((leaf) => [leaf.path, squeeze(leaf.text)]);

async function structureOf(role: Role, locale: string, bytes?: Uint8Array) {
	const pdf = await openPdf(bytes ?? (await renderRolePdf(rolebook, role, locale)));
	try {
		return { ...(await documentLeaves(pdf)), outline: (await pdf.getOutline()) ?? [], pdf };
	} finally {
		// Kept open for the outline's destinations; closed by the caller.
	}
}

describe('the structure a screen reader gets (pdf.js getStructTree)', () => {
	it.each(cases)('$id in $locale: sections, items, blocks and fields in reading order', async ({ role, locale }) => {
		const { model, template } = layoutRole(rolebook, role, locale);
		const rows = template.blocks.find((block) => block.type === 'familiarisation')?.rows ?? 10;
		const { leaves, pages, outline, pdf } = await structureOf(role, locale);
		const expected = expectedLeaves(model, rows);
		const actual = comparable(leaves).map(([path, text], i): Expected => [path, expected[i]?.[1] === '*' ? '*' : text]);
		expect(actual).toEqual(expected.map(([path, text]): Expected => [path, text === '*' ? '*' : squeeze(text)]));
		// A word hyphenated at a line break is read whole: its element's /ActualText holds the text.
		for (const leaf of leaves) expect(leaf.text, leaf.path).not.toMatch(/\u00AD/);

		// Each page's tree is rooted in one Document element and holds only what that page draws.
		const laid = layoutRole(rolebook, role, locale).pages;
		pages.forEach((page, index) => {
			expect(page.tree.children?.map((child) => child.role)).toEqual(['Document']);
			const drawn = laid[index]!.boxes.filter((box) => (box.kind === 'text' && box.tag !== undefined) || box.kind === 'field').length;
			expect(page.leaves.length, `page ${index + 1}`).toBeGreaterThan(0);
			expect(page.leaves.length, `page ${index + 1}: no more leaves than tagged boxes`).toBeLessThanOrEqual(drawn);
			const fields = laid[index]!.boxes.flatMap((box) => (box.kind === 'field' ? [`field:${box.name}`] : []));
			expect(page.leaves.filter((leaf) => leaf.text.startsWith('field:')).map((leaf) => leaf.text)).toEqual(fields);
		});

		// A fallback text is marked with its own language; otherwise no element needs one.
		const other = leaves.filter((leaf) => leaf.lang !== undefined);
		if (model.textLocale !== model.locale) {
			expect(leaves.filter((leaf) => leaf.path.startsWith('Sect/L')).every((leaf) => leaf.lang === model.textLocale)).toBe(true);
			expect(leaves.find((leaf) => leaf.path === 'H1/Span')?.lang).toBe(model.textLocale);
		} else expect(other).toEqual([]);

		// Bookmarks: every section heading, the agreement block and the familiarisation sheet, each opening its page.
		const titles = [...model.sections.map((section) => `${section.number}. ${section.heading}`), ...(model.agreed.length > 0 ? [model.labels.agreed] : []), model.labels.familiarisation];
		expect(outline.map((entry) => entry.title)).toEqual(titles);
		for (const entry of outline) {
			const leaf = leaves.find((candidate) => candidate.path === 'Sect/H2' && squeeze(candidate.text) === squeeze(entry.title))!;
			const dest = entry.dest as [{ num: number; gen: number }, ...unknown[]];
			expect(await pdf.getPageIndex(dest[0]), entry.title).toBe(leaf.page - 1);
		}
		await pdf.destroy();
	});

	it('the catalog opens with the bookmarks, shows the title, and is tagged in the document language', async () => {
		const role = roles[0]!;
		const doc = await PDFDocument.load(await renderRolePdf(rolebook, role, 'ru'), { updateMetadata: false });
		expect(doc.catalog.get(PDFName.of('PageMode'))?.toString()).toBe('/UseOutlines');
		expect(doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).get(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true');
		expect(doc.catalog.lookup(PDFName.of('MarkInfo'), PDFDict).get(PDFName.of('Marked'))?.toString()).toBe('true');
		expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(ru)');
		const annotated = doc.getPages().filter((page) => page.node.Annots()?.size());
		expect(annotated.length).toBeGreaterThanOrEqual(2);
		for (const page of annotated) expect(page.node.get(PDFName.of('Tabs'))?.toString()).toBe('/S');
	});

	it('the running header and footer, rules and the DRAFT watermark are artifacts: no leaf of the structure', async () => {
		const role = roles[0]!;
		const draft: Role = { ...role, document: { ...role.document, status: 'draft' } };
		const { leaves, pdf } = await structureOf(draft, 'en');
		const { model } = layoutRole(rolebook, draft, 'en');
		const texts = leaves.map((leaf) => leaf.text);
		for (const furniture of [model.labels.watermark, model.company, model.labels.fingerprint]) expect(texts.some((text) => text.includes(furniture)), furniture).toBe(false);
		// …while pdf.js still sees them drawn, as artifacts.
		const content = await (await pdf.getPage(1)).getTextContent({ includeMarkedContent: true });
		const artifacts = content.items.filter((item) => 'type' in item && item.type === 'beginMarkedContentProps' && (item as { tag?: string }).tag === 'Artifact');
		expect(artifacts.length).toBeGreaterThanOrEqual(3);
		const all = content.items.map((item) => ('str' in item ? item.str : '')).join('');
		expect(all).toContain(model.labels.watermark);
		await pdf.destroy();
	});

	it('the familiarisation table continued on a new page repeats its header row as an artifact, and the structure keeps one header row', async () => {
		const role = roles[0]!;
		const holders = Array.from({ length: 30 }, (_, i) => `Holder ${i + 1}`);
		const bytes = await renderRolePdf(rolebook, role, 'en', { holders });
		const { leaves, pdf } = await structureOf(role, 'en', bytes);
		const { model, pages } = layoutRole(rolebook, role, 'en', { holders });
		expect(leaves.filter((leaf) => leaf.path === 'Sect/Table/TR/TH').map((leaf) => leaf.text)).toEqual([model.labels.number, model.labels.fullName, model.labels.date, model.labels.signature]);
		expect(leaves.filter((leaf) => leaf.path === 'Sect/Table/TR/TD').map((leaf) => leaf.text)).toEqual(holders.map((_, i) => String(i + 1)));
		// The last page starts with the header row, drawn again (pdf.js sees the text, marked as an artifact).
		const last = await pdf.getPage(pages.length);
		const content = await last.getTextContent({ includeMarkedContent: true });
		let artifact = 0;
		const headerTexts: string[] = [];
		for (const item of content.items) {
			if ('type' in item) {
				if (item.type === 'beginMarkedContentProps' && (item as { tag?: string }).tag === 'Artifact') artifact++;
				else if (item.type === 'endMarkedContent' && artifact > 0) artifact--;
			} else if (artifact > 0) headerTexts.push(item.str);
		}
		expect(headerTexts.join(' ')).toContain(model.labels.fullName);
		await pdf.destroy();
	});
});
