/**
 * The clause library: clauses shown inline with normal numbering and anchors, dated wordings
 * (an approved version keeps what its holders signed), where each clause is used, and the
 * roles that need a new version — in the model, the sign-off report and the CLI.
 */
import { describe, expect, it } from 'vitest';
import { clauseUses, loadRolebook, pendingClauseUpdates, signOffReport, type Item, type Role } from '../../src/model/index.ts';
import { whereUsed } from '../../src/cli/commands/where-used.ts';
import { newVersion } from '../../src/cli/commands/new-version.ts';
import { status } from '../../src/cli/commands/status.ts';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { makeFixture, PROJECT_ROOT, type Edit } from '../helpers/fixture.ts';

function load(edits: Edit[] = []) {
	const fixture = makeFixture(edits);
	try {
		return loadRolebook({ root: fixture.root, contentDir: fixture.contentDir, stringsDir: fixture.stringsDir, today: '2026-06-01' });
	} finally {
		fixture.cleanup();
	}
}

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
		expect(problems).toEqual([]);
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
		const later = load([...NEW_WORDING, { file: 'content/roles/sales-lead/role.yaml', replace: ['effective: 2026-01-01', 'effective: 2026-05-01'] }]);
		expect(items(role(later.rolebook!.roles, 'sales-lead'), 'ru', 'responsibility')[0]!.text).toBe('Строго в пределах, установленных трудовым законодательством Российской Федерации.');
		expect(later.problems.filter((problem) => problem.message.includes('new wording'))).toEqual([]);
	});

	it('puts the holders who signed the version in force on the sign-off report as signing again', () => {
		const { rolebook } = load(NEW_WORDING);
		const report = signOffReport(rolebook!).find((entry) => entry.role.id === 'sales-lead')!;
		expect(report.clauseChanges.map(({ clause, since }) => [clause.id, since])).toEqual([['labour-law', '2026-05-01']]);
		const states = Object.fromEntries(report.holders.map(({ holder, state }) => [holder.name.en, state]));
		expect(states).toEqual({ 'Ann Lee': 'clause-changed', 'Bob Stone': 'must-re-sign', 'Cy Young': 'not-signed' });
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
