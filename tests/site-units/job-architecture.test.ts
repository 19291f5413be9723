/**
 * What leaves the site about job families, as pure functions over the base fixture: the roles
 * feed's family and level per role, and a public pay band as the Occupation's estimatedSalary —
 * an internal band in neither.
 */
import { describe, expect, it } from 'vitest';
import { familyPlaceOf, localizeRole, publicBand, type Rolebook } from '../../src/model/index.ts';
import { rolesFeed } from '../../src/site/feeds.ts';
import { occupationJsonLd } from '../../src/site/structured-data.ts';
import { validFixture, type Edit } from '../helpers/fixture.ts';

const load = (edits: Edit[] = []): Rolebook => validFixture(edits);

const SITE = { site: 'https://handbook.example.com', today: '2026-06-01' };
const INTERNAL: Edit[] = [{ file: 'content/families/sales.yaml', replace: ['period: month, public: true', 'period: month'] }];

describe('the roles feed', () => {
	it('gives each role its family and its level on the ladder the public sees (drafts left out), with a public band', () => {
		const feed = rolesFeed(load(), 'ru', SITE);
		const lead = feed.items.find((item) => item.id === 'sales-lead')!;
		expect(lead.family).toEqual({ id: 'sales', title: 'Продажи', url: 'https://handbook.example.com/ru/families/sales/' });
		expect(lead.level).toEqual({ id: 'sales-lead', number: 1, of: 2, grade: 2, title: 'Руководитель продаж', payBand: { min: 60000, midpoint: 80000, max: 100000, currency: 'RUB', period: 'month' } });
	});

	it('never carries an internal band', () => {
		const feed = rolesFeed(load(INTERNAL), 'en', SITE);
		expect(feed.items.find((item) => item.id === 'sales-lead')!.level).toMatchObject({ payBand: null });
		expect(JSON.stringify(feed)).not.toMatch(/60000|80000|100000|120000|160000|200000|30000|50000/);
	});

	it('says null for a role in no family', () => {
		const feed = rolesFeed(load([{ file: 'content/families/sales.yaml', remove: true }]), 'en', SITE);
		expect(feed.items.find((item) => item.id === 'sales-lead')).toMatchObject({ family: null, level: null });
	});
});

describe('the Occupation JSON-LD of a role page', () => {
	const occupation = (rolebook: Rolebook) => {
		const role = rolebook.roles.find((candidate) => candidate.id === 'sales-lead')!;
		const place = familyPlaceOf(rolebook, role.id, { preview: false })!;
		const band = publicBand(place.level);
		return occupationJsonLd(rolebook, localizeRole(role, 'en', 'en'), 'https://handbook.example.com/en/roles/sales-lead/', band ? { band } : {});
	};

	it('has a public band as estimatedSalary', () => {
		expect(occupation(load()).estimatedSalary).toEqual([
			{ '@type': 'MonetaryAmountDistribution', name: 'base', currency: 'RUB', duration: 'P1M', minValue: 60000, median: 80000, maxValue: 100000, unitText: 'MONTH' },
		]);
	});

	it('has no estimatedSalary when the band is internal', () => {
		expect(occupation(load(INTERNAL))).not.toHaveProperty('estimatedSalary');
	});
});
