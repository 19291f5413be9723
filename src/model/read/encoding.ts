/**
 * Every content text file — YAML, MDX, UI strings JSON, PDF templates — is read here: it must be
 * UTF-8 (a byte-order mark and Windows line endings are fine) and free of invisible control
 * characters and of characters that change the direction of the text around them. A file saved
 * as Windows-1251 or Latin-1 from Word, or as UTF-16 from Notepad, is reported with the line of
 * its first bad byte and the fix, never read as mojibake.
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import type { Problem } from '../problems.ts';

const SAVE_AS_UTF8 = 'save the file as UTF-8 (in most editors: "Save as" → Encoding: UTF-8)';

/**
 * The file's text without a byte-order mark, or undefined (with the problem pushed) when it
 * cannot be read or is not clean UTF-8 text. `file` is the name problems use.
 */
export function readTextFile(absolute: string, file: string, problems: Problem[]): string | undefined {
	let bytes: Buffer;
	try {
		bytes = readFileSync(absolute);
	} catch (error) {
		problems.push({ severity: 'error', file, message: `cannot be read: ${(error as Error).message}` });
		return undefined;
	}
	return decodeText(bytes, file, problems);
}

/** As readTextFile, for bytes already in memory. */
export function decodeText(bytes: Uint8Array, file: string, problems: Problem[]): string | undefined {
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
		problems.push({ severity: 'error', file, line: 1, message: `is saved as UTF-16 ("Unicode"), not UTF-8: ${SAVE_AS_UTF8}` });
		return undefined;
	}
	if (!isUtf8(bytes)) {
		const offset = firstInvalidUtf8(bytes);
		const line = lineAtByte(bytes, offset);
		const guess = guessEncoding(bytes);
		problems.push({
			severity: 'error',
			file,
			line,
			message: `is not UTF-8 text (${byteName(bytes[offset])} on this line${guess ? `; it looks saved as ${guess.name}` : ''}): ${SAVE_AS_UTF8}`,
			...(guess ? { found: lineText(bytes, offset, guess.label) } : {}),
		});
		return undefined;
	}
	let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	// Reported but not fatal: the rest of the file is still checked, so HR sees every problem at once.
	let reported = 0;
	let line = 1;
	let counted = 0;
	let lastLine = 0;
	for (const control of text.matchAll(CONTROL_CHARACTERS)) {
		for (let index = text.indexOf('\n', counted); index !== -1 && index < control.index; index = text.indexOf('\n', index + 1)) line++;
		counted = control.index;
		if (line === lastLine) continue;
		lastLine = line;
		if (++reported > 5) break;
		const code = control[0].codePointAt(0)!;
		problems.push({ severity: 'error', file, line, message: `contains ${characterProblem(code)}` });
	}
	return text;
}

/**
 * Characters no content file may hold, reported at their line:
 *
 * - outside YAML's printable set (YAML 1.2 §5.1): C0 controls but tab, line feed and carriage
 *   return; DEL; C1 controls but NEL; U+FFFE and U+FFFF. JSON and MDX get the same rule, so a
 *   pasted vertical tab never reaches a page, a feed or a PDF (whose font cannot draw it);
 * - bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): invisible,
 *   they reorder the letters around them on a page, so "Client \u202Eregan\u202C manager" shows
 *   as "Client nager manager" while search, diffs and the PDF see another text;
 * - the line and paragraph separators U+2028 and U+2029 (from PDFs and web pages: no editor
 *   shows them, YAML and Markdown do not take them for line breaks, JavaScript does);
 * - U+FEFF inside the text (a byte-order mark left where files were joined; the one that starts
 *   a file is removed before this check) and U+FFFC, Word's placeholder for a picture or object.
 *
 * Allowed on purpose, because real text needs them: U+200E/U+200F (left-to-right and
 * right-to-left marks, which only nudge neutral characters in Arabic or Hebrew text and reorder
 * no letters), U+200D (zero-width joiner, part of emoji sequences and Indic scripts), U+200C
 * (zero-width non-joiner, Persian) and U+00AD (soft hyphen, a hyphenation hint).
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029\uFEFF\uFFFC\uFFFE\uFFFF]/g;

const CONTROL_NAMES: Record<number, string> = {
	0x00: 'NUL',
	0x08: 'backspace',
	0x0b: 'vertical tab, a Shift+Enter line break in Word',
	0x0c: 'form feed, a page break',
	0x1b: 'escape',
	0x7f: 'DEL',
};

const DIRECTION_NAMES: Record<number, string> = {
	0x202a: 'left-to-right embedding',
	0x202b: 'right-to-left embedding',
	0x202c: 'pop directional formatting',
	0x202d: 'left-to-right override',
	0x202e: 'right-to-left override',
	0x2066: 'left-to-right isolate',
	0x2067: 'right-to-left isolate',
	0x2068: 'first strong isolate',
	0x2069: 'pop directional isolate',
};

/** "the invisible control character U+000B (vertical tab…), often pasted from Word: delete it…" */
function characterProblem(code: number): string {
	const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
	if (DIRECTION_NAMES[code]) {
		return `the invisible character ${name} (${DIRECTION_NAMES[code]}), which changes the direction of the text around it, so the page shows letters in another order than the file: delete it (the marks U+200E and U+200F are allowed for right-to-left text)`;
	}
	if (code === 0x2028 || code === 0x2029) {
		return `the invisible character ${name} (${code === 0x2028 ? 'line' : 'paragraph'} separator, often pasted from a PDF or a web page), which is not a line break here: replace it with an ordinary line break or a space`;
	}
	if (code === 0xfeff) return `the invisible character ${name} (a byte-order mark or zero-width no-break space inside the text, often left where texts were joined): delete it`;
	if (code === 0xfffc) return `the character ${name} (object replacement: where Word had a picture or an embedded object): delete it, and add a picture as an image file if it is needed`;
	return `the invisible control character ${name}${CONTROL_NAMES[code] ? ` (${CONTROL_NAMES[code]})` : ''}, often pasted from Word: delete it (retype the space or line break around it)`;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
	let index = 0;
	while (index < bytes.length) {
		const byte = bytes[index]!;
		let length: number;
		let min: number;
		if (byte < 0x80) {
			index += 1;
			continue;
		} else if (byte >= 0xc2 && byte <= 0xdf) {
			length = 2;
			min = 0x80;
		} else if (byte >= 0xe0 && byte <= 0xef) {
			length = 3;
			min = 0x800;
		} else if (byte >= 0xf0 && byte <= 0xf4) {
			length = 4;
			min = 0x10000;
		} else return index;
		if (index + length > bytes.length) return index;
		let code = byte & (0xff >> (length + 1));
		for (let next = 1; next < length; next++) {
			const continuation = bytes[index + next]!;
			if ((continuation & 0xc0) !== 0x80) return index;
			code = (code << 6) | (continuation & 0x3f);
		}
		if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return index;
		index += length;
	}
	return bytes.length;
}

function byteName(byte: number | undefined): string {
	return byte === undefined ? 'a cut-off character' : `byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
	let line = 1;
	for (let index = 0; index < offset && index < bytes.length; index++) if (bytes[index] === 0x0a) line++;
	return line;
}

/**
 * The legacy encodings HR files come in: Cyrillic text from Russian Word (Windows-1251), Latin
 * text from Western Europe (Windows-1252 / Latin-1). In Windows-1251 Cyrillic words are runs of
 * bytes above 0x7F; in Latin-1 an accented letter mostly stands alone among ASCII letters (Müller).
 */
function guessEncoding(bytes: Uint8Array): { name: string; label: string } | undefined {
	let high = 0;
	let inRuns = 0;
	for (let index = 0; index < bytes.length; index++) {
		if (bytes[index]! < 0x80) continue;
		high++;
		if ((bytes[index - 1] ?? 0) >= 0x80 || (bytes[index + 1] ?? 0) >= 0x80) inRuns++;
	}
	if (high === 0) return undefined;
	if (high >= 3 && inRuns / high > 0.6) return { name: 'Windows-1251 (Cyrillic)', label: 'windows-1251' };
	return { name: 'Windows-1252 or Latin-1', label: 'windows-1252' };
}

/** The line holding `offset`, decoded as the guessed encoding, so HR recognises it. */
function lineText(bytes: Uint8Array, offset: number, label: string): string {
	let start = offset;
	while (start > 0 && bytes[start - 1] !== 0x0a) start--;
	let end = offset;
	while (end < bytes.length && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end++;
	return new TextDecoder(label).decode(bytes.subarray(start, end)).trim();
}
