import type { SourceFile } from './source.ts';

/**
 * A problem found in the content, worded for the person who edits it: which file, which
 * field, what is wrong and what was found. Validation collects every problem before
 * reporting, so HR fixes a batch at a time rather than one per build.
 */
export interface Problem {
	severity: 'error' | 'warning';
	/** Path of the file, relative to the project root, with forward slashes. */
	file: string;
	/** 1-based line in the file, where known. */
	line?: number;
	/** Field path inside the file, e.g. "document.approvedBy" or "sections[1].items[12].text". */
	path?: string;
	/** What is wrong and, where it helps, what to do. */
	message: string;
	/** The offending value, when there is one. */
	found?: unknown;
}

export type PathSegment = string | number;

/** A problem at a field of a source file, with the field's line. */
export function at(source: SourceFile, path: PathSegment[], message: string, found?: unknown, severity: Problem['severity'] = 'error'): Problem {
	return { severity, file: source.file, line: source.lineOf(path), path: formatPath(path), message, ...(found === undefined ? {} : { found }) };
}

const SCRIPT_BOUNDARY = /\p{Script=Latin}\p{Script=Cyrillic}|\p{Script=Cyrillic}\p{Script=Latin}/u;
const LETTERS_BEFORE = /\p{L}*$/u;
const LETTERS_AFTER = /^\p{L}*/u;

/**
 * The first word mixing Latin and Cyrillic letters: a look-alike letter typed in the wrong
 * keyboard layout, which search and PDFs get wrong. Found from the two letters where the script
 * changes, then widened to the word (one regular expression with the word's letters around the
 * change backtracked through every letter of every text: a second per thousand roles).
 */
export function mixedScriptWord(text: string): string | undefined {
	const boundary = SCRIPT_BOUNDARY.exec(text);
	if (!boundary) return undefined;
	const before = LETTERS_BEFORE.exec(text.slice(Math.max(0, boundary.index - 200), boundary.index))![0];
	const after = LETTERS_AFTER.exec(text.slice(boundary.index + boundary[0].length, boundary.index + boundary[0].length + 200))![0];
	return before + boundary[0] + after;
}

/** ['sections', 1, 'items', 12] → "sections[1].items[12]". */
export function formatPath(path: readonly PathSegment[]): string {
	let out = '';
	for (const segment of path) {
		if (typeof segment === 'number') out += `[${segment}]`;
		else out += out === '' ? segment : `.${segment}`;
	}
	return out;
}

function formatFound(value: unknown): string {
	const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
	return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** `file:line: field.path: message (found: value)` — one line, no stack trace. */
export function formatProblem(problem: Problem): string {
	const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
	const path = problem.path ? `${problem.path}: ` : '';
	const found = problem.found === undefined ? '' : ` (found: ${formatFound(problem.found)})`;
	return `${where}: ${path}${problem.message}${found}`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
	return problems.some((problem) => problem.severity === 'error');
}

/** Errors first, then by file and line, so a report reads top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
	const rank = { error: 0, warning: 1 } as const;
	return [...problems].sort(
		(a, b) =>
			rank[a.severity] - rank[b.severity] ||
			a.file.localeCompare(b.file) ||
			(a.line ?? 0) - (b.line ?? 0) ||
			(a.path ?? '').localeCompare(b.path ?? ''),
	);
}
