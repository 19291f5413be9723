/**
 * `rolebook import` on Word job descriptions as HR has them: Russian numbered by Word, English
 * with heading styles and an outline list, a hand-numbered English file saved by LibreOffice
 * (tests/fixtures/docx/), a hand-numbered Norwegian translation from the source documents, and
 * a folder of them in one command. Every import must pass the check, keep Word's numbering and
 * items, and print (and keep) what it could not place.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCommand } from '../../src/cli/commands/import.ts';
import { readDocx } from '../../src/docx/index.ts';
import { capture, copyOfContent, type ContentCopy } from './helpers.ts';
import { englishWordNumbered, russianWordNumbered } from './word-documents.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/docx');

let copy: ContentCopy;
beforeEach(() => {
	copy = copyOfContent();
});
afterEach(() => copy.cleanup());

function run(inputs: string[], options: { id?: string; locale?: string; replace?: boolean; dryRun?: boolean } = {}) {
	const out = capture();
	const code = importCommand({ root: copy.root, contentDir: copy.contentDir, inputs, ...options }, out);
	return { code, text: out.text() };
}

function save(name: string, bytes: Uint8Array): string {
	const file = join(copy.root, 'incoming', name);
	mkdirSync(join(copy.root, 'incoming'), { recursive: true });
	writeFileSync(file, bytes);
	return file;
}

/** Items as numbers and texts: what a reader compares with the Word document. */
function numbered(items: { number: string; text: string; items: unknown[] }[]): string[] {
	return items.flatMap((item) => [`${item.number} ${item.text}`, ...numbered(item.items as typeof items)]);
}

describe('a Russian job description numbered by Word (I., 1., 1.1., bullets)', () => {
	it('becomes a draft role whose numbering and items match the document, facts filled in', async () => {
		const file = save('менеджер-по-закупкам.docx', await russianWordNumbered());
		// Word's own numbering, read from numbering.xml: the labels Word shows.
		const labels = readDocx(new Uint8Array(readFileSync(file)))
			.blocks.flatMap((block) => (block.kind === 'paragraph' && block.paragraph.numbering ? [block.paragraph.numbering.label] : []))
			.slice(0, 7);
		expect(labels).toEqual(['I.', '1.', '2.', '3.', '4.', '5.', '–']);

		const { code, text } = run([file], { id: 'purchasing-manager' });
		expect(text).toContain('✓ the imported files pass the check');
		expect(code, text).toBe(0);
		expect(text).toContain('new role "purchasing-manager" (ru): 4 sections');
		// The note between two duties is printed with its paragraph number and kept as a TODO.
		expect(text).toMatch(/unplaced: paragraph 25 \(after 2\.3\): "Примечание: пункт 2\.3 действует с 1 марта 2027 года\."/);
		expect(text).toContain('imported as "Менеджер по закупкам"');

		const role = copy.load().roles.find((r) => r.id === 'purchasing-manager')!;
		const ru = role.texts.ru!;
		expect(ru.title).toBe('Менеджер по закупкам');
		expect(ru.sections.map((s) => s.kind)).toEqual(['general-provisions', 'duties', 'rights', 'responsibility']);
		expect(numbered(ru.sections[0]!.items)).toEqual([
			'1.1 Менеджер по закупкам относится к категории специалистов.',
			'1.2 Менеджер по закупкам назначается на должность и освобождается от неё приказом генерального директора по представлению коммерческого директора.',
			'1.3 Менеджер по закупкам подчиняется непосредственно начальнику отдела продаж.',
			'1.4 На должность менеджера по закупкам назначается лицо, имеющее высшее образование и стаж работы в сфере закупок не менее 2 лет.',
			'1.5 Менеджер по закупкам должен знать:',
			'1.5.1 ассортимент и характеристики закупаемых товаров;',
			'1.5.2 порядок заключения договоров поставки;',
			'1.5.3 основы логистики и складского учёта.',
			'1.6 На время отсутствия менеджера по закупкам его обязанности исполняет менеджер по работе с ключевыми клиентами.',
		]);
		expect(ru.sections[0]!.items.map((item) => item.topic)).toEqual(['category', 'appointment', 'reporting', 'qualification', 'knowledge', 'substitution']);
		expect(ru.sections[1]!.intro).toBe('Менеджер по закупкам:');
		expect(numbered(ru.sections[1]!.items).map((line) => line.split(' ')[0])).toEqual(['2.1', '2.2', '2.2.1', '2.2.2', '2.3', '2.4']);
		expect(ru.sections[1]!.items[2]!.target).toEqual({ measure: 'meetings', min: 15, per: 'month' });
		expect(ru.sections[1]!.items[3]!.target).toEqual({ measure: 'report', per: 'month', dueDay: 5 });
		// "{jurisdiction}" put back, so the text follows the company profile.
		expect(readFileSync(join(copy.contentDir, 'roles/purchasing-manager/ru.mdx'), 'utf8')).toContain('трудовым законодательством {jurisdiction}.');

		expect({
			department: role.department.id,
			category: role.category,
			reportsTo: role.reportsTo.id,
			substitute: role.substitute?.id,
			by: role.appointment.by.id,
			recommendedBy: role.appointment.recommendedBy?.id,
			qualification: role.qualification,
			status: role.document.status,
			approvedBy: role.document.approvedBy?.id,
			agreedWith: role.document.agreedWith.map((s) => s.id),
		}).toEqual({
			department: 'sales',
			category: 'specialist',
			reportsTo: 'head-of-sales',
			substitute: 'key-account-manager',
			by: 'general-director',
			recommendedBy: 'commercial-director',
			qualification: { education: ['higher'], experienceYears: 2 },
			status: 'draft',
			approvedBy: 'volkova',
			agreedWith: ['zaitseva', 'morozova'],
		});
		// English is required: the same structure, marked for translation, so the numbering already matches.
		const en = role.texts.en!;
		expect(en.title).toBe('TODO: translate from ru: Менеджер по закупкам');
		expect(numbered(en.sections[0]!.items).length).toBe(9);
		expect(ru.translates).toBe(1);
		const body = readFileSync(join(copy.contentDir, 'roles/purchasing-manager/ru.mdx'), 'utf8');
		expect(body).toContain('## TODO: paragraphs the import could not place');
		expect(body).toContain('- paragraph 25 (after 2.3): Примечание: пункт 2.3 действует с 1 марта 2027 года.');
		const yaml = readFileSync(join(copy.contentDir, 'roles/purchasing-manager/role.yaml'), 'utf8');
		expect(yaml).toContain('# TODO: no document number found');
	});
});

describe('an English job description with heading styles and a Word outline list (2.13.)', () => {
	it('keeps Word numbering, recognises "Job responsibilities" and a custom "Working hours" section, and lists unknown signatories as TODO', async () => {
		const file = save('logistics-coordinator.docx', await englishWordNumbered());
		const { code, text } = run([file]);
		expect(code, text).toBe(0);
		expect(text).toContain('new role "logistics-coordinator" (en): 5 sections');
		expect(text).toContain('TODO in role.yaml: document.agreedWith: the agreement block names "Petrov I.I." (Head of Logistics), who is not a signatory');
		const role = copy.load().roles.find((r) => r.id === 'logistics-coordinator')!;
		const en = role.texts.en!;
		expect(en.sections.map((s) => [s.kind, s.heading])).toEqual([
			['general-provisions', 'General provisions'],
			['duties', 'Job responsibilities'],
			['rights', 'Rights'],
			['responsibility', 'Responsibility'],
			['working-conditions', 'Working hours'],
		]);
		expect(en.sections[1]!.items.map((item) => item.number).at(-1)).toBe('2.14');
		expect(en.sections[1]!.items[12]).toMatchObject({ number: '2.13', anchor: 'duty-2-13', target: { measure: 'calls', min: 40, per: 'day' } });
		expect(en.sections[1]!.items[13]!.target).toEqual({ measure: 'report', per: 'month', dueDay: 2 });
		expect(numbered(en.sections[0]!.items).slice(4)).toEqual(['1.5 The logistics coordinator must know:', '1.5.1 the company’s warehouses and carriers;', '1.5.2 customs rules for imported lighting products.']);
		expect(role.qualification).toEqual({ education: ['secondary-vocational', 'higher'], experienceYears: 3 });
		expect(role.document.approvedBy?.id).toBe('volkova');
		expect(role.document.agreedWith.map((s) => s.id)).toEqual(['zaitseva']);
	});
});

describe('a hand-numbered English job description saved by LibreOffice', () => {
	it('reads typed numbers ("1.1.", "2.13.", "3)", "4.1.1"), "-" sub-items and a custom section; a skipped number is reported', () => {
		const { code, text } = run([join(FIXTURES, 'warehouse-manager-hand-numbered.docx')], { id: 'warehouse-manager' });
		expect(code, text).toBe(0);
		expect(text).toContain('typed "2.15" where item 2.14 was expected');
		expect(text).not.toContain('typed "2.16"');
		const role = copy.load().roles.find((r) => r.id === 'warehouse-manager')!;
		const en = role.texts.en!;
		expect(en.title).toBe('Warehouse manager');
		expect(en.sections.map((s) => s.kind)).toEqual(['general-provisions', 'duties', 'rights', 'responsibility', 'custom']);
		expect(en.sections[4]!.heading).toBe('Final provisions');
		expect(numbered(en.sections[0]!.items).map((line) => line.split(' ')[0])).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '1.5.1', '1.5.2', '1.6', '1.7']);
		expect(en.sections[1]!.items).toHaveLength(15);
		expect(en.sections[1]!.items[12]!.target).toEqual({ measure: 'reconciliations', min: 1, per: 'month' });
		expect(numbered(en.sections[2]!.items)).toEqual(['3.1 Sign documents within their competence.', '3.2 Request information from other departments.', '3.3 Make proposals to management.']);
		expect(numbered(en.sections[3]!.items).map((line) => line.split(' ')[0])).toEqual(['4.1', '4.1.1', '4.1.2', '4.2']);
		expect({ category: role.category, reportsTo: role.reportsTo.id, by: role.appointment.by.id, recommendedBy: role.appointment.recommendedBy?.id, substitute: role.substitute?.id, qualification: role.qualification, certification: role.certification }).toEqual({
			category: 'manager',
			reportsTo: 'commercial-director',
			by: 'general-director',
			recommendedBy: 'commercial-director',
			substitute: 'client-manager',
			qualification: { education: ['higher'], experienceYears: 5 },
			certification: { everyMonths: 12 },
		});
	});
});

/** The Norwegian key account manager description of the sources (typed numbers, "-" sub-items), as a .docx. */
async function norwegianKam(drop?: string): Promise<Uint8Array> {
	const lines = readFileSync(join(FIXTURES, 'key-account-manager.nb.txt'), 'utf8')
		.split('\n')
		.filter((line) => line.trim() && !(drop && line.startsWith(drop)));
	return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] })));
}

describe('a second language of an existing role', () => {
	it('is added as a translation and its item counts are compared with English', async () => {
		const file = save('kam-nb.docx', await norwegianKam());
		const { code, text } = run([file], { id: 'key-account-manager' });
		expect(code, text).toBe(0);
		expect(text).toContain('nb translation of "key-account-manager" (nb): 4 sections, 43 items');
		expect(text).not.toContain('warning:');
		const kam = copy.load().roles.find((r) => r.id === 'key-account-manager')!;
		const nb = kam.texts.nb!;
		expect(nb.translates).toBe(kam.document.version);
		expect(nb.sections.map((s) => s.items.length)).toEqual(kam.texts.en!.sections.map((s) => s.items.length));
		expect(nb.sections[1]!.heading).toBe('Jobbansvar for en key account manager');
		expect(nb.sections[3]!.items.map((item) => item.number)).toEqual(['4.1', '4.2', '4.3']);
		// Topics come from the English text, item by item.
		expect(nb.sections[0]!.items.map((item) => item.topic)).toEqual(kam.texts.en!.sections[0]!.items.map((item) => item.topic));
	});

	it('says where the numbering differs from English when an item is missing', async () => {
		const file = save('kam-nb.docx', await norwegianKam('2.17.'));
		const { code, text } = run([file], { id: 'key-account-manager', locale: 'nb' });
		expect(code, text).toBe(0);
		expect(text).toContain('warning: the list "duties" has 22 in nb but 23 in en; translate every item so numbering matches');
		expect(text).toContain('typed "2.18" where item 2.17 was expected');
		expect(text.match(/where item 2\.\d+ was expected/g)).toHaveLength(1);
	});

	it('refuses to overwrite an existing translation unless --replace is given', async () => {
		const file = save('kam-nb.docx', await norwegianKam());
		expect(run([file], { id: 'key-account-manager' }).code).toBe(0);
		const again = run([file], { id: 'key-account-manager' });
		expect(again.code).toBe(1);
		expect(again.text).toContain('already has a nb text');
		expect(again.text).toContain('use --replace');
		expect(run([file], { id: 'key-account-manager', replace: true }).code).toBe(0);
	});
});

describe('a folder of Word files in one command', () => {
	it('imports each, orders translations after their originals, and prints a summary', async () => {
		save('1-logistics-coordinator.docx', await englishWordNumbered());
		save('2-purchasing-manager.docx', await russianWordNumbered());
		cpSync(join(FIXTURES, 'warehouse-manager-hand-numbered.docx'), join(copy.root, 'incoming', '3-warehouse.docx'));
		writeFileSync(join(copy.root, 'incoming', 'notes.docx'), 'not a zip');
		writeFileSync(join(copy.root, 'incoming', '~$lock.docx'), 'Word lock file');
		const { code, text } = run([join(copy.root, 'incoming')]);
		expect(code).toBe(1);
		expect(text).toContain('✗ incoming/notes.docx: not a .docx file');
		expect(text).not.toContain('~$lock');
		expect(text).toContain('Imported 3 of 4 files: 3 new role(s), 0 translation(s), 0 replaced text(s); 1 paragraph(s) unplaced (kept as TODO)');
		expect(text).toContain('✓ the imported files pass the check');
		const ids = copy.load().roles.map((role) => role.id);
		expect(ids).toEqual(expect.arrayContaining(['logistics-coordinator', 'menedzher-po-zakupkam', 'warehouse-manager']));
	});

	it('--dry-run writes nothing', async () => {
		const file = save('logistics-coordinator.docx', await englishWordNumbered());
		const { code, text } = run([file], { dryRun: true });
		expect(code).toBe(0);
		expect(text).toContain('would write content/roles/logistics-coordinator/role.yaml');
		expect(copy.load().roles.some((role) => role.id === 'logistics-coordinator')).toBe(false);
	});

	it('explains a Word 97–2003 .doc file', () => {
		const file = join(copy.root, 'old.docx');
		writeFileSync(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
		const { code, text } = run([file]);
		expect(code).toBe(1);
		expect(text).toContain('Word 97–2003 .doc file');
		expect(text).toContain('soffice --headless --convert-to docx');
	});
});
