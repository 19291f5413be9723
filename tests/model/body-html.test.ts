/**
 * HTML in role and chapter bodies: an allow-list (src/model/read/html.ts), applied to what the
 * MDX compiler parsed and to the raw HTML the build's Markdown renderer passes to the page. The
 * single bad cases are fixtures (tests/fixtures/bad/read-html-*, mdx-*); here: the tokenizer
 * against the browser's reading, and the promise itself — a body `check` accepts renders, with
 * the build's own Markdown processor, to HTML holding only allowed elements and attributes.
 */
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { htmlToHast } from 'satteri';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/model/index.ts';
import { mdxBodyAsCompiled } from '../../src/model/read/front-matter.ts';
import { ALLOWED_ELEMENTS, elementProblems, scanHtml, type HtmlAttribute } from '../../src/model/read/html.ts';
import { checkMdxBody, MDX_FEATURES } from '../../src/model/read/mdx.ts';

function check(body: string): Problem[] {
	const text = `---\ntitle: x\n---\n\n${body}\n`;
	const problems: Problem[] = [];
	checkMdxBody(mdxBodyAsCompiled(text), text, '/tmp/rolebook-body/x.mdx', 'x.mdx', problems, { contentDir: '/tmp/rolebook-body' });
	return problems;
}

describe('scanHtml reads tags as a browser does', () => {
	it('lower-cases names, decodes values, keeps a quoted > inside its value', () => {
		const html = '<A HREF="jav&#x61;script&colon;x" Title=\'a > b\' data-x=1 OPEN>t</A><br/>';
		const { tags, unfinished } = scanHtml(html);
		expect(unfinished).toBeUndefined();
		expect(tags).toEqual([
			{ name: 'a', offset: 0, attributes: [{ name: 'href', value: 'javascript:x' }, { name: 'title', value: 'a > b' }, { name: 'data-x', value: '1' }, { name: 'open', value: null }] },
			{ name: 'br', offset: html.indexOf('<br/>'), attributes: [] },
		]);
	});

	it('applies the legacy rule for references without ";" in attributes', () => {
		expect(scanHtml('<a title="&amp=1&notit;&not x">').tags[0]!.attributes[0]!.value).toBe('&amp=1&notit;¬ x');
	});

	it('skips comments, <!…>, <?…> and end tags; a quoted > does not end an end tag', () => {
		expect(scanHtml('<!-- <script> --> <!DOCTYPE html> <?php x ?> </p title=">"> <!--> <b>').tags.map((tag) => tag.name)).toEqual(['b']);
	});

	it('reads no tags inside raw-text elements, up to their end tag', () => {
		expect(scanHtml('<textarea><img src=x onerror=alert(1)></TEXTAREA ><i>').tags.map((tag) => tag.name)).toEqual(['textarea', 'i']);
		expect(scanHtml('<script>"</script>"<b>').tags.map((tag) => tag.name)).toEqual(['script', 'b']);
	});

	it('takes "< b" and "<3" for text', () => {
		expect(scanHtml('a < b, <3, </ x>').tags).toEqual([]);
	});

	it.each([
		['<a title="x', 'tag'],
		['<a title=x', 'tag'],
		['<a ', 'tag'],
		['ok <b>x</b> <span', 'tag'],
		['<!-- never closed', 'comment'],
		['<!DOCTYPE', 'comment'],
	])('says when %j ends inside a tag or comment (the page would read on into the next text)', (html, what) => {
		expect(scanHtml(html).unfinished?.what).toBe(what);
	});

	it('gives the offset of the unfinished tag', () => {
		expect(scanHtml('<div>\n<span title="\n').unfinished).toEqual({ offset: 6, what: 'tag' });
	});
});

describe('the allow-list', () => {
	it('names each element refused and why', () => {
		for (const [tag, reason] of [
			['script', 'no scripts'],
			['style', 'no scripts, styles'],
			['iframe', 'frames'],
			['object', 'embedded objects'],
			['base', 'no scripts'],
			['svg', 'SVG'],
			['math', 'MathML'],
			['set', 'SVG'],
			['textarea', 'forms'],
			['button', 'forms'],
			['video', 'media players'],
			['h1', 'start headings at <h2>'],
			['font', 'bodies are prose'],
		] as const) {
			expect(elementProblems(tag, [], true), tag).toEqual([expect.stringMatching(new RegExp(`^HTML: <${tag}> is not allowed.*${reason}`))]);
		}
	});

	it('allows the elements of prose, with their safe attributes', () => {
		for (const element of ALLOWED_ELEMENTS) expect(elementProblems(element, [{ name: 'title', value: 'x' }, { name: 'lang', value: 'en' }], true), element).toEqual([]);
		const ok: [string, HtmlAttribute[]][] = [
			['a', [{ name: 'href', value: 'https://example.com' }, { name: 'target', value: '_blank' }, { name: 'rel', value: 'noopener' }]],
			['a', [{ name: 'href', value: 'mailto:hr@example.com' }]],
			['a', [{ name: 'href', value: '#duties' }]],
			['a', [{ name: 'href', value: '../roles/x/' }]],
			['img', [{ name: 'src', value: 'https://example.com/x.png' }, { name: 'alt', value: 'x' }, { name: 'width', value: '10' }]],
			['img', [{ name: 'src', value: '/logo.png' }]],
			['ol', [{ name: 'start', value: '3' }, { name: 'reversed', value: null }, { name: 'type', value: 'i' }]],
			['details', [{ name: 'open', value: null }]],
			['th', [{ name: 'scope', value: 'col' }, { name: 'colspan', value: '2' }]],
			['q', [{ name: 'cite', value: 'https://example.com' }]],
			['span', [{ name: 'dir', value: 'rtl' }, { name: 'id', value: 'note-1' }]],
		];
		for (const [element, attributes] of ok) expect(elementProblems(element, attributes, true), element).toEqual([]);
	});

	it.each([
		['span', 'onclick', 'alert(1)', 'runs a script'],
		['a', 'OnMouseOver', 'x', 'onmouseover runs a script'],
		['span', 'style', 'color: red', 'style is not allowed'],
		['span', 'class', 'sr-only', 'class is not allowed'],
		['a', 'ping', 'https://t.example', 'ping is not allowed on <a>'],
		['a', 'href', 'javascript:alert(1)', 'href="javascript:…"'],
		['a', 'href', ' JaVa\tScRiPt:alert(1)', 'href="javascript:…"'],
		['a', 'href', 'data:text/html,x', 'href="data:…"'],
		['a', 'href', 'vbscript:x', 'href="vbscript:…"'],
		['img', 'src', 'data:image/svg+xml,x', 'src="data:…"'],
		['img', 'srcset', 'x.png 2x', 'srcset is not allowed'],
		['img', 'src', './x.png', 'is not processed by the build'],
		['a', 'target', '_top', 'target="_top" is not allowed'],
		['a', 'target', '_blank', 'needs rel="noopener"'],
		['a', 'rel', 'opener', 'rel="opener" is not allowed'],
		['span', 'dir', 'rtl-override', 'dir="rtl-override"'],
		['div', 'srcdoc', '<script>', 'srcdoc is not allowed'],
		['a', 'formaction', 'x', 'formaction is not allowed'],
		['a', 'xlink:href', 'javascript:x', 'xlink:href is not allowed'],
		['span', 'data-x', '1', 'data-x is not allowed'],
		['span', 'id', '"x y"', 'id='],
	])('<%s %s="%s">: %s', (element, attribute, value, message) => {
		expect(elementProblems(element, [{ name: attribute, value }], true)).toEqual([expect.stringContaining(message)]);
	});
});

describe('what check accepts is what the page may hold', () => {
	/** Every element and attribute of the HTML the build renders, as `tag` or `tag[attribute]`. */
	async function renderedElements(body: string): Promise<{ tag: string; attributes: HtmlAttribute[] }[]> {
		const processor = await createSatteriMarkdownProcessor({ gfm: MDX_FEATURES.gfm, smartypants: MDX_FEATURES.smartPunctuation, syntaxHighlight: false });
		// As src/content.config.ts renders a body (a leading line break, so "---" is no front matter).
		const { code } = await processor.render(`\n${body}`, {});
		const found: { tag: string; attributes: HtmlAttribute[] }[] = [];
		const visit = (node: { type: string; tagName?: string; properties?: Record<string, unknown>; children?: unknown[] }) => {
			if (node.type === 'element') {
				const attributes = Object.entries(node.properties ?? {}).map(([name, value]) => ({
					name: name === 'className' ? 'class' : name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`),
					value: value === true ? null : Array.isArray(value) ? value.join(' ') : String(value),
				}));
				found.push({ tag: node.tagName!, attributes });
			}
			for (const child of node.children ?? []) visit(child as typeof node);
		};
		visit(htmlToHast(code, { fragment: true }) as Parameters<typeof visit>[0]);
		return found;
	}

	/** Bodies that try to get something onto the page; each is either reported or rendered harmless. */
	const attempts = [
		'<div>\n\\<script>alert(1)\\</script>\n</div>',
		'<div>\n`<script>alert(1)</script>`\n</div>',
		'<div>\n`<img src=x onerror=alert(1)>`\n</div>',
		'<div>\n&lt;script&gt;alert(1)&lt;/script&gt;\n</div>',
		'<div>\n\\<iframe src="https://evil.example">\n</div>',
		'<p>\n\\<a href="javascript:alert(1)">x\\</a>\n</p>',
		'<div>\n<span title="x">\n\\<style>body{display:none}\\</style>\n</span>\n</div>',
		'<details><summary>x</summary>\n\n\\<form action="https://evil.example">\\<input name="p">\\</form>\n\n</details>',
		'<table>\n<tr><td>\\<svg>\\<animate attributeName="href" values="javascript:alert(1)" />\\</svg></td></tr>\n</table>',
		'<div>\n<a href="jav&#x61;script&colon;alert(1)">x</a>\n</div>',
		'<a href="java&#9;script:alert(1)">x</a>',
		'<a href="&#106;avascript:alert(1)">x</a>',
		'<div>\n\\<A HREF=JAVASCRIPT:alert(1)>x\\</A>\n</div>',
		'<div>\n\\<img src=x onerror=alert(1)>\n</div>',
		'<div>\n\\<!-- x --\\>\n</div>',
		'    <script>alert(1)</script>',
		'<span style="color:red">x</span>',
		'<SCRIPT>alert(1)</SCRIPT>',
		'[x](javascript:alert(1))',
		'[x][r]\n\n[r]: javascript:alert(1)',
		'![x](data:image/svg+xml,<svg onload=alert(1)>)',
		'<div>\n\\<math>\\<mtext>\\<a href="javascript:1">x\\</a>\\</mtext>\\</math>\n</div>',
		'<div>\n\\<base href="https://evil.example/">\n</div>',
		'<div>\n\\<meta http-equiv="refresh" content="0;url=https://evil.example">\n</div>',
		'<div>\n\\<noscript>\\<p title="\\</noscript>\\<img src=x onerror=alert(1)>">\n</div>',
		'<div>\n\\<textarea>\n</div>',
		'> <div>\n> \\<script>alert(1)\\</script>\n> </div>',
		'- <div>\n  \\<script>alert(1)\\</script>\n  </div>',
	];

	/** What Markdown itself makes (task lists, footnotes, table alignment), which no body can write as HTML. */
	const markdownMade = (tag: string, attribute: HtmlAttribute) =>
		(tag === 'input' && ['type', 'disabled', 'checked'].includes(attribute.name)) ||
		(['th', 'td'].includes(tag) && attribute.name === 'style' && /^text-align: (?:left|right|center)$/.test(attribute.value ?? '')) ||
		(attribute.name === 'class' && /^(?:contains-task-list|task-list-item|footnotes|sr-only|data-footnote-backref|language-\w+)$/.test(attribute.value ?? '')) ||
		/^(?:data-footnote-ref|data-footnotes|data-footnote-backref|aria-describedby|aria-label)$/.test(attribute.name);

	it.each(attempts)('%j is reported, or rendered with nothing outside the allow-list', async (body) => {
		const problems = check(body);
		if (problems.length > 0) return;
		for (const { tag, attributes } of await renderedElements(body)) {
			if (tag === 'h1' || tag === 'section' || tag === 'input') continue; // Markdown's own (#, footnotes, task lists)
			const own = attributes.filter((attribute) => !markdownMade(tag, attribute));
			expect(elementProblems(tag, own, false), `${body} → <${tag}>`).toEqual([]);
		}
	});

	it('reports each attempt that would reach the page (the ones above the indented code)', () => {
		for (const body of attempts) {
			if (body.startsWith('    ') || body.includes('&lt;script')) continue; // code and entities: text on the page
			expect(check(body).length, body).toBeGreaterThan(0);
		}
	});

	it('renders accepted prose HTML as written', async () => {
		const body = 'Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, see <a href="https://example.com" target="_blank" rel="noopener">the form</a>.\n\n<details>\n<summary>More</summary>\n\nHidden **text**.\n\n</details>';
		expect(check(body)).toEqual([]);
		expect((await renderedElements(body)).map((element) => element.tag)).toEqual(['p', 'kbd', 'kbd', 'a', 'details', 'summary', 'p', 'strong']);
	});
});
