import { statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { PathSegment, Problem } from './problems.ts';
import { readTextFile } from './read/encoding.ts';
import { mdxBodyAsCompiled, splitFrontMatter } from './read/front-matter.ts';
import { checkMdxBody } from './read/mdx.ts';
import { parseYaml } from './read/yaml.ts';

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

export interface ReadOptions {
	/** Compile an MDX body and check what it may contain (default true; the build's loader skips it, `check` did it). */
	checkBody?: boolean;
}

export function displayPath(absolute: string, root: string): string {
	return relative(root, absolute).split(sep).join('/');
}

/**
 * Reads a `.yaml` file, or an `.mdx` file whose YAML front matter is the data, through the read
 * layer (src/model/read/): UTF-8 only, one YAML parser, the MDX body compiled as the build
 * compiles it. Every problem has the file's line; the result is undefined when the data cannot
 * be used (a body problem still leaves the data usable, so its schema is checked too).
 */
export function readSourceFile(absolute: string, root: string, problems: Problem[], options: ReadOptions = {}): SourceFile | undefined {
	// A long-running process (the dev server) reloads the content after every save: a file that
	// has not changed since is not read, parsed and compiled again.
	let stamp: string | undefined;
	try {
		const stats = statSync(absolute);
		stamp = `${stats.mtimeMs}:${stats.ctimeMs}:${stats.size}:${root}:${options.checkBody !== false}`;
	} catch {
		// Unreadable: readTextFile reports it.
	}
	const known = stamp === undefined ? undefined : readCache.get(absolute);
	if (known && known.stamp === stamp) {
		problems.push(...known.problems);
		return known.source;
	}
	const found: Problem[] = [];
	const source = readUncached(absolute, root, found, options);
	problems.push(...found);
	if (stamp !== undefined) readCache.set(absolute, { stamp, source, problems: found });
	return source;
}

const readCache = new Map<string, { stamp: string; source: SourceFile | undefined; problems: Problem[] }>();

function readUncached(absolute: string, root: string, problems: Problem[], options: ReadOptions): SourceFile | undefined {
	const file = displayPath(absolute, root);
	const text = readTextFile(absolute, file, problems);
	if (text === undefined) return undefined;

	let yamlText = text;
	let body = '';
	let firstLine = 1;
	const isMdx = absolute.endsWith('.mdx') || absolute.endsWith('.md');
	if (isMdx) {
		const front = splitFrontMatter(text);
		if (!front) {
			problems.push({
				severity: 'error',
				file,
				line: 1,
				message: 'has no front matter: the file must start with a line "---", the YAML fields, and another "---"',
			});
			return undefined;
		}
		yamlText = front.yaml;
		body = front.body;
		firstLine = front.yamlLine;
	}

	const parsed = parseYaml(yamlText, file, problems, firstLine);
	if (isMdx && absolute.endsWith('.mdx') && options.checkBody !== false) checkMdxBody(mdxBodyAsCompiled(text), text, absolute, file, problems);
	if (!parsed) return undefined;
	return { file, absolute, data: parsed.data, body, lineOf: parsed.lineOf };
}
