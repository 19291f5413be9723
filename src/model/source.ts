import { lstatSync, statSync } from 'node:fs';
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
	/**
	 * An MDX file whose body was checked: the local images it shows (absolute paths, as written).
	 * Undefined for YAML files, unchecked bodies and bodies that could not be read.
	 */
	images?: string[];
}

export interface ReadOptions {
	/** Compile an MDX body and check what it may contain (default true; the build's loader skips it, `check` did it). */
	checkBody?: boolean;
	/** The content folder, which the images a body shows must be inside (default: the folder of the file). */
	contentDir?: string;
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
	// has not changed since — nor the images its body shows — is not read, parsed and compiled again.
	let stamp: string | undefined;
	try {
		const stats = statSync(absolute);
		stamp = `${stats.mtimeMs}:${stats.ctimeMs}:${stats.size}:${root}:${options.checkBody !== false}:${options.contentDir ?? ''}`;
	} catch {
		// Unreadable: readTextFile reports it.
	}
	const known = stamp === undefined ? undefined : readCache.get(absolute);
	if (known && known.stamp === stamp && known.images.every(([image, imageStamp]) => fileStamp(image) === imageStamp)) {
		problems.push(...known.problems);
		return known.source;
	}
	const found: Problem[] = [];
	const images: string[] = [];
	const source = readUncached(absolute, root, found, options, images);
	problems.push(...found);
	if (stamp !== undefined) readCache.set(absolute, { stamp, source, problems: found, images: images.map((image) => [image, fileStamp(image)]) });
	return source;
}

const readCache = new Map<string, { stamp: string; source: SourceFile | undefined; problems: Problem[]; images: [path: string, stamp: string][] }>();

/** Changes when the file, or where a symbolic link at its place points, changes. */
function fileStamp(path: string): string {
	const link = lstatSync(path, { throwIfNoEntry: false });
	if (!link) return 'missing';
	const target = link.isSymbolicLink() ? statSync(path, { throwIfNoEntry: false }) : link;
	return `${link.ino}:${link.ctimeMs}:${target ? `${target.ino}:${target.mtimeMs}:${target.ctimeMs}:${target.size}` : 'dangling'}`;
}

/** `images` receives the local images a checked body shows, even when the file's data is unusable. */
function readUncached(absolute: string, root: string, problems: Problem[], options: ReadOptions, images: string[]): SourceFile | undefined {
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
	const checked = isMdx && absolute.endsWith('.mdx') && options.checkBody !== false ? checkMdxBody(mdxBodyAsCompiled(text), text, absolute, file, problems, options.contentDir ? { contentDir: options.contentDir } : {}) : undefined;
	if (checked?.images) images.push(...checked.images);
	if (!parsed) return undefined;
	return { file, absolute, data: parsed.data, body, lineOf: parsed.lineOf, ...(checked?.images ? { images: checked.images } : {}) };
}
