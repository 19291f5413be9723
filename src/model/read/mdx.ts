/**
 * MDX bodies of role texts and handbook chapters, compiled by `check` with the compiler the build
 * uses — Sätteri (`satteri`), which @astrojs/mdx 8 runs through @astrojs/markdown-satteri, with
 * the same features — on exactly the text the build compiles (front matter blanked, lines kept:
 * see front-matter.ts). A syntax error is reported at its line of the source file with a short
 * message and a hint, instead of a Vite stack trace in the build.
 *
 * Then what compiles but would break or misbehave on the page is rejected too: bodies are
 * rendered as `<Body />` with no components (src/components/RoleView.astro,
 * src/pages/[locale]/handbook/[chapter].astro), so a capitalised tag, an `import`, or a `{…}`
 * expression (which runs as JavaScript: `{jurisdiction}` is a ReferenceError) would fail the
 * build or the page; a local image that does not exist fails the build; scripts, frames and
 * `javascript:` links must never reach a public page.
 */
import { existsSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { mdxToJs, mdxToMdast, type Features, type MdastNode } from 'satteri';
import type { Problem } from '../problems.ts';

/**
 * The parser features of the build: @astrojs/mdx's defaults (GitHub-flavoured Markdown and
 * smart punctuation on, everything else off), passed to `mdx()` in astro.config.mjs from here.
 */
export const MDX_FEATURES = { gfm: true, smartPunctuation: true } as const satisfies Features;

/** The options @astrojs/markdown-satteri compiles with (src/mdx/create-processor.ts), plugins aside. */
const COMPILE_OPTIONS = { features: MDX_FEATURES, jsxImportSource: 'astro', elementAttributeNameCase: 'html' } as const;

/**
 * Components a role or chapter body may use: the `components` passed to `<Body />`. None today;
 * add a name here when a page starts passing one.
 */
export const BODY_COMPONENTS: readonly string[] = [];

const BRACES = 'MDX reads { and } as code: write &#123; and &#125; for braces in prose';
const ANGLE = 'MDX reads < as the start of a tag: write &lt; for a less-than sign';

/** Tags that would run code, pull in other pages or restyle the site: never from content. */
const ACTIVE_TAGS = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'link', 'meta', 'form', 'noscript', 'template', 'portal']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'cite', 'background', 'ping']);
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
/** A character every node the rules look at starts with (`<` tag, `{` code, `[`/`!` link or image), or an ESM line. */
const MAY_NEED_RULES = /[<{[]|^[ \t]*(?:import|export)\b/m;

/** HTML elements without content, which MDX (JSX) needs written as `<br />`. */
const VOID_TAGS = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'source', 'track', 'wbr']);
/** Local images the build can import (Astro's image pipeline). */
const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.webp', '.gif', '.avif', '.svg']);

/**
 * Checks an MDX body. `compiled` is the text the build's compiler receives (mdxBodyAsCompiled),
 * `source` the file's text (for the offending line), `absolute` the file (for image paths).
 */
export function checkMdxBody(compiled: string, source: string, absolute: string, file: string, problems: Problem[]): void {
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
		return;
	}

	// Only tags, expressions, links, images and import/export lines need the tree; plain prose (most
	// bodies) has none of their characters, so the walk is skipped.
	if (!MAY_NEED_RULES.test(compiled)) return;
	let tree: MdastNode;
	try {
		tree = mdxToMdast(compiled, { features: MDX_FEATURES });
	} catch (error) {
		report(undefined, `MDX cannot be read: ${(error as Error).message}`, false);
		return;
	}
	const reported = new Set<string>();
	const once = (line: number | undefined, message: string) => {
		const key = `${line}:${message}`;
		if (reported.has(key)) return;
		reported.add(key);
		report(line, message);
	};
	walk(tree, (node) => {
		const line = (node as { position?: { start?: { line?: number } } }).position?.start?.line;
		switch (node.type) {
			case 'mdxjsEsm':
				once(line, 'MDX: "import" and "export" lines are code, and role and chapter texts hold none: reword the line so it does not start with "import" or "export" (or write &#105;mport)');
				break;
			case 'mdxFlowExpression':
			case 'mdxTextExpression':
				if (!isCommentOnly(String((node as { value?: unknown }).value ?? ''))) once(line, `MDX: {…} runs as JavaScript and texts hold no code: ${BRACES} (a comment is {/* … */})`);
				break;
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement':
				checkElement(node, line, once);
				break;
			case 'link':
			case 'image':
			case 'definition': {
				const url = String((node as { url?: unknown }).url ?? '');
				const scheme = unsafeScheme(url);
				if (scheme) once(line, `MDX: a link to "${scheme}:" is not allowed: links go to https:, http:, mailto: or tel: addresses, or to a page of the site`);
				else if (node.type === 'image') checkLocalImage(url, absolute, line, once);
				break;
			}
		}
	});
}

type Report = (line: number | undefined, message: string) => void;

function checkElement(node: MdastNode, line: number | undefined, report: Report): void {
	const { name, attributes } = node as { name?: string | null; attributes?: { type: string; name?: string; value?: unknown }[] };
	if (name) {
		if (/^[A-Z]/.test(name) || name.includes('.')) {
			if (!BODY_COMPONENTS.includes(name)) {
				const available = BODY_COMPONENTS.length > 0 ? `the components available are ${BODY_COMPONENTS.map((component) => `<${component}>`).join(', ')}` : 'texts can use no components';
				report(line, `MDX: <${name}> is not a component Rolebook provides (${available}): write Markdown or a lower-case HTML tag; ${ANGLE}`);
			}
		} else if (ACTIVE_TAGS.has(name.toLowerCase())) {
			report(line, `MDX: <${name}> is not allowed in a role or chapter text: pages take no scripts, styles, frames or forms from content`);
		}
	}
	for (const attribute of attributes ?? []) {
		if (attribute.type === 'mdxJsxExpressionAttribute') {
			report(line, `MDX: {…} inside a tag is code: write attributes as name="value"`);
			continue;
		}
		const attributeName = String(attribute.name ?? '');
		const value = attribute.value;
		if (value !== null && typeof value === 'object') {
			report(line, `MDX: the attribute ${attributeName}={…} is code: write its value in quotes, ${attributeName}="…"`);
			continue;
		}
		if (/^on/i.test(attributeName)) {
			report(line, `MDX: the attribute ${attributeName} runs a script and is not allowed in content`);
			continue;
		}
		if (typeof value === 'string' && URL_ATTRIBUTES.has(attributeName.toLowerCase())) {
			const scheme = unsafeScheme(value);
			if (scheme) report(line, `MDX: ${attributeName}="${scheme}:…" is not allowed: links go to https:, http:, mailto: or tel: addresses, or to a page of the site`);
		}
	}
}

/** The scheme of a URL when it is not one a page may link to (`javascript`, `data`, `vbscript`…). */
function unsafeScheme(url: string): string | undefined {
	// Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
	const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
	return scheme && !SAFE_SCHEMES.has(scheme) ? scheme : undefined;
}

/** A relative image path is imported by the build: the file must exist and be an image it can use. */
function checkLocalImage(url: string, absolute: string, line: number | undefined, report: Report): void {
	if (url === '' || url.startsWith('/') || url.startsWith('#') || URL.canParse(url)) return;
	let path: string;
	try {
		path = decodeURI(url.split(/[?#]/)[0]!);
	} catch {
		report(line, `MDX: the image path "${url}" is not a valid path`);
		return;
	}
	const file = resolve(dirname(absolute), path);
	if (!existsSync(file)) report(line, `MDX: the image "${url}" does not exist (paths are relative to this file); put the image next to the text or link it with https://`);
	else if (!IMAGE_EXTENSIONS.has(extname(file).toLowerCase())) report(line, `MDX: the image "${url}" is not a PNG, JPEG, WebP, GIF, AVIF or SVG file`);
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
		message = 'MDX: HTML comments <!-- … --> do not work in MDX: write {/* … */} instead, or remove it';
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
