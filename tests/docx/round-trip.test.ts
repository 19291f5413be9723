/**
 * Export → import gives back the same content, for every shipped role in every configured
 * locale: the DOCX is written by renderRoleDocx, read back by the importer's real reader (zip +
 * XML), written as files by `rolebook import` and loaded by the content model, whose numbered
 * text must equal the original — numbers, anchors, headings, intros, texts, topics, targets —
 * and whose facts (role.yaml) must equal the original's where a Word document states them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCommand } from '../../src/cli/commands/import.ts';
import { renderRoleDocx } from '../../src/docx/index.ts';
import type { Role, Rolebook } from '../../src/model/index.ts';
import { capture, copyOfContent, textShape, type ContentCopy } from './helpers.ts';

let copy: ContentCopy;
let original: Rolebook;

beforeAll(async () => {
	copy = copyOfContent();
	original = copy.load();
	// Every role × locale exported first, before any import changes the content.
	for (const role of original.roles) {
		for (const locale of original.company.locales) writeFileSync(join(copy.root, `${role.id}.${locale}.docx`), await renderRoleDocx(original, role, locale));
	}
});
afterAll(() => copy.cleanup());

describe('round trip: export → import → the same role', () => {
	it('covers every shipped role and every configured locale', () => {
		expect(original.roles.map((role) => role.id)).toEqual(['client-manager', 'client-search-manager', 'key-account-manager']);
		expect(original.company.locales).toEqual(['en', 'ru', 'de', 'nb', 'sv', 'tr']);
	});

	for (const id of ['client-manager', 'client-search-manager', 'key-account-manager']) {
		describe(id, () => {
			const copyId = `${id}-copy`;

			it('en: a new draft role with the same text and the same facts', () => {
				const out = capture();
				const code = importCommand({ root: copy.root, contentDir: copy.contentDir, inputs: [join(copy.root, `${id}.en.docx`)], id: copyId }, out);
				expect(out.text()).toContain('✓ the imported files pass the check');
				expect(code, out.text()).toBe(0);
				expect(out.text()).toContain('0 paragraph(s) unplaced');
				const rolebook = copy.load();
				const before = original.roles.find((role) => role.id === id)!;
				const after = rolebook.roles.find((role) => role.id === copyId)!;
				expect(textShape(after.texts.en!.sections)).toEqual(textShape(before.texts.en!.sections));
				expect(after.texts.en!.title).toBe(before.texts.en!.title);
				expect(documentFacts(after)).toEqual(documentFacts(before));
				expect(after.document.status).toBe('draft');
			});

			for (const locale of ['ru', 'de']) {
				it(`${locale}: a translation with the same text, item counts equal to en`, () => {
					const out = capture();
					const code = importCommand({ root: copy.root, contentDir: copy.contentDir, inputs: [join(copy.root, `${id}.${locale}.docx`)], id: copyId }, out);
					expect(code, out.text()).toBe(0);
					expect(out.text()).toContain(`${locale} translation of "${copyId}"`);
					expect(out.text()).not.toContain('warning:');
					const rolebook = copy.load();
					const before = original.roles.find((role) => role.id === id)!;
					const after = rolebook.roles.find((role) => role.id === copyId)!;
					expect(textShape(after.texts[locale]!.sections)).toEqual(textShape(before.texts[locale]!.sections));
					expect(after.texts[locale]!.title).toBe(before.texts[locale]!.title);
					expect(after.texts[locale]!.translates).toBe(after.document.version);
				});
			}

			for (const locale of ['nb', 'sv', 'tr']) {
				it(`${locale}: the untranslated copy reads back as the English text, and --replace restores it`, () => {
					const out = capture();
					const code = importCommand({ root: copy.root, contentDir: copy.contentDir, inputs: [join(copy.root, `${id}.${locale}.docx`)], id: copyId, replace: true }, out);
					expect(code, out.text()).toBe(0);
					expect(out.text()).toContain(`en text of "${copyId}" replaced`);
					expect(out.text()).toContain('untranslated copy');
					const rolebook = copy.load();
					const before = original.roles.find((role) => role.id === id)!;
					const after = rolebook.roles.find((role) => role.id === copyId)!;
					expect(after.texts[locale]).toBeUndefined();
					expect(textShape(after.texts.en!.sections)).toEqual(textShape(before.texts.en!.sections));
				});
			}
		});
	}
});

/** The facts a Word job description states: department, category, appointment, reporting line, substitute, qualification, certification, document control. */
function documentFacts(role: Role) {
	return {
		department: role.department.id,
		category: role.category,
		reportsTo: role.reportsTo.id,
		substitute: role.substitute?.id,
		appointment: { by: role.appointment.by.id, recommendedBy: role.appointment.recommendedBy?.id },
		qualification: { ...role.qualification, education: [...role.qualification.education].sort() },
		certification: role.certification,
		number: role.document.number,
		version: role.document.version,
		approvedBy: role.document.approvedBy?.id,
		agreedWith: role.document.agreedWith.map((signatory) => signatory.id),
	};
}
