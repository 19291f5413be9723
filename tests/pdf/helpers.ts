/** Reading PDFs back the way a user's tools do: poppler's pdftotext/pdfinfo, qpdf, and pdf-lib. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFName, PDFRawStream, type PDFDocument } from 'pdf-lib';
import { tool } from '../helpers/tools.ts';

/** Runs poppler, qpdf or another program; a missing program fails the test (see tests/helpers/tools.ts). */
export function run(program: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
	const result = spawnSync(tool(program), args, { encoding: 'utf8' });
	if (result.error) throw result.error;
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes bytes to a temporary file for the command-line tools; returns its path and a cleanup. */
export function tempPdf(bytes: Uint8Array): { file: string; cleanup(): void } {
	const dir = mkdtempSync(join(tmpdir(), 'rolebook-pdf-'));
	const file = join(dir, 'document.pdf');
	writeFileSync(file, bytes);
	return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Text of the whole document or of one page, via pdftotext. */
export function pdfText(file: string, page?: number): string {
	const args = page ? ['-f', String(page), '-l', String(page)] : [];
	const result = run('pdftotext', [...args, '-enc', 'UTF-8', file, '-']);
	if (result.code !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
	return result.stdout;
}

/**
 * Whitespace collapsed and line-break joins after hyphens undone, so wrapped text compares with
 * the source. A word hyphenated at a line break ends its line with U+00AD (a hyphen inserted by
 * layout, ISO 32000-1 14.8.2.2.3): the word is joined back.
 */
export function normalise(text: string): string {
	return text.replace(/\u00AD\s*/g, '').replace(/\s+/g, ' ').replace(/- /g, '-').trim();
}

/** A text run as drawn on a page: its text (via the font's ToUnicode map), text matrix and grey level. */
export interface DrawnText {
	text: string;
	matrix: number[];
	gray: number;
	size: number;
}

/** Every text run of one page, decoded from its content stream with pdf-lib and zlib. */
export function drawnTexts(doc: PDFDocument, pageIndex: number): DrawnText[] {
	const page = doc.getPage(pageIndex);
	const fonts = page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
	const maps = new Map<string, Map<string, string>>();
	for (const [name, ref] of fonts.entries()) {
		const font = doc.context.lookup(ref) as PDFDict;
		const cmap = inflateSync((font.lookup(PDFName.of('ToUnicode')) as PDFRawStream).getContents()).toString('latin1');
		const map = new Map<string, string>();
		for (const [, code, unicode] of cmap.matchAll(/<([0-9A-F]{4})> <([0-9A-F]+)>/g)) map.set(code!, String.fromCodePoint(...unicode!.match(/.{4}/g)!.map((h) => parseInt(h, 16))));
		maps.set(name.asString().slice(1), map);
	}
	const contents = page.node.Contents();
	const stream = (contents instanceof PDFArray ? doc.context.lookup(contents.get(0)) : contents) as PDFRawStream;
	const ops = inflateSync(stream.getContents()).toString('latin1');
	const runs: DrawnText[] = [];
	// Strings are hex (<0041…>) or literal ((…), two bytes per character code, PDF escapes).
	const codes = (string: string): string[] => {
		if (string.startsWith('<')) return string.slice(1, -1).match(/.{4}/g) ?? [];
		const bytes = string
			.slice(1, -1)
			.replace(/\\([nrtbf()\\])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' })[c] ?? c)
			.split('')
			.map((c) => c.charCodeAt(0));
		return Array.from({ length: bytes.length / 2 }, (_, i) => ((bytes[2 * i]! << 8) | bytes[2 * i + 1]!).toString(16).toUpperCase().padStart(4, '0'));
	};
	for (const [, font, size, gray, matrix, string] of ops.matchAll(/BT \/(\w+) ([\d.]+) Tf ([\d.]+) g ((?:[-\d.]+ ){6})Tm (<[0-9A-F]*>|\((?:\\[\s\S]|[^\\)])*\)) Tj ET/g)) {
		const map = maps.get(font!)!;
		runs.push({ text: codes(string!).map((code) => map.get(code) ?? '?').join(''), matrix: matrix!.trim().split(' ').map(Number), gray: Number(gray), size: Number(size) });
	}
	return runs;
}
