/**
 * The PDF's fonts: DejaVu Sans and DejaVu Sans Bold from the `dejavu-fonts-ttf` npm package
 * (never fonts installed on the machine), parsed once per process (src/fonts/dejavu.ts, shared
 * with the link-preview cards). A face answers the two questions layout asks — can it draw this
 * character, and how wide is it — from caches, so measuring never runs OpenType shaping. Whether
 * a text can be drawn is the shared rule of src/fonts/coverage.ts.
 */
import type { Font } from '@pdf-lib/fontkit';
import { dejavu } from '../fonts/dejavu.ts';

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

export { FONT_FAMILY } from '../fonts/dejavu.ts';
export { MissingGlyphError, type TextOrigin } from '../fonts/coverage.ts';

let faces: Record<FaceName, Face> | undefined;

function loadFace(name: FaceName): Face {
	const { data, font, file } = dejavu(name);
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
		postscriptName: font.postscriptName ?? file.replace(/\.ttf$/, ''),
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
