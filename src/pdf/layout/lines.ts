/**
 * Line breaking with the Unicode line-breaking rules (UAX #14, the `linebreak` package):
 * greedy filling of break opportunities, soft hyphens (U+00AD) that end a line where it breaks
 * at them and vanish otherwise, hyphenation of a word that does not fit (see `Hyphenate`), and a
 * character-level fallback for a word wider than the line.
 *
 * A line broken at a hyphenation point ends with U+00AD, kept in the text: the font draws it
 * as a hyphen (DejaVu has a glyph of its own for it), and text extraction and screen readers
 * get U+00AD, which ISO 32000-1 (14.8.2.2.3) reserves for hyphens inserted by layout — so the
 * word reads back whole.
 */
import LineBreaker from 'linebreak';

export const SOFT_HYPHEN = '\u00AD';
const TRAILING_SPACE = /[ \t\r\n]+$/;

/**
 * Hyphenation points of a text: the same text with U+00AD inserted where words may break
 * (the `hyphen` package's patterns, see hyphenate.ts).
 */
export type Hyphenate = (text: string) => string;

/** Hyphenate a word only when the line it does not fit on would otherwise stay this empty (share of the width), … */
export const HYPHENATE_WHEN_ROOM = 0.2;
/** … and only words of at least this many letters. */
export const HYPHENATE_MIN_LETTERS = 8;

interface Segment {
	/** Text as drawn mid-line: soft hyphens removed. */
	text: string;
	/** Width of `text`, trailing spaces included. */
	width: number;
	/** Width when the segment ends a line: trailing spaces dropped (a final soft hyphen drawn). */
	endWidth: number;
	/** Text when the segment ends a line: a final soft hyphen kept (drawn as a hyphen). */
	endText: string;
	required: boolean;
}

function segment(raw: string, required: boolean, width: (text: string) => number): Segment {
	// The common case — a word and its spaces, no soft hyphen, no line break — without regular expressions.
	if (!raw.includes(SOFT_HYPHEN) && !raw.includes('\n') && !raw.includes('\r')) {
		let end = raw.length;
		while (end > 0 && (raw.charCodeAt(end - 1) === 0x20 || raw.charCodeAt(end - 1) === 0x09)) end--;
		const endText = end === raw.length ? raw : raw.slice(0, end);
		const endWidth = width(endText);
		return { text: raw, width: end === raw.length ? endWidth : endWidth + width(raw.slice(end)), endText, endWidth, required };
	}
	const trimmed = raw.replace(TRAILING_SPACE, '');
	const endText = trimmed.endsWith(SOFT_HYPHEN) ? `${trimmed.slice(0, -1).replaceAll(SOFT_HYPHEN, '')}${SOFT_HYPHEN}` : trimmed.replaceAll(SOFT_HYPHEN, '');
	const drawn = raw.replaceAll(SOFT_HYPHEN, '').replace(/[\r\n]+$/, '');
	return { text: drawn, width: width(drawn), endText, endWidth: width(endText), required };
}

function segments(text: string, width: (text: string) => number): Segment[] {
	const out: Segment[] = [];
	const breaker = new LineBreaker(text);
	let last = 0;
	let next: { position: number; required: boolean } | null;
	while ((next = breaker.nextBreak())) {
		out.push(segment(text.slice(last, next.position), next.required, width));
		last = next.position;
	}
	return out;
}

const letters = (text: string) => (text.match(/\p{L}/gu) ?? []).length;

/**
 * The longest head of the segment, up to a hyphenation point, whose hyphenated form fits in
 * `room`; the head (ending in U+00AD) and the rest of the segment, or undefined.
 */
function hyphenateToFit(seg: Segment, room: number, width: (text: string) => number, hyphenate: Hyphenate): [string, string] | undefined {
	if (letters(seg.text) < HYPHENATE_MIN_LETTERS) return undefined;
	const parts = hyphenate(seg.text).split(SOFT_HYPHEN);
	if (parts.length < 2) return undefined;
	for (let k = parts.length - 1; k >= 1; k--) {
		const head = `${parts.slice(0, k).join('')}${SOFT_HYPHEN}`;
		if (width(head) <= room) return [head, parts.slice(k).join('')];
	}
	return undefined;
}

export interface BreakOptions {
	/** Hyphenation points of the text's language: a word that does not fit may break at one. */
	hyphenate?: Hyphenate;
	/**
	 * End a line that breaks at white space with one space: invisible, but text extraction and
	 * screen readers then read "word word" rather than "wordword" across the line break.
	 */
	keepSpace?: boolean;
}

/** Breaks `text` into lines no wider than `maxWidth` according to `width` (trailing spaces never count). */
export function breakLines(text: string, maxWidth: number, width: (text: string) => number, options: BreakOptions = {}): string[] {
	const { hyphenate, keepSpace = false } = options;
	const lines: string[] = [];
	let line = '';
	let lineWidth = 0;
	let lineEnd = '';
	const finish = () => {
		lines.push(keepSpace && /[ \t]$/.test(line) && !lineEnd.endsWith(SOFT_HYPHEN) ? `${lineEnd} ` : lineEnd);
		line = '';
		lineWidth = 0;
		lineEnd = '';
	};
	const queue = segments(text, width);
	for (let i = 0; i < queue.length; i++) {
		let seg = queue[i]!;
		let cut = false;
		if (line !== '' && lineWidth + seg.endWidth > maxWidth) {
			const room = maxWidth - lineWidth;
			const split = hyphenate && room >= maxWidth * HYPHENATE_WHEN_ROOM ? hyphenateToFit(seg, room, width, hyphenate) : undefined;
			if (split) {
				lineEnd = line + split[0];
				finish();
				seg = segment(split[1], seg.required, width);
			} else finish();
		}
		while (line === '' && seg.endWidth > maxWidth) {
			// A word wider than a whole line: hyphenate it, else cut it by characters.
			const split = hyphenate ? hyphenateToFit(seg, maxWidth, width, hyphenate) : undefined;
			if (split) {
				lines.push(split[0]);
				seg = segment(split[1], seg.required, width);
				continue;
			}
			let rest = seg.endText;
			while (width(rest) > maxWidth) {
				const [head, tail] = splitToWidth(rest, maxWidth, width);
				lines.push(head);
				rest = tail;
			}
			line = rest + seg.text.slice(seg.text.trimEnd().length);
			lineEnd = rest;
			lineWidth = width(rest) + (seg.width - seg.endWidth);
			cut = true;
			break;
		}
		if (!cut) {
			lineEnd = line + seg.endText;
			line += seg.text;
			lineWidth += seg.width;
		}
		if (seg.required) finish();
	}
	if (line !== '' || lines.length === 0) lines.push(lineEnd);
	return lines;
}

/** The longest head of `text` (at least one character) that fits, and the rest. */
function splitToWidth(text: string, maxWidth: number, width: (text: string) => number): [string, string] {
	const chars = [...text];
	let count = 1;
	while (count < chars.length && width(chars.slice(0, count + 1).join('')) <= maxWidth) count++;
	return [chars.slice(0, count).join(''), chars.slice(count).join('')];
}
