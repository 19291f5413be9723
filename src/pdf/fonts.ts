/**
 * The PDF's fonts: DejaVu Sans and DejaVu Sans Bold from the `dejavu-fonts-ttf` npm package
 * (never fonts installed on the machine), parsed once per process. A face answers the two
 * questions layout asks — can it draw this character, and how wide is it — from caches, so
 * measuring never runs OpenType shaping.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { Font } from '@pdf-lib/fontkit';

export type FaceName = 'regular' | 'bold';

export interface Face {
	name: FaceName;
	/** PostScript name, e.g. "DejaVuSans-Bold". */
	postscriptName: string;
	font: Font;
	/** Bytes of the TTF file. */
	data: Uint8Array;
	/** Font units → 1/1000 em. */
	scale: number;
	/** Whether the font has a real glyph (not .notdef) for the code point. */
	has(codePoint: number): boolean;
	/** Glyph id for the code point (0 when missing). */
	glyphId(codePoint: number): number;
	/** Advance width in 1/1000 em. */
	advance(codePoint: number): number;
	/** Width of `text` at `size` points, summing cached per-character advances. */
	width(text: string, size: number): number;
}

const FILES: Record<FaceName, string> = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' };

/** Human name of the font family, for error messages. */
export const FONT_FAMILY = 'DejaVu Sans';

let faces: Record<FaceName, Face> | undefined;

function fontDir(): string {
	const require = createRequire(import.meta.url);
	return join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

function loadFace(name: FaceName): Face {
	const data = new Uint8Array(readFileSync(join(fontDir(), FILES[name])));
	const font = fontkit.create(data as Buffer) as Font;
	const scale = 1000 / font.unitsPerEm;
	const ids = new Map<number, number>();
	const advances = new Map<number, number>();
	const glyphId = (codePoint: number): number => {
		let id = ids.get(codePoint);
		if (id === undefined) {
			id = font.hasGlyphForCodePoint(codePoint) ? font.glyphForCodePoint(codePoint).id : 0;
			ids.set(codePoint, id);
		}
		return id;
	};
	const advance = (codePoint: number): number => {
		let value = advances.get(codePoint);
		if (value === undefined) {
			value = font.getGlyph(glyphId(codePoint)).advanceWidth * scale;
			advances.set(codePoint, value);
		}
		return value;
	};
	return {
		name,
		postscriptName: font.postscriptName ?? FILES[name].replace(/\.ttf$/, ''),
		font,
		data,
		scale,
		has: (codePoint) => glyphId(codePoint) !== 0,
		glyphId,
		advance,
		width(text, size) {
			let total = 0;
			for (let i = 0; i < text.length; i++) {
				let code = text.charCodeAt(i);
				if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) code = text.codePointAt(i++)!;
				total += advance(code);
			}
			return (total * size) / 1000;
		},
	};
}

/** Both faces, parsed on first use and kept for the life of the process (or worker). */
export function getFaces(): Record<FaceName, Face> {
	faces ??= { regular: loadFace('regular'), bold: loadFace('bold') };
	return faces;
}

/** Where a piece of text comes from, so a character the font lacks can be reported precisely. */
export interface TextOrigin {
	role: string;
	locale: string;
	/** File the text was read from, relative to the project root. */
	file: string;
	/** Field path inside the file, e.g. "sections[1].items[12].text" or "pdf.approved". */
	field: string;
}

/** A character no embedded face can draw: the PDF would show a blank or a box, so this is an error. */
export class MissingGlyphError extends Error {
	constructor(
		readonly origin: TextOrigin,
		readonly char: string,
		readonly codePoint: number,
	) {
		const code = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
		super(
			`${origin.file}: ${origin.field}: the PDF font (${FONT_FAMILY}) cannot draw "${char}" (${code}) ` +
				`in role "${origin.role}", locale "${origin.locale}". Replace the character or remove it.`,
		);
		this.name = 'MissingGlyphError';
	}
}

/** Characters that never reach the page: soft hyphens are removed or become "-" at a line break. */
const INVISIBLE = new Set([0x00ad, 0x0a, 0x0d, 0x09]);

/** Throws a MissingGlyphError for the first character of `text` that `face` cannot draw. */
export function assertDrawable(text: string, face: Face, origin: TextOrigin): void {
	for (const char of text) {
		const codePoint = char.codePointAt(0)!;
		if (!INVISIBLE.has(codePoint) && !face.has(codePoint)) throw new MissingGlyphError(origin, char, codePoint);
	}
}
