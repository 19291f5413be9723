import { lstatSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
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
	// A long-running process (the dev server) reloads the content after every save, and one build
	// reads the content twice — Astro's content loader and the model run in separate module
	// instances — so a file that has not changed since (nor the images its body shows) is not read,
	// parsed and compiled again: the cache lives on globalThis, and a body's check is kept apart
	// from the file's parse because the loader does not check bodies (the model does).
	let stamp: string | undefined;
	try {
		const stats = statSync(absolute);
		stamp = `${stats.mtimeMs}:${stats.ctimeMs}:${stats.size}:${resolve(root)}`;
	} catch {
		// Unreadable: readTextFile reports it.
	}
	const cache = readCache();
	let parsed = stamp === undefined ? undefined : cache.get(absolute);
	if (!parsed || parsed.stamp !== stamp) {
		const found: Problem[] = [];
		parsed = { stamp: stamp ?? '', ...parseSource(absolute, root, found), problems: found, bodyChecks: new Map() };
		if (stamp !== undefined) cache.set(absolute, parsed);
	}
	problems.push(...parsed.problems);
	if (!parsed.mdxText || options.checkBody === false) return parsed.source;

	const checkKey = options.contentDir ?? '';
	let check = parsed.bodyChecks.get(checkKey);
	if (!check || !check.images.every(([image, imageStamp]) => fileStamp(image) === imageStamp)) {
		const found: Problem[] = [];
		const checked = checkMdxBody(mdxBodyAsCompiled(parsed.mdxText), parsed.mdxText, absolute, parsed.file, found, options.contentDir ? { contentDir: options.contentDir } : {});
		const images = checked?.images ?? [];
		check = { problems: found, shown: checked?.images, images: images.map((image) => [image, fileStamp(image)]) };
		parsed.bodyChecks.set(checkKey, check);
	}
	problems.push(...check.problems);
	if (!parsed.source) return undefined;
	return check.shown ? { ...parsed.source, images: check.shown } : parsed.source;
}

interface ParsedSource {
	stamp: string;
	file: string;
	/** The whole text of an `.mdx` file (its body is checked on request), undefined for other files. */
	mdxText?: string;
	source: SourceFile | undefined;
	problems: Problem[];
	bodyChecks: Map<string, { problems: Problem[]; shown: string[] | undefined; images: [path: string, stamp: string][] }>;
}

const CACHE_SLOT = Symbol.for('rolebook.source-files');

function readCache(): Map<string, ParsedSource> {
	const global = globalThis as { [CACHE_SLOT]?: Map<string, ParsedSource> };
	return (global[CACHE_SLOT] ??= new Map());
}

/** Changes when the file, or where a symbolic link at its place points, changes. */
function fileStamp(path: string): string {
	const link = lstatSync(path, { throwIfNoEntry: false });
	if (!link) return 'missing';
	const target = link.isSymbolicLink() ? statSync(path, { throwIfNoEntry: false }) : link;
	return `${link.ino}:${link.ctimeMs}:${target ? `${target.ino}:${target.mtimeMs}:${target.ctimeMs}:${target.size}` : 'dangling'}`;
}

/** The file read and its YAML parsed; the body of an `.mdx` file is checked separately (`checkMdxBody`). */
function parseSource(absolute: string, root: string, problems: Problem[]): { file: string; mdxText?: string; source: SourceFile | undefined } {
	const file = displayPath(absolute, root);
	const text = readTextFile(absolute, file, problems);
	if (text === undefined) return { file, source: undefined };

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
			return { file, source: undefined };
		}
		yamlText = front.yaml;
		body = front.body;
		firstLine = front.yamlLine;
	}

	const parsed = parseYaml(yamlText, file, problems, firstLine);
	const mdxText = absolute.endsWith('.mdx') ? { mdxText: text } : {};
	if (!parsed) return { file, ...mdxText, source: undefined };
	return { file, ...mdxText, source: { file, absolute, data: parsed.data, body, lineOf: parsed.lineOf } };
}
