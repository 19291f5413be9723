/**
 * The one YAML parser of Rolebook, for `check` and the build alike: YAML files, MDX front matter
 * (the build takes MDX entry data from this reader, see src/content.config.ts) and the company
 * profile that astro.config.mjs reads. Every failure — syntax, duplicate keys, tabs, unknown
 * tags, an alias bomb, nesting too deep — is a problem with the file's line, never an exception.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions, type ToJSOptions } from 'yaml';
import type { PathSegment, Problem } from '../problems.ts';

/**
 * YAML 1.2 core schema whatever a `%YAML` directive says (so `yes` is text and `0777` a number
 * as written), keys always text, no duplicate keys, no `<<` merges, no `!!binary`-style tags.
 */
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
	version: '1.2',
	schema: 'core',
	uniqueKeys: true,
	stringKeys: true,
	merge: false,
	resolveKnownTags: false,
	prettyErrors: false,
	// 'error', not 'silent': silent also drops the error for a second document in one file.
	logLevel: 'error',
};

/** An alias repeats its anchor's value; this many in one file is an "alias bomb", not content. */
export const YAML_TO_JS: ToJSOptions = { maxAliasCount: 100 };

export interface ParsedYaml {
	data: unknown;
	/** Line of the field at `path` (in the file: front matter offset included), or of its nearest existing parent. */
	lineOf(path: readonly PathSegment[]): number | undefined;
}

/**
 * Parses YAML text that starts on line `firstLine` of `file`. Undefined, with every problem
 * pushed, when the text is not usable.
 */
export function parseYaml(text: string, file: string, problems: Problem[], firstLine = 1): ParsedYaml | undefined {
	const lineCounter = new LineCounter();
	const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
	let document: Document.Parsed;
	try {
		document = parseDocument(text, { ...YAML_OPTIONS, lineCounter });
	} catch (error) {
		// The parser reports stack exhaustion as an error itself; anything else thrown is still the file's fault.
		problems.push({ severity: 'error', file, line: firstLine, message: `YAML cannot be read: ${firstLineOf((error as Error).message)}` });
		return undefined;
	}
	const issues = [...document.errors, ...document.warnings];
	if (issues.length > 0) {
		for (const issue of issues) {
			const found = issue.code === 'DUPLICATE_KEY' ? (/^[^:\n]*/.exec(text.slice(issue.pos[0]))?.[0].trim() ?? '') : '';
			problems.push({ severity: 'error', file, line: lineAt(issue.pos[0]), message: yamlMessage(issue.code, issue.message), ...(found && found.length <= 80 ? { found } : {}) });
		}
		return undefined;
	}
	let data: unknown;
	try {
		data = document.toJS(YAML_TO_JS);
	} catch (error) {
		problems.push({ severity: 'error', file, line: aliasLine(document, lineAt) ?? firstLine, message: toJsMessage(error as Error) });
		return undefined;
	}
	return { data: data ?? {}, lineOf: lazyLineOf(text, firstLine) };
}

/**
 * Lines are asked for only when a problem is reported, and a parsed document weighs many times
 * its text: a build of thousands of roles keeps every file's data for its whole run, so the
 * document is dropped now and parsed again (the same text, the same result) on the first question.
 */
function lazyLineOf(text: string, firstLine: number): ParsedYaml['lineOf'] {
	let parsed: { document: Document.Parsed; lineCounter: LineCounter } | undefined;
	return (path) => {
		if (!parsed) {
			const lineCounter = new LineCounter();
			parsed = { document: parseDocument(text, { ...YAML_OPTIONS, lineCounter }), lineCounter };
		}
		const offset = nodeOffset(parsed.document, path);
		return offset === undefined ? undefined : parsed.lineCounter.linePos(offset).line + firstLine - 1;
	};
}

function yamlMessage(code: string, message: string): string {
	const text = firstLineOf(message);
	switch (code) {
		case 'DUPLICATE_KEY':
			return 'YAML syntax: a key appears twice in the same block: keep one (the second one is on this line)';
		case 'TAB_AS_INDENT':
			return 'YAML syntax: a tab is used to indent: indent with spaces';
		case 'TAG_RESOLVE_FAILED':
			return `YAML: ${text.replace('tag:yaml.org,2002:', '!!')} — tags (!name) are not used in Rolebook content: remove it`;
		case 'NON_STRING_KEY':
			return 'YAML syntax: a key must be plain text, not a list or a block (a line starting with "?" makes one)';
		case 'MULTIPLE_DOCS':
			return 'YAML syntax: a second "---" starts another document: a file holds one (remove the "---" line)';
		case 'RESOURCE_EXHAUSTION':
			return 'YAML: the file nests lists or blocks too deeply to be read';
		default:
			return `YAML syntax: ${text}`;
	}
}

function toJsMessage(error: Error): string {
	if (/Excessive alias count/.test(error.message)) {
		return `YAML: more than ${YAML_TO_JS.maxAliasCount} uses of aliases (*name) in one file — an "alias bomb" that would expand without end: write the values out`;
	}
	const unresolved = /Unresolved alias[^:]*: (.*)$/.exec(error.message);
	if (unresolved) return `YAML: the alias *${unresolved[1]} has no anchor &${unresolved[1]} before it`;
	return `YAML cannot be read: ${firstLineOf(error.message)}`;
}

/** Line of the first alias, where a failure to expand aliases is usually felt. */
function aliasLine(document: Document, lineAt: (offset: number) => number): number | undefined {
	let offset: number | undefined;
	visit(document, {
		Alias(_key, node) {
			offset = node.range?.[0];
			return visit.BREAK;
		},
	});
	return offset === undefined ? undefined : lineAt(offset);
}

function firstLineOf(message: string): string {
	return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function nodeOffset(document: Document, path: readonly PathSegment[]): number | undefined {
	let node: unknown = document.contents;
	let offset: number | undefined = (node as { range?: [number] } | null)?.range?.[0];
	for (const segment of path) {
		if (isAlias(node)) break;
		if (isMap(node)) {
			const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
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
