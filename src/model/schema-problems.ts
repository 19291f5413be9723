import type { z } from 'zod';
import { formatPath, type PathSegment, type Problem } from './problems.ts';
import type { SourceFile } from './source.ts';
import { didYouMean } from './suggest.ts';

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
	let value = data;
	for (const segment of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<PathSegment, unknown>)[segment];
	}
	return value;
}

function knownKeys(schema: z.ZodType, path: readonly PathSegment[]): string[] {
	// Walk the schema along the path to list the fields the object accepts, for "did you mean".
	let current: unknown = schema;
	for (const segment of [...path, undefined]) {
		let def = (current as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
		while (def && (def.type === 'optional' || def.type === 'default' || def.type === 'pipe' || def.type === 'lazy' || def.type === 'nullable')) {
			const inner = def.type === 'pipe' ? def.in : def.type === 'lazy' ? (def.getter as () => unknown)() : def.innerType;
			current = inner;
			def = (current as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
		}
		if (!def) return [];
		if (segment === undefined) return def.type === 'object' ? Object.keys(def.shape as object) : [];
		if (def.type === 'object') current = (def.shape as Record<string, unknown>)[segment];
		else if (def.type === 'array') current = def.element;
		else if (def.type === 'record') current = def.valueType;
		else return [];
	}
	return [];
}

/** Turns zod's issues into problems HR can act on: field path, what is expected, what was found. */
export function schemaProblems(source: SourceFile, schema: z.ZodType, error: z.ZodError): Problem[] {
	const problems: Problem[] = [];
	for (const issue of error.issues) {
		const path = issue.path as PathSegment[];
		const found = valueAt(source.data, path);
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
		let message = issue.message;
		if (issue.code === 'invalid_type') {
			message = found === undefined ? 'is required' : `must be ${article(issue.expected)}`;
		} else if (issue.code === 'invalid_value') {
			const allowed = issue.values.map((value) => JSON.stringify(value)).join(', ');
			message = `must be one of ${allowed}.${typeof found === 'string' ? didYouMean(found, issue.values.map(String)) : ''}`;
		} else if (issue.code === 'too_small' && issue.origin === 'array') {
			message = `needs at least ${issue.minimum} ${issue.minimum === 1 ? 'entry' : 'entries'}`;
		} else if (issue.code === 'too_small' && issue.origin === 'string') {
			message = 'must not be empty';
		}
		problems.push({
			severity: 'error',
			file: source.file,
			line: source.lineOf(path),
			path: formatPath(path) || undefined,
			message,
			found: found === undefined || (typeof found === 'object' && found !== null) ? undefined : found,
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
