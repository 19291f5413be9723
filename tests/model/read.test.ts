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
import { loadRolebook, type Problem } from '../../src/model/index.ts';
import { mdxBodyAsCompiled, mdxSourceForBuild, splitFrontMatter } from '../../src/model/read/front-matter.ts';
import { checkMdxBody, MDX_FEATURES } from '../../src/model/read/mdx.ts';
import { parseYaml } from '../../src/model/read/yaml.ts';
import { decodeText } from '../../src/model/read/encoding.ts';
import { makeFixture, PROJECT_ROOT, type Edit, type FixtureTree } from '../helpers/fixture.ts';

function load(edits: Edit[]) {
	const fixture = makeFixture(edits);
	try {
		return loadRolebook({ root: fixture.root, contentDir: fixture.contentDir, stringsDir: fixture.stringsDir, today: '2026-06-01' });
	} finally {
		fixture.cleanup();
	}
}

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

	it('accepts Markdown, lower-case HTML, {/* comments */}, fragments, entities and a lone }', () => {
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
			'{/* a note for editors */} Text <b>bold</b> <br /> &#123;braces&#125; &lt;angle&gt; and a lone } brace.',
			'',
			'<details><summary>More</summary>Hidden text.</details>',
			'',
			'<>fragment</>',
			'',
			'```yaml',
			'key: { value: <not a tag> }',
			'```',
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
