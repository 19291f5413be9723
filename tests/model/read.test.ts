/**
 * The read layer (src/model/read/): encodings, the one YAML parser, MDX bodies compiled as the
 * build compiles them. The bad-input cases themselves are fixtures in tests/fixtures/bad/
 * (encoding-*, yaml-*, mdx-*); here: what must stay accepted, the parity with the build's own
 * compiler and front-matter handling, hostile YAML, and the command as HR runs it.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { markdownConfigDefaults } from '@astrojs/internal-helpers/markdown';
import { satteri } from '@astrojs/markdown-satteri';
import { afterAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../src/model/index.ts';
import { mdxBodyAsCompiled, mdxSourceForBuild, splitFrontMatter } from '../../src/model/read/front-matter.ts';
import { checkMdxBody, MDX_FEATURES } from '../../src/model/read/mdx.ts';
import { parseYaml } from '../../src/model/read/yaml.ts';
import { decodeText } from '../../src/model/read/encoding.ts';
import { parseJson } from '../../src/model/read/json.ts';
import { loadFixture, makeFixture, PROJECT_ROOT, type Edit, type FixtureTree } from '../helpers/fixture.ts';

const load = (edits: Edit[]) => loadFixture(edits);

const errors = (problems: Problem[]) => problems.filter((problem) => problem.severity === 'error');

describe('what stays accepted', () => {
	it.each([
		['a role.yaml', 'content/roles/sales-lead/role.yaml'],
		['a role text (.mdx)', 'content/roles/sales-lead/ru.mdx'],
		['a version text', 'content/roles/sales-lead/versions/1/en.mdx'],
		['a chapter', 'content/handbook/ru/welcome.mdx'],
		['the company profile', 'content/company.yaml'],
		['UI strings (JSON)', 'strings/ru.json'],
		['a PDF template', 'templates/classic.yaml'],
	])('%s saved with a byte-order mark and CRLF line endings', (_what, file) => {
		const { rolebook, problems } = load([{ file, saveAs: 'utf8-bom-crlf' }]);
		expect(problems).toEqual([]);
		expect(rolebook).toBeDefined();
	});

	it('keeps the line of a field in a BOM + CRLF role.yaml', () => {
		const { problems } = load([
			{ file: 'content/roles/sales-lead/role.yaml', replace: ['approvedBy: boss', 'approvedBy: nobody'] },
			{ file: 'content/roles/sales-lead/role.yaml', saveAs: 'utf8-bom-crlf' },
		]);
		expect(problems[0]).toMatchObject({ path: 'document.approvedBy', line: 16, found: 'nobody' });
	});

	it('keeps the lines of front matter and body in a BOM + CRLF .mdx', () => {
		const file = 'content/roles/sales-rep/en.mdx';
		const { problems } = load([
			{ file, replace: ['Finds new clients.', 'Finds new clients.\nsummary: twice'] },
			{ file, replace: ['Calls, offers, contracts.', 'Calls, <b>offers, contracts.'] },
			{ file, saveAs: 'utf8-bom-crlf' },
		]);
		expect(errors(problems)).toEqual([
			expect.objectContaining({ file, line: 4, message: expect.stringContaining('a key appears twice') }),
			expect.objectContaining({ file, line: 21, message: expect.stringContaining('the tag <b> is never closed') }),
		]);
	});

	it('accepts Markdown, the HTML of prose, entities and a lone }', () => {
		const problems: Problem[] = [];
		const text = [
			'---',
			'title: x',
			'---',
			'',
			'## Heading with *emphasis*',
			'',
			'A [link](https://example.com), [mail](mailto:hr@example.com), [page](/en/roles/x/#duty-2-1), a table:',
			'',
			'| a | b |',
			'| - | - |',
			'| 1 | 2 |',
			'',
			'Text <b>bold</b> <br /> &#123;braces&#125; &lt;angle&gt; and a lone } brace; H<sub>2</sub>O, m<sup>2</sup>, <kbd>Ctrl</kbd>+<kbd>C</kbd>, <abbr title="Customer relationship management">CRM</abbr>, <mark>new</mark>.',
			'',
			'<details open><summary>More</summary>Hidden text.</details>',
			'',
			'<a href="https://example.com/form" target="_blank" rel="noopener noreferrer">the form</a>, <a href="tel:+78005550000">call</a>, <a href="#duties" title="Duties">up</a>, <a href="../other/">relative</a>',
			'',
			'<figure><img src="https://example.com/chart.png" alt="Chart" width="320" height="200" /><figcaption>Sales by month</figcaption></figure>',
			'',
			'<table><caption>Shifts</caption><thead><tr><th scope="col" colspan="2">Week</th></tr></thead><tbody><tr><td rowspan="2">1</td><td>2</td></tr></tbody></table>',
			'',
			'<ol start="3" type="a" reversed><li value="3">Third</li></ol> <dl><dt>Term</dt><dd>Meaning</dd></dl>',
			'',
			'<h2 id="extra">Extra</h2> <p lang="ru" dir="auto">Текст</p> <blockquote cite="https://example.com">Quote</blockquote> <div><span title="t">x</span></div>',
			'',
			'```yaml',
			'key: { value: <not a tag> }',
			'```',
			'',
			'- [ ] a task list is Markdown, footnotes too[^1]',
			'',
			'[^1]: A footnote.',
		].join('\n');
		checkMdxBody(mdxBodyAsCompiled(text), text, '/tmp/x.mdx', 'x.mdx', problems);
		expect(problems).toEqual([]);
	});
});

describe('encodings', () => {
	it('finds the first bad byte of a mixed file and names the likely encoding', () => {
		const problems: Problem[] = [];
		const bytes = Buffer.concat([Buffer.from('title: ok\nsummary: also ok\n'), Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]), Buffer.from('\n')]);
		expect(decodeText(bytes, 'x.yaml', problems)).toBeUndefined();
		expect(problems).toEqual([expect.objectContaining({ line: 3, found: 'Привет', message: expect.stringContaining('Windows-1251') })]);
	});

	it('rejects overlong and surrogate UTF-8 sequences, which Node would turn into U+FFFD silently', () => {
		for (const bad of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]) {
			const problems: Problem[] = [];
			expect(decodeText(Buffer.from([0x61, 0x0a, ...bad]), 'x.yaml', problems)).toBeUndefined();
			expect(problems[0]).toMatchObject({ line: 2, message: expect.stringContaining('save the file as UTF-8') });
		}
	});

	it('accepts tabs, NBSP, NEL and every script', () => {
		const problems: Problem[] = [];
		expect(decodeText(Buffer.from('a:\t"Jürgen Müller — Иванова İ ı ø ñ\u00a0\u0085 😀"\n'), 'x.yaml', problems)).toBeDefined();
		expect(problems).toEqual([]);
	});

	it('accepts the invisible characters real text needs: LRM, RLM, ZWJ, ZWNJ and the soft hyphen', () => {
		const problems: Problem[] = [];
		const text = 'a: "\u05e9\u05dc\u05d5\u05dd\u200f (HR) \u200e, 👩\u200d💻, \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645, Stellen\u00adbeschreibung"\n';
		expect(decodeText(Buffer.from(text), 'x.yaml', problems)).toBe(text);
		expect(problems).toEqual([]);
	});

	it.each([
		['U+202A', '\u202a', 'left-to-right embedding'],
		['U+202B', '\u202b', 'right-to-left embedding'],
		['U+202C', '\u202c', 'pop directional formatting'],
		['U+202D', '\u202d', 'left-to-right override'],
		['U+202E', '\u202e', 'right-to-left override'],
		['U+2066', '\u2066', 'left-to-right isolate'],
		['U+2069', '\u2069', 'pop directional isolate'],
		['U+2028', '\u2028', 'line separator'],
		['U+2029', '\u2029', 'paragraph separator'],
		['U+FEFF', '\ufeff', 'byte-order mark'],
		['U+FFFC', '\ufffc', 'object replacement'],
	])('reports %s at its line, with its name and what to do', (code, char, name) => {
		const problems: Problem[] = [];
		expect(decodeText(Buffer.from(`\ufefftitle: ok\nsummary: "Client ${char}regan manager"\n`), 'x.yaml', problems)).toBeDefined();
		expect(problems).toEqual([expect.objectContaining({ line: 2, message: expect.stringMatching(new RegExp(`${code.replace('+', '\\+')} \\(.*${name}.*: (delete|replace) it`)) })]);
	});
});

describe('hostile YAML is an ordinary problem', () => {
	it.each([
		['an alias bomb', `a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${Array.from({ length: 8 }, (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`).join('\n')}\n`, 'alias bomb', 2],
		['nesting 100,000 deep', `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, 'nests lists or blocks too deeply', 1],
		['an alias to nothing', 'a: 1\nb: *nothing\n', 'has no anchor', 2],
		['a merge key', 'base: &base { a: 1 }\nrole:\n  <<: *base\n  <<: *base\n', 'a key appears twice', 4],
	])('%s', (_what, text, message, line) => {
		const problems: Problem[] = [];
		expect(() => parseYaml(text, 'content/x.yaml', problems, 1)).not.toThrow();
		expect(problems).toContainEqual(expect.objectContaining({ file: 'content/x.yaml', line, message: expect.stringContaining(message) }));
	});

	it('names the key written twice', () => {
		const problems: Problem[] = [];
		parseYaml('title: a\norder: 1\norder: 2\n', 'x.yaml', problems, 2);
		expect(problems).toEqual([expect.objectContaining({ line: 4, found: 'order', message: expect.stringContaining('a key appears twice') })]);
	});

	it('reads YAML 1.2 whatever the file declares: "yes" and dates stay text', () => {
		const problems: Problem[] = [];
		const parsed = parseYaml('%YAML 1.1\n---\nsure: yes\nwhen: 2026-01-01\n', 'x.yaml', problems);
		expect(problems).toEqual([]);
		expect(parsed?.data).toEqual({ sure: 'yes', when: '2026-01-01' });
	});

	it('counts front matter lines from the top of the .mdx file', () => {
		const { problems } = load([{ file: 'content/handbook/en/welcome.mdx', replace: ['roles: [sales-rep]', 'roles: [sales-rep'] }]);
		expect(errors(problems)[0]).toMatchObject({ file: 'content/handbook/en/welcome.mdx', message: expect.stringContaining('YAML syntax') });
		expect(errors(problems)[0]!.line).toBeGreaterThanOrEqual(5);
	});
});

describe('UI strings JSON', () => {
	it('gives the line of every key, also in nested objects and arrays', () => {
		const text = '{\n\t"a": "x",\n\t"b.c": "y, \\"quoted\\" {name}",\n\t"n": { "m": [1,\n\t\ttrue, {"k": null}] }\n}\n';
		const parsed = parseJson(text, 'x.json', []);
		expect(parsed?.data).toEqual(JSON.parse(text));
		expect([parsed?.lineOf(['a']), parsed?.lineOf(['b.c']), parsed?.lineOf(['n', 'm', 1]), parsed?.lineOf(['n', 'm', 2, 'k']), parsed?.lineOf(['missing'])]).toEqual([2, 3, 5, 5, undefined]);
	});

	it('reports each key written twice at its second line, equal after unescaping, object by object', () => {
		const problems: Problem[] = [];
		const parsed = parseJson('{\n"a": "1",\n"\\u0061": "2",\n"o": {"a": 1},\n"p": {"a": 1, "a": 2}\n}', 'x.json', problems);
		expect(problems).toEqual([
			expect.objectContaining({ severity: 'error', line: 3, path: 'a', message: expect.stringContaining('is written twice (first on line 2)') }),
			expect.objectContaining({ severity: 'error', line: 5, path: 'p.a', message: expect.stringContaining('first on line 5') }),
		]);
		// The rest of the file is still checked.
		expect(parsed?.data).toEqual({ a: '2', o: { a: 1 }, p: { a: 2 } });
	});

	it('reports invalid JSON at its line', () => {
		const problems: Problem[] = [];
		expect(parseJson('{\n"a": "1",\n"b": "2",\n}\n', 'x.json', problems)).toBeUndefined();
		expect(problems).toEqual([expect.objectContaining({ line: 4, message: expect.stringContaining('is not valid JSON') })]);
	});

	it('finds no duplicates in the shipped UI strings', () => {
		const { problems } = load([]);
		expect(problems.filter((problem) => problem.file.startsWith('strings/'))).toEqual([]);
	});
});

describe('the build compiles what check compiled', () => {
	const require = createRequire(import.meta.url);

	it('uses the one copy of the MDX compiler that @astrojs/mdx uses', () => {
		const astroSatteri = createRequire(require.resolve('@astrojs/markdown-satteri')).resolve('satteri');
		expect(require.resolve('satteri')).toBe(astroSatteri);
	});

	it('blanks the front matter for @astrojs/mdx keeping every line, so Astro parses no YAML and sees the body check compiled', () => {
		for (const text of [
			'---\ntitle: x\nsummary: "a: b"\n---\n\nBody <b>x</b>\n',
			'\ufeff---\r\ntitle: x\r\n---\r\n\r\nBody\r\n',
			'---\ntitle: |\n  ---not the end\n  more\n---\n---\n\nA thematic break above.\n',
			'---\ntitle: x\n---',
		]) {
			const source = mdxSourceForBuild(text);
			const clean = text.replace(/^\ufeff/, '');
			expect(source.split('\n')).toHaveLength(clean.split('\n').length);
			expect(source.slice(source.length - splitFrontMatter(clean)!.body.length)).toBe(splitFrontMatter(clean)!.body);
			// What @astrojs/mdx does with it (src/utils.ts: safeParseFrontmatter):
			const astro = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
			expect(astro.frontmatter).toEqual({});
			expect(astro.content).toBe(mdxBodyAsCompiled(text));
		}
	});

	it('leaves files without front matter alone (check rejects them first)', () => {
		expect(mdxSourceForBuild('Just text\n')).toBe('Just text\n');
	});

	const bodies = [
		'Fine text with **bold**.',
		'Calls, <b>offers, contracts.',
		'Добро пожаловать { в команду.',
		'<!-- old wording -->',
		'## First day {#first-day}',
		'Calls (<30 a day).',
		'See <https://example.com>.',
		'<div>\n\nText\n\n</span>',
		'Line<br>break',
		'Calls {per day: 30}.',
		'import x from "./x.js"\n\nText',
		'export const = 1\n\nText',
		'<Callout>x</Callout>',
		'{jurisdiction}',
		'```nosuchlanguage\n{ <x\n```',
	];

	it("reports a syntax error exactly when the build's own MDX processor throws, at the same line", async () => {
		const processor = await satteri().createMdxRenderer!(
			{ syntaxHighlight: markdownConfigDefaults.syntaxHighlight, shikiConfig: markdownConfigDefaults.shikiConfig, gfm: MDX_FEATURES.gfm, smartypants: MDX_FEATURES.smartPunctuation },
			{ optimize: false },
		);
		let thrown = 0;
		for (const body of bodies) {
			const text = `---\ntitle: x\nsummary: y\n---\n\n${body}\n`;
			let buildError: { line: number } | undefined;
			try {
				await processor.process(parseFrontmatter(mdxSourceForBuild(text), { frontmatter: 'empty-with-spaces' }).content, join(PROJECT_ROOT, 'content/x.mdx'), {});
			} catch (error) {
				buildError = { line: Number(/^(\d+):/.exec((error as Error).message)?.[1]) };
				thrown++;
			}
			const problems: Problem[] = [];
			checkMdxBody(mdxBodyAsCompiled(text), text, join(PROJECT_ROOT, 'content/x.mdx'), 'x.mdx', problems);
			if (buildError) expect(problems, body).toEqual([expect.objectContaining({ line: buildError.line })]);
			// Check is stricter than the compiler (components, code, imports fail later, on the page), never looser.
			if (problems.length === 0) expect(buildError, body).toBeUndefined();
		}
		expect(thrown).toBeGreaterThanOrEqual(10);
	});
});

describe('rolebook check on bad input', () => {
	const trees: FixtureTree[] = [];
	afterAll(() => trees.forEach((tree) => tree.cleanup()));

	it.each([
		['an alias bomb', [{ file: 'content/roles/sales-rep/role.yaml', replace: ['department: sales', `department: sales\nx: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]\n${Array.from({ length: 8 }, (_, i) => `y${i}: &${'bcdefghi'[i]} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`).join('\n')}`] }], /content\/roles\/sales-rep\/role\.yaml:3: YAML: more than 100 uses of aliases/],
		['a Windows-1251 text', [{ file: 'content/roles/sales-lead/ru.mdx', saveAs: 'windows-1251' }], /content\/roles\/sales-lead\/ru\.mdx:2: is not UTF-8 text .*save the file as UTF-8/],
		['a control character', [{ file: 'content/roles/sales-lead/en.mdx', replace: ['Leads the sales reps.', 'Leads the\u000bsales reps.'] }], /content\/roles\/sales-lead\/en\.mdx:4: contains the invisible control character U\+000B/],
		['an unclosed tag', [{ file: 'content/roles/sales-rep/en.mdx', replace: ['Calls, offers', 'Calls, <b>offers'] }], /content\/roles\/sales-rep\/en\.mdx:20: MDX: the tag <b> is never closed/],
		['a {#id} heading', [{ file: 'content/handbook/en/welcome.mdx', replace: ['Welcome aboard.', '## Start {#start}'] }], /content\/handbook\/en\/welcome\.mdx:8: MDX: heading ids/],
		['nesting too deep', [{ file: 'content/roles/sales-rep/role.yaml', replace: ['department: sales', `department: sales\nx: ${'['.repeat(50_000)}${']'.repeat(50_000)}`] }], /content\/roles\/sales-rep\/role\.yaml:2: YAML: the file nests/],
	] as [string, Edit[], RegExp][])('%s: exit 1, file and line, no stack trace', (_what, edits, expected) => {
		const tree = makeFixture(edits);
		trees.push(tree);
		const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin/rolebook.js'), 'check', '--content', tree.contentDir], { cwd: PROJECT_ROOT, encoding: 'utf8' });
		const output = result.stdout + result.stderr;
		expect(result.status, output).toBe(1);
		expect(output).toMatch(expected);
		expect(output).not.toContain('internal error');
		expect(output).not.toMatch(/^\s+at /m);
	});
});
