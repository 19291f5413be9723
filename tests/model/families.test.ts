/**
 * Job families: levels as each build shows them, where a role sits, what changes from one level
 * to the next, and pay bands that stay internal unless marked public — in the model itself.
 */
import { describe, expect, it } from 'vitest';
import { familyPlaceOf, levelStep, levelTitle, loadRolebook, publicBand, publishedFamilies, shownLevels, type Rolebook } from '../../src/model/index.ts';
import { validFixture, type Edit } from '../helpers/fixture.ts';

const load = (edits: Edit[] = [], includeInternal = false): Rolebook => validFixture(edits, '2026-06-01', { includeInternal });

const PUBLIC = { preview: false } as const;
const PREVIEW = { preview: true } as const;

describe('a family in a build', () => {
	const rolebook = load();
	const family = rolebook.families[0]!;

	it('shows a level whose role is a draft only in previews; the others close ranks', () => {
		expect(shownLevels(rolebook, family, PREVIEW).map((level) => level.id)).toEqual(['sales-rep', 'sales-lead', 'director']);
		expect(shownLevels(rolebook, family, PUBLIC).map((level) => level.id)).toEqual(['sales-lead', 'director']);
		expect(familyPlaceOf(rolebook, 'sales-lead', PUBLIC)).toMatchObject({ rank: 1, above: { id: 'director' } });
		expect(familyPlaceOf(rolebook, 'sales-lead', PREVIEW)).toMatchObject({ rank: 2, below: { id: 'sales-rep' } });
		expect(familyPlaceOf(rolebook, 'sales-rep', PUBLIC)).toBeUndefined();
	});

	it('has no page when no role of it is shown', () => {
		const onlyDrafts = load([{ file: 'content/families/sales.yaml', replace: ['  - role: sales-lead\n', '  - id: lead\n    title: { en: Lead }\n'] }]);
		expect(publishedFamilies(onlyDrafts, PUBLIC)).toEqual([]);
		expect(publishedFamilies(onlyDrafts, PREVIEW).map((entry) => entry.id)).toEqual(['sales']);
	});

	it('names a level by its role, or its position, in the page\'s language', () => {
		const [rep, lead, director] = family.levels;
		expect(levelTitle(rolebook, lead!, 'ru', PUBLIC)).toBe('Руководитель продаж');
		expect(levelTitle(rolebook, director!, 'ru', PUBLIC)).toBe('Директор');
		expect(levelTitle(rolebook, rep!, 'en', PREVIEW)).toBe('Sales rep');
	});
});

describe('pay bands', () => {
	it('keeps internal bands out of the model a build renders from; the public one is there, and the only one publicBand gives', () => {
		const rolebook = load();
		const bands = rolebook.families[0]!.levels.map((level) => level.band);
		expect(bands).toEqual([undefined, { min: 60000, midpoint: 80000, max: 100000, currency: 'RUB', period: 'month', public: true }, undefined]);
		expect(rolebook.families[0]!.levels.map((level) => publicBand(level)?.min)).toEqual([undefined, 60000, undefined]);
		expect(JSON.stringify(rolebook)).not.toMatch(/120000|200000/);
	});

	it('an HR tool loading internal content sees the internal bands, and publicBand still withholds them', () => {
		const rolebook = load([], true);
		const director = rolebook.families[0]!.levels[2]!;
		expect(director.band).toMatchObject({ min: 120000, midpoint: 160000, max: 200000, public: false });
		expect(publicBand(director)).toBeUndefined();
	});
});

describe('the shipped client-management family', () => {
	const { rolebook, problems } = loadRolebook({ today: '2026-11-25' });

	it('orders the three roles and the head of sales by grade, with only the client manager\'s band public (seed 000: 16–100 thousand roubles)', () => {
		expect(problems).toEqual([]);
		const family = rolebook!.families.find((entry) => entry.id === 'client-management')!;
		expect(family.levels.map((level) => [level.id, level.grade])).toEqual([
			['client-search-manager', 7],
			['client-manager', 8],
			['key-account-manager', 9],
			['head-of-sales', 11],
		]);
		expect(family.levels.map((level) => publicBand(level))).toEqual([undefined, { min: 16000, midpoint: 50000, max: 100000, currency: 'RUB', period: 'month', public: true }, undefined, undefined]);
	});

	it('says where the client manager sits and what the key account manager level changes', () => {
		const place = familyPlaceOf(rolebook!, 'client-manager', PUBLIC)!;
		expect(place).toMatchObject({ rank: 2, levels: { length: 4 }, below: { id: 'client-search-manager' }, above: { id: 'key-account-manager' } });
		const step = levelStep(rolebook!, place.level, place.above!, 'en', PUBLIC);
		expect(step.requirements).toEqual({ experienceYears: { from: 3, to: 2 }, educationAdded: [], educationDropped: ['secondary-vocational'], category: { from: 'manager', to: 'specialist' } });
		const duties = step.areas.find((area) => area.area === 'duties')!;
		expect(duties.added.length).toBeGreaterThan(10);
		// The shared library clauses are the same words at both levels.
		const responsibility = step.areas.find((area) => area.area === 'responsibility')!;
		expect(responsibility.same).toBe(2);
		expect(responsibility.added.map((change) => change.kind === 'added' && change.after.anchor)).toEqual(['responsibility-4-3']);
		// Every item of the upper role is accounted for, and links to its anchor.
		for (const change of duties.added) expect(change.kind === 'added' && change.after.anchor).toMatch(/^duty-2-\d+$/);
	});

	it('in Russian too', () => {
		const place = familyPlaceOf(rolebook!, 'client-search-manager', PUBLIC)!;
		const step = levelStep(rolebook!, place.level, place.above!, 'ru', PUBLIC);
		const knowledge = step.areas.find((area) => area.area === 'knowledge')!;
		// "Must know" entries shared through the clause library.
		expect(knowledge.same).toBeGreaterThanOrEqual(2);
		expect(knowledge.added.every((change) => change.kind === 'added' && /\p{Script=Cyrillic}/u.test(change.after.text))).toBe(true);
	});
});

