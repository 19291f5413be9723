/**
 * JSON files (the UI strings, src/i18n/strings/<locale>.json): parsed by JSON.parse, which takes
 * the last of two equal keys without a word, then read once more by a small tokenizer for what
 * JSON.parse does not say — the line of every key, and keys written twice in one object.
 */
import type { PathSegment, Problem } from '../problems.ts';

export interface ParsedJson {
	data: unknown;
	/** Line of the key at `path` (or of its nearest existing parent); undefined for the whole file. */
	lineOf(path: readonly PathSegment[]): number | undefined;
}

/**
 * Parses JSON text (byte-order mark already removed); undefined, with the problem pushed, when it
 * is not JSON. A key written twice is an error, but the data is still returned, so the rest of the
 * file is checked too.
 */
export function parseJson(text: string, file: string, problems: Problem[]): ParsedJson | undefined {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		const message = (error as Error).message;
		// V8: "… in JSON at position 41 (line 3 column 5)"; older wording gives only the position.
		const where = /\(line (\d+) column \d+\)/.exec(message);
		const position = /at position (\d+)/.exec(message);
		const line = where ? Number(where[1]) : position ? lineAt(text, Number(position[1])) : undefined;
		const reason = message.replace(/\s*in JSON at position \d+(?: \(line \d+ column \d+\))?/, '').replace(/^JSON\.parse: /, '');
		problems.push({ severity: 'error', file, ...(line ? { line } : {}), message: `is not valid JSON: ${reason}` });
		return undefined;
	}
	const keys = keyLines(text);
	let duplicates = 0;
	for (const duplicate of keys.duplicates) {
		if (++duplicates > 20) break;
		problems.push({
			severity: 'error',
			file,
			line: duplicate.line,
			path: [...duplicate.path, duplicate.key].join('.'),
			message: `is written twice (first on line ${duplicate.firstLine}), and only the last one would be used: keep one`,
		});
	}
	return {
		data,
		lineOf: (path) => {
			for (let length = path.length; length > 0; length--) {
				const line = keys.lines.get(pathKey(path.slice(0, length)));
				if (line !== undefined) return line;
			}
			return undefined;
		},
	};
}

function pathKey(path: readonly PathSegment[]): string {
	return JSON.stringify(path.map(String));
}

function lineAt(text: string, offset: number): number {
	let line = 1;
	for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
	return line;
}

interface Duplicate {
	key: string;
	/** Path of the object holding the key. */
	path: string[];
	line: number;
	firstLine: number;
}

/**
 * Lines of the keys and array items of valid JSON text (JSON.parse accepted it), by path, and
 * the keys written twice in one object (compared after unescaping: "a" and "\u0061" are one key).
 */
function keyLines(text: string): { lines: Map<string, number>; duplicates: Duplicate[] } {
	const lines = new Map<string, number>();
	const duplicates: Duplicate[] = [];
	// One frame per open object or array: its path, the keys seen (object) or the next index (array).
	const stack: { path: string[]; keys?: Map<string, number>; index: number; expectKey: boolean }[] = [];
	let lastKeyPath: string[] = [];
	let line = 1;
	/** A value starts: its path (an array item gets its line here, an object member got it at its key). */
	const valuePath = (): string[] => {
		const frame = stack[stack.length - 1];
		if (!frame) return [];
		if (frame.keys) return lastKeyPath;
		const path = [...frame.path, String(frame.index++)];
		lines.set(JSON.stringify(path), line);
		return path;
	};
	let index = 0;
	while (index < text.length) {
		const char = text[index]!;
		if (char === '\n') {
			line++;
			index++;
		} else if (char === '"') {
			let end = index + 1;
			while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
			const frame = stack[stack.length - 1];
			if (frame?.keys && frame.expectKey) {
				const key = JSON.parse(text.slice(index, end + 1)) as string;
				const first = frame.keys.get(key);
				if (first !== undefined) duplicates.push({ key, path: frame.path, line, firstLine: first });
				else frame.keys.set(key, line);
				lastKeyPath = [...frame.path, key];
				if (first === undefined) lines.set(JSON.stringify(lastKeyPath), line);
				frame.expectKey = false;
			} else valuePath();
			index = end + 1;
		} else if (char === '{' || char === '[') {
			const path = valuePath();
			stack.push({ path, ...(char === '{' ? { keys: new Map<string, number>() } : {}), index: 0, expectKey: char === '{' });
			index++;
		} else if (char === '}' || char === ']') {
			stack.pop();
			index++;
		} else if (char === ',') {
			const frame = stack[stack.length - 1];
			if (frame?.keys) frame.expectKey = true;
			index++;
		} else if (/[-\dtfn]/.test(char)) {
			// A number, true, false or null.
			valuePath();
			const match = /^(?:-?\d[\d.eE+-]*|true|false|null)/.exec(text.slice(index, index + 400));
			index += match ? match[0].length : 1;
		} else index++;
	}
	return { lines, duplicates };
}
