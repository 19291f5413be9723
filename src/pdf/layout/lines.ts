/**
 * Line breaking with the Unicode line-breaking rules (UAX #14, the `linebreak` package):
 * greedy filling of break opportunities, soft hyphens (U+00AD) that become "-" when a line
 * breaks at them and vanish otherwise, and a character-level fallback for a word wider than
 * the line.
 */
import LineBreaker from 'linebreak';

export const SOFT_HYPHEN = '\u00AD';
const TRAILING_SPACE = /[ \t\r\n]+$/;

interface Segment {
	/** Text as drawn mid-line: soft hyphens removed. */
	text: string;
	/** Width of `text`, trailing spaces included. */
	width: number;
	/** Width when the segment ends a line: trailing spaces dropped, a final soft hyphen drawn as "-". */
	endWidth: number;
	/** Text when the segment ends a line. */
	endText: string;
	required: boolean;
}

function segments(text: string, width: (text: string) => number): Segment[] {
	const out: Segment[] = [];
	const breaker = new LineBreaker(text);
	let last = 0;
	let next: { position: number; required: boolean } | null;
	while ((next = breaker.nextBreak())) {
		const raw = text.slice(last, next.position);
		last = next.position;
		const trimmed = raw.replace(TRAILING_SPACE, '');
		const endText = trimmed.endsWith(SOFT_HYPHEN) ? `${trimmed.slice(0, -1).replaceAll(SOFT_HYPHEN, '')}-` : trimmed.replaceAll(SOFT_HYPHEN, '');
		const drawn = raw.replaceAll(SOFT_HYPHEN, '').replace(/[\r\n]+$/, '');
		out.push({ text: drawn, width: width(drawn), endText, endWidth: width(endText), required: next.required });
	}
	return out;
}

/** Breaks `text` into lines no wider than `maxWidth` according to `width`. */
export function breakLines(text: string, maxWidth: number, width: (text: string) => number): string[] {
	const lines: string[] = [];
	let line = '';
	let lineWidth = 0;
	let lineEnd = '';
	const finish = () => {
		lines.push(lineEnd);
		line = '';
		lineWidth = 0;
		lineEnd = '';
	};
	for (const segment of segments(text, width)) {
		if (line !== '' && lineWidth + segment.endWidth > maxWidth) finish();
		if (line === '' && segment.endWidth > maxWidth) {
			// A word wider than a whole line: cut it by characters.
			let rest = segment.endText;
			while (width(rest) > maxWidth) {
				const [head, tail] = splitToWidth(rest, maxWidth, width);
				lines.push(head);
				rest = tail;
			}
			line = rest + segment.text.slice(segment.text.trimEnd().length);
			lineEnd = rest;
			lineWidth = width(rest) + (segment.width - segment.endWidth);
		} else {
			lineEnd = line + segment.endText;
			line += segment.text;
			lineWidth += segment.width;
		}
		if (segment.required) finish();
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
