/**
 * Pagination: places measured blocks on pages, top to bottom. Rows are the unit that never
 * splits (a line of text, a table row, a signature line). The rules that decide page breaks:
 * - `newPage`: the block starts on a fresh page;
 * - `keepTogether`: the block moves whole to the next page rather than splitting;
 * - `keepWithNext`: the block stays on the page of the next block's first lines, so a heading
 *   (or an intro ending in ":", or an item with sub-items) never ends a page. Chains of such
 *   blocks move together;
 * - `orphans` / `widows`: a block split across pages leaves at least that many rows on the
 *   first page and carries at least that many to the next (default 1: any split);
 * - `repeat`: a row placed first on every page the block starts on, when the block lands at
 *   the top of a page by a page break (a table's header row).
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
	/** Fewest rows left at the bottom of a page when the block splits (default 1). */
	orphans?: number;
	/** Fewest rows carried to the top of the next page when the block splits (default 1). */
	widows?: number;
	/** A row repeated at the top of a page the block is continued or moved to (a table's header). */
	repeat?: Row;
}

/** The part of the page that flows content: from `top` to `bottom`, measured from the page top. */
export interface Frame {
	top: number;
	bottom: number;
}

const heightOf = (rows: readonly Row[]) => rows.reduce((sum, row) => sum + row.height, 0);

/** The rows of `block` that must share a page with a preceding keep-with-next block. */
function leadRows(block: Block): readonly Row[] {
	const orphans = block.orphans ?? 1;
	const widows = block.widows ?? 1;
	if (block.keepTogether || block.rows.length < orphans + widows) return block.rows;
	return block.rows.slice(0, orphans);
}

/** Boxes of each page, positioned on the page. */
export function paginate(blocks: readonly Block[], frame: Frame): Box[][] {
	const pages: Box[][] = [[]];
	const capacity = frame.bottom - frame.top;
	let y = frame.top;
	const atTop = () => y === frame.top;
	const place = (row: Row) => {
		const page = pages[pages.length - 1]!;
		for (const box of row.boxes) page.push(shift(box, y));
		y += row.height;
	};
	const newPage = (block: Block) => {
		pages.push([]);
		y = frame.top;
		if (block.repeat) place(block.repeat);
	};

	blocks.forEach((block, index) => {
		if (block.newPage && !atTop()) {
			pages.push([]);
			y = frame.top;
		}

		// Height that must fit on this page before the block starts: the block itself when it is
		// kept together, its lead rows, or — kept with the next one, chained — each link plus the
		// lead rows of the last.
		let needed = 0;
		let j = index;
		while (blocks[j]!.keepWithNext && j + 1 < blocks.length && !blocks[j + 1]!.newPage) {
			needed += (j === index ? 0 : blocks[j]!.spaceBefore) + heightOf(blocks[j]!.rows);
			j++;
		}
		needed += j > index ? blocks[j]!.spaceBefore + heightOf(leadRows(blocks[j]!)) : heightOf(leadRows(block));
		const space = atTop() ? 0 : block.spaceBefore;
		if (!atTop() && y + space + needed > frame.bottom && needed <= capacity) newPage(block);

		if (!atTop()) y += block.spaceBefore;
		const orphans = block.keepTogether ? 1 : (block.orphans ?? 1);
		const widows = block.keepTogether ? 1 : (block.widows ?? 1);
		let next = 0;
		while (next < block.rows.length) {
			let fit = 0;
			let bottom = y;
			while (next + fit < block.rows.length && bottom + block.rows[next + fit]!.height <= frame.bottom) bottom += block.rows[next + fit++]!.height;
			const rest = block.rows.length - next;
			let take = fit;
			if (take < rest) {
				if (rest - take < widows) take = rest - widows;
				if (take < (next === 0 ? orphans : 1)) take = 0;
				if (take <= 0 && atTop()) take = Math.max(fit, 1);
			}
			for (let k = 0; k < take; k++) place(block.rows[next + k]!);
			next += take;
			if (next < block.rows.length) newPage(block);
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
