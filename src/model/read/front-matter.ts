/**
 * Where an MDX file's YAML front matter ends and its body begins — decided once, here, for
 * `check` and for the build. Astro never parses the YAML itself (with a different YAML parser):
 * the entry data and body come from our reader (src/content.config.ts). `check` compiles the
 * body with the front matter blanked out (`mdxSourceForBuild`), so lines keep their numbers.
 */

/** `---`, the YAML, `---` on a line of its own; the file must start with it (after a BOM). */
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export interface FrontMatter {
	/** The YAML between the delimiter lines. */
	yaml: string;
	/** Line of the file on which the YAML starts (1-based): 2. */
	yamlLine: number;
	/** Everything after the closing `---` line. */
	body: string;
	/** The whole block with its delimiters and the closing line ending. */
	block: string;
}

/** Splits a file's text (BOM already removed) into front matter and body; undefined when it has none. */
export function splitFrontMatter(text: string): FrontMatter | undefined {
	const match = FRONT_MATTER.exec(text);
	if (!match) return undefined;
	return { yaml: match[1]!, yamlLine: 2, body: text.slice(match[0].length), block: match[0] };
}

/**
 * The MDX source the build's MDX compiler receives: the front matter kept as an empty block
 * with the same number of lines (`---`, blank lines, `---`), so the body keeps its line numbers
 * and @astrojs/mdx finds nothing to parse. Files without front matter are returned as they are
 * (`check` rejects them first).
 */
export function mdxSourceForBuild(text: string): string {
	const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const front = splitFrontMatter(clean);
	if (!front) return clean;
	const closing = /\r?\n---[ \t]*(\r?\n|$)$/.exec(front.block)!;
	const inner = front.block.slice(3, closing.index + (closing[0].startsWith('\r') ? 2 : 1));
	return `---${inner.replace(/[^\r\n]+/g, '')}---${closing[1]}${front.body}`;
}

/**
 * What the MDX compiler sees in the build: @astrojs/mdx replaces the (empty) front matter block
 * of `mdxSourceForBuild` with spaces, keeping its line breaks ("empty-with-spaces" in
 * @astrojs/internal-helpers/frontmatter). Compiler positions are therefore lines of the file.
 */
export function mdxBodyAsCompiled(text: string): string {
	const source = mdxSourceForBuild(text);
	const match = /^---([\s\S]*?\n)---/.exec(source);
	if (!match) return source;
	return `   ${match[1]!.replace(/[^\r\n]+/g, (run) => ' '.repeat(run.length))}   ${source.slice(match[0].length)}`;
}
