/**
 * Pagination: places measured blocks on pages, top to bottom. Rows are the unit that never
 * splits (a line of text, a table row, a signature line). Three rules decide page breaks:
 * - `newPage`: the block starts on a fresh page;
 * - `keepTogether`: the block moves whole to the next page rather than splitting;
 * - `keepWithNext`: the block stays on the page of the next block's first row, so a heading
 *   (or an intro ending in ":") never ends a page. Chains of such blocks move together.
 * A group taller than a whole page is placed anyway, splitting between rows.
 */
import type { Box } from './types.ts';

/** An unbreakable horizontal strip; its boxes' y are relative to the row's top. */
export interface Row {
	height: number;
	boxes: Box[];
}

export interface Block {
	rows: Row[];
	/** Space above the block; dropped at the top of a page. */
	spaceBefore: number;
	keepWithNext?: boolean;
	keepTogether?: boolean;
	newPage?: boolean;
}

/** The part of the page that flows content: from `top` to `bottom`, measured from the page top. */
export interface Frame {
	top: number;
	bottom: number;
}

const heightOf = (block: Block) => block.rows.reduce((sum, row) => sum + row.height, 0);

/** Boxes of each page, positioned on the page. */
export function paginate(blocks: readonly Block[], frame: Frame): Box[][] {
	const pages: Box[][] = [[]];
	const capacity = frame.bottom - frame.top;
	let y = frame.top;
	const atTop = () => y === frame.top;
	const newPage = () => {
		pages.push([]);
		y = frame.top;
	};

	blocks.forEach((block, index) => {
		if (block.newPage && !atTop()) newPage();

		// Height that must fit on this page before the block starts: the block itself when it is
		// kept together or kept with the next one, chained, plus the first row of the last link.
		let needed = 0;
		let j = index;
		while (blocks[j]!.keepWithNext && j + 1 < blocks.length && !blocks[j + 1]!.newPage) {
			needed += (j === index ? 0 : blocks[j]!.spaceBefore) + heightOf(blocks[j]!);
			j++;
		}
		const last = blocks[j]!;
		if (j > index) needed += last.spaceBefore + (last.keepTogether ? heightOf(last) : (last.rows[0]?.height ?? 0));
		else needed = block.keepTogether ? heightOf(block) : (block.rows[0]?.height ?? 0);
		const space = atTop() ? 0 : block.spaceBefore;
		if (!atTop() && y + space + needed > frame.bottom && needed <= capacity) newPage();

		if (!atTop()) y += block.spaceBefore;
		for (const row of block.rows) {
			if (y + row.height > frame.bottom && !atTop()) newPage();
			const page = pages[pages.length - 1]!;
			for (const box of row.boxes) page.push(shift(box, y));
			y += row.height;
		}
	});
	return pages;
}

function shift(box: Box, dy: number): Box {
	switch (box.kind) {
		case 'rule':
			return { ...box, y1: box.y1 + dy, y2: box.y2 + dy };
		case 'watermark':
			return { ...box, cy: box.cy + dy };
		default:
			return { ...box, y: box.y + dy };
	}
}
