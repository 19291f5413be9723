/**
 * Hostile text comes out inert. The hostile build (tests/helpers/builds.ts) plants markup and
 * script-like strings — `</script><script>…`, `"><img onerror=…>`, `javascript:…`, template
 * syntax, PDF syntax — in every text field; every output must carry them as text only: the
 * HTML pages, their JSON-LD, the feeds, the sitemap, the search index (and the excerpts
 * Pagefind's own runtime makes of it) and the PDFs.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builds, hostile, HOSTILE_FIELDS } from '../helpers/builds.ts';
import { listFiles, page } from '../helpers/site-files.ts';

const site = builds.hostile;
const files = listFiles(site);
const htmlFiles = files.filter((file) => file.endsWith('.html'));
const read = (file: string) => readFileSync(file, 'utf8');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

interface StartTag {
	name: string;
	attributes: [name: string, value: string][];
	/** The raw text of a script or style element. */
	body?: string;
}

/**
 * The start tags of an HTML document as a browser's tokenizer reads them: quoted attribute
 * values may hold `<` and `>`, comments are skipped, and script and style bodies are raw text
 * up to their end tag. Enough to judge Astro's output without a full HTML parser.
 */
function startTags(html: string): StartTag[] {
	const tags: StartTag[] = [];
	let i = 0;
	while (i < html.length) {
		const open = html.indexOf('<', i);
		if (open === -1) break;
		if (html.startsWith('<!--', open)) {
			const end = html.indexOf('-->', open + 4);
			i = end === -1 ? html.length : end + 3;
			continue;
		}
		if (!/[a-zA-Z]/.test(html[open + 1] ?? '')) {
			// An end tag, a doctype, or a "<" in text (which Astro escapes, so this is rare).
			const end = html.indexOf('>', open);
			i = /[/!?]/.test(html[open + 1] ?? '') && end !== -1 ? end + 1 : open + 1;
			continue;
		}
		let j = open + 1;
		while (j < html.length && !/[\s/>]/.test(html[j]!)) j++;
		const tag: StartTag = { name: html.slice(open + 1, j).toLowerCase(), attributes: [] };
		for (;;) {
			while (j < html.length && /[\s/]/.test(html[j]!)) j++;
			if (j >= html.length || html[j] === '>') break;
			const nameStart = j;
			while (j < html.length && !/[\s/>=]/.test(html[j]!)) j++;
			const name = html.slice(nameStart, j).toLowerCase();
			while (/\s/.test(html[j] ?? '')) j++;
			let value = '';
			if (html[j] === '=') {
				j++;
				while (/\s/.test(html[j] ?? '')) j++;
				const quote = html[j];
				if (quote === '"' || quote === "'") {
					const end = html.indexOf(quote, j + 1);
					value = html.slice(j + 1, end);
					j = end + 1;
				} else {
					const start = j;
					while (j < html.length && !/[\s>]/.test(html[j]!)) j++;
					value = html.slice(start, j);
				}
			}
			tag.attributes.push([name, decodeEntities(value)]);
		}
		i = j + 1;
		if (tag.name === 'script' || tag.name === 'style') {
			const close = new RegExp(`</${tag.name}`, 'gi');
			close.lastIndex = i;
			const end = close.exec(html)?.index ?? -1;
			tag.body = html.slice(i, end === -1 ? html.length : end);
			i = end === -1 ? html.length : end;
		}
		tags.push(tag);
	}
	return tags;
}

function decodeEntities(text: string): string {
	const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, code: string) => {
		if (code.startsWith('#x') || code.startsWith('#X')) return String.fromCodePoint(parseInt(code.slice(2), 16));
		if (code.startsWith('#')) return String.fromCodePoint(parseInt(code.slice(1), 10));
		return named[code.toLowerCase()] ?? entity;
	});
}

/** What a browser reads as the scheme of a URL attribute: tabs, line breaks and leading controls are dropped first. */
const schemeOf = (value: string) => /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\u0000-\u0020\u007f-\u009f]/g, ''))?.[1]?.toLowerCase();

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data', 'xlink:href', 'srcset', 'background', 'cite', 'ping']);

describe('the checks below', () => {
	it('see what a browser would run in a page that is not inert', () => {
		const broken = `<title>a</title><script type="application/ld+json">{"name":"</script><script>alert(1)</script>"}</script><p title='"><b'>x</p><a href="java&#9;script:go()" onclick=run>y</a><img src=x onerror=alert(1)>`;
		const tags = startTags(broken);
		expect(tags.filter((tag) => tag.name === 'script').map((tag) => tag.body)).toEqual(['{"name":"', 'alert(1)']);
		expect(tags.find((tag) => tag.name === 'p')?.attributes).toEqual([['title', '"><b']]);
		expect(tags.find((tag) => tag.name === 'a')?.attributes).toEqual([['href', 'java\tscript:go()'], ['onclick', 'run']]);
		expect(schemeOf('java\tscript:go()')).toBe('javascript');
		expect(tags.find((tag) => tag.name === 'img')?.attributes).toEqual([['src', 'x'], ['onerror', 'alert(1)']]);
	});
});

describe('the hostile build', () => {
	it('planted every field and published the role, the chapter and the opening', () => {
		const pages = htmlFiles.map((file) => relative(site, file));
		expect(pages).toEqual(expect.arrayContaining(['en/roles/sales-lead/index.html', 'en/handbook/welcome/index.html', 'en/openings/sales-lead-moscow/index.html']));
		const all = htmlFiles.map(read).join('\n');
		const missing = HOSTILE_FIELDS.filter((field) => !all.includes(`HX-${field} `));
		// The document number and the signatory's name are printed in the PDF, not on the page.
		expect(missing).toEqual(['family', 'given', 'document-number']);
	});
});

describe('HTML pages', () => {
	const pages = htmlFiles.map((file) => ({ file: relative(site, file), html: read(file) }));

	it.each(pages)('$file has only the project\'s own scripts', ({ html }) => {
		for (const tag of startTags(html).filter((candidate) => candidate.name === 'script')) {
			const attributes = Object.fromEntries(tag.attributes);
			if (attributes.type === 'application/ld+json') {
				expect(tag.attributes.map(([name]) => name)).toEqual(['type']);
				continue;
			}
			expect(attributes).toMatchObject({ type: 'module', src: expect.stringMatching(/^\/_astro\/[\w.-]+\.js$/) });
			expect(tag.body).toBe('');
		}
	});

	it.each(pages)('$file has no event-handler attribute, no planted element and no script URL', ({ html }) => {
		const tags = startTags(html);
		const handlers = tags.flatMap((tag) => tag.attributes.filter(([name]) => name.startsWith('on')).map(([name]) => `<${tag.name} ${name}>`));
		expect(handlers).toEqual([]);
		expect(tags.filter((tag) => tag.name === 'img' && tag.attributes.some(([name, value]) => name === 'src' && value === 'x'))).toEqual([]);
		const urls = tags.flatMap((tag) => tag.attributes.filter(([name]) => URL_ATTRIBUTES.has(name)).map(([name, value]) => ({ tag: tag.name, name, value })));
		const unsafe = urls.filter(({ name, value }) => {
			const scheme = schemeOf(value);
			return scheme !== undefined && !['https', 'http', ...(name === 'href' ? ['mailto'] : [])].includes(scheme);
		});
		expect(unsafe).toEqual([]);
		// A link that leaves the site is one of the content's checked URLs or a site URL.
		const external = urls.filter(({ value }) => /^[a-z]+:/i.test(value)).map(({ value }) => value);
		for (const url of external) expect(url).toMatch(/^(https:\/\/(handbook|jobs|git)\.example\.com\/|mailto:hr@example\.com\?subject=)/);
	});

	it.each(pages)('$file carries planted text escaped, never as markup', ({ html }) => {
		// In text, "<" is always an entity; inside a quoted attribute value it is inert by the HTML rules.
		const visible = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/"[^"]*"/g, '""');
		expect(visible).not.toContain('<img src=x');
		expect(visible).not.toContain('<svg onload');
		expect(visible).not.toMatch(/HX-[\w-]+ <\/script>/);
	});

	it('shows each planted text on the page exactly as written', () => {
		const role = page(site, '/en/roles/sales-lead/');
		expect(role.querySelector('h1')?.text).toBe(hostile('role-title'));
		expect(role.querySelector('.summary')?.text).toBe(hostile('summary'));
		expect(role.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(hostile('summary'));
		expect(role.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(hostile('role-title'));
		expect(role.getElementById('duty-2-1')?.parentNode?.text).toContain(hostile('item'));
		expect(read(join(site, 'en/roles/sales-lead/index.html'))).toContain('HX-role-title &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
		const opening = page(site, '/en/openings/sales-lead-moscow/');
		expect(opening.querySelector('h1')?.text).toBe(hostile('opening-title'));
		expect(squash(opening.text)).toContain(squash(hostile('description')));
		expect(opening.querySelector('a.button')?.getAttribute('href')).toBe("https://jobs.example.com/apply?id=1&src='x'");
		expect(page(site, '/en/handbook/welcome/').querySelector('h1')?.text).toBe(hostile('chapter-title'));
	});

	it('builds the "edit this page" link from site.editUrl with the file path encoded', () => {
		const edit = page(site, '/en/roles/sales-lead/').querySelectorAll('a').find((link) => link.getAttribute('rel') === 'nofollow');
		expect(edit?.getAttribute('href')).toMatch(/^https:\/\/git\.example\.com\/edit\/[\w./%-]*content\/roles\/sales-lead\/en\.mdx\?ref=main&x='y'$/);
	});
});

describe('JSON-LD', () => {
	const blocks = htmlFiles.flatMap((file) =>
		startTags(read(file))
			.filter((tag) => tag.name === 'script' && tag.attributes.some(([name, value]) => name === 'type' && value === 'application/ld+json'))
			.map((tag) => ({ file: relative(site, file), text: tag.body! })),
	);

	it('exists on the role and opening pages', () => {
		expect(blocks.map((block) => block.file)).toEqual(expect.arrayContaining(['en/roles/sales-lead/index.html', 'en/openings/sales-lead-moscow/index.html']));
	});

	it.each(blocks)('$file: parses as JSON, and nothing in it can end or change the script block', ({ text }) => {
		expect(() => JSON.parse(text)).not.toThrow();
		expect(text).not.toMatch(/[<>&]/);
	});

	it('carries the planted texts as values, unchanged', () => {
		const ld = (path: string) => JSON.parse(blocks.find((block) => block.file === path)!.text) as Record<string, unknown>;
		const occupation = ld('en/roles/sales-lead/index.html');
		expect(occupation.name).toBe(hostile('role-title'));
		expect(occupation.alternateName).toEqual([hostile('alt-title')]);
		expect(occupation.description).toBe(hostile('summary'));
		const posting = ld('en/openings/sales-lead-moscow/index.html');
		expect(posting.title).toBe(hostile('opening-title'));
		expect((posting.hiringOrganization as Record<string, unknown>).name).toBe(hostile('company'));
		expect((posting.hiringOrganization as Record<string, unknown>).url).toBe("https://www.example.com/?a=1&b='2'");
		// The description is HTML for job boards: only its own paragraphs and list, the planted text escaped.
		const description = posting.description as string;
		expect(description.match(/<\/?[a-z]+/g)?.filter((tag) => !/^<\/?(p|strong|ul|li)$/.test(tag))).toEqual([]);
		expect(description).toContain('HX-description &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x');
	});
});

describe('feeds', () => {
	const feeds = files.filter((file) => /\/feeds\/\w+\.json$/.test(file));

	it.each(feeds.map((file) => relative(site, file)))('%s is valid JSON whose links are all web URLs', (file) => {
		const data = JSON.parse(read(join(site, file))) as unknown;
		const links: string[] = [];
		const walk = (value: unknown, key?: string) => {
			if (Array.isArray(value)) value.forEach((entry) => walk(entry, key));
			else if (value && typeof value === 'object') Object.entries(value).forEach(([name, entry]) => walk(entry, name));
			else if (typeof value === 'string' && ['url', 'pdf', 'home', 'website', 'logo', 'openings'].includes(key ?? '')) links.push(value);
		};
		walk(data);
		expect(links.length).toBeGreaterThan(0);
		expect(links.filter((link) => !/^https?:\/\/[^/\s]/.test(link))).toEqual([]);
	});

	it('carries the planted texts as plain values', () => {
		const openings = JSON.parse(read(join(site, 'en/feeds/openings.json'))) as { company: { name: string }; items: Record<string, unknown>[] };
		expect(openings.company.name).toBe(hostile('company'));
		const item = openings.items.find((candidate) => candidate.id === 'sales-lead-moscow')!;
		expect(item.title).toBe(hostile('opening-title'));
		expect(item.requirements).toEqual([hostile('requirement'), 'Confident PC user (Excel, CRM).']);
		expect(item.reference).toBe(hostile('reference'));
		expect(item.apply).toEqual({ url: "https://jobs.example.com/apply?id=1&src='x'", email: 'hr@example.com', direct: false });
		const roles = JSON.parse(read(join(site, 'en/feeds/roles.json'))) as { items: Record<string, unknown>[] };
		expect(roles.items[0]).toMatchObject({ title: hostile('role-title'), summary: hostile('summary'), altTitles: [hostile('alt-title')] });
	});
});

describe('sitemap', () => {
	it('is well-formed XML of site URLs only', () => {
		const xml = read(join(site, 'sitemap.xml'));
		expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
		const stack: string[] = [];
		const tokens = xml.replace(/^<\?xml[^>]*\?>/, '').split(/(<[^<>]*>)/);
		for (const token of tokens) {
			if (!token.startsWith('<')) {
				// Text: no markup and no bare ampersand.
				expect(token).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|apos);)/);
				continue;
			}
			const match = /^<(\/?)([\w:.-]+)((?:\s+[\w:.-]+="[^"<&]*")*)\s*(\/?)>$/.exec(token);
			expect(match, token).not.toBeNull();
			const [, close, name, , selfClosing] = match!;
			if (close) expect(stack.pop()).toBe(name);
			else if (!selfClosing) stack.push(name!);
		}
		expect(stack).toEqual([]);
		const locations = [...xml.matchAll(/<loc>([^<]*)<\/loc>|href="([^"]*)"/g)].map((found) => found[1] ?? found[2]!);
		expect(locations.length).toBeGreaterThan(0);
		expect(locations.filter((location) => !location.startsWith('https://handbook.example.com/'))).toEqual([]);
	});
});

describe('search index', () => {
	const fragments = files.filter((file) => file.includes(`${join('pagefind', 'fragment')}`));
	const records = fragments.map((file) => {
		const text = gunzipSync(readFileSync(file)).toString('utf8');
		expect(text.startsWith('pagefind_dcd')).toBe(true);
		return JSON.parse(text.slice('pagefind_dcd'.length)) as { url: string; content: string; meta: Record<string, string> };
	});

	it('has a record for the role and the chapter, with the planted texts as plain text', () => {
		const role = records.find((record) => record.url === '/en/roles/sales-lead/');
		const chapter = records.find((record) => record.url === '/en/handbook/welcome/');
		expect(role?.meta.title).toBe(hostile('role-title'));
		expect(squash(role!.content)).toContain(squash(hostile('item')));
		expect(chapter?.meta.title).toBe(hostile('chapter-title'));
	});

	/**
	 * The site's search UI (src/client/search.ts) puts Pagefind's excerpt into the page as HTML,
	 * so it must hold no markup but Pagefind's <mark>. Pagefind's own runtime makes the
	 * excerpts here, as in the browser, reading the built index from disk.
	 */
	it('gives excerpts whose only markup is <mark>', async () => {
		const saved = { fetch: globalThis.fetch, document: (globalThis as { document?: unknown }).document };
		try {
			globalThis.fetch = (async (input: string | URL | Request) => {
				const path = decodeURIComponent(new URL(String(input instanceof Request ? input.url : input), 'https://handbook.example.com/').pathname);
				return new Response(readFileSync(join(site, path)));
			}) as typeof fetch;
			// Just enough of a page for Pagefind: its language, and no <script> element to locate itself by.
			(globalThis as { document?: unknown }).document = { currentScript: null, querySelector: () => ({ getAttribute: () => 'en' }) };
			const pagefind = (await import(pathToFileURL(join(site, 'pagefind/pagefind.js')).href)) as {
				options(options: Record<string, unknown>): Promise<void>;
				init(): Promise<void>;
				search(query: string): Promise<{ results: { data(): Promise<{ url: string; excerpt: string; meta: Record<string, string> }> }[] }>;
			};
			await pagefind.options({ basePath: '/pagefind/', baseUrl: '/' });
			await pagefind.init();
			const results = await Promise.all((await pagefind.search('alert')).results.map((result) => result.data()));
			expect(results.map((result) => result.url)).toEqual(expect.arrayContaining(['/en/roles/sales-lead/', '/en/handbook/welcome/']));
			for (const result of results) {
				expect(result.excerpt).toContain('&lt;/script&gt;');
				expect(result.excerpt.replace(/<\/?mark>/g, '')).not.toMatch(/</);
			}
		} finally {
			globalThis.fetch = saved.fetch;
			(globalThis as { document?: unknown }).document = saved.document;
		}
	});
});

describe('PDFs', () => {
	const pdfs = files.filter((file) => file.endsWith('.pdf'));
	const hasTool = (tool: string) => spawnSync(tool, ['--version'], { encoding: 'utf8' }).error === undefined;
	const tools = hasTool('pdftotext') && hasTool('qpdf');
	const needsTools = tools || process.env.CI ? it : it.skip;

	it('exist for the role', () => {
		expect(pdfs.map((file) => relative(site, file))).toEqual(expect.arrayContaining(['en/roles/sales-lead.pdf']));
	});

	needsTools('print the planted texts literally (pdftotext)', () => {
		const result = spawnSync('pdftotext', ['-q', join(site, 'en/roles/sales-lead.pdf'), '-'], { encoding: 'utf8' });
		expect(result.status).toBe(0);
		const text = squash(result.stdout);
		for (const field of ['role-title', 'item', 'intro', 'section-title'] as const) expect(text.replace(/\s/g, '')).toContain(hostile(field).replace(/\s/g, ''));
		for (const field of ['document-number', 'family', 'company', 'department', 'position'] as const) expect(text).toContain(`HX-${field}`);
		expect(text).toContain('/JavaScript /JS (app.alert(1))');
	});

	needsTools.each(pdfs.map((file) => relative(site, file)))('%s has no script, launch or URI action', (file) => {
		// Object streams are compressed; qpdf writes them out as plain objects first.
		const out = join(tmpdir(), `rolebook-hostile-${process.pid}.pdf`);
		const result = spawnSync('qpdf', ['--qdf', '--object-streams=disable', join(site, file), out], { encoding: 'utf8' });
		expect(result.status, result.stderr).toBe(0);
		// Actions live in dictionaries; stream data (page content, the XMP metadata's XML, which
		// quotes the planted text as text) is cut out, so only PDF syntax is scanned.
		const objects = readFileSync(out, 'latin1').replace(/\bstream\r?\n[\s\S]*?\r?\nendstream\b/g, 'stream endstream');
		rmSync(out, { force: true });
		expect(objects).not.toMatch(/\/(JavaScript|JS|Launch|OpenAction|AA|SubmitForm|ImportData|RichMedia)\b/);
		expect(objects.match(/\/URI\s*\(([^)]*)\)/g) ?? []).toEqual([]);
		expect(spawnSync('qpdf', ['--check', join(site, file)], { encoding: 'utf8' }).status).toBe(0);
	});
});
