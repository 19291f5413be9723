/**
 * A small custom font embedder. pdf-lib's own embedder subsets the font on the characters of
 * each document; Rolebook instead builds one subset per face and character set per process —
 * the alphabets of every configured locale (Latin-1, Latin Extended-A, Cyrillic, common
 * punctuation) plus any other character the document uses — and reuses its bytes. Two
 * reasons: a name typed into a form field later, in any configured language, still has its
 * glyphs in the file; and a document no longer pays ~10 ms per face for subsetting.
 *
 * The font goes in as a Type0 / CIDFontType2 font with Identity-H encoding; character codes
 * are the glyph ids of the subset, and a ToUnicode CMap keeps the text extractable.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PDFRawStream, type PDFContext, type PDFDict, type PDFRef } from 'pdf-lib';
import { PackedSyntax, refSyntax } from './draw/writer.ts';
import type { Face } from './fonts.ts';

/** Code point ranges every subset carries, so typed names in any configured locale display. */
export const BASE_RANGES: readonly [number, number][] = [
	[0x0020, 0x007e], // Basic Latin
	[0x00a0, 0x00ff], // Latin-1 Supplement (German, Nordic)
	[0x0100, 0x017f], // Latin Extended-A (Turkish ğ ş ı İ, …)
	[0x0400, 0x045f], // Cyrillic
	[0x2010, 0x2027], // dashes, quotes, bullets, ellipsis
	[0x2030, 0x203a], // per mille, primes, angle quotes
	[0x20ac, 0x20ac], // €
	[0x20bd, 0x20bd], // ₽
	[0x2116, 0x2116], // №
];

export interface FontSubset {
	face: Face;
	/** "ABCDEF+DejaVuSans": a tag derived from the character set, so it is reproducible. */
	baseName: string;
	/** Code point → character code (= glyph id in the subset). */
	codes: Map<number, number>;
	/** Deflated TrueType subset and its uncompressed length. */
	fontFile: Uint8Array;
	fontFileLength: number;
	/** Deflated ToUnicode CMap. */
	toUnicode: Uint8Array;
	/** Advance widths (1/1000 em) of character codes 1…n, for the /W array. */
	widths: number[];
}

const subsets = new Map<string, Promise<FontSubset>>();

function baseCodePoints(face: Face): number[] {
	const points: number[] = [];
	for (const [from, to] of BASE_RANGES) for (let cp = from; cp <= to; cp++) if (face.has(cp)) points.push(cp);
	return points;
}

/**
 * The subset of `face` for the base alphabets plus `extra` code points (characters of the
 * document outside the base ranges). Built once per face and character set per process.
 */
export function fontSubset(face: Face, extra: Iterable<number> = []): Promise<FontSubset> {
	const base = baseCodePoints(face);
	const baseSet = new Set(base);
	const extras = [...new Set(extra)].filter((cp) => !baseSet.has(cp) && face.has(cp)).sort((a, b) => a - b);
	const key = `${face.name}:${extras.join(',')}`;
	let subset = subsets.get(key);
	if (!subset) {
		subset = buildSubset(face, [...base, ...extras]);
		subsets.set(key, subset);
	}
	return subset;
}

async function buildSubset(face: Face, codePoints: number[]): Promise<FontSubset> {
	const subset = face.font.createSubset();
	const codes = new Map<number, number>();
	const widths: number[] = [];
	const unicodeOf = new Map<number, number>();
	for (const cp of codePoints) {
		const code = subset.includeGlyph(face.glyphId(cp));
		codes.set(cp, code);
		if (!unicodeOf.has(code)) {
			unicodeOf.set(code, cp);
			widths[code - 1] = Math.round(face.advance(cp));
		}
	}
	const bytes = await encodeSubset(subset);
	const tag = createHash('sha256')
		.update(`${face.postscriptName}:${codePoints.join(',')}`)
		.digest()
		.subarray(0, 6)
		.reduce((name, byte) => name + String.fromCharCode(65 + (byte % 26)), '');
	return {
		face,
		baseName: `${tag}+${face.postscriptName}`,
		codes,
		fontFile: deflateSync(bytes, { level: 9 }),
		fontFileLength: bytes.length,
		toUnicode: deflateSync(Buffer.from(toUnicodeCMap(unicodeOf), 'latin1')),
		widths: Array.from({ length: widths.length }, (_, i) => widths[i] ?? 0),
	};
}

function encodeSubset(subset: ReturnType<Face['font']['createSubset']>): Promise<Uint8Array> {
	return new Promise((resolve, reject) => {
		const parts: Uint8Array[] = [];
		// A Node stream underneath; the bundled type declarations omit its 'error' event.
		const stream = subset.encodeStream() as unknown as NodeJS.EventEmitter;
		stream
			.on('data', (bytes: Uint8Array) => parts.push(bytes))
			.on('end', () => resolve(Buffer.concat(parts)))
			.on('error', reject);
	});
}

const hex4 = (value: number) => value.toString(16).toUpperCase().padStart(4, '0');

function utf16Hex(codePoint: number): string {
	if (codePoint <= 0xffff) return hex4(codePoint);
	const value = codePoint - 0x10000;
	return hex4(0xd800 + (value >> 10)) + hex4(0xdc00 + (value & 0x3ff));
}

function toUnicodeCMap(unicodeOf: Map<number, number>): string {
	const entries = [...unicodeOf].sort(([a], [b]) => a - b);
	const blocks: string[] = [];
	for (let i = 0; i < entries.length; i += 100) {
		const chunk = entries.slice(i, i + 100);
		blocks.push(`${chunk.length} beginbfchar\n${chunk.map(([code, cp]) => `<${hex4(code)}> <${utf16Hex(cp)}>`).join('\n')}\nendbfchar`);
	}
	return [
		'/CIDInit /ProcSet findresource begin',
		'12 dict begin',
		'begincmap',
		'/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
		'/CMapName /Adobe-Identity-UCS def',
		'/CMapType 2 def',
		'1 begincodespacerange',
		'<0000> <FFFF>',
		'endcodespacerange',
		...blocks,
		'endcmap',
		'CMapName currentdict /CMap defineresource pop',
		'end',
		'end',
	].join('\n');
}

/** Each code point's character code as the two bytes of a literal string, escaped where PDF syntax needs it. */
const literalCache = new WeakMap<FontSubset, Map<number, string>>();

const literalByte = (byte: number) =>
	byte === 0x28 || byte === 0x29 || byte === 0x5c ? `\\${String.fromCharCode(byte)}` : byte === 0x0d ? '\\r' : byte === 0x0a ? '\\n' : String.fromCharCode(byte);

/**
 * The text as the body of a literal string (drawn as `(…) Tj`): two bytes per character, half
 * the size of a hex string — page content is most of what a document deflates. The result is
 * a binary (latin1) string. Every character must be in the subset (checked before layout).
 */
export function encodeLiteral(subset: FontSubset, text: string): string {
	let bytes = literalCache.get(subset);
	if (!bytes) {
		bytes = new Map([...subset.codes].map(([cp, code]) => [cp, literalByte(code >> 8) + literalByte(code & 0xff)]));
		literalCache.set(subset, bytes);
	}
	let out = '';
	for (let i = 0; i < text.length; i++) {
		let cp = text.charCodeAt(i);
		if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) cp = text.codePointAt(i++)!;
		const code = bytes.get(cp);
		if (code === undefined) throw new Error(`internal: "${String.fromCodePoint(cp)}" is not in the ${subset.baseName} subset`);
		out += code;
	}
	return out;
}

/** Hex of each code point's character code, per subset (a text is encoded for every line drawn). */
const hexCache = new WeakMap<FontSubset, Map<number, string>>();

/** The text as a hex string of character codes. Every character must be in the subset (checked before layout). */
export function encodeText(subset: FontSubset, text: string): string {
	let hex = hexCache.get(subset);
	if (!hex) {
		hex = new Map([...subset.codes].map(([cp, code]) => [cp, hex4(code)]));
		hexCache.set(subset, hex);
	}
	let out = '';
	for (let i = 0; i < text.length; i++) {
		let cp = text.charCodeAt(i);
		if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) cp = text.codePointAt(i++)!;
		const code = hex.get(cp);
		if (code === undefined) throw new Error(`internal: "${String.fromCodePoint(cp)}" is not in the ${subset.baseName} subset`);
		out += code;
	}
	return out;
}

/** The dictionaries of a subset as PDF syntax, with placeholders for the references: built once per subset. */
const syntaxCache = new WeakMap<FontSubset, { descriptor: string; cidFont: string; type0: string }>();

function subsetSyntax(subset: FontSubset): { descriptor: string; cidFont: string; type0: string } {
	let syntax = syntaxCache.get(subset);
	if (syntax) return syntax;
	const { font, scale } = subset.face;
	const round = (value: number) => Math.round(value * scale);
	const name = `/${subset.baseName}`;
	syntax = {
		descriptor:
			`<</Type/FontDescriptor/FontName${name}/Flags 32/FontBBox[${[font.bbox.minX, font.bbox.minY, font.bbox.maxX, font.bbox.maxY].map(round).join(' ')}]` +
			`/ItalicAngle ${font.italicAngle}/Ascent ${round(font.ascent)}/Descent ${round(font.descent)}/CapHeight ${round(font.capHeight || font.ascent)}` +
			`/XHeight ${round(font.xHeight || 0)}/StemV ${subset.face.name === 'bold' ? 120 : 80}/FontFile2 @FONTFILE>>`,
		cidFont:
			`<</Type/Font/Subtype/CIDFontType2/BaseFont${name}/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>` +
			`/FontDescriptor @DESCRIPTOR/CIDToGIDMap/Identity/DW 1000/W[1[${subset.widths.join(' ')}]]>>`,
		type0: `<</Type/Font/Subtype/Type0/BaseFont${name}/Encoding/Identity-H/DescendantFonts[@CIDFONT]/ToUnicode @TOUNICODE>>`,
	};
	syntaxCache.set(subset, syntax);
	return syntax;
}

/** Adds the font's objects (font file, descriptor, CID font, ToUnicode, Type0 dict) to a document. */
export function embedSubset(context: PDFContext, subset: FontSubset): PDFRef {
	const syntax = subsetSyntax(subset);
	const fontFile = context.register(
		PDFRawStream.of(context.obj({ Filter: 'FlateDecode', Length: subset.fontFile.length, Length1: subset.fontFileLength }) as PDFDict, subset.fontFile),
	);
	const toUnicode = context.register(PDFRawStream.of(context.obj({ Filter: 'FlateDecode', Length: subset.toUnicode.length }) as PDFDict, subset.toUnicode));
	const descriptor = context.register(new PackedSyntax(syntax.descriptor.replace('@FONTFILE', refSyntax(fontFile))));
	const cidFont = context.register(new PackedSyntax(syntax.cidFont.replace('@DESCRIPTOR', refSyntax(descriptor))));
	return context.register(new PackedSyntax(syntax.type0.replace('@CIDFONT', refSyntax(cidFont)).replace('@TOUNICODE', refSyntax(toUnicode))));
}
