/**
 * Layout on its own: line breaking and hyphenation, pagination, keep-with-next, widows and
 * orphans, repeated table headers, with a monospace measure (every character 1 unit wide at
 * size 1) so expected numbers are plain arithmetic; then the real layouts of the shipped roles.
 * No PDF is made here.
 */
import { describe, expect, it } from 'vitest';
import { loadRolebook, publishedRoles, type Rolebook } from '../../src/model/index.ts';
import { layoutRole } from '../../src/pdf/index.ts';
import { layoutDocument } from '../../src/pdf/layout/document.ts';
import { measureWithFonts } from '../../src/pdf/render.ts';
import { hyphenatorFor } from '../../src/pdf/layout/hyphenate.ts';
import { breakLines } from '../../src/pdf/layout/lines.ts';
import { paginate, type Block, type Row } from '../../src/pdf/layout/paginate.ts';
import type { Box, StructNode, TextBox } from '../../src/pdf/layout/types.ts';
import { PROJECT_ROOT } from '../helpers/fixture.ts';

const shippedBook: Rolebook = loadRolebook({ root: PROJECT_ROOT, today: '2026-06-01' }).rolebook!;
const shipped = publishedRoles(shippedBook, { preview: false }).flatMap((role) => shippedBook.company.locales.map((locale) => ({ role, locale })));

const mono = (text: string) => [...text].length;

describe('breakLines', () => {
	it('fills lines greedily at spaces and never exceeds the width', () => {
		const lines = breakLines('the quick brown fox jumps over the lazy dog', 15, mono);
		expect(lines).toEqual(['the quick brown', 'fox jumps over', 'the lazy dog']);
		for (const line of lines) expect(mono(line)).toBeLessThanOrEqual(15);
	});

	it('follows Unicode rules: breaks after a hyphen, never before closing punctuation', () => {
		expect(breakLines('business-plans', 10, mono)).toEqual(['business-', 'plans']);
		// "(products)." must not be split before ")" or "."
		expect(breakLines('goods (products).', 12, mono)).toEqual(['goods', '(products).']);
	});

	it('ends a line with the soft hyphen where it breaks at one (drawn as a hyphen, read as U+00AD) and drops it elsewhere', () => {
		const text = 'Verantwortungs\u00ADbereich der Ab\u00ADteilung';
		const lines = breakLines(text, 16, mono);
		expect(lines).toEqual(['Verantwortungs\u00AD', 'bereich der Ab\u00AD', 'teilung']);
		expect(breakLines(text, 100, mono)).toEqual(['Verantwortungsbereich der Abteilung']);
	});

	it('cuts a word longer than the line by characters rather than overflowing', () => {
		expect(breakLines('ab supercalifragilistic cd', 8, mono)).toEqual(['ab', 'supercal', 'ifragili', 'stic cd']);
	});

	it('keeps required line breaks and returns one empty line for empty text', () => {
		expect(breakLines('one\ntwo', 50, mono)).toEqual(['one', 'two']);
		expect(breakLines('', 50, mono)).toEqual(['']);
	});
});

/** A block of `lines` rows of height 10, each with one text box naming the block and line. */
function block(name: string, lines: number, options: Partial<Block> = {}): Block {
	const rows: Row[] = Array.from({ length: lines }, (_, i) => ({
		height: 10,
		boxes: [{ kind: 'text', x: 0, y: 8, text: `${name}#${i + 1}`, style: { face: 'regular', size: 8 } } satisfies TextBox],
	}));
	return { rows, spaceBefore: 0, ...options };
}
const texts = (page: Box[]) => page.filter((box): box is TextBox => box.kind === 'text').map((box) => box.text);
const frame = { top: 0, bottom: 100 }; // room for ten rows

describe('paginate', () => {
	it('places rows top to bottom and continues a long block on the next page', () => {
		const pages = paginate([block('a', 7), block('b', 6)], frame);
		expect(pages.map(texts)).toEqual([
			['a#1', 'a#2', 'a#3', 'a#4', 'a#5', 'a#6', 'a#7', 'b#1', 'b#2', 'b#3'],
			['b#4', 'b#5', 'b#6'],
		]);
		const first = pages[1]![0] as TextBox;
		expect(first.y).toBe(8); // positions restart at the top of the frame
	});

	it('never leaves a heading alone at the bottom of a page (keep-with-next)', () => {
		const pages = paginate([block('body', 9), block('heading', 1, { keepWithNext: true }), block('item', 3)], frame);
		expect(pages.map(texts)).toEqual([
			['body#1', 'body#2', 'body#3', 'body#4', 'body#5', 'body#6', 'body#7', 'body#8', 'body#9'],
			['heading#1', 'item#1', 'item#2', 'item#3'],
		]);
	});

	it('keeps a chain (heading → intro → first item line) together', () => {
		const blocks = [block('body', 8), block('heading', 1, { keepWithNext: true }), block('intro', 1, { keepWithNext: true }), block('item', 2)];
		const pages = paginate(blocks, frame);
		expect(texts(pages[0]!)).toEqual(['body#1', 'body#2', 'body#3', 'body#4', 'body#5', 'body#6', 'body#7', 'body#8']);
		expect(texts(pages[1]!)).toEqual(['heading#1', 'intro#1', 'item#1', 'item#2']);
		// With one more free row, the chain fits and the item may continue overleaf.
		const roomier = paginate([block('body', 7), ...blocks.slice(1)], frame);
		expect(texts(roomier[0]!).slice(-3)).toEqual(['heading#1', 'intro#1', 'item#1']);
	});

	it('moves a keep-together block whole, and starts a new-page block on a fresh page', () => {
		const pages = paginate([block('body', 8), block('signature', 3, { keepTogether: true }), block('sheet', 1, { newPage: true })], frame);
		expect(pages.map(texts)).toEqual([
			['body#1', 'body#2', 'body#3', 'body#4', 'body#5', 'body#6', 'body#7', 'body#8'],
			['signature#1', 'signature#2', 'signature#3'],
			['sheet#1'],
		]);
	});

	it('drops space before a block at the top of a page but keeps it elsewhere', () => {
		const pages = paginate([block('a', 1), block('b', 1, { spaceBefore: 15 }), block('c', 9, { spaceBefore: 15, keepTogether: true })], frame);
		const [a, b] = pages[0]!.filter((box): box is TextBox => box.kind === 'text');
		expect(b!.y - a!.y).toBe(25);
		const c = pages[1]!.find((box): box is TextBox => box.kind === 'text' && box.text === 'c#1')!;
		expect(c.y).toBe(8);
	});

	it('splits a keep-together group taller than a page instead of looping', () => {
		const pages = paginate([block('huge', 14, { keepTogether: true })], frame);
		expect(pages.map((page) => texts(page).length)).toEqual([10, 4]);
	});
});

describe('paginate: widows, orphans and repeated table headers', () => {
	it('a split paragraph leaves at least two lines at the bottom (orphans) and carries at least two over (widows)', () => {
		// Room for ten rows; 7 rows used, a 4-line item would split 3 + 1: a widow. It splits 2 + 2.
		const pages = paginate([block('body', 7), block('item', 4, { orphans: 2, widows: 2 })], frame);
		expect(pages.map(texts)).toEqual([
			['body#1', 'body#2', 'body#3', 'body#4', 'body#5', 'body#6', 'body#7', 'item#1', 'item#2'],
			['item#3', 'item#4'],
		]);
		// With one free row only, the item's first line (its label) would be an orphan: it moves whole.
		const moved = paginate([block('body', 9), block('item', 4, { orphans: 2, widows: 2 })], frame);
		expect(moved.map(texts)).toEqual([['body#1', 'body#2', 'body#3', 'body#4', 'body#5', 'body#6', 'body#7', 'body#8', 'body#9'], ['item#1', 'item#2', 'item#3', 'item#4']]);
		// A three-line paragraph cannot split 2 + 2 or 1 + 2 either: it moves whole.
		expect(paginate([block('body', 8), block('item', 3, { orphans: 2, widows: 2 })], frame).map((page) => texts(page).length)).toEqual([8, 3]);
	});

	it('a heading kept with an item needs room for the item\'s first two lines, not one', () => {
		const pages = paginate([block('body', 7), block('heading', 1, { keepWithNext: true }), block('item', 5, { orphans: 2, widows: 2 })], frame);
		// Heading + 2 lines fit in the 3 rows left.
		expect(texts(pages[0]!).slice(-3)).toEqual(['heading#1', 'item#1', 'item#2']);
		const tight = paginate([block('body', 8), block('heading', 1, { keepWithNext: true }), block('item', 5, { orphans: 2, widows: 2 })], frame);
		expect(texts(tight[0]!).at(-1)).toBe('body#8');
		expect(texts(tight[1]!).slice(0, 2)).toEqual(['heading#1', 'item#1']);
	});

	it('a table row that moves to a new page starts it with the repeated header row', () => {
		const header: Row = { height: 10, boxes: [{ kind: 'text', x: 0, y: 8, text: 'header', style: { face: 'regular', size: 8 }, artifact: 'pagination' }] };
		const rows = Array.from({ length: 14 }, (_, i) => block(`row${i + 1}`, 1, { keepTogether: true, repeat: header }));
		const pages = paginate([block('head', 1, { keepWithNext: true }), ...rows], frame);
		expect(pages.map(texts)).toEqual([
			['head#1', ...Array.from({ length: 9 }, (_, i) => `row${i + 1}#1`)],
			['header', ...Array.from({ length: 5 }, (_, i) => `row${i + 10}#1`)],
		]);
		// The repeated header is drawn as an artifact, not read twice.
		expect(pages[1]![0]).toMatchObject({ text: 'header', artifact: 'pagination' });
		expect(pages[1]![0]).not.toHaveProperty('tag');
	});
});

describe('hyphenation (the hyphen package)', () => {
	it('hyphenates a long Russian or German word that does not fit, only where the line would stay too empty', () => {
		const ru = hyphenatorFor('ru')!;
		const de = hyphenatorFor('de')!;
		// 20 columns: "контроль" (8) leaves 12 empty for "ответственности" (15): hyphenated.
		expect(breakLines('контроль ответственности', 20, mono, { hyphenate: ru })).toEqual(['контроль ответствен\u00AD', 'ности']);
		expect(breakLines('Verantwortungsbereich der Abteilung', 16, mono, { hyphenate: de })).toEqual(['Verantwortungs\u00AD', 'bereich der Ab\u00AD', 'teilung']);
		// A line already nearly full (less than a fifth empty) is not hyphenated.
		expect(breakLines('контроль и учёт ответственности', 19, mono, { hyphenate: ru })).toEqual(['контроль и учёт', 'ответственности']);
		// Short words never are.
		expect(breakLines('aaaaaaaaaaaaa Abteil', 18, mono, { hyphenate: de })).toEqual(['aaaaaaaaaaaaa', 'Abteil']);
	});

	it('a word wider than the whole column breaks at hyphenation points before it is ever cut by characters', () => {
		expect(breakLines('Kundenbetreuungsverantwortlicher', 12, mono, { hyphenate: hyphenatorFor('de')! })).toEqual(['Kundenbe\u00AD', 'treuungsver\u00AD', 'antwortli\u00AD', 'cher']);
		expect(breakLines('Kundenbetreuungsverantwortlicher', 12, mono)).toEqual(['Kundenbetreu', 'ungsverantwo', 'rtlicher']);
	});

	it('keeps the space a line broke at, so extracted text reads "word word" (layout option)', () => {
		expect(breakLines('the quick brown fox', 10, mono, { keepSpace: true })).toEqual(['the quick ', 'brown fox']);
	});

	it('has patterns for every shipped locale', () => {
		for (const locale of ['en', 'ru', 'de', 'nb', 'sv', 'tr']) expect(hyphenatorFor(locale), locale).toBeDefined();
	});
});

describe('pagination of the shipped documents (real layouts)', () => {
	it('never leaves a heading, an item label or a single line of an item alone at a page break; every section bookmarked', () => {
		for (const { role, locale } of shipped) {
			const { pages, structure, outline } = layoutRole(shippedBook, role, locale);
			const where = `${role.id}/${locale}`;
			const roles = new Map<number, string>();
			const walk = (node: StructNode) => {
				roles.set(node.id, node.role);
				node.children.forEach(walk);
			};
			walk(structure);
			/** Lines of each element on each page. */
			const lines = pages.map((page) => {
				const count = new Map<number, number>();
				for (const box of page.boxes) if (box.kind === 'text' && box.tag !== undefined) count.set(box.tag, (count.get(box.tag) ?? 0) + 1);
				return count;
			});
			pages.forEach((page, index) => {
				const flow = page.boxes.filter((box): box is TextBox => box.kind === 'text' && box.tag !== undefined).sort((a, b) => a.y - b.y);
				const last = flow.at(-1)!;
				if (index < pages.length - 1) {
					expect(roles.get(last.tag!), `${where} page ${index + 1} ends with a heading`).not.toMatch(/^H\d$/);
					expect(roles.get(last.tag!), `${where} page ${index + 1} ends with an item label`).not.toBe('Lbl');
				}
				// An element continued from the previous page (or onto the next) has at least two lines on each.
				for (const [tag, count] of lines[index]!) {
					const split = (index > 0 && lines[index - 1]!.has(tag)) || (index + 1 < pages.length && lines[index + 1]!.has(tag));
					if (split && roles.get(tag) === 'LBody') expect(count, `${where} page ${index + 1}: element ${tag} split with ${count} line`).toBeGreaterThanOrEqual(2);
				}
			});
			const { model } = layoutRole(shippedBook, role, locale);
			expect(outline.map((entry) => entry.title).slice(0, model.sections.length)).toEqual(model.sections.map((section) => `${section.number}. ${section.heading}`));
		}
	});

	it('a familiarisation table over two pages repeats its header row there', () => {
		const role = shipped[0]!.role;
		const holders = Array.from({ length: 30 }, (_, i) => `Holder ${i + 1}`);
		const { pages, model } = layoutRole(shippedBook, role, 'en', { holders });
		const sheet = pages.filter((page) => page.boxes.some((box) => box.kind === 'field' && box.name.startsWith('familiarisation-')));
		expect(sheet.length).toBe(2);
		for (const page of sheet) {
			const headers = page.boxes.filter((box): box is TextBox => box.kind === 'text' && box.text === model.labels.fullName);
			expect(headers, 'one header row on each page of the table').toHaveLength(1);
		}
		const repeated = sheet[1]!.boxes.find((box): box is TextBox => box.kind === 'text' && box.text === model.labels.fullName)!;
		expect(repeated.artifact).toBe('pagination');
		expect(repeated.tag).toBeUndefined();
		const first = sheet[1]!.boxes.filter((box) => box.kind === 'field').map((box) => (box as { y: number }).y);
		expect(Math.min(...first)).toBeGreaterThan(repeated.y);
	});

	it.each(['de', 'ru'])('a %s text in a narrow column is hyphenated, and each hyphenated element reads whole (/ActualText)', (locale) => {
		const role = shipped[0]!.role;
		const { model, template } = layoutRole(shippedBook, role, locale);
		// The same document in a column of about 60 mm.
		const narrow = { ...template, margins: { ...template.margins, left: 95, right: 55 } };
		const { pages, structure } = layoutDocument(model, narrow, measureWithFonts);
		const hyphenated = pages.flatMap((page) => page.boxes).filter((box): box is TextBox => box.kind === 'text' && box.text.endsWith('\u00AD'));
		expect(hyphenated.length).toBeGreaterThan(5);
		const nodes = new Map<number, StructNode>();
		const walk = (node: StructNode) => {
			nodes.set(node.id, node);
			node.children.forEach(walk);
		};
		walk(structure);
		for (const box of hyphenated) {
			const text = nodes.get(box.tag!)?.actualText;
			expect(text, box.text).toMatch(/\S/);
			expect(text).not.toContain('\u00AD');
		}
		// Lines still fit the column, hyphen included.
		const width = narrow.margins && 595.28 - ((95 + 55) * 72) / 25.4;
		for (const box of hyphenated) expect(measureWithFonts(box.text, box.style.face, box.style.size)).toBeLessThanOrEqual(width + 0.01);
	});
});
