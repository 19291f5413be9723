/**
 * Layout on its own: line breaking, pagination and keep-with-next, with a monospace measure
 * (every character 1 unit wide at size 1) so expected numbers are plain arithmetic. No PDF is
 * made here.
 */
import { describe, expect, it } from 'vitest';
import { breakLines } from '../../src/pdf/layout/lines.ts';
import { paginate, type Block, type Row } from '../../src/pdf/layout/paginate.ts';
import type { Box, TextBox } from '../../src/pdf/layout/types.ts';

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

	it('draws a soft hyphen as "-" where the line breaks at it and drops it elsewhere', () => {
		const text = 'Verantwortungs\u00ADbereich der Ab\u00ADteilung';
		const lines = breakLines(text, 16, mono);
		expect(lines).toEqual(['Verantwortungs-', 'bereich der Ab-', 'teilung']);
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
