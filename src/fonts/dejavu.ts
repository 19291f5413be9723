/**
 * DejaVu Sans and DejaVu Sans Bold from the `dejavu-fonts-ttf` npm package (never fonts
 * installed on the machine): the one font of the PDFs and the link-preview cards. Each face is
 * read once per process (or worker), and parsed (fontkit) once when something asks about its
 * glyphs — the PDF and card renderers or the glyph check.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Font } from '@pdf-lib/fontkit';
import type { Coverage } from './coverage.ts';

export type FaceName = 'regular' | 'bold';

/** Human name of the font family, for messages. */
export const FONT_FAMILY = 'DejaVu Sans';

const FILES: Record<FaceName, string> = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' };

export interface FontFile extends Coverage {
	name: FaceName;
	/** File name, e.g. "DejaVuSans-Bold.ttf". */
	file: string;
	/** Bytes of the TTF file. */
	data: Uint8Array;
	/** The parsed font (fontkit), parsed on first use. */
	readonly font: Font;
}

const loaded = new Map<FaceName, FontFile>();

const require = createRequire(import.meta.url);

function fontDir(): string {
	return join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

/** One face, read on first use. `has` answers from the font's character map, cached per code point. */
export function dejavu(name: FaceName): FontFile {
	let face = loaded.get(name);
	if (face) return face;
	const data = new Uint8Array(readFileSync(join(fontDir(), FILES[name])));
	let font: Font | undefined;
	// The same module instance as `import fontkit from '@pdf-lib/fontkit'` (the package has only a CommonJS entry).
	const parsed = () => (font ??= (require('@pdf-lib/fontkit') as typeof import('@pdf-lib/fontkit')).create(data as Buffer) as Font);
	const known = new Map<number, boolean>();
	face = {
		name,
		file: FILES[name],
		data,
		get font() {
			return parsed();
		},
		has(codePoint) {
			let value = known.get(codePoint);
			if (value === undefined) {
				value = parsed().hasGlyphForCodePoint(codePoint);
				known.set(codePoint, value);
			}
			return value;
		},
	};
	loaded.set(name, face);
	return face;
}
