import { describe, expect, it } from 'vitest';
import { diffRoleTexts, loadRolebook, similarity } from '../../src/model/index.ts';
import { makeFixture } from '../helpers/fixture.ts';

const fixture = makeFixture();
const { rolebook } = loadRolebook({ root: fixture.root, contentDir: fixture.contentDir, stringsDir: fixture.stringsDir, today: '2026-06-01' });
fixture.cleanup();
const lead = rolebook!.roles.find((role) => role.id === 'sales-lead')!;

describe('what changed between versions', () => {
	it('keeps the past version as its own role text', () => {
		expect(lead.history.map((version) => version.document.version)).toEqual([1]);
		expect(lead.document.changeSummary?.en).toContain('Weekly reporting dropped');
	});

	it('finds reworded, removed and added items, section by section', () => {
		const sections = diffRoleTexts(lead.history[0]!.texts.en!, lead.texts.en!);
		const duties = sections.find((section) => section.anchor === 'duties')!;
		const summary = duties.changes.map((change) => `${change.kind} ${'before' in change ? change.before.number : ''}→${'after' in change ? change.after.number : ''}`);
		expect(summary).toEqual(['reworded 2.1→2.1', 'removed 2.2→', 'same 2.3→2.2', 'same 2.3.1→2.2.1', 'added →2.2.2']);
		const reworded = duties.changes[0]!;
		expect(reworded.kind === 'reworded' && reworded.words.filter((word) => word.removed).map((word) => word.value.trim())).toEqual(['the']);
		expect(duties.changed).toBe(3);
		expect(sections.find((section) => section.anchor === 'rights')!.changed).toBe(0);
	});

	it('works in every translated locale', () => {
		const duties = diffRoleTexts(lead.history[0]!.texts.ru!, lead.texts.ru!).find((section) => section.anchor === 'duties')!;
		expect(duties.changes.map((change) => change.kind)).toEqual(['reworded', 'removed', 'same', 'same', 'added']);
	});

	it('scores similarity by shared words', () => {
		expect(similarity('Plans sales.', 'Plans the sales.')).toBeCloseTo(2 / 3);
		expect(similarity('Plans sales.', 'Coaches the reps.')).toBe(0);
	});
});
