/**
 * MDX bodies of role texts and handbook chapters. `check` compiles each with the MDX compiler —
 * Sätteri (`satteri`), with the features the build uses — on exactly the text of the file (front
 * matter blanked, lines kept: see front-matter.ts), so a syntax error is reported at its line of
 * the source file with a short message and a hint. MDX is stricter than Markdown (a stray `<` or
 * `{` is an error), and the texts are written to that stricter rule.
 *
 * The build then renders each body as Markdown (src/content.config.ts: Astro's `renderMarkdown`,
 * the same Sätteri parser in Markdown mode), which passes raw HTML to the page as it is written
 * and takes every local image `![…](./x.png)` through Astro's image pipeline. So what compiles
 * but would break or misbehave on the page is rejected too, on two readings of the body:
 *
 * - the MDX tree (what `check` compiled): `import`/`export` lines, `{…}` expressions and
 *   comments, components, `<>` fragments — none of them means anything in Markdown, where they
 *   are printed as they are written — and every element against the allow-list of html.ts;
 * - the Markdown tree (what the build renders): every piece of raw HTML, read as a browser
 *   reads it, against the same allow-list (inside an HTML block Markdown escapes nothing: a
 *   `\<script>` there is a script on the page); every link's scheme; every local image, by its
 *   bytes — a PNG, JPEG, GIF, WebP or AVIF file inside the content folder (symbolic links
 *   resolved), never an SVG, which can carry scripts.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import { markdownToMdast, mdxToJs, mdxToMdast, type Features, type MdastNode } from 'satteri';
import type { Problem } from '../problems.ts';
import { elementProblems, LINK_SCHEMES_HINT, scanHtml, urlProblem, type HtmlAttribute } from './html.ts';
import { BODY_IMAGE_EXTENSIONS, sniffBodyImage } from './image.ts';

/**
 * The parser features of the build: @astrojs/mdx's defaults (GitHub-flavoured Markdown and
 * smart punctuation on, everything else off), passed to Astro's Markdown renderer in
 * astro.config.mjs from here.
 */
export const MDX_FEATURES = { gfm: true, smartPunctuation: true } as const satisfies Features;

/** The options @astrojs/markdown-satteri compiles MDX with (src/mdx/create-processor.ts), plugins aside. */
const COMPILE_OPTIONS = { features: MDX_FEATURES, jsxImportSource: 'astro', elementAttributeNameCase: 'html' } as const;

/**
 * Components a role or chapter body may use. None: bodies are rendered as Markdown, which has
 * no components (a `<Callout>` would be printed as text).
 */
export const BODY_COMPONENTS: readonly string[] = [];

const BRACES = 'MDX reads { and } as code: write &#123; and &#125; for braces in prose';
const ANGLE = 'MDX reads < as the start of a tag: write &lt; for a less-than sign';
/** A character every node the rules look at starts with (`<` tag, `{` code, `[`/`!` link or image), or an ESM line. */
const MAY_NEED_RULES = /[<{[]|^[ \t]*(?:import|export)\b/m;

/** HTML elements without content, which MDX (JSX) needs written as `<br />`. */
const VOID_TAGS = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'source', 'track', 'wbr']);

export interface BodyCheckOptions {
	/** The content folder: local images must be inside it, symbolic links resolved. Default: the folder of the file. */
	contentDir?: string;
}

export interface BodyCheck {
	/** Absolute paths (as written, resolved against the file's folder) of the local images the body shows; undefined when the body could not be read. */
	images?: string[];
}

/**
 * Checks an MDX body. `compiled` is the text the build's compiler receives (mdxBodyAsCompiled),
 * `source` the file's text (for the offending line), `absolute` the file (for image paths).
 */
export function checkMdxBody(compiled: string, source: string, absolute: string, file: string, problems: Problem[], options: BodyCheckOptions = {}): BodyCheck {
	let lines: string[] | undefined;
	const sourceLines = () => (lines ??= source.split(/\r?\n/));
	const lineText = (line: number | undefined) => (line ? sourceLines()[line - 1]?.trim() : undefined);
	const report = (line: number | undefined, message: string, withLine = true) => {
		const found = withLine ? lineText(line) : undefined;
		problems.push({ severity: 'error', file, ...(line ? { line } : {}), message, ...(found ? { found } : {}) });
	};

	try {
		mdxToJs(compiled, COMPILE_OPTIONS);
	} catch (error) {
		const { line, message } = compileProblem((error as Error).message, sourceLines());
		report(line, message);
		return {};
	}

	// Only tags, expressions, links, images and import/export lines need the trees; plain prose
	// (most bodies) has none of their characters, so the walks are skipped.
	if (!MAY_NEED_RULES.test(compiled)) return { images: [] };
	let mdxTree: MdastNode;
	let markdownTree: MdastNode;
	try {
		mdxTree = mdxToMdast(compiled, { features: MDX_FEATURES });
		markdownTree = markdownToMdast(compiled, { features: MDX_FEATURES });
	} catch (error) {
		report(undefined, `MDX cannot be read: ${(error as Error).message}`, false);
		return {};
	}
	const reported = new Set<string>();
	const once: Report = (line, message) => {
		const key = `${line}:${message}`;
		if (reported.has(key)) return;
		reported.add(key);
		report(line, message);
	};

	// What `check` compiled.
	walk(mdxTree, (node) => {
		const line = lineOf(node);
		switch (node.type) {
			case 'mdxjsEsm':
				once(line, 'MDX: "import" and "export" lines are code, and role and chapter texts hold none: reword the line so it does not start with "import" or "export" (or write &#105;mport)');
				break;
			case 'mdxFlowExpression':
			case 'mdxTextExpression':
				if (isCommentOnly(String((node as { value?: unknown }).value ?? ''))) once(line, 'MDX: a {/* … */} comment is printed on the page as it is written (texts are rendered as Markdown, which has no comments): remove it');
				else once(line, `MDX: {…} runs as JavaScript and texts hold no code: ${BRACES}`);
				break;
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement':
				checkJsxElement(node, line, once);
				break;
			case 'link':
			case 'definition': {
				const scheme = urlProblem(String((node as { url?: unknown }).url ?? ''));
				if (scheme) once(line, linkMessage(scheme));
				break;
			}
		}
	});

	// What the build renders.
	const images: string[] = [];
	const definitions = new Map<string, string>();
	walk(markdownTree, (node) => {
		if (node.type === 'definition') definitions.set(String((node as { identifier?: unknown }).identifier ?? '').toLowerCase(), String((node as { url?: unknown }).url ?? ''));
	});
	walk(markdownTree, (node) => {
		const line = lineOf(node);
		switch (node.type) {
			case 'html':
				checkRawHtml(String((node as { value?: unknown }).value ?? ''), line, once, (src) => images.push(resolve(dirname(absolute), localPart(src))));
				break;
			case 'link':
			case 'definition':
			case 'image': {
				const url = String((node as { url?: unknown }).url ?? '');
				const scheme = urlProblem(url);
				if (scheme) once(line, linkMessage(scheme));
				else if (node.type === 'image') {
					const image = checkLocalImage(url, absolute, options.contentDir ?? dirname(absolute), line, once);
					if (image) images.push(image);
				}
				break;
			}
			case 'imageReference': {
				const url = definitions.get(String((node as { identifier?: unknown }).identifier ?? '').toLowerCase());
				if (url !== undefined && isLocalImage(url)) {
					once(line, `MDX: a local image shown by reference (![…][…]) is not processed by the build and would show nothing: write it as ![description](${url})`);
					images.push(resolve(dirname(absolute), localPart(url)));
				}
				break;
			}
		}
	});
	return { images };
}

type Report = (line: number | undefined, message: string) => void;

function lineOf(node: MdastNode): number | undefined {
	return (node as { position?: { start?: { line?: number } } }).position?.start?.line;
}

function linkMessage(scheme: string): string {
	return `MDX: a link to "${scheme}:" is not allowed: ${LINK_SCHEMES_HINT}`;
}

function checkJsxElement(node: MdastNode, line: number | undefined, report: Report): void {
	const { name, attributes } = node as { name?: string | null; attributes?: { type: string; name?: string; value?: unknown }[] };
	if (!name) {
		report(line, 'MDX: <>…</> is printed on the page as it is written (texts are rendered as Markdown): remove the <> and </>');
		return;
	}
	if (/^[A-Z]/.test(name) || name.includes('.')) {
		if (!BODY_COMPONENTS.includes(name)) {
			const available = BODY_COMPONENTS.length > 0 ? `the components available are ${BODY_COMPONENTS.map((component) => `<${component}>`).join(', ')}` : 'texts can use no components';
			report(line, `MDX: <${name}> is not a component Rolebook provides (${available}): write Markdown or a lower-case HTML tag; ${ANGLE}`);
		}
		return;
	}
	const plain: HtmlAttribute[] = [];
	for (const attribute of attributes ?? []) {
		if (attribute.type === 'mdxJsxExpressionAttribute') {
			report(line, `MDX: {…} inside a tag is code: write attributes as name="value"`);
			continue;
		}
		const attributeName = String(attribute.name ?? '');
		const value = attribute.value;
		if (value !== null && value !== undefined && typeof value === 'object') {
			report(line, `MDX: the attribute ${attributeName}={…} is code: write its value in quotes, ${attributeName}="…"`);
			continue;
		}
		plain.push({ name: attributeName, value: typeof value === 'string' ? value : null });
	}
	for (const message of elementProblems(name, plain, false)) report(line, message);
}

/**
 * Raw HTML the Markdown renderer passes to the page: every start tag against the allow-list, at
 * its own line. `localImage` receives the relative `src` of an `<img>` (reported: the build does
 * not process it), so the image file is not also called unused.
 */
function checkRawHtml(html: string, line: number | undefined, report: Report, localImage: (src: string) => void): void {
	if (!html.includes('<')) return;
	const lineAt = (offset: number) => (line === undefined ? undefined : line + countLineBreaks(html, offset));
	const { tags, unfinished } = scanHtml(html);
	for (const tag of tags) {
		for (const message of elementProblems(tag.name, tag.attributes, true)) report(lineAt(tag.offset), message);
		const src = tag.name === 'img' ? tag.attributes.find((attribute) => attribute.name === 'src')?.value : undefined;
		if (src && isLocalImage(src)) localImage(src);
	}
	if (unfinished) {
		report(
			lineAt(unfinished.offset),
			unfinished.what === 'comment'
				? 'HTML: a comment or <!…> is not closed before the HTML ends (a blank line ends it): the text after it would vanish from the page; remove it'
				: 'HTML: a tag is not finished before the HTML ends (a blank line ends it): close its quotes and its > on the same lines, or the text after it becomes part of the tag',
		);
	}
}

function countLineBreaks(text: string, end: number): number {
	let count = 0;
	for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) count++;
	return count;
}

/** The file part of a local image URL, decoded where it can be. */
function localPart(url: string): string {
	let path = url;
	try {
		path = decodeURI(url);
	} catch {
		// Reported where the URL is checked.
	}
	return path.split(/[?#]/)[0]!;
}

/** How the build (Astro's collect-images step) tells a local image from a remote or public one. */
function isLocalImage(url: string): boolean {
	let decoded: string;
	try {
		decoded = decodeURI(url);
	} catch {
		return true;
	}
	return decoded !== '' && !URL.canParse(decoded) && !decoded.startsWith('/');
}

/**
 * A local image the build processes: the file must exist inside the content folder (symbolic
 * links resolved) and be, by its bytes, a whole PNG, JPEG, GIF, WebP or AVIF image. Returns its
 * path when it is local.
 */
function checkLocalImage(url: string, absolute: string, contentDir: string, line: number | undefined, report: Report): string | undefined {
	if (url === '') return undefined;
	let path: string;
	try {
		// As the build does (decodeURI); a URL it cannot decode stops the build.
		path = decodeURI(url);
	} catch {
		report(line, `MDX: the image path "${url}" is not a valid path: write spaces as %20 and no lone %`);
		return undefined;
	}
	if (URL.canParse(path) || path.startsWith('/')) return undefined;
	const file = resolve(dirname(absolute), path.split(/[?#]/)[0]!);
	const shown = `the image "${url}"`;
	if (/[?#]/.test(path)) {
		report(line, `MDX: ${shown} is not processed by the build with a ?… or #… after the file name: remove it`);
		return file;
	}
	if (!existsSync(file)) {
		report(line, `MDX: ${shown} does not exist (paths are relative to this file); put the image next to the text or link it with https://`);
		return file;
	}
	const outside = outsideOf(file, contentDir);
	if (outside) {
		report(line, `MDX: ${shown} is outside the content folder (${outside}): put the image in the content folder, next to the text, and show it from there`);
		return file;
	}
	const extension = extname(file).toLowerCase();
	if (extension === '.svg') {
		report(line, `MDX: ${shown} is an SVG file, and an SVG can carry scripts: export it as PNG`);
		return file;
	}
	if (!BODY_IMAGE_EXTENSIONS.has(extension)) {
		report(line, `MDX: ${shown} is not named as a PNG, JPEG, GIF, WebP or AVIF file (.png, .jpg, .jpeg, .gif, .webp, .avif), so the build would not show it: export it as PNG or JPEG`);
		return file;
	}
	if (!statSync(file).isFile()) {
		report(line, `MDX: ${shown} is a folder, not an image file`);
		return file;
	}
	const image = sniffBodyImage(readImage(file));
	if (!image) {
		report(line, `MDX: ${shown} is not an image by its contents (judged by its bytes, not its name): export it again as PNG or JPEG`);
	} else if (image.type === 'svg') {
		report(line, `MDX: ${shown} is an SVG file by its contents, and an SVG can carry scripts: export it as PNG`);
	} else if (!image.complete || !image.width || !image.height) {
		report(line, `MDX: ${shown} is a damaged ${image.type.toUpperCase()} file (${image.complete ? 'its size cannot be read' : 'it is cut off'}): export it again`);
	}
	return file;
}

/** Where a file really is (symbolic links resolved) when that is outside `folder`; undefined when inside. */
function outsideOf(file: string, folder: string): string | undefined {
	let real: string;
	let root: string;
	try {
		real = realpathSync(file);
		root = realpathSync(folder);
	} catch {
		return undefined;
	}
	const inside = relative(root, real);
	if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return real;
	return undefined;
}

/** The image's bytes: the whole file up to 8 MB, else its first and last 4 MB (format headers and end markers). */
function readImage(file: string): Uint8Array {
	const LIMIT = 8 * 1024 * 1024;
	const size = statSync(file).size;
	if (size <= LIMIT) return readFileSync(file);
	const bytes = Buffer.alloc(LIMIT);
	const fd = openSync(file, 'r');
	try {
		readSync(fd, bytes, 0, LIMIT / 2, 0);
		readSync(fd, bytes, LIMIT / 2, LIMIT / 2, size - LIMIT / 2);
	} finally {
		closeSync(fd);
	}
	return bytes;
}

function isCommentOnly(code: string): boolean {
	return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '').trim() === '';
}

function walk(node: MdastNode, visit: (node: MdastNode) => void): void {
	visit(node);
	const children = (node as { children?: MdastNode[] }).children;
	if (children) for (const child of children) walk(child, visit);
}

/**
 * A compiler error ("3:1: Expected a closing tag for `<div>` (3:1) (mdx-jsx:unexpected-character)")
 * in words for the person who wrote the text, with its line.
 */
export function compileProblem(raw: string, lines: readonly string[]): { line?: number; message: string } {
	const position = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*/.exec(raw);
	const line = position ? Number(position[1]) : undefined;
	const text = (position ? raw.slice(position[0].length) : raw).replace(/\s*\((?:mdx-[\w-]+|mdxjs-rs|micromark[\w-]*)(?::[\w-]+)?\)\s*$/, '');
	const source = line ? (lines[line - 1] ?? '') : '';
	let match: RegExpExecArray | null;
	let message: string;
	if ((match = /^Expected a closing tag for `<([^>`]*)>`/.exec(text))) {
		const tag = match[1]!.split(/\s/)[0]!;
		message = VOID_TAGS.has(tag.toLowerCase())
			? `MDX: <${tag}> must close itself in MDX: write <${tag} /> (${ANGLE})`
			: `MDX: the tag <${tag}> is never closed: add </${tag}>, or write <${tag} /> for a tag without content (${ANGLE})`;
	} else if ((match = /^Expected the closing tag `<\/([^>`]*)>`/.exec(text))) {
		message = `MDX: the tag <${match[1]}> is never closed: add </${match[1]}> (${ANGLE})`;
	} else if ((match = /^Unexpected closing tag `<\/([^>`]*)>`, expected corresponding closing tag for `<([^>`]*)>`/.exec(text))) {
		message = `MDX: </${match[1]}> does not close the open tag <${match[2]!.split(/\s/)[0]}>: make the opening and closing tags match`;
	} else if (/^Unexpected closing slash/.test(text) || /^Unexpected closing tag/.test(text)) {
		message = `MDX: a closing tag without its opening tag: remove it, or add the opening tag (${ANGLE})`;
	} else if (/to create a comment in MDX/.test(text) || /^Unexpected character `!`/.test(text)) {
		message = 'MDX: HTML comments <!-- … --> do not work in MDX, and texts hold no comments (a {/* … */} would be printed on the page): remove it';
	} else if (/to create a link in MDX/.test(text)) {
		message = 'MDX: a < here starts a tag: write &lt; for a less-than sign, and a link as [text](https://…), not <https://…>';
	} else if (/expected a corresponding closing brace for `\{`/.test(text)) {
		message = `MDX: a { is never closed: ${BRACES}`;
	} else if (/^Could not parse expression with oxc/.test(text)) {
		message = /^\s{0,3}#{1,6}\s.*\{#[^}]*\}\s*$/.test(source)
			? 'MDX: heading ids {#id} are not supported: remove the {#…}; every heading gets its id from its text'
			: `MDX: the text in {…} is read as JavaScript and is not valid JavaScript: ${BRACES}`;
	} else if (/^Could not parse esm with oxc/.test(text) || /^Unexpected statement in code/.test(text)) {
		message = 'MDX: a line starting with "import" or "export" is read as code: reword it so it does not start with those words (or write &#105;mport)';
	} else if (/^Unexpected (?:character|end of file)/.test(text) && /</.test(source)) {
		message = `MDX: ${firstSentence(text)}: ${ANGLE}`;
	} else {
		message = `MDX: ${firstSentence(text)} (MDX reads { and < as code: write &#123; or &lt; in prose)`;
	}
	return { ...(line ? { line } : {}), message };
}

function firstSentence(text: string): string {
	return text.replace(/\s*\(\d+:\d+\)/g, '').split('\n')[0]!.replace(/\.$/, '');
}
