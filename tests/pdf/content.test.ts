/**
 * PDFs from the test fixture content: the missing-glyph error, templates chosen per role,
 * the draft watermark, locale-aware upper case, and the CLI HR uses.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PDFDocument, PDFSignature, PDFTextField } from 'pdf-lib';
import { loadRolebook, type Rolebook } from '../../src/model/index.ts';
import { templateSchema } from '../../src/model/schema/index.ts';
import { MissingGlyphError, renderRolePdf } from '../../src/pdf/index.ts';
import { documentModel } from '../../src/pdf/model.ts';
import { makeFixture, PROJECT_ROOT, type Edit, type FixtureTree } from '../helpers/fixture.ts';
import { skipWithout } from '../helpers/tools.ts';
import { drawnTexts, normalise, pdfText, tempPdf } from './helpers.ts';

const trees: FixtureTree[] = [];
afterAll(() => trees.forEach((tree) => tree.cleanup()));

function fixtureRolebook(...edits: Edit[]): { rolebook: Rolebook; tree: FixtureTree } {
	const tree = makeFixture(edits);
	trees.push(tree);
	const { rolebook, problems } = loadRolebook({ root: tree.root, contentDir: tree.contentDir, stringsDir: tree.stringsDir, today: '2026-06-01' });
	if (!rolebook) throw new Error(JSON.stringify(problems, null, 2));
	return { rolebook, tree };
}
const role = (rolebook: Rolebook, id: string) => rolebook.roles.find((r) => r.id === id)!;

describe('a character the font cannot draw', () => {
	it('is an error naming the role, locale, file, field and U+ code — never a blank', async () => {
		const { rolebook } = fixtureRolebook({ file: 'content/roles/sales-lead/ru.mdx', replace: ['Планирует продажи.', 'Планирует продажи 漢.'] });
		const error = await renderRolePdf(rolebook, role(rolebook, 'sales-lead'), 'ru').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(MissingGlyphError);
		const message = (error as Error).message;
		expect(message).toContain('content/roles/sales-lead/ru.mdx: sections[1].items[0].text');
		expect(message).toContain('"漢" (U+6F22)');
		expect(message).toContain('role "sales-lead", locale "ru"');
		// The English text is fine.
		await expect(renderRolePdf(rolebook, role(rolebook, 'sales-lead'), 'en')).resolves.toBeInstanceOf(Uint8Array);
	});

	it('is reported for names in the company profile too', async () => {
		const { rolebook } = fixtureRolebook({ file: 'content/company.yaml', replace: ['{ family: Smith, given: Jane }', '{ family: "Smith 漢", given: Jane }'] });
		await expect(renderRolePdf(rolebook, role(rolebook, 'sales-lead'), 'en')).rejects.toThrow(/content\/company\.yaml: signatories\[0\]\.name: .*U\+6F22/);
	});
});

describe('templates', () => {
	const usAcknowledgement = () => fixtureRolebook({ file: 'content/roles/sales-lead/role.yaml', replace: ['category: manager', 'category: manager\ntemplate: us-acknowledgement'] }).rolebook;
	const orderTemplate = () =>
		fixtureRolebook(
			{ file: 'templates/classic.yaml', replace: ['rows: 12', 'rows: 3'] },
			{ file: 'templates/classic.yaml', replace: ['    ru: Утверждаю', '    ru: Утверждаю\n    en: Approved by order'] },
		).rolebook;
	const textOf = (bytes: Uint8Array) => {
		const pdf = tempPdf(bytes);
		try {
			return pdfText(pdf.file);
		} finally {
			pdf.cleanup();
		}
	};

	it('a role can choose the US acknowledgement template: Letter paper, no approval or agreement, acknowledgement fields', async () => {
		const rolebook = usAcknowledgement();
		const bytes = await renderRolePdf(rolebook, role(rolebook, 'sales-lead'), 'en');
		const doc = await PDFDocument.load(bytes);
		expect(doc.getPage(0).getSize()).toEqual({ width: 612, height: 792 });
		const fields = doc.getForm().getFields();
		expect(fields.map((f) => f.getName()).sort()).toEqual(['acknowledgement-date', 'acknowledgement-name', 'acknowledgement-signature']);
		expect(doc.getForm().getField('acknowledgement-signature')).toBeInstanceOf(PDFSignature);
		expect(doc.getForm().getField('acknowledgement-name')).toBeInstanceOf(PDFTextField);
	});

	it.skipIf(skipWithout('pdftotext'))('the US acknowledgement template reads as an acknowledgement, without approval or agreement blocks (pdftotext)', async () => {
		const rolebook = usAcknowledgement();
		const text = normalise(textOf(await renderRolePdf(rolebook, role(rolebook, 'sales-lead'), 'en')));
		expect(text).toContain('EMPLOYEE ACKNOWLEDGEMENT');
		expect(text).not.toContain('APPROVED');
		expect(text).not.toContain('AGREED');
	});

	it('the familiarisation row count and labels come from the template, not code', async () => {
		const rolebook = orderTemplate();
		const bytes = await renderRolePdf(rolebook, role(rolebook, 'sales-lead'), 'en');
		const names = (await PDFDocument.load(bytes)).getForm().getFields().map((f) => f.getName());
		expect(names.filter((n) => n.startsWith('familiarisation-'))).toHaveLength(9);
	});

	it.skipIf(skipWithout('pdftotext'))("a template's label override is what the document prints (pdftotext)", async () => {
		const rolebook = orderTemplate();
		expect(textOf(await renderRolePdf(rolebook, role(rolebook, 'sales-lead'), 'en'))).toContain('APPROVED BY ORDER');
	});

	it('upper-cases labels with the rules of their language (Turkish i → İ)', () => {
		const { rolebook } = fixtureRolebook();
		const template = templateSchema.parse({ name: 't', blocks: ['approval', 'sections'], labels: { approved: { tr: 'imza ile onaylandı' } } });
		const model = documentModel(rolebook, role(rolebook, 'sales-lead'), 'tr', template);
		expect(model.labels.approved).toBe('İMZA İLE ONAYLANDI');
		expect(documentModel(rolebook, role(rolebook, 'sales-lead'), 'en', template).labels.approved).toBe('APPROVED');
	});
});

describe('drafts', () => {
	it('carry a large, light, rotated watermark on every page; approved documents do not', async () => {
		const { rolebook } = fixtureRolebook();
		const draft = await PDFDocument.load(await renderRolePdf(rolebook, role(rolebook, 'sales-rep'), 'en'));
		for (let page = 0; page < draft.getPageCount(); page++) {
			const mark = drawnTexts(draft, page).find((run) => run.text === 'DRAFT');
			expect(mark, `page ${page + 1}`).toBeDefined();
			expect(mark!.size).toBeGreaterThan(40);
			expect(mark!.gray).toBeGreaterThan(0.7); // light grey, under the text
			expect(Math.abs(mark!.matrix[1]!)).toBeGreaterThan(0.5); // rotated
		}
		const approved = await PDFDocument.load(await renderRolePdf(rolebook, role(rolebook, 'sales-lead'), 'en'));
		const texts = drawnTexts(approved, 0);
		expect(texts.some((run) => run.text.includes('Sales lead'))).toBe(true); // the decoder works on this document
		expect(texts.some((run) => run.text === 'DRAFT')).toBe(false);
	});
});

describe('rolebook pdf (CLI)', () => {
	const out = mkdtempSync(join(tmpdir(), 'rolebook-cli-pdf-'));
	afterAll(() => rmSync(out, { recursive: true, force: true }));
	const rolebookCli = (...args: string[]) => {
		const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin/rolebook.js'), ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });
		return { code: result.status, stdout: result.stdout, stderr: result.stderr };
	};

	it('renders one role in one locale to the chosen file', async () => {
		const file = join(out, 'kam-ru.pdf');
		const { code, stdout } = rolebookCli('pdf', 'key-account-manager', '--locale', 'ru', '--out', file);
		expect(code).toBe(0);
		expect(stdout).toContain('kam-ru.pdf');
		const doc = await PDFDocument.load(await import('node:fs').then((fs) => fs.readFileSync(file)));
		expect(doc.getTitle()).toContain('Менеджер по работе с ключевыми клиентами');
	});

	it('names an unknown role or locale clearly, with a suggestion, and exits non-zero', () => {
		const role = rolebookCli('pdf', 'key-acount-manager');
		expect(role.code).toBe(1);
		expect(role.stderr).toContain('there is no role "key-acount-manager". Did you mean "key-account-manager"?');
		const locale = rolebookCli('pdf', 'client-manager', '--locale', 'ruu');
		expect(locale.code).toBe(1);
		expect(locale.stderr).toContain('"ruu" is not a configured locale. Did you mean "ru"?');
		expect(role.stderr + locale.stderr).not.toMatch(/^\s+at /m);
	});

	it('rejects a role together with --all, and shows help', () => {
		const both = rolebookCli('pdf', 'client-manager', '--all');
		expect(both.code).toBe(2);
		expect(both.stderr).toContain('either a role or --all');
		const help = rolebookCli('pdf', '--help');
		expect(help.code).toBe(0);
		expect(help.stdout).toContain('--out-dir <dir>');
	});

	it('--all writes every published role in every configured locale', () => {
		const dir = join(out, 'all');
		const { code } = rolebookCli('pdf', '--all', '--out-dir', dir);
		expect(code).toBe(0);
		for (const locale of ['en', 'ru', 'de', 'nb', 'sv', 'tr']) {
			for (const id of ['client-manager', 'client-search-manager', 'key-account-manager']) expect(existsSync(join(dir, locale, 'roles', `${id}.pdf`)), `${locale}/${id}`).toBe(true);
		}
	});
});
