import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { PathSegment, Problem } from './problems.ts';

/** A parsed content file: its data, its MDX body if any, and a way to find a field's line. */
export interface SourceFile {
	/** Path relative to the project root, forward slashes. */
	file: string;
	absolute: string;
	data: unknown;
	/** MDX body after the front matter ('' for YAML files). */
	body: string;
	/** Line of the field at `path`, or of its nearest existing parent. */
	lineOf(path: readonly PathSegment[]): number | undefined;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function displayPath(absolute: string, root: string): string {
	return relative(root, absolute).split(sep).join('/');
}

/**
 * Reads a `.yaml` file, or an `.mdx` file whose YAML front matter is the data. Syntax errors
 * become problems with line numbers; the result is undefined when the file cannot be used.
 */
export function readSourceFile(absolute: string, root: string, problems: Problem[]): SourceFile | undefined {
	const file = displayPath(absolute, root);
	let text: string;
	try {
		text = readFileSync(absolute, 'utf8');
	} catch (error) {
		problems.push({ severity: 'error', file, message: `cannot be read: ${(error as Error).message}` });
		return undefined;
	}
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

	let yamlText = text;
	let body = '';
	let lineOffset = 0;
	if (absolute.endsWith('.mdx') || absolute.endsWith('.md')) {
		const match = FRONT_MATTER.exec(text);
		if (!match) {
			problems.push({
				severity: 'error',
				file,
				line: 1,
				message: 'has no front matter: the file must start with a line "---", the YAML fields, and another "---"',
			});
			return undefined;
		}
		yamlText = match[1]!;
		body = text.slice(match[0].length);
		lineOffset = 1;
	}

	const lineCounter = new LineCounter();
	const document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
	if (document.errors.length > 0) {
		for (const error of document.errors) {
			const line = lineCounter.linePos(error.pos[0]).line + lineOffset;
			problems.push({ severity: 'error', file, line, message: `YAML syntax: ${firstLine(error.message)}` });
		}
		return undefined;
	}
	const data: unknown = document.toJS() ?? {};
	return {
		file,
		absolute,
		data,
		body,
		lineOf: (path) => {
			const offset = nodeOffset(document, path);
			return offset === undefined ? undefined : lineCounter.linePos(offset).line + lineOffset;
		},
	};
}

function firstLine(message: string): string {
	return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function nodeOffset(document: Document, path: readonly PathSegment[]): number | undefined {
	let node: unknown = document.contents;
	let offset: number | undefined = (node as { range?: [number] } | null)?.range?.[0];
	for (const segment of path) {
		if (isMap(node)) {
			const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === segment);
			if (!pair) break;
			offset = (pair.key as { range?: [number] }).range?.[0] ?? offset;
			node = pair.value;
		} else if (isSeq(node) && typeof segment === 'number') {
			node = node.items[segment];
			if (!node) break;
			offset = (node as { range?: [number] }).range?.[0] ?? offset;
		} else break;
	}
	return offset;
}
