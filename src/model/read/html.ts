/**
 * HTML in role and chapter bodies. Bodies are prose: they may hold the elements and attributes a
 * handbook text needs (ALLOWED_ELEMENTS, GLOBAL_ATTRIBUTES, ELEMENT_ATTRIBUTES) and nothing else — an allow-list, so
 * an element nobody thought of (an SVG `<animate>` that turns a link into `javascript:`, a
 * `<textarea>` that swallows the page, a form) is refused without being named here first.
 *
 * The build renders bodies as Markdown, which passes raw HTML to the page as it is written, so
 * the same rules are applied twice (src/model/read/mdx.ts): to the elements the MDX compiler
 * parsed (what `check` compiles), and to every piece of raw HTML the Markdown renderer passes
 * through, read here the way a browser reads it (`scanHtml`): inside an HTML block Markdown
 * escapes nothing, so `<div>` + `\<script>` or `` `<script>` `` is a script on the page.
 *
 * Decisions, for whoever extends the lists:
 * - no `style` and no `class`: texts take the site's styles, and a class of the site's own CSS
 *   could lay a text over the page's navigation; no `data-*` or `aria-*` either (Markdown's own
 *   footnotes and task lists make theirs, which bodies cannot write);
 * - `href`, `src` and `cite` take `https:`, `http:`, `mailto:`, `tel:` or a relative address,
 *   decoded as the browser decodes them (`jav&#x61;script:` is `javascript:`); a raw `<img>`
 *   with a relative `src` is refused because only Markdown images go through the build's image
 *   pipeline (it would show nothing);
 * - `target` is `_self` or `_blank`, and `_blank` only with `rel="noopener"` (or `noreferrer`),
 *   so an opened page cannot navigate this one; `rel` takes link types that add no behaviour;
 * - `id` is allowed (a link target inside a long chapter) if it is a plain name; `dir` is allowed
 *   (ltr, rtl, auto: it sets a base direction and reorders no letters), `<bdo>` is not (it does
 *   what the override characters refused in encoding.ts do);
 * - `<h1>` is refused as HTML: the page's title is its only h1 (a Markdown `#` is left alone).
 */
import { htmlToHast } from 'satteri';

/** Elements a body may use. Markdown's own output (h1 from `#`, task-list checkboxes, footnotes…) is not affected. */
export const ALLOWED_ELEMENTS: ReadonlySet<string> = new Set([
	// text
	'p', 'br', 'wbr', 'hr', 'span', 'div',
	'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup',
	'code', 'kbd', 'samp', 'var', 'pre', 'abbr', 'dfn', 'q', 'cite', 'time',
	'blockquote', 'figure', 'figcaption', 'details', 'summary',
	'h2', 'h3', 'h4', 'h5', 'h6',
	// lists and tables
	'ul', 'ol', 'li', 'dl', 'dt', 'dd',
	'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
	// links and pictures
	'a', 'img',
]);

/** Attributes any allowed element may have. */
const GLOBAL_ATTRIBUTES = ['title', 'id', 'lang', 'dir'];

/** Attributes of particular elements, besides the global ones. */
const ELEMENT_ATTRIBUTES: Record<string, readonly string[]> = {
	a: ['href', 'target', 'rel'],
	img: ['src', 'alt', 'width', 'height', 'loading'],
	ol: ['start', 'reversed', 'type'],
	li: ['value'],
	th: ['colspan', 'rowspan', 'scope'],
	td: ['colspan', 'rowspan'],
	col: ['span'],
	colgroup: ['span'],
	details: ['open'],
	blockquote: ['cite'],
	q: ['cite'],
	del: ['cite', 'datetime'],
	ins: ['cite', 'datetime'],
	time: ['datetime'],
};

const REL_TOKENS: ReadonlySet<string> = new Set(['noopener', 'noreferrer', 'nofollow', 'external', 'ugc', 'sponsored']);

/** The value an attribute must have, with the words that say so; attributes not listed take any text. */
const ATTRIBUTE_VALUES: Record<string, { test: (value: string) => boolean; allowed: string }> = {
	dir: { test: (value) => /^(?:ltr|rtl|auto)$/i.test(value), allowed: '"ltr", "rtl" or "auto"' },
	lang: { test: (value) => /^[a-z]{2,8}(?:-[a-z\d]{1,8})*$/i.test(value), allowed: 'a language code such as "en" or "pt-BR"' },
	id: { test: (value) => /^[a-z][\w-]*$/i.test(value), allowed: 'a letter followed by letters, digits, "-" or "_"' },
	target: { test: (value) => /^(?:_blank|_self)$/i.test(value), allowed: '"_blank" (with rel="noopener") or "_self"' },
	rel: { test: (value) => value.trim().split(/\s+/).every((token) => REL_TOKENS.has(token.toLowerCase())), allowed: `words from: ${[...REL_TOKENS].join(', ')}` },
	type: { test: (value) => /^[1aAiI]$/.test(value), allowed: '1, a, A, i or I' },
	scope: { test: (value) => /^(?:row|col|rowgroup|colgroup)$/i.test(value), allowed: '"row", "col", "rowgroup" or "colgroup"' },
	loading: { test: (value) => /^(?:lazy|eager)$/i.test(value), allowed: '"lazy" or "eager"' },
	width: { test: (value) => /^\d+$/.test(value.trim()), allowed: 'a number of pixels' },
	height: { test: (value) => /^\d+$/.test(value.trim()), allowed: 'a number of pixels' },
	colspan: { test: (value) => /^\d+$/.test(value.trim()), allowed: 'a number' },
	rowspan: { test: (value) => /^\d+$/.test(value.trim()), allowed: 'a number' },
	span: { test: (value) => /^\d+$/.test(value.trim()), allowed: 'a number' },
	start: { test: (value) => /^-?\d+$/.test(value.trim()), allowed: 'a number' },
	value: { test: (value) => /^-?\d+$/.test(value.trim()), allowed: 'a number' },
};

/** Attributes holding a URL, checked for its scheme. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite']);
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
export const LINK_SCHEMES_HINT = 'links go to https:, http:, mailto: or tel: addresses, or to a page of the site';

const ACTIVE = new Set(['script', 'style', 'link', 'meta', 'base', 'noscript', 'template', 'slot', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe']);
const DRAWINGS = new Set(['svg', 'math', 'animate', 'animatemotion', 'animatetransform', 'set', 'use', 'foreignobject', 'image', 'canvas']);
const FORMS = new Set(['form', 'input', 'button', 'textarea', 'select', 'option', 'optgroup', 'label', 'fieldset', 'legend', 'output', 'datalist', 'meter', 'progress', 'search', 'dialog', 'selectedcontent']);
const MEDIA = new Set(['audio', 'video', 'source', 'track', 'picture', 'map', 'area']);

/** A few allowed elements, for messages. */
const ALLOWED_EXAMPLES = '<p>, <strong>, <em>, <sub>, <sup>, <kbd>, <abbr>, <mark>, <ul>, <ol>, <dl>, <table>, <h2>–<h6>, <a>, <img>, <figure>, <details>';

export interface HtmlAttribute {
	/** As written; compared in lower case, as browsers do. */
	name: string;
	/** Decoded value; null for an attribute written without one (`<details open>`). */
	value: string | null;
}

/**
 * What is wrong with an element and its attributes, one message each (empty when nothing is).
 * `raw` is true for HTML the Markdown renderer passes through, where a relative `<img src>` is
 * not processed by the build (a Markdown image is).
 */
export function elementProblems(tagName: string, attributes: readonly HtmlAttribute[], raw: boolean): string[] {
	const name = tagName.toLowerCase();
	if (!ALLOWED_ELEMENTS.has(name)) return [`HTML: <${name}> is not allowed in a role or chapter text: ${elementReason(name)}`];
	const messages: string[] = [];
	const allowed = [...GLOBAL_ATTRIBUTES, ...(ELEMENT_ATTRIBUTES[name] ?? [])];
	const lower = attributes.map((attribute) => ({ name: attribute.name.toLowerCase(), value: attribute.value }));
	for (const { name: attribute, value } of lower) {
		if (/^on/.test(attribute)) {
			messages.push(`HTML: the attribute ${attribute} runs a script and is not allowed in content`);
		} else if (attribute === 'style' || attribute === 'class' || attribute === 'classname') {
			messages.push(`HTML: the attribute ${attribute} is not allowed: texts take the site's styles (write Markdown, or <strong>, <em>, <mark>…)`);
		} else if (!allowed.includes(attribute)) {
			messages.push(`HTML: the attribute ${attribute} is not allowed on <${name}> (allowed there: ${allowed.join(', ')})`);
		} else if (value !== null && URL_ATTRIBUTES.has(attribute)) {
			const problem = urlProblem(value);
			if (problem) messages.push(`HTML: ${attribute}="${problem}:…" is not allowed: ${LINK_SCHEMES_HINT}`);
			else if (raw && name === 'img' && attribute === 'src' && isLocalPath(value)) {
				messages.push(`HTML: <img src="${value}"> is not processed by the build and would show nothing: show a local picture as ![description](${value})`);
			}
		} else if (value !== null && ATTRIBUTE_VALUES[attribute] && !ATTRIBUTE_VALUES[attribute].test(value)) {
			messages.push(`HTML: ${attribute}="${value}" is not allowed on <${name}>: write ${ATTRIBUTE_VALUES[attribute].allowed}`);
		} else if (value === null && ATTRIBUTE_VALUES[attribute] && attribute !== 'rel') {
			messages.push(`HTML: the attribute ${attribute} needs a value: write ${ATTRIBUTE_VALUES[attribute].allowed}`);
		}
	}
	const target = lower.find((attribute) => attribute.name === 'target')?.value;
	if (target && /^_blank$/i.test(target)) {
		const rel = (lower.find((attribute) => attribute.name === 'rel')?.value ?? '').toLowerCase().split(/\s+/);
		if (!rel.includes('noopener') && !rel.includes('noreferrer')) {
			messages.push('HTML: target="_blank" needs rel="noopener" on the same <a>: a page opened from a text must not be able to control this one');
		}
	}
	return messages;
}

function elementReason(name: string): string {
	if (ACTIVE.has(name)) return 'pages take no scripts, styles, frames or embedded objects from content';
	if (DRAWINGS.has(name)) return 'an SVG or MathML drawing can carry scripts and links: show a picture as a PNG or JPEG image, ![description](./picture.png)';
	if (FORMS.has(name)) return 'forms and input fields do not belong in a text: link to the form instead, [the form](https://…)';
	if (MEDIA.has(name)) return 'media players and image maps are not supported: link to the file, or show a picture as ![description](./picture.png)';
	if (name === 'h1') return 'the page title is the only top-level heading: start headings at <h2> (## in Markdown)';
	return `bodies are prose and use only the elements a text needs (${ALLOWED_EXAMPLES}…): write Markdown, or one of those`;
}

/** The scheme of a URL when it is not one a page may link to (`javascript`, `data`, `vbscript`…). */
export function urlProblem(url: string): string | undefined {
	// Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
	const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
	return scheme && !SAFE_SCHEMES.has(scheme) ? scheme : undefined;
}

/** A path relative to the page (not `/…`, `#…` or a URL with a scheme). */
function isLocalPath(url: string): boolean {
	const trimmed = url.trim();
	return trimmed !== '' && !trimmed.startsWith('/') && !trimmed.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(trimmed);
}

export interface ScannedTag {
	/** Lower case, as the browser reads it. */
	name: string;
	attributes: HtmlAttribute[];
	/** Offset of the `<` in the scanned text. */
	offset: number;
}

export interface ScannedHtml {
	tags: ScannedTag[];
	/** Set when the text ends inside a tag, a quoted value or a comment: what follows it on the page would be read as part of it. */
	unfinished?: { offset: number; what: 'tag' | 'comment' };
}

/** Elements whose content the browser reads as text up to their end tag, not as tags. */
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'textarea', 'title']);

const WHITESPACE = /[\t\n\f\r ]/;

/**
 * Start tags in a piece of HTML, read as the HTML tokenizer (WHATWG §13.2.5) reads them: names
 * and attribute names in lower case, attribute values with their character references decoded,
 * comments, `<!…>` and `<?…>` skipped, raw-text elements (`<script>`, `<textarea>`…) skipped to
 * their end tag. End tags are read (a quoted `>` does not end them) and dropped.
 */
export function scanHtml(html: string): ScannedHtml {
	const tags: ScannedTag[] = [];
	let index = 0;
	while (index < html.length) {
		const open = html.indexOf('<', index);
		if (open === -1) break;
		const next = html[open + 1];
		if (next === '!') {
			if (html.startsWith('<!--', open)) {
				if (html.startsWith('<!-->', open)) { index = open + 5; continue; }
				if (html.startsWith('<!--->', open)) { index = open + 6; continue; }
				const ends = [html.indexOf('-->', open + 4), html.indexOf('--!>', open + 4)].filter((at) => at !== -1);
				if (ends.length === 0) return { tags, unfinished: { offset: open, what: 'comment' } };
				const end = Math.min(...ends);
				index = end + (html.startsWith('-->', end) ? 3 : 4);
				continue;
			}
			const end = html.indexOf('>', open + 2);
			if (end === -1) return { tags, unfinished: { offset: open, what: 'comment' } };
			index = end + 1;
			continue;
		}
		if (next === '?') {
			const end = html.indexOf('>', open + 2);
			if (end === -1) return { tags, unfinished: { offset: open, what: 'comment' } };
			index = end + 1;
			continue;
		}
		if (next === '/') {
			const after = html[open + 2];
			if (after === undefined) break;
			if (after === '>') { index = open + 3; continue; }
			if (!/[a-z]/i.test(after)) {
				const end = html.indexOf('>', open + 2);
				if (end === -1) return { tags, unfinished: { offset: open, what: 'comment' } };
				index = end + 1;
				continue;
			}
			const tag = readTag(html, open + 2);
			if (!tag) return { tags, unfinished: { offset: open, what: 'tag' } };
			index = tag.end;
			continue;
		}
		if (next === undefined || !/[a-z]/i.test(next)) {
			index = open + 1;
			continue;
		}
		const tag = readTag(html, open + 1);
		if (!tag) return { tags, unfinished: { offset: open, what: 'tag' } };
		tags.push({ name: tag.name, attributes: tag.attributes, offset: open });
		index = tag.end;
		if (tag.name === 'plaintext') break;
		if (RAW_TEXT.has(tag.name)) {
			const close = new RegExp(`</${tag.name}[\\t\\n\\f\\r />]`, 'ig');
			close.lastIndex = index;
			const found = close.exec(html);
			if (!found) break;
			index = found.index;
		}
	}
	return { tags };
}

/**
 * Reads a tag from its name (at `start`) to its `>`: undefined when the text ends first (the
 * browser would take what follows on the page for more of the tag).
 */
function readTag(html: string, start: number): { name: string; attributes: HtmlAttribute[]; end: number } | undefined {
	let index = start;
	while (index < html.length && !WHITESPACE.test(html[index]!) && html[index] !== '/' && html[index] !== '>') index++;
	const name = html.slice(start, index).toLowerCase();
	const attributes: HtmlAttribute[] = [];
	for (;;) {
		// Before attribute name: whitespace and stray slashes are skipped (a "/" before ">" self-closes).
		while (index < html.length && (WHITESPACE.test(html[index]!) || html[index] === '/')) index++;
		if (index >= html.length) return undefined;
		if (html[index] === '>') return { name, attributes, end: index + 1 };
		// Attribute name: a first "=" belongs to the name; quotes and "<" do too (parse errors the browser forgives).
		const nameStart = index;
		index++;
		while (index < html.length && !WHITESPACE.test(html[index]!) && html[index] !== '/' && html[index] !== '>' && html[index] !== '=') index++;
		const attributeName = html.slice(nameStart, index).toLowerCase();
		while (index < html.length && WHITESPACE.test(html[index]!)) index++;
		if (html[index] !== '=') {
			attributes.push({ name: attributeName, value: null });
			continue;
		}
		index++;
		while (index < html.length && WHITESPACE.test(html[index]!)) index++;
		if (index >= html.length) return undefined;
		const quote = html[index];
		let raw: string;
		if (quote === '"' || quote === "'") {
			const end = html.indexOf(quote, index + 1);
			if (end === -1) return undefined;
			raw = html.slice(index + 1, end);
			index = end + 1;
		} else if (quote === '>') {
			attributes.push({ name: attributeName, value: '' });
			continue;
		} else {
			const valueStart = index;
			while (index < html.length && !WHITESPACE.test(html[index]!) && html[index] !== '>') index++;
			raw = html.slice(valueStart, index);
		}
		attributes.push({ name: attributeName, value: raw.includes('&') ? decodeAttribute(raw, quote === '"' || quote === "'" ? quote : '') : raw });
	}
}

/** An attribute value with its character references decoded by an HTML parser (the legacy rules for `&amp` without `;` included). */
function decodeAttribute(raw: string, quote: string): string {
	try {
		const tree = htmlToHast(`<a title=${quote}${raw}${quote}>`, { fragment: true }) as { children?: { properties?: { title?: unknown } }[] };
		const title = tree.children?.[0]?.properties?.title;
		return typeof title === 'string' ? title : raw;
	} catch {
		return raw;
	}
}
