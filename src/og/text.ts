/**
 * Text of the link-preview cards: shaping with fontkit (the same DejaVu files and OpenType
 * kerning and ligatures as everywhere else) and greedy line breaking at the Unicode
 * line-breaking opportunities (UAX #14, the `linebreak` package), with the rules of CSS
 * `white-space: normal`: runs of spaces collapse, trailing spaces never count against the width,
 * and a word wider than the line overflows rather than being cut.
 */
import LineBreaker from 'linebreak';
import { dejavu, type FaceName } from '../fonts/dejavu.ts';

/** A text shaped in one face, in font units. */
export interface Shaped {
	ids: number[];
	/** Advance of each glyph. */
	advances: number[];
	/** Offsets of each glyph from its pen position (kerning moves the pen, marks are offset). */
	dx: number[];
	dy: number[];
	/** Sum of the advances. */
	width: number;
	/** Glyphs that start a character: letter spacing comes after each (a mark joins the glyph before it). */
	clusters: number;
}

/** Shaped texts per face: words and lines repeat across cards. Emptied when full. */
const SHAPED_CACHE_SIZE = 20_000;
const shapedCache: Record<FaceName, Map<string, Shaped>> = { regular: new Map(), bold: new Map() };

export function shape(face: FaceName, text: string): Shaped {
	const cache = shapedCache[face];
	let shaped = cache.get(text);
	if (shaped) return shaped;
	const run = dejavu(face).font.layout(text);
	shaped = { ids: [], advances: [], dx: [], dy: [], width: 0, clusters: 0 };
	for (let i = 0; i < run.glyphs.length; i++) {
		const position = run.positions[i]!;
		shaped.ids.push(run.glyphs[i]!.id);
		shaped.advances.push(position.xAdvance);
		shaped.dx.push(position.xOffset);
		shaped.dy.push(position.yOffset);
		shaped.width += position.xAdvance;
		if (position.xAdvance !== 0 || i === 0) shaped.clusters++;
	}
	if (cache.size >= SHAPED_CACHE_SIZE) cache.clear();
	cache.set(text, shaped);
	return shaped;
}

/** How a text is set: face, size in pixels, line height (a multiple of the size, or the font's own), letter spacing in pixels. */
export interface TextStyle {
	face: FaceName;
	size: number;
	lineHeight?: number;
	letterSpacing?: number;
}

/** Width of `text` in pixels: letter spacing follows every character, the last one too (as in browsers). */
export function textWidth(text: string, style: TextStyle): number {
	const shaped = shape(style.face, text);
	return shaped.width * unitScale(style) + (style.letterSpacing ?? 0) * shaped.clusters;
}

/** Pixels per font unit. */
export const unitScale = (style: TextStyle) => style.size / dejavu(style.face).font.unitsPerEm;

/**
 * Vertical metrics of one line in pixels, as browsers (and satori before) compute them: the line
 * box is the line height rounded to a pixel; the baseline sits the rounded ascent below its top,
 * plus half the leading, floored.
 */
export function lineMetrics(style: TextStyle): { height: number; baseline: number } {
	const { font } = dejavu(style.face);
	const ascent = (font.ascent / font.unitsPerEm) * style.size;
	const descent = (-font.descent / font.unitsPerEm) * style.size;
	const height = style.lineHeight === undefined ? ascent + descent + (font.lineGap / font.unitsPerEm) * style.size : style.size * style.lineHeight;
	const baseline = Math.round(ascent) + Math.floor((height - Math.round(ascent) - Math.round(descent)) / 2);
	return { height: Math.round(height), baseline };
}

/** A piece of a line drawn as one shaped run: a word with the spaces after it. */
export interface Run {
	text: string;
	/** From the start of the line, in pixels. */
	x: number;
}

export interface Line {
	runs: Run[];
	/** Without the trailing spaces. */
	width: number;
}

/** White space as CSS `white-space: normal` draws it (no-break spaces are kept); soft hyphens are not drawn. */
export function collapseWhiteSpace(text: string): string {
	return text.replace(/[ \t\n\r\f]+/g, ' ').replaceAll('\u00ad', '').trim();
}

/** Breaks `text` into lines no wider than `maxWidth` where it can; a word that fits no line overflows its own. */
export function breakLines(text: string, maxWidth: number, style: TextStyle): Line[] {
	const lines: Line[] = [];
	let line: Line = { runs: [], width: 0 };
	let x = 0;
	const breaker = new LineBreaker(text);
	let start = 0;
	let forced = false;
	for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
		const piece = text.slice(start, next.position);
		start = next.position;
		const trimmed = piece.trimEnd();
		const width = textWidth(piece, style);
		const endWidth = trimmed === piece ? width : textWidth(trimmed, style);
		if (line.runs.length > 0 && (forced || x + endWidth > maxWidth)) {
			lines.push(line);
			line = { runs: [], width: 0 };
			x = 0;
		}
		// A break after a hyphen or a slash still draws one run: only a space starts a new one.
		const last = line.runs.at(-1);
		if (last && !/\s$/.test(last.text)) last.text += piece;
		else line.runs.push({ text: piece, x });
		line.width = x + endWidth;
		x += width;
		forced = next.required;
	}
	if (line.runs.length > 0) lines.push(line);
	return lines;
}
