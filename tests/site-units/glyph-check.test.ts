/**
 * Characters the font of the PDFs and link-preview cards (DejaVu Sans) cannot draw: `check`
 * reports every one as an ordinary problem — file, line, field path, `U+` code — before a build
 * starts, and the build stops on them with the last good output untouched. They are found after
 * loading (the document and card texts are made from the loaded model), so these tests call
 * the functions `check` calls rather than loadRolebook.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/cli/commands/build.ts';
import { check, outputProblems } from '../../src/cli/commands/check.ts';
import type { Output } from '../../src/cli/output.ts';
import { MissingGlyphError } from '../../src/fonts/coverage.ts';
import { loadRolebook, type Problem } from '../../src/model/index.ts';
import { generateOgImages } from '../../src/og/index.ts';
import { makeFixture, PROJECT_ROOT, type Edit, type FixtureTree } from '../helpers/fixture.ts';

const TODAY = '2026-06-01';
const trees: FixtureTree[] = [];
afterAll(() => trees.forEach((tree) => tree.cleanup()));

function fixture(...edits: Edit[]) {
	const tree = makeFixture(edits);
	trees.push(tree);
	const options = { root: tree.root, contentDir: tree.contentDir, stringsDir: tree.stringsDir, templatesDir: join(tree.root, 'templates'), today: TODAY };
	return { tree, options };
}

/** The problems `check` adds to valid content. */
function problemsOf(...edits: Edit[]): Problem[] {
	const { options } = fixture(...edits);
	const { rolebook, problems } = loadRolebook(options);
	if (!rolebook) throw new Error(`the fixture should load: ${JSON.stringify(problems, null, 2)}`);
	return outputProblems(rolebook, options);
}

/** 1-based line of the first line of the fixture file containing `text`. */
function lineOf(tree: FixtureTree, file: string, text: string): number {
	return readFileSync(join(tree.root, file), 'utf8').split('\n').findIndex((line) => line.includes(text)) + 1;
}

function capture(): Output & { lines: string[]; text(): string } {
	const lines: string[] = [];
	return { lines, info: (line) => lines.push(line), error: (line) => lines.push(line), text: () => lines.join('\n') };
}

const ROCKET = '🚀'; // U+1F680: DejaVu has some emoji (😀), not this one
const HAN = '漢'; // U+6F22

describe('check: characters the card and PDF font cannot draw', () => {
	it('finds nothing in the shipped content and the test fixture', () => {
		const shipped = loadRolebook({ today: TODAY });
		expect(outputProblems(shipped.rolebook!, { today: TODAY })).toEqual([]);
		expect(problemsOf()).toEqual([]);
	});

	it('an emoji in a role title: file, line, field, U+ code, both the PDF and the card named, once for every locale showing it', () => {
		const problems = problemsOf({ file: 'content/roles/sales-lead/en.mdx', replace: ['title: Sales lead', `title: Sales lead ${ROCKET}`] });
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ severity: 'error', file: expect.stringMatching(/content\/roles\/sales-lead\/en\.mdx$/), line: 2, path: 'title', found: `Sales lead ${ROCKET}` });
		expect(problems[0]!.message).toContain(`"${ROCKET}" (U+1F680, an emoji)`);
		expect(problems[0]!.message).toContain('PDF job descriptions and the link-preview cards (DejaVu Sans)');
		expect(problems[0]!.message).toMatch(/empty box\. Remove it/);
	});

	it('a CJK character in a translated role summary and an emoji in the English one: on the card only (the PDF does not print the summary)', () => {
		const { tree, options } = fixture(
			{ file: 'content/roles/sales-lead/ru.mdx', replace: ['summary: ', `summary: ${HAN} `] },
			{ file: 'content/roles/sales-lead/en.mdx', replace: ['summary: Leads the sales reps.', `summary: Leads the sales reps ${ROCKET}.`] },
		);
		const problems = outputProblems(loadRolebook(options).rolebook!, options);
		const ru = problems.find((problem) => problem.file.endsWith('sales-lead/ru.mdx'))!;
		expect(ru).toMatchObject({ path: 'summary', line: lineOf(tree, 'content/roles/sales-lead/ru.mdx', 'summary:') });
		expect(ru.message).toContain(`"${HAN}" (U+6F22, a Chinese, Japanese or Korean character)`);
		expect(ru.message).toContain('the font of the link-preview cards (DejaVu Sans)');
		expect(ru.message).not.toContain('PDF');
		expect(problems.find((problem) => problem.file.endsWith('sales-lead/en.mdx'))).toMatchObject({ path: 'summary', line: 4 });
		expect(problems).toHaveLength(2);
	});

	it('a chapter title and summary, in the default language and in a translation', () => {
		const { tree, options } = fixture(
			{ file: 'content/handbook/en/welcome.mdx', replace: ['title: Welcome', `title: Welcome ${ROCKET}`] },
			{ file: 'content/handbook/ru/welcome.mdx', replace: ['summary: Первые шаги.', `summary: Первые шаги ${HAN}.`] },
		);
		const problems = outputProblems(loadRolebook(options).rolebook!, options);
		expect(problems.map(({ file, line, path }) => ({ file: file.replace(/^.*content\//, ''), line, path }))).toEqual([
			{ file: 'handbook/en/welcome.mdx', line: lineOf(tree, 'content/handbook/en/welcome.mdx', 'title:'), path: 'title' },
			{ file: 'handbook/ru/welcome.mdx', line: lineOf(tree, 'content/handbook/ru/welcome.mdx', 'summary:'), path: 'summary' },
		]);
		expect(problems[0]!.message).toContain('U+1F680');
		expect(problems[1]!.message).toContain('U+6F22');
	});

	it('an opening title, and its city: the exact localised field', () => {
		const { tree, options } = fixture(
			{ file: 'content/openings/sales-lead-remote.yaml', replace: ['title: { en: Remote sales lead }', `title: { en: Remote sales lead ${HAN} }`] },
			{ file: 'content/openings/sales-lead-moscow.yaml', replace: ['ru: Москва', `ru: Москва ${ROCKET}`] },
		);
		const problems = outputProblems(loadRolebook(options).rolebook!, options);
		const title = problems.find((problem) => problem.file.endsWith('sales-lead-remote.yaml'))!;
		expect(title).toMatchObject({ path: 'title.en', line: lineOf(tree, 'content/openings/sales-lead-remote.yaml', 'title:'), found: `Remote sales lead ${HAN}` });
		expect(title.message).toContain('U+6F22');
		const city = problems.find((problem) => problem.file.endsWith('sales-lead-moscow.yaml'))!;
		expect(city).toMatchObject({ path: 'location.address.city.ru', line: lineOf(tree, 'content/openings/sales-lead-moscow.yaml', 'city:') });
		expect(city.message).toContain('U+1F680');
		expect(problems).toHaveLength(2);
	});

	it('shared texts are blamed on their own file: a department name (upper-cased on the card) and a UI string, even the Closed badge of an open opening', () => {
		const problems = problemsOf(
			{ file: 'content/company.yaml', replace: ['ru: Продажи', 'ru: "Продажи ✅"'] },
			{ file: 'strings/de.json', strings: { 'opening.closedBadge': `Geschlossen ${ROCKET}` } },
		);
		expect(problems.map(({ file, path }) => ({ file: file.replace(/^.*rolebook-fixture-[^/]+\//, ''), path }))).toEqual([
			{ file: 'content/company.yaml', path: 'departments[0].name' },
			{ file: 'strings/de.json', path: 'opening.closedBadge' },
		]);
		expect(problems[0]!.message).toContain('"✅" (U+2705, an emoji)');
		expect(problems[0]!.message).toContain('PDF job descriptions and the link-preview cards');
		expect(problems[0]!.line).toBe(16);
		expect(problems[1]!.line).toBeGreaterThan(1);
	});

	it('drafts, frozen versions and the sign-off register count too: preview builds print them', () => {
		const problems = problemsOf(
			{ file: 'content/roles/sales-rep/en.mdx', replace: ['title: Sales rep', `title: Sales rep ${HAN}`] },
			{ file: 'content/roles/sales-lead/versions/1/en.mdx', replace: ['The sales lead belongs to the category of managers.', `The sales lead belongs to the category of managers ${HAN}.`] },
			{ file: 'content/sign-offs.yaml', replace: ['ru: Энн Ли', `ru: Энн Ли ${HAN}`] },
		);
		expect(problems.map(({ file, path }) => `${file.replace(/^.*content\//, '')} ${path}`).sort()).toEqual([
			'roles/sales-lead/versions/1/en.mdx sections[0].items[0].text',
			'roles/sales-rep/en.mdx title',
			'sign-offs.yaml holders[0].name',
		]);
		expect(problems.every((problem) => problem.line && problem.message.includes('U+6F22'))).toBe(true);
	});

	it('several characters in one field are one problem naming each', () => {
		const problems = problemsOf({ file: 'content/roles/sales-lead/en.mdx', replace: ['title: Sales lead', `title: Sales ${HAN} lead ${ROCKET}${HAN}`] });
		expect(problems).toHaveLength(1);
		expect(problems[0]!.message).toMatch(/^"漢" \(U\+6F22, a Chinese, Japanese or Korean character\) and "🚀" \(U\+1F680, an emoji\) cannot be shown: .* no such characters, so they would appear as an empty box/);
	});

	it('asks the face the text is drawn in: a letter only the regular face has is fine in a summary, not in a bold title', () => {
		const mathA = '\u{1D5A0}'; // MATHEMATICAL SANS-SERIF CAPITAL A: in DejaVu Sans, not in DejaVu Sans Bold
		const problems = problemsOf(
			{ file: 'content/roles/sales-lead/en.mdx', replace: ['summary: Leads the sales reps.', `summary: Leads the sales reps ${mathA}.`] },
			{ file: 'content/handbook/en/welcome.mdx', replace: ['title: Welcome', `title: Welcome ${mathA}`] },
		);
		expect(problems.map((problem) => problem.path)).toEqual(['title']);
		expect(problems[0]!.message).toContain('U+1D5A0');
	});

	it('`check` prints them all at once with the other problems, as "file:line: field: message", exit 1, no stack trace', () => {
		const { options } = fixture(
			{ file: 'content/roles/sales-lead/en.mdx', replace: ['title: Sales lead', `title: Sales lead ${ROCKET}`] },
			{ file: 'content/roles/sales-lead/ru.mdx', replace: ['Планирует продажи.', `Планирует продажи ${HAN}.`] },
			{ file: 'content/roles/sales-lead/ru.mdx', replace: ['title: ', `title: ${HAN} `] },
			{ file: 'content/handbook/en/welcome.mdx', replace: ['title: Welcome', `title: Welcome ${HAN}`] },
			{ file: 'content/openings/sales-lead-remote.yaml', replace: ['title: { en: Remote sales lead }', `title: { en: Remote sales lead ${ROCKET} }`] },
		);
		const out = capture();
		expect(check(options, out)).toBe(1);
		const text = out.text();
		expect(text).toMatch(/^error: \S*content\/roles\/sales-lead\/en\.mdx:2: title: "🚀" \(U\+1F680, an emoji\) cannot be shown/m);
		expect(text).toMatch(/^error: \S*content\/roles\/sales-lead\/ru\.mdx:2: title: "漢" \(U\+6F22, a Chinese, Japanese or Korean character\) cannot be shown: the font of the PDF job descriptions and the link-preview cards/m);
		expect(text).toMatch(/^error: \S*content\/roles\/sales-lead\/ru\.mdx:\d+: sections\[1\]\.items\[0\]\.text: "漢" \(U\+6F22/m);
		expect(text).toMatch(/^error: \S*content\/handbook\/en\/welcome\.mdx:2: title: .*U\+6F22/m);
		expect(text).toMatch(/^error: \S*content\/openings\/sales-lead-remote\.yaml:\d+: title\.en: .*U\+1F680/m);
		expect(text).toContain('✗ 5 errors');
		expect(text).not.toMatch(/\n\s+at /);
		expect(text).not.toContain('Content is valid');
	});
});

describe('the build stops on them', () => {
	const out = mkdtempSync(join(tmpdir(), 'rolebook-glyph-build-'));
	afterAll(() => rmSync(out, { recursive: true, force: true }));

	it('before writing anything, naming the field and code; the last good output is untouched', async () => {
		mkdirSync(out, { recursive: true });
		writeFileSync(join(out, 'last-good.txt'), 'still here');
		const { options } = fixture({ file: 'content/handbook/ru/welcome.mdx', replace: ['title: Добро пожаловать', `title: Добро пожаловать ${ROCKET}`] });
		const output = capture();
		expect(await build({ ...options, outDir: out }, output)).toBe(1);
		expect(output.text()).toMatch(/error: \S*content\/handbook\/ru\/welcome\.mdx:2: title: "🚀" \(U\+1F680/);
		expect(output.text()).toContain('the last good output is unchanged');
		expect(readFileSync(join(out, 'last-good.txt'), 'utf8')).toBe('still here');
		expect(existsSync(join(tmpdir(), `.${out.split('/').at(-1)}.staging`))).toBe(false);
	});

	it('and the card step refuses such a text itself, whoever calls it', async () => {
		const { options } = fixture({ file: 'content/roles/sales-lead/en.mdx', replace: ['summary: Leads the sales reps.', `summary: Leads the sales reps ${HAN}.`] });
		const { rolebook } = loadRolebook(options);
		const site = join(out, 'cards');
		const error = await generateOgImages(rolebook!, site, { preview: false, today: TODAY, publicDir: join(PROJECT_ROOT, 'public'), workers: 0 }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(MissingGlyphError);
		expect((error as Error).message).toMatch(/content\/roles\/sales-lead\/en\.mdx: summary: the link-preview card font \(DejaVu Sans\) cannot draw "漢" \(U\+6F22\) on the card og\/\w+\/roles\/sales-lead\.png/);
		expect(existsSync(site)).toBe(false);
	});
});

describe('a template label the font cannot draw', () => {
	it('is reported in the template, not also in the UI strings it overrides', () => {
		const fixture = makeFixture([{ file: 'templates/classic.yaml', replace: ['    ru: Утверждаю', '    ru: "Утверждаю ✅"\n    fr: Approuvé'] }]);
		try {
			const lines: string[] = [];
			const code = check({ root: fixture.root, contentDir: fixture.contentDir, stringsDir: fixture.stringsDir, templatesDir: join(fixture.root, 'templates'), today: TODAY }, { info: (line) => lines.push(line), error: (line) => lines.push(line) });
			expect(code).toBe(1);
			const errors = lines.filter((line) => line.startsWith('error:'));
			expect(errors.some((line) => line.includes('templates/classic.yaml') && line.includes('U+2705'))).toBe(true);
			expect(errors.filter((line) => line.includes('strings/ru.json'))).toEqual([]);
			expect(lines.some((line) => line.startsWith('warning:') && line.includes('labels.approved.fr') && line.includes('never printed'))).toBe(true);
		} finally {
			fixture.cleanup();
		}
	});
});
