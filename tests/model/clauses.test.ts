/**
 * The clause library: clauses shown inline with normal numbering and anchors, dated wordings
 * (an approved version keeps what its holders signed), where each clause is used, and the
 * roles that need a new version — in the model, the sign-off report and the CLI.
 */
import { describe, expect, it } from 'vitest';
import { clauseUses, loadRolebook, pendingClauseUpdates, signOffReport, wordingApproval, type Item, type Role } from '../../src/model/index.ts';
import { whereUsed } from '../../src/cli/commands/where-used.ts';
import { newVersion } from '../../src/cli/commands/new-version.ts';
import { approve } from '../../src/cli/commands/approve.ts';
import { outputProblems } from '../../src/cli/commands/check.ts';
import { status } from '../../src/cli/commands/status.ts';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFixture, makeFixture, PROJECT_ROOT, type Edit } from '../helpers/fixture.ts';

const load = (edits: Edit[] = []) => loadFixture(edits);

const role = (roles: Role[], id: string) => roles.find((candidate) => candidate.id === id)!;
const items = (r: Role, locale: string, kind: string): Item[] => r.texts[locale]!.sections.find((section) => section.kind === kind)!.items;

const CLAUSE = 'content/clauses/labour-law.yaml';
/** A new wording of the fixture's clause from 2026-05-01, after sales-lead version 2 took effect (2026-01-01). */
const NEW_WORDING: Edit[] = [
	{ file: CLAUSE, replace: ['text:\n  en: Within', 'since: 2026-05-01\ntext:\n  en: Strictly within'] },
	{
		file: CLAUSE,
		replace: [
			'ru: В пределах, установленных трудовым законодательством {jurisdiction}.\n',
			'ru: Строго в пределах, установленных трудовым законодательством {jurisdiction}.\nprevious:\n  - text:\n      en: Within the limits set by the labour law of {jurisdiction}.\n      ru: В пределах, установленных трудовым законодательством {jurisdiction}.\n',
		],
	},
];

const ROLE_FACTS = 'content/roles/sales-lead/role.yaml';
/** What the base fixture's approved sales-lead version 2 records: the wordings of labour-law it was approved with. */
const RECORD = 'labour-law: {en: "849c9cbc", ru: "1ba3b7e8"}';
/** The base fixture's record of the texts sales-lead version 2 was approved with, as `rolebook approve` writes it. */
const TEXT_RECORD_LINES = '  # Written by "rolebook approve": the role texts this version was approved with, per language. Not edited by hand.\n  textFingerprints: {en: "9d042e21", ru: "032a7cd3"}\n';
/** HR edits the clause's English text in place: no `since`, no `previous`. */
const EDIT_IN_PLACE: Edit = { file: CLAUSE, replace: ['en: Within the limits set by', 'en: Strictly within the limits set by'] };
/** The same change done as dated wordings: the approved wording kept under `previous`, the new one `since` a date after version 2 took effect. */
const RESTORED_AS_DATED: Edit = {
	file: CLAUSE,
	write:
		'title: { en: Responsibility under labour law, ru: Ответственность по трудовому праву }\nsince: 2026-05-01\ntext:\n  en: Strictly within the limits set by the labour law of {jurisdiction}.\n  ru: В пределах, установленных трудовым законодательством {jurisdiction}.\n' +
		'previous:\n  - text:\n      en: Within the limits set by the labour law of {jurisdiction}.\n      ru: В пределах, установленных трудовым законодательством {jurisdiction}.\n',
};

describe('a clause in a role text', () => {
	it('is shown inline in every language, numbered and anchored as the item it stands for, placeholders filled', () => {
		const { rolebook, problems } = load();
		expect(problems).toEqual([]);
		const lead = role(rolebook!.roles, 'sales-lead');
		expect(items(lead, 'en', 'responsibility')[0]).toMatchObject({
			number: '4.1',
			anchor: 'responsibility-4-1',
			clause: 'labour-law',
			text: 'Within the limits set by the labour law of the Russian Federation.',
			items: [],
		});
		expect(items(lead, 'ru', 'responsibility')[0]).toMatchObject({ number: '4.1', text: 'В пределах, установленных трудовым законодательством Российской Федерации.' });
	});

	it('does not change the text\'s fingerprint: the words are what is signed, not where they come from', () => {
		const withClause = role(load().rolebook!.roles, 'sales-lead');
		const written = role(load([{ file: 'content/roles/sales-lead/en.mdx', replace: ['      - clause: labour-law', '      - text: Within the limits set by the labour law of {jurisdiction}.'] }]).rolebook!.roles, 'sales-lead');
		expect(written.texts.en!.fingerprint).toBe(withClause.texts.en!.fingerprint);
	});

	it('a list clause takes the lead-in from the role and numbers its sub-items under it; the items after it keep their numbers', () => {
		const { rolebook, problems } = load([
			{ file: 'content/clauses/guided-by.yaml', write: 'title: { en: Guided by }\ntopic: guidance\nitems:\n  - { en: "the law of {jurisdiction};", ru: "законом;" }\n  - { en: "this description.", ru: "этой инструкцией." }\n' },
			{ file: 'content/roles/sales-lead/en.mdx', replace: ['      - text: Plans sales.', '      - text: "Is guided by:"\n        clause: guided-by\n      - text: Plans sales.'] },
			{ file: 'content/roles/sales-lead/ru.mdx', replace: ['      - text: Планирует продажи.', '      - text: "Руководствуется:"\n        clause: guided-by\n      - text: Планирует продажи.'] },
		]);
		// Added to an approved version in place, the clause has no record of the wording it was approved with, and the texts changed.
		expect(problems).toEqual([
			expect.objectContaining({ file: 'content/roles/sales-lead/en.mdx', path: 'title', message: expect.stringContaining('the en text no longer reads as version 2 was approved with it') }),
			expect.objectContaining({ path: 'document.clauseFingerprints', message: expect.stringContaining('not recorded (guided-by in en, ru)') }),
			expect.objectContaining({ file: 'content/roles/sales-lead/ru.mdx', path: 'title', message: expect.stringContaining('the ru text no longer reads as version 2 was approved with it') }),
		]);
		const duties = items(role(rolebook!.roles, 'sales-lead'), 'en', 'duties');
		expect(duties.map((item) => item.number)).toEqual(['2.1', '2.2', '2.3']);
		expect(duties[0]).toMatchObject({ text: 'Is guided by:', clause: 'guided-by' });
		// A clause's topic applies in general provisions only.
		expect(duties[0]!.topic).toBeUndefined();
		expect(duties[0]!.items.map((item) => [item.number, item.anchor, item.text])).toEqual([
			['2.1.1', 'duty-2-1-1', 'the law of the Russian Federation;'],
			['2.1.2', 'duty-2-1-2', 'this description.'],
		]);
		expect(duties[2]).toMatchObject({ number: '2.3', anchor: 'duty-2-3', text: 'Coaches the reps.' });
	});

	it('lets a translation write the item itself where the clause has no text in its language, without a warning', () => {
		const { rolebook, problems } = load([
			{ file: CLAUSE, replace: ['  ru: В пределах, установленных трудовым законодательством {jurisdiction}.\n', ''] },
			{ file: 'content/roles/sales-lead/ru.mdx', replace: ['      - clause: labour-law', '      - text: В пределах трудового законодательства {jurisdiction}.'] },
			// Not the approved version 2's text edited in place: the one before texts were recorded.
			{ file: ROLE_FACTS, replace: [TEXT_RECORD_LINES, ''] },
		]);
		expect(problems).toEqual([]);
		expect(items(role(rolebook!.roles, 'sales-lead'), 'ru', 'responsibility')[0]).toMatchObject({ number: '4.1', text: 'В пределах трудового законодательства Российской Федерации.' });
	});
});

describe('a new wording of a clause', () => {
	it('leaves an approved version showing the wording in force when it took effect, and warns that it needs a new version', () => {
		const { rolebook, problems } = load(NEW_WORDING);
		const lead = role(rolebook!.roles, 'sales-lead');
		expect(items(lead, 'en', 'responsibility')[0]!.text).toBe('Within the limits set by the labour law of the Russian Federation.');
		expect(problems).toEqual([
			expect.objectContaining({
				severity: 'warning',
				file: 'content/roles/sales-lead/role.yaml',
				path: 'document.version',
				message: expect.stringContaining('has a new wording since 2026-05-01'),
				found: 'labour-law',
			}),
		]);
		expect(problems[0]!.message).toContain('Start a new version with "rolebook version sales-lead"');
		expect(pendingClauseUpdates(rolebook!).map(({ role: r, clause, since }) => [r.id, clause.id, since])).toEqual([['sales-lead', 'labour-law', '2026-05-01']]);
	});

	it('is shown by the next version (a draft) and by a version in force from its date on; no warning then', () => {
		const draft = load([
			...NEW_WORDING,
			{ file: 'content/roles/sales-lead/role.yaml', replace: ['status: approved', 'status: draft'] },
			// Nobody can have signed a draft.
			{ file: 'content/sign-offs.yaml', replace: ['      - { version: 2, date: 2026-01-15 }\n', ''] },
		]);
		expect(items(role(draft.rolebook!.roles, 'sales-lead'), 'en', 'responsibility')[0]!.text).toBe('Strictly within the limits set by the labour law of the Russian Federation.');
		// Approved from the new wording's date on (its record is of that wording: recorded as "rolebook approve" would).
		const later = load([...NEW_WORDING, { file: 'content/roles/sales-lead/role.yaml', replace: ['effective: 2026-01-01', 'effective: 2026-05-01'] }, { file: ROLE_FACTS, replace: [RECORD, 'labour-law: {en: "7ef9640a", ru: "5ddd8867"}'] }]);
		expect(items(role(later.rolebook!.roles, 'sales-lead'), 'ru', 'responsibility')[0]!.text).toBe('Строго в пределах, установленных трудовым законодательством Российской Федерации.');
		expect(later.problems.filter((problem) => problem.message.includes('clause'))).toEqual([]);
	});

	it('puts the holders who signed the version in force on the sign-off report as signing again', () => {
		const { rolebook } = load(NEW_WORDING);
		const report = signOffReport(rolebook!).find((entry) => entry.role.id === 'sales-lead')!;
		expect(report.clauseChanges.map(({ clause, since }) => [clause.id, since])).toEqual([['labour-law', '2026-05-01']]);
		const states = Object.fromEntries(report.holders.map(({ holder, state }) => [holder.name.en, state]));
		expect(states).toEqual({ 'Ann Lee': 'clause-changed', 'Bob Stone': 'must-re-sign', 'Cy Young': 'not-signed' });
	});
});

describe('a clause edited in place', () => {
	it('warns at the approved role\'s clause line, naming the clause, the language that changed and the command that starts a new version', () => {
		const { rolebook, problems } = load([EDIT_IN_PLACE]);
		expect(rolebook).toBeDefined();
		expect(problems).toEqual([
			expect.objectContaining({ severity: 'warning', file: 'content/roles/sales-lead/en.mdx', line: 23, path: 'sections[3].items[0].clause', found: 'labour-law' }),
		]);
		const { message } = problems[0]!;
		expect(message).toContain('the clause "labour-law" no longer reads as version 2 was approved with it (en; content/clauses/labour-law.yaml): it was edited in place');
		expect(message).toContain('now show words its holders did not sign');
		expect(message).toContain('under "previous:"');
		expect(message).toContain('"since:"');
		expect(message).toContain('start a new version with "npx rolebook version sales-lead"');
		// The page and PDF show the edited words: that is what the warning is about.
		expect(items(role(rolebook!.roles, 'sales-lead'), 'en', 'responsibility')[0]!.text).toBe('Strictly within the limits set by the labour law of the Russian Federation.');
	});

	it('names every language that changed, once per role', () => {
		const { problems } = load([EDIT_IN_PLACE, { file: CLAUSE, replace: ['ru: В пределах', 'ru: Строго в пределах'] }]);
		expect(problems.map((problem) => [problem.file, problem.message.match(/\((.*?);/)?.[1]])).toEqual([['content/roles/sales-lead/en.mdx', 'en, ru']]);
	});

	it('is not reported when only the file\'s layout changed, or the company\'s name a placeholder fills in', () => {
		const rewrapped = load([{ file: CLAUSE, replace: ['en: Within the limits set by the labour law of {jurisdiction}.', 'en: >-\n    Within the limits   set by\n    the labour law of {jurisdiction}.'] }]);
		expect(rewrapped.problems).toEqual([]);
		const renamed = load([{ file: 'content/company.yaml', replace: ['the Russian Federation', 'the Republic'] }]);
		expect(renamed.problems).toEqual([]);
	});

	it('is not reported when the change is dated: the approved version keeps the wording it was approved with (only the new-version warning remains)', () => {
		const { problems } = load([RESTORED_AS_DATED]);
		expect(problems.map((problem) => problem.message)).toEqual([expect.stringContaining('has a new wording since 2026-05-01')]);
	});

	it('is an error for a frozen past version that was approved with the clause: a past approved document must never change', () => {
		const frozen: Edit[] = [
			{ file: 'content/roles/sales-lead/versions/1/role.yaml', replace: ['  agreedWith: [counsel]', `  agreedWith: [counsel]\n  clauseFingerprints:\n    ${RECORD}`] },
			{ file: 'content/roles/sales-lead/versions/1/en.mdx', replace: ['      - text: Within the limits set by the labour law of {jurisdiction}.', '      - clause: labour-law'] },
			{ file: 'content/roles/sales-lead/versions/1/ru.mdx', replace: ['      - text: В пределах, установленных трудовым законодательством {jurisdiction}.', '      - clause: labour-law'] },
		];
		expect(load(frozen).problems).toEqual([]);
		const { rolebook, problems } = load([...frozen, EDIT_IN_PLACE]);
		expect(rolebook).toBeUndefined();
		const error = problems.find((problem) => problem.severity === 'error')!;
		expect(error).toMatchObject({ file: 'content/roles/sales-lead/versions/1/en.mdx', line: 23, path: 'sections[3].items[0].clause' });
		expect(error.message).toContain('a kept approved version (a past version, or a retired role\'s last) must never change');
		expect(error.message).toContain('after this version took effect (2025-01-01)');
		// Dated instead, both versions keep what they were approved with.
		expect(load([...frozen, RESTORED_AS_DATED]).problems.filter((problem) => problem.severity === 'error')).toEqual([]);
	});

	it('warns about an approved version with no record of its clause wordings, and names the command that records them', () => {
		const { problems } = load([{ file: ROLE_FACTS, replace: [`    ${RECORD}\n`, ''] }, { file: ROLE_FACTS, replace: ['  clauseFingerprints:\n', ''] }]);
		expect(problems).toEqual([expect.objectContaining({ severity: 'warning', file: ROLE_FACTS, path: 'document.clauseFingerprints', line: 10 })]);
		expect(problems[0]!.message).toContain('version 2 is approved, but the clause wordings it was approved with are not recorded (labour-law in en, ru)');
		expect(problems[0]!.message).toContain('record them with "npx rolebook approve sales-lead"');
	});

	it('warns about a draft that carries a record (nothing has been approved with it yet)', () => {
		const { problems } = load([{ file: ROLE_FACTS, replace: ['status: approved', 'status: draft'] }, { file: 'content/sign-offs.yaml', replace: ['      - { version: 2, date: 2026-01-15 }\n', ''] }]);
		expect(problems).toEqual([
			expect.objectContaining({ severity: 'warning', file: ROLE_FACTS, path: 'document.clauseFingerprints', message: expect.stringContaining('a draft has not been approved with any wording yet') }),
			expect.objectContaining({ severity: 'warning', file: ROLE_FACTS, path: 'document.textFingerprints', message: expect.stringContaining('a draft has not been approved with any text yet') }),
		]);
	});

	it('puts the holders who signed the version in force on the sign-off report as signing again, with the languages edited', () => {
		const { rolebook } = load([EDIT_IN_PLACE]);
		expect(pendingClauseUpdates(rolebook!).map(({ role: r, clause, newWording, edited }) => [r.id, clause.id, newWording, edited])).toEqual([['sales-lead', 'labour-law', false, ['en']]]);
		const report = signOffReport(rolebook!).find((entry) => entry.role.id === 'sales-lead')!;
		expect(report.clauseChanges.map(({ clause, since, edited }) => [clause.id, since, edited])).toEqual([['labour-law', undefined, ['en']]]);
		const states = Object.fromEntries(report.holders.map(({ holder, state }) => [holder.name.en, state]));
		expect(states).toEqual({ 'Ann Lee': 'clause-changed', 'Bob Stone': 'must-re-sign', 'Cy Young': 'not-signed' });
		expect(wordingApproval(rolebook!, role(rolebook!.roles, 'sales-lead')).edited.map(({ clause, locales }) => [clause.id, locales])).toEqual([['labour-law', ['en']]]);
	});

	it('is reported at the clause file when its words have a character the PDF font cannot draw, naming the roles that show it', () => {
		const fixture = makeFixture([{ file: CLAUSE, replace: ['ru: В пределах', 'ru: 漢 В пределах'] }]);
		try {
			const options = { root: fixture.root, contentDir: fixture.contentDir, stringsDir: fixture.stringsDir, today: '2026-06-01' };
			const problems = outputProblems(loadRolebook(options).rolebook!, options);
			const clauseProblems = problems.filter((problem) => problem.file === CLAUSE);
			expect(clauseProblems).toEqual([expect.objectContaining({ severity: 'error', path: 'text.ru', line: 4 })]);
			expect(clauseProblems[0]!.message).toContain('"漢" (U+6F22');
			expect(clauseProblems[0]!.message).toContain('shown in sales-lead v2, ru 4.1');
			expect(problems.filter((problem) => problem.file.startsWith('content/roles/'))).toEqual([]);
		} finally {
			fixture.cleanup();
		}
	});
});

describe('HR acting on a changed clause', () => {
	const capture = () => {
		const lines: string[] = [];
		return { lines, out: { info: (line: string) => lines.push(line), error: (line: string) => lines.push(line) } };
	};

	it('rolebook status --sign-offs names the clause, the command and who must sign again', () => {
		const fixture = makeFixture(NEW_WORDING);
		try {
			const { lines, out } = capture();
			expect(status({ root: fixture.root, contentDir: fixture.contentDir, stringsDir: fixture.stringsDir, today: '2026-06-01', signOffs: true, translations: false }, out)).toBe(0);
			const text = lines.join('\n');
			expect(text).toContain('sales-lead — version 2: 0 signed, 2 must sign again, 1 not signed');
			expect(text).toContain('clause "labour-law" has a new wording since 2026-05-01: start version 3 with "rolebook version sales-lead"');
			expect(text).toMatch(/Ann Lee\s+must sign again \(clause changed\)/);
		} finally {
			fixture.cleanup();
		}
	});

	it('after "rolebook version", the frozen version keeps the wording its holders signed and the new draft shows the new one', () => {
		const fixture = makeFixture(NEW_WORDING);
		try {
			const options = { root: fixture.root, contentDir: fixture.contentDir, stringsDir: fixture.stringsDir, today: '2026-06-01' };
			expect(newVersion({ ...options, id: 'sales-lead' }, capture().out)).toBe(0);
			const { rolebook, problems } = loadRolebook(options);
			expect(problems.filter((problem) => problem.message.includes('new wording'))).toEqual([]);
			const lead = role(rolebook!.roles, 'sales-lead');
			expect(lead.document).toMatchObject({ version: 3, status: 'draft' });
			expect(items(lead, 'en', 'responsibility')[0]!.text).toBe('Strictly within the limits set by the labour law of the Russian Federation.');
			const frozen = lead.history.find((version) => version.document.version === 2)!;
			expect(frozen.texts.en!.sections.find((section) => section.kind === 'responsibility')!.items[0]!.text).toBe('Within the limits set by the labour law of the Russian Federation.');
		} finally {
			fixture.cleanup();
		}
	});
});

describe('recording the clause wordings a version is approved with', () => {
	const capture = () => {
		const lines: string[] = [];
		return { lines, text: () => lines.join('\n'), out: { info: (line: string) => lines.push(line), error: (line: string) => lines.push(line) } };
	};
	const inFixture = (edits: Edit[], body: (options: { root: string; contentDir: string; stringsDir: string; today: string }, file: (path: string) => string) => void) => {
		const fixture = makeFixture(edits);
		try {
			body({ root: fixture.root, contentDir: fixture.contentDir, stringsDir: fixture.stringsDir, today: '2026-06-01' }, (path) => join(fixture.root, path));
		} finally {
			fixture.cleanup();
		}
	};
	const UNRECORDED: Edit[] = [{ file: ROLE_FACTS, replace: [`  # Written by "rolebook approve": the clause wordings this version was approved with, per language. Not edited by hand.\n  clauseFingerprints:\n    ${RECORD}\n`, ''] }];

	it('"rolebook approve" on an approved version without a record records what it shows, keeping the file\'s comments', () => {
		inFixture([...UNRECORDED, { file: ROLE_FACTS, replace: ['department: sales', '# HR: keep this comment\ndepartment: sales'] }], (options, file) => {
			expect(loadRolebook(options).problems.map((problem) => problem.path)).toEqual(['document.clauseFingerprints']);
			const { out, text } = capture();
			expect(approve({ ...options, id: 'sales-lead' }, out)).toBe(0);
			expect(text()).toContain('recorded in content/roles/sales-lead/role.yaml the clause wordings version 2 shows: labour-law (en, ru)');
			const yaml = readFileSync(file(ROLE_FACTS), 'utf8');
			expect(yaml).toContain('# HR: keep this comment\n');
			expect(yaml).toContain(`  clauseFingerprints:\n    ${RECORD}\n`);
			expect(loadRolebook(options).problems).toEqual([]);
			// Nothing more to record.
			const again = capture();
			expect(approve({ ...options, id: 'sales-lead' }, again.out)).toBe(0);
			expect(again.text()).toContain('nothing to record');
		});
	});

	it('"rolebook approve" never overwrites what a version was approved with', () => {
		inFixture([EDIT_IN_PLACE], (options, file) => {
			const before = readFileSync(file(ROLE_FACTS), 'utf8');
			const { out, text } = capture();
			expect(approve({ ...options, id: 'sales-lead' }, out)).toBe(1);
			expect(text()).toContain('"labour-law" (en; content/clauses/labour-law.yaml) was edited in place');
			expect(readFileSync(file(ROLE_FACTS), 'utf8')).toBe(before);
			const flags = capture();
			expect(approve({ ...options, id: 'sales-lead', by: 'boss' }, flags.out)).toBe(1);
			expect(flags.text()).toContain('is already approved');
		});
	});

	it('"rolebook approve" turns a draft into the approved version and records the wording it shows once in force, not the draft\'s newest', () => {
		// The new wording applies from 2026-05-01: the draft shows it, but approved from 2026-04-01 the version shows the earlier one.
		inFixture([RESTORED_AS_DATED, { file: ROLE_FACTS, replace: ['status: approved', 'status: draft'] }, { file: 'content/sign-offs.yaml', replace: ['      - { version: 2, date: 2026-01-15 }\n', ''] }], (options, file) => {
			const { out, text } = capture();
			expect(approve({ ...options, id: 'sales-lead', effective: '2026-04-01' }, out)).toBe(0);
			expect(text()).toContain('document.status approved, effective 2026-04-01, approvedBy boss; the clause wordings it is approved with: labour-law (en, ru)');
			const yaml = readFileSync(file(ROLE_FACTS), 'utf8');
			expect(yaml).toMatch(/status: approved\n\s+effective: 2026-04-01/);
			expect(yaml).toContain(RECORD);
			const { rolebook, problems } = loadRolebook(options);
			expect(problems.map((problem) => problem.message)).toEqual([expect.stringContaining('has a new wording since 2026-05-01')]);
			expect(role(rolebook!.roles, 'sales-lead').document).toMatchObject({ status: 'approved', effective: '2026-04-01' });
		});
	});

	it('"rolebook approve" refuses an unknown approver or a date before the previous version, and writes nothing', () => {
		inFixture([{ file: ROLE_FACTS, replace: ['status: approved', 'status: draft'] }, { file: 'content/sign-offs.yaml', replace: ['      - { version: 2, date: 2026-01-15 }\n', ''] }], (options, file) => {
			const before = readFileSync(file(ROLE_FACTS), 'utf8');
			const unknown = capture();
			expect(approve({ ...options, id: 'sales-lead', by: 'bos' }, unknown.out)).toBe(1);
			expect(unknown.text()).toContain('Did you mean "boss"?');
			const early = capture();
			expect(approve({ ...options, id: 'sales-lead', effective: '2024-12-31' }, early.out)).toBe(1);
			expect(early.text()).toContain('must be after version 1 took effect (2025-01-01)');
			expect(readFileSync(file(ROLE_FACTS), 'utf8')).toBe(before);
		});
	});

	it('"rolebook version" does not freeze a version whose clause was edited in place; restored as a dated wording, it does, and the frozen copy keeps its record', () => {
		inFixture([EDIT_IN_PLACE], (options, file) => {
			const refused = capture();
			expect(newVersion({ ...options, id: 'sales-lead' }, refused.out)).toBe(1);
			expect(refused.text()).toContain('"labour-law" (en; content/clauses/labour-law.yaml) was edited in place');
			expect(refused.text()).toContain('back under "previous:"');
			expect(existsSync(file('content/roles/sales-lead/versions/2'))).toBe(false);

			writeFileSync(file(CLAUSE), (RESTORED_AS_DATED as { write: string }).write);
			expect(newVersion({ ...options, id: 'sales-lead' }, capture().out)).toBe(0);
			expect(readFileSync(file('content/roles/sales-lead/versions/2/role.yaml'), 'utf8')).toContain(RECORD);
			expect(readFileSync(file(ROLE_FACTS), 'utf8')).not.toContain('clauseFingerprints');
			const { problems } = loadRolebook(options);
			expect(problems.filter((problem) => /clause/.test(problem.message))).toEqual([]);
		});
	});

	it('"rolebook version" records the wordings in the frozen copy when the version had no record', () => {
		inFixture(UNRECORDED, (options, file) => {
			const { out, text } = capture();
			expect(newVersion({ ...options, id: 'sales-lead' }, out)).toBe(0);
			expect(text()).toContain('recorded in content/roles/sales-lead/versions/2/role.yaml the clause wordings version 2 shows: labour-law (en, ru)');
			expect(readFileSync(file('content/roles/sales-lead/versions/2/role.yaml'), 'utf8')).toContain(RECORD);
		});
	});
});

describe('where a clause is used', () => {
	it('lists each role, language and item number', () => {
		const { rolebook } = load();
		expect(clauseUses(rolebook!, 'labour-law').map((use) => `${use.role.id} ${use.locale} ${use.number} ${use.wording}`)).toEqual(['sales-lead en 4.1 0', 'sales-lead ru 4.1 0']);
	});

	it('rolebook where-used prints them, and names the command for each approved role that needs a new version', () => {
		const fixture = makeFixture(NEW_WORDING);
		try {
			const lines: string[] = [];
			const out = { info: (line: string) => lines.push(line), error: (line: string) => lines.push(line) };
			const options = { root: fixture.root, contentDir: fixture.contentDir, stringsDir: fixture.stringsDir, today: '2026-06-01' };
			expect(whereUsed({ ...options, clause: 'labour-law' }, out)).toBe(0);
			const text = lines.join('\n');
			expect(text).toMatch(/sales-lead \(approved, version 2\)\s+en 4\.1 · ru 4\.1\s+← shows an older wording/);
			expect(text).toContain('  rolebook version sales-lead');
			lines.length = 0;
			expect(whereUsed({ ...options, clause: 'labor-law' }, out)).toBe(1);
			expect(lines.join('\n')).toContain('Did you mean "labour-law"?');
		} finally {
			fixture.cleanup();
		}
	});
});

describe('where a clause edited in place is used', () => {
	const run = (edits: Edit[]) => {
		const fixture = makeFixture(edits);
		try {
			const lines: string[] = [];
			const out = { info: (line: string) => lines.push(line), error: (line: string) => lines.push(line) };
			const options = { root: fixture.root, contentDir: fixture.contentDir, stringsDir: fixture.stringsDir, today: '2026-06-01' };
			expect(whereUsed({ ...options, clause: 'labour-law' }, out)).toBe(0);
			lines.push('--- status');
			expect(status({ ...options, signOffs: true, translations: false }, out)).toBe(0);
			return lines.join('\n');
		} finally {
			fixture.cleanup();
		}
	};

	it('rolebook where-used says, per approved role, whether it still shows the wording it was approved with', () => {
		expect(run([])).toMatch(/sales-lead \(approved, version 2\)\s+en 4\.1 · ru 4\.1\s+\(as approved\)/);
		const edited = run([EDIT_IN_PLACE]);
		expect(edited).toMatch(/sales-lead \(approved, version 2\)\s+en 4\.1 · ru 4\.1\s+← edited in place since version 2 was approved \(en\)/);
		expect(edited).toContain('1 approved role now shows words its holders did not sign: the clause was edited in place (content/clauses/labour-law.yaml)');
		expect(edited).toContain('  npx rolebook version sales-lead');
	});

	it('rolebook status --sign-offs names the clause, the languages, the command and who must sign again', () => {
		const text = run([EDIT_IN_PLACE]).split('--- status')[1]!;
		expect(text).toContain('sales-lead — version 2: 0 signed, 2 must sign again, 1 not signed');
		expect(text).toContain('clause "labour-law" was edited in place after version 2 was approved (en)');
		expect(text).toContain('start version 3 with "npx rolebook version sales-lead"');
		expect(text).toMatch(/Ann Lee\s+must sign again \(clause changed\)/);
	});
});

describe('the shipped content', () => {
	const { rolebook, problems } = loadRolebook({ today: '2026-11-25' });

	it('answers "rolebook where-used" as HR calls it', () => {
		const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin/rolebook.js'), 'where-used', 'responsibility-material-damage'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
		expect(result.status, result.stderr).toBe(0);
		expect(result.stdout).toMatch(/client-manager \(approved, version 1\)\s+en 4\.3 · ru 4\.3 · de 4\.3/);
		expect(result.stdout).toMatch(/key-account-manager \(approved, version 1\)\s+en 4\.2 · ru 4\.2 · de 4\.2/);
	});

	it('uses the library where the roles repeat a clause, with no problem', () => {
		expect(problems).toEqual([]);
		// Every approved role records the clause wordings it was approved with, and shows them.
		for (const approved of rolebook!.roles.filter((candidate) => candidate.document.status === 'approved')) {
			expect(wordingApproval(rolebook!, approved), approved.id).toEqual({ edited: [], unrecorded: [] });
			expect(Object.keys(approved.document.clauseFingerprints ?? {}).length, approved.id).toBeGreaterThan(0);
		}
		const uses = clauseUses(rolebook!);
		const rolesOf = (id: string) => [...new Set(uses.filter((use) => use.clause.id === id).map((use) => use.role.id))].sort();
		expect(rolesOf('responsibility-duties')).toEqual(['client-manager', 'key-account-manager']);
		expect(rolesOf('responsibility-material-damage')).toEqual(['client-manager', 'key-account-manager']);
		expect(rolesOf('knows-product-range')).toEqual(['client-manager', 'client-search-manager']);
		expect(rolesOf('trade-secrets')).toEqual(['client-search-manager']);
		expect(rolesOf('guided-by')).toEqual(['key-account-manager']);
	});

	it('shows the "guided by" list clause under the key account manager\'s own lead-in, in every language', () => {
		const kam = role(rolebook!.roles, 'key-account-manager');
		for (const [locale, start] of [['en', 'the legislative acts of the Russian Federation;'], ['ru', 'законодательными актами Российской Федерации;'], ['de', 'den Rechtsvorschriften der Russischen Föderation;']] as const) {
			const guidance = items(kam, locale, 'general-provisions')[5]!;
			expect(guidance).toMatchObject({ number: '1.6', topic: 'guidance', clause: 'guided-by' });
			expect(guidance.items.map((item) => item.number)).toEqual(['1.6.1', '1.6.2', '1.6.3', '1.6.4', '1.6.5']);
			expect(guidance.items[0]!.text).toBe(start);
		}
	});
});
