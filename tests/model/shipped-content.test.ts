/**
 * The content Rolebook ships must be complete and faithful to the source documents in
 * shared/seeds: every numbered item of each instruction kept, in English, Russian and German.
 * The expected counts below were counted by hand in the sources (see the comments).
 */
import { describe, expect, it } from 'vitest';
import { loadRolebook, type Item, type Role } from '../../src/model/index.ts';

const { rolebook, problems } = loadRolebook({ today: '2026-11-25' });
const LOCALES = ['en', 'ru', 'de'] as const;

function role(id: string): Role {
	const found = rolebook?.roles.find((candidate) => candidate.id === id);
	if (!found) throw new Error(`role ${id} not found`);
	return found;
}

/** Section kind → [item count, sub-item counts of the items that have them]. */
type Shape = Record<string, { items: number; subItems?: Record<string, number> }>;

function shapeOf(items: Item[]): { items: number; subItems?: Record<string, number> } {
	const subItems = Object.fromEntries(items.filter((item) => item.items.length > 0).map((item) => [item.number, item.items.length]));
	return Object.keys(subItems).length > 0 ? { items: items.length, subItems } : { items: items.length };
}

const expectedShapes: Record<string, Shape> = {
	// 004, «Инструкция менеджера по работе с клиентами»: I. 1–6 (3.1–3.11 "must know"; the empty
	// template slots 3.12 and 7 are not items), II. 1–14 plus six duties from the 20-duty list of
	// 004 and the list in 001, III. 1–6, IV. 1–3.
	'client-manager': {
		'general-provisions': { items: 6, subItems: { '1.3': 11 } },
		duties: { items: 20 },
		rights: { items: 6 },
		responsibility: { items: 3 },
	},
	// 000 (= second half of 003): 1.1–1.6 (1.6 guided by: five entries), 2.1–2.23, 3.1–3.6, 4: 1–3.
	'key-account-manager': {
		'general-provisions': { items: 6, subItems: { '1.6': 5 } },
		duties: { items: 23 },
		rights: { items: 6 },
		responsibility: { items: 3 },
	},
	// 003: 1.1–1.8 (1.7 "must know": 14), 2.1–2.4, 3.1–3.4 (14, 11 and 6 unnumbered sub-items),
	// 4 (numbered 3.1–3.6 in the source), 5.1–5.7 (5.6 trade secrets: 4, 5.7 criteria: 3).
	'client-search-manager': {
		'general-provisions': { items: 8, subItems: { '1.7': 14 } },
		'main-tasks': { items: 4 },
		duties: { items: 4, subItems: { '3.1': 14, '3.2': 11, '3.3': 6 } },
		rights: { items: 6 },
		responsibility: { items: 7, subItems: { '5.6': 4, '5.7': 3 } },
	},
};

function allItems(items: Item[]): Item[] {
	return items.flatMap((item) => [item, ...allItems(item.items)]);
}

describe('shipped content', () => {
	it('validates cleanly: no errors and no warnings', () => {
		expect(problems).toEqual([]);
		expect(rolebook).toBeDefined();
	});

	it('ships the three roles, approved, in English, Russian and German', () => {
		expect(rolebook!.roles.map((r) => r.id)).toEqual(['client-manager', 'client-search-manager', 'key-account-manager']);
		for (const r of rolebook!.roles) {
			expect(r.document.status).toBe('approved');
			for (const locale of LOCALES) expect(Object.keys(r.texts)).toContain(locale);
		}
	});

	describe.each(Object.entries(expectedShapes))('%s keeps every numbered item of its source', (id, shape) => {
		it.each(LOCALES)('in %s', (locale) => {
			const text = role(id).texts[locale]!;
			const actual = Object.fromEntries(text.sections.map((section) => [section.kind, shapeOf(section.items)]));
			expect(actual).toEqual(shape);
		});
	});

	it('the translations are translations: Russian is Cyrillic, German differs from English', () => {
		for (const r of rolebook!.roles) {
			const en = allItems(r.texts.en!.sections.flatMap((s) => s.items));
			const ru = allItems(r.texts.ru!.sections.flatMap((s) => s.items));
			const de = allItems(r.texts.de!.sections.flatMap((s) => s.items));
			ru.forEach((item) => expect(item.text, `${r.id} ru ${item.number}`).toMatch(/\p{Script=Cyrillic}/u));
			de.forEach((item, index) => expect(item.text, `${r.id} de ${item.number}`).not.toBe(en[index]!.text));
		}
	});

	it('fills the jurisdiction into the responsibility clauses of every locale', () => {
		const phrases = { en: 'the Russian Federation', ru: 'Российской Федерации', de: 'der Russischen Föderation' };
		for (const r of rolebook!.roles) {
			for (const locale of LOCALES) {
				const responsibility = r.texts[locale]!.sections.find((s) => s.kind === 'responsibility')!;
				const text = allItems(responsibility.items).map((item) => item.text).join(' ');
				expect(text, `${r.id} ${locale}`).toContain(phrases[locale]);
				expect(text).not.toMatch(/\{\w+\}/);
			}
		}
	});

	it.each(LOCALES)('the client-search manager carries its daily and monthly targets in %s', (locale) => {
		const items = allItems(role('client-search-manager').texts[locale]!.sections.flatMap((s) => s.items));
		const targets = items.filter((item) => item.target).map((item) => ({ number: item.number, ...item.target }));
		expect(targets).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ measure: 'calls', min: 30, per: 'day' }),
				expect.objectContaining({ measure: 'emailed-offers', min: 50, per: 'day' }),
				expect.objectContaining({ measure: 'phone-offers', min: 20, per: 'day' }),
				expect.objectContaining({ measure: 'new-contracts', min: 4, per: 'month' }),
				expect.objectContaining({ measure: 'report', per: 'month', dueDay: 3 }),
			]),
		);
		for (const target of targets) {
			const item = items.find((candidate) => candidate.number === target.number)!;
			if (target.min && target.min > 1) expect(item.text).toContain(String(target.min));
		}
	});

	it('KAM duty 2.13 is about receivables in every language (what new hires search for)', () => {
		const words = { en: /receivables/i, ru: /дебиторск/i, de: /Forderungen/ };
		for (const locale of LOCALES) {
			const duty = role('key-account-manager').texts[locale]!.sections.find((s) => s.kind === 'duties')!.items[12]!;
			expect(duty.number).toBe('2.13');
			expect(duty.anchor).toBe('duty-2-13');
			expect(duty.text).toMatch(words[locale]);
		}
	});

	it('"KAM" is an alternative title of the key account manager in every language', () => {
		for (const locale of LOCALES) expect(role('key-account-manager').texts[locale]!.altTitles).toContain('KAM');
	});

	it('reporting lines link the roles to the positions the sources name', () => {
		expect(role('client-manager').reportsTo).toMatchObject({ kind: 'position', id: 'commercial-director' });
		expect(role('key-account-manager').reportsTo).toMatchObject({ kind: 'position', id: 'head-of-sales' });
		expect(role('client-search-manager').reportsTo).toMatchObject({ kind: 'position', id: 'head-of-wholesale-sales' });
		expect(role('client-search-manager').department.id).toBe('wholesale-sales');
		expect(role('key-account-manager').substitute).toMatchObject({ kind: 'role', id: 'client-manager' });
	});

	it('has an onboarding handbook of at least seven chapters in English and Russian', () => {
		const chapters = rolebook!.chapters;
		expect(chapters.length).toBeGreaterThanOrEqual(7);
		for (const chapter of chapters) {
			expect(Object.keys(chapter.texts).sort()).toEqual(['en', 'ru']);
			expect(chapter.texts.en!.body.split(/\s+/).length, chapter.slug).toBeGreaterThan(300);
			expect(chapter.texts.ru!.body, chapter.slug).toMatch(/\p{Script=Cyrillic}/u);
		}
		expect(chapters.map((chapter) => chapter.order)).toEqual([...chapters.map((chapter) => chapter.order)].sort((a, b) => a - b));
	});
});
