/**
 * An approved role text edited in place: `document.textFingerprints` records what each text of a
 * version prints when it is approved; `check` warns when the version in force no longer prints
 * it (an error for a kept version), and the sign-off report has its holders sign again — while a
 * re-wrapped line, a new company name, an internal item or the web-only body change nothing.
 */
import { describe, expect, it } from 'vitest';
import { signOffReport, textApproval, textFingerprint } from '../../src/model/index.ts';
import type { RoleTextData } from '../../src/model/schema/index.ts';
import { loadFixture, type Edit } from '../helpers/fixture.ts';

const load = (edits: Edit[] = []) => loadFixture(edits);

const EN = 'content/roles/sales-lead/en.mdx';
const FROZEN_FACTS = 'content/roles/sales-lead/versions/1/role.yaml';
/** What sales-lead version 1 printed when approved, recorded in its frozen copy. */
const FROZEN_RECORD: Edit = { file: FROZEN_FACTS, replace: ['  agreedWith: [counsel]', '  agreedWith: [counsel]\n  textFingerprints: {en: "7a317da8", ru: "54085bac"}'] };
/** HR rewords a duty of the approved version 2 in place. */
const ITEM_EDITED: Edit = { file: EN, replace: ['      - text: Plans sales.', '      - text: Plans and forecasts sales.'] };

describe('an approved role text edited in place', () => {
	it('the base fixture records what its approved version prints, and is clean', () => {
		const { rolebook, problems } = load();
		expect(problems).toEqual([]);
		const lead = rolebook!.roles.find((role) => role.id === 'sales-lead')!;
		expect(lead.document.textFingerprints).toEqual({ en: '9d042e21', ru: '032a7cd3' });
		expect(textApproval(rolebook!, lead)).toEqual({ edited: [], unrecorded: [] });
	});

	it('an item reworded: a warning at the text\'s title line naming the language, and what to do', () => {
		const { rolebook, problems } = load([ITEM_EDITED]);
		expect(problems).toEqual([expect.objectContaining({ severity: 'warning', file: EN, line: 2, path: 'title' })]);
		const { message } = problems[0]!;
		expect(message).toContain('the en text no longer reads as version 2 was approved with it: it was edited in place');
		expect(message).toContain("page, PDF and Word file now show words its holders did not sign");
		expect(message).toContain('"git checkout -- content/roles/sales-lead/en.mdx"');
		expect(message).toContain('run "npx rolebook version sales-lead", then make the edit in the new draft');
		expect(textApproval(rolebook!, rolebook!.roles.find((role) => role.id === 'sales-lead')!)).toEqual({ edited: ['en'], unrecorded: [] });
	});

	it.each([
		['a sub-item', { file: EN, replace: ['          - text: weekly;', '          - text: every week;'] }],
		['a section title', { file: EN, replace: ['  - kind: rights\n', '  - kind: rights\n    title: Powers\n'] }],
		['an intro', { file: EN, replace: ['intro: "The sales lead:"', 'intro: "The head of sales:"'] }],
		['the title', { file: EN, replace: ['title: Sales lead', 'title: Head of sales'] }],
		['the summary', { file: EN, replace: ['summary: Leads the sales reps.', 'summary: Leads and coaches the sales reps.'] }],
		['an item removed', { file: EN, replace: ['      - text: Plans sales.\n', ''] }],
		['a clause replaced by own words', { file: EN, replace: ['      - clause: labour-law', '      - text: Within the law.'] }],
	] as [string, Edit][])('%s edited is caught too', (_, edit) => {
		const { problems } = load([edit]);
		expect(problems.filter((problem) => problem.path === 'title')).toEqual([expect.objectContaining({ severity: 'warning', file: EN, message: expect.stringContaining('the en text no longer reads as version 2') })]);
	});

	it('is not reported for a re-wrapped line or extra spaces: the words are the same', () => {
		const { problems } = load([
			{ file: EN, replace: ['      - text: Coaches the reps.', '      - text: "Coaches   the\n          reps.  "'] },
			{ file: EN, replace: ['      - text: Signs documents within their competence.', '      - text: Signs documents\n          within their competence.'] },
		]);
		expect(problems).toEqual([]);
	});

	it('is not reported for a new company name or jurisdiction: placeholders are fingerprinted unfilled', () => {
		const { rolebook, problems } = load([
			FROZEN_RECORD,
			{ file: 'content/company.yaml', replace: ['  en: Example Trading LLC', '  en: Example Group plc'] },
			{ file: 'content/company.yaml', replace: ['    en: the Russian Federation', '    en: Russia'] },
		]);
		expect(problems).toEqual([]);
		// The frozen text prints the new phrase in its {jurisdiction}, as the document always did.
		const frozen = rolebook!.roles.find((role) => role.id === 'sales-lead')!.history[0]!;
		expect(frozen.texts.en!.sections[3]!.items[0]!.text).toBe('Within the limits set by the labour law of Russia.');
	});

	it('is not reported for an internal item (never published) or the MDX body (web-only prose)', () => {
		const { problems } = load([
			{ file: EN, replace: ['      - text: Plans sales.', '      - text: Plans sales.\n      - text: HR note, not for the document.\n        internal: true'] },
			{ file: EN, replace: ['The sales lead keeps the team on track.', 'The sales lead keeps the whole team on track, every day.'] },
		]);
		expect(problems).toEqual([]);
	});

	it('an internal item edited later changes nothing either', () => {
		const internal: Edit = { file: EN, replace: ['      - text: Plans sales.', '      - text: Plans sales.\n      - text: HR note.\n        internal: true\n        items:\n          - text: a sub-note.'] };
		const data = (edits: Edit[]) => {
			const { rolebook } = load(edits);
			return rolebook!.roles.find((role) => role.id === 'sales-lead')!.texts.en!.textFingerprint;
		};
		expect(data([internal])).toBe('9d042e21');
		expect(data([internal, { file: EN, replace: ['          - text: a sub-note.', '          - text: another sub-note.'] }])).toBe('9d042e21');
	});

	it('is not reported for a text without a record (older content): no "not recorded" warning', () => {
		const { problems } = load([{ file: EN, replace: ['      - text: Plans sales.', '      - text: Plans and forecasts sales.'] }, { file: 'content/roles/sales-lead/role.yaml', replace: ['  textFingerprints: {en: "9d042e21", ru: "032a7cd3"}', '  textFingerprints: {ru: "032a7cd3"}'] }]);
		expect(problems).toEqual([]);
	});

	it('is an error for a frozen past version: a past approved document must never change', () => {
		const { rolebook, problems } = load([FROZEN_RECORD, { file: 'content/roles/sales-lead/versions/1/ru.mdx', replace: ['Планирует объём продаж.', 'Планирует и прогнозирует объём продаж.'] }]);
		expect(rolebook).toBeUndefined();
		expect(problems).toEqual([expect.objectContaining({ severity: 'error', file: 'content/roles/sales-lead/versions/1/ru.mdx', line: 2, path: 'title' })]);
		expect(problems[0]!.message).toContain('the ru text no longer reads as version 1 was approved with it');
		expect(problems[0]!.message).toContain('must never change');
	});

	it('warns about a draft that carries a record (nothing has been approved with it yet)', () => {
		const { problems } = load([
			{ file: 'content/roles/sales-lead/role.yaml', replace: ['status: approved', 'status: draft'] },
			{ file: 'content/roles/sales-lead/role.yaml', replace: ['  clauseFingerprints:\n    labour-law: {en: "849c9cbc", ru: "1ba3b7e8"}\n', ''] },
			{ file: 'content/sign-offs.yaml', replace: ['      - { version: 2, date: 2026-01-15 }\n', ''] },
		]);
		expect(problems).toEqual([expect.objectContaining({ severity: 'warning', path: 'document.textFingerprints', message: expect.stringContaining('a draft has not been approved with any text yet') })]);
	});

	it('puts the holders who signed the version in force on the sign-off report as signing again, with the languages edited', () => {
		const { rolebook } = load([ITEM_EDITED]);
		const lead = signOffReport(rolebook!).find((entry) => entry.role.id === 'sales-lead')!;
		expect(lead.textEdited).toEqual(['en']);
		expect(lead.clauseChanges).toEqual([]);
		expect(lead.holders.map((holder) => [holder.holder.role, holder.state])).toEqual([
			['sales-lead', 'text-changed'],
			['sales-lead', 'must-re-sign'],
			['sales-lead', 'not-signed'],
		]);
		expect(signOffReport(load().rolebook!).find((entry) => entry.role.id === 'sales-lead')!.textEdited).toEqual([]);
	});
});

describe('textFingerprint', () => {
	const data = (over: Partial<RoleTextData> = {}): RoleTextData => ({
		title: 'Sales lead',
		altTitles: [],
		summary: 'Leads the reps.',
		sections: [{ kind: 'duties', items: [{ text: 'Plans {company} sales.', internal: false, items: [] }, { clause: 'labour-law' }] }],
		...over,
	});

	it('is eight hex digits, the same for the same words, and other for other words', () => {
		expect(textFingerprint(data())).toMatch(/^[0-9a-f]{8}$/);
		expect(textFingerprint(data({ title: '  Sales\n lead ' }))).toBe(textFingerprint(data()));
		expect(textFingerprint(data({ summary: 'Leads the sales reps.' }))).not.toBe(textFingerprint(data()));
	});

	it('counts what is not printed as nothing: other titles, translates, topics and targets', () => {
		const base = textFingerprint(data());
		expect(textFingerprint(data({ altTitles: ['Head of sales'], translates: 3 }))).toBe(base);
		expect(textFingerprint(data({ sections: [{ kind: 'duties', items: [{ text: 'Plans {company} sales.', internal: false, items: [], target: { measure: 'calls', min: 3, per: 'day' } }, { clause: 'labour-law', topic: 'guidance' }] }] }))).toBe(base);
	});

	it('counts a clause as its id, and a list clause\'s lead-in', () => {
		const base = textFingerprint(data());
		expect(textFingerprint(data({ sections: [{ kind: 'duties', items: [{ text: 'Plans {company} sales.', internal: false, items: [] }, { clause: 'trade-secrets' }] }] }))).not.toBe(base);
		expect(textFingerprint(data({ sections: [{ kind: 'duties', items: [{ text: 'Plans {company} sales.', internal: false, items: [] }, { clause: 'labour-law', text: 'Guided by:' }] }] }))).not.toBe(base);
	});
});
