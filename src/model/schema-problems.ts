import type { z } from 'zod';
import { formatPath, type PathSegment, type Problem } from './problems.ts';
import type { SourceFile } from './source.ts';
import { didYouMean } from './suggest.ts';

type Issue = z.core.$ZodIssue;
type Def = Record<string, unknown> & { type: string };

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
	let value = data;
	for (const segment of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<PathSegment, unknown>)[segment];
	}
	return value;
}

/** Whether the field at `path` is left out of a mapping or list that exists (not: its parent is some other value). */
function isAbsent(data: unknown, path: readonly PathSegment[]): boolean {
	if (path.length === 0) return data === undefined;
	const parent = valueAt(data, path.slice(0, -1));
	return parent !== null && typeof parent === 'object' && (parent as Record<PathSegment, unknown>)[path.at(-1)!] === undefined;
}

function defOf(schema: unknown): Def | undefined {
	return (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;
}

/** The schema under its wrappers (optional, default, pipe, lazy …): the one that says what the value is. */
function unwrap(schema: unknown): unknown {
	let current = schema;
	for (let guard = 0; guard < 20; guard++) {
		const def = defOf(current);
		if (!def) return current;
		if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault' || def.type === 'nullable' || def.type === 'readonly' || def.type === 'catch') current = def.innerType;
		else if (def.type === 'pipe') current = defOf(def.in)?.type === 'transform' ? def.out : def.in;
		else if (def.type === 'lazy') current = (def.getter as () => unknown)();
		else return current;
	}
	return current;
}

/**
 * The schema of the field at `path`, as written (wrappers kept, so `optional` can be read), or
 * undefined where the path leaves what the schema describes. A union follows the first option
 * the rest of the path fits.
 */
function schemaAt(schema: unknown, path: readonly PathSegment[]): unknown {
	if (path.length === 0) return schema;
	const inner = unwrap(schema);
	const def = defOf(inner);
	if (!def) return undefined;
	const [segment, ...rest] = path;
	if (def.type === 'union') {
		for (const option of def.options as unknown[]) {
			const found = schemaAt(option, path);
			if (found) return found;
		}
		return undefined;
	}
	if (def.type === 'object' && typeof segment === 'string') return schemaAt((def.shape as Record<string, unknown>)[segment], rest);
	if (def.type === 'array' && typeof segment === 'number') return schemaAt(def.element, rest);
	if (def.type === 'record') return schemaAt(def.valueType, rest);
	return undefined;
}

/** The fields an object at `path` accepts, for "did you mean": an object's keys, or a record's allowed keys. */
function knownKeys(schema: z.ZodType, path: readonly PathSegment[]): string[] {
	const keysOf = (candidate: unknown): string[] => {
		const def = defOf(unwrap(candidate));
		if (!def) return [];
		if (def.type === 'object') return Object.keys(def.shape as object);
		if (def.type === 'union') return [...new Set((def.options as unknown[]).flatMap(keysOf))];
		if (def.type === 'record') {
			const values = (def.keyType as { _zod?: { values?: Set<unknown> } })._zod?.values;
			return values ? [...values].map(String) : [];
		}
		return [];
	};
	return keysOf(schemaAt(schema, path));
}

/** Whether the field at `path` may be left out (optional or with a default). */
function isOptional(schema: z.ZodType, path: readonly PathSegment[]): boolean {
	if (path.length === 0) return false;
	const field = schemaAt(schema, path) as { _zod?: { optin?: string } } | undefined;
	return field?._zod?.optin !== undefined;
}

function kindOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (value instanceof Date) return 'date';
	return typeof value;
}

/**
 * Whether a union's option was plainly not meant for the value: it wants another type (a
 * list where a text was given, the literal "by-agreement" where a mapping was).
 */
function notMeantFor(branch: readonly Issue[], value: unknown): boolean {
	return branch.some((issue) => {
		if (issue.path.length > 0) return false;
		if (issue.code === 'invalid_type') return true;
		if (issue.code === 'invalid_value') return !issue.values.some((allowed) => kindOf(allowed) === kindOf(value));
		if (issue.code === 'invalid_union') return issue.errors.length > 0 && issue.errors.every((inner) => notMeantFor(inner, value));
		return false;
	});
}

/** An issue with its full path; `union` is the message of the union whose own value it is about. */
interface Leaf {
	issue: Issue;
	path: PathSegment[];
	union?: string;
}

const isDefaultMessage = (message: string) => /^(Invalid input|Invalid option|Too small|Too big|Invalid string|Invalid key|Invalid element)/.test(message);

/**
 * zod reports a value no option of a union accepts as one `invalid_union` with every option's
 * issues. HR meant one of them — the mapping when they wrote a mapping — so report that
 * option's issues, at their own field (`salary.period`), and fall back to one message naming
 * every option only when none fits the value's type.
 */
function leaves(issue: Issue, prefix: readonly PathSegment[], data: unknown): Leaf[] {
	const path = [...prefix, ...(issue.path as PathSegment[])];
	if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [{ issue, path }];
	const value = valueAt(data, path);
	const meant = issue.errors.filter((branch) => branch.length > 0 && !notMeantFor(branch, value));
	if (meant.length === 0) return [{ issue, path }];
	const best = meant.reduce((fewest, branch) => (branch.length < fewest.length ? branch : fewest));
	const custom = isDefaultMessage(issue.message) ? undefined : issue.message;
	return best.flatMap((inner) => leaves(inner, path, data)).map((leaf) => (custom && leaf.path.length === path.length && !leaf.union ? { ...leaf, union: custom } : leaf));
}

const quoteAll = (values: readonly unknown[]) => values.map((value) => JSON.stringify(value)).join(', ');

function allowedValues(values: readonly unknown[]): string {
	return values.length === 1 ? `must be ${JSON.stringify(values[0])}` : `must be one of ${quoteAll(values)}`;
}

/** What one option of a union wants, for "must be … or …". */
function describeOption(branch: readonly Issue[]): string | undefined {
	const root = branch.find((issue) => issue.path.length === 0);
	if (root?.code === 'invalid_type') return article(root.expected);
	if (root?.code === 'invalid_value') return root.values.length === 1 ? JSON.stringify(root.values[0]) : `one of ${quoteAll(root.values)}`;
	return undefined;
}

function message(leaf: Leaf, found: unknown): string {
	const { issue, union } = leaf;
	switch (issue.code) {
		case 'invalid_type':
			return `must be ${article(issue.expected)}`;
		case 'invalid_value': {
			const hint = typeof found === 'string' ? didYouMean(found, issue.values.map(String)) : '';
			return `${union ?? allowedValues(issue.values)}.${hint}`;
		}
		case 'invalid_union': {
			if (!isDefaultMessage(issue.message)) return issue.message;
			const options = issue.errors.map(describeOption).filter((text): text is string => text !== undefined);
			return options.length > 0 ? `must be ${[...new Set(options)].join(' or ')}` : issue.message;
		}
		case 'invalid_key': {
			const reasons = issue.issues.map((inner) => (inner.code === 'invalid_value' ? allowedValues(inner.values) : inner.message));
			return `is not allowed as a key here: the key ${[...new Set(reasons)].join('; ')}`;
		}
		case 'too_small':
			if (!isDefaultMessage(issue.message)) return issue.message;
			if (issue.origin === 'array') return `needs at least ${issue.minimum} ${issue.minimum === 1 ? 'entry' : 'entries'}`;
			if (issue.origin === 'string') return 'must not be empty';
			return `must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}`;
		case 'too_big':
			if (!isDefaultMessage(issue.message)) return issue.message;
			if (issue.origin === 'array') return `may have at most ${issue.maximum} ${issue.maximum === 1 ? 'entry' : 'entries'}`;
			if (issue.origin === 'string') return `must be at most ${issue.maximum} characters long`;
			return `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`;
		default:
			return issue.message;
	}
}

/** Turns zod's issues into problems HR can act on: field path, what is expected, what was found. */
export function schemaProblems(source: SourceFile, schema: z.ZodType, error: z.ZodError): Problem[] {
	const problems: Problem[] = [];
	for (const leaf of error.issues.flatMap((issue) => leaves(issue as Issue, [], source.data))) {
		const { issue, path } = leaf;
		if (issue.code === 'unrecognized_keys') {
			const known = knownKeys(schema, path);
			for (const key of issue.keys) {
				problems.push({
					severity: 'error',
					file: source.file,
					line: source.lineOf([...path, key]),
					path: formatPath([...path, key]),
					message: `is not a known field.${didYouMean(key, known)} Known fields here: ${known.join(', ')}`,
				});
			}
			continue;
		}
		const found = valueAt(source.data, path);
		if (issue.code === 'invalid_key') {
			problems.push({ severity: 'error', file: source.file, line: source.lineOf(path), path: formatPath(path), message: message(leaf, found), found: path.at(-1) });
			continue;
		}
		// A field left out, left empty (`title:` is null in YAML) or blank says so, whatever else
		// its schema would have said about the value.
		const missing = found === undefined && isAbsent(source.data, path) && (issue.code === 'invalid_type' || issue.code === 'invalid_union' || issue.code === 'invalid_value');
		const empty = found === null || (typeof found === 'string' && found.trim() === '');
		let text: string;
		if (empty && path.length === 0) text = 'is empty: the file needs its fields (see "Content reference" in the README)';
		else if (missing) text = 'is required';
		else if (empty && typeof path.at(-1) === 'number') text = 'is empty: write it or remove the entry from the list';
		else if (empty && isOptional(schema, path)) text = 'is empty: write a value or leave the field out';
		else if (empty) text = 'is required and must not be empty';
		else text = message(leaf, found);
		problems.push({
			severity: 'error',
			file: source.file,
			line: source.lineOf(path),
			path: formatPath(path) || undefined,
			message: text,
			found: missing || empty || (typeof found === 'object' && found !== null) ? undefined : found,
		});
	}
	return problems;
}

function article(type: string): string {
	const names: Record<string, string> = {
		string: 'text',
		number: 'a number',
		int: 'a whole number',
		boolean: 'true or false',
		array: 'a list',
		object: 'a set of fields (a mapping)',
		record: 'a set of fields (a mapping)',
		date: 'a date (YYYY-MM-DD)',
	};
	return names[type] ?? `a ${type}`;
}
